// The dry run's capacity and cost preview against figures worked out by hand from the shipped us-east-1 rates
// (x86 $0.04048 per vCPU-hour and $0.004445 per GB-hour, ARM $0.03238 and $0.00356, Spot 30 % of those).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CapacityProviderStrategyItem, TaskDefinition } from '@aws-sdk/client-ecs'
import { capacityPreview, taskSize, type CapacityRequest } from '../../src/capacity/preview.js'
import { capacityPrices } from '../../src/capacity/price-file.js'
import { pricesFor } from '../../src/capacity/prices.js'
import { capacityLogLines, capacitySection } from '../../src/capacity/section.js'
import { parseConfig } from '../../src/config/load.js'
import { ConfigError } from '../../src/config/problems.js'

const td = (cpu: string, memory: string, arm = false): TaskDefinition => ({
  family: 'web',
  cpu,
  memory,
  requiresCompatibilities: ['FARGATE'],
  ...(arm && { runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' } }),
  containerDefinitions: [{ name: 'web', image: 'web:1' }],
})

function request(overrides: Partial<CapacityRequest>): CapacityRequest {
  return {
    peakFleet: 'maximum-percent',
    strategy: 'rolling (ECS)',
    service: {
      desiredCount: 2,
      launchType: 'FARGATE',
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
    },
    current: td('256', '512'),
    next: td('512', '1024'),
    prices: pricesFor('us-east-1'),
    ...overrides,
  }
}

describe('capacity preview', () => {
  test('rolling 100/200: the peak holds the old and the new fleet together, twice the desired count', () => {
    const c = capacityPreview(request({}))
    // now: 2 × (0.25 vCPU, 0.5 GB) = 0.5 vCPU, 1 GB: 0.5 × 0.04048 + 1 × 0.004445 = 0.024685 $/h
    expect(c.now).toEqual({ tasks: 2, vcpu: 0.5, memoryGb: 1, usdPerHour: 0.024685 })
    // after: 2 × (0.5 vCPU, 1 GB) = 1 vCPU, 2 GB: 0.04048 + 0.00889 = 0.04937 $/h
    expect(c.after).toEqual({ tasks: 2, vcpu: 1, memoryGb: 2, usdPerHour: 0.04937 })
    // peak: 2 old + 2 new = 4 tasks, 1.5 vCPU, 3 GB: 0.024685 + 0.04937 = 0.074055 $/h
    expect(c.peak).toEqual({ tasks: 4, vcpu: 1.5, memoryGb: 3, usdPerHour: 0.074055 })
    expect(c.peakWhy).toBe('rolling at maximumPercent 200: at most 4 tasks at once (2 old + 2 new)')
    expect(c.launch).toBe('Fargate')
  })

  test('rolling 50/100 never holds more than the desired count', () => {
    const c = capacityPreview(
      request({
        service: { desiredCount: 4, launchType: 'FARGATE', deploymentConfiguration: { maximumPercent: 100 } },
      }),
    )
    // At most 4 tasks; the larger (new, 0.5 vCPU) ones counted first: 4 × 0.5 = 2 vCPU, 4 GB.
    expect(c.peak).toMatchObject({ tasks: 4, vcpu: 2, memoryGb: 4 })
    expect(c.peakWhy).toBe('rolling at maximumPercent 100: at most 4 tasks at once (0 old + 4 new)')
  })

  test("the deploy's own maximum-percent and desired count win over the service's", () => {
    const c = capacityPreview(request({ maximumPercent: 150, desiredCount: 4 }))
    // floor(4 × 150 / 100) = 6 at once: the 4 new (larger) tasks first, then 2 old: 4 × 0.5 + 2 × 0.25 = 2.5 vCPU.
    expect(c.peak).toMatchObject({ tasks: 6, vcpu: 2.5, memoryGb: 5 })
    expect(c.after).toMatchObject({ tasks: 4, vcpu: 2, memoryGb: 4 })
  })

  test('blue/green bake: the whole new fleet (ARM, one task more) beside the old one', () => {
    const c = capacityPreview(
      request({
        peakFleet: 'both-fleets',
        strategy: 'blue-green (ECS): bake 15 min',
        service: { desiredCount: 3, launchType: 'FARGATE' },
        current: td('1024', '2048'),
        next: td('1 vCPU', '2 GB', true),
        desiredCount: 4,
      }),
    )
    // now: 3 × (1 vCPU, 2 GB) x86: 3 × 0.04048 + 6 × 0.004445 = 0.12144 + 0.02667 = 0.14811 $/h
    expect(c.now).toEqual({ tasks: 3, vcpu: 3, memoryGb: 6, usdPerHour: 0.14811 })
    // after: 4 × (1 vCPU, 2 GB) ARM: 4 × 0.03238 + 8 × 0.00356 = 0.12952 + 0.02848 = 0.158 $/h
    expect(c.after).toEqual({ tasks: 4, vcpu: 4, memoryGb: 8, usdPerHour: 0.158 })
    // peak: 3 blue + 4 green = 7 tasks, 7 vCPU, 14 GB: 0.14811 + 0.158 = 0.30611 $/h
    expect(c.peak).toEqual({ tasks: 7, vcpu: 7, memoryGb: 14, usdPerHour: 0.30611 })
    expect(c.peakWhy).toBe(
      'blue-green (ECS): bake 15 min: the whole new fleet (4 tasks) runs beside the old one (3 tasks) until the traffic has moved and the bake is over',
    )
  })

  test('a Fargate Spot strategy: the base on FARGATE, the rest by weight', () => {
    const strategy: CapacityProviderStrategyItem[] = [
      { capacityProvider: 'FARGATE', base: 1, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 3 },
    ]
    const small = td('256', '512')
    const c = capacityPreview(
      request({
        service: { desiredCount: 5, capacityProviderStrategy: strategy },
        current: small,
        next: small,
      }),
    )
    // 5 tasks: 1 base on FARGATE, the other 4 split 1:3, so 2 on FARGATE and 3 on FARGATE_SPOT.
    // FARGATE: 0.25 × 0.04048 + 0.5 × 0.004445 = 0.0123425; Spot: 0.25 × 0.012144 + 0.5 × 0.0013335 = 0.00370275
    // 2 × 0.0123425 + 3 × 0.00370275 = 0.03579325 $/h
    expect(c.after).toEqual({ tasks: 5, vcpu: 1.25, memoryGb: 2.5, usdPerHour: 0.035793 })
    expect(c.launch).toBe('Fargate Spot for 3 of 5 tasks, Fargate for the rest')
    const allSpot = capacityPreview(
      request({ capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], current: small }),
    )
    // 2 × (0.5 vCPU, 1 GB) on Spot: 1 × 0.012144 + 2 × 0.0013335 = 0.014811 $/h; before, on demand.
    expect(allSpot.after.usdPerHour).toBe(0.014811)
    expect(allSpot.launch).toBe('Fargate Spot')
    expect(allSpot.now.usdPerHour).toBe(0.024685)
  })

  test('the EC2 launch type: capacity from the containers, no price', () => {
    const ec2: TaskDefinition = {
      family: 'web',
      containerDefinitions: [
        { name: 'web', image: 'web:1', cpu: 512, memory: 1024 },
        { name: 'log', image: 'log:1', cpu: 256, memoryReservation: 512 },
      ],
    }
    const c = capacityPreview(request({ service: { desiredCount: 2, launchType: 'EC2' }, current: ec2, next: ec2 }))
    expect(c.after).toEqual({ tasks: 2, vcpu: 1.5, memoryGb: 3 })
    expect(c.launch).toBe('launch type EC2: capacity only, no price')
    expect(capacitySection(c).join('\n')).toContain('| after the deploy | 2 | 1.5 | 3 GB | — | — |')
  })

  test('a region the table lacks is not priced unless capacity-prices gives its rates', () => {
    const bare = capacityPreview(request({ prices: pricesFor('eu-west-1') }))
    expect(bare.after.usdPerHour).toBeUndefined()
    expect(bare.prices).toBe(
      "none: the action's table has no prices for eu-west-1; give them with the config key capacity-prices",
    )
    const given = capacityPreview(
      request({
        prices: pricesFor('eu-west-1', { 'fargate-vcpu-hour': 0.1, 'fargate-gb-hour': 0.01 }, 'the config file'),
      }),
    )
    // 1 vCPU × 0.1 + 2 GB × 0.01 = 0.12 $/h
    expect(given.after.usdPerHour).toBe(0.12)
    expect(given.prices).toBe('capacity-prices (the config file)')
  })

  test('the summary section and the log lines say it is an estimate, with the change', () => {
    const c = capacityPreview(request({}))
    expect(capacitySection(c)).toEqual([
      '#### Capacity and cost (estimate)',
      '',
      '| | tasks | vCPU | memory | per hour | per month (730 h) |',
      '| --- | --- | --- | --- | --- | --- |',
      // 0.024685 × 730 = 18.02; 0.04937 × 730 = 36.04
      '| now | 2 | 0.5 | 1 GB | $0.0247 | $18.02 |',
      '| after the deploy | 2 | 1 | 2 GB | $0.0494 | $36.04 |',
      '| change | 0 | +0.5 | +1 GB | +$0.0247 | +$18.02 |',
      '| peak during the rollout | 4 | 1.5 | 3 GB | $0.0741 | — |',
      '',
      "Peak: rolling at maximumPercent 200: at most 4 tasks at once (2 old + 2 new). Runs on Fargate. Prices: AWS's published Fargate prices for us-east-1 (https://aws.amazon.com/fargate/pricing/, read 2026-12-07; Spot at AWS's 70 % off).",
      '',
      'An estimate of compute only (USD): storage beyond 20 GB, data transfer, load balancers, logs, taxes and savings plans are not counted.',
      '',
    ])
    expect(capacityLogLines(c)[0]).toBe(
      'capacity (estimate): now 2 tasks, 0.5 vCPU, 1 GB, $0.0247/h; after 2 tasks, 1 vCPU, 2 GB, $0.0494/h; peak 4 tasks, 1.5 vCPU, 3 GB, $0.0741/h (rolling at maximumPercent 200: at most 4 tasks at once (2 old + 2 new))',
    )
  })

  test.each([
    ['256', '512', 0.25, 0.5],
    ['0.5 vCPU', '1GB', 0.5, 1],
    ['2 vcpu', '4096', 2, 4],
  ])('task size %s / %s', (cpu, memory, vcpu, memoryGb) => {
    expect(taskSize({ cpu, memory })).toMatchObject({ vcpu, memoryGb })
  })
})

describe('capacity-prices in the config file', () => {
  const FILE = '.github/ecs-deploy.yml'
  const parse = (value: string) => parseConfig(`environments:\n  prod:\n    capacity-prices: ${value}\n`, FILE)

  test('inline rates and a file path are read', () => {
    expect(parse('{ fargate-vcpu-hour: 0.05, spot-gb-hour: 0.001 }').environments[0]?.capacityPrices).toEqual({
      'fargate-vcpu-hour': 0.05,
      'spot-gb-hour': 0.001,
    })
    expect(parse('.aws/prices.yml').environments[0]?.capacityPrices).toBe('.aws/prices.yml')
  })

  test.each([
    [
      '{ fargate-cpu-hour: 0.05 }',
      'line 3, environments.prod.capacity-prices.fargate-cpu-hour: unknown key; did you mean fargate-vcpu-hour?',
    ],
    [
      '{ fargate-vcpu-hour: cheap }',
      'line 3, environments.prod.capacity-prices.fargate-vcpu-hour: must be a price in USD per hour (a number ≥ 0), not "cheap"',
    ],
    [
      '[0.05]',
      'line 3, environments.prod.capacity-prices: must be the path of a file of rates, or the rates (USD per hour) as a mapping like fargate-vcpu-hour: 0.04048; not a list',
    ],
  ])('%s is refused', (value, message) => {
    expect(() => parse(value)).toThrow(ConfigError)
    expect(() => parse(value)).toThrow(message)
  })

  test('a file of rates in the workspace over the table; a bad one named with its key', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'prices-'))
    writeFileSync(path.join(workspace, 'prices.yml'), 'fargate-vcpu-hour: 0.05\n')
    const used = await capacityPrices('prices.yml', 'us-east-1', workspace)
    expect(used.prices['fargate-vcpu-hour']).toBe(0.05)
    expect(used.prices['fargate-gb-hour']).toBe(0.004445)
    expect(used.source).toMatch(/^capacity-prices \(prices\.yml\), over AWS's published Fargate prices for us-east-1/)
    writeFileSync(path.join(workspace, 'bad.json'), '{"spot-vcpu-hour": -1}')
    await expect(capacityPrices('bad.json', 'us-east-1', workspace)).rejects.toThrow(
      'Config key `capacity-prices`: spot-vcpu-hour in bad.json must be a price in USD per hour (a number ≥ 0), not -1.',
    )
    await expect(capacityPrices('../outside.yml', 'us-east-1', workspace)).rejects.toThrow(
      'Config key `capacity-prices` must name a path inside the workspace',
    )
    await expect(capacityPrices('missing.yml', 'us-east-1', workspace)).rejects.toThrow(
      /^capacity prices file missing\.yml not found at .*\. Config key `capacity-prices` is relative to the workspace/,
    )
  })
})

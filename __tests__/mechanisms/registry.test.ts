// Which mechanism deploys which strategy: the registry asks each mechanism (its controller, its strategies table), and
// a rollback goes through the same choice.
import { DescribeServicesCommand, ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import { rollbackService } from '../../src/engine/service-commands.js'
import { codedeploy } from '../../src/mechanisms/codedeploy/codedeploy-mechanism.js'
import { ecsNative } from '../../src/mechanisms/ecs-native.js'
import { mechanismFor } from '../../src/mechanisms/registry.js'
import { rolling } from '../../src/mechanisms/rolling.js'
import { STRATEGIES, type PerStrategy, type StrategyName } from '../../src/mechanisms/strategy-types.js'
import { fakeClock } from '../helpers/clock.js'
import { service } from '../helpers/ecs.js'

const inputs = (strategy?: StrategyName) => ({
  deploymentAlarms: [],
  onBusy: 'wait' as const,
  ...(strategy && { strategy }),
})
const codeDeployService = service({ deploymentController: { type: 'CODE_DEPLOY' } })

describe('mechanismFor', () => {
  test.each([
    ['rolling', 'rolling'],
    ['blue-green', 'ecs-native'],
    ['canary', 'ecs-native'],
    ['linear', 'ecs-native'],
  ] as const)('an ECS service with `strategy: %s` deploys with %s', (strategy, mechanism) => {
    expect(mechanismFor(service(), inputs(strategy)).name).toBe(mechanism)
  })

  test("without a strategy input, the service's own: its configured ECS strategy", () => {
    expect(mechanismFor(service(), inputs()).name).toBe('rolling')
    const canary = service({ deploymentConfiguration: { strategy: 'CANARY' } })
    expect(mechanismFor(canary, inputs()).name).toBe('ecs-native')
  })

  test('a CODE_DEPLOY service deploys with CodeDeploy whatever the strategy (which refuses rolling itself)', () => {
    for (const strategy of [undefined, ...STRATEGIES])
      expect(mechanismFor(codeDeployService, inputs(strategy)).name).toBe('codedeploy')
    expect(() => codedeploy.configure(inputs('rolling'), codeDeployService)).toThrow(
      'This service uses the CODE_DEPLOY deployment controller: CodeDeploy deploys blue/green',
    )
  })

  test('each strategy is deployed by exactly one mechanism of each controller', () => {
    for (const strategy of STRATEGIES) {
      expect([rolling, ecsNative].filter((m) => m.strategies[strategy]).map((m) => m.name)).toHaveLength(1)
    }
  })

  test('a strategy table lists every strategy (a missing one does not compile)', () => {
    // @ts-expect-error -- no `linear`: a new strategy is a compile error in every table until it says what it is.
    const partial: PerStrategy<boolean> = { rolling: true, 'blue-green': true, canary: true }
    expect(Object.keys(partial)).not.toContain('linear')
    for (const mechanism of [rolling, ecsNative, codedeploy])
      expect(Object.keys(mechanism.strategies).sort()).toEqual([...STRATEGIES].sort())
  })

  test('each mechanism translates the strategy into its own terms', () => {
    expect(ecsNative.configure(inputs('linear'), service()).deploymentConfiguration).toMatchObject({
      strategy: 'LINEAR',
      bakeTimeInMinutes: 0,
      linearConfiguration: {},
    })
    expect(rolling.configure(inputs('rolling'), service()).deploymentConfiguration).toMatchObject({
      strategy: 'ROLLING',
    })
    expect(codedeploy.configure(inputs('canary'), codeDeployService)).toEqual({
      deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
    })
  })
})

describe('rollback through the registry', () => {
  const ecsMock = mockClient(ECSClient)
  beforeEach(() => ecsMock.reset())

  test("a CODE_DEPLOY service's rollback is CodeDeploy's: refused with the way to do it, nothing sent to ECS", async () => {
    ecsMock.on(DescribeServicesCommand).resolves({ services: [codeDeployService] })
    await expect(
      rollbackService(
        { cluster: 'prod', service: 'web', region: 'us-east-1', timeoutMs: 60_000 },
        { clock: fakeClock(0), log: () => undefined },
      ),
    ).rejects.toThrow(
      'Service "web" uses the CODE_DEPLOY deployment controller: its rollouts go through AWS CodeDeploy (blue/green with an appspec), not an ECS update of its task definition.',
    )
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })
})

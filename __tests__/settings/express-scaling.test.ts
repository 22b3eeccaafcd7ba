// An Express service's scaling target from the config file's service-settings: read with one message per mistake,
// refused for a service that is no Express service, and sent whole only when it changes a member of the live one.
import { ExpressGatewayServiceScalingMetric } from '@aws-sdk/client-ecs'
import { parseConfig } from '../../src/config/load.js'
import { SCALING_METRICS, scalingProblems, scalingText, scalingUpdate } from '../../src/settings/express-scaling.js'
import { checkServiceSettings, type ServiceSettings } from '../../src/settings/service.js'
import { service } from '../helpers/ecs.js'

const settingsOf = (lines: string): ServiceSettings | undefined =>
  parseConfig(`environments:\n  prod:\n    service-settings:\n${lines}`, '.github/ecs-deploy.yml').environments[0]
    ?.serviceSettings

describe('reading it from the config file', () => {
  test('each key becomes its scalingTarget member; the ones not given stay out', () => {
    expect(
      settingsOf(
        '      express-scaling-min-tasks: 2\n      express-scaling-max-tasks: 10\n      express-scaling-metric: REQUEST_COUNT_PER_TARGET\n      express-scaling-target: 500\n',
      ),
    ).toEqual({
      expressScaling: {
        minTaskCount: 2,
        maxTaskCount: 10,
        autoScalingMetric: 'REQUEST_COUNT_PER_TARGET',
        autoScalingTargetValue: 500,
      },
    })
    expect(settingsOf('      express-scaling-max-tasks: 8\n')).toEqual({ expressScaling: { maxTaskCount: 8 } })
  })

  test.each([
    [
      '      express-scaling-min-tasks: 0\n',
      'line 4, environments.prod.service-settings.express-scaling-min-tasks: must be a whole number from 1 to 5000, not the number 0',
    ],
    [
      '      express-scaling-max-tasks: 2.5\n',
      'environments.prod.service-settings.express-scaling-max-tasks: must be a whole number from 1 to 5000, not the number 2.5',
    ],
    [
      '      express-scaling-min-tasks: 6\n      express-scaling-max-tasks: 4\n',
      'environments.prod.service-settings.express-scaling-min-tasks: 6 is above express-scaling-max-tasks (4); the minimum task count must not exceed the maximum',
    ],
    [
      '      express-scaling-metric: average_cpu\n',
      'environments.prod.service-settings.express-scaling-metric: must be one of AVERAGE_CPU, AVERAGE_MEMORY, REQUEST_COUNT_PER_TARGET, not the string "average_cpu"',
    ],
    [
      '      express-scaling-target: 150\n',
      "environments.prod.service-settings.express-scaling-target: 150 is not a percentage; with metric AVERAGE_CPU (the default) the target is a share of the tasks' CPU from 1 to 100",
    ],
    [
      '      express-scaling-metric: AVERAGE_MEMORY\n      express-scaling-target: 101\n',
      "express-scaling-target: 101 is not a percentage; with metric AVERAGE_MEMORY the target is a share of the tasks' memory from 1 to 100",
    ],
  ])('%j is refused', (lines, message) => {
    expect(() => settingsOf(lines)).toThrow(message)
  })

  test("the metrics are the API model's", () => {
    expect([...SCALING_METRICS].sort()).toEqual(Object.values(ExpressGatewayServiceScalingMetric).sort())
  })
})

describe('for a service that is no Express service', () => {
  test('it is refused, naming why and what sets a regular service’s count', () => {
    const settings = { expressScaling: { minTaskCount: 2, maxTaskCount: 4 } }
    expect(() => checkServiceSettings(service(), settings)).toThrow(
      'Service setting `express-scaling-min-tasks`, `express-scaling-max-tasks`: service "web" is not an ECS Express Mode service; the Express scaling target applies to Express services only (UpdateExpressGatewayService). A regular service\'s task count is `desired-count`',
    )
    expect(() => checkServiceSettings(service(), settings, true, true)).not.toThrow()
  })
})

describe('what is sent', () => {
  const live = {
    minTaskCount: 2,
    maxTaskCount: 4,
    autoScalingMetric: 'AVERAGE_CPU' as const,
    autoScalingTargetValue: 60,
  }

  test('nothing when every member given is already so (ECS’s defaults count as set)', () => {
    expect(scalingUpdate(live, { minTaskCount: 2, autoScalingTargetValue: 60 })).toBeUndefined()
    expect(scalingUpdate({ minTaskCount: 1 }, { autoScalingMetric: 'AVERAGE_CPU' })).toBeUndefined()
    expect(scalingUpdate(live, undefined)).toBeUndefined()
  })

  test('the whole target, the live members with the given ones over them, when one differs', () => {
    expect(scalingUpdate(live, { maxTaskCount: 8 })).toEqual({ ...live, maxTaskCount: 8 })
    expect(scalingUpdate({ minTaskCount: 1 }, { autoScalingTargetValue: 75 })).toEqual({
      minTaskCount: 1,
      autoScalingTargetValue: 75,
    })
  })

  test('in words', () => {
    expect(scalingText(live)).toBe('2–4 tasks, AVERAGE_CPU at 60 %')
    expect(scalingText(undefined)).toBe('at least 1 task, AVERAGE_CPU at 60 %')
    expect(scalingText({ ...live, autoScalingMetric: 'REQUEST_COUNT_PER_TARGET', autoScalingTargetValue: 500 })).toBe(
      '2–4 tasks, REQUEST_COUNT_PER_TARGET at 500',
    )
  })

  test('a target checked with the live one beside it', () => {
    expect(scalingProblems({ ...live, maxTaskCount: 1 })).toEqual([
      {
        key: 'express-scaling-min-tasks',
        message: '2 is above express-scaling-max-tasks (1); the minimum task count must not exceed the maximum',
      },
    ])
    expect(scalingProblems(live)).toEqual([])
  })
})

// The circuit breaker's threshold and early success as service settings (config file `service-settings:`): read with
// one message per mistake, sent in UpdateService only when different, shown in the diff, and followed by the wait.
import type { Service } from '@aws-sdk/client-ecs'
import { parseConfig } from '../../src/config/load.js'
import { serviceChanges } from '../../src/deploy/changes.js'
import { serviceUpdate } from '../../src/deploy/rollout.js'
import { checkSettingsModel } from '../../src/deploy/settings-model.js'
import { judge } from '../../src/deploy/verdict.js'
import { ecsNative } from '../../src/mechanisms/ecs-native.js'
import { rolling } from '../../src/mechanisms/rolling.js'
import {
  checkServiceSettings,
  failureThreshold,
  parseThreshold,
  type ServiceSettings,
} from '../../src/settings/service.js'
import { NEW_TD, deployment, oldDeployment, service } from '../helpers/ecs.js'

const FILE = '.github/ecs-deploy.yml'
const settingsOf = (lines: string): ServiceSettings | undefined =>
  parseConfig(`environments:\n  prod:\n    service-settings:\n${lines}`, FILE).environments[0]?.serviceSettings

describe('reading them from the config file', () => {
  test.each([
    [2, { type: 'COUNT', value: 2 }],
    ['25%', { type: 'BOUNDED_PERCENT', value: 25 }],
    ['150 % unbounded', { type: 'UNBOUNDED_PERCENT', value: 150 }],
  ])('threshold %p', (value, threshold) => {
    expect(parseThreshold(value)).toEqual(threshold)
  })

  test('each key becomes its deployment configuration member', () => {
    expect(
      settingsOf(
        '      circuit-breaker-threshold: 2\n      circuit-breaker-reset-on-healthy-task: false\n      early-success-healthy-percent: 50\n      early-success-cleanup: DEFERRED\n',
      ),
    ).toEqual({
      circuitBreakerThreshold: { type: 'COUNT', value: 2 },
      resetOnHealthyTask: false,
      earlySuccess: { enable: true, healthyPercent: 50, sourceServiceRevisionCleanup: 'DEFERRED' },
    })
    expect(settingsOf('      early-success-healthy-percent: 100\n')?.earlySuccess).toEqual({
      enable: true,
      healthyPercent: 100,
      sourceServiceRevisionCleanup: 'BLOCKING',
    })
  })

  test.each([
    [
      '      circuit-breaker-threshold: 0\n',
      'line 4, environments.prod.service-settings.circuit-breaker-threshold: the number 0 is not a threshold: give failed tasks (2), a share of the desired count (25%, at least 3 and at most 200 tasks) or an unbounded share (25% unbounded)',
    ],
    [
      '      circuit-breaker-threshold: half\n',
      'line 4, environments.prod.service-settings.circuit-breaker-threshold: the string "half" is not a threshold',
    ],
    [
      '      early-success-healthy-percent: 150\n',
      'line 4, environments.prod.service-settings.early-success-healthy-percent: must be a whole number from 0 to 100, not the number 150',
    ],
    [
      '      early-success-cleanup: DEFERRED\n',
      'line 4, environments.prod.service-settings.early-success-cleanup: needs early-success-healthy-percent beside it',
    ],
    [
      '      early-success-healthy-percent: 50\n      early-success-cleanup: LATER\n',
      'environments.prod.service-settings.early-success-cleanup: must be one of BLOCKING, DEFERRED',
    ],
  ])('%j is refused', (lines, message) => {
    expect(() => settingsOf(lines)).toThrow(message)
  })
})

describe('UpdateService and the diff', () => {
  const request = (settings: ServiceSettings, breaker: 'keep' | 'disable' | 'rollback' = 'keep') => ({
    cluster: 'prod',
    taskDefinitionArn: NEW_TD,
    forceNewDeployment: false,
    deploymentCircuitBreaker: breaker,
    settings,
  })
  const COUNT_2 = { type: 'COUNT' as const, value: 2 }

  test('the threshold is sent with the breaker it goes with, the rest of the configuration kept', () => {
    expect(serviceUpdate(service(), request({ circuitBreakerThreshold: COUNT_2 }))?.deploymentConfiguration).toEqual({
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true, thresholdConfiguration: COUNT_2 },
    })
    const off = serviceUpdate(
      service(),
      request({ circuitBreakerThreshold: COUNT_2, resetOnHealthyTask: false }, 'disable'),
    )
    expect(off?.deploymentConfiguration?.deploymentCircuitBreaker).toEqual({
      enable: false,
      rollback: false,
      thresholdConfiguration: COUNT_2,
      resetOnHealthyTask: false,
    })
  })

  test('as the service has them: not sent; turning the breaker on keeps its threshold', () => {
    const current = service({
      taskDefinition: NEW_TD,
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: false, rollback: false, thresholdConfiguration: COUNT_2 },
        earlySuccessCriteria: { enable: true, healthyPercent: 50, sourceServiceRevisionCleanup: 'BLOCKING' },
      },
    })
    const same = {
      circuitBreakerThreshold: COUNT_2,
      earlySuccess: current.deploymentConfiguration!.earlySuccessCriteria!,
    }
    expect(serviceUpdate(current, request(same))).toBeUndefined()
    expect(serviceUpdate(current, request({}, 'rollback'))?.deploymentConfiguration?.deploymentCircuitBreaker).toEqual({
      enable: true,
      rollback: true,
      thresholdConfiguration: COUNT_2,
    })
  })

  test('the diff names each change from → to', () => {
    expect(
      serviceChanges(service(), undefined, 'keep', {
        circuitBreakerThreshold: COUNT_2,
        resetOnHealthyTask: false,
        earlySuccess: { enable: true, healthyPercent: 50, sourceServiceRevisionCleanup: 'DEFERRED' },
      }),
    ).toEqual([
      'service circuit breaker threshold: default (50 % of the desired count, 3–200 tasks) → 2 failed tasks',
      'service circuit breaker reset on healthy task: on → off',
      'service early success: off → at 50 % healthy (old tasks removed after)',
    ])
  })
})

describe('checked before anything changes', () => {
  const early = { enable: true, healthyPercent: 50, sourceServiceRevisionCleanup: 'BLOCKING' as const }

  test('early success below the minimum healthy percent, or with an ECS-native strategy, is refused', () => {
    expect(() => checkServiceSettings(service(), { earlySuccess: early }, rolling.refusesEarlySuccess)).toThrow(
      'Service setting `early-success-healthy-percent` (50) is below service "web"\'s minimum healthy percent (100); ECS needs it at least as high. Nothing was changed.',
    )
    expect(() =>
      checkServiceSettings(service(), { earlySuccess: early, minimumHealthyPercent: 50 }, rolling.refusesEarlySuccess),
    ).not.toThrow()
    expect(() =>
      checkServiceSettings(
        service(),
        { earlySuccess: early, minimumHealthyPercent: 50 },
        ecsNative.refusesEarlySuccess,
      ),
    ).toThrow('Service setting `early-success-healthy-percent` applies to rolling deployments only')
  })

  test('a CODE_DEPLOY service takes none of them through UpdateService', () => {
    const codeDeploy = service({ deploymentController: { type: 'CODE_DEPLOY' } })
    expect(() => checkServiceSettings(codeDeploy, { circuitBreakerThreshold: { type: 'COUNT', value: 2 } })).toThrow(
      'Service setting `circuit-breaker-threshold` cannot be applied to service "web": it uses the CODE_DEPLOY deployment controller',
    )
  })

  test('volume-configurations are checked against the SDK model: a misspelt member is named', () => {
    const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole'
    expect(() =>
      checkSettingsModel({
        volumeConfigurations: [{ name: 'data', managedEBSVolume: { roleArn: ROLE, sizeInGb: 20 } as never }],
      }),
    ).toThrow(
      'Config key `service-settings.volume-configurations`, item 1 (data): managedEBSVolume.sizeInGb: unknown key; did you mean sizeInGiB?. Nothing was changed.',
    )
    expect(() =>
      checkSettingsModel({
        volumeConfigurations: [{ name: 'data', managedEBSVolume: { roleArn: ROLE, sizeInGiB: 20 } }],
      }),
    ).not.toThrow()
  })
})

describe('the wait follows them', () => {
  test.each([
    [{ type: 'COUNT' as const, value: 2 }, 10, 2],
    [{ type: 'COUNT' as const, value: 1 }, 10, 1],
    [{ type: 'BOUNDED_PERCENT' as const, value: 10 }, 10, 3],
    [{ type: 'BOUNDED_PERCENT' as const, value: 50 }, 1000, 200],
    [{ type: 'UNBOUNDED_PERCENT' as const, value: 50 }, 1000, 500],
    [undefined, 10, 5],
  ])('threshold %j with %d desired: %d failed tasks', (threshold, desired, count) => {
    expect(failureThreshold(desired, threshold)).toBe(count)
  })

  const noBreaker = (threshold?: { type: 'COUNT'; value: number }): Service =>
    service({
      deploymentConfiguration: {
        deploymentCircuitBreaker: {
          enable: false,
          rollback: false,
          ...(threshold && { thresholdConfiguration: threshold }),
        },
      },
    })

  test("with the breaker off, the action's crash-loop rule gives up at the configured threshold, not before", () => {
    const at = (failedTasks: number, svc: Service) =>
      judge({ service: svc, deployment: deployment({ failedTasks }) }, NEW_TD)?.outcome
    const two = noBreaker({ type: 'COUNT', value: 2 })
    expect(at(1, two)).toBeUndefined()
    expect(at(2, two)).toBe('failed')
    expect(at(2, noBreaker())).toBeUndefined()
    expect(at(3, noBreaker())).toBe('failed')
  })

  const earlyService = (
    deployments = [
      deployment({ desiredCount: 4, runningCount: 2, pendingCount: 2, rolloutState: 'COMPLETED' }),
      oldDeployment({ runningCount: 3 }),
    ],
  ) =>
    service({
      desiredCount: 4,
      deploymentConfiguration: {
        minimumHealthyPercent: 50,
        earlySuccessCriteria: { enable: true, healthyPercent: 50, sourceServiceRevisionCleanup: 'DEFERRED' },
      },
      deployments,
    })

  test('ECS completing early is a success then, saying what still starts and drains', () => {
    const svc = earlyService()
    expect(judge({ service: svc, deployment: svc.deployments![0]! }, NEW_TD)).toEqual({
      outcome: 'succeeded',
      reason:
        'ECS completed the deployment early, at 50 % healthy (early success criteria): 2 of 4 new tasks running, 2 still starting, 3 old tasks still draining',
    })
    const sd = { serviceDeploymentArn: 'arn:sd', status: 'SUCCESSFUL' as const }
    expect(judge({ service: svc, deployment: svc.deployments![0]!, serviceDeployment: sd }, NEW_TD)?.reason).toMatch(
      /^ECS completed the deployment early/,
    )
  })

  test('not before ECS says so, and not without the criteria', () => {
    const rolling = deployment({ desiredCount: 4, runningCount: 2, pendingCount: 2 })
    expect(judge({ service: earlyService([rolling, oldDeployment()]), deployment: rolling }, NEW_TD)).toBeUndefined()
    const completed = deployment({ desiredCount: 4, runningCount: 2, rolloutState: 'COMPLETED' })
    expect(judge({ service: service({ deployments: [completed] }), deployment: completed }, NEW_TD)).toBeUndefined()
  })
})

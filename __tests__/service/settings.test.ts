// The service's deployment settings as inputs: parsed with one clear message each, checked against the service,
// sent in UpdateService only when given and different, and shown in the diff.
import type { Service } from '@aws-sdk/client-ecs'
import { getInputs } from '../../src/settings/inputs.js'
import { serviceUpdate } from '../../src/deploy/rollout.js'
import { serviceChanges } from '../../src/deploy/changes.js'
import {
  checkServiceSettings,
  checkVolumesAtLaunch,
  parseCapacityProviderStrategy,
  parseVolumeConfigurations,
  type ServiceSettings,
} from '../../src/settings/service.js'
import { NEW_TD, deployment, service } from '../helpers/ecs.js'

const read = (values: Record<string, string>) =>
  getInputs((name) => ({ service: 'web', ...values })[name] ?? '', {
    info: () => undefined,
    warning: () => undefined,
    secret: () => undefined,
  }).serviceSettings ?? {}

const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole'

describe('reading the inputs', () => {
  test('nothing given: no setting at all (nothing is reset)', () => {
    expect(read({})).toEqual({})
  })

  test('each input becomes its UpdateService member', () => {
    expect(
      read({
        'minimum-healthy-percent': '50',
        'maximum-percent': '150',
        'health-check-grace-period': '60',
        'propagate-tags': 'service',
        'enable-ecs-managed-tags': 'false',
        'enable-execute-command': 'true',
        'capacity-provider-strategy': 'FARGATE:1:2\nFARGATE_SPOT:3',
        'volume-configurations': JSON.stringify([{ name: 'data', managedEBSVolume: { roleArn: ROLE, sizeInGiB: 20 } }]),
      }),
    ).toEqual({
      minimumHealthyPercent: 50,
      maximumPercent: 150,
      healthCheckGracePeriodSeconds: 60,
      propagateTags: 'SERVICE',
      enableECSManagedTags: false,
      enableExecuteCommand: true,
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', weight: 1, base: 2 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ],
      volumeConfigurations: [{ name: 'data', managedEBSVolume: { roleArn: ROLE, sizeInGiB: 20 } }],
    })
  })

  test.each([
    ['minimum-healthy-percent', '101', 'Input `minimum-healthy-percent` must be a number from 0 to 100, not "101".'],
    ['maximum-percent', '99', 'Input `maximum-percent` must be a number from 100 to 2147483647, not "99".'],
    [
      'health-check-grace-period',
      '-1',
      'Input `health-check-grace-period` must be a whole number from 0 to 2147483647, not "-1".',
    ],
    ['propagate-tags', 'tasks', 'Input `propagate-tags` must be one of service, task_definition, none, not "tasks".'],
    ['enable-execute-command', 'yes', 'Input `enable-execute-command` must be one of true, false, not "yes".'],
  ])('%s: %s is refused', (name, value, message) => {
    expect(() => read({ [name]: value })).toThrow(message)
  })
})

describe('capacity-provider-strategy', () => {
  const parse = (value: string) => parseCapacityProviderStrategy('capacity-provider-strategy', value)

  test("the official action's JSON form", () => {
    expect(parse('[{"capacityProvider":"FARGATE_SPOT","weight":1}]')).toEqual([
      { capacityProvider: 'FARGATE_SPOT', weight: 1 },
    ])
  })

  test.each([
    [
      'FARGATE:x',
      'Input `capacity-provider-strategy`: FARGATE weight must be a whole number from 0 to 1000, not the string "x".',
    ],
    [
      'FARGATE:1:2:3',
      'Input `capacity-provider-strategy`: "FARGATE:1:2:3" is not name:weight:base (e.g. FARGATE_SPOT:3 or FARGATE:1:2; weight and base are optional).',
    ],
    ['FARGATE:1\nFARGATE:2', 'Input `capacity-provider-strategy`: capacity provider "FARGATE" is given twice.'],
    [
      'FARGATE:1:1\nFARGATE_SPOT:1:1',
      "Input `capacity-provider-strategy`: only one capacity provider may have a base above 0 (ECS's rule).",
    ],
    [
      'FARGATE:0\nFARGATE_SPOT:0',
      'Input `capacity-provider-strategy`: at least one capacity provider needs a weight above 0.',
    ],
    [
      'FARGATE:1001',
      'Input `capacity-provider-strategy`: FARGATE weight must be a whole number from 0 to 1000, not the string "1001".',
    ],
    [
      '[{"weight":1}]',
      'Input `capacity-provider-strategy`, item 1: needs "capacityProvider", the capacity provider\'s name.',
    ],
    [
      '[{"capacityProvider":"A","wieght":1}]',
      'Input `capacity-provider-strategy`, item 1: unknown key "wieght" (the keys are capacityProvider, weight, base).',
    ],
    [
      '[{"capacityProvider":',
      'Input `capacity-provider-strategy` is not valid JSON: give a JSON array, e.g. [{"capacityProvider": "FARGATE_SPOT", "weight": 3}].',
    ],
  ])('%j is refused', (value, message) => {
    expect(() => parse(value)).toThrow(message)
  })
})

describe('volume-configurations', () => {
  const parse = (value: string) => parseVolumeConfigurations('volume-configurations', value)

  test('[] removes the volumes', () => {
    expect(parse('[]')).toEqual([])
  })

  test.each([
    ['{"name":"data"}', 'Input `volume-configurations` must be a JSON array, not an object: e.g.'],
    [
      '[{"managedEBSVolume":{}}]',
      'Input `volume-configurations`, item 1: needs "name", the task definition volume configured at launch.',
    ],
    [
      '[{"name":"data","managedEBSVolume":{"sizeInGiB":1}}]',
      'Input `volume-configurations`, item 1 (data): needs "managedEBSVolume" with "roleArn", the ARN of the infrastructure role ECS uses to manage the volume.',
    ],
  ])('%s is refused', (value, message) => {
    expect(() => parse(value)).toThrow(message)
  })
})

describe('checked against the service before anything changes', () => {
  const codeDeploy = service({ deploymentController: { type: 'CODE_DEPLOY' } })

  test.each([
    [{ capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }] }, 'capacity-provider-strategy'],
    [{ enableExecuteCommand: true }, 'enable-execute-command'],
    [{ volumeConfigurations: [] }, 'volume-configurations'],
  ] as [ServiceSettings, string][])('CODE_DEPLOY: %j cannot be applied', (settings, input) => {
    expect(() => checkServiceSettings(codeDeploy, settings)).toThrow(
      `Input \`${input}\` cannot be applied to service "web": it uses the CODE_DEPLOY deployment controller, where UpdateService changes only the desired count, deployment percentages, health check grace period, managed tags and tag propagation (the rest belongs to the CodeDeploy deployment). Nothing was changed.`,
    )
  })

  test('CODE_DEPLOY: the grace period, tags and percentages can', () => {
    expect(() =>
      checkServiceSettings(codeDeploy, {
        healthCheckGracePeriodSeconds: 30,
        propagateTags: 'SERVICE',
        enableECSManagedTags: true,
        minimumHealthyPercent: 50,
      }),
    ).not.toThrow()
  })

  test("a maximum at or below the minimum, with the service's other value", () => {
    // The service has 100 / 200.
    expect(() => checkServiceSettings(service(), { maximumPercent: 100 })).toThrow(
      'Input `maximum-percent`: service "web" would have maximum percent 100 and minimum healthy percent 100; ECS needs the maximum above the minimum so that a rolling update can replace tasks. Nothing was changed.',
    )
    expect(() => checkServiceSettings(service(), { minimumHealthyPercent: 50, maximumPercent: 100 })).not.toThrow()
  })
})

describe('UpdateService and the diff', () => {
  const request = (settings: ServiceSettings) => ({
    cluster: 'prod',
    taskDefinitionArn: NEW_TD,
    forceNewDeployment: false,
    deploymentCircuitBreaker: 'keep' as const,
    settings,
  })

  test('given and different: sent, with the rest of the deployment configuration kept', () => {
    const update = serviceUpdate(
      service(),
      request({ minimumHealthyPercent: 50, enableExecuteCommand: true, healthCheckGracePeriodSeconds: 90 }),
    )
    expect(update).toMatchObject({
      deploymentConfiguration: {
        minimumHealthyPercent: 50,
        maximumPercent: 200,
        deploymentCircuitBreaker: { enable: true, rollback: true },
      },
      enableExecuteCommand: true,
      healthCheckGracePeriodSeconds: 90,
    })
    expect(update).not.toHaveProperty('propagateTags')
    expect(update).not.toHaveProperty('capacityProviderStrategy')
  })

  test('given and as the service has them: not sent; with the revision too, no update at all', () => {
    const current: Service = service({
      taskDefinition: NEW_TD,
      enableExecuteCommand: true,
      propagateTags: 'SERVICE',
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }],
    })
    const same = request({
      enableExecuteCommand: true,
      propagateTags: 'SERVICE',
      minimumHealthyPercent: 100,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }],
    })
    expect(serviceUpdate(current, same)).toBeUndefined()
    expect(serviceUpdate(current, { ...same, settings: { enableExecuteCommand: false } })).toMatchObject({
      enableExecuteCommand: false,
    })
  })

  test('the diff names each change from → to', () => {
    const current = service({
      launchType: 'FARGATE',
      deployments: [deployment({ status: 'PRIMARY', volumeConfigurations: [] })],
    })
    expect(
      serviceChanges(current, undefined, 'keep', {
        minimumHealthyPercent: 50,
        maximumPercent: 200,
        healthCheckGracePeriodSeconds: 60,
        propagateTags: 'SERVICE',
        enableECSManagedTags: true,
        enableExecuteCommand: true,
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 3 }],
        volumeConfigurations: [{ name: 'data', managedEBSVolume: { roleArn: ROLE, sizeInGiB: 20 } }],
      }),
    ).toEqual([
      'service minimum healthy percent: 100 → 50',
      'service health check grace period: 0 s → 60 s',
      'service propagate tags: NONE → SERVICE',
      'service ECS managed tags: off → on',
      'service execute command: off → on',
      'service capacity provider strategy: none (launch type FARGATE) → FARGATE_SPOT:3:0',
      'service volume configurations: none → data (EBS 20 GiB)',
    ])
  })
})

describe('volume-configurations against the revision', () => {
  const volumes = [{ name: 'data', managedEBSVolume: { roleArn: ROLE } }]

  test('a volume configured at launch is taken', () => {
    expect(() =>
      checkVolumesAtLaunch(
        { volumeConfigurations: volumes },
        { family: 'web', containerDefinitions: [], volumes: [{ name: 'data', configuredAtLaunch: true }] },
      ),
    ).not.toThrow()
  })

  test('one that is not, or missing, is named with those that are', () => {
    expect(() =>
      checkVolumesAtLaunch(
        { volumeConfigurations: volumes },
        {
          family: 'web',
          containerDefinitions: [],
          volumes: [{ name: 'data' }, { name: 'cache', configuredAtLaunch: true }],
        },
      ),
    ).toThrow(
      'Config key `service-settings.volume-configurations`: "data" is not a volume of task definition web configured at launch (those are: cache). Nothing was changed.',
    )
    expect(() =>
      checkVolumesAtLaunch({ volumeConfigurations: volumes }, { family: 'web', containerDefinitions: [] }),
    ).toThrow(
      'Config key `service-settings.volume-configurations`: "data" is not a volume of task definition web configured at launch (it has none; add one with "configuredAtLaunch": true). Nothing was changed.',
    )
  })
})

describe('service-settings in the config file', () => {
  test('read as the inputs are; the two-bases rule is named at its key', async () => {
    const { parseConfig } = await import('../../src/config/load.js')
    const config = parseConfig(
      'environments:\n  prod:\n    service-settings:\n      maximum-percent: 150\n      propagate-tags: SERVICE\n      capacity-provider-strategy: [FARGATE:1:2, FARGATE_SPOT:3]\n',
      '.github/ecs-deploy.yml',
    )
    expect(config.environments[0]?.serviceSettings).toEqual({
      maximumPercent: 150,
      propagateTags: 'SERVICE',
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', weight: 1, base: 2 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ],
    })
    expect(() =>
      parseConfig(
        'environments:\n  prod:\n    service-settings:\n      capacity-provider-strategy: [A:1:1, B:1:1]\n',
        '.github/ecs-deploy.yml',
      ),
    ).toThrow(
      "line 4, environments.prod.service-settings.capacity-provider-strategy: only one capacity provider may have a base above 0 (ECS's rule).",
    )
  })
})

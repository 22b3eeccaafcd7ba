import type { Service } from '@aws-sdk/client-ecs'
import { loadServiceDefinition } from '../../src/servicedef/definition-file.js'
import { definitionRequest } from '../../src/servicedef/to-settings.js'
import { checkServiceSettings, settingsChanges, tagsUpdate } from '../../src/settings/service.js'
import { workspace, writeTemplate } from '../taskdef/helpers.js'

async function loaded(name: string, text: string, placeholders: Record<string, string> = {}) {
  const dir = workspace()
  return loadServiceDefinition(writeTemplate(dir, name, text), placeholders, dir)
}

async function loadError(name: string, text: string, placeholders: Record<string, string> = {}): Promise<string> {
  const error = await loaded(name, text, placeholders).then(
    () => new Error('expected an error'),
    (e: unknown) => e as Error,
  )
  expect(error.name).toBe('UserError')
  return error.message
}

const running: Service = {
  serviceName: 'web',
  serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
  desiredCount: 2,
  launchType: 'FARGATE',
  deploymentController: { type: 'ECS' },
  deploymentConfiguration: {
    minimumHealthyPercent: 100,
    maximumPercent: 200,
    deploymentCircuitBreaker: { enable: true, rollback: true },
    strategy: 'ROLLING',
  },
  tags: [{ key: 'team', value: 'payments' }],
}

describe('loadServiceDefinition', () => {
  it('reads a CreateService body in YAML and JSON alike, placeholders filled', async () => {
    const yaml = await loaded('svc.yaml', 'desiredCount: ${COUNT}\nenableExecuteCommand: true\n', { COUNT: '3' })
    const json = await loaded('svc.json', '{"desiredCount": 3, "enableExecuteCommand": true}')
    expect(yaml.definition).toEqual({ desiredCount: 3, enableExecuteCommand: true })
    expect(json.definition).toEqual(yaml.definition)
  })

  it('names an unknown key with its line and the closest known one', async () => {
    const message = await loadError(
      'svc.yaml',
      'desiredCount: 2\ndeploymentConfiguration:\n  maximumPercent: 200\n  minimumHealthyPercnt: 50\n',
    )
    expect(message).toBe(
      'service definition svc.yaml, line 4, deploymentConfiguration.minimumHealthyPercnt: unknown key; did you mean minimumHealthyPercent?',
    )
  })

  it('names a top-level misspelling and a wrong type, each with its line, at once', async () => {
    const message = await loadError('svc.json', '{\n  "desiredcount": 2,\n  "healthCheckGracePeriodSeconds": "60"\n}')
    expect(message).toContain('line 2, desiredcount: unknown key; did you mean desiredCount?')
    expect(message).toContain(
      'line 3, healthCheckGracePeriodSeconds: expected a number, found the string "60"; remove the quotes',
    )
  })

  it('refuses what the action sets itself, with the line and where to set it', async () => {
    const message = await loadError('svc.yaml', 'desiredCount: 1\ntaskDefinition: web:3\ncluster: prod\n')
    expect(message).toContain('line 2, taskDefinition: is set by this action, not the file')
    expect(message).toContain(
      'line 3, cluster: is set by this action, not the file: remove it (set by the `cluster` input',
    )
  })

  it('refuses an unknown placeholder, naming its line', async () => {
    const message = await loadError('svc.yaml', 'desiredCount: 1\nplatformVersion: ${PLATFORM}\n')
    expect(message).toContain('line 2, unknown placeholder ${PLATFORM}')
  })

  it('takes describe-services output for one service, dropping what only DescribeServices returns', async () => {
    const text = JSON.stringify(
      { services: [{ ...running, status: 'ACTIVE', runningCount: 2, taskDefinition: 'arn:x:web:3' }], failures: [] },
      null,
      2,
    )
    const definition = await loaded('described.json', text)
    expect(definition.definition).toEqual({
      ...Object.fromEntries(Object.entries(running).filter(([k]) => !['serviceArn', 'serviceName'].includes(k))),
    })
    expect(definition.notes[0]).toBe(
      'service definition described.json: dropped read-only keys: serviceName, serviceArn, status, runningCount, taskDefinition',
    )
    // And it changes nothing on the service it describes.
    expect(definitionRequest(definition, running)).toEqual({
      desiredCount: 2,
      deploymentCircuitBreaker: 'keep',
      serviceSettings: {},
    })
  })

  it('gives the line inside describe-services output', async () => {
    const message = await loadError(
      'd.yaml',
      'services:\n  - desiredCount: 2\n    enableExecCommand: true\nfailures: []\n',
    )
    expect(message).toBe(
      'service definition d.yaml, line 3, enableExecCommand: unknown key; did you mean enableExecuteCommand?',
    )
  })
})

describe('definitionRequest', () => {
  const request = async (text: string, service: Service = running) =>
    definitionRequest(await loaded('svc.yaml', text), service)
  const refused = async (text: string, service: Service = running) =>
    request(text, service).then(
      () => 'no error',
      (e: Error) => e.message,
    )

  it('maps the file onto the desired count, the circuit breaker mode and the service settings', async () => {
    expect(
      await request(
        [
          'desiredCount: 4',
          'healthCheckGracePeriodSeconds: 30',
          'deploymentConfiguration:',
          '  minimumHealthyPercent: 50',
          '  deploymentCircuitBreaker: { enable: true, rollback: false, thresholdConfiguration: { type: COUNT, value: 2 } }',
          '  alarms: { alarmNames: [high-5xx], enable: true, rollback: true }',
          'networkConfiguration:',
          '  awsvpcConfiguration: { subnets: [subnet-1] }',
        ].join('\n'),
      ),
    ).toEqual({
      desiredCount: 4,
      deploymentCircuitBreaker: 'enable',
      serviceSettings: {
        minimumHealthyPercent: 50,
        healthCheckGracePeriodSeconds: 30,
        circuitBreakerThreshold: { type: 'COUNT', value: 2 },
        definition: {
          networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
          alarms: { alarmNames: ['high-5xx'], enable: true, rollback: true },
        },
      },
    })
  })

  it('refuses a change of deployment controller, launch type or strategy, each on its line', async () => {
    const message = await refused(
      [
        'deploymentController: { type: CODE_DEPLOY }',
        'launchType: EC2',
        'deploymentConfiguration:',
        '  strategy: BLUE_GREEN',
      ].join('\n'),
    )
    expect(message).toContain('line 1, deploymentController: differs from the service\'s ({"type":"ECS"})')
    expect(message).toContain(
      "line 2, launchType: differs from the service's (FARGATE): UpdateService cannot change it",
    )
    expect(message).toContain('line 4, deploymentConfiguration.strategy: belongs to the strategy')
    expect(message).toMatch(/Nothing was changed\.$/)
  })

  it('takes other tags as a change: set and removed, AWS-reserved ones left alone', async () => {
    const tagged: Service = {
      ...running,
      tags: [
        { key: 'team', value: 'payments' },
        { key: 'old', value: '1' },
        { key: 'aws:cloudformation:stack-name', value: 's' },
      ],
    }
    const changed = await request('tags: [{ key: team, value: search }, { key: cost, value: c1 }]\n', tagged)
    expect(changed.serviceSettings?.tags).toEqual([
      { key: 'team', value: 'search' },
      { key: 'cost', value: 'c1' },
    ])
    expect(tagsUpdate(tagged, changed.serviceSettings?.tags)).toEqual({
      tags: [
        { key: 'team', value: 'search' },
        { key: 'cost', value: 'c1' },
      ],
      tagKeys: ['old'],
    })
    expect(settingsChanges(tagged, changed.serviceSettings ?? {})).toEqual([
      'service tags: set team=search, cost=c1; remove old',
    ])
    const same = await request('tags: [{ key: old, value: "1" }, { key: team, value: payments }]\n', tagged)
    expect(same.serviceSettings).toEqual({})
  })

  it('takes those fields when they are as the service has them', async () => {
    const text =
      'deploymentController: { type: ECS }\nlaunchType: FARGATE\ndeploymentConfiguration:\n  strategy: ROLLING\ntags: [{ key: team, value: payments }]\n'
    expect(await refused(text)).toBe('no error')
  })

  it('asks only what differs, so a CODE_DEPLOY service takes the file of what it is and refuses a change UpdateService cannot make', async () => {
    const codeDeploy: Service = {
      ...running,
      deploymentController: { type: 'CODE_DEPLOY' },
      enableExecuteCommand: false,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
    }
    const same = await request(
      'deploymentController: { type: CODE_DEPLOY }\nenableExecuteCommand: false\nnetworkConfiguration: { awsvpcConfiguration: { subnets: [subnet-1] } }\n',
      codeDeploy,
    )
    expect(same.serviceSettings).toEqual({})
    expect(() => checkServiceSettings(codeDeploy, same.serviceSettings ?? {})).not.toThrow()
    const changed = await request('enableExecuteCommand: true\n', codeDeploy)
    expect(() => checkServiceSettings(codeDeploy, changed.serviceSettings ?? {})).toThrow(
      'Input `enable-execute-command` cannot be applied to service "web": it uses the CODE_DEPLOY deployment controller',
    )
  })
})

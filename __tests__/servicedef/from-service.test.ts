import type { Service, TaskDefinition } from '@aws-sdk/client-ecs'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { initFiles } from '../../src/servicedef/from-service.js'
import { loadServiceDefinition } from '../../src/servicedef/definition-file.js'
import { definitionRequest } from '../../src/servicedef/to-settings.js'
import { serviceUpdate } from '../../src/deploy/rollout.js'
import { renderTaskDefinition, sameTaskDefinition } from '../../src/taskdef/index.js'
import { parseConfig } from '../../src/config/load.js'
import { workspace } from '../taskdef/helpers.js'

const taskDefinition: TaskDefinition = {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
  family: 'web',
  revision: 7,
  status: 'ACTIVE',
  requiresCompatibilities: ['FARGATE'],
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    {
      name: 'web',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:' + 'a'.repeat(64),
      environment: [{ name: 'GREETING', value: 'hello ${USER}' }],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }],
    },
  ],
  registeredAt: new Date('2026-01-01T00:00:00Z'),
}

const service: Service = {
  serviceName: 'web',
  serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
  clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
  status: 'ACTIVE',
  taskDefinition: taskDefinition.taskDefinitionArn,
  desiredCount: 2,
  runningCount: 2,
  launchType: 'FARGATE',
  platformVersion: 'LATEST',
  deploymentController: { type: 'ECS' },
  deploymentConfiguration: {
    minimumHealthyPercent: 100,
    maximumPercent: 200,
    deploymentCircuitBreaker: { enable: true, rollback: true },
    strategy: 'ROLLING',
  },
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'DISABLED' } },
  schedulingStrategy: 'REPLICA',
  loadBalancers: [],
  deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: taskDefinition.taskDefinitionArn }],
  events: [{ id: 'e1', message: 'has reached a steady state.' }],
}

describe('initFiles', () => {
  const files = initFiles({ cluster: 'prod', environment: 'prod', service, taskDefinition, taskDefinitionTags: [] })
  const dir = workspace()
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true })
    writeFileSync(join(dir, file.path), file.text)
  }

  it('writes the template, the service definition and the config file naming both', () => {
    expect(files.map((f) => f.path)).toEqual([
      '.aws/task-definition.json',
      '.aws/service-definition.json',
      '.github/ecs-deploy.yml',
    ])
    const config = parseConfig(files[2]?.text ?? '', '.github/ecs-deploy.yml')
    expect(config.environments[0]).toMatchObject({
      name: 'prod',
      cluster: 'prod',
      services: ['web'],
      taskDefinition: '.aws/task-definition.json',
      serviceDefinition: '.aws/service-definition.json',
    })
  })

  it('the service definition loads back and asks nothing of the service it came from', async () => {
    const loaded = await loadServiceDefinition('.aws/service-definition.json', {}, dir)
    expect(loaded.definition).not.toHaveProperty('serviceName')
    expect(loaded.definition).not.toHaveProperty('deploymentConfiguration.strategy')
    const request = definitionRequest(loaded, service)
    expect(
      serviceUpdate(service, {
        cluster: 'prod',
        taskDefinitionArn: service.taskDefinition ?? '',
        forceNewDeployment: false,
        ...(request.desiredCount !== undefined && { desiredCount: request.desiredCount }),
        deploymentCircuitBreaker: request.deploymentCircuitBreaker,
        ...(request.serviceSettings && { settings: request.serviceSettings }),
      }),
    ).toBeUndefined()
  })

  it('the template renders back to the running revision, a literal ${USER} kept literal', async () => {
    const saved = process.env.GITHUB_WORKSPACE
    process.env.GITHUB_WORKSPACE = dir
    try {
      const rendered = await renderTaskDefinition({
        templatePath: '.aws/task-definition.json',
        current: taskDefinition,
        placeholders: {},
      })
      expect(rendered.request.containerDefinitions?.[0]?.environment).toEqual([
        { name: 'GREETING', value: 'hello ${USER}' },
      ])
      expect(sameTaskDefinition(rendered.request, taskDefinition, [])).toBe(true)
    } finally {
      if (saved === undefined) delete process.env.GITHUB_WORKSPACE
      else process.env.GITHUB_WORKSPACE = saved
    }
  })
})

import type { Service } from '@aws-sdk/client-ecs'
import { withInputsOver } from '../../src/servicedef/to-settings.js'
import { definitionUpdate } from '../../src/settings/service-members.js'
import { serviceUpdate } from '../../src/deploy/rollout.js'
import { serviceChanges } from '../../src/deploy/changes.js'

const SOURCE = 'service definition svc.yaml'

describe('withInputsOver', () => {
  it('lets an input win over the file, and says so', () => {
    const { request, notes } = withInputsOver(
      { desiredCount: 2, deploymentCircuitBreaker: 'rollback', serviceSettings: { healthCheckGracePeriodSeconds: 30 } },
      { desiredCount: 5, deploymentCircuitBreaker: 'keep', serviceSettings: { healthCheckGracePeriodSeconds: 90 } },
      SOURCE,
    )
    expect(request).toEqual({
      desiredCount: 5,
      deploymentCircuitBreaker: 'rollback',
      serviceSettings: { healthCheckGracePeriodSeconds: 90 },
    })
    expect(notes).toEqual([
      'desiredCount: `desired-count` (5) wins over service definition svc.yaml (2)',
      'healthCheckGracePeriodSeconds: `health-check-grace-period` (90) wins over service definition svc.yaml (30)',
    ])
  })

  it('keeps the file where no input is given, and notes nothing', () => {
    const { request, notes } = withInputsOver(
      { desiredCount: 2, deploymentCircuitBreaker: 'disable', serviceSettings: { enableExecuteCommand: true } },
      { deploymentCircuitBreaker: 'keep' },
      SOURCE,
    )
    expect(request).toEqual({
      desiredCount: 2,
      deploymentCircuitBreaker: 'disable',
      serviceSettings: { enableExecuteCommand: true },
    })
    expect(notes).toEqual([])
  })

  it('an explicit circuit breaker input wins over the file', () => {
    const { request, notes } = withInputsOver(
      { deploymentCircuitBreaker: 'disable' },
      { deploymentCircuitBreaker: 'rollback' },
      SOURCE,
    )
    expect(request.deploymentCircuitBreaker).toBe('rollback')
    expect(notes).toEqual([
      'deploymentCircuitBreaker: `deployment-circuit-breaker` (rollback) wins over service definition svc.yaml (disable)',
    ])
  })
})

const service: Service = {
  serviceName: 'web',
  taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
  desiredCount: 2,
  platformVersion: 'LATEST',
  networkConfiguration: {
    awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' },
  },
  deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
}

describe('the service definition diff', () => {
  it('sends nothing when the file says what the service has, defaults the service fills in left out', () => {
    const definition = {
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } },
      platformVersion: 'LATEST',
    }
    expect(definitionUpdate(service, definition)).toEqual({})
    const request = {
      cluster: 'prod',
      taskDefinitionArn: service.taskDefinition ?? '',
      desiredCount: 2,
      forceNewDeployment: false,
      deploymentCircuitBreaker: 'keep' as const,
      settings: { definition, maximumPercent: 200 },
    }
    expect(serviceUpdate(service, request)).toBeUndefined()
  })

  it('sends exactly what differs, in the rollout update, and lists it', () => {
    const definition = {
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1', 'subnet-2'] } },
      platformVersion: 'LATEST',
      alarms: { alarmNames: ['high-5xx'], enable: true, rollback: true },
    }
    const update = serviceUpdate(service, {
      cluster: 'prod',
      taskDefinitionArn: service.taskDefinition ?? '',
      forceNewDeployment: false,
      deploymentCircuitBreaker: 'keep',
      settings: { definition },
    })
    expect(update).toEqual({
      cluster: 'prod',
      service: 'web',
      taskDefinition: service.taskDefinition,
      networkConfiguration: definition.networkConfiguration,
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, alarms: definition.alarms },
    })
    expect(serviceChanges(service, 3, 'keep', { definition })).toEqual([
      'service desired count: 2 → 3',
      'service deployment alarms: none → high-5xx (roll back on ALARM)',
      'service networkConfiguration: {"awsvpcConfiguration":{"subnets":["subnet-1"],"securityGroups":["sg-1"],"assignPublicIp":"DISABLED"}} → {"awsvpcConfiguration":{"subnets":["subnet-1","subnet-2"]}}',
    ])
  })
})

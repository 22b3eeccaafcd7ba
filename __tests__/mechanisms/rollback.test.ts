// Every rollback path, per mechanism: the API that rolls the service back is the mechanism's own. A CODE_DEPLOY
// service refuses UpdateService's task definition, so a rollback through ECS there could only fail.
import {
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  GetDeploymentTargetCommand,
  ListDeploymentTargetsCommand,
  StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy'
import {
  ECSClient,
  StopServiceDeploymentCommand,
  UpdateExpressGatewayServiceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import type { Rollout } from '../../src/deploy/rollout.js'
import { mechanismOf } from '../../src/mechanisms/registry.js'
import type { Mechanism } from '../../src/mechanisms/strategy-types.js'
import { NEW_TD, OLD_TD } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const cdMock = mockClient(CodeDeployClient)
const SD_ARN = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/abc'
const APPSPEC = [
  'version: 0.0',
  'Resources:',
  '  - TargetService:',
  '      Type: AWS::ECS::Service',
  '      Properties:',
  `        TaskDefinition: ${NEW_TD}`,
  '        LoadBalancerInfo:',
  '          ContainerName: web',
  '          ContainerPort: 8080',
].join('\n')

beforeEach(() => {
  ecsMock.reset()
  cdMock.reset()
  ecsMock.on(StopServiceDeploymentCommand).resolves({})
  ecsMock.on(UpdateServiceCommand).resolves({})
  cdMock.on(StopDeploymentCommand).resolves({ status: 'Succeeded' })
  cdMock.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-ROLLBACK' })
  cdMock.on(ListDeploymentTargetsCommand).resolves({ targetIds: ['prod:web'] })
  cdMock.on(GetDeploymentTargetCommand).resolves({ deploymentTarget: { deploymentTargetType: 'ECSTarget' } })
  cdMock.on(GetDeploymentCommand).resolves({
    deploymentInfo: {
      deploymentId: 'd-ABC',
      status: 'InProgress',
      applicationName: 'AppECS-prod-web',
      deploymentGroupName: 'DgpECS-prod-web',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: APPSPEC } },
    },
  })
})

/** The commands that change something, by name, in the order they were sent. */
const changes = () =>
  [...ecsMock.calls(), ...cdMock.calls()]
    .map((call) => (call.args[0] as { constructor: { name: string } }).constructor.name)
    .filter((name) => !/^(Get|List|Describe)/.test(name))

function watchOf(mechanism: Mechanism) {
  const rollout: Rollout = {
    mechanism,
    deploymentId: mechanism === 'codedeploy' ? 'd-ABC' : 'ecs-svc/1',
    ...(mechanism !== 'codedeploy' && { serviceDeploymentArn: SD_ARN }),
    previousTaskDefinition: OLD_TD,
    started: true,
    startedAt: 0,
  }
  const watch = mechanismOf(mechanism).watch({
    ecs: new ECSClient({ region: 'us-east-1' }),
    codedeploy: new CodeDeployClient({ region: 'us-east-1' }),
    cluster: 'prod',
    service: 'web',
    rollout,
    targetTaskDefinition: NEW_TD,
  })
  return { watch, rollout }
}

test.each([
  ['rolling', ['StopServiceDeploymentCommand']],
  ['ecs-native', ['StopServiceDeploymentCommand']],
  ['codedeploy', ['StopDeploymentCommand']],
] as const)('%s: a rollout given up on is rolled back with %j and nothing else', async (mechanism, expected) => {
  const { watch, rollout } = watchOf(mechanism)
  await watch.rollBack(rollout)
  expect(changes()).toEqual(expected)
})

test.each([
  ['rolling', ['UpdateServiceCommand']],
  ['ecs-native', ['UpdateServiceCommand']],
  ['codedeploy', ['CreateDeploymentCommand']],
] as const)('%s: a succeeded rollout that failed verification is redeployed with %j', async (mechanism, expected) => {
  const { watch, rollout } = watchOf(mechanism)
  await watch.redeployPrevious(rollout)
  expect(changes()).toEqual(expected)
})

test('codedeploy: the redeployment is of the previous revision, with the AppSpec and group CodeDeploy has', async () => {
  const { watch, rollout } = watchOf('codedeploy')
  expect(await watch.redeployPrevious(rollout)).toEqual({
    line: 'rolled back to web:6 with CodeDeploy deployment d-ROLLBACK (CreateDeployment, all at once): d-ABC had already succeeded, so there was nothing to stop',
    revision: OLD_TD,
  })
  const [call] = cdMock.commandCalls(CreateDeploymentCommand)
  const input = call?.args[0].input
  expect(input).toMatchObject({
    applicationName: 'AppECS-prod-web',
    deploymentGroupName: 'DgpECS-prod-web',
    deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
  })
  const content = input?.revision?.appSpecContent?.content ?? ''
  expect(content).toContain(`TaskDefinition: ${OLD_TD}`)
  expect(content).toContain('ContainerName: web')
  expect(content).not.toContain(NEW_TD)
})

test('codedeploy: without a CodeDeploy deployment of its own, no rollback is attempted through ECS', async () => {
  const { watch, rollout } = watchOf('codedeploy')
  const { deploymentId: _none, ...without } = rollout
  await expect(watch.rollBack(without)).rejects.toThrow('rolled back by CodeDeploy')
  await expect(watch.redeployPrevious(without)).rejects.toThrow('rolled back by CodeDeploy')
  expect(changes()).toEqual([])
})

test('express: a succeeded rollout that failed verification brings the configuration before back, and follows what ECS registers from it', async () => {
  const EXPRESS_TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-express:3'
  ecsMock.on(UpdateExpressGatewayServiceCommand).resolves({
    service: { targetConfiguration: { taskDefinitionArn: EXPRESS_TD } },
  })
  const { watch, rollout } = watchOf('express')
  const restore = {
    serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
    primaryContainer: { image: 'web:v1', containerPort: 8080 },
    scalingTarget: { minTaskCount: 2, maxTaskCount: 4 },
  }
  expect(await watch.redeployPrevious({ ...rollout, restore })).toEqual({
    line: 'asked ECS to bring back the Express configuration of web:6 (image, environment, secrets, scaling target); ECS registered web-express:3 from it',
    revision: EXPRESS_TD,
  })
  expect(changes()).toEqual(['UpdateExpressGatewayServiceCommand'])
  expect(ecsMock).toHaveReceivedCommandWith(UpdateExpressGatewayServiceCommand, restore)
  // Without the configuration before, nothing is attempted (and nothing is followed).
  ecsMock.resetHistory()
  await expect(watch.redeployPrevious(rollout)).rejects.toThrow(
    "the Express configuration before this run's update is not known",
  )
  expect(changes()).toEqual([])
})

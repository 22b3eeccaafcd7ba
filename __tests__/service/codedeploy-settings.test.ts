// A CODE_DEPLOY service: the settings UpdateService may change go there (without the task definition, which is
// CodeDeploy's), beside the CodeDeploy deployment.
import {
  CodeDeployClient,
  CreateDeploymentCommand,
  GetApplicationCommand,
  GetDeploymentGroupCommand,
  ListDeploymentsCommand,
} from '@aws-sdk/client-codedeploy'
import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import 'aws-sdk-client-mock-jest'
import { planStrategy, startStrategy } from '../../src/mechanisms/index.js'
import { fakeClock } from '../helpers/clock.js'
import { NEW_TD, oldDeployment, service } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const cdMock = mockClient(CodeDeployClient)
const clients = {
  ecs: new ECSClient({ region: 'us-east-1' }),
  codedeploy: new CodeDeployClient({ region: 'us-east-1' }),
}
const codeDeployService = service({
  deploymentController: { type: 'CODE_DEPLOY' },
  loadBalancers: [{ targetGroupArn: 'arn:tg/blue', containerName: 'web', containerPort: 8080 }],
  deployments: [oldDeployment({ status: 'PRIMARY' })],
})
const request = {
  cluster: 'prod',
  taskDefinitionArn: NEW_TD,
  forceNewDeployment: false,
  deploymentCircuitBreaker: 'keep' as const,
  containers: [{ name: 'web', portMappings: [{ containerPort: 8080 }] }],
}

beforeEach(() => {
  ecsMock.reset()
  cdMock.reset()
  cdMock.on(GetApplicationCommand).resolves({ application: { applicationName: 'AppECS-prod-web' } })
  cdMock.on(GetDeploymentGroupCommand).resolves({
    deploymentGroupInfo: {
      applicationName: 'AppECS-prod-web',
      deploymentGroupName: 'DgpECS-prod-web',
      deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
      ecsServices: [{ clusterName: 'prod', serviceName: 'web' }],
    },
  })
  cdMock.on(ListDeploymentsCommand).resolves({ deployments: [] })
  cdMock.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-NEW000001' })
  ecsMock.on(UpdateServiceCommand).resolves({ service: codeDeployService })
})

test('the grace period and percentages go in an UpdateService of their own, with no task definition', async () => {
  const plan = await planStrategy(clients, 'prod', codeDeployService, { deploymentAlarms: [], onBusy: 'wait' })
  const ctx = { clock: fakeClock(), timeoutMs: 60_000, log: () => undefined }
  await startStrategy(clients, ctx, plan, codeDeployService, {
    ...request,
    settings: { healthCheckGracePeriodSeconds: 120, minimumHealthyPercent: 50 },
  })
  expect(ecsMock).toHaveReceivedCommandTimes(UpdateServiceCommand, 1)
  const input = ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input
  expect(input).toEqual({
    cluster: 'prod',
    service: 'web',
    healthCheckGracePeriodSeconds: 120,
    deploymentConfiguration: { ...codeDeployService.deploymentConfiguration, minimumHealthyPercent: 50 },
  })
  expect(cdMock).toHaveReceivedCommandTimes(CreateDeploymentCommand, 1)
})

test('nothing given: no UpdateService at all', async () => {
  const plan = await planStrategy(clients, 'prod', codeDeployService, { deploymentAlarms: [], onBusy: 'wait' })
  const ctx = { clock: fakeClock(), timeoutMs: 60_000, log: () => undefined }
  await startStrategy(clients, ctx, plan, codeDeployService, request)
  expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
})

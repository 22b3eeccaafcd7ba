// Deployments in flight, asked before anything changes (the run's first check of `on-busy`).
import {
  CodeDeployClient,
  GetDeploymentCommand,
  ListDeploymentsCommand,
  type DeploymentStatus,
} from '@aws-sdk/client-codedeploy'
import { ECSClient } from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import 'aws-sdk-client-mock-jest'
import { deploymentInFlight, type StrategyPlan } from '../../src/mechanisms/index.js'
import { deployment, NEW_TD, oldDeployment, service } from '../helpers/ecs.js'

const codedeployMock = mockClient(CodeDeployClient)
const clients = {
  ecs: new ECSClient({ region: 'us-east-1' }),
  codedeploy: new CodeDeployClient({ region: 'us-east-1' }),
}
const OTHER_TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:5'

const ecsPlan: StrategyPlan = {
  mechanism: 'rolling',
  description: 'rolling',
  inputs: { deploymentAlarms: [], onBusy: 'fail' },
  changes: [],
}
const codeDeployPlan: StrategyPlan = {
  mechanism: 'codedeploy',
  description: 'CodeDeploy',
  inputs: { deploymentAlarms: [], onBusy: 'fail' },
  changes: [],
  codedeploy: {
    group: { application: 'AppECS-prod-web', deploymentGroup: 'DgpECS-prod-web', info: {} },
    appSpec: { hooks: [] } as never,
  },
}

function active(taskDefinition: string, status: DeploymentStatus): void {
  codedeployMock.on(ListDeploymentsCommand).resolves({ deployments: ['d-1'] })
  const content = `Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: ${taskDefinition}\n`
  codedeployMock
    .on(GetDeploymentCommand)
    .resolves({ deploymentInfo: { deploymentId: 'd-1', status, revision: { appSpecContent: { content } } } })
}

beforeEach(() => codedeployMock.reset())

describe('deploymentInFlight', () => {
  test('ECS: another revision rolling out is in flight; the one this run would deploy again is not', async () => {
    const busy = service({ deployments: [deployment({ taskDefinition: OTHER_TD }), oldDeployment()] })
    expect(await deploymentInFlight(clients, ecsPlan, busy, undefined)).toEqual({
      what: expect.stringMatching(/^deployment ecs-svc\/\d+ of web:5 \(IN_PROGRESS\)$/),
    })
    expect(await deploymentInFlight(clients, ecsPlan, busy, OTHER_TD)).toBeUndefined()
  })

  test('CodeDeploy: an active deployment of another revision is in flight; one of the same revision is followed', async () => {
    active(OTHER_TD, 'InProgress')
    expect(await deploymentInFlight(clients, codeDeployPlan, service(), NEW_TD)).toEqual({
      what: 'CodeDeploy deployment d-1 of web:5 (InProgress)',
    })
    expect(await deploymentInFlight(clients, codeDeployPlan, service(), OTHER_TD)).toBeUndefined()
    expect(await deploymentInFlight(clients, codeDeployPlan, service(), undefined)).toEqual({
      what: 'CodeDeploy deployment d-1 of web:5 (InProgress)',
    })
  })

  test('CodeDeploy: one waiting at Ready is paused, whatever it deploys', async () => {
    active(OTHER_TD, 'Ready')
    expect(await deploymentInFlight(clients, codeDeployPlan, service(), OTHER_TD)).toEqual({
      what: 'CodeDeploy deployment d-1 of web:5 (Ready)',
      paused: 'Ready',
    })
  })

  test('CodeDeploy: nothing active', async () => {
    codedeployMock.on(ListDeploymentsCommand).resolves({ deployments: [] })
    expect(await deploymentInFlight(clients, codeDeployPlan, service(), undefined)).toBeUndefined()
  })
})

import {
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
  type TaskDefinition,
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import { registerIfChanged } from '../../src/deploy/register.js'
import { NEW_TD, OLD_TD } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const ecs = new ECSClient({ region: 'us-east-1' })
const NEWEST_TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:9'

const request: RegisterTaskDefinitionCommandInput = {
  family: 'web',
  containerDefinitions: [{ name: 'web', image: 'web@sha256:' + 'a'.repeat(64), essential: true, cpu: 0 }],
  tags: [{ key: 'team', value: 'payments' }],
}

function revision(arn: string, n: number): TaskDefinition {
  return {
    taskDefinitionArn: arn,
    family: 'web',
    revision: n,
    status: 'ACTIVE',
    containerDefinitions: request.containerDefinitions,
  }
}

beforeEach(() => {
  ecsMock.reset()
  ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: revision(NEW_TD, 10) })
})

describe('registerIfChanged', () => {
  test("the service's own identical revision is reused before the family's newest identical one", async () => {
    ecsMock
      .on(DescribeTaskDefinitionCommand, { taskDefinition: 'web' })
      .resolves({ taskDefinition: revision(NEWEST_TD, 9), tags: request.tags })
    const current = { taskDefinition: revision(OLD_TD, 6), tags: [{ key: 'team', value: 'payments' }] }
    expect(await registerIfChanged(ecs, request, current)).toEqual({
      arn: OLD_TD,
      family: 'web',
      revision: 6,
      registered: false,
    })
    expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
  })

  test("the family's newest identical revision is reused when the service runs another", async () => {
    ecsMock
      .on(DescribeTaskDefinitionCommand, { taskDefinition: 'web' })
      .resolves({ taskDefinition: revision(NEWEST_TD, 9), tags: request.tags })
    const current = {
      taskDefinition: { ...revision(OLD_TD, 6), containerDefinitions: [{ name: 'web', image: 'web:old' }] },
      tags: request.tags ?? [],
    }
    expect(await registerIfChanged(ecs, request, current)).toEqual({
      arn: NEWEST_TD,
      family: 'web',
      revision: 9,
      registered: false,
    })
  })

  test.each([
    ["the service's revision", 'current'],
    ["the family's newest revision", 'newest'],
  ])('%s with the same content but other tags is not reused: a new revision is registered', async (_name, which) => {
    const otherTags = [{ key: 'team', value: 'search' }]
    ecsMock
      .on(DescribeTaskDefinitionCommand, { taskDefinition: 'web' })
      .resolves({ taskDefinition: revision(NEWEST_TD, 9), tags: which === 'newest' ? otherTags : request.tags })
    const current = which === 'current' ? { taskDefinition: revision(NEWEST_TD, 9), tags: otherTags } : undefined
    expect(await registerIfChanged(ecs, request, current)).toEqual({
      arn: NEW_TD,
      family: 'web',
      revision: 10,
      registered: true,
    })
    expect(ecsMock).toHaveReceivedCommandWith(RegisterTaskDefinitionCommand, { tags: request.tags })
  })
})

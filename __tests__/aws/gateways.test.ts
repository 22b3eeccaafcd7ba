import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTasksCommand,
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import { describeServices, describeTaskDefinition, listTasks } from '../../src/aws/ecs.js'
import { awsErrorName, isAccessDenied, isNotFound, NotFound, unlessNotFound } from '../../src/aws/errors.js'
import { AwsError, UserError } from '../../src/common/errors.js'

const ecsMock = mockClient(ECSClient)
const ecs = new ECSClient({ region: 'us-east-1' })
const sdkError = (name: string, message: string) => Object.assign(new Error(message), { name, $metadata: {} })

beforeEach(() => ecsMock.reset())

describe('the gateways', () => {
  test('an explained error keeps the SDK error as its cause', async () => {
    const denied = sdkError('AccessDeniedException', 'not authorized')
    ecsMock.on(DescribeServicesCommand).rejects(denied)
    const error = await describeServices(ecs, { cluster: 'prod', services: ['web'] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toBe(
      'AWS denied ecs:DescribeServices: not authorized. Grant ecs:DescribeServices to the role this workflow uses (README, "IAM permissions").',
    )
    expect((error as Error).cause).toBe(denied)
    expect(isAccessDenied(error)).toBe(true)
    expect(awsErrorName(error)).toBe('AccessDeniedException')
  })

  test('a missing cluster is a NotFound saying what was not found', async () => {
    ecsMock.on(DescribeServicesCommand).rejects(sdkError('ClusterNotFoundException', 'Cluster not found.'))
    const error = await describeServices(ecs, { cluster: 'nope', services: ['web'] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFound)
    expect(error).toMatchObject({
      what: 'cluster',
      message: 'ecs:DescribeServices found no such cluster: Cluster not found.',
    })
    expect(isNotFound(error, 'cluster')).toBe(true)
    expect(isNotFound(error, 'service')).toBe(false)
  })

  test('a task definition ECS cannot describe is a NotFound; other ClientExceptions are refusals', async () => {
    ecsMock
      .on(DescribeTaskDefinitionCommand, { taskDefinition: 'gone' })
      .rejects(sdkError('ClientException', 'Unable to describe task definition.'))
    ecsMock
      .on(DescribeTaskDefinitionCommand, { taskDefinition: 'bad' })
      .rejects(sdkError('ClientException', 'Invalid revision number.'))
    await expect(unlessNotFound(describeTaskDefinition(ecs, 'gone'))).resolves.toBeUndefined()
    const refused = await describeTaskDefinition(ecs, 'bad').catch((e: unknown) => e)
    expect(refused).not.toBeInstanceOf(NotFound)
    expect((refused as Error).message).toBe('ecs:DescribeTaskDefinition was refused: Invalid revision number.')
  })

  test('lists come from every page (the SDK paginator)', async () => {
    ecsMock
      .on(ListTasksCommand)
      .resolvesOnce({ taskArns: ['a', 'b'], nextToken: 'next' })
      .resolvesOnce({ taskArns: ['c'] })
    await expect(listTasks(ecs, { cluster: 'prod' })).resolves.toEqual(['a', 'b', 'c'])
  })

  test('a throttled call stays an AwsError with its cause', async () => {
    const throttled = sdkError('ThrottlingException', 'Rate exceeded')
    ecsMock.on(ListTasksCommand).rejects(throttled)
    const error = await listTasks(ecs, { cluster: 'prod' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AwsError)
    expect((error as Error).cause).toBe(throttled)
  })
})

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

test('every AWS call goes through a gateway in src/aws/', () => {
  const outside = sources('src')
    .filter((file) => !file.startsWith(join('src', 'aws')))
    .filter((file) => /\.send\(/.test(readFileSync(file, 'utf8')))
  expect(outside).toEqual([])
})

import { DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import { stoppedTasksOf } from '../../src/deploy/tasks.js'
import { crashedTask, NEW_ID, OLD_ID } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const ecs = new ECSClient({ region: 'us-east-1' })
const arn = (id: string): string => `arn:aws:ecs:us-east-1:123456789012:task/prod/${id}`

beforeEach(() => ecsMock.reset())

describe('stoppedTasksOf', () => {
  test("lists the service's stopped tasks page by page (startedBy must be ListTasks' only filter) and keeps the deployment's", async () => {
    const many = Array.from({ length: 150 }, (_, i) => `t${i}`)
    ecsMock
      .on(ListTasksCommand)
      .resolvesOnce({ taskArns: many.slice(0, 100).map(arn), nextToken: 'page2' })
      .resolvesOnce({ taskArns: many.slice(100).map(arn) })
    ecsMock.on(DescribeTasksCommand).callsFake((input: { tasks: string[] }) => ({
      tasks: input.tasks.map((t) => {
        const id = t.split('/').pop() ?? ''
        return crashedTask(id, 1, id === 't3' || id === 't120' ? NEW_ID : OLD_ID)
      }),
    }))
    const tasks = await stoppedTasksOf(ecs, 'prod', 'web', NEW_ID, new Set([arn('t0')]))
    expect(tasks.map((t) => t.taskId)).toEqual(['t3', 't120'])
    expect(ecsMock).toHaveReceivedCommandTimes(ListTasksCommand, 2)
    // (The SDK's paginator reuses one input object, so each recorded call shows the last nextToken.)
    for (const call of ecsMock.commandCalls(ListTasksCommand)) {
      expect(call.args[0].input).toMatchObject({
        cluster: 'prod',
        serviceName: 'web',
        desiredStatus: 'STOPPED',
        maxResults: 100,
      })
      expect(call.args[0].input.startedBy).toBeUndefined()
    }
    expect(ecsMock.commandCalls(ListTasksCommand)[1]?.args[0].input.nextToken).toBe('page2')
    // 149 unseen tasks: DescribeTasks takes at most 100 at a time.
    expect(ecsMock.commandCalls(DescribeTasksCommand).map((c) => c.args[0].input.tasks?.length)).toEqual([100, 49])
  })

  test("other deployments' tasks are described once, not at every call", async () => {
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [arn('old1'), arn('new1')] })
    ecsMock.on(DescribeTasksCommand).callsFake((input: { tasks: string[] }) => ({
      tasks: input.tasks.map((t) =>
        t.endsWith('old1') ? crashedTask('old1', 1, OLD_ID) : crashedTask('new1', 1, NEW_ID),
      ),
    }))
    const seen = new Set<string>()
    expect((await stoppedTasksOf(ecs, 'prod', 'web', NEW_ID, seen)).map((t) => t.taskId)).toEqual(['new1'])
    seen.add(arn('new1'))
    expect(await stoppedTasksOf(ecs, 'prod', 'web', NEW_ID, seen)).toEqual([])
    expect(ecsMock).toHaveReceivedCommandTimes(DescribeTasksCommand, 1)
  })

  test('no stopped task: no DescribeTasks', async () => {
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [] })
    await expect(stoppedTasksOf(ecs, 'prod', 'web', NEW_ID, new Set())).resolves.toEqual([])
    expect(ecsMock).not.toHaveReceivedCommand(DescribeTasksCommand)
  })

  test.each([
    [
      'ListTasks',
      ListTasksCommand,
      'could not read the stopped tasks: AWS denied ecs:ListTasks: User is not authorized to perform: ecs:ListTasks.',
    ],
    [
      'DescribeTasks',
      DescribeTasksCommand,
      'could not read the stopped tasks: AWS denied ecs:DescribeTasks: User is not authorized to perform: ecs:DescribeTasks.',
    ],
  ] as const)('a failing %s is an error saying so, never "no stopped tasks"', async (name, command, message) => {
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [arn('t1')] })
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [crashedTask('t1')] })
    const denied = Object.assign(new Error(`User is not authorized to perform: ecs:${name}`), {
      name: 'AccessDeniedException',
      $metadata: {},
    })
    ecsMock.on(command as typeof ListTasksCommand).rejects(denied)
    await expect(stoppedTasksOf(ecs, 'prod', 'web', NEW_ID, new Set())).rejects.toThrow(message)
  })
})

// The ECS calls the action makes, each named by the IAM action it needs; failures are explained (errors.ts).
import {
  ContinueServiceDeploymentCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeExpressGatewayServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListServiceDeploymentsCommand,
  paginateListServices,
  paginateListTaskDefinitions,
  paginateListTasks,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopServiceDeploymentCommand,
  StopTaskCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateExpressGatewayServiceCommand,
  UpdateServiceCommand,
  type ContinueServiceDeploymentCommandInput,
  type CreateServiceCommandInput,
  type DescribeServicesCommandInput,
  type DescribeServicesCommandOutput,
  type DescribeTaskDefinitionCommandOutput,
  type ECSClient,
  type ECSExpressGatewayService,
  type Failure,
  type ListServiceDeploymentsCommandInput,
  type ListTaskDefinitionsCommandInput,
  type ListTasksCommandInput,
  type RegisterTaskDefinitionCommandInput,
  type RunTaskCommandInput,
  type Service,
  type ServiceDeployment,
  type ServiceDeploymentBrief,
  type Tag,
  type Task,
  type TaskDefinition,
  type UpdatedExpressGatewayService,
  type UpdateExpressGatewayServiceCommandInput,
  type UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs'
import { awsCall, NotFound } from './errors.js'

const CLUSTER = { ClusterNotFoundException: 'cluster' }
const SERVICE = { ...CLUSTER, ServiceNotFoundException: 'service', ServiceNotActiveException: 'service' }
/** DescribeServices and DescribeTasks take at most this many names; DescribeServiceDeployments 20. */
const SERVICES_PER_CALL = 10
const TASKS_PER_CALL = 100
const SERVICE_DEPLOYMENTS_PER_CALL = 20

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** DescribeServices for one batch of at most 10 names; a missing cluster is a NotFound('cluster'). */
export function describeServices(
  ecs: ECSClient,
  input: DescribeServicesCommandInput,
): Promise<DescribeServicesCommandOutput> {
  return awsCall('ecs:DescribeServices', () => ecs.send(new DescribeServicesCommand(input)), { missing: CLUSTER })
}

/** The services found among `names` (any number, asked in batches), by name and by ARN as asked. */
export async function describeServicesByName(
  ecs: ECSClient,
  cluster: string,
  names: string[],
  include?: DescribeServicesCommandInput['include'],
): Promise<Service[]> {
  const answers = await Promise.all(
    chunks(names, SERVICES_PER_CALL).map((services) =>
      describeServices(ecs, { cluster, services, ...(include && { include }) }),
    ),
  )
  return answers.flatMap((a) => a.services ?? [])
}

/** One service as ECS describes it now, or undefined when the cluster has none by that name. */
export async function describeService(ecs: ECSClient, cluster: string, service: string): Promise<Service | undefined> {
  return (await describeServices(ecs, { cluster, services: [service] })).services?.[0]
}

/** Every service ARN of the cluster. */
export async function listServices(ecs: ECSClient, cluster: string): Promise<string[]> {
  return awsCall(
    'ecs:ListServices',
    async () => {
      const arns: string[] = []
      for await (const page of paginateListServices({ client: ecs, pageSize: 100 }, { cluster }))
        arns.push(...(page.serviceArns ?? []))
      return arns
    },
    { missing: CLUSTER },
  )
}

export async function updateService(ecs: ECSClient, input: UpdateServiceCommandInput): Promise<Service | undefined> {
  return (await awsCall('ecs:UpdateService', () => ecs.send(new UpdateServiceCommand(input)), { missing: SERVICE }))
    .service
}

/** How many times `updateServiceLooking` sends an update that ECS answered with a server error and did not apply. */
const UPDATE_ATTEMPTS = 3

/**
 * UpdateService, never sent again blindly: ECS may apply an update and still answer 5xx, where the SDK's retry would
 * start a second deployment. After such an answer the service is read, and `applied` (given what DescribeServices
 * shows) says whether the update took; it is sent again only when it did not.
 */
export async function updateServiceLooking(
  ecs: ECSClient,
  input: UpdateServiceCommandInput & { cluster: string; service: string },
  applied: (service: Service) => boolean,
): Promise<Service | undefined> {
  for (let attempt = 1; ; attempt++) {
    const sent = await awsCall(
      'ecs:UpdateService',
      async () => {
        try {
          return { service: (await ecs.send(withoutServerErrorRetry(new UpdateServiceCommand(input)))).service }
        } catch (error) {
          if (error instanceof OutcomeUnknown && attempt < UPDATE_ATTEMPTS) return { unknown: error.answer }
          throw error instanceof OutcomeUnknown ? error.answer : error
        }
      },
      { missing: SERVICE },
    )
    if (!('unknown' in sent)) return sent.service
    const now = await describeService(ecs, input.cluster, input.service)
    if (now && applied(now)) return now
  }
}

/** A server error the SDK must not retry on its own: the request may have been carried out. */
class OutcomeUnknown extends Error {
  override readonly name = 'OutcomeUnknown'
  constructor(readonly answer: unknown) {
    super('the call answered a server error, so it may have been carried out')
  }
}

/** `command`, whose 5xx answers reach the caller as OutcomeUnknown (which no retry strategy takes for transient). */
function withoutServerErrorRetry<C extends UpdateServiceCommand>(command: C): C {
  command.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args)
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0
        throw status >= 500 ? new OutcomeUnknown(error) : error
      }
    },
    { step: 'deserialize', priority: 'high', name: 'outcomeUnknownOnServerError' },
  )
  return command
}

export async function createService(ecs: ECSClient, input: CreateServiceCommandInput): Promise<Service | undefined> {
  return (await awsCall('ecs:CreateService', () => ecs.send(new CreateServiceCommand(input)))).service
}

export async function deleteService(ecs: ECSClient, cluster: string, service: string): Promise<Service | undefined> {
  return (
    await awsCall('ecs:DeleteService', () => ecs.send(new DeleteServiceCommand({ cluster, service, force: true })), {
      missing: SERVICE,
    })
  ).service
}

/** An Express Mode service (its ARN is its ECS service's) with its active configurations; a NotFound('service') when there is none. */
export async function describeExpressGatewayService(
  ecs: ECSClient,
  serviceArn: string,
): Promise<ECSExpressGatewayService | undefined> {
  return (
    await awsCall(
      'ecs:DescribeExpressGatewayService',
      () => ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn })),
      { missing: { ...CLUSTER, ResourceNotFoundException: 'service' } },
    )
  ).service
}

/** Updates an Express Mode service's configuration: ECS registers a revision from it and starts a deployment. */
export async function updateExpressGatewayService(
  ecs: ECSClient,
  input: UpdateExpressGatewayServiceCommandInput,
): Promise<UpdatedExpressGatewayService | undefined> {
  return (
    await awsCall('ecs:UpdateExpressGatewayService', () => ecs.send(new UpdateExpressGatewayServiceCommand(input)), {
      missing: SERVICE,
    })
  ).service
}

/** The service deployments asked for (any number, asked in batches of 20), by ARN. */
export async function describeServiceDeployments(
  ecs: ECSClient,
  arns: string[],
): Promise<Map<string, ServiceDeployment>> {
  const answers = await Promise.all(
    chunks(arns, SERVICE_DEPLOYMENTS_PER_CALL).map((serviceDeploymentArns) =>
      awsCall('ecs:DescribeServiceDeployments', () =>
        ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns })),
      ),
    ),
  )
  return new Map(
    answers.flatMap((a) => a.serviceDeployments ?? []).map((sd) => [sd.serviceDeploymentArn ?? '', sd] as const),
  )
}

export async function listServiceDeployments(
  ecs: ECSClient,
  input: ListServiceDeploymentsCommandInput,
): Promise<ServiceDeploymentBrief[]> {
  return (
    (await awsCall('ecs:ListServiceDeployments', () => ecs.send(new ListServiceDeploymentsCommand(input))))
      .serviceDeployments ?? []
  )
}

export async function continueServiceDeployment(
  ecs: ECSClient,
  input: ContinueServiceDeploymentCommandInput,
): Promise<void> {
  await awsCall('ecs:ContinueServiceDeployment', () => ecs.send(new ContinueServiceDeploymentCommand(input)))
}

/** Stops a service deployment with a rollback to the revision it replaces. */
export async function stopServiceDeployment(ecs: ECSClient, serviceDeploymentArn: string): Promise<void> {
  await awsCall('ecs:StopServiceDeployment', () =>
    ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn, stopType: 'ROLLBACK' })),
  )
}

/** A task definition with its tags; a NotFound('task definition') when there is no such revision or family. */
export async function describeTaskDefinition(
  ecs: ECSClient,
  taskDefinition: string,
): Promise<DescribeTaskDefinitionCommandOutput> {
  return awsCall('ecs:DescribeTaskDefinition', async () => {
    try {
      return await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }))
    } catch (error) {
      // ECS answers a ClientException, told apart from other ones only by its message.
      const e = error as Error
      if (e.name === 'ClientException' && /Unable to describe task definition/.test(e.message)) {
        throw new NotFound(
          'task definition',
          `ecs:DescribeTaskDefinition found no task definition ${taskDefinition}: ${e.message}`,
          { cause: error },
        )
      }
      throw error
    }
  })
}

export async function registerTaskDefinition(
  ecs: ECSClient,
  input: RegisterTaskDefinitionCommandInput,
): Promise<TaskDefinition | undefined> {
  return (await awsCall('ecs:RegisterTaskDefinition', () => ecs.send(new RegisterTaskDefinitionCommand(input))))
    .taskDefinition
}

export async function deregisterTaskDefinition(ecs: ECSClient, taskDefinition: string): Promise<void> {
  await awsCall('ecs:DeregisterTaskDefinition', () => ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition })))
}

/** Every task definition ARN that matches, in the order asked (`sort`). */
export async function listTaskDefinitions(ecs: ECSClient, input: ListTaskDefinitionsCommandInput): Promise<string[]> {
  return awsCall('ecs:ListTaskDefinitions', async () => {
    const arns: string[] = []
    for await (const page of paginateListTaskDefinitions({ client: ecs, pageSize: 100 }, input))
      arns.push(...(page.taskDefinitionArns ?? []))
    return arns
  })
}

/** Every task ARN that matches. */
export async function listTasks(ecs: ECSClient, input: ListTasksCommandInput): Promise<string[]> {
  return awsCall('ecs:ListTasks', async () => {
    const arns: string[] = []
    for await (const page of paginateListTasks({ client: ecs, pageSize: TASKS_PER_CALL }, input))
      arns.push(...(page.taskArns ?? []))
    return arns
  })
}

/** The tasks asked for (any number, asked in batches of 100). */
export async function describeTasks(ecs: ECSClient, cluster: string, arns: string[]): Promise<Task[]> {
  const tasks: Task[] = []
  for (const batch of chunks(arns, TASKS_PER_CALL)) {
    const described = await awsCall('ecs:DescribeTasks', () =>
      ecs.send(new DescribeTasksCommand({ cluster, tasks: batch })),
    )
    tasks.push(...(described.tasks ?? []))
  }
  return tasks
}

export async function runTask(
  ecs: ECSClient,
  input: RunTaskCommandInput,
): Promise<{ tasks: Task[]; failures: Failure[] }> {
  const started = await awsCall('ecs:RunTask', () => ecs.send(new RunTaskCommand(input)))
  return { tasks: started.tasks ?? [], failures: started.failures ?? [] }
}

export async function stopTask(ecs: ECSClient, cluster: string, task: string, reason: string): Promise<void> {
  await awsCall('ecs:StopTask', () => ecs.send(new StopTaskCommand({ cluster, task, reason })))
}

/** Sets `tags` on a resource and removes `tagKeys` from it (either may be empty). */
export async function retag(ecs: ECSClient, resourceArn: string, tags: Tag[], tagKeys: string[]): Promise<void> {
  if (tags.length) await awsCall('ecs:TagResource', () => ecs.send(new TagResourceCommand({ resourceArn, tags })))
  if (tagKeys.length)
    await awsCall('ecs:UntagResource', () => ecs.send(new UntagResourceCommand({ resourceArn, tagKeys })))
}

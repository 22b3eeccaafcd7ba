// The local stack itself (test/stack/): the scenario server answers the real SDK clients as ECS, ECR and
// CodeDeploy do, rollouts unfold in time as scenarios say, ECR is backed by the real registry, and
// crashed containers' log lines land in CloudWatch Logs on moto.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import {
  ClientException,
  ClusterNotFoundException,
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  ServiceNotActiveException,
  ServiceNotFoundException,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type Deployment,
  type Service,
  type ServiceDeployment,
  type Task,
} from '@aws-sdk/client-ecs'
import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  ImageNotFoundException,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr'
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import {
  CodeDeployClient,
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentGroupCommand,
  GetDeploymentCommand,
  GetDeploymentTargetCommand,
} from '@aws-sdk/client-codedeploy'
import { ScenarioAdmin, useStack, waitFor, webTaskDefinition, type StackEnv } from './stack.js'

const CLUSTER = 'e2e'
const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef'
const LOGS = {
  logDriver: 'awslogs' as const,
  options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
}

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  // No endpoint option: the clients find the stack through AWS_ENDPOINT_URL_* as the action does.
  ecs = new ECSClient({})
})

afterAll(() => ecs?.destroy())

/** A fresh stack (time 20× faster) with cluster e2e, web:1 and web:2, and service web on web:1, steady. */
async function givenService(
  options: { desiredCount?: number; circuitBreaker?: { enable: boolean; rollback: boolean } } = {},
) {
  await admin.reset({ timeScale: 20, moto: true })
  await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }))
  for (const tag of ['v1', 'v2']) {
    await ecs.send(
      new RegisterTaskDefinitionCommand(
        webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:${tag}`, { logConfiguration: LOGS }),
      ),
    )
  }
  await ecs.send(
    new CreateServiceCommand({
      cluster: CLUSTER,
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: options.desiredCount ?? 2,
      launchType: 'FARGATE',
      loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 8080 }],
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: options.circuitBreaker ?? { enable: false, rollback: false },
      },
    }),
  )
  return waitFor('web steady on web:1', async () => {
    const s = await service()
    return s.deployments?.length === 1 && s.deployments[0]?.rolloutState === 'COMPLETED' && s
  })
}

async function service(name = 'web'): Promise<Service> {
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [name] }))
  if (!services?.[0]) throw new Error(`service ${name} is missing`)
  return services[0]
}

async function serviceDeployment(arn: string): Promise<ServiceDeployment> {
  const { serviceDeployments } = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))
  if (!serviceDeployments?.[0]) throw new Error(`service deployment ${arn} is missing`)
  return serviceDeployments[0]
}

/** Tasks of service web (desiredStatus default RUNNING); ECS takes startedBy only as the sole filter, so it is matched here. */
async function tasks({
  desiredStatus,
  startedBy,
}: { desiredStatus?: 'RUNNING' | 'STOPPED'; startedBy?: string | undefined } = {}): Promise<Task[]> {
  const { taskArns } = await ecs.send(
    new ListTasksCommand({ cluster: CLUSTER, serviceName: 'web', ...(desiredStatus && { desiredStatus }) }),
  )
  if (!taskArns?.length) return []
  const described = (await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: taskArns }))).tasks ?? []
  return described.filter((task) => startedBy === undefined || task.startedBy === startedBy)
}

const messages = (s: Service) => (s.events ?? []).map((e) => e.message ?? '')
const primary = (s: Service): Deployment => s.deployments?.find((d) => d.status === 'PRIMARY') ?? {}

describe('local stack: ECS rolling deployments', () => {
  test('a successful rollout unfolds in time: new PRIMARY, tasks PROVISIONING → PENDING → RUNNING, old tasks drained, COMPLETED', async () => {
    const before = await givenService()
    const oldDeployment = primary(before)
    // Step the clock by hand from here: scale 1 and /_clock advances, so every phase is observed.
    await admin.clock({ scale: 1 })
    await admin.scenario({ service: 'web', rollout: { provisioningSeconds: 1, taskStartSeconds: 3, drainSeconds: 2 } })

    const updated = (
      await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'web', taskDefinition: 'web:2' }))
    ).service
    const next = primary(updated ?? {})
    expect(next.id).toMatch(/^ecs-svc\/\d{19}$/)
    expect(next).toMatchObject({
      status: 'PRIMARY',
      taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
      desiredCount: 2,
      runningCount: 0,
      pendingCount: 0,
      failedTasks: 0,
      launchType: 'FARGATE',
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: `ECS deployment ${next.id} in progress.`,
    })
    expect(next.createdAt).toBeInstanceOf(Date)
    expect(updated?.deployments?.find((d) => d.status === 'ACTIVE')).toMatchObject({
      id: oldDeployment.id,
      runningCount: 2,
    })

    await admin.clock({ advanceSeconds: 0.5 }) // launched: PROVISIONING
    let fresh = await tasks({ startedBy: next.id })
    expect(fresh.map((t) => t.lastStatus)).toEqual(['PROVISIONING', 'PROVISIONING'])
    expect(fresh[0]).toMatchObject({ group: 'service:web', desiredStatus: 'RUNNING', launchType: 'FARGATE' })
    expect(fresh[0]?.taskArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/e2e\/[0-9a-f]{32}$/)

    await admin.clock({ advanceSeconds: 1 }) // PENDING
    fresh = await tasks({ startedBy: next.id })
    expect(fresh.map((t) => t.lastStatus)).toEqual(['PENDING', 'PENDING'])
    expect(primary(await service())).toMatchObject({ pendingCount: 2, runningCount: 0 })

    await admin.clock({ advanceSeconds: 2 }) // RUNNING; the old tasks are asked to stop
    fresh = await tasks({ startedBy: next.id })
    expect(fresh.map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING'])
    expect(fresh[0]?.containers?.[0]).toMatchObject({
      name: 'web',
      image: `${stack.STACK_REGISTRY}/web:v2`,
      lastStatus: 'RUNNING',
    })
    let s = await service()
    expect(s.deployments?.map((d) => [d.status, d.runningCount])).toEqual([
      ['PRIMARY', 2],
      ['ACTIVE', 0],
    ])
    const draining = await tasks({ startedBy: oldDeployment.id, desiredStatus: 'STOPPED' })
    expect(draining.map((t) => [t.lastStatus, t.stopCode])).toEqual([
      ['STOPPING', 'ServiceSchedulerInitiated'],
      ['STOPPING', 'ServiceSchedulerInitiated'],
    ])
    expect(draining[0]?.stoppedReason).toBe(`Scaling activity initiated by (deployment ${next.id})`)

    await admin.clock({ advanceSeconds: 2 }) // drained: COMPLETED
    s = await service()
    expect(s.deployments).toHaveLength(1)
    expect(primary(s)).toMatchObject({
      id: next.id,
      rolloutState: 'COMPLETED',
      rolloutStateReason: `ECS deployment ${next.id} completed.`,
      runningCount: 2,
    })
    expect(s.taskDefinition).toMatch(/web:2$/)

    const events = messages(s)
    const newIds = fresh.map((t) => t.taskArn?.split('/').pop())
    expect(events.slice(0, 2)).toEqual([
      '(service web) has reached a steady state.',
      `(service web) (deployment ${next.id}) deployment completed.`,
    ])
    // Each new task that passes its health checks lets one old task go (minimumHealthyPercent 100).
    const since = events.findIndex((m) => m.startsWith('(service web) has started 2 tasks: '))
    expect(since).toBeGreaterThan(1)
    for (const id of newIds) expect(events[since]).toContain(`(task ${id})`)
    const rollout = events.slice(0, since).reverse()
    expect(
      rollout.filter((m) => m === `(service web) registered 1 targets in (target-group ${TARGET_GROUP})`),
    ).toHaveLength(2)
    expect(
      rollout.filter((m) => /^\(service web\) has stopped 1 running tasks: \(task [0-9a-f]{32}\)\.$/.test(m)),
    ).toHaveLength(2)
    expect(rollout).toContain('(service web) has begun draining connections on 1 tasks.')
    expect(rollout).toContain(`(service web) deregistered 1 targets in (target-group ${TARGET_GROUP})`)
    const times = (s.events ?? []).map((e) => e.createdAt?.getTime() ?? 0)
    expect(times).toEqual([...times].sort((a, b) => b - a)) // newest first
    expect(s.events?.[0]?.id).toMatch(/^[0-9a-f-]{36}$/)

    const { serviceDeployments } = await ecs.send(
      new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: 'web' }),
    )
    expect(serviceDeployments?.map((d) => d.status)).toEqual(['SUCCESSFUL', 'SUCCESSFUL'])
    const sd = await serviceDeployment(serviceDeployments?.[0]?.serviceDeploymentArn ?? '')
    expect(sd.serviceDeploymentArn).toMatch(
      /^arn:aws:ecs:us-east-1:123456789012:service-deployment\/e2e\/web\/[A-Za-z0-9]{21}$/,
    )
    expect(sd.targetServiceRevision).toMatchObject({
      arn: expect.stringMatching(new RegExp(`service-revision/e2e/web/${next.id?.slice(8)}$`)),
      runningTaskCount: 2,
    })
    expect(sd.sourceServiceRevisions?.[0]?.arn).toMatch(
      new RegExp(`service-revision/e2e/web/${oldDeployment.id?.slice(8)}$`),
    )
    expect(sd.deploymentCircuitBreaker).toEqual({ status: 'DISABLED', failureCount: 0, threshold: 3 })
    expect(sd.finishedAt).toBeInstanceOf(Date)
  })

  test('crashing tasks trip the circuit breaker, which rolls back; the crash is in the task and its logs in CloudWatch', async () => {
    const before = await givenService({ circuitBreaker: { enable: true, rollback: true } })
    const oldDeployment = primary(before)
    await admin.scenario({
      service: 'web',
      rollout: {
        outcome: 'crash',
        exitCode: 1,
        crashAfterSeconds: 1,
        // The failed deployment stays listed next to its rollback for its drain (ECS: the target group's deregistration
        // delay): 5 s here, longer than any poll of this test takes on a loaded machine (0.5 s was missed under load).
        drainSeconds: 100,
        logLines: ['listening on 8080', 'Error: DATABASE_URL is not set'],
      },
    })
    const failing = primary(
      (await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'web', taskDefinition: 'web:2' })))
        .service ?? {},
    )

    const failed = await waitFor('the circuit breaker to fail the deployment', async () => {
      const s = await service()
      return s.deployments?.find((d) => d.id === failing.id && d.rolloutState === 'FAILED') && s
    })
    expect(failed.deployments?.find((d) => d.id === failing.id)).toMatchObject({
      status: 'ACTIVE',
      failedTasks: expect.any(Number), // 3 or more: a sibling task may crash at the same moment
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
    })
    const rollback = primary(failed)
    expect(rollback.id).not.toBe(failing.id)
    expect(rollback.taskDefinition).toMatch(/web:1$/)
    expect(messages(failed)).toEqual(
      expect.arrayContaining([
        `(service web) (deployment ${failing.id}) deployment failed: tasks failed to start.`,
        `(service web) rolling back to deployment ${oldDeployment.id}.`,
      ]),
    )

    const crashed = await tasks({ startedBy: failing.id, desiredStatus: 'STOPPED' })
    expect(crashed.length).toBeGreaterThanOrEqual(3)
    expect(crashed[0]).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    })
    expect(crashed[0]?.containers?.[0]).toMatchObject({ name: 'web', exitCode: 1, lastStatus: 'STOPPED' })
    expect(crashed[0]?.stoppedAt).toBeInstanceOf(Date)

    const taskId = crashed[0]?.taskArn?.split('/').pop()
    const logs = new CloudWatchLogsClient({})
    const { events } = await logs.send(
      new GetLogEventsCommand({ logGroupName: '/ecs/web', logStreamName: `ecs/web/${taskId}` }),
    )
    expect(events?.map((e) => e.message)).toEqual(['listening on 8080', 'Error: DATABASE_URL is not set'])
    logs.destroy()

    const { serviceDeployments } = await ecs.send(
      new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: 'web' }),
    )
    const arn = serviceDeployments?.[0]?.serviceDeploymentArn ?? ''
    // The rollback completes once the failed deployment has drained (the 5 s above), from the failure on.
    const done = await waitFor(
      'the rollback to succeed',
      async () => {
        const sd = await serviceDeployment(arn)
        return sd.status === 'ROLLBACK_SUCCESSFUL' && sd
      },
      { timeoutMs: 20_000 },
    )
    expect(done).toMatchObject({
      statusReason: 'ECS deployment circuit breaker: tasks failed to start.',
      deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 3, threshold: 3 },
      rollback: {
        reason: 'ECS deployment circuit breaker: tasks failed to start.',
        serviceRevisionArn: done.sourceServiceRevisions?.[0]?.arn,
      },
    })
    const after = await service()
    expect(after.taskDefinition).toMatch(/web:1$/)
    expect(after.deployments).toHaveLength(1)
    expect(primary(after)).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 2 })
  })

  test('without a circuit breaker a crash loop goes on: failedTasks grows and the rollout stays IN_PROGRESS', async () => {
    await givenService({ desiredCount: 1 })
    await admin.scenario({
      service: 'web',
      rollout: { outcome: 'crash', taskStartSeconds: 0.5, crashAfterSeconds: 0.5 },
    })
    await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'web', taskDefinition: 'web:2' }))
    const s = await waitFor('5 failed tasks', async () => {
      const current = await service()
      return (primary(current).failedTasks ?? 0) >= 5 && current
    })
    expect(primary(s).rolloutState).toBe('IN_PROGRESS')
    expect(s.deployments?.find((d) => d.status === 'ACTIVE')?.runningCount).toBe(1) // the old task keeps serving
    expect(messages(s)).toContain(
      '(service web) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
    )
  })

  test('StopServiceDeployment (ROLLBACK) goes ROLLBACK_REQUESTED → ROLLBACK_IN_PROGRESS → ROLLBACK_SUCCESSFUL, back on the source revision', async () => {
    await givenService()
    await admin.scenario({ service: 'web', rollout: { outcome: 'stuck-pending', rollbackStartSeconds: 2 } })
    await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'web', taskDefinition: 'web:2' }))
    const { serviceDeployments } = await ecs.send(
      new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: 'web', status: ['PENDING', 'IN_PROGRESS'] }),
    )
    const arn = serviceDeployments?.[0]?.serviceDeploymentArn ?? ''
    await waitFor('the stuck tasks to be PENDING', async () => (await tasks()).some((t) => t.lastStatus === 'PENDING'))

    const stopped = await ecs.send(
      new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }),
    )
    expect(stopped.serviceDeploymentArn).toBe(arn)
    expect((await serviceDeployment(arn)).status).toBe('ROLLBACK_REQUESTED')
    const inProgress = await waitFor('ROLLBACK_IN_PROGRESS', async () => {
      const sd = await serviceDeployment(arn)
      return sd.status === 'ROLLBACK_IN_PROGRESS' && sd
    })
    expect(inProgress.rollback?.serviceRevisionArn).toBe(inProgress.sourceServiceRevisions?.[0]?.arn)
    const done = await waitFor('ROLLBACK_SUCCESSFUL', async () => {
      const sd = await serviceDeployment(arn)
      return sd.status === 'ROLLBACK_SUCCESSFUL' && sd
    })
    expect(done.finishedAt).toBeInstanceOf(Date)
    const s = await service()
    expect(s.taskDefinition).toMatch(/web:1$/)
    expect(s.deployments?.map((d) => [d.status, d.rolloutState])).toEqual([['PRIMARY', 'COMPLETED']])
    await expect(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn }))).rejects.toMatchObject({
      name: 'ConflictException',
    })
  })

  test('pull errors stop tasks as TaskFailedToStart; failed health checks are stopped by the scheduler', async () => {
    await givenService({ desiredCount: 1 })
    await admin.scenario([
      {
        service: 'web',
        rollout: { outcome: 'pull-error', reason: 'CannotPullContainerError: pull access denied for web' },
      },
      { service: 'web', rollout: { outcome: 'unhealthy', healthCheckSeconds: 1 } },
    ])
    const pulling = primary(
      (await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'web', taskDefinition: 'web:2' })))
        .service ?? {},
    )
    const [pullFailed] = await waitFor('a pull error', async () => {
      const stopped = await tasks({ startedBy: pulling.id, desiredStatus: 'STOPPED' })
      return stopped.length > 0 && stopped
    })
    expect(pullFailed).toMatchObject({
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'CannotPullContainerError: pull access denied for web',
    })
    expect(pullFailed?.startedAt).toBeUndefined()
    expect(pullFailed?.containers?.[0]?.reason).toBe('CannotPullContainerError: pull access denied for web')

    const checking = primary(
      (await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'web', forceNewDeployment: true })))
        .service ?? {},
    )
    const [unhealthy] = await waitFor('a failed health check', async () => {
      const stopped = await tasks({ startedBy: checking.id, desiredStatus: 'STOPPED' })
      return stopped.length > 0 && stopped
    })
    expect(unhealthy).toMatchObject({
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: `Task failed ELB health checks in (target-group ${TARGET_GROUP})`,
    })
    expect(messages(await service())).toContain(
      `(service web) (port 8080) is unhealthy in (target-group ${TARGET_GROUP}) due to (reason Health checks failed).`,
    )
  })

  test('RunTask follows a family scenario: the essential container exits with its code', async () => {
    await givenService({ desiredCount: 0 })
    await admin.scenario({ family: 'web', rollout: { taskStartSeconds: 0.5, exitAfterSeconds: 1, exitCode: 0 } })
    const { tasks: started } = await ecs.send(
      new RunTaskCommand({ cluster: CLUSTER, taskDefinition: 'web', startedBy: 'migrations', launchType: 'FARGATE' }),
    )
    expect(started?.[0]).toMatchObject({
      group: 'family:web',
      startedBy: 'migrations',
      lastStatus: 'PROVISIONING',
      taskDefinitionArn: expect.stringMatching(/web:2$/),
    })
    const done = await waitFor('the task to exit', async () => {
      const { tasks: found } = await ecs.send(
        new DescribeTasksCommand({ cluster: CLUSTER, tasks: [started?.[0]?.taskArn ?? ''] }),
      )
      return found?.[0]?.lastStatus === 'STOPPED' && found[0]
    })
    expect(done).toMatchObject({
      stopCode: 'EssentialContainerExited',
      containers: [expect.objectContaining({ exitCode: 0 })],
    })
  })
})

describe('local stack: ECS errors as the SDK raises them', () => {
  beforeAll(() => givenService({ desiredCount: 0 }))

  test('an unknown cluster is ClusterNotFoundException', async () => {
    const error = await ecs
      .send(new DescribeServicesCommand({ cluster: 'nope', services: ['web'] }))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClusterNotFoundException)
    expect(error).toMatchObject({
      name: 'ClusterNotFoundException',
      message: 'Cluster not found.',
      $metadata: { httpStatusCode: 400 },
    })
  })

  test('UpdateService on an unknown service is ServiceNotFoundException; DescribeServices reports it MISSING', async () => {
    await expect(
      ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'ghost', taskDefinition: 'web:2' })),
    ).rejects.toBeInstanceOf(ServiceNotFoundException)
    const { services, failures } = await ecs.send(
      new DescribeServicesCommand({ cluster: CLUSTER, services: ['ghost'] }),
    )
    expect(services).toEqual([])
    expect(failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/e2e/ghost', reason: 'MISSING' }])
  })

  test('an unknown task definition is ClientException', async () => {
    await expect(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'nope:1' }))).rejects.toBeInstanceOf(
      ClientException,
    )
  })

  test('a deleted (INACTIVE) service is ServiceNotActiveException', async () => {
    await ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: 'web' }))
    await waitFor('web INACTIVE', async () => (await service()).status === 'INACTIVE')
    const error = await ecs
      .send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'web', desiredCount: 1 }))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceNotActiveException)
    expect(error).toMatchObject({ name: 'ServiceNotActiveException' })
  })
})

describe('local stack: ECR on the real registry', () => {
  test('the auth token logs docker in; a pushed image is described with the digest docker reports', async () => {
    await admin.reset({ timeScale: 20 })
    const ecr = new ECRClient({})
    const { authorizationData } = await ecr.send(new GetAuthorizationTokenCommand({}))
    const auth = authorizationData?.[0]
    expect(auth?.proxyEndpoint).toBe(`http://${stack.STACK_REGISTRY}`)
    expect(auth?.expiresAt).toBeInstanceOf(Date)
    const [user, password] = Buffer.from(auth?.authorizationToken ?? '', 'base64')
      .toString()
      .split(':')
    expect(user).toBe('AWS')

    const name = `e2e-${randomBytes(4).toString('hex')}`
    const { repository } = await ecr.send(new CreateRepositoryCommand({ repositoryName: name }))
    expect(repository?.repositoryUri).toBe(`${stack.STACK_REGISTRY}/${name}`)

    // Each docker client config in its own directory: the machine's ~/.docker stays as it is.
    const dockerWith = (config: string) => (args: string[], input?: string) =>
      execFileSync('docker', ['--config', config, ...args], {
        input,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
      })
    const docker = dockerWith(mkdtempSync(path.join(tmpdir(), 'stack-docker-')))
    const anonymous = dockerWith(mkdtempSync(path.join(tmpdir(), 'stack-docker-')))
    const ref = `${repository?.repositoryUri}:c0ffee`
    expect(docker(['login', '-u', user ?? '', '--password-stdin', stack.STACK_REGISTRY], password)).toContain(
      'Login Succeeded',
    )
    docker(['build', '-q', '--build-arg', 'COMMIT_HASH=c0ffee', '-t', ref, stack.STACK_SAMPLE_APP])
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(docker(['push', ref]))?.[1]
    expect(digest).toMatch(/^sha256:/)
    expect(() => anonymous(['push', ref])).toThrow(/no basic auth credentials|unauthorized/)

    const { imageDetails } = await ecr.send(
      new DescribeImagesCommand({ repositoryName: name, imageIds: [{ imageTag: 'c0ffee' }] }),
    )
    expect(imageDetails?.[0]).toMatchObject({
      registryId: '123456789012',
      repositoryName: name,
      imageDigest: digest,
      imageTags: ['c0ffee'],
      imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    })
    expect(imageDetails?.[0]?.imageSizeInBytes).toBeGreaterThan(500_000) // busybox
    expect(imageDetails?.[0]?.imagePushedAt).toBeInstanceOf(Date)

    await expect(
      ecr.send(new DescribeImagesCommand({ repositoryName: name, imageIds: [{ imageTag: 'nope' }] })),
    ).rejects.toBeInstanceOf(ImageNotFoundException)
    await expect(ecr.send(new DescribeImagesCommand({ repositoryName: `${name}-missing` }))).rejects.toBeInstanceOf(
      RepositoryNotFoundException,
    )
    ecr.destroy()
  })
})

describe('local stack: CodeDeploy', () => {
  test('a deployment goes Created → InProgress → Succeeded through the ECS lifecycle events', async () => {
    await givenService({ desiredCount: 1 })
    const codedeploy = new CodeDeployClient({})
    await codedeploy.send(new CreateApplicationCommand({ applicationName: 'web', computePlatform: 'ECS' }))
    await codedeploy.send(
      new CreateDeploymentGroupCommand({
        applicationName: 'web',
        deploymentGroupName: 'web',
        serviceRoleArn: 'arn:aws:iam::123456789012:role/codedeploy',
        ecsServices: [{ clusterName: CLUSTER, serviceName: 'web' }],
      }),
    )
    const appSpec =
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: web:2\n'
    const { deploymentId } = await codedeploy.send(
      new CreateDeploymentCommand({
        applicationName: 'web',
        deploymentGroupName: 'web',
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec } },
      }),
    )
    expect(deploymentId).toMatch(/^d-[A-Z0-9]{9}$/)
    const seen = new Set<string>()
    const info = await waitFor('Succeeded', async () => {
      const { deploymentInfo } = await codedeploy.send(new GetDeploymentCommand({ deploymentId }))
      seen.add(deploymentInfo?.status ?? '')
      return deploymentInfo?.status === 'Succeeded' && deploymentInfo
    })
    expect([...seen]).toEqual(expect.arrayContaining(['InProgress', 'Succeeded']))
    expect(info.createTime).toBeInstanceOf(Date)
    expect(info.completeTime).toBeInstanceOf(Date)
    const { deploymentTarget } = await codedeploy.send(
      new GetDeploymentTargetCommand({ deploymentId, targetId: `${CLUSTER}:web` }),
    )
    expect(deploymentTarget?.ecsTarget?.lifecycleEvents?.map((e) => e.status)).toEqual(Array(8).fill('Succeeded'))
    expect((await service()).taskDefinition).toMatch(/web:2$/)
    codedeploy.destroy()
  })

  test("a deployment group's target group pair must name two target groups moto's ELBv2 has", async () => {
    await givenService({ desiredCount: 1 })
    const codedeploy = new CodeDeployClient({})
    await codedeploy.send(new CreateApplicationCommand({ applicationName: 'web', computePlatform: 'ECS' }))
    const group = (names: string[]) =>
      codedeploy.send(
        new CreateDeploymentGroupCommand({
          applicationName: 'web',
          deploymentGroupName: 'web',
          serviceRoleArn: 'arn:aws:iam::123456789012:role/codedeploy',
          ecsServices: [{ clusterName: CLUSTER, serviceName: 'web' }],
          loadBalancerInfo: { targetGroupPairInfoList: [{ targetGroups: names.map((name) => ({ name })) }] },
        }),
      )
    await expect(group(['web', 'web'])).rejects.toMatchObject({
      name: 'InvalidTargetGroupPairException',
      message: 'Target group pair must have distinct target groups.',
    })
    await expect(group(['web', 'web-green'])).rejects.toMatchObject({
      name: 'InvalidTargetGroupPairException',
      message:
        'A target group pair associated with this deployment is not valid: no target group named web, web-green.',
    })
    codedeploy.destroy()
  })
})

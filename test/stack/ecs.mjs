// ECS (AmazonEC2ContainerServiceV20141113): the API operations. Each one checks its input as ECS does,
// calls the clusters / task definitions / services model and returns the API's shapes.
import { AwsError, check, paginate } from './protocol.mjs'
import { clusterArn, nameFromArn, taskArn } from './ids.mjs'
import { createTask, describeTask, stopTask } from './tasks.mjs'
import { expressOperations } from './express.mjs'

/**
 * @typedef {{
 *   clusters: Map<string, any>, taskDefinitions: import('./task-definitions.mjs').TaskDefinitionStore,
 *   services: import('./services.mjs').Services, scenarios: import('./scenario.mjs').ScenarioBook,
 *   clock: import('./clock.mjs').Clock, endpoint?: string,
 * }} EcsState endpoint: the load balancer's production listener, an Express service's endpoint
 */

const includesTags = (input) => Array.isArray(input.include) && input.include.includes('TAGS')

/**
 * @param {() => EcsState} state a function: /_reset replaces the state
 * @returns {import('./protocol.mjs').AwsService}
 */
export function ecsService(state) {
  // --- lookups ---------------------------------------------------------------------------------
  const cluster = (ref = 'default') => {
    const found = state().clusters.get(nameFromArn(ref))
    if (!found || found.status !== 'ACTIVE') throw new AwsError('ClusterNotFoundException', 'Cluster not found.')
    return found
  }
  /** Service name from a name or ARN (arn:...:service/cluster/name or the old arn:...:service/name). */
  const serviceName = (ref) => nameFromArn(String(ref))
  const service = (c, ref) => {
    check(typeof ref === 'string' && ref, 'InvalidParameterException', 'service must be specified.')
    const found = c.services.get(serviceName(ref))
    if (!found) throw new AwsError('ServiceNotFoundException', 'Service not found.')
    return found
  }
  const task = (c, ref) => {
    check(typeof ref === 'string' && ref, 'InvalidParameterException', 'task must be specified.')
    return c.tasks.get(nameFromArn(ref))
  }
  /** The object whose tags an ARN names (cluster, service, task, task definition). */
  const taggable = (arn) => {
    check(
      typeof arn === 'string' && arn.startsWith('arn:aws:ecs:'),
      'InvalidParameterException',
      'The ARN provided is invalid.',
    )
    const s = state()
    const resource = arn.split(':').slice(5).join(':')
    const [kind, ...path] = resource.split('/')
    const c = kind === 'task-definition' ? undefined : s.clusters.get(path[0] ?? '')
    const found =
      kind === 'task-definition'
        ? s.taskDefinitions.findByArn(arn)
        : kind === 'cluster'
          ? c
          : kind === 'service'
            ? c?.services.get(path[1] ?? '')
            : kind === 'task'
              ? c?.tasks.get(path[1] ?? '')
              : undefined
    if (!found) throw new AwsError('ResourceNotFoundException', 'The specified resource could not be found.')
    return found
  }

  // --- shapes ----------------------------------------------------------------------------------
  const clusterShape = (c, include = []) => {
    const tasks = [...c.tasks.values()]
    return {
      clusterArn: c.arn,
      clusterName: c.name,
      status: c.status,
      registeredContainerInstancesCount: 0,
      runningTasksCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
      pendingTasksCount: tasks.filter((t) => ['PROVISIONING', 'PENDING'].includes(t.lastStatus)).length,
      activeServicesCount: [...c.services.values()].filter((s) => s.status === 'ACTIVE').length,
      statistics: [],
      tags: include.includes('TAGS') ? c.tags : undefined,
      settings: include.includes('SETTINGS') ? c.settings : undefined,
      capacityProviders: c.capacityProviders,
      defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy,
    }
  }

  const taskDefinitionResult = (found, input) => ({
    taskDefinition: found.taskDefinition,
    tags: includesTags(input) ? found.tags : undefined,
  })

  return {
    targetPrefix: 'AmazonEC2ContainerServiceV20141113',
    operations: {
      // --- clusters ------------------------------------------------------------------------------
      CreateCluster: (input) => {
        const name = input.clusterName ?? 'default'
        check(
          /^[a-zA-Z0-9_-]{1,255}$/.test(name),
          'InvalidParameterException',
          'Cluster name can have up to 255 letters, numbers, hyphens and underscores.',
        )
        const clusters = state().clusters
        const existing = clusters.get(name)
        if (existing?.status === 'ACTIVE') return { cluster: clusterShape(existing, ['TAGS', 'SETTINGS']) }
        const created = {
          name,
          arn: clusterArn(name),
          status: 'ACTIVE',
          tags: input.tags ?? [],
          settings: input.settings ?? [{ name: 'containerInsights', value: 'disabled' }],
          capacityProviders: input.capacityProviders ?? [],
          defaultCapacityProviderStrategy: input.defaultCapacityProviderStrategy ?? [],
          services: new Map(),
          tasks: new Map(),
        }
        clusters.set(name, created)
        return { cluster: clusterShape(created, ['TAGS', 'SETTINGS']) }
      },
      DescribeClusters: (input) => {
        const clusters = []
        const failures = []
        for (const ref of input.clusters ?? ['default']) {
          const found = state().clusters.get(nameFromArn(ref))
          if (found) clusters.push(clusterShape(found, input.include ?? []))
          else failures.push({ arn: ref.startsWith('arn:') ? ref : clusterArn(ref), reason: 'MISSING' })
        }
        return { clusters, failures }
      },
      ListClusters: (input) => {
        const { page, nextToken } = paginate(
          [...state().clusters.values()].filter((c) => c.status === 'ACTIVE').map((c) => c.arn),
          input,
        )
        return { clusterArns: page, nextToken }
      },
      DeleteCluster: (input) => {
        const c = cluster(input.cluster)
        check(
          ![...c.services.values()].some((s) => s.status !== 'INACTIVE'),
          'ClusterContainsServicesException',
          'The Cluster cannot be deleted while Services are active.',
        )
        check(
          ![...c.tasks.values()].some((t) => t.lastStatus !== 'STOPPED'),
          'ClusterContainsTasksException',
          'The Cluster cannot be deleted while Tasks are active.',
        )
        c.status = 'INACTIVE'
        return { cluster: clusterShape(c) }
      },

      // --- task definitions ----------------------------------------------------------------------
      RegisterTaskDefinition: (input) => {
        const found = state().taskDefinitions.register(input)
        return { taskDefinition: found.taskDefinition, tags: found.tags }
      },
      DescribeTaskDefinition: (input) => taskDefinitionResult(state().taskDefinitions.get(input.taskDefinition), input),
      ListTaskDefinitions: (input) => state().taskDefinitions.list(input),
      ListTaskDefinitionFamilies: (input) => state().taskDefinitions.listFamilies(input),
      DeregisterTaskDefinition: (input) => ({
        taskDefinition: state().taskDefinitions.deregister(input.taskDefinition).taskDefinition,
      }),
      DeleteTaskDefinitions: (input) => state().taskDefinitions.delete(input.taskDefinitions),

      // --- services ------------------------------------------------------------------------------
      CreateService: (input) => {
        const created = state().services.create(cluster(input.cluster), input)
        return { service: state().services.describeService(created, { includeTags: true, fresh: true }) }
      },
      DescribeServices: (input) => {
        const c = cluster(input.cluster)
        const refs = input.services ?? []
        check(
          refs.length > 0 && refs.length <= 10,
          'InvalidParameterException',
          'services must contain 1 to 10 names or ARNs.',
        )
        const services = []
        const failures = []
        for (const ref of refs) {
          const found = c.services.get(serviceName(ref))
          if (found) services.push(state().services.describeService(found, { includeTags: includesTags(input) }))
          else
            failures.push({
              arn: ref.startsWith('arn:') ? ref : `${c.arn.replace(':cluster/', ':service/')}/${ref}`,
              reason: 'MISSING',
            })
        }
        return { services, failures }
      },
      UpdateService: (input) => {
        const c = cluster(input.cluster)
        const updated = state().services.update(service(c, input.service), input)
        return { service: state().services.describeService(updated, { fresh: true }) }
      },
      DeleteService: (input) => {
        const c = cluster(input.cluster)
        const deleted = state().services.delete(service(c, input.service), { force: input.force })
        return { service: state().services.describeService(deleted) }
      },
      ListServices: (input) => {
        const c = cluster(input.cluster)
        const arns = [...c.services.values()]
          .filter((s) => s.status !== 'INACTIVE')
          .filter((s) => !input.launchType || s.launchType === input.launchType)
          .filter((s) => !input.schedulingStrategy || s.schedulingStrategy === input.schedulingStrategy)
          .map((s) => s.arn)
        const { page, nextToken } = paginate(arns, input, 10)
        return { serviceArns: page, nextToken }
      },

      // --- service deployments and revisions -----------------------------------------------------
      ListServiceDeployments: (input) => {
        const c = cluster(
          input.cluster ?? (input.service?.startsWith('arn:') ? input.service.split('/').at(-2) : undefined),
        )
        const s = service(c, input.service)
        const after = input.createdAt?.after === undefined ? -Infinity : Number(input.createdAt.after) * 1000
        const before = input.createdAt?.before === undefined ? Infinity : Number(input.createdAt.before) * 1000
        const list = s.serviceDeployments
          .filter((sd) => state().services.serviceDeploymentShown(sd))
          .filter((sd) => !input.status?.length || input.status.includes(sd.status))
          .filter((sd) => sd.createdAt.getTime() >= after && sd.createdAt.getTime() <= before)
          .map((sd) => state().services.briefServiceDeployment(sd))
        const { page, nextToken } = paginate(list, input, 20)
        return { serviceDeployments: page, nextToken }
      },
      DescribeServiceDeployments: (input) => {
        const arns = input.serviceDeploymentArns ?? []
        check(
          arns.length > 0 && arns.length <= 20,
          'InvalidParameterException',
          'serviceDeploymentArns must contain 1 to 20 ARNs.',
        )
        const serviceDeployments = []
        const failures = []
        for (const arn of arns) {
          const sd = state().services.serviceDeployments.get(arn)
          if (sd && state().services.serviceDeploymentShown(sd))
            serviceDeployments.push(state().services.describeServiceDeployment(sd))
          else failures.push({ arn, reason: 'MISSING' })
        }
        return { serviceDeployments, failures }
      },
      StopServiceDeployment: (input) => {
        const sd = state().services.stopServiceDeployment(input.serviceDeploymentArn, input.stopType)
        return { serviceDeploymentArn: sd.arn }
      },
      ContinueServiceDeployment: (input) => {
        check(
          typeof input.hookId === 'string' && input.hookId,
          'InvalidParameterException',
          'hookId must be specified.',
        )
        const sd = state().services.continueServiceDeployment(input.serviceDeploymentArn, input.hookId, input.action)
        return { serviceDeploymentArn: sd.arn }
      },
      DescribeServiceRevisions: (input) => {
        const arns = input.serviceRevisionArns ?? []
        check(
          arns.length > 0 && arns.length <= 20,
          'InvalidParameterException',
          'serviceRevisionArns must contain 1 to 20 ARNs.',
        )
        const serviceRevisions = []
        const failures = []
        for (const arn of arns) {
          const revision = state().services.revisions.get(arn)
          if (revision) serviceRevisions.push(revision)
          else failures.push({ arn, reason: 'MISSING' })
        }
        return { serviceRevisions, failures }
      },

      // --- tasks ---------------------------------------------------------------------------------
      ListTasks: (input) => {
        const c = cluster(input.cluster)
        const byService = input.serviceName === undefined ? undefined : service(c, input.serviceName)
        // ECS: "When you specify startedBy as the filter, it must be the only filter that you use."
        const others = [
          'containerInstance',
          'family',
          'serviceName',
          'desiredStatus',
          'launchType',
          'daemonName',
        ].filter((key) => input[key] !== undefined)
        check(
          input.startedBy === undefined || !others.length,
          'InvalidParameterException',
          `startedBy cannot be combined with other filters (${others.join(', ')}).`,
        )
        const desiredStatus = input.desiredStatus ?? 'RUNNING'
        const arns = [...c.tasks.values()]
          .reverse()
          .filter((t) => t.desiredStatus === desiredStatus)
          .filter((t) => !byService || t.service === byService)
          .filter((t) => input.startedBy === undefined || t.startedBy === input.startedBy)
          .filter((t) => input.family === undefined || t.family === input.family)
          .filter((t) => input.launchType === undefined || t.launchType === input.launchType)
          .map((t) => t.arn)
        const { page, nextToken } = paginate(arns, input)
        return { taskArns: page, nextToken }
      },
      DescribeTasks: (input) => {
        const c = cluster(input.cluster)
        const refs = input.tasks ?? []
        check(
          refs.length > 0 && refs.length <= 100,
          'InvalidParameterException',
          'tasks must contain 1 to 100 ids or ARNs.',
        )
        const tasks = []
        const failures = []
        for (const ref of refs) {
          const found = task(c, ref)
          if (found) tasks.push(describeTask(found, { includeTags: includesTags(input) }))
          else failures.push({ arn: ref.startsWith('arn:') ? ref : taskArn(c.name, ref), reason: 'MISSING' })
        }
        return { tasks, failures }
      },
      RunTask: (input) => {
        const s = state()
        const c = cluster(input.cluster)
        const found = s.taskDefinitions.find(input.taskDefinition)
        check(found && found.taskDefinition.status === 'ACTIVE', 'ClientException', 'TaskDefinition not found.')
        const td = found.taskDefinition
        const count = input.count ?? 1
        check(
          Number.isInteger(count) && count >= 1 && count <= 10,
          'InvalidParameterException',
          'count must be between 1 and 10.',
        )
        check(
          !(input.launchType && input.capacityProviderStrategy?.length),
          'InvalidParameterException',
          'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
        )
        check(
          (input.capacityProviderStrategy ?? []).every((i) => (c.capacityProviders ?? []).includes(i.capacityProvider)),
          'InvalidParameterException',
          'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
        )
        const plan = s.scenarios.take({ cluster: c.name, family: td.family })
        const tasks = Array.from({ length: count }, () => {
          const t = createTask(s.services.taskContext, {
            cluster: c,
            taskDefinition: td,
            plan,
            fails: plan.outcome !== 'success',
            group: input.group ?? `family:${td.family}`,
            startedBy: input.startedBy,
            launchType: input.launchType,
            overrides: input.overrides,
            tags: input.tags,
          })
          c.tasks.set(t.id, t)
          return describeTask(t, { includeTags: true })
        })
        return { tasks, failures: [] }
      },
      StopTask: (input) => {
        const c = cluster(input.cluster)
        const found = task(c, input.task)
        if (!found) throw new AwsError('InvalidParameterException', 'The referenced task was not found.')
        stopTask(state().services.taskContext, found, {
          stopCode: 'UserInitiated',
          stoppedReason: input.reason ?? 'Task stopped by user',
        })
        return { task: describeTask(found) }
      },

      // --- tags ----------------------------------------------------------------------------------
      TagResource: (input) => {
        const resource = taggable(input.resourceArn)
        const tags = input.tags ?? []
        resource.tags = [...resource.tags.filter((t) => !tags.some((n) => n.key === t.key)), ...tags]
        return {}
      },
      UntagResource: (input) => {
        const resource = taggable(input.resourceArn)
        resource.tags = resource.tags.filter((t) => !(input.tagKeys ?? []).includes(t.key))
        return {}
      },
      ListTagsForResource: (input) => ({ tags: taggable(input.resourceArn).tags }),

      // --- Express Mode (express.mjs) ------------------------------------------------------------
      ...expressOperations(state, { cluster }),
    },
  }
}

// ECS Express Mode (CreateExpressGatewayService, UpdateExpressGatewayService, DescribeExpressGatewayService): an
// Express service is an ECS service that ECS creates and manages (`resourceManagementType: ECS`) with the load balancer,
// target groups and scaling ECS makes for it. Each configuration (the primary container, cpu/memory, scaling…) becomes
// a task definition revision ECS registers and a deployment of the owned service, as ECS deploys Express updates: a
// canary (5 % of traffic, 3 minutes' bake, then 100 %, 3 minutes' bake before the old tasks go), with the circuit
// breaker rolling a failed one back. The endpoint is the stack's load balancer (its production listener).
import { AwsError, check } from './protocol.mjs'
import { ACCOUNT, REGION, nameFromArn } from './ids.mjs'

/** ECS's defaults for an Express service (the API reference and the developer guide's "Express Mode" pages). */
const DEFAULTS = {
  cpu: '256',
  memory: '512',
  containerPort: 80,
  healthCheckPath: '/ping',
  minTaskCount: 1,
  scaling: { autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 },
}
/** The name of the container ECS makes from the primary container (a customer task definition must use it too). */
const PRIMARY = 'Main'
const METRICS = ['AVERAGE_CPU', 'AVERAGE_MEMORY', 'REQUEST_COUNT_PER_TARGET']
/** Members a configuration takes, in CreateExpressGatewayService and UpdateExpressGatewayService alike. */
const CONFIGURED = [
  'executionRoleArn',
  'taskRoleArn',
  'cpu',
  'memory',
  'networkConfiguration',
  'healthCheckPath',
  'primaryContainer',
  'scalingTarget',
]

const elbArn = (kind, name) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:${kind}/${name}`

/**
 * @param {() => import('./ecs.mjs').EcsState} state
 * @param {{ cluster: (ref?: string) => any }} deps
 */
export function expressOperations(state, deps) {
  /** The Express service an ARN names (arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME). */
  const expressService = (arn, missing) => {
    check(
      typeof arn === 'string' && arn.startsWith('arn:aws:ecs:'),
      'InvalidParameterException',
      'serviceArn must be an ECS service ARN.',
    )
    const [clusterName] = arn.split('/').slice(-2)
    const found = deps.cluster(clusterName).services.get(nameFromArn(arn))
    if (!found?.express) throw new AwsError(missing, `The Express service ${arn} was not found.`)
    return found
  }

  /** Checks a configuration as ECS does and registers the task definition ECS makes of it. */
  const register = (name, configuration) => {
    const container = configuration.primaryContainer
    check(
      typeof container?.image === 'string' && container.image,
      'InvalidParameterException',
      'primaryContainer.image must be specified.',
    )
    const scaling = configuration.scalingTarget
    check(
      !scaling?.autoScalingMetric || METRICS.includes(scaling.autoScalingMetric),
      'InvalidParameterException',
      `scalingTarget.autoScalingMetric must be one of ${METRICS.join(', ')}.`,
    )
    check(
      (scaling?.minTaskCount ?? 1) <= (scaling?.maxTaskCount ?? Infinity),
      'InvalidParameterException',
      'scalingTarget.minTaskCount must not be greater than maxTaskCount.',
    )
    const logs = container.awsLogsConfiguration
    return state().taskDefinitions.register({
      family: `${name}-express`,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: configuration.cpu,
      memory: configuration.memory,
      executionRoleArn: configuration.executionRoleArn,
      ...(configuration.taskRoleArn && { taskRoleArn: configuration.taskRoleArn }),
      containerDefinitions: [
        {
          name: PRIMARY,
          image: container.image,
          essential: true,
          portMappings: [{ containerPort: container.containerPort, name: 'main', protocol: 'tcp' }],
          environment: container.environment ?? [],
          ...(container.secrets?.length && { secrets: container.secrets }),
          ...(container.command?.length && { command: container.command }),
          ...(container.repositoryCredentials && { repositoryCredentials: container.repositoryCredentials }),
          ...(logs && {
            logConfiguration: {
              logDriver: 'awslogs',
              options: {
                'awslogs-group': logs.logGroup,
                'awslogs-region': REGION,
                'awslogs-stream-prefix': logs.logStreamPrefix,
              },
            },
          }),
        },
      ],
    }).taskDefinition
  }

  /** The configuration with its revision, as DescribeExpressGatewayService lists it. */
  const configurationShape = (c) => ({
    serviceRevisionArn: c.serviceRevisionArn,
    executionRoleArn: c.executionRoleArn,
    taskRoleArn: c.taskRoleArn,
    taskDefinitionArn: c.taskDefinitionArn,
    cpu: c.cpu,
    memory: c.memory,
    networkConfiguration: c.networkConfiguration,
    healthCheckPath: c.healthCheckPath,
    primaryContainer: c.primaryContainer,
    scalingTarget: c.scalingTarget,
    ...(state().endpoint && { ingressPaths: [{ accessType: 'PUBLIC', endpoint: state().endpoint }] }),
    createdAt: c.createdAt,
  })

  /** The configurations whose revision the owned service still runs or deploys (one, two while a deployment goes on). */
  const active = (service) => {
    const revisions = new Set(service.deployments.map((d) => d.revisionArn))
    return service.express.configurations.filter((c) => revisions.has(c.serviceRevisionArn))
  }

  const status = (service) => ({ statusCode: service.status === 'ACTIVE' ? 'ACTIVE' : service.status })

  /** Deploys a configuration on the owned service: its revision is the deployment's. */
  const deploy = (service, configuration) => {
    const primary = service.deployments.find((d) => d.status === 'PRIMARY')
    configuration.serviceRevisionArn = primary?.revisionArn
    service.express.configurations.push(configuration)
    service.express.updatedAt = state().clock.now()
  }

  return {
    CreateExpressGatewayService: (input) => {
      check(
        typeof input.infrastructureRoleArn === 'string' && input.infrastructureRoleArn,
        'InvalidParameterException',
        'infrastructureRoleArn must be specified.',
      )
      check(
        !(input.taskDefinitionArn && input.primaryContainer),
        'InvalidParameterException',
        'taskDefinitionArn cannot be specified together with primaryContainer.',
      )
      const c = deps.cluster(input.cluster)
      const name = input.serviceName ?? `express-${Math.random().toString(36).slice(2, 10)}`
      const configuration = {
        ...Object.fromEntries(CONFIGURED.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])),
        cpu: input.cpu ?? DEFAULTS.cpu,
        memory: input.memory ?? DEFAULTS.memory,
        healthCheckPath: input.healthCheckPath ?? DEFAULTS.healthCheckPath,
        primaryContainer: { containerPort: DEFAULTS.containerPort, ...input.primaryContainer },
        scalingTarget: { minTaskCount: DEFAULTS.minTaskCount, ...DEFAULTS.scaling, ...input.scalingTarget },
      }
      const td = register(name, configuration)
      const port = configuration.primaryContainer.containerPort
      const rule = (id) => elbArn('listener-rule', `app/ecs-express-gateway/50dc6c495c0c9188/f2f7dc8efc522ab2/${id}`)
      const service = state().services.create(c, {
        serviceName: name,
        taskDefinition: td.taskDefinitionArn,
        desiredCount: configuration.scalingTarget.minTaskCount,
        launchType: 'FARGATE',
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: configuration.networkConfiguration?.subnets ?? ['subnet-0a1b2c3d4e5f60001'],
            securityGroups: configuration.networkConfiguration?.securityGroups ?? ['sg-0a1b2c3d4e5f60001'],
            assignPublicIp: 'ENABLED',
          },
        },
        loadBalancers: [
          {
            targetGroupArn: elbArn('targetgroup', `ecs-gateway-tg-${name}`.slice(0, 32) + '/0123456789abcdef'),
            containerName: PRIMARY,
            containerPort: port,
            advancedConfiguration: {
              alternateTargetGroupArn: elbArn(
                'targetgroup',
                `ecs-gateway-tg2-${name}`.slice(0, 32) + '/fedcba9876543210',
              ),
              productionListenerRule: rule('9683b2d02a6cabee'),
              roleArn: input.infrastructureRoleArn,
            },
          },
        ],
        deploymentConfiguration: {
          strategy: 'CANARY',
          canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 3 },
          bakeTimeInMinutes: 3,
          deploymentCircuitBreaker: { enable: true, rollback: true },
          maximumPercent: 200,
          minimumHealthyPercent: 100,
        },
        tags: input.tags,
      })
      service.resourceManagementType = 'ECS'
      const now = state().clock.now()
      service.express = {
        infrastructureRoleArn: input.infrastructureRoleArn,
        configurations: [],
        createdAt: now,
        updatedAt: now,
      }
      deploy(service, { ...configuration, taskDefinitionArn: td.taskDefinitionArn, createdAt: now })
      return { service: describeShape(service) }
    },

    UpdateExpressGatewayService: (input) => {
      const service = expressService(input.serviceArn, 'ServiceNotFoundException')
      check(service.status === 'ACTIVE', 'ServiceNotActiveException', 'Service was not ACTIVE.')
      const [current] = active(service).slice(-1)
      const given = Object.fromEntries(CONFIGURED.filter((k) => input[k] !== undefined).map((k) => [k, input[k]]))
      const base = current ?? service.express.configurations.at(-1)
      const configuration = {
        ...Object.fromEntries(CONFIGURED.filter((k) => base[k] !== undefined).map((k) => [k, base[k]])),
        ...given,
        ...(given.primaryContainer && {
          primaryContainer: { containerPort: base.primaryContainer.containerPort, ...given.primaryContainer },
        }),
        ...(given.scalingTarget && { scalingTarget: { ...base.scalingTarget, ...given.scalingTarget } }),
      }
      const td = register(service.name, configuration)
      const count = configuration.scalingTarget?.minTaskCount
      state().services.update(service, {
        taskDefinition: td.taskDefinitionArn,
        ...(count !== undefined && count > service.desiredCount && { desiredCount: count }),
        forceNewDeployment: true,
      })
      const target = { ...configuration, taskDefinitionArn: td.taskDefinitionArn, createdAt: state().clock.now() }
      deploy(service, target)
      return {
        service: {
          serviceArn: service.arn,
          cluster: service.cluster.name,
          serviceName: service.name,
          status: status(service),
          targetConfiguration: configurationShape(target),
          createdAt: service.express.createdAt,
          updatedAt: service.express.updatedAt,
        },
      }
    },

    DescribeExpressGatewayService: (input) => {
      const service = expressService(input.serviceArn, 'ResourceNotFoundException')
      return { service: describeShape(service, Array.isArray(input.include) && input.include.includes('TAGS')) }
    },
  }

  function describeShape(service, includeTags = true) {
    return {
      cluster: service.cluster.name,
      serviceName: service.name,
      serviceArn: service.arn,
      infrastructureRoleArn: service.express.infrastructureRoleArn,
      status: status(service),
      ...(service.serviceDeployments[0] && { currentDeployment: service.serviceDeployments[0].arn }),
      activeConfigurations: active(service).map(configurationShape),
      ...(includeTags && { tags: service.tags }),
      createdAt: service.express.createdAt,
      updatedAt: service.express.updatedAt,
    }
  }
}

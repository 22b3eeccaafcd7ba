import type { PreviewConfig } from '../../src/config/types.js'
// A small in-memory ECS + ELBv2 behind aws-sdk-client-mock: enough state that running a preview twice,
// or removing it twice, shows whether the code is idempotent, not only which calls it makes.
import {
  ClusterNotFoundException,
  CreateServiceCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  ECSClient,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  ServiceNotActiveException,
  UpdateServiceCommand,
  type Service,
} from '@aws-sdk/client-ecs'
import {
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeleteRuleCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
  ListenerNotFoundException,
  PriorityInUseException,
  ResourceInUseException,
  RuleNotFoundException,
  TargetGroupNotFoundException,
  type Listener,
  type Rule,
  type Tag,
  type TargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { mockClient } from 'aws-sdk-client-mock'

export const ACCOUNT = '123456789012'
export const REGION = 'us-east-1'
export const LB_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/dev-alb/50dc6c495c0c9188`
export const HTTPS_LISTENER = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/dev-alb/50dc6c495c0c9188/f2f7dc8efc522ab2`
export const HTTP_LISTENER = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/dev-alb/50dc6c495c0c9188/0000000000000080`
export const BASE_TG = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/dev-web/73e2d6bc24d8a067`
export const TD = (family: string, revision: number): string =>
  `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`

const meta = { $metadata: {} }

export function baseService(overrides: Partial<Service> = {}): Service {
  return {
    serviceName: 'web',
    serviceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/dev/web`,
    clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/dev`,
    status: 'ACTIVE',
    taskDefinition: TD('web', 6),
    desiredCount: 2,
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    networkConfiguration: {
      awsvpcConfiguration: { subnets: ['subnet-1', 'subnet-2'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' },
    },
    loadBalancers: [{ targetGroupArn: BASE_TG, containerName: 'web', containerPort: 3000 }],
    healthCheckGracePeriodSeconds: 30,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
    enableExecuteCommand: true,
    propagateTags: 'SERVICE',
    enableECSManagedTags: true,
    tags: [
      { key: 'team', value: 'payments' },
      { key: 'aws:cloudformation:stack-name', value: 'dev' },
    ],
    ...overrides,
  }
}

export interface FakeAws {
  ecs: ECSClient
  elbv2: ElasticLoadBalancingV2Client
  ecsMock: ReturnType<typeof mockClient>
  elbMock: ReturnType<typeof mockClient>
  /** By cluster, then service name. */
  services: Map<string, Map<string, Service>>
  targetGroups: TargetGroup[]
  tags: Map<string, Tag[]>
  listeners: Listener[]
  rules: Map<string, Rule[]>
  taskDefinitions: { arn: string; status: 'ACTIVE' | 'INACTIVE' }[]
  /** Priorities another run takes just before CreateRule, to test the retry. */
  stolenPriorities: number[]
}

export function fakeAws(): FakeAws {
  const ecs = new ECSClient({ region: REGION })
  const elbv2 = new ElasticLoadBalancingV2Client({ region: REGION })
  const ecsMock = mockClient(ecs)
  const elbMock = mockClient(elbv2)
  const aws: FakeAws = {
    ecs,
    elbv2,
    ecsMock,
    elbMock,
    services: new Map([['dev', new Map([['web', baseService()]])]]),
    targetGroups: [
      {
        TargetGroupArn: BASE_TG,
        TargetGroupName: 'dev-web',
        Protocol: 'HTTP',
        ProtocolVersion: 'HTTP1',
        Port: 3000,
        VpcId: 'vpc-1',
        TargetType: 'ip',
        IpAddressType: 'ipv4',
        HealthCheckEnabled: true,
        HealthCheckProtocol: 'HTTP',
        HealthCheckPort: 'traffic-port',
        HealthCheckPath: '/health',
        HealthCheckIntervalSeconds: 15,
        HealthCheckTimeoutSeconds: 5,
        HealthyThresholdCount: 2,
        UnhealthyThresholdCount: 3,
        Matcher: { HttpCode: '200-299' },
        LoadBalancerArns: [LB_ARN],
      },
    ],
    tags: new Map(),
    listeners: [
      {
        ListenerArn: HTTP_LISTENER,
        LoadBalancerArn: LB_ARN,
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [{ Type: 'redirect' }],
      },
      {
        ListenerArn: HTTPS_LISTENER,
        LoadBalancerArn: LB_ARN,
        Protocol: 'HTTPS',
        Port: 443,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: BASE_TG }],
      },
    ],
    rules: new Map([
      [
        HTTP_LISTENER,
        [
          {
            RuleArn: `${HTTP_LISTENER}/default`,
            Priority: 'default',
            IsDefault: true,
            Actions: [{ Type: 'redirect' }],
          },
        ],
      ],
      [
        HTTPS_LISTENER,
        [
          {
            RuleArn: `${HTTPS_LISTENER}/r1`,
            Priority: '1',
            Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/admin/*'] } }],
            Actions: [{ Type: 'fixed-response' }],
          },
          {
            RuleArn: `${HTTPS_LISTENER}/r3`,
            Priority: '3',
            Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['api.example.com'] } }],
            Actions: [{ Type: 'fixed-response' }],
          },
          {
            RuleArn: `${HTTPS_LISTENER}/default`,
            Priority: 'default',
            IsDefault: true,
            Actions: [{ Type: 'forward', TargetGroupArn: BASE_TG }],
          },
        ],
      ],
    ]),
    taskDefinitions: [],
    stolenPriorities: [],
  }
  const cluster = (name: string | undefined): Map<string, Service> => {
    const found = aws.services.get((name ?? 'default').split('/').pop() ?? '')
    if (!found) throw new ClusterNotFoundException({ message: 'Cluster not found.', ...meta })
    return found
  }
  const serviceNamed = (c: string | undefined, name: string | undefined): Service => {
    const s = cluster(c).get(name?.split('/').pop() ?? '')
    if (!s || s.status !== 'ACTIVE')
      throw new ServiceNotActiveException({ message: 'Service was not ACTIVE.', ...meta })
    return s
  }

  ecsMock.on(DescribeServicesCommand).callsFake(({ cluster: c, services = [] }) => {
    const all = cluster(c)
    const found = services.map((n: string) => all.get(n.split('/').pop() ?? ''))
    return {
      services: found.filter((s: Service | undefined) => s !== undefined),
      failures: services.filter((_: string, i: number) => !found[i]).map((arn: string) => ({ arn, reason: 'MISSING' })),
    }
  })
  ecsMock.on(ListServicesCommand).callsFake(({ cluster: c, nextToken }) => {
    const arns = [...cluster(c).values()].filter((s) => s.status === 'ACTIVE').map((s) => s.serviceArn as string)
    const start = nextToken ? Number(nextToken) : 0
    return {
      serviceArns: arns.slice(start, start + 2),
      ...(start + 2 < arns.length && { nextToken: String(start + 2) }),
    }
  })
  ecsMock.on(CreateServiceCommand).callsFake((input) => {
    const services = cluster(input.cluster)
    const existing = services.get(input.serviceName)
    if (existing && existing.status !== 'INACTIVE')
      throw new Error('InvalidParameterException: Creation of service was not idempotent.')
    const service: Service = {
      ...input,
      serviceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${input.cluster}/${input.serviceName}`,
      status: 'ACTIVE',
    }
    services.set(input.serviceName, service)
    return { service }
  })
  ecsMock.on(UpdateServiceCommand).callsFake(({ cluster: c, service: name, taskDefinition, desiredCount }) => {
    const service = serviceNamed(c, name)
    if (taskDefinition) service.taskDefinition = taskDefinition
    if (desiredCount !== undefined) service.desiredCount = desiredCount
    return { service }
  })
  ecsMock.on(DeleteServiceCommand).callsFake(({ cluster: c, service: name, force }) => {
    const service = serviceNamed(c, name)
    if (!force && service.desiredCount)
      throw new Error('InvalidParameterException: The service cannot be stopped while it is scaled above 0.')
    service.status = 'DRAINING'
    return { service }
  })
  ecsMock.on(ListTaskDefinitionsCommand).callsFake(({ familyPrefix, status }) => ({
    taskDefinitionArns: aws.taskDefinitions
      .filter((t) => t.status === status && (t.arn.split('/').pop() ?? '').startsWith(familyPrefix ?? ''))
      .map((t) => t.arn),
  }))
  ecsMock.on(DeregisterTaskDefinitionCommand).callsFake(({ taskDefinition }) => {
    const td = aws.taskDefinitions.find((t) => t.arn === taskDefinition)
    if (td) td.status = 'INACTIVE'
    return { taskDefinition: { taskDefinitionArn: taskDefinition, status: 'INACTIVE' } }
  })

  const groupNotFound = (): never => {
    throw new TargetGroupNotFoundException({ message: 'One or more target groups not found', ...meta })
  }
  const rulesOf = (listenerArn: string | undefined): Rule[] => {
    const rules = aws.rules.get(listenerArn ?? '')
    if (!rules) throw new ListenerNotFoundException({ message: 'One or more listeners not found', ...meta })
    return rules
  }
  const withLoadBalancers = (g: TargetGroup): TargetGroup => {
    const targets = (actions: Rule['Actions']): boolean =>
      !!actions?.some(
        (a) =>
          a.TargetGroupArn === g.TargetGroupArn ||
          a.ForwardConfig?.TargetGroups?.some((t) => t.TargetGroupArn === g.TargetGroupArn),
      )
    const used =
      aws.listeners.some((l) => targets(l.DefaultActions)) ||
      [...aws.rules.values()].some((rules) => rules.some((r) => targets(r.Actions)))
    return { ...g, LoadBalancerArns: used ? [LB_ARN] : [] }
  }
  elbMock.on(DescribeTargetGroupsCommand).callsFake(({ TargetGroupArns, Names, Marker }) => {
    if (TargetGroupArns || Names) {
      const found = aws.targetGroups.filter(
        (g) => TargetGroupArns?.includes(g.TargetGroupArn) || Names?.includes(g.TargetGroupName),
      )
      return found.length ? { TargetGroups: found.map(withLoadBalancers) } : groupNotFound()
    }
    const start = Marker ? Number(Marker) : 0
    return {
      TargetGroups: aws.targetGroups.slice(start, start + 2).map(withLoadBalancers),
      ...(start + 2 < aws.targetGroups.length && { NextMarker: String(start + 2) }),
    }
  })
  elbMock.on(CreateTargetGroupCommand).callsFake(({ Tags, ...input }) => {
    const arn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${input.Name}/${aws.targetGroups.length}`
    aws.targetGroups.push({ ...input, TargetGroupArn: arn, TargetGroupName: input.Name })
    aws.tags.set(arn, Tags ?? [])
    return { TargetGroups: [{ ...input, TargetGroupArn: arn, TargetGroupName: input.Name }] }
  })
  elbMock.on(DeleteTargetGroupCommand).callsFake(({ TargetGroupArn }) => {
    if (withLoadBalancers({ TargetGroupArn }).LoadBalancerArns?.length)
      throw new ResourceInUseException({ message: 'Target group is currently in use by a listener or a rule', ...meta })
    aws.targetGroups = aws.targetGroups.filter((g) => g.TargetGroupArn !== TargetGroupArn)
    return {}
  })
  elbMock.on(DescribeTagsCommand).callsFake(({ ResourceArns = [] }) => {
    if (ResourceArns.length > 20) throw new Error('ValidationError: at most 20 resources')
    return { TagDescriptions: ResourceArns.map((arn: string) => ({ ResourceArn: arn, Tags: aws.tags.get(arn) ?? [] })) }
  })
  elbMock.on(DescribeListenersCommand).callsFake(({ LoadBalancerArn, ListenerArns }) => ({
    Listeners: aws.listeners.filter(
      (l) => l.LoadBalancerArn === LoadBalancerArn || ListenerArns?.includes(l.ListenerArn),
    ),
  }))
  elbMock.on(DescribeLoadBalancersCommand).callsFake(({ LoadBalancerArns }) => ({
    LoadBalancers: LoadBalancerArns?.includes(LB_ARN)
      ? [{ LoadBalancerArn: LB_ARN, DNSName: 'dev-alb-123.us-east-1.elb.amazonaws.com' }]
      : [],
  }))
  elbMock.on(DescribeRulesCommand).callsFake(({ ListenerArn, Marker }) => {
    const rules = rulesOf(ListenerArn)
    const start = Marker ? Number(Marker) : 0
    return { Rules: rules.slice(start, start + 2), ...(start + 2 < rules.length && { NextMarker: String(start + 2) }) }
  })
  elbMock.on(CreateRuleCommand).callsFake(({ ListenerArn, Priority, Conditions, Actions, Tags }) => {
    const rules = rulesOf(ListenerArn)
    const stolen = aws.stolenPriorities.shift()
    if (stolen !== undefined)
      rules.unshift({
        RuleArn: `${ListenerArn}/stolen-${stolen}`,
        Priority: String(stolen),
        Actions: [{ Type: 'fixed-response' }],
      })
    if (rules.some((r) => r.Priority === String(Priority)))
      throw new PriorityInUseException({ message: `Priority '${Priority}' is currently in use`, ...meta })
    const rule = { RuleArn: `${ListenerArn}/rule-${Priority}`, Priority: String(Priority), Conditions, Actions }
    rules.unshift(rule)
    aws.tags.set(rule.RuleArn, Tags ?? [])
    return { Rules: [rule] }
  })
  elbMock.on(DeleteRuleCommand).callsFake(({ RuleArn }) => {
    for (const [arn, rules] of aws.rules) {
      const kept = rules.filter((r) => r.RuleArn !== RuleArn)
      if (kept.length === rules.length) continue
      aws.rules.set(arn, kept)
      return {}
    }
    throw new RuleNotFoundException({ message: 'One or more rules not found', ...meta })
  })
  return aws
}

/** The previews section the preview tests start from; each test overrides what it is about. */
export const PREVIEWS: PreviewConfig = {
  base: 'dev',
  services: ['web'],
  routing: 'host',
  domain: 'preview.example.com',
  listenerArn: HTTPS_LISTENER,
  desiredCount: 1,
  max: 10,
  ttl: '7d',
  ttlMs: 604_800_000,
}

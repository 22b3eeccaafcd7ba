import type { LoadBalancer } from '@aws-sdk/client-ecs'
import {
  behindNetworkLoadBalancer,
  checkNativeSupport,
  describeConfiguration,
  pauseHooks,
  strategyConfiguration,
} from '../../src/mechanisms/ecs-native-config.js'
import type { StrategyInputs } from '../../src/mechanisms/strategy-types.js'
import { deployment, service } from '../helpers/ecs.js'

const inputs = (overrides: Partial<StrategyInputs> = {}): StrategyInputs => ({
  deploymentAlarms: [],
  onBusy: 'wait',
  ...overrides,
})
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef'
const ready: LoadBalancer = {
  targetGroupArn: TG,
  containerName: 'web',
  containerPort: 8080,
  advancedConfiguration: {
    alternateTargetGroupArn:
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210',
    productionListenerRule: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3',
    roleArn: 'arn:aws:iam::123456789012:role/ecs-infrastructure',
  },
}

describe('strategyConfiguration', () => {
  test.each([
    [
      'blue-green with a bake time',
      inputs({ strategy: 'blue-green', bakeMinutes: 5 }),
      { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 },
    ],
    [
      'blue-green without one: none',
      inputs({ strategy: 'blue-green' }),
      { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 },
    ],
    [
      'canary with its settings',
      inputs({ strategy: 'canary', canaryPercent: 10, canaryBakeMinutes: 5 }),
      {
        strategy: 'CANARY',
        canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
        linearConfiguration: undefined,
      },
    ],
    [
      'linear with ECS defaults',
      inputs({ strategy: 'linear' }),
      { strategy: 'LINEAR', linearConfiguration: {}, canaryConfiguration: undefined },
    ],
    [
      'back to rolling drops the others’ settings',
      inputs({ strategy: 'rolling' }),
      { strategy: 'ROLLING', bakeTimeInMinutes: undefined, canaryConfiguration: undefined },
    ],
    [
      'alarms that roll back',
      inputs({ deploymentAlarms: ['web-5xx'] }),
      { alarms: { alarmNames: ['web-5xx'], enable: true, rollback: true } },
    ],
    [
      'a PAUSE hook for wait-until, next to the Lambda hooks',
      inputs({ strategy: 'blue-green', waitUntil: 'POST_TEST_TRAFFIC_SHIFT' }),
      {
        lifecycleHooks: [
          { targetType: 'AWS_LAMBDA', hookTargetArn: 'arn:fn', lifecycleStages: ['POST_SCALE_UP'] },
          { targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] },
        ],
      },
    ],
  ])('%s', (_name, given, expected) => {
    const current = {
      strategy: 'ROLLING' as const,
      lifecycleHooks: [
        { targetType: 'AWS_LAMBDA' as const, hookTargetArn: 'arn:fn', lifecycleStages: ['POST_SCALE_UP' as const] },
      ],
    }
    expect(strategyConfiguration(current, given)).toMatchObject(expected)
  })

  test('keeps the service’s canary settings that are not given', () => {
    const current = {
      strategy: 'CANARY' as const,
      bakeTimeInMinutes: 3,
      canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 15 },
    }
    expect(strategyConfiguration(current, inputs({ canaryBakeMinutes: 5 } as Partial<StrategyInputs>))).toEqual({
      bakeTimeInMinutes: 3,
      canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 5 },
    })
  })

  test('rolling keeps its hooks as they are', () => {
    expect(
      strategyConfiguration({ lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['PRE_SCALE_UP'] }] }, inputs()),
    ).toEqual({})
  })
})

describe('pauseHooks', () => {
  const pause = { targetType: 'PAUSE' as const, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT' as const] }
  test('unchanged when the one PAUSE hook is already there', () =>
    expect(pauseHooks([pause], 'POST_TEST_TRAFFIC_SHIFT')).toBeUndefined())
  test('moved to the stage asked for', () =>
    expect(pauseHooks([pause], 'POST_SCALE_UP')).toEqual([{ targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP'] }]))
  test('removed without wait-until, so no deployment stops with nobody to continue it', () =>
    expect(pauseHooks([pause], undefined)).toEqual([]))
  test('nothing to do without hooks', () => expect(pauseHooks(undefined, undefined)).toBeUndefined())
})

describe('describeConfiguration', () => {
  test.each([
    [undefined, 'rolling update (ECS)'],
    [{ strategy: 'BLUE_GREEN' as const, bakeTimeInMinutes: 5 }, 'blue/green (ECS): all traffic at once, bake 5 min'],
    [
      { strategy: 'CANARY' as const, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 } },
      'canary (ECS): 10 % for 5 min, then 100 %',
    ],
    [{ strategy: 'CANARY' as const }, 'canary (ECS): 5 % for 10 min, then 100 %'],
    [{ strategy: 'LINEAR' as const, linearConfiguration: { stepPercent: 25 } }, 'linear (ECS): 25 % more every 6 min'],
  ])('%j', (configuration, expected) => expect(describeConfiguration(configuration)).toBe(expected))
})

describe('checkNativeSupport', () => {
  test('a load balancer with advancedConfiguration, or Service Connect, will do', () => {
    expect(() => checkNativeSupport(service({ loadBalancers: [ready] }), 'canary')).not.toThrow()
    const connected = service({
      deployments: [deployment({ serviceConnectConfiguration: { enabled: true, namespace: 'prod' } })],
    })
    expect(() => checkNativeSupport(connected, 'blue-green')).not.toThrow()
    expect(() => checkNativeSupport(service(), 'rolling')).not.toThrow()
  })

  test.each([
    [
      'no load balancer, no Service Connect',
      service(),
      'Service "web" cannot use `strategy: blue-green`: it has neither a load balancer nor Service Connect, so ECS has no traffic to shift between revisions. Attach an Application or Network Load Balancer target group (with advancedConfiguration) or enable Service Connect, or deploy with `strategy: rolling`.',
    ],
    [
      'a Classic Load Balancer',
      service({ loadBalancers: [{ loadBalancerName: 'web-elb', containerName: 'web', containerPort: 8080 }] }),
      'Service "web" cannot use `strategy: blue-green`: its Classic Load Balancer web-elb cannot shift traffic between revisions. Move the service to an Application or Network Load Balancer target group, or deploy with `strategy: rolling`.',
    ],
    [
      'a target group without advancedConfiguration',
      service({ loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 8080 }] }),
      'Service "web" cannot use `strategy: blue-green`: ECS shifts traffic through loadBalancers[].advancedConfiguration, and target group web/0123456789abcdef lacks alternateTargetGroupArn, productionListenerRule, roleArn. Set it on the service (aws ecs update-service --load-balancers, or LoadBalancers[].AdvancedConfiguration in CloudFormation): alternateTargetGroupArn — a second target group for the new revision; productionListenerRule — the listener rule (Application Load Balancer) or listener (Network Load Balancer) that carries production traffic; roleArn — a role ECS assumes to change them (AmazonECSInfrastructureRolePolicyForLoadBalancers); testListenerRule is optional, for test traffic. Or deploy with `strategy: rolling`.',
    ],
    [
      'a role missing',
      service({
        loadBalancers: [{ ...ready, advancedConfiguration: { ...ready.advancedConfiguration, roleArn: undefined } }],
      }),
      'target group web/0123456789abcdef lacks roleArn.',
    ],
  ])('%s', (_name, given, message) => {
    expect(() => checkNativeSupport(given, 'blue-green')).toThrow(message)
  })
})

describe('linear and canary behind a Network Load Balancer, and with Service Connect', () => {
  const ELB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012'
  const withListeners = (productionListenerRule: string, testListenerRule?: string): LoadBalancer => ({
    ...ready,
    advancedConfiguration: { ...ready.advancedConfiguration, productionListenerRule, testListenerRule },
  })
  const nlb = withListeners(`${ELB}:listener/net/web/1/2`, `${ELB}:listener/net/web/1/3`)

  test.each(['linear', 'canary', 'blue-green'] as const)(
    '%s: an NLB listener, or Service Connect, is accepted',
    (strategy) => {
      expect(() => checkNativeSupport(service({ loadBalancers: [nlb] }), strategy)).not.toThrow()
      const connected = service({
        deployments: [deployment({ serviceConnectConfiguration: { enabled: true, namespace: 'prod' } })],
      })
      expect(() => checkNativeSupport(connected, strategy)).not.toThrow()
      expect(behindNetworkLoadBalancer(service({ loadBalancers: [nlb] }))).toBe(true)
      expect(behindNetworkLoadBalancer(service({ loadBalancers: [ready] }))).toBe(false)
    },
  )

  test.each([
    [
      'an ALB listener where ECS needs its rule',
      withListeners(`${ELB}:listener/app/web/1/2`),
      'Service "web" cannot use `strategy: linear`: target group web/0123456789abcdef\'s productionListenerRule is an Application Load Balancer listener, not a listener rule. ECS\'s rule (AdvancedConfiguration): productionListenerRule and testListenerRule name a listener rule for an Application Load Balancer and a listener for a Network Load Balancer. Fix loadBalancers[].advancedConfiguration, or deploy with `strategy: rolling`.',
    ],
    [
      'production on an NLB, test on an ALB',
      withListeners(`${ELB}:listener/net/web/1/2`, `${ELB}:listener-rule/app/web/1/2/3`),
      'target group web/0123456789abcdef has its production and test listeners on different kinds of load balancer.',
    ],
  ])('%s is refused, citing the rule', (_name, lb, message) => {
    expect(() => checkNativeSupport(service({ loadBalancers: [lb] }), 'linear')).toThrow(message)
  })
})

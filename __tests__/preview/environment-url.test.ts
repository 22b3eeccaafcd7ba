import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2'
import { environmentUrl } from '../../src/preview/environment-url.js'
import { BASE_TG, fakeAws, HTTP_LISTENER, HTTPS_LISTENER, LB_ARN, type FakeAws } from '../preview/fake-aws.js'

const DNS = 'dev-alb-123.us-east-1.elb.amazonaws.com'
const TG2 = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/pr-12-abc/1'
let aws: FakeAws
beforeEach(() => {
  aws = fakeAws()
  aws.targetGroups.push({ TargetGroupArn: TG2, TargetGroupName: 'pr-12-abc' })
})

const url = (targetGroupArn = TG2): Promise<string | undefined> =>
  environmentUrl(aws.elbv2, { loadBalancers: [{ targetGroupArn }] })
const forward = (targetGroupArn: string): Action[] => [{ Type: 'forward', TargetGroupArn: targetGroupArn }]

test("the HTTPS listener's default action: https:// and the load balancer's DNS name", async () => {
  await expect(url(BASE_TG)).resolves.toBe(`https://${DNS}/`)
})

test('a host-header rule gives its host', async () => {
  aws.rules.get(HTTPS_LISTENER)?.unshift({
    Priority: '7',
    Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['*.x.com', 'pr-12.preview.example.com'] } }],
    Actions: forward(TG2),
  })
  await expect(url()).resolves.toBe('https://pr-12.preview.example.com/')
})

test('the older Values field of a condition is read too', async () => {
  aws.rules.get(HTTPS_LISTENER)?.unshift({
    Priority: '7',
    Conditions: [{ Field: 'host-header', Values: ['app.example.com'] }],
    Actions: forward(TG2),
  })
  await expect(url()).resolves.toBe('https://app.example.com/')
})

test('a path-pattern rule gives its prefix on the DNS name; a weighted forward counts', async () => {
  aws.rules.get(HTTPS_LISTENER)?.unshift({
    Priority: '7',
    Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/pr-12', '/pr-12/*'] } }],
    Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: TG2, Weight: 1 }] } }],
  })
  await expect(url()).resolves.toBe(`https://${DNS}/pr-12/`)
})

test('the rule with the lowest priority wins', async () => {
  const rules = aws.rules.get(HTTPS_LISTENER) ?? []
  rules.unshift({
    Priority: '20',
    Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['second.example.com'] } }],
    Actions: forward(TG2),
  })
  rules.push({
    Priority: '5',
    Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['first.example.com'] } }],
    Actions: forward(TG2),
  })
  await expect(url()).resolves.toBe('https://first.example.com/')
})

test('only an HTTP listener on another port: http:// with the port', async () => {
  aws.listeners = [
    { ListenerArn: HTTP_LISTENER, LoadBalancerArn: LB_ARN, Protocol: 'HTTP', Port: 8080, DefaultActions: forward(TG2) },
  ]
  aws.rules.set(HTTP_LISTENER, [])
  await expect(url()).resolves.toBe(`http://${DNS}:8080/`)
})

test.each([
  ['no load balancer', { loadBalancers: [] }],
  ['a classic load balancer', { loadBalancers: [{ loadBalancerName: 'classic' }] }],
  ['nothing at all', {}],
])('%s: no URL', async (_name, service) => {
  await expect(environmentUrl(aws.elbv2, service)).resolves.toBeUndefined()
})

test('a target group no listener forwards to: no URL', async () => {
  await expect(url()).resolves.toBeUndefined()
})

test('a target group that is gone: no URL', async () => {
  await expect(url('arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/gone/1')).resolves.toBeUndefined()
})

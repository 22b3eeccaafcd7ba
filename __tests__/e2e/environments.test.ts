// Environments by branch, GitHub deployments and pull request previews, through dist/index.js on the
// local stack: ECS from the scenario server, ELBv2 and EC2 from moto, GitHub from a fake that records calls.
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs'
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runAction } from './action.js'
import { ScenarioAdmin, useStack, waitFor, webTaskDefinition, type StackEnv } from './stack.js'

interface Seen {
  method: string
  url: string
  body: Record<string, unknown>
}

let stack: StackEnv
let ecs: ECSClient
let elbv2: ElasticLoadBalancingV2Client
let github: Server
let githubUrl: string
const seen: Seen[] = []
let listenerArn = ''

/** A GitHub API that accepts what the action sends and remembers it. */
/** The pull request's comments as the fake GitHub holds them; a test may add someone else's. */
const comments: { id: number; body: string; user: { login: string } }[] = []
/** Who the token is, as GraphQL's viewer says (the job's GITHUB_TOKEN). */
const TOKEN_LOGIN = 'github-actions[bot]'

async function startFakeGitHub(): Promise<void> {
  let id = 100
  const deployments: { id: number; environment: string }[] = []
  github = createServer(async (req, res) => {
    let text = ''
    for await (const chunk of req) text += String(chunk)
    const request = {
      method: req.method ?? '',
      url: req.url ?? '',
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    }
    seen.push(request)
    let body: unknown = { id: ++id }
    if (request.url === '/graphql') body = { data: { viewer: { login: TOKEN_LOGIN } } }
    if (request.method === 'GET' && /\/comments/.test(request.url)) body = comments
    const patched = request.method === 'PATCH' && /\/issues\/comments\/(\d+)$/.exec(request.url)
    if (patched) {
      const comment = comments.find((c) => c.id === Number(patched[1]))
      if (comment) comment.body = String(request.body.body)
    }
    if (request.method === 'GET' && /\/deployments\?/.test(request.url)) {
      const environment = new URL(request.url, 'http://github').searchParams.get('environment')
      body = deployments.filter((d) => d.environment === environment)
    }
    if (request.method === 'POST' && /\/deployments$/.test(request.url))
      deployments.push({ id, environment: String(request.body.environment) })
    if (request.method === 'POST' && /\/issues\/\d+\/comments$/.test(request.url))
      comments.push({ id, body: String(request.body.body), user: { login: TOKEN_LOGIN } })
    res
      .writeHead(request.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' })
      .end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve))
  githubUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}`
}

beforeAll(async () => {
  stack = await useStack()
  ecs = new ECSClient({ region: stack.AWS_REGION })
  elbv2 = new ElasticLoadBalancingV2Client({ region: stack.AWS_REGION })
  await startFakeGitHub()
})

afterAll(async () => {
  ecs?.destroy()
  elbv2?.destroy()
  await new Promise((resolve) => github?.close(resolve))
})

/** dev (develop) and prod (main) with service web behind an ALB in moto; previews copy dev. */
async function givenEnvironments(): Promise<string> {
  await new ScenarioAdmin(stack.STACK_SCENARIO_URL).reset({ moto: true, timeScale: 10 })
  const ec2 = new EC2Client({ region: stack.AWS_REGION })
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc?.VpcId ?? ''
  const subnets = await Promise.all(
    ['a', 'b'].map(
      async (az, i) =>
        (
          await ec2.send(
            new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.0.${i}.0/24`, AvailabilityZone: `us-east-1${az}` }),
          )
        ).Subnet?.SubnetId ?? '',
    ),
  )
  const lb = (await elbv2.send(new CreateLoadBalancerCommand({ Name: 'dev', Subnets: subnets, Type: 'application' })))
    .LoadBalancers?.[0]
  const tg = (
    await elbv2.send(
      new CreateTargetGroupCommand({
        Name: 'dev-web',
        Protocol: 'HTTP',
        Port: 8080,
        VpcId: vpc,
        TargetType: 'ip',
        HealthCheckPath: '/status',
      }),
    )
  ).TargetGroups?.[0]
  listenerArn =
    (
      await elbv2.send(
        new CreateListenerCommand({
          LoadBalancerArn: lb?.LoadBalancerArn,
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: tg?.TargetGroupArn }],
        }),
      )
    ).Listeners?.[0]?.ListenerArn ?? ''
  for (const cluster of ['dev', 'prod']) {
    await ecs.send(new CreateClusterCommand({ clusterName: cluster }))
    await ecs.send(
      new RegisterTaskDefinitionCommand(webTaskDefinition(`web-${cluster}`, `${stack.STACK_REGISTRY}/web:v1`)),
    )
    await ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: 'web',
        taskDefinition: `web-${cluster}`,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets, assignPublicIp: 'DISABLED' } },
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
        ...(cluster === 'dev' && {
          loadBalancers: [{ targetGroupArn: tg?.TargetGroupArn, containerName: 'web', containerPort: 8080 }],
        }),
      }),
    )
  }
  const workspace = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-env-'))
  mkdirSync(path.join(workspace, '.github'))
  writeFileSync(
    path.join(workspace, '.github/ecs-deploy.yml'),
    [
      'environments:',
      '  dev: { branches: [develop], cluster: dev, services: [web] }',
      '  prod: { branches: [main], cluster: prod, services: [web], url: https://example.com, production: true }',
      'previews:',
      '  base: dev',
      '  domain: preview.example.com',
      `  listener-arn: ${listenerArn}`,
    ].join('\n'),
  )
  return workspace
}

function event(workspace: string, payload: object): string {
  const file = path.join(workspace, `event-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(file, JSON.stringify(payload))
  return file
}

const token = { 'github-token': 'test-token' }
const image = () => ({ image: `${stack.STACK_REGISTRY}/web:v2` })

describe('environments and previews through dist/index.js', () => {
  test('a push to main deploys prod, with a GitHub deployment going in_progress → success with the URL', async () => {
    const workspace = await givenEnvironments()
    seen.length = 0
    const run = await runAction(
      { ...token, ...image() },
      { GITHUB_WORKSPACE: workspace, GITHUB_REF: 'refs/heads/main', GITHUB_API_URL: githubUrl },
    )
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({ status: 'succeeded', 'environment-url': 'https://example.com' })
    expect(run.summary).toContain('| Environment | prod (ref refs/heads/main matches prod')
    expect(run.stdout).toContain('Environment prod: ref refs/heads/main matches prod')
    const deployments = seen.filter((r) => r.method === 'POST' && r.url.startsWith('/repos/acme/web/deployments'))
    expect(deployments[0]?.body).toMatchObject({
      environment: 'prod',
      production_environment: true,
      transient_environment: false,
    })
    expect(deployments.slice(1).map((r) => r.body.state)).toEqual(['in_progress', 'success'])
    expect(deployments[2]?.body.environment_url).toBe('https://example.com')
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
    expect(services?.[0]?.taskDefinition).toMatch(/web-prod:2$/)
  })

  test('a branch no environment takes is skipped: exit 0, status skipped, nothing deployed', async () => {
    const workspace = await givenEnvironments()
    const run = await runAction(image(), {
      GITHUB_WORKSPACE: workspace,
      GITHUB_REF: 'refs/heads/feature/x',
      GITHUB_API_URL: githubUrl,
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('skipped')
    expect(run.summary).toContain(
      "Nothing to deploy: ref refs/heads/feature/x matches no environment's branches or tags",
    )
  })

  test('cluster and service given as inputs are deployed on a branch no environment lists, without any environment', async () => {
    const workspace = await givenEnvironments()
    seen.length = 0
    const run = await runAction(
      { ...token, ...image(), cluster: 'dev', service: 'web' },
      { GITHUB_WORKSPACE: workspace, GITHUB_REF: 'refs/heads/feature/x', GITHUB_API_URL: githubUrl },
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.stdout).toContain(
      "No environment: the `service` input names the target; no environment's settings apply (ref refs/heads/feature/x matches no environment's branches or tags in .github/ecs-deploy.yml)",
    )
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'dev', services: ['web'] }))
    expect(services?.[0]?.taskDefinition).toMatch(/web-dev:2$/)
    // No environment, so no GitHub deployment is made for it.
    expect(seen.filter((r) => r.method === 'POST' && r.url.includes('/deployments'))).toEqual([])
  })

  test('a pull request gets a preview (service, target group, rule, comment); closing it removes them all', async () => {
    const workspace = await givenEnvironments()
    seen.length = 0
    comments.length = 0
    const pr = {
      number: 7,
      pull_request: {
        number: 7,
        base: { ref: 'develop' },
        head: { ref: 'feature/x', sha: 'c0ffee0000000000000000000000000000000000' },
      },
    }
    const env = {
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_API_URL: githubUrl,
    }
    const opened = await runAction(
      { ...token, ...image(), preview: 'deploy' },
      { ...env, GITHUB_EVENT_PATH: event(workspace, { action: 'opened', ...pr }) },
    )
    expect(opened.errors).toEqual([])
    expect(opened.outputs.status).toBe('succeeded')
    expect(opened.outputs['environment-url']).toBe('http://pr-7.preview.example.com/')
    const preview = (await ecs.send(new DescribeServicesCommand({ cluster: 'dev', services: ['web-pr-7'] })))
      .services?.[0]
    expect(preview?.status).toBe('ACTIVE')
    expect(preview?.taskDefinition).toMatch(/web-dev-pr-7:1$/)
    const groups = (await elbv2.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? []
    expect(groups.map((g) => g.TargetGroupName)).toContain(preview?.loadBalancers?.[0]?.targetGroupArn?.split('/')[1])
    const rules = (await elbv2.send(new DescribeRulesCommand({ ListenerArn: listenerArn }))).Rules ?? []
    expect(
      rules.some((r) =>
        r.Conditions?.some(
          (c) =>
            c.HostHeaderConfig?.Values?.includes('pr-7.preview.example.com') ||
            c.Values?.includes('pr-7.preview.example.com'),
        ),
      ),
    ).toBe(true)
    const comment = seen.find((r) => r.method === 'POST' && r.url === '/repos/acme/web/issues/7/comments')
    expect(String(comment?.body.body)).toContain('pr-7.preview.example.com')
    expect(seen.find((r) => r.url === '/repos/acme/web/deployments' && r.method === 'POST')?.body).toMatchObject({
      environment: 'pr-7',
      transient_environment: true,
    })

    // The action's own comment, edited on close; a comment someone else wrote with the marker is never touched.
    const ours = comments.find((c) => c.user.login === TOKEN_LOGIN)
    expect(ours?.body).toContain('pr-7.preview.example.com')

    const closed = await runAction(
      { ...token, preview: 'destroy' },
      { ...env, GITHUB_EVENT_PATH: event(workspace, { action: 'closed', ...pr }) },
    )
    expect(closed.errors).toEqual([])
    expect(closed.outputs.status).toBe('succeeded')
    // The preview's GitHub deployment is marked inactive: its environment is gone.
    const statuses = seen.filter((r) => r.method === 'POST' && /\/deployments\/\d+\/statuses$/.test(r.url))
    expect(statuses.map((r) => r.body.state)).toContain('inactive')
    await waitFor('the preview service to be gone', async () => {
      const s = (await ecs.send(new DescribeServicesCommand({ cluster: 'dev', services: ['web-pr-7'] }))).services?.[0]
      return !s || s.status !== 'ACTIVE'
    })
    const after = (await elbv2.send(new DescribeRulesCommand({ ListenerArn: listenerArn }))).Rules ?? []
    expect(after.filter((r) => !r.IsDefault)).toEqual([])
    expect(
      ((await elbv2.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? []).map((g) => g.TargetGroupName),
    ).toEqual(['dev-web'])
    // Closing again finds nothing to remove, and still succeeds.
    const again = await runAction(
      { ...token, preview: 'destroy' },
      { ...env, GITHUB_EVENT_PATH: event(workspace, { action: 'closed', ...pr }) },
    )
    expect(again.exitCode).toBe(0)
  })

  test("a comment someone else wrote with the action's marker is never edited: the action adds its own", async () => {
    const workspace = await givenEnvironments()
    comments.length = 0
    const forged =
      '<!-- ecs-deploy-action:preview:web-pr-8 -->\n### 🚀 Preview of `web-pr-8`\n[log in here](https://evil.example)'
    comments.push({ id: 1, body: forged, user: { login: 'mallory' } })
    seen.length = 0
    const pr = {
      number: 8,
      pull_request: {
        number: 8,
        base: { ref: 'develop' },
        head: { ref: 'feature/y', sha: 'c0ffee0000000000000000000000000000000008' },
      },
    }
    const run = await runAction(
      { ...token, ...image(), preview: 'deploy' },
      {
        GITHUB_WORKSPACE: workspace,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/8/merge',
        GITHUB_API_URL: githubUrl,
        GITHUB_EVENT_PATH: event(workspace, { action: 'opened', ...pr }),
      },
    )
    expect(run.errors).toEqual([])
    expect(seen.filter((r) => r.method === 'PATCH')).toEqual([])
    expect(comments.find((c) => c.id === 1)?.body).toBe(forged)
    const created = seen.filter((r) => r.method === 'POST' && r.url === '/repos/acme/web/issues/8/comments')
    expect(created).toHaveLength(1)
    expect(String(created[0]?.body.body)).toContain('pr-8.preview.example.com')
    // The same marker: only the author told the two apart.
    expect(String(created[0]?.body.body).split('\n')[0]).toBe(forged.split('\n')[0])
  })
})

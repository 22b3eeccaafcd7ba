// Plan first, then one job per environment that applies, through dist/index.js on the local stack: the plan step
// (no AWS credentials) outputs the matrix; each entry is deployed as its own job would, with the runner's GitHub
// deployment for the job already there, which the action adopts instead of creating a second one.
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs'
import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { runAction, workspaceDir } from './action.js'
import { ScenarioAdmin, useStack, waitFor, webTaskDefinition, type StackEnv } from './stack.js'

interface Deployment {
  id: number
  sha: string
  environment: string
  creator: string
  statuses: { state: string; environment_url?: string; log_url?: string }[]
}

let stack: StackEnv
let ecs: ECSClient
let github: Server
let githubUrl: string
const deployments: Deployment[] = []
const created: Record<string, unknown>[] = []

/** A GitHub API with deployments and their statuses, newest first, as GitHub lists them. */
async function startFakeGitHub(): Promise<void> {
  github = createServer(async (req, res) => {
    let text = ''
    for await (const chunk of req) text += String(chunk)
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {}
    const url = new URL(req.url ?? '', 'http://github')
    const reply = (status: number, data: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data))
    const statuses = /^\/repos\/acme\/web\/deployments\/(\d+)\/statuses$/.exec(url.pathname)
    if (statuses) {
      const deployment = deployments.find((d) => d.id === Number(statuses[1]))
      if (!deployment) return reply(404, { message: 'Not Found' })
      if (req.method === 'POST') {
        deployment.statuses.unshift(body as Deployment['statuses'][number])
        return reply(201, { id: deployment.statuses.length })
      }
      return reply(200, deployment.statuses)
    }
    if (url.pathname === '/repos/acme/web/deployments' && req.method === 'GET') {
      const sha = url.searchParams.get('sha')
      const environment = url.searchParams.get('environment')
      const found = deployments
        .filter((d) => (!sha || d.sha === sha) && (!environment || d.environment === environment))
        .reverse()
      return reply(
        200,
        found.map((d) => ({ id: d.id, sha: d.sha, environment: d.environment, creator: { login: d.creator } })),
      )
    }
    if (url.pathname === '/repos/acme/web/deployments' && req.method === 'POST') {
      created.push(body)
      const id = runnerDeployment(String(body.environment), 'ecs-deploy-action').id
      deployments.find((d) => d.id === id)?.statuses.splice(0)
      return reply(201, { id })
    }
    reply(404, { message: 'Not Found' })
  })
  await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve))
  githubUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}`
}

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const RUN_ID = '42'

/** What the runner does for a job with `environment:`: a deployment of the commit, queued, linked to the job. */
function runnerDeployment(environment: string, creator = 'github-actions[bot]'): Deployment {
  const deployment: Deployment = {
    id: 1000 + deployments.length,
    sha: SHA,
    environment,
    creator,
    statuses: [
      { state: 'queued', log_url: `https://github.com/acme/web/actions/runs/${RUN_ID}/job/${deployments.length}` },
    ],
  }
  deployments.push(deployment)
  return deployment
}

beforeAll(async () => {
  stack = await useStack()
  ecs = new ECSClient({ region: stack.AWS_REGION })
  await startFakeGitHub()
})

afterAll(async () => {
  ecs?.destroy()
  await new Promise((resolve) => github?.close(resolve))
})

/** Clusters staging and prod, each with service web; main deploys both, prod after staging (needs). */
async function givenEnvironments(): Promise<string> {
  await new ScenarioAdmin(stack.STACK_SCENARIO_URL).reset({ moto: true, timeScale: 10 })
  for (const cluster of ['staging', 'prod']) {
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
      }),
    )
    await waitFor(
      `web in ${cluster} to run`,
      async () =>
        (await ecs.send(new DescribeServicesCommand({ cluster, services: ['web'] }))).services?.[0]?.runningCount === 1,
      { timeoutMs: 20_000 },
    )
  }
  const workspace = workspaceDir('plan-')
  mkdirSync(path.join(workspace, '.github'))
  writeFileSync(
    path.join(workspace, '.github/ecs-deploy.yml'),
    [
      'environments:',
      '  dev: { branches: [develop], cluster: dev, services: [web] }',
      `  prod: { branches: [main], cluster: prod, services: [web], regions: [${stack.AWS_REGION}], url: https://example.com, needs: staging }`,
      '  staging: { branches: [main], cluster: staging, services: [web] }',
    ].join('\n'),
  )
  return workspace
}

interface Entry {
  environment: string
  cluster: string
  services: string
  region?: string
  url?: string
  needs: string[]
}

describe('plan, then deploy each entry', () => {
  test('the plan needs no AWS; each entry deploys its environment and updates the job’s own GitHub deployment', async () => {
    const workspace = await givenEnvironments()
    const git = { GITHUB_WORKSPACE: workspace, GITHUB_REF: 'refs/heads/main', GITHUB_RUN_ID: RUN_ID, GITHUB_SHA: SHA }

    // The plan job: no credentials, no region, an endpoint nothing answers on.
    const plan = await runAction(
      { mode: 'plan' },
      {
        ...git,
        AWS_ACCESS_KEY_ID: '',
        AWS_SECRET_ACCESS_KEY: '',
        AWS_REGION: '',
        AWS_DEFAULT_REGION: '',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        AWS_ENDPOINT_URL_ECS: 'http://127.0.0.1:9',
      },
    )
    expect(plan.errors).toEqual([])
    expect(plan.exitCode).toBe(0)
    const matrix = JSON.parse(plan.outputs.matrix ?? '') as { include: Entry[] }
    expect(matrix.include).toEqual([
      { environment: 'staging', cluster: 'staging', services: 'web', needs: [] },
      {
        environment: 'prod',
        cluster: 'prod',
        services: 'web',
        region: stack.AWS_REGION,
        url: 'https://example.com',
        needs: ['staging'],
      },
    ])
    expect(plan.outputs).toMatchObject({ any: 'true' })
    expect(plan.result).toEqual({ environments: ['staging', 'prod'] })
    expect(plan.summary).toContain('| dev | ⏭️ no | ref refs/heads/main matches none of its branches (develop) |')

    // One job per entry, in the matrix's order, each bound to its GitHub Environment (the runner's deployment).
    for (const entry of matrix.include) {
      const job = runnerDeployment(entry.environment)
      const run = await runAction(
        {
          environment: entry.environment,
          region: entry.region ?? '',
          image: `${stack.STACK_REGISTRY}/web:v2`,
          'github-token': 'test-token',
        },
        { ...git, GITHUB_API_URL: githubUrl },
      )
      expect(run.errors).toEqual([])
      expect(run.outputs.status).toBe('succeeded')
      expect(run.stdout).toContain(`Environment ${entry.environment}: the environment input names ${entry.environment}`)
      const { services } = await ecs.send(new DescribeServicesCommand({ cluster: entry.cluster, services: ['web'] }))
      expect(services?.[0]?.taskDefinition).toMatch(new RegExp(`web-${entry.cluster}:2$`))
      expect(job.statuses.map((s) => s.state)).toEqual(['success', 'in_progress', 'queued'])
      if (entry.url) expect(job.statuses[0]?.environment_url).toBe(entry.url)
    }
    // One deployment per run: the action created none of its own.
    expect(created).toEqual([])
    expect(deployments.map((d) => d.environment)).toEqual(['staging', 'prod'])
  })

  test('without a deployment of the job (no `environment:` on it), the action creates one, as before', async () => {
    const workspace = await givenEnvironments()
    created.length = 0
    const run = await runAction(
      { environment: 'staging', image: `${stack.STACK_REGISTRY}/web:v2`, 'github-token': 'test-token' },
      {
        GITHUB_WORKSPACE: workspace,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_RUN_ID: '43',
        GITHUB_SHA: SHA,
        GITHUB_API_URL: githubUrl,
      },
    )
    expect(run.errors).toEqual([])
    // staging's earlier deployment ended (success): not this job's.
    expect(created).toEqual([expect.objectContaining({ environment: 'staging', ref: 'main' })])
  })

  test('a dry run of each planned entry states its peak and steady-state capacity, priced as an estimate', async () => {
    await new ScenarioAdmin(stack.STACK_SCENARIO_URL).reset({ moto: true, timeScale: 10 })
    const blueGreen = {
      targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef',
      containerName: 'web',
      containerPort: 8080,
      advancedConfiguration: {
        alternateTargetGroupArn:
          'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210',
        productionListenerRule:
          'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee',
        roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
      },
    }
    for (const cluster of ['staging', 'prod']) {
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
          ...(cluster === 'prod' && { loadBalancers: [blueGreen] }),
        }),
      )
    }
    const workspace = workspaceDir('plan-capacity-')
    mkdirSync(path.join(workspace, '.github'))
    writeFileSync(
      path.join(workspace, '.github/ecs-deploy.yml'),
      [
        'environments:',
        '  staging: { branches: [main], cluster: staging, services: [web], desired-count: 3 }',
        '  prod:',
        '    branches: [main]',
        '    cluster: prod',
        '    services: [web]',
        '    needs: staging',
        '    strategy: blue-green',
        '    bake-minutes: 5',
        '    capacity-prices: { fargate-vcpu-hour: 0.05, fargate-gb-hour: 0.005 }',
      ].join('\n'),
    )
    const git = { GITHUB_WORKSPACE: workspace, GITHUB_REF: 'refs/heads/main', GITHUB_RUN_ID: RUN_ID, GITHUB_SHA: SHA }
    const dryRun = (environment: string) =>
      runAction({ environment, image: `${stack.STACK_REGISTRY}/web:v2`, 'dry-run': 'true' }, git)

    // staging, rolling at ECS's default 100/200, desired count 1 → 3, tasks of 0.25 vCPU and 0.5 GB, us-east-1's table:
    // one task 0.25 × 0.04048 + 0.5 × 0.004445 = $0.0123425/h; ×730 h = $9.01; 3 tasks $0.0370275/h, $27.03.
    // Peak: floor(3 × 200 / 100) = 6 allowed, but 1 old + 3 new is all there is: 4 tasks, $0.04937/h.
    const staging = await dryRun('staging')
    expect(staging.errors).toEqual([])
    expect(staging.outputs.status).toBe('planned')
    expect(staging.summary).toContain(
      [
        '#### Capacity and cost (estimate)',
        '',
        '| | tasks | vCPU | memory | per hour | per month (730 h) |',
        '| --- | --- | --- | --- | --- | --- |',
        '| now | 1 | 0.25 | 0.5 GB | $0.0123 | $9.01 |',
        '| after the deploy | 3 | 0.75 | 1.5 GB | $0.0370 | $27.03 |',
        '| change | +2 | +0.5 | +1 GB | +$0.0247 | +$18.02 |',
        '| peak during the rollout | 4 | 1 | 2 GB | $0.0494 | — |',
        '',
        "Peak: rolling at maximumPercent 200: at most 4 tasks at once (1 old + 3 new). Runs on Fargate. Prices: AWS's published Fargate prices for us-east-1",
      ].join('\n'),
    )
    expect(staging.stdout).toContain('capacity (estimate): now 1 task, 0.25 vCPU, 0.5 GB, $0.0123/h; after 3 tasks')

    // prod, ECS blue/green with a 5-minute bake: the green task beside the blue one, at the environment's own prices:
    // 0.25 × 0.05 + 0.5 × 0.005 = $0.015/h (×730 = $10.95); the bake holds two of them, $0.03/h.
    const prod = await dryRun('prod')
    expect(prod.errors).toEqual([])
    expect(prod.summary).toContain(
      [
        '| now | 1 | 0.25 | 0.5 GB | $0.0150 | $10.95 |',
        '| after the deploy | 1 | 0.25 | 0.5 GB | $0.0150 | $10.95 |',
        '| change | 0 | 0 | 0 GB | $0 | $0 |',
        '| peak during the rollout | 2 | 0.5 | 1 GB | $0.0300 | — |',
      ].join('\n'),
    )
    expect(prod.summary).toMatch(
      /Peak: blue\/green \(ECS\): all traffic at once, bake 5 min: the whole new fleet \(1 task\) runs beside the old one \(1 task\) until the traffic has moved and the bake is over\. Runs on Fargate\. Prices: capacity-prices \(the config file\), over AWS's published/,
    )
    // Nothing changed: both services still run their first revision.
    for (const cluster of ['staging', 'prod']) {
      const { services } = await ecs.send(new DescribeServicesCommand({ cluster, services: ['web'] }))
      expect(services?.[0]).toMatchObject({ desiredCount: 1, taskDefinition: expect.stringMatching(/:1$/) })
    }
  })

  test('the CLI (dist/cli) prints the same matrix on stdout, the reasons on stderr, with no AWS', async () => {
    const workspace = await givenEnvironments()
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        '--no-warnings',
        path.resolve(import.meta.dirname, '../../dist/cli/index.js'),
        'plan',
        '--ref',
        'refs/heads/main',
      ],
      { cwd: workspace, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' } },
    )
    expect((JSON.parse(stdout) as { include: Entry[] }).include.map((e) => e.environment)).toEqual(['staging', 'prod'])
    expect(stderr).toContain('dev: ref refs/heads/main matches none of its branches (develop)')
  })
})

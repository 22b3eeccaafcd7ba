// `mode: drift`: the live service and its running revision against the repository's files, through the engine's
// front door with AWS mocked. ECS's server-side defaults are no drift; a real change is, with both values; nothing is
// ever registered or updated.
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  type TaskDefinition,
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import 'aws-sdk-client-mock-jest'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { outputValues } from '../../src/action/outputs.js'
import { readGitContext } from '../../src/common/git-context.js'
import { deploy } from '../../src/engine/deploy.js'
import type { Ports } from '../../src/engine/ports.js'
import { renderSummary, type RunReport } from '../../src/engine/run-report.js'
import type { RunEvent } from '../../src/config/index.js'
import { getInputs } from '../../src/settings/inputs.js'
import { fakeClock } from '../helpers/clock.js'
import { deployment, service } from '../helpers/ecs.js'
import { fakeGitHub } from '../github/fake.js'

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web'
const RUNNING = `${REPO}@sha256:${'a'.repeat(64)}`
const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole'
const LIVE_TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:9'
const ecsMock = mockClient(ECSClient)
const ROOT = path.resolve(import.meta.dirname, '../..')

/** The template: no network mode, no container cpu, essential or protocol, a health check without its timings. */
const TEMPLATE = {
  family: 'web',
  requiresCompatibilities: ['EC2'],
  cpu: '256',
  memory: '512',
  executionRoleArn: ROLE,
  containerDefinitions: [
    {
      name: 'web',
      image: '${IMAGE}',
      memory: 256,
      portMappings: [{ containerPort: 3000 }],
      healthCheck: { command: ['CMD', 'true'] },
      environment: [{ name: 'MODE', value: 'live' }],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }],
    },
  ],
}

/** The template as registered, with the running image: what ECS adds to it comes from each test. */
const bare = (container: object = {}, task: Partial<TaskDefinition> = {}): TaskDefinition => ({
  taskDefinitionArn: LIVE_TD,
  family: 'web',
  revision: 9,
  cpu: '256',
  memory: '512',
  executionRoleArn: ROLE,
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [
    {
      name: 'web',
      image: RUNNING,
      memory: 256,
      portMappings: [{ containerPort: 3000 }],
      healthCheck: { command: ['CMD', 'true'] },
      environment: [{ name: 'MODE', value: 'live' }],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }],
      ...container,
    },
  ],
  ...task,
})

/** What ECS fills in server-side, each on its own: none of them is drift. */
const DEFAULTS: [string, object, Partial<TaskDefinition>][] = [
  ['the container cpu', { cpu: 0 }, {}],
  ['essential', { essential: true }, {}],
  [
    'the protocol and the bridge host port',
    { portMappings: [{ containerPort: 3000, hostPort: 0, protocol: 'tcp' }] },
    {},
  ],
  ['the health check timings', { healthCheck: { command: ['CMD', 'true'], interval: 30, timeout: 5, retries: 3 } }, {}],
  ['empty lists', { mountPoints: [], volumesFrom: [], systemControls: [] }, { volumes: [], placementConstraints: [] }],
  ['the bridge network mode', {}, { networkMode: 'bridge' }],
  [
    'status, compatibilities, requiresAttributes, registeredAt/By',
    {},
    {
      status: 'ACTIVE',
      compatibilities: ['EC2'],
      requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.24' }],
      registeredAt: new Date('2026-01-01T10:00:00Z'),
      registeredBy: 'arn:aws:sts::123456789012:assumed-role/deploy/gha',
    },
  ],
  ['fault injection off', {}, { enableFaultInjection: false }],
]

/** What DescribeTaskDefinition answers for the template registered by a deploy: all of ECS's defaults at once. */
const live = (container: object = {}, task: Partial<TaskDefinition> = {}): TaskDefinition =>
  bare(
    { ...Object.assign({}, ...DEFAULTS.map(([, c]) => c)), ...container },
    { ...Object.assign({}, ...DEFAULTS.map(([, , t]) => t)), ...task },
  )

let workspace: string
const logs: string[] = []
let report: RunReport | undefined

function settings(values: Record<string, string>, event: RunEvent = { name: 'schedule', ref: 'refs/heads/main' }) {
  const log = { info: () => undefined, warning: () => undefined, secret: () => undefined }
  const all: Record<string, string> = {
    service: 'web',
    cluster: 'prod',
    'task-definition': path.join(workspace, 'td.json'),
    mode: 'drift',
    ...values,
  }
  return {
    inputs: getInputs((name) => all[name] ?? '', log),
    git: {
      ...readGitContext({}),
      workspace: ROOT,
      sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      repository: 'acme/web',
    },
    event,
    env: { AWS_REGION: 'us-east-1' },
  }
}

const ports = (github?: ReturnType<typeof fakeGitHub>): Ports => ({
  log: {
    info: (line) => void logs.push(line),
    warning: (line) => void logs.push(`warning: ${line}`),
    error: () => undefined,
    debug: () => undefined,
    group: (_n, fn) => fn(),
    secret: () => undefined,
  },
  clock: fakeClock(),
  signal: new AbortController().signal,
  github,
  loggedIn: () => undefined,
  outputs: () => undefined,
  summary: async (r) => void (report = r),
})

const liveService = (overrides = {}) =>
  service({
    taskDefinition: LIVE_TD,
    desiredCount: 2,
    deployments: [deployment({ taskDefinition: LIVE_TD, rolloutState: 'COMPLETED', runningCount: 2 })],
    ...overrides,
  })

beforeEach(() => {
  ecsMock.reset()
  logs.length = 0
  report = undefined
  // Files are read inside the workspace only: the repository's build/ (ignored by git).
  mkdirSync(path.join(ROOT, 'build'), { recursive: true })
  workspace = mkdtempSync(path.join(ROOT, 'build', 'drift-'))
  writeFileSync(path.join(workspace, 'td.json'), JSON.stringify(TEMPLATE))
  ecsMock.on(DescribeServicesCommand).resolves({ services: [liveService()] })
  ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: live(), tags: [] })
})

/** Every call made was a read: Describe* or List*. */
function onlyReads(): void {
  const names = ecsMock.calls().map((call) => (call.args[0] as object).constructor.name)
  expect(names.length).toBeGreaterThan(0)
  expect(names.filter((name) => !/^(Describe|List)/.test(name))).toEqual([])
}

describe('mode: drift', () => {
  test("an unchanged service shows no drift: ECS's defaults, read-only keys and the running image do not count", async () => {
    const result = await deploy(settings({ 'desired-count': '2' }), ports())
    expect(result.failure).toBeUndefined()
    expect(report?.services[0]).toMatchObject({ status: 'succeeded', drift: [], taskDefinitionArn: LIVE_TD })
    expect((await outputValues(report as RunReport)).drift).toBe('false')
    expect(renderSummary(report as RunReport)).toContain('## ✅ ECS drift check: no drift')
    expect(logs).toContain('no drift from web:9')
    onlyReads()
  })

  test.each(DEFAULTS)('no drift for %s', async (_what, container, task) => {
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: bare(container, task), tags: [] })
    const result = await deploy(settings({}), ports())
    expect(result.message).toBeUndefined()
    expect(report?.services[0]?.drift).toEqual([])
  })

  test('a service changed behind its back: each difference with the live value and the repository one, and the step fails', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({ services: [liveService({ desiredCount: 5 })] })
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: live({
        environment: [
          { name: 'MODE', value: 'live' },
          { name: 'FEATURE', value: 'on' },
        ],
      }),
      tags: [],
    })
    const result = await deploy(settings({ 'desired-count': '2' }), ports())
    const drift = [
      {
        path: 'containerDefinitions[web].environment[FEATURE]',
        live: '{"name":"FEATURE","value":"on"}',
        repo: '(none)',
      },
      { path: 'service desired count', live: '5', repo: '2' },
    ]
    expect(report?.services[0]?.drift).toEqual(drift)
    expect(result).toMatchObject({
      failure: 'deployment',
      message:
        "web: Drift: 2 difference(s) between the live service (web:9) and what the repository's files would deploy.",
    })
    expect((await outputValues(report as RunReport)).drift).toBe('true')
    const summary = renderSummary(report as RunReport)
    expect(summary).toContain('## ⚠️ ECS drift check: drift on web')
    expect(summary).toContain('| service desired count | 5 | 2 |')
    expect(logs).toContain('  service desired count: live 5, repository 2')
    onlyReads()
  })

  test("compares with the PRIMARY deployment's revision, and a given image with the running one", async () => {
    const primary = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:10'
    ecsMock.on(DescribeServicesCommand).resolves({
      services: [liveService({ deployments: [deployment({ taskDefinition: primary, rolloutState: 'COMPLETED' })] })],
    })
    ecsMock.on(DescribeTaskDefinitionCommand, { taskDefinition: primary }).resolves({
      taskDefinition: live({}, { taskDefinitionArn: primary, revision: 10 }),
      tags: [],
    })
    await deploy(settings({ image: `${REPO}:v2` }), ports())
    expect(ecsMock).toHaveReceivedCommandWith(DescribeTaskDefinitionCommand, { taskDefinition: primary })
    expect(report?.services[0]?.drift).toEqual([
      { path: 'containerDefinitions[web].image', live: RUNNING, repo: `${REPO}:v2` },
    ])
  })

  test("a template's own image reference (a build's repository, a placeholder) is no drift: the running image is kept", async () => {
    const fixed = {
      ...TEMPLATE,
      containerDefinitions: [{ ...TEMPLATE.containerDefinitions[0], image: `${REPO}:placeholder` }],
    }
    writeFileSync(path.join(workspace, 'td.json'), JSON.stringify(fixed))
    await deploy(settings({}), ports())
    expect(report?.services[0]?.drift).toEqual([])
    // With a build, `image` is the repository it would push to, not an image: the running one is still kept.
    const result = await deploy(settings({ build: '.', image: REPO }), ports())
    expect(result.message).toBeUndefined()
    expect(report?.services[0]?.drift).toEqual([])
  })

  test('a secret or secret-looking variable is named, its values never shown', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: live({
        environment: [
          { name: 'MODE', value: 'live' },
          { name: 'API_TOKEN', value: 'tok-123' },
        ],
        secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/other' }],
      }),
      tags: [],
    })
    await deploy(settings({}), ports())
    expect(report?.services[0]?.drift).toEqual([
      { path: 'containerDefinitions[web].environment[API_TOKEN]', live: '(hidden)', repo: '(none)' },
      { path: 'containerDefinitions[web].secrets[DB_PASSWORD].valueFrom', live: '(hidden)', repo: '(hidden)' },
    ])
    expect(JSON.stringify(report)).not.toContain('tok-123')
    expect(logs.join('\n')).not.toContain('parameter/other')
  })

  test('outside text in a value is neutralised in the log and the summary', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: live({
        environment: [{ name: 'MODE', value: 'x\n::error::owned | <img src=x>' }],
      }),
      tags: [],
    })
    await deploy(settings({}), ports())
    expect(logs.some((line) => /^\s*::/m.test(line))).toBe(false)
    const summary = renderSummary(report as RunReport)
    expect(summary).not.toContain('<img')
    expect(summary).toContain('\\| &lt;img src=x&gt;')
  })

  test('on a pull request, the drift table is the comment of the service, updated by the next run', async () => {
    const github = fakeGitHub()
    ecsMock.on(DescribeServicesCommand).resolves({ services: [liveService({ desiredCount: 5 })] })
    const event: RunEvent = {
      name: 'pull_request',
      ref: 'refs/pull/12/merge',
      pullRequest: { number: 12, action: 'synchronize', baseRef: 'main', headRef: 'feature', headSha: 'f'.repeat(40) },
    }
    await deploy(settings({ 'desired-count': '2' }, event), ports(github))
    const [created] = github.rest.issues.createComment.mock.calls[0] as [{ issue_number: number; body: string }]
    expect(created.issue_number).toBe(12)
    expect(created.body).toContain('<!-- ecs-deploy-action:drift:web -->')
    expect(created.body).toContain('### ⚠️ Drift on web')
    expect(created.body).toContain('| service desired count | 5 | 2 |')
    expect(github.rest.repos.createDeployment).not.toHaveBeenCalled()
    github.rest.issues.listComments.mockResolvedValue({
      data: [{ id: 100, body: created.body, user: { login: 'github-actions[bot]' } }],
    })
    ecsMock.on(DescribeServicesCommand).resolves({ services: [liveService()] })
    await deploy(settings({ 'desired-count': '2' }, event), ports(github))
    const [updated] = github.rest.issues.updateComment.mock.calls[0] as [{ comment_id: number; body: string }]
    expect(updated.comment_id).toBe(100)
    expect(updated.body).toContain('### ✅ No drift on web')
  })

  test('on a pull request, a service without drift and no earlier drift comment gets no comment', async () => {
    const github = fakeGitHub()
    const event: RunEvent = {
      name: 'pull_request',
      ref: 'refs/pull/12/merge',
      pullRequest: { number: 12, action: 'synchronize', baseRef: 'main', headRef: 'feature', headSha: 'f'.repeat(40) },
    }
    await deploy(settings({}, event), ports(github))
    expect(report?.services[0]?.drift).toEqual([])
    expect(github.rest.issues.listComments).toHaveBeenCalled()
    expect(github.rest.issues.createComment).not.toHaveBeenCalled()
    expect(github.rest.issues.updateComment).not.toHaveBeenCalled()
  })

  test('a push event comments nothing', async () => {
    const github = fakeGitHub()
    await deploy(settings({}), ports(github))
    expect(github.rest.issues.createComment).not.toHaveBeenCalled()
    expect(github.rest.issues.listComments).not.toHaveBeenCalled()
  })

  test.each([
    ['run-task', 'migrate'],
    ['force-new-deployment', 'true'],
  ])('refuses `%s`, which it has nothing to act on', (name, value) => {
    expect(() => settings({ [name]: value })).toThrow(
      `\`mode: drift\` only compares the live service with the repository's files and changes nothing, so \`${name}\` has nothing to act on: drop one of them.`,
    )
  })
})

// Nothing holds the run: with any AWS phase, the GitHub API or the verify URL accepting requests and never answering
// (the scenario server's faults, test/stack/faults.mjs), dist/index.js ends by itself within timeout-minutes + the
// grace + 5 s, with the summary written and naming what did not answer. Signals: a second SIGTERM exits at once.
import { ECSClient } from '@aws-sdk/client-ecs'
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { GRACE_MS } from '../../src/common/deadline.js'
import { runAction as runWithInputs, workspaceDir, movedToConfig } from './action.js'
import {
  givenWebService,
  loadStack,
  ScenarioAdmin,
  useStack,
  webTaskDefinition,
  type Fault,
  type Scenario,
  type StackEnv,
  type WebServiceOptions,
} from './stack.js'

/** Runs the action with the settings that moved to the config file written there (issue 22). */
const runAction = (inputs: Record<string, string>, env?: Record<string, string>): ReturnType<typeof runWithInputs> =>
  runWithInputs(movedToConfig(inputs), env)

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
const dir = workspaceDir('e2e-hung-')
const ROOT = path.resolve(import.meta.dirname, '../..')

/** timeout-minutes of every run here: 0.1 min. */
const TIMEOUT_S = 6
/** The issue's bound: timeout-minutes + the grace + 5 s. */
const LIMIT_S = TIMEOUT_S + GRACE_MS / 1000 + 5
const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef'

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({ region: stack.AWS_REGION })
})

afterAll(() => ecs?.destroy())

/** Listens on 127.0.0.1; `close` ends every connection it holds. */
async function listen(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  }
}

/** A server that reads every request and never answers it, counting them. */
async function silentServer(): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> {
  const seen: string[] = []
  const server = createServer((req: IncomingMessage) => void seen.push(`${req.method} ${req.url}`))
  return { ...(await listen(server)), seen }
}

function inputs(overrides: Record<string, string> = {}): Record<string, string> {
  const file = path.join(dir, `td-${Math.random().toString(36).slice(2)}.json`)
  const definition = webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:placeholder`, {
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
    },
  })
  writeFileSync(file, JSON.stringify(definition))
  return {
    cluster: 'prod',
    service: 'web',
    'task-definition': path.relative(ROOT, file),
    image: `${stack.STACK_REGISTRY}/web:v2`,
    'timeout-minutes': String(TIMEOUT_S / 60),
    ...overrides,
  }
}

/** ELBv2 and CloudWatch Logs through the scenario server, so that their faults apply too. */
const throughFaults = (): Record<string, string> => ({
  AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: stack.STACK_SCENARIO_URL,
  AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: stack.STACK_SCENARIO_URL,
})

async function timed<T>(run: Promise<T>): Promise<T & { seconds: number }> {
  const started = Date.now()
  const result = await run
  if (process.env.DEBUG_HUNG) console.log((result as { stdout?: string }).stdout)
  return { ...result, seconds: (Date.now() - started) / 1000 }
}

async function faultHits(): Promise<Record<string, number>> {
  const response = await fetch(`${stack.STACK_SCENARIO_URL}/_faults`)
  const { faults } = (await response.json()) as { faults: { operation: string; hits: number }[] }
  return Object.fromEntries(faults.map((f) => [f.operation, f.hits]))
}

/** A fresh web service (real time), the scenario of this run's rollout, then these faults. */
async function given(
  faults: Fault[],
  options: { rollout?: Scenario['rollout']; service?: WebServiceOptions['service'] } = {},
): Promise<void> {
  await givenWebService(stack, admin, ecs, {
    timeScale: 1,
    logGroup: true,
    circuitBreaker: { enable: true, rollback: true },
    ...(options.service && { service: options.service }),
  })
  if (options.rollout) await admin.scenario({ service: 'web', rollout: options.rollout })
  await admin.faults(faults)
}

describe('each AWS phase hung: the run ends by itself, non-zero, with a summary naming what did not answer', () => {
  const phases: [string, Fault[], string][] = [
    ['the service check', [{ operation: 'ecs:DescribeServices', mode: 'hang' }], 'ecs:DescribeServices'],
    [
      "the current task definition's read",
      [{ operation: 'ecs:DescribeTaskDefinition', mode: 'hang' }],
      'ecs:DescribeTaskDefinition',
    ],
    ['the registration', [{ operation: 'ecs:RegisterTaskDefinition', mode: 'hang' }], 'ecs:RegisterTaskDefinition'],
    ['the update', [{ operation: 'ecs:UpdateService', mode: 'hang' }], 'ecs:UpdateService'],
  ]
  test.each(phases)('%s', async (_phase, faults, call) => {
    await given(faults)
    const run = await timed(runAction(inputs()))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('timed-out')
    const message = `AWS did not answer ${call} before the run's deadline (timeout-minutes, or the job was cancelled).`
    expect(run.errors).toEqual([`::error::${message}`])
    expect(run.summary).toContain(message)
    expect(run.seconds).toBeGreaterThanOrEqual(TIMEOUT_S - 1)
    expect(run.seconds).toBeLessThan(LIMIT_S)
  })

  test("the rollout (the issue's case): every ECS and ELBv2 call hangs once UpdateService answered; the URL lookup and the diagnosis are skipped", async () => {
    await given(
      [
        { operation: 'ecs:ListTasks', mode: 'hang', afterCall: 'ecs:UpdateService' },
        { operation: 'ecs:*', mode: 'hang', afterCall: 'ecs:UpdateService' },
        { operation: 'elasticloadbalancing:*', mode: 'hang' },
      ],
      {
        rollout: { outcome: 'stuck-pending' },
        service: { loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 8080 }] },
      },
    )
    const run = await timed(runAction(inputs(), throughFaults()))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('timed-out')
    expect(run.summary).toContain('the rollout did not finish within 6 s')
    expect(run.summary).toMatch(
      /the rollback could not be requested: AWS did not answer ecs:(StopServiceDeployment|UpdateService) before the run's deadline/,
    )
    expect(run.errors[0]).toContain("the stopped tasks were not listed: the run's deadline had passed")
    expect(run.seconds).toBeLessThan(LIMIT_S)
    const hits = await faultHits()
    expect(hits['ecs:*']).toBeGreaterThan(0)
    // Best effort after the deadline is not attempted.
    expect(hits['elasticloadbalancing:*']).toBe(0)
    expect(hits['ecs:ListTasks']).toBe(0)
  })

  test("the failed container's log lines (CloudWatch Logs) hung: the failure is reported at the deadline", async () => {
    await given([{ operation: 'logs:*', mode: 'hang' }], {
      rollout: { outcome: 'crash', crashAfterSeconds: 1, logLines: ['boom'] },
    })
    // The circuit breaker needs a few crashes: 30 s for the rollout to fail, then the log lines' read hangs.
    const run = await timed(runAction(inputs({ 'timeout-minutes': '0.5' }), throughFaults()))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('rolled-back')
    if (process.env.DEBUG_HUNG) {
      const { requests } = (await (await fetch(`${stack.STACK_SCENARIO_URL}/_requests`)).json()) as {
        requests: { at: number; target: string }[]
      }
      console.log(requests.map((r) => `${r.at - (requests[0]?.at ?? 0)} ${r.target}`).join('\n'))
    }
    expect(run.summary).toContain('## ↩️ ECS deploy: web rolled-back')
    expect(run.seconds).toBeLessThan(30 + GRACE_MS / 1000 + 5)
    expect((await faultHits())['logs:*']).toBeGreaterThan(0)
  })

  test('a connection dropped once and a late answer: the SDK tries again, the run succeeds', async () => {
    await given([
      { operation: 'ecs:RegisterTaskDefinition', mode: 'drop', times: 1 },
      { operation: 'ecs:UpdateService', mode: 'delay', seconds: 2 },
    ])
    const run = await timed(runAction(inputs({ 'timeout-minutes': '1' })))
    expect(run.errors).toEqual([])
    expect(run.outputs.status).toBe('succeeded')
    const hits = await faultHits()
    expect(hits['ecs:RegisterTaskDefinition']).toBe(1)
    expect(hits['ecs:UpdateService']).toBe(1)
  })

  test('every connection dropped: a clear error naming the call, at once', async () => {
    await given([{ operation: 'ecs:DescribeServices', mode: 'drop' }])
    const run = await timed(runAction(inputs()))
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/^::error::Could not reach AWS for ecs:DescribeServices \(ECONNRESET\)/)
    expect(run.seconds).toBeLessThan(TIMEOUT_S)
  })
})

describe('outside AWS hung', () => {
  test('the GitHub API accepts and never answers: its calls give up at the deadline with a warning, the deploy goes on', async () => {
    await given([])
    const github = await silentServer()
    const run = await timed(
      runAction(inputs({ environment: 'prod', 'github-token': 'test-token' }), { GITHUB_API_URL: github.url }),
    )
    await github.close()
    expect(github.seen[0]).toMatch(/^(GET|POST) \/repos\/acme\/web\/deployments/)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/::warning::.*GitHub deployment/i)
    expect(run.summary).toContain('succeeded')
    expect(run.seconds).toBeLessThan(2 * TIMEOUT_S + GRACE_MS / 1000 + 5)
  })

  test('the verify URL accepts and never answers: the check fails at the deadline and the release is rolled back', async () => {
    await given([])
    const app = await silentServer()
    const run = await timed(runAction(inputs({ 'verify-url': `${app.url}/health` })))
    await app.close()
    expect(run.exitCode).toBe(1)
    expect(app.seen.length).toBeGreaterThan(0)
    expect(run.summary).toContain('/health` answered no answer')
    expect(run.summary).toContain('Rollback: asked ECS to roll the service back to web:1')
    expect(run.seconds).toBeLessThan(LIMIT_S)
  })

  test('verify-command that never ends is stopped at verify-timeout with its whole process group; the release is rolled back', async () => {
    await given([])
    const marker = `${300 + Math.floor(Math.random() * 600)}`
    const run = await timed(
      runAction(
        inputs({
          'verify-command': `sh -c "sleep ${marker} & sleep ${marker}"`,
          'verify-timeout': '2',
          'timeout-minutes': '1',
        }),
      ),
    )
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain('verify-command did not finish within verify-timeout (2 s); it was stopped')
    expect(run.seconds).toBeLessThan(40)
    const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() === `sleep ${marker}`)
    expect(left).toEqual([])
  })
})

describe('signals', () => {
  test('SIGTERM twice: the first starts the timeout path, the second exits at once, non-zero, with the summary and outputs', async () => {
    // The rollout's reads hang, and so does the rollback request the first SIGTERM makes.
    await given([{ operation: 'ecs:*', mode: 'hang', afterCall: 'ecs:UpdateService' }], {
      rollout: { outcome: 'stuck-pending' },
    })
    const files = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-signal-'))
    const summary = path.join(files, 'summary')
    const output = path.join(files, 'output')
    writeFileSync(summary, '')
    writeFileSync(output, '')
    writeFileSync(path.join(files, 'state'), '')
    writeFileSync(path.join(files, 'event.json'), '{}')
    const env = Object.fromEntries(
      Object.entries(inputs({ 'timeout-minutes': '5' })).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
    )
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/index.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        ...loadStack(),
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: ROOT,
        GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
        GITHUB_REPOSITORY: 'acme/web',
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        GITHUB_STATE: path.join(files, 'state'),
        GITHUB_EVENT_PATH: path.join(files, 'event.json'),
        ...env,
      },
    })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
    const until = async (pattern: RegExp): Promise<void> => {
      for (let i = 0; i < 300 && !pattern.test(stdout); i++) await new Promise((r) => setTimeout(r, 100))
    }
    await until(/started deployment/)
    await new Promise((r) => setTimeout(r, 1500))
    child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 500))
    const second = Date.now()
    child.kill('SIGTERM')
    const code = await exited
    expect(Date.now() - second).toBeLessThan(2000)
    expect(code).toBe(1)
    expect(stdout).toMatch(
      /::error::The run was stopped by a second SIGTERM; still waiting for ecs:(StopServiceDeployment|UpdateService) \(no answer\)\./,
    )
    expect(readFileSync(summary, 'utf8')).toContain('The run was stopped by a second SIGTERM')
    expect(readFileSync(output, 'utf8')).toContain('status<<')
  })
})

// The real world is not polite: endpoints that hang, and outside text that looks like workflow commands.
import { ECSClient } from '@aws-sdk/client-ecs'
import { request as httpRequest, createServer as createHttpServer, type IncomingMessage } from 'node:http'
import { createServer, type Server, type Socket } from 'node:net'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { GRACE_MS } from '../../src/aws/clients.js'
import { runAction as runWithInputs, workspaceDir, movedToConfig } from './action.js'
import { givenWebService, ScenarioAdmin, useStack, webTaskDefinition, type StackEnv } from './stack.js'

/** Runs the action with the settings that moved to the config file written there (issue 22). */
const runAction = (inputs: Record<string, string>, env?: Record<string, string>): ReturnType<typeof runWithInputs> =>
  runWithInputs(movedToConfig(inputs), env)

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
const dir = workspaceDir('e2e-hostile-')

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({ region: stack.AWS_REGION })
})

afterAll(() => ecs?.destroy())

/** Service web on web:1 without a circuit breaker, logging to /ecs/web. */
function givenService(): Promise<void> {
  return givenWebService(stack, admin, ecs, { logGroup: true, circuitBreaker: { enable: false, rollback: false } })
}

function template(): string {
  const file = path.join(dir, `td-${Math.random().toString(36).slice(2)}.json`)
  const definition = webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:placeholder`, {
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
    },
  })
  writeFileSync(file, JSON.stringify(definition))
  return path.relative(path.resolve(import.meta.dirname, '../..'), file)
}

const inputs = (overrides: Record<string, string> = {}) => ({
  cluster: 'prod',
  service: 'web',
  'task-definition': template(),
  image: `${stack.STACK_REGISTRY}/web:v2`,
  ...overrides,
})

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

/** Forwards to `upstream` until `goSilent(target)` says so, then accepts requests and never answers them. */
function silentAfter(upstream: string, goSilent: (target: string) => boolean): Server {
  let silent = false
  return createHttpServer((req: IncomingMessage, res) => {
    if (silent) return
    const target = String(req.headers['x-amz-target'] ?? '')
    const forwarded = httpRequest(
      new URL(req.url ?? '/', upstream),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 500, answer.headers)
        answer.pipe(res)
        if (goSilent(target)) silent = true
      },
    )
    req.pipe(forwarded)
  })
}

describe('hung connections', () => {
  const timeoutSeconds = 6

  test('ECS accepts connections and never answers: the run ends soon after timeout-minutes, with a summary', async () => {
    const endpoint = await listen(createServer(() => undefined))
    const started = Date.now()
    const run = await runAction(inputs({ 'timeout-minutes': '0.1' }), { AWS_ENDPOINT_URL_ECS: endpoint.url })
    const seconds = (Date.now() - started) / 1000
    await endpoint.close()
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      "::error::AWS did not answer ecs:DescribeServices before the run's deadline (timeout-minutes, or the job was cancelled).",
    ])
    expect(run.summary).toContain("AWS did not answer ecs:DescribeServices before the run's deadline")
    expect(seconds).toBeGreaterThanOrEqual(timeoutSeconds - 1)
    expect(seconds).toBeLessThan(timeoutSeconds + 10)
  })

  test('ECS goes silent once the rollout started: timed out, the rollback request is tried, all within timeout + grace', async () => {
    await givenService()
    await admin.scenario({ service: 'web', rollout: { outcome: 'stuck-pending' } })
    const endpoint = await listen(
      silentAfter(stack.AWS_ENDPOINT_URL_ECS, (target) => target.endsWith('.UpdateService')),
    )
    const started = Date.now()
    const run = await runAction(inputs({ 'timeout-minutes': '0.1' }), { AWS_ENDPOINT_URL_ECS: endpoint.url })
    const seconds = (Date.now() - started) / 1000
    await endpoint.close()
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('timed-out')
    expect(run.summary).toContain('## ⏱️ ECS deploy: web timed-out')
    expect(run.summary).toContain('the rollout did not finish within 6 s')
    expect(run.stdout).toMatch(
      /could not read the rollout's state \(AWS did not answer|could not read the rollout's state/,
    )
    expect(seconds).toBeLessThan(timeoutSeconds + GRACE_MS / 1000 + 15)
  })
})

describe('outside text is data', () => {
  const FORGED = [
    '::error::forged annotation',
    '::add-mask::hunter2',
    '::set-output name=status::succeeded',
    '::stop-commands::tok3n',
    '##[error]forged legacy',
  ]

  test("a crashing task's stop reason and log lines reach the log and summary as text, never as commands", async () => {
    await givenService()
    await admin.scenario({
      service: 'web',
      rollout: {
        outcome: 'crash',
        exitCode: 3,
        reason: `Essential container exited\n${FORGED[0]}`,
        logLines: [...FORGED, '```', '</details>[x](https://evil.example)'],
      },
    })
    const run = await runAction(inputs({ 'rollback-on-failure': 'false' }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('failed')
    const commands = run.stdout
      .split(/\r\n|[\n\r]/)
      .filter((line) => line.trimStart().startsWith('::') || line.includes('##['))
    // Our own commands only: groups, the masks of the registry credentials, the one error annotation (whose data may quote the reason).
    expect(commands).not.toContain('::add-mask::hunter2')
    const ours = (line: string): boolean =>
      /^::(group|endgroup|debug|add-mask)::/.test(line) || line.startsWith('::error::Deployment of web failed')
    expect(commands.filter((line) => !ours(line))).toEqual([])
    expect(run.stdout).toContain('\\::error::forged annotation')
    expect(run.summary).toContain('````\n')
    expect(run.summary).toContain('\n::add-mask::hunter2\n')
    // The link is text inside the log lines' code block, whose fence (````) the ``` in them cannot close.
    expect(run.summary).toContain('\n```\n</details>[x](https://evil.example)\n````\n')
    expect(run.summary.split('````')[2]).not.toContain('evil.example')
  })
})

// The verification, previews' GitHub side and the runner's files tried as an attacker would: a hostile branch name, a
// verify host the branch could move, redirects to another origin, answers reflecting secrets, broken runner files and
// an UpdateService answered 500 after it was applied. dist/index.js against the local stack, with a second origin
// (127.0.0.2), a recording shell and a fake GitHub.
import { DescribeServicesCommand, ECSClient, ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runAction as runWithInputs, workspaceDir, movedToConfig } from './action.js'
import { givenWebService, ScenarioAdmin, useStack, webService, type StackEnv } from './stack.js'

/** Runs the action with the settings that moved to the config file written there (issue 22). */
const runAction = (inputs: Record<string, string>, env?: Record<string, string>): ReturnType<typeof runWithInputs> =>
  runWithInputs(movedToConfig(inputs), env)

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
const dir = workspaceDir('e2e-attacker-')

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** An HTTP server on `host` answering with `handler`, remembering every request it got. */
async function origin(host: string, handler: (req: Seen, res: ServerResponse) => void) {
  const seen: Seen[] = []
  const server = createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += String(chunk)
    const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
    seen.push(request)
    handler(request, res)
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const url = `http://${host}:${(server.address() as AddressInfo).port}`
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

const TOKEN = 'tok-5a1f0e9c2b7d4e8f'
const API_KEY = 'k3y-9d8c7b6a5f4e3d2c'
const HEADERS = `Authorization: Bearer ${TOKEN}\nX-Api-Key: ${API_KEY}`
const STOLEN = '{"AccessKeyId":"ASIAIOSFODNN7EXAMPLE","SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}'

/** The log without the runner's own mask commands (which carry the secrets to mask by design). */
const logOf = (stdout: string): string =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({ region: stack.AWS_REGION })
})

afterAll(() => ecs?.destroy())

const givenService = (): Promise<void> => givenWebService(stack, admin, ecs, { timeScale: 10 })
const revisions = async (): Promise<string[]> =>
  (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))).taskDefinitionArns ?? []
const base = () => ({ cluster: 'prod', service: 'web', image: `${stack.STACK_REGISTRY}/web:v2` })

describe('a branch name never runs as a command', () => {
  const pwned = path.join(dir, 'pwned')
  const branch = `fix$(touch\${IFS}${pwned})`

  /** A shell that records what it is asked to run (its arguments and REF_NAME), then runs it. */
  function recordingShell(): { shell: string; record: string } {
    const record = path.join(dir, `shell-${Math.random().toString(36).slice(2)}.log`)
    const shell = path.join(dir, 'recording-sh')
    writeFileSync(
      shell,
      `#!/bin/sh\nfor arg in "$@"; do printf 'arg: %s\\n' "$arg" >> "$RECORD"; done\nprintf 'REF_NAME: %s\\n' "$REF_NAME" >> "$RECORD"\nexec /bin/sh "$@"\n`,
    )
    chmodSync(shell, 0o755)
    return { shell, record }
  }

  test('a placeholder in the script of bash -c is refused with the fix, before anything is registered', async () => {
    await givenService()
    const run = await runAction(
      { ...base(), 'verify-command': 'bash -c "echo deployed ${REF_NAME}"' },
      { GITHUB_REF_NAME: branch },
    )
    expect(run.exitCode).toBe(1)
    expect(run.errors.join('\n')).toContain(
      'Config key `verify.command`: ${REF_NAME} is in the script of `bash -c`, where a filled-in value would run as code. Write "$REF_NAME" instead: the command gets every placeholder as an environment variable, which the shell reads.',
    )
    expect(existsSync(pwned)).toBe(false)
    expect(await revisions()).toHaveLength(1)
  })

  test('"$REF_NAME" read by the shell: the script is as written, the branch is only data', async () => {
    await givenService()
    const { shell, record } = recordingShell()
    const run = await runAction(
      { ...base(), 'verify-command': `${shell} -c 'echo "deployed $REF_NAME at $GITHUB_SHA"'` },
      { GITHUB_REF_NAME: branch, RECORD: record },
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(readFileSync(record, 'utf8')).toBe(
      `arg: -c\narg: echo "deployed $REF_NAME at $GITHUB_SHA"\nREF_NAME: ${branch}\n`,
    )
    expect(run.stdout).toContain(`deployed ${branch} at a1b2c3d4e5f60718293a4b5c6d7e8f9012345678`)
    expect(existsSync(pwned)).toBe(false)
  })
})

describe('the verify host stays the one the URL names', () => {
  test('a branch shaped like a host and a fragment cannot move the check (or its headers) to another host', async () => {
    await givenService()
    const attacker = await origin('127.0.0.2', (_req, res) => res.writeHead(200).end('ok'))
    const port = new URL(attacker.url).port
    try {
      const run = await runAction(
        {
          ...base(),
          'verify-url': `http://\${REF_NAME}.preview.example:${port}/health`,
          'verify-headers': HEADERS,
          'verify-timeout': '2',
          'verify-interval': '0.5',
          'rollback-on-failure': 'false',
        },
        { GITHUB_REF_NAME: `127.0.0.2:${port}/x#` },
      )
      expect(attacker.seen).toEqual([])
      expect(run.exitCode).toBe(1)
      expect(run.outputs.status).toBe('failed')
      expect(run.errors.join('\n')).toContain(
        `verification failed (production): http://127-0-0-2-${port}-x.preview.example:${port}/health answered no answer`,
      )
    } finally {
      await attacker.close()
    }
  })

  test('a value that would give the whole origin is refused when it is not one of `vars`', async () => {
    await givenService()
    const run = await runAction({ ...base(), 'verify-url': '${REF_NAME}/health' }, { GITHUB_REF_NAME: 'main' })
    expect(run.exitCode).toBe(1)
    expect(run.errors.join('\n')).toContain(
      'environments.test.verify.url: must be an http(s) URL like https://${ENVIRONMENT}.example.com/version, not a string',
    )
    expect(await revisions()).toHaveLength(1)
  })
})

describe('redirects and answers keep the secrets', () => {
  test('a redirect within the origin is followed with the headers; one to another origin is not followed at all', async () => {
    await givenService()
    const attacker = await origin('127.0.0.2', (_req, res) => res.writeHead(200).end(STOLEN))
    const app = await origin('127.0.0.1', (req, res) => {
      if (req.url === '/hop') res.writeHead(302, { location: '/health' }).end()
      else if (req.url === '/health') res.writeHead(200).end('ok')
      else res.writeHead(302, { location: `${attacker.url}/latest/meta-data/iam/security-credentials/role` }).end()
    })
    try {
      const run = await runAction({
        ...base(),
        'verify-url': `${app.url}/hop\n${app.url}/away`,
        'verify-headers': HEADERS,
        'verify-timeout': '2',
        'verify-interval': '0.5',
        'rollback-on-failure': 'false',
      })
      expect(attacker.seen).toEqual([])
      const health = app.seen.find((r) => r.url === '/health')
      expect(health?.headers['x-api-key']).toBe(API_KEY)
      expect(run.stdout).toContain(`verified ${app.url}/hop (production): a 2xx answer`)
      expect(run.exitCode).toBe(1)
      expect(run.errors.join('\n')).toContain(
        `verification failed (production): ${app.url}/away answered HTTP 302 (a redirect to another origin (${attacker.url}), not followed)`,
      )
      expect(logOf(run.stdout)).not.toContain('wJalrXUtnFEMI')
    } finally {
      await Promise.all([attacker.close(), app.close()])
    }
  })

  test("an answer reflecting the headers and credentials: quoted without them, and never in GitHub's deployment status", async () => {
    await givenService()
    const github = await origin('127.0.0.1', (req, res) =>
      res
        .writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' })
        .end(req.method === 'GET' ? '[]' : JSON.stringify({ id: 7 })),
    )
    const app = await origin('127.0.0.1', (req, res) =>
      res
        .writeHead(500)
        .end(`you sent ${String(req.headers.authorization)} and ${String(req.headers['x-api-key'])}; ${STOLEN}`),
    )
    try {
      const run = await runAction(
        {
          ...base(),
          environment: 'staging',
          'github-token': 'test-token',
          'verify-url': `${app.url}/reflect`,
          'verify-headers': HEADERS,
          'verify-timeout': '1',
          'verify-interval': '0.5',
          'rollback-on-failure': 'false',
        },
        { GITHUB_API_URL: github.url },
      )
      expect(run.exitCode).toBe(1)
      const log = logOf(run.stdout)
      for (const secret of [TOKEN, API_KEY, 'ASIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI']) {
        expect(log).not.toContain(secret)
        expect(run.summary).not.toContain(secret)
      }
      expect(log).toContain(`${app.url}/reflect answered HTTP 500 "you sent *** and ***;`)
      const statuses = github.seen.filter((r) => /\/deployments\/\d+\/statuses$/.test(r.url))
      expect(statuses.map((r) => JSON.parse(r.body) as Record<string, string>).at(-1)).toMatchObject({
        state: 'failure',
        description: "web failed; the run's log says why",
      })
      for (const r of github.seen) expect(r.body).not.toMatch(/tok-|k3y-|AccessKey|you sent/)
    } finally {
      await Promise.all([github.close(), app.close()])
    }
  })
})

describe("the runner's files", () => {
  test('an unwritable GITHUB_OUTPUT warns, and the summary and the result are still written', async () => {
    await givenService()
    const outputDir = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-output-dir-'))
    const run = await runAction(base(), { GITHUB_OUTPUT: outputDir })
    expect(run.errors).toEqual([])
    expect(run.stdout).not.toContain('Unexpected error')
    expect(run.stdout).toMatch(/::warning::Could not write the step's outputs to GITHUB_OUTPUT \(.*\): EISDIR/)
    expect(run.exitCode).toBe(0)
    expect(run.summary).toContain('ECS deploy: web succeeded')

    const bad = await runAction({ ...base(), service: '' }, { GITHUB_OUTPUT: outputDir })
    expect(bad.exitCode).toBe(1)
    expect(bad.errors).toHaveLength(1)
  })

  test('a malformed GITHUB_EVENT_PATH is an error naming the file', async () => {
    const event = path.join(dir, 'event.json')
    writeFileSync(event, '{"pull_request": {')
    const run = await runAction(base(), { GITHUB_EVENT_PATH: event })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringContaining(`::error::Could not read the event payload GITHUB_EVENT_PATH (${event}): `),
    ])
  })
})

describe('UpdateService applied, then answered 500', () => {
  test('the service is looked at instead of a blind retry: one UpdateService, one new deployment', async () => {
    await givenService()
    let updates = 0
    // Forwards to the stack's ECS; the first UpdateService is carried out there, and its answer replaced by a 500.
    const server = createServer((req, res) => {
      const target = String(req.headers['x-amz-target'] ?? '')
      const forwarded = httpRequest(
        new URL(req.url ?? '/', stack.AWS_ENDPOINT_URL_ECS),
        { method: req.method, headers: req.headers },
        (answer) => {
          if (target.endsWith('.UpdateService') && ++updates === 1) {
            answer.resume()
            res
              .writeHead(500, { 'content-type': 'application/x-amz-json-1.1' })
              .end(JSON.stringify({ __type: 'ServerException', message: 'Internal failure. Please try again.' }))
            return
          }
          res.writeHead(answer.statusCode ?? 500, answer.headers)
          answer.pipe(res)
        },
      )
      req.pipe(forwarded)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const run = await runAction({ ...base(), 'force-new-deployment': 'true' }, { AWS_ENDPOINT_URL_ECS: endpoint })
      expect(run.errors).toEqual([])
      expect(run.exitCode).toBe(0)
      expect(updates).toBe(1)
      const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
      expect(services?.[0]?.deployments?.map((d) => d.status)).toEqual(['PRIMARY'])
      expect((await webService(ecs)).taskDefinition).toMatch(/\/web:2$/)
      expect(await revisions()).toHaveLength(2)
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})

describe('protected environments', () => {
  function workspace(): string {
    const root = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-protected-'))
    mkdirSync(path.join(root, '.github'))
    writeFileSync(
      path.join(root, '.github/ecs-deploy.yml'),
      [
        'environments:',
        '  staging: { branches: [develop], cluster: prod, services: [web] }',
        '  prod: { branches: [main], cluster: prod, services: [web], protected: true }',
      ].join('\n'),
    )
    return root
  }

  test('workflow_dispatch may choose an environment from another ref, but not a protected one', async () => {
    await givenService()
    const root = workspace()
    const dispatch = {
      GITHUB_WORKSPACE: root,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_REF: 'refs/heads/feature/x',
    }
    const image = { image: `${stack.STACK_REGISTRY}/web:v2` }
    const staging = await runAction({ ...image, environment: 'staging', 'dry-run': 'true' }, dispatch)
    expect(staging.errors).toEqual([])
    expect(staging.stdout).toContain(
      'the environment input names staging, chosen by workflow_dispatch on refs/heads/feature/x',
    )

    const prod = await runAction({ ...image, environment: 'prod' }, dispatch)
    expect(prod.exitCode).toBe(1)
    expect(prod.errors.join('\n')).toContain(
      'Environment prod in .github/ecs-deploy.yml is protected: only a ref its branches (main) take deploys there, and workflow_dispatch ran on refs/heads/feature/x. Run the workflow on such a ref, or remove `protected: true`.',
    )
    expect(await revisions()).toHaveLength(1)
  })
})

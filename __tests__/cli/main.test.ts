import { failureLogLines, runCli } from '../../src/cli/main.js'
import type { DeploymentReport } from '../../src/engine/run-report.js'

function io(env: NodeJS.ProcessEnv = {}) {
  const io = { stdout: '', stderr: '' }
  return {
    io,
    cli: {
      env,
      stdout: { write: (t: string) => (io.stdout += t) },
      stderr: { write: (t: string) => (io.stderr += t) },
    },
  }
}

test('the failing containers’ last log lines, which the error promises, are printed', () => {
  const report = {
    service: 'web',
    failures: [
      { container: 'app', logSource: '/ecs/web', logLines: ['listening on 8080', 'Error: DATABASE_URL is not set'] },
      { container: 'sidecar' },
    ],
  } as unknown as DeploymentReport
  expect(failureLogLines([report])).toEqual([
    'web: last log lines of app (/ecs/web):',
    '  listening on 8080',
    '  Error: DATABASE_URL is not set',
  ])
})

test('a bad flag: exit code 2, the error on stderr, nothing on stdout', async () => {
  const { io: out, cli } = io()
  expect(await runCli(['deploy', '--clustr', 'x'], cli)).toBe(2)
  expect(out.stdout).toBe('')
  expect(out.stderr).toBe(
    'Error: Unknown flag --clustr; did you mean --cluster? (ecs-deploy-action help deploy lists its flags).\n',
  )
})

test.each([
  [{}, '\x1b[1mError:\x1b[0m'],
  [{ NO_COLOR: '' }, '\x1b[1mError:\x1b[0m'],
  [{ NO_COLOR: '1' }, 'Error:'],
])(
  'in a terminal with env %j the error starts %j (NO_COLOR set and non-empty: no ANSI styling)',
  async (env, start) => {
    const { io: out, cli } = io(env)
    expect(await runCli(['deploy', '--clustr', 'x'], { ...cli, stderr: { ...cli.stderr, isTTY: true } })).toBe(2)
    expect(out.stderr).toBe(
      `${start} Unknown flag --clustr; did you mean --cluster? (ecs-deploy-action help deploy lists its flags).\n`,
    )
  },
)

test('render from a template with --offline makes no AWS call and prints only the JSON on stdout', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const path = await import('node:path')
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-render-'))
  writeFileSync(
    path.join(dir, 'td.json'),
    JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'x', memory: 256 }] }),
  )
  const { io: out, cli } = io({ GITHUB_WORKSPACE: dir, GITHUB_SHA: 'a'.repeat(40), GITHUB_REF: 'refs/heads/main' })
  // The CLI's workspace is its working directory: templates are read from inside it.
  const before = process.cwd()
  process.chdir(dir)
  let code: number
  try {
    code = await runCli(
      ['render', '--offline', '--service', 'web', '--task-definition', 'td.json', '--image', 'r/web:1'],
      { ...cli, cwd: dir },
    )
  } finally {
    process.chdir(before)
  }
  expect(out.stderr).not.toContain('Error')
  expect(code).toBe(0)
  expect(JSON.parse(out.stdout)).toMatchObject({
    family: 'web',
    containerDefinitions: [{ name: 'web', image: 'r/web:1' }],
  })
})

test('--offline refuses the commands that need AWS, before any call', async () => {
  const { io: out, cli } = io({ AWS_REGION: 'us-east-1' })
  expect(await runCli(['status', '--service', 'web', '--offline'], cli)).toBe(2)
  expect(out.stderr).toBe('Error: --offline: status reads the service from ECS; drop --offline.\n')
  expect(out.stdout).toBe('')
})

// `ecs-deploy-action plan`: the matrix JSON on stdout (data only), the verdicts on stderr, no AWS.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { helpText, parseArgs } from '../../src/cli/args.js'
import { runCli } from '../../src/cli/main.js'

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-plan-'))
  mkdirSync(path.join(dir, '.github'))
  writeFileSync(
    path.join(dir, '.github/ecs-deploy.yml'),
    [
      'environments:',
      '  dev: { branches: [develop], cluster: dev, services: [web] }',
      '  prod: { tags: ["v*"], cluster: prod, services: [web], regions: [us-east-1, eu-west-1] }',
    ].join('\n'),
  )
  return dir
}

async function plan(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out = { stdout: '', stderr: '' }
  const dir = workspace()
  const code = await runCli(['plan', ...argv], {
    env: { GITHUB_WORKSPACE: dir, GITHUB_SHA: 'a'.repeat(40), ...env },
    cwd: dir,
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
  })
  return { code, ...out }
}

test('--ref of a tag: one entry per region on stdout, each verdict on stderr', async () => {
  const run = await plan(['--ref', 'refs/tags/v1.0.0'])
  expect(run.code).toBe(0)
  expect(JSON.parse(run.stdout)).toEqual({
    include: [
      { environment: 'prod', cluster: 'prod', services: 'web', region: 'us-east-1', needs: [] },
      { environment: 'prod', cluster: 'prod', services: 'web', region: 'eu-west-1', needs: [] },
    ],
  })
  expect(run.stderr).toContain('dev: ref refs/tags/v1.0.0 matches none of its branches (develop)')
  expect(run.stderr).toContain('prod: ref refs/tags/v1.0.0 matches its tag pattern v*')
})

test('the ref from the CI (GITHUB_REF) when --ref is not given', async () => {
  const run = await plan([], { GITHUB_REF: 'refs/heads/develop' })
  expect(JSON.parse(run.stdout).include.map((e: { environment: string }) => e.environment)).toEqual(['dev'])
})

test('an environment not in the config: exit 2, the nearest name, nothing on stdout', async () => {
  const run = await plan(['--environment', 'prdo', '--ref', 'refs/heads/main'])
  expect(run.code).toBe(2)
  expect(run.stdout).toBe('')
  expect(run.stderr).toContain(
    'Error: --environment "prdo" is not an environment in .github/ecs-deploy.yml; did you mean prod?',
  )
})

test('plan takes only the flags it reads; deploy does not take --mode', () => {
  expect(helpText('plan')).toContain('--config')
  expect(helpText('plan')).not.toContain('--service')
  expect(() => parseArgs(['plan', '--service', 'web'])).toThrow(
    /plan does not take --service: deploy, render, diff, drift, status, rollback, preview, init take it/,
  )
  expect(() => parseArgs(['deploy', '--mode', 'plan'])).toThrow(/Unknown flag --mode/)
})

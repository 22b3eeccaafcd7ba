#!/usr/bin/env node
// Runs dist/index.js as the GitHub runner runs a `uses:` step, against the local stack:
//
//   node test/stack/run-step.mjs STEP.yml [--ref refs/heads/main] [--sha SHA] [--event push]
//
// STEP.yml is the step as in a workflow (`with:` and optional `env:`), or just the `with:` block. Each input becomes
// INPUT_<NAME> as the runner sets it (upper case, spaces to `_`, hyphens kept: INPUT_TASK-DEFINITION, which bash cannot
// `export`; `${{ env.NAME }}` is expanded, e.g. ${{ env.STACK_REGISTRY }}); the GitHub context is filled in (GITHUB_* variables; the event, output, state and summary files in a
// temporary directory); the stack's AWS endpoints come from .stack/env.json. The working directory is the workspace.
// A top-level `config:` block is the repository's config file (.github/ecs-deploy.yml): where the settings that are not
// inputs live (strategy, verify, service settings…). It is written, `${{ env.NAME }}` expanded, into the workspace
// (build/run-step/ecs-deploy.yml) and given as the `config` input.
// Prints the outputs and the job summary at the end; exits with the action's exit code.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parse as parseYaml, stringify as toYaml } from 'yaml'

const ROOT = path.resolve(import.meta.dirname, '../..')
const USAGE = 'usage: node test/stack/run-step.mjs STEP.yml [--ref refs/heads/BRANCH] [--sha SHA] [--event NAME]'

function fail(message) {
  process.stderr.write(`run-step: error: ${message}\n`)
  process.exit(2)
}

/** The `with:` inputs and `env:` of the step file, as strings (YAML's true/5 are the runner's "true"/"5"). */
export function readStep(file) {
  let step
  try {
    step = parseYaml(readFileSync(file, 'utf8'))
  } catch (error) {
    fail(`${file}: ${error.message}`)
  }
  if (typeof step !== 'object' || step === null || Array.isArray(step))
    fail(`${file}: expected a step (with a \`with:\` block) or the \`with:\` block itself, as a YAML mapping`)
  const block = (value, name) => {
    if (value === undefined || value === null) return {}
    if (typeof value !== 'object' || Array.isArray(value)) fail(`${file}: \`${name}:\` must be a mapping`)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))
  }
  const isStep = 'with' in step || 'uses' in step || 'env' in step || 'config' in step
  if (
    step.config !== undefined &&
    (typeof step.config !== 'object' || step.config === null || Array.isArray(step.config))
  )
    fail(`${file}: \`config:\` must be a mapping (the config file's content, with its \`environments:\`)`)
  return {
    inputs: block(isStep ? step.with : step, 'with'),
    env: isStep ? block(step.env, 'env') : {},
    ...(isStep && step.config !== undefined && { config: toYaml(step.config) }),
  }
}

/** The GITHUB_OUTPUT file's `name<<delimiter` blocks (and `name=value` lines). */
export function parseOutputs(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const block = /^([^<=]+)<<(.+)$/.exec(lines[i])
    const line = /^([^<=]+)=(.*)$/.exec(lines[i])
    if (line) outputs[line[1]] = line[2]
    if (!block) continue
    const value = []
    while (++i < lines.length && lines[i] !== block[2]) value.push(lines[i])
    outputs[block[1]] = value.join('\n')
  }
  return outputs
}

/** `${{ env.NAME }}` in the step's values, as the runner expands it (from the environment and the stack's). */
export function expandEnv(step, env) {
  const expand = (values) =>
    Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        v.replace(/\$\{\{\s*env\.(\w+)\s*\}\}/g, (_, name) => env[name] ?? ''),
      ]),
    )
  const expandText = (text) => text.replace(/\$\{\{\s*env\.(\w+)\s*\}\}/g, (_, name) => env[name] ?? '')
  return {
    inputs: expand(step.inputs),
    env: expand(step.env),
    ...(step.config !== undefined && { config: expandText(step.config) }),
  }
}

function git(...args) {
  try {
    return execFileSync('git', args, {
      cwd: process.cwd(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return ''
  }
}

function stackEnv() {
  const file = path.join(process.env.STACK_STATE_DIR ?? path.join(ROOT, '.stack'), 'env.json')
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    fail(`local stack not running (no ${file}): run test/stack/stack.sh start`)
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { ref: { type: 'string' }, sha: { type: 'string' }, event: { type: 'string' } },
  })
  if (positionals.length !== 1) fail(USAGE)
  const stack = stackEnv()
  const { inputs, env, config } = expandEnv(readStep(positionals[0]), { ...process.env, ...stack })
  if (config !== undefined) {
    const file = path.join('build', 'run-step', 'ecs-deploy.yml')
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, config)
    inputs.config ??= file
  }
  const branch = git('rev-parse', '--abbrev-ref', 'HEAD')
  const ref = values.ref ?? (branch && branch !== 'HEAD' ? `refs/heads/${branch}` : 'refs/heads/main')
  const sha = values.sha ?? (git('rev-parse', 'HEAD') || '0'.repeat(40))
  const event = values.event ?? 'push'
  const dir = mkdtempSync(path.join(tmpdir(), 'run-step-'))
  const files = {
    GITHUB_OUTPUT: 'output',
    GITHUB_STEP_SUMMARY: 'summary.md',
    GITHUB_STATE: 'state',
    GITHUB_ENV: 'env',
    GITHUB_PATH: 'path',
    GITHUB_EVENT_PATH: 'event.json',
  }
  const at = (name) => path.join(dir, files[name])
  for (const name of Object.keys(files)) writeFileSync(at(name), '')
  writeFileSync(at('GITHUB_EVENT_PATH'), JSON.stringify({ ref, after: sha }) + '\n')
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/index.js')], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...stack,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: process.cwd(),
      GITHUB_SHA: sha,
      GITHUB_REF: ref,
      GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
      GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      GITHUB_REPOSITORY: `local/${path.basename(process.cwd())}`,
      GITHUB_EVENT_NAME: event,
      GITHUB_RUN_ID: String(Date.now()),
      GITHUB_RUN_NUMBER: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'deploy',
      GITHUB_SERVER_URL: 'https://github.com',
      ...Object.fromEntries(Object.keys(files).map((name) => [name, at(name)])),
      ...env,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v])),
    },
  })
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)))
  const outputs = parseOutputs(readFileSync(at('GITHUB_OUTPUT'), 'utf8'))
  const lines = Object.entries(outputs).map(([name, value]) => `${name}: ${value}\n`)
  process.stdout.write(`\n--- outputs (${at('GITHUB_OUTPUT')}) ---\n${lines.join('')}`)
  process.stdout.write(
    `\n--- job summary (${at('GITHUB_STEP_SUMMARY')}) ---\n${readFileSync(at('GITHUB_STEP_SUMMARY'), 'utf8')}`,
  )
  process.exit(code)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()

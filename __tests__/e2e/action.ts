import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { configWith } from '../helpers/config-file.js'
import { MOVED_INPUTS } from '../../src/settings/moved.js'
import { loadStack } from './stack.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
export interface ActionRun {
  exitCode: number
  stdout: string
  outputs: Record<string, string>
  /** The `result` output, parsed: every value by its former output's name. */
  result: Record<string, string>
  summary: string
  /** Lines the runner would show as error annotations. */
  errors: string[]
}

/** A fresh directory inside the workspace (build/, ignored by git): the action reads files from nowhere else. */
export function workspaceDir(prefix: string): string {
  mkdirSync(path.join(ROOT, 'build'), { recursive: true })
  return mkdtempSync(path.join(ROOT, 'build', prefix))
}

/** Parses the GITHUB_OUTPUT file format (`name<<delimiter` blocks). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '')
    outputs[name as string] = value.join('\n')
  }
  return outputs
}

/** Runs dist/index.js exactly as the runner does: INPUT_* variables, GITHUB_* files, the stack's AWS endpoints. */
export async function runAction(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-e2e-'))
  const files = {
    GITHUB_OUTPUT: 'output',
    GITHUB_STEP_SUMMARY: 'summary',
    GITHUB_STATE: 'state',
    GITHUB_ENV: 'env',
    GITHUB_EVENT_PATH: 'event.json',
  }
  for (const name of Object.values(files)) writeFileSync(path.join(dir, name), name === 'event.json' ? '{}' : '')
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/index.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      ...loadStack(),
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: ROOT,
      GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_REPOSITORY: 'acme/web',
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_NUMBER: '7',
      GITHUB_EVENT_NAME: 'push',
      ...Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)])),
      ...inputEnv,
      ...env,
    },
  })
  let stdout = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()))
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)))
  const outputs = parseOutputs(readFileSync(path.join(dir, 'output'), 'utf8'))
  return {
    exitCode,
    stdout,
    outputs,
    result: outputs.result === undefined ? {} : (JSON.parse(outputs.result) as Record<string, string>),
    summary: readFileSync(path.join(dir, 'summary'), 'utf8'),
    errors: stdout.split('\n').filter((l) => l.startsWith('::error')),
  }
}

/**
 * The inputs with a config file (in build/, inside the workspace) whose one environment (`test`, or the `environment` input's) takes every branch
 * and has these keys: the settings that moved from the inputs to the file (issue 22).
 */
export function withConfig<T extends Record<string, string>>(inputs: T, keys: string): T & { config: string } {
  return { ...inputs, ...configWith(keys, inputs.environment ?? 'test') }
}

/**
 * The inputs with each moved one (settings/moved.ts) written at its config key instead, as a user migrating a
 * workflow does: numbers and booleans as YAML scalars, line lists as lists. `continue` becomes its `mode`.
 */
export function movedToConfig(inputs: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {}
  const blocks = new Map<string, string[]>()
  for (const [name, value] of Object.entries(inputs)) {
    const to = MOVED_INPUTS[name]
    if (name === 'continue') kept.mode = value === 'rollback' ? 'rollback-paused' : 'continue'
    else if (name === 'register-only') kept.mode = 'register-only'
    else if (!to?.key.startsWith('environments.<name>.')) kept[name] = value
    else {
      const [block, key] = to.key.replace('environments.<name>.', '').split('.') as [string, string | undefined]
      const line = key === undefined ? `${block}: ${scalar(value)}` : `${key}: ${scalar(value)}`
      const group = key === undefined ? '' : block
      blocks.set(group, [...(blocks.get(group) ?? []), line])
    }
  }
  if (!blocks.size) return kept
  const lines = [...blocks].flatMap(([block, items]) => (block ? [`${block}: { ${items.join(', ')} }`] : items))
  return withConfig(kept, lines.join('\n'))
}

/** A value as YAML: a number, a boolean, a list (one item a line, or comma separated), JSON as it is, else a string. */
function scalar(value: string): string {
  const text = value.trim()
  if (/^-?\d+(\.\d+)?$/.test(text) || /^(true|false)$/.test(text) || /^[[{]/.test(text)) return text
  if (text.includes('\n'))
    return `[${text
      .split('\n')
      .map((item) => JSON.stringify(item.trim()))
      .join(', ')}]`
  return JSON.stringify(text)
}

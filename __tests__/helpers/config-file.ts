// The settings that moved from the inputs to the config file (issue 22), given to a test run as the runner would
// read them: a config file in the workspace (build/, ignored by git) with one environment that takes every branch.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')

/**
 * `{ config: <path> }` for a file whose one environment, `name`, has these keys (YAML, one key a line). The file picks
 * the environment by the branch, so the run gets one (GITHUB_REF, when the test has not set it).
 */
export function configWith(keys: string, name = 'test'): { config: string } {
  process.env.GITHUB_REF ??= 'refs/heads/main'
  mkdirSync(path.join(ROOT, 'build'), { recursive: true })
  const dir = mkdtempSync(path.join(ROOT, 'build', 'config-'))
  const file = path.join(dir, 'ecs-deploy.yml')
  const body = keys
    .trim()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')
  writeFileSync(file, `environments:\n  ${name}:\n    branches: ['**']\n${body}\n`)
  return { config: path.relative(ROOT, file) }
}

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config/load.js'
import { ConfigError } from '../../src/config/problems.js'
import { UserError } from '../../src/errors.js'

let workspace: string
beforeEach(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'config-'))
  await mkdir(path.join(workspace, '.github'))
})
afterEach(() => rm(workspace, { recursive: true, force: true }))

test('reads the file relative to the workspace', async () => {
  await writeFile(path.join(workspace, '.github/ecs-deploy.yml'), 'environments:\n  dev: { branches: [develop] }\n')
  await expect(loadConfig('.github/ecs-deploy.yml', { workspace, required: false })).resolves.toMatchObject({
    file: '.github/ecs-deploy.yml',
    environments: [{ name: 'dev', branches: ['develop'] }],
  })
})

test('no file at the default path: no config', async () => {
  await expect(loadConfig('.github/ecs-deploy.yml', { workspace, required: false })).resolves.toBeUndefined()
})

test('a file the user named must exist', async () => {
  await expect(loadConfig('deploy.yml', { workspace, required: true })).rejects.toThrow(
    new UserError(
      `Config file deploy.yml was not found (looked for ${path.join(workspace, 'deploy.yml')}): check the \`config\` input, and that actions/checkout runs before this step.`,
    ),
  )
})

test('problems name the file as the user wrote it', async () => {
  await writeFile(path.join(workspace, '.github/ecs-deploy.yml'), 'environments:\n  dev: { clustr: dev }\n')
  await expect(loadConfig('.github/ecs-deploy.yml', { workspace, required: false })).rejects.toThrow(
    new ConfigError([{ file: '.github/ecs-deploy.yml', line: 2, message: '.github/ecs-deploy.yml:2: environments.dev.clustr is not a known key; did you mean "cluster"?' }]),
  )
})

test('a directory is not a config file', async () => {
  await expect(loadConfig('.github', { workspace, required: true })).rejects.toThrow(/EISDIR/)
})

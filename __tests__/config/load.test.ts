import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config/read.js'
import { UserError } from '../../src/common/errors.js'

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
    new UserError('.github/ecs-deploy.yml, line 2, environments.dev.clustr: unknown key; did you mean cluster?'),
  )
})

test('a directory is not a config file', async () => {
  await expect(loadConfig('.github', { workspace, required: true })).rejects.toThrow(/EISDIR/)
})

test('a config file out of the workspace is refused, naming the input: by path or through a symlink', async () => {
  const outside = await mkdtemp(path.join(os.tmpdir(), 'outside-'))
  await writeFile(path.join(outside, 'deploy.yml'), 'environments: {}\n')
  await symlink(path.join(outside, 'deploy.yml'), path.join(workspace, '.github/ecs-deploy.yml'))
  await expect(loadConfig(path.join(outside, 'deploy.yml'), { workspace, required: true })).rejects.toThrow(
    new UserError(
      `Input \`config\` must name a path inside the workspace (${workspace}); ${path.join(outside, 'deploy.yml')} leads outside it.`,
    ),
  )
  await expect(loadConfig('.github/ecs-deploy.yml', { workspace, required: false })).rejects.toThrow(
    new UserError(
      `Input \`config\` must name a path inside the workspace (${workspace}); .github/ecs-deploy.yml leads outside it (through a symlink, to ${path.join(outside, 'deploy.yml')}).`,
    ),
  )
})

test('a YAML alias bomb is refused with the file and line', async () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    '',
  ].join('\n')
  await writeFile(path.join(workspace, 'deploy.yml'), bomb)
  await expect(loadConfig('deploy.yml', { workspace, required: true })).rejects.toThrow(
    new UserError(
      'deploy.yml:2: its YAML aliases expand more than 100 times (the first alias is on this line); refused, as such a file can exhaust memory. Write the values out, or use fewer aliases.',
    ),
  )
})

test('a file that is one plain string is reported without quoting it', async () => {
  await writeFile(path.join(workspace, 'deploy.yml'), 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\n')
  await expect(loadConfig('deploy.yml', { workspace, required: true })).rejects.toThrow(
    new UserError('deploy.yml, must be a mapping (key: value lines), not a string'),
  )
})

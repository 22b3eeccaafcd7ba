import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { insideWorkspace } from '../src/common/workspace-path.js'

describe('insideWorkspace', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'workspace-path-'))
  const workspace = path.join(root, 'ws')
  mkdirSync(path.join(workspace, '.aws'), { recursive: true })
  writeFileSync(path.join(workspace, '.aws/td.json'), '{}')
  writeFileSync(path.join(root, 'secret.json'), '{}')
  symlinkSync(path.join(workspace, '.aws'), path.join(workspace, 'aws-link'))
  symlinkSync(root, path.join(workspace, 'up'))

  test.each([
    ['.aws/td.json', '.aws/td.json'],
    ['..hidden/td.json', '..hidden/td.json'],
    ['aws-link/td.json', 'aws-link/td.json'],
    ['build/artifacts/new', 'build/artifacts/new'],
    [path.join(workspace, '.aws/td.json'), '.aws/td.json'],
    ['.', ''],
  ])('%s stays inside: %s', async (value, relative) => {
    await expect(insideWorkspace('task-definition', value, workspace)).resolves.toBe(path.join(workspace, relative))
  })

  test.each([
    ['../secret.json', '../secret.json leads outside it.'],
    [path.join(root, 'secret.json'), `${path.join(root, 'secret.json')} leads outside it.`],
    ['up/secret.json', `up/secret.json leads outside it (through a symlink, to ${path.join(root, 'secret.json')}).`],
    ['up/new-dir/file', `up/new-dir/file leads outside it (through a symlink, to ${path.join(root, 'new-dir/file')}).`],
  ])('%s is refused, naming the input', async (value, end) => {
    await expect(insideWorkspace('artifacts-dir', value, workspace)).rejects.toThrow(
      `Config key \`artifacts-dir\` must name a path inside the workspace (${workspace}); ${end}`,
    )
  })
})

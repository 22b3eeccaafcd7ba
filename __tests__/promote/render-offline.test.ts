// `render` works offline from a template; a promoted environment's images only ECS knows, so it says to use `diff`.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readGitContext } from '../../src/common/git-context.js'
import { render } from '../../src/engine/index.js'
import { getInputs } from '../../src/settings/inputs.js'
import type { Log } from '../../src/common/log.js'

test('render refuses a promoted environment, before any AWS call', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'render-promoted-'))
  mkdirSync(path.join(dir, '.github'))
  writeFileSync(
    path.join(dir, '.github/ecs-deploy.yml'),
    'environments:\n  qa: { cluster: qa, services: [web] }\n  prod: { branches: [main], cluster: prod, services: [web], promote-from: qa }\n',
  )
  writeFileSync(
    path.join(dir, 'td.json'),
    JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'x', memory: 256 }] }),
  )
  const values: Record<string, string> = { 'task-definition': path.join(dir, 'td.json') }
  const quiet = { info: () => undefined, warning: () => undefined, secret: () => undefined }
  const inputs = getInputs((name) => values[name] ?? '', quiet)
  const log = { info: () => undefined } as unknown as Log
  await expect(
    render(
      { inputs, git: { ...readGitContext({}), workspace: dir }, event: { name: 'push', ref: 'refs/heads/main' } },
      log,
    ),
  ).rejects.toThrow(
    "Environment prod is promoted from qa: its images are the ones qa's services run, which only ECS can say. Use `diff` (or a dry run) to render it with them.",
  )
})

// ncc emits ESM; Node needs a package.json marking each bundle (the action's and the CLI's) as a module. The CLI's is
// also the manifest of the npm package `npm run pack:cli` makes of dist/cli/: the bundle and nothing else, so it has
// no dependencies (`npx ecs-deploy-action` downloads one file, not the SDKs the bundle already holds).
import { readFileSync, writeFileSync } from 'node:fs'

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const write = (dir, manifest) =>
  writeFileSync(new URL(`../dist/${dir}package.json`, import.meta.url), JSON.stringify(manifest, null, 2) + '\n')

write('', { type: 'module' })
write('cli/', {
  name: root.name,
  version: root.version,
  description:
    'The command line of ecs-deploy-action: build, register and roll out to Amazon ECS, outside GitHub Actions.',
  license: root.license,
  type: 'module',
  bin: { [root.name]: 'index.js' },
  engines: root.engines,
  ...(root.repository && { repository: root.repository }),
})

// ncc emits ESM; Node needs this marker beside each bundle (the action's and the CLI's) to load it as a module.
import { writeFileSync } from 'node:fs'
for (const dir of ['../dist/', '../dist/cli/']) {
  writeFileSync(new URL(`${dir}package.json`, import.meta.url), JSON.stringify({ type: 'module' }, null, 2) + '\n')
}

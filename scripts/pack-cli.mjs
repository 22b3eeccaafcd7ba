// Packs the CLI as an npm package: dist/cli/ (the bundle and its manifest, written by `npm run bundle`), the license
// and a short README, nothing else — no dependencies. `node scripts/pack-cli.mjs [destination]` (default build/)
// prints the tarball's path; `npm publish <tarball>` publishes it.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const manifest = JSON.parse(readFileSync(path.join(root, 'dist/cli/package.json'), 'utf8'))
if (manifest.name === undefined || manifest.dependencies !== undefined) {
  console.error('dist/cli/package.json is not the CLI package manifest: run `npm run bundle` first.')
  process.exit(1)
}
const destination = path.resolve(process.argv[2] ?? path.join(root, 'build'))
const stage = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-cli-'))
try {
  cpSync(path.join(root, 'dist/cli'), stage, { recursive: true })
  cpSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'))
  writeFileSync(
    path.join(stage, 'README.md'),
    `# ${manifest.name} (command line)\n\n${manifest.description}\n\n` +
      '```sh\nnpx --yes ecs-deploy-action@' +
      manifest.version.split('.')[0] +
      ' deploy --cluster prod --service web --build . --image 123456789012.dkr.ecr.us-east-1.amazonaws.com/web\n' +
      'npx ecs-deploy-action help deploy\n```\n\n' +
      'The bundle alone, no dependencies. The commands, flags and exit codes: see the project README, "The command line".\n',
  )
  mkdirSync(destination, { recursive: true })
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: stage, encoding: 'utf8' }),
  )
  console.log(path.join(destination, packed.filename))
} finally {
  rmSync(stage, { recursive: true, force: true })
}

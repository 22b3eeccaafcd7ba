// The CLI as npm publishes it (`npm run pack:cli` of the fresh bundle): installed into an empty directory with no
// network, it brings nothing but itself, and runs — --version, --help, and an offline render of a template.
import { execFileSync } from 'node:child_process'
import { lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
/** The bundle is ~2 MB; the SDKs and @actions/* it was made from are ~51 MB. */
const MAX_INSTALLED_BYTES = 4 * 1024 * 1024

const dir = mkdtempSync(path.join(tmpdir(), 'cli-package-'))
const run = (command: string, args: string[]): string =>
  execFileSync(command, args, {
    cwd: dir,
    encoding: 'utf8',
    // No AWS or GitHub setting from the environment reaches the CLI: it runs offline.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_cache: path.join(dir, '.npm') },
  })

function sizeOf(file: string): number {
  const stat = lstatSync(file) // .bin/ecs-deploy-action is a link to the bundle, not a second copy
  if (!stat.isDirectory()) return stat.size
  return readdirSync(file).reduce((sum, name) => sum + sizeOf(path.join(file, name)), 0)
}

let tarball: string
beforeAll(() => {
  tarball = execFileSync('node', [path.join(ROOT, 'scripts/pack-cli.mjs'), dir], { encoding: 'utf8' }).trim()
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball])
}, 120000)

test('the package declares no dependencies and installs only itself, the bundle', () => {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'node_modules/ecs-deploy-action/package.json'), 'utf8'))
  expect(manifest).toMatchObject({
    name: 'ecs-deploy-action',
    version: pkg.version,
    bin: { 'ecs-deploy-action': 'index.js' },
  })
  expect(manifest.dependencies).toBeUndefined()
  expect(readdirSync(path.join(dir, 'node_modules')).sort()).toEqual([
    '.bin',
    '.package-lock.json',
    'ecs-deploy-action',
  ])
  expect(readdirSync(path.join(dir, 'node_modules/ecs-deploy-action')).sort()).toEqual(
    expect.arrayContaining(['LICENSE', 'README.md', 'index.js', 'package.json']),
  )
  const installed = sizeOf(path.join(dir, 'node_modules'))
  expect(installed).toBeLessThan(MAX_INSTALLED_BYTES)
  console.log(`CLI package: tarball ${statSync(tarball).size} bytes, installed ${installed} bytes`)
})

test('npx ecs-deploy-action --version prints the version of package.json', () => {
  expect(run('npx', ['--offline', 'ecs-deploy-action', '--version'])).toBe(`${pkg.version}\n`)
})

test('npx ecs-deploy-action --help lists the commands', () => {
  const help = run('npx', ['--offline', 'ecs-deploy-action', '--help'])
  expect(help).toMatch(/^Usage: ecs-deploy-action <command> \[flags\]/)
  for (const command of ['deploy', 'render', 'diff', 'status', 'rollback', 'preview'])
    expect(help).toContain(`  ${command} `)
})

test('the installed CLI renders a task definition offline', () => {
  writeFileSync(
    path.join(dir, 'td.json'),
    JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'placeholder', essential: true }] }),
  )
  const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1'
  const rendered = run('npx', [
    '--offline',
    'ecs-deploy-action',
    'render',
    '--offline',
    '--service',
    'web',
    '--task-definition',
    'td.json',
    '--image',
    image,
  ])
  expect(JSON.parse(rendered)).toEqual({
    family: 'web',
    containerDefinitions: [{ name: 'web', image, essential: true }],
  })
})

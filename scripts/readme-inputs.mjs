// Regenerates the README's inputs table from the settings table (src/settings.ts, the one the action and the CLI read)
// and its outputs table from action.yml. `--check` exits 1 when out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import ts from 'typescript'
import { parse } from 'yaml'

const root = new URL('../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8'))

/** The settings table, read from its source (settings.ts imports nothing, so transpiling it alone is enough). */
async function loadSettings() {
  const source = readFileSync(new URL('src/settings.ts', root), 'utf8')
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  })
  const { SETTINGS } = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`)
  return SETTINGS
}
const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')

/** One row a setting, in the table's order: name, description, default (none: empty). */
export function inputsTable(settings) {
  const rows = settings.map(
    (s) => `| \`${s.name}\` | ${cell(s.description)} | ${s.default !== undefined ? `\`${cell(s.default)}\`` : ''} |`,
  )
  return ['| input | description | default |', '| --- | --- | --- |', ...rows].join('\n')
}

export function outputsTable(outputs) {
  return [
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(outputs).map(([n, o]) => `| \`${n}\` | ${cell(o.description)} |`),
  ].join('\n')
}

function replaceBetween(text, marker, body) {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to === -1) throw new Error(`README.md has no ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`
}

const readmeUrl = new URL('README.md', root)
const readme = readFileSync(readmeUrl, 'utf8')
const fresh = replaceBetween(
  replaceBetween(readme, 'inputs', inputsTable(await loadSettings())),
  'outputs',
  outputsTable(action.outputs),
)
if (process.argv.includes('--check')) {
  if (fresh !== readme) {
    console.error('README.md tables differ from src/settings.ts (inputs) or action.yml (outputs): run `npm run docs`.')
    process.exit(1)
  }
} else {
  writeFileSync(readmeUrl, fresh)
}

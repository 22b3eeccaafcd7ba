// Regenerates the README's inputs and outputs tables from action.yml, which a unit test (__tests__/settings.test.ts)
// keeps in step with the settings table (src/settings.ts) that the action and the CLI read. `--check` exits 1 when out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const root = new URL('../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8'))
const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')

export function inputsTable(inputs) {
  const rows = Object.entries(inputs).map(
    ([name, i]) =>
      `| \`${name}\` | ${cell(i.description)} | ${i.default !== undefined ? `\`${cell(i.default)}\`` : i.required ? '**required**' : ''} |`,
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
  replaceBetween(readme, 'inputs', inputsTable(action.inputs)),
  'outputs',
  outputsTable(action.outputs),
)
if (process.argv.includes('--check')) {
  if (fresh !== readme) {
    console.error('README.md tables differ from action.yml: run `npm run docs`.')
    process.exit(1)
  }
} else {
  writeFileSync(readmeUrl, fresh)
}

// Regenerates what is derived from action.yml (the source of truth): the README's inputs and outputs
// tables, and src/cli/action-inputs.ts (the CLI's flags). `--check` exits 1 when either is out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const root = new URL('../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8'))
const cell = (text) => String(text ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

export function inputsTable(inputs) {
  const rows = Object.entries(inputs).map(
    ([name, i]) => `| \`${name}\` | ${cell(i.description)} | ${i.default !== undefined ? `\`${cell(i.default)}\`` : i.required ? '**required**' : ''} |`,
  )
  return ['| input | description | default |', '| --- | --- | --- |', ...rows].join('\n')
}

export function outputsTable(outputs) {
  return ['| output | description |', '| --- | --- |', ...Object.entries(outputs).map(([n, o]) => `| \`${n}\` | ${cell(o.description)} |`)].join('\n')
}

function replaceBetween(text, marker, body) {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to === -1) throw new Error(`README.md has no ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`
}

function cliInputs(inputs) {
  const specs = Object.entries(inputs).map(([name, i]) => ({
    name,
    description: String(i.description ?? '').replace(/\s+/g, ' ').trim(),
    // The runner fills ${{ … }} defaults; a terminal has no such thing.
    ...(i.default !== undefined && !String(i.default).includes('${{') && { default: String(i.default) }),
  }))
  return [
    '// Generated from action.yml by `npm run docs`: the CLI takes the action\'s inputs as flags.',
    "import type { InputSpec } from './args.js'",
    '',
    `export const ACTION_INPUTS: InputSpec[] = ${JSON.stringify(specs, null, 2)}`,
    '',
  ].join('\n')
}

const readmeUrl = new URL('README.md', root)
const cliUrl = new URL('src/cli/action-inputs.ts', root)
const readme = readFileSync(readmeUrl, 'utf8')
const fresh = replaceBetween(replaceBetween(readme, 'inputs', inputsTable(action.inputs)), 'outputs', outputsTable(action.outputs))
const cli = cliInputs(action.inputs)
const current = (() => {
  try {
    return readFileSync(cliUrl, 'utf8')
  } catch {
    return ''
  }
})()
if (process.argv.includes('--check')) {
  if (fresh !== readme || cli !== current) {
    console.error('README.md tables or src/cli/action-inputs.ts differ from action.yml: run `npm run docs`.')
    process.exit(1)
  }
} else {
  writeFileSync(readmeUrl, fresh)
  writeFileSync(cliUrl, cli)
}

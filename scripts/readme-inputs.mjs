// Regenerates, from the settings table (src/settings/table.ts, the one the action and the CLI read), action.yml's `inputs:`
// and the README's inputs tables, both grouped, and the config file's JSON schema (src/config/json-schema.ts); and the
// README's outputs table from action.yml. `--check` exits 1 when any file is out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { register } from 'node:module'
import ts from 'typescript'
import { parse } from 'yaml'

const root = new URL('../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8'))

/** A module of src/settings/, read from its source (table.ts imports nothing, so transpiling it alone is enough). */
async function loadModule(file) {
  const source = readFileSync(new URL(`src/settings/${file}`, root), 'utf8')
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  })
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`)
}
const { groupedSettings, settingType, SETTINGS, movedInputs, movedText } = await loadModule('table.ts')
const MOVED_INPUTS = movedInputs()
const moved = (name) => Object.hasOwn(MOVED_INPUTS, name)
const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')

/** A table per group, under its heading: name (and aliases), type, description, default (none: empty). */
export function inputsTables(groups) {
  return groups
    .map(({ heading, settings }) => {
      const rows = settings.map((s) => {
        const names = [s.name, ...(s.aliases ?? [])].map((n) => `\`${n}\``).join(' (alias ')
        const name = s.aliases?.length ? `${names}${')'.repeat(s.aliases.length)}` : names
        const fallback = s.default !== undefined ? `\`${cell(s.default)}\`` : ''
        return `| ${name} | ${cell(settingType(s))} | ${cell(s.description)} | ${fallback} |`
      })
      return [
        `### ${heading}`,
        '',
        '| input | type | description | default |',
        '| --- | --- | --- | --- |',
        ...rows,
      ].join('\n')
    })
    .join('\n\n')
}

/** action.yml's `inputs:` block: a `# ── Group ──` comment a group, each input followed by its aliases. */
export function actionInputs(groups) {
  const blocks = groups.map(({ heading, settings }) => {
    const inputs = settings.flatMap((s) => [
      // An aliased input has no action.yml default: the runner would fill it in and the action could not tell
      // `wait-for-minutes: 10` given alone from both given (the table's default still applies, in the action).
      actionInput(s.name, `${s.description} (${settingType(s)})`, s.aliases?.length ? undefined : s.default),
      ...(s.aliases ?? []).map((alias) =>
        actionInput(
          alias,
          `Alias of \`${s.name}\`: its name in the official aws-actions ECS actions (see "Migrating from the official actions" in the README). (${settingType(s)})`,
        ),
      ),
    ])
    return [`  # ── ${heading} ──`, ...inputs].join('\n')
  })
  return `inputs:\n${blocks.join('\n\n')}\n\n${deprecatedInputs()}\n`
}

/**
 * The inputs that moved to the config file (the table's `movedTo`), still declared for one major version so the runner
 * shows their deprecationMessage and the action can fail with their new place: no default, a one-line description.
 */
export function deprecatedInputs() {
  const described = new Map(SETTINGS.flatMap((s) => [s.name, ...(s.aliases ?? [])].map((n) => [n, s.description])))
  const inputs = Object.entries(MOVED_INPUTS).map(([name, to]) => {
    const first = (described.get(name) ?? '').split(/(?<=\.)\s/)[0]
    const message = `${movedText(name, to)} See docs/migration.md.`
    return [
      `  ${name}:`,
      `    description: ${yamlText(first)}`,
      '    required: false',
      `    deprecationMessage: ${yamlText(message)}`,
    ].join('\n')
  })
  return ['  # ── Moved to the config file (deprecated; the action fails with their new place) ──', ...inputs].join(
    '\n',
  )
}

const yamlText = (text) => `'${text.replace(/'/g, "''")}'`

function actionInput(name, description, fallback) {
  const lines = [`  ${name}:`, '    description: >-', ...wrap(description, 110 - 6).map((l) => `      ${l}`)]
  lines.push('    required: false')
  if (fallback !== undefined) lines.push(`    default: '${fallback.replace(/'/g, "''")}'`)
  return lines.join('\n')
}

/** Words into lines of at most `width` characters (a longer word stays whole). */
function wrap(text, width) {
  const lines = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return line ? [...lines, line] : lines
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

/** action.yml with its `inputs:` block (up to `outputs:`) made anew. */
function withInputs(yml, inputs) {
  const from = yml.indexOf('\ninputs:\n')
  const to = yml.indexOf('\noutputs:\n')
  if (from === -1 || to === -1) throw new Error('action.yml has no top-level inputs: followed by outputs:')
  return `${yml.slice(0, from + 1)}${inputs}${yml.slice(to)}`
}

register('./ts-loader.mjs', import.meta.url)
const { configJsonSchemaText } = await import('../src/config/json-schema.ts')
const schemaUrl = new URL('schema/ecs-deploy.schema.json', root)

// The moved inputs leave their groups: action.yml declares them at its end, the README lists only what stays.
const groups = groupedSettings()
  .map((g) => ({ ...g, settings: g.settings.filter((s) => !moved(s.name)) }))
  .map((g) => ({ ...g, settings: g.settings.map((s) => ({ ...s, aliases: s.aliases?.filter((a) => !moved(a)) })) }))
const actionUrl = new URL('action.yml', root)
const actionYml = readFileSync(actionUrl, 'utf8')
const readmeUrl = new URL('README.md', root)
const readme = readFileSync(readmeUrl, 'utf8')
const files = [
  [actionUrl, actionYml, withInputs(actionYml, actionInputs(groups))],
  [
    readmeUrl,
    readme,
    replaceBetween(replaceBetween(readme, 'inputs', inputsTables(groups)), 'outputs', outputsTable(action.outputs)),
  ],
  [schemaUrl, readFileSync(schemaUrl, 'utf8'), configJsonSchemaText()],
]
const stale = files.filter(([, before, after]) => before !== after)
if (process.argv.includes('--check')) {
  if (stale.length) {
    const names = stale.map(([url]) => url.pathname.split('/').pop()).join(' and ')
    console.error(
      `${names}: out of date with src/settings/table.ts (inputs, config keys) or action.yml (outputs): run \`npm run docs\`.`,
    )
    process.exit(1)
  }
} else {
  for (const [url, , after] of stale) writeFileSync(url, after)
}

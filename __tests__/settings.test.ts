// The settings table (src/settings/table.ts) is what the action and the CLI read; action.yml must declare the same inputs.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { getInputs } from '../src/settings/inputs.js'
import { settingValues } from '../src/settings/values.js'
import { groupedSettings, SETTINGS, settingNamed, settingType } from '../src/settings/table.js'
import { STRATEGIES } from '../src/mechanisms/strategy-types.js'
import { MOVED_INPUTS, movedText } from '../src/settings/moved.js'

interface ActionInput {
  description?: string
  default?: string
  deprecationMessage?: string
}
const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, ActionInput>
  outputs: Record<string, unknown>
}
const moved = (name: string): boolean => Object.hasOwn(MOVED_INPUTS, name)
/** What stays in the step: the table's settings and aliases that did not move to the config file. */
const kept = groupedSettings().map(({ heading, settings }) => ({
  heading,
  settings: settings.filter((s) => !moved(s.name)),
}))
const plain = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim()

describe('the settings table and action.yml', () => {
  test('the same inputs, group by group, each followed by its aliases; then the moved ones', () => {
    const names = kept.flatMap(({ settings }) =>
      settings.flatMap((s) => [s.name, ...(s.aliases ?? []).filter((a) => !moved(a))]),
    )
    expect(Object.keys(action.inputs)).toEqual([...names, ...Object.keys(MOVED_INPUTS)])
  })

  // 36: issue 25's `analysis` input (the short form of the config file's `analysis:` block) came after issue 22's 35.
  test('at most 36 inputs and 8 outputs (issue 22): what a user sets per run; the rest lives in files', () => {
    const current = Object.entries(action.inputs).filter(([, input]) => input.deprecationMessage === undefined)
    expect(current.length).toBeLessThanOrEqual(36)
    expect(Object.keys(action.outputs).length).toBeLessThanOrEqual(8)
  })

  test.each(Object.entries(MOVED_INPUTS))(
    'moved %s: declared without a default, its deprecationMessage naming its new place',
    (name, to) => {
      const input = action.inputs[name]
      expect(input?.default).toBeUndefined()
      expect(input?.deprecationMessage).toBe(`${movedText(name, to)} See docs/migration.md.`)
      expect(input?.deprecationMessage).toContain(to.key)
    },
  )

  test('a `# ── Group ──` comment before each group', () => {
    const source = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
    const headings = [...source.matchAll(/^ {2}# ── (.+) ──\n {2}([\w-]+):/gm)].map(([, heading, first]) => [
      heading,
      first,
    ])
    expect(headings.slice(0, -1)).toEqual(kept.map(({ heading, settings }) => [heading, settings[0]?.name]))
    expect(headings.at(-1)).toEqual([expect.stringMatching(/^Moved to the config file/), Object.keys(MOVED_INPUTS)[0]])
  })

  test.each(SETTINGS.filter((s) => !moved(s.name)).map((s) => [s.name, s] as const))(
    '%s: same default and description, ending with its type',
    (name, setting) => {
      const input = action.inputs[name]
      // An aliased input has no default in action.yml (so a given alias can be told from it); the table's applies.
      const declared = setting.aliases ? undefined : setting.default
      expect(input?.default === undefined ? undefined : String(input.default)).toBe(declared)
      expect(plain(input?.description)).toBe(`${setting.description} (${settingType(setting)})`)
    },
  )

  test('each alias is declared without a default, naming what it is an alias of', () => {
    for (const setting of SETTINGS) {
      for (const alias of (setting.aliases ?? []).filter((a) => !moved(a))) {
        expect(action.inputs[alias]?.default).toBeUndefined()
        expect(plain(action.inputs[alias]?.description)).toMatch(new RegExp(`^Alias of \`${setting.name}\`:`))
      }
    }
  })

  test('a name is a setting or an alias, never both', () => {
    const names = SETTINGS.flatMap((s) => [s.name, ...(s.aliases ?? [])])
    expect(new Set(names).size).toBe(names.length)
  })

  test('the action reads exactly the inputs of the table and their aliases', () => {
    const read = new Set<string>()
    getInputs(
      (name) => {
        read.add(name)
        return { service: 'web', build: '.', image: 'r/web' }[name] ?? ''
      },
      { info: () => undefined, warning: () => undefined, secret: () => undefined },
    )
    expect([...read].sort()).toEqual(SETTINGS.flatMap((s) => [s.name, ...(s.aliases ?? [])]).sort())
  })

  test('booleans default to true or false; secrets are the token, the registry password, the build secrets and the verify headers', () => {
    for (const s of SETTINGS.filter((s) => s.kind === 'boolean')) expect(['true', 'false']).toContain(s.default)
    expect(SETTINGS.filter((s) => s.secret).map((s) => s.name)).toEqual([
      'github-token',
      'registry-password',
      'build-secrets',
      'verify-headers',
    ])
  })
})

test('every setting the table marks secret is masked as soon as the inputs are read', () => {
  const masked: string[] = []
  const values: Record<string, string> = {
    service: 'web',
    build: '.',
    image: 'r/web',
    'github-token': 'ghp_abc',
    'registry-username': 'me',
    'registry-password': 'pa55word',
    'build-secrets': 'npm=tok1\ngh=tok=2',
  }
  getInputs((name) => values[name] ?? '', {
    info: () => undefined,
    warning: () => undefined,
    secret: (value) => void masked.push(value),
  })
  // build-secrets: the whole input, then each value (split at the first "=") on its own.
  expect(masked).toEqual(['ghp_abc', 'pa55word', 'npm=tok1\ngh=tok=2', 'tok1', 'tok=2'])
})

describe('the table drives the parsing (settingValues)', () => {
  const values = (given: Record<string, string>) => settingValues((name) => given[name] ?? '')

  test("a row's default, range and choices are what the value is read with", () => {
    expect(values({}).boolean('wait')).toBe(true)
    expect(values({}).number('timeout-minutes')).toBe(30)
    expect(values({}).choice('deployment-circuit-breaker')).toBe('keep')
    expect(values({}).number('desired-count')).toBeUndefined()
    expect(() => values({ 'log-lines': '1.5' }).number('log-lines')).toThrow(
      'Input `log-lines` must be a whole number from 0 to 1000, not "1.5".',
    )
    expect(() => values({ 'log-lines': '1001' }).number('log-lines')).toThrow(
      'Input `log-lines` must be a number from 0 to 1000, not "1001".',
    )
    expect(() => values({ 'step-percent': '3.25' }).number('step-percent')).toThrow(
      'Input `step-percent` must be a multiple of 0.1, not "3.25".',
    )
    expect(values({ 'step-percent': '3.3' }).number('step-percent')).toBe(3.3)
  })

  test('a lines setting: one item a line, commas kept, blank lines and # comments skipped', () => {
    const cache = 'type=registry,ref=r/web:cache\n\n# the local one\n type=local,src=/tmp/c \n'
    expect(values({ 'cache-from': cache }).lines('cache-from')).toEqual([
      'type=registry,ref=r/web:cache',
      'type=local,src=/tmp/c',
    ])
    expect(() => values({}).lines('platforms')).toThrow('settings.ts has no lines setting `platforms`')
  })

  test('reading a setting as a kind its row does not have is a bug, said at once', () => {
    expect(() => values({}).boolean('timeout-minutes')).toThrow('settings.ts has no boolean setting `timeout-minutes`')
    expect(() => values({}).text('no-such-input')).toThrow('settings.ts has no text setting `no-such-input`')
  })

  test('every number has a range; the strategy choices are the strategies', () => {
    for (const s of SETTINGS.filter((s) => s.kind === 'number')) expect(s.range).toBeDefined()
    expect(settingNamed('strategy')?.choices).toEqual(STRATEGIES)
  })
})

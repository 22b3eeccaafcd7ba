// The user's documentation: a README read in five minutes, a docs/ page per topic linked from it, and no link that
// leads nowhere (a file that is not there, or a heading that is not in it); the config files they show are valid.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8')
const PAGES = readdirSync(path.join(ROOT, 'docs'))
  .filter((file) => file.endsWith('.md'))
  .map((file) => `docs/${file}`)
const DOCUMENTS = ['README.md', 'CONTRIBUTING.md', ...PAGES]

/** The text outside fenced code blocks (a link in an example is not a link). */
function prose(text: string): string {
  return text.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '')
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')
}

function anchors(file: string): Set<string> {
  const headings = [...prose(read(file)).matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1] ?? ''))
  return new Set(headings)
}

/** The relative links of a Markdown file: [text](target), without web addresses. */
function relativeLinks(file: string): string[] {
  return [...prose(read(file)).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target))
}

/** Why `target` (a link in `file`) leads nowhere, or undefined when it resolves. */
export function brokenLink(file: string, target: string): string | undefined {
  const [linked = '', fragment] = target.split('#')
  const resolved = linked ? path.posix.normalize(path.posix.join(path.posix.dirname(file), linked)) : file
  if (resolved.startsWith('..') || !existsSync(path.join(ROOT, resolved))) return `${file}: ${target}: no such file`
  if (fragment !== undefined && resolved.endsWith('.md') && !anchors(resolved).has(fragment)) {
    return `${file}: ${target}: ${resolved} has no heading #${fragment}`
  }
  return undefined
}

test('the README is at most 350 lines', () => {
  expect(read('README.md').trimEnd().split('\n').length).toBeLessThanOrEqual(350)
})

test('every docs/ page is linked from the README', () => {
  const linked = new Set(relativeLinks('README.md').map((target) => target.split('#')[0]))
  expect(PAGES.length).toBeGreaterThanOrEqual(12)
  expect(PAGES.filter((page) => !linked.has(page))).toEqual([])
})

test('every docs/ page starts with its title and links back to the README', () => {
  for (const page of PAGES) {
    expect([page, read(page).split('\n')[0]]).toEqual([page, expect.stringMatching(/^# \S/)])
    expect([page, relativeLinks(page)]).toEqual([page, expect.arrayContaining(['../README.md'])])
  }
})

test.each(DOCUMENTS)('every relative link in %s resolves, to a file and to a heading in it', (file) => {
  const links = relativeLinks(file)
  expect(links.map((target) => brokenLink(file, target)).filter(Boolean)).toEqual([])
})

test('a link to a missing file or heading is caught (so the checks above can fail)', () => {
  expect(brokenLink('README.md', 'docs/nothing.md')).toBe('README.md: docs/nothing.md: no such file')
  expect(brokenLink('docs/cli.md', '../README.md#no-such-heading')).toBe(
    'docs/cli.md: ../README.md#no-such-heading: README.md has no heading #no-such-heading',
  )
  expect(brokenLink('docs/migration.md', 'how-it-works.md#how-it-waits')).toBeUndefined()
  expect(anchorOf('Service settings as code, and task definitions as they are')).toBe(
    'service-settings-as-code-and-task-definitions-as-they-are',
  )
})

/** The ```yaml blocks of the README and the docs that are whole config files (they start with `environments:`). */
function configExamples(): [string, string][] {
  return ['README.md', ...PAGES].flatMap((file) => {
    const text = read(file)
    return [...text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)]
      .filter((m) => /^(# [^\n]*\n)*environments:/.test(m[1] ?? ''))
      .map((m): [string, string] => [`${file}:${text.slice(0, m.index).split('\n').length}`, m[1] ?? ''])
  })
}

test('the docs show config files to check', () => {
  expect(configExamples().length).toBeGreaterThanOrEqual(5)
})

test.each(configExamples())('the config file at %s is valid', async (name, text) => {
  const { parseConfig } = await import('../src/config/load.js')
  expect(() => parseConfig(text, name)).not.toThrow()
})

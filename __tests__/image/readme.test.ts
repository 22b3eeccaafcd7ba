// The "Building the image" page's table (docs/build.md) is how docker/build-push-action users find their inputs here: every input
// it names must exist, and every build input that has a build-push-action counterpart must be in it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { movedPlace, SETTINGS } from '../../src/settings/table.js'

const PAGE = readFileSync(path.resolve(import.meta.dirname, '../../docs/build.md'), 'utf8')

/** The rows of the page's first section's table: [build-push-action cell, this action's cell]. */
function mappingRows(): [string, string][] {
  const section = PAGE.split('\n## ')[0] ?? ''
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s\|$/g, '')) as [string, string])
}

/** The input names a cell gives as `name: …`. */
function inputNames(cell: string): string[] {
  return [...cell.matchAll(/`([a-z-]+):/g)].map((match) => match[1] ?? '')
}

test('every input the table names is an input of the action', () => {
  const names = mappingRows().flatMap(([, ours]) => inputNames(ours))
  expect(names.length).toBeGreaterThan(15)
  for (const name of names) expect(SETTINGS.map((s) => s.name)).toContain(name)
})

test('every build input with a build-push-action counterpart is in the table (a moved one as its `build:` key)', () => {
  const cells = mappingRows().map(([, cell]) => cell)
  const ours = new Set(cells.flatMap(inputNames))
  for (const s of SETTINGS.filter((s) => s.group === 'build' && movedPlace(s)?.key.includes('.build.')))
    if (cells.some((cell) => cell.includes(`{ ${movedPlace(s)?.key.split('.').pop()}:`))) ours.add(s.name)
  const counterparts = SETTINGS.filter((s) => s.group === 'build').map((s) => s.name)
  const ownOnly = [
    'create-repository',
    'scan-on-push',
    'immutable-tags',
    'skip-build-if-exists',
    'registry-username',
    'registry-password',
    'logout',
  ]
  expect(counterparts.filter((name) => !ownOnly.includes(name) && !ours.has(name))).toEqual([])
})

test("the build-push-action side names build-push-action's inputs", () => {
  const theirs = mappingRows().flatMap(([cell]) => inputNames(cell))
  expect(new Set(theirs)).toEqual(
    new Set([
      'context',
      'file',
      'build-args',
      'target',
      'platforms',
      'tags',
      'labels',
      'secrets',
      'secret-files',
      'ssh',
      'provenance',
      'sbom',
      'no-cache',
      'pull',
      'cache-from',
      'cache-to',
      'push',
    ]),
  )
})

// The action runs on node24 on runners, but these machines (and the CLI's users) have Node 20: no package that ships
// in dist/ may require a newer one. A dependency update that raises its `engines` fails here, naming the package
// (pin it below the raise with an `overrides` entry in package.json, as content-type is for @octokit/request).
import { readFileSync } from 'node:fs'

const OLDEST_NODE = 20

/** The lowest Node.js major an `engines.node` range admits (`>=18`, `^20.0.0 || >=22`, `>= 14.17`, `*`). */
function lowestMajor(range: string): number {
  return Math.min(
    ...range.split('||').map((alternative) => {
      const bound = /(?:>=?|\^|~)?\s*v?(\d+)/.exec(alternative.trim())
      return bound ? Number(bound[1]) + (/^\s*>\s*\d+\s*$/.test(alternative) ? 1 : 0) : 0
    }),
  )
}

test.each([
  ['>=18', 18],
  ['>= 20.0.0', 20],
  ['^20.17.0 || >=22', 20],
  ['>=22', 22],
  ['>20', 21],
  ['*', 0],
])('the lowest Node.js major of %s is %i', (range, major) => expect(lowestMajor(range)).toBe(major))

test(`every package the action ships runs on Node.js ${OLDEST_NODE}`, () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, { dev?: boolean; version?: string; engines?: { node?: string } | string[] }>
  }
  const shipped = Object.entries(lock.packages).filter(([name, entry]) => name && !entry.dev)
  const tooNew = shipped
    .map(([name, entry]) => ({ name, engines: Array.isArray(entry.engines) ? undefined : entry.engines?.node }))
    .filter(({ engines }) => engines !== undefined && lowestMajor(engines) > OLDEST_NODE)
    .map(({ name, engines }) => `${name.replace(/^.*node_modules\//, '')} (engines: ${engines})`)
  expect(shipped.length).toBeGreaterThan(20)
  expect(tooNew).toEqual([])
})

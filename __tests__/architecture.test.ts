// The layering rules of src/ (see src/README.md): the engine never talks to the runner, and folders do not import each other in a circle.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(import.meta.dirname, '../src')

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(file) : entry.name.endsWith('.ts') ? [file] : []
  })
}

/** Every module a file imports or re-exports (type-only imports too: they are dependencies of the design). */
function importsOf(file: string): string[] {
  return [
    ...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm),
  ].map((m) => m[1] ?? m[2] ?? '')
}

/** A folder of src/ is one unit; a file directly in src/ is a unit of its own. */
function unitOf(file: string): string {
  const [first, ...rest] = path.relative(SRC, file).split(path.sep)
  return rest.length ? `${first}/` : (first ?? '')
}

/** Edges between units: `from -> to`, each with the files that make it. */
function unitGraph(files: string[]): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>()
  for (const file of files) {
    for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
      const from = unitOf(file)
      const to = unitOf(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')))
      if (from === to) continue
      const edges = graph.get(from) ?? new Map<string, string[]>()
      edges.set(to, [...(edges.get(to) ?? []), path.relative(SRC, file)])
      graph.set(from, edges)
    }
  }
  return graph
}

/** The strongly connected components with more than one unit: each is an import cycle. */
export function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const found: string[][] = []
  let next = 0
  const visit = (unit: string): void => {
    index.set(unit, next)
    low.set(unit, next++)
    stack.push(unit)
    for (const to of graph.get(unit)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to)
        low.set(unit, Math.min(low.get(unit) ?? 0, low.get(to) ?? 0))
      } else if (stack.includes(to)) low.set(unit, Math.min(low.get(unit) ?? 0, index.get(to) ?? 0))
    }
    if (low.get(unit) === index.get(unit)) {
      const component: string[] = []
      let popped: string | undefined
      do {
        popped = stack.pop()
        if (popped !== undefined) component.push(popped)
      } while (popped !== unit && popped !== undefined)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const unit of graph.keys()) if (!index.has(unit)) visit(unit)
  return found
}

/**
 * Edges that still close a cycle, while the deployment mechanisms move out of deploy/ and strategy/ (and the
 * strategy inputs join the settings table). Each one removed makes the test stricter; none may be added.
 */
const KNOWN_EDGES: string[] = []

describe('layers', () => {
  // @actions/exec is exec.ts's process runner, not the runner's API: it may be used outside src/action/.
  test('no module outside src/action/ imports @actions/* (but exec) or @octokit/*', () => {
    const offenders = sourceFiles()
      .filter((file) => !path.relative(SRC, file).startsWith(`action${path.sep}`))
      .filter((file) =>
        importsOf(file).some(
          (spec) => (spec.startsWith('@actions/') && spec !== '@actions/exec') || spec.startsWith('@octokit/'),
        ),
      )
      .map((file) => path.relative(SRC, file))
    expect(offenders).toEqual([])
  })

  test('no import cycle between the folders of src/', () => {
    const graph = unitGraph(sourceFiles())
    for (const edge of KNOWN_EDGES) {
      const [from = '', to = ''] = edge.split(' -> ')
      // The list only gets shorter: an edge that is gone must leave it.
      expect(graph.get(from)?.has(to) ? edge : `${edge} is gone: remove it from KNOWN_EDGES`).toBe(edge)
      graph.get(from)?.delete(to)
    }
    const described = cycles(graph).map((cycle) =>
      cycle.flatMap((from) =>
        cycle.flatMap((to) => (graph.get(from)?.get(to) ?? []).map((file) => `${from} -> ${to} (${file})`)),
      ),
    )
    expect(described).toEqual([])
  })

  test('the cycle check sees a cycle', () => {
    const graph = new Map([
      ['a/', new Map([['b/', ['a/x.ts']]])],
      ['b/', new Map([['c.ts', ['b/y.ts']]])],
      ['c.ts', new Map([['a/', ['c.ts']]])],
      ['d/', new Map([['a/', ['d/z.ts']]])],
    ])
    expect(cycles(graph)).toEqual([['a/', 'b/', 'c.ts']])
  })
})

// The architecture of src/ (see src/README.md), checked: only the action's door talks to the runner, both doors reach
// the engine through its front, only aws/clients.ts makes AWS clients, nothing imports in a circle (folders nor
// files), and no two files share a name for different things.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(import.meta.dirname, '../src')

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(file) : entry.name.endsWith('.ts') ? [file] : []
  })
}

const relative = (file: string): string => path.relative(SRC, file).split(path.sep).join('/')

/** Every module a file imports or re-exports (type-only imports too: they are dependencies of the design). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)].map(
    (m) => m[1] ?? m[2] ?? '',
  )
}

/** What `import()` loads later: a dependency too, though not at start-up. */
const lazyImportsOf = (text: string): string[] =>
  [...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? '')

/** The src/ files a file depends on (relative to src/), statically or through `import()`. */
function dependencies(file: string, text = readFileSync(file, 'utf8')): string[] {
  return [...importsOf(text), ...lazyImportsOf(text)]
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'))))
}

type Graph = Map<string, Map<string, string[]>>

/** The file graph: `from -> to`, each edge with the file that makes it. */
function fileGraph(files: string[], values = false): Graph {
  const text = (file: string): string => {
    const body = readFileSync(file, 'utf8')
    return values ? body.replace(/^(?:import|export) type\b[^;]*?from\s+'[^']+'/gm, '') : body
  }
  return new Map(
    files.map((file) => [relative(file), new Map(dependencies(file, text(file)).map((to) => [to, [relative(file)]]))]),
  )
}

/**
 * The folder graph: a folder of src/ is one unit; a file directly in src/ is a unit of its own, and so is a leaf (a file
 * that imports nothing of src/, such as the strategy names): depending on it depends on nothing else, so it cannot
 * carry a cycle.
 */
function unitGraph(files: Graph): Graph {
  const leaves = new Set([...files].filter(([, to]) => to.size === 0).map(([file]) => file))
  const unitOf = (file: string): string => {
    const [first, ...rest] = file.split('/')
    return rest.length && !leaves.has(file) ? `${first}/` : file
  }
  const graph: Graph = new Map()
  for (const [from, edges] of files) {
    for (const to of edges.keys()) {
      const [a, b] = [unitOf(from), unitOf(to)]
      if (a === b) continue
      const out = graph.get(a) ?? new Map<string, string[]>()
      out.set(b, [...(out.get(b) ?? []), from])
      graph.set(a, out)
    }
  }
  return graph
}

/** The strongly connected components with more than one unit: each is an import cycle. */
export function cycles(graph: Graph): string[][] {
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

/** Each cycle as its edges, `from -> to (file)`. */
const described = (graph: Graph): string[][] =>
  cycles(graph).map((cycle) =>
    cycle.flatMap((from) =>
      cycle.flatMap((to) => (graph.get(from)?.get(to) ?? []).map((file) => `${from} -> ${to} (${file})`)),
    ),
  )

/** What each door may import besides its own folder and the leaves in common/. */
const DOOR_MAY_IMPORT: Record<string, string[]> = {
  'action/': ['engine/index.ts'],
  // The CLI's flags and help come from the settings table before anything else is loaded (startup.test.ts).
  'cli/': ['engine/index.ts', 'settings/index.ts'],
}

/** What a door imports beyond its own folder, common/ and what DOOR_MAY_IMPORT lets it: `from -> to`. */
export function doorTrespasses(files: Graph, door: string): string[] {
  const may = DOOR_MAY_IMPORT[door] ?? []
  return [...files]
    .filter(([from]) => from.startsWith(door))
    .flatMap(([from, edges]) =>
      [...edges.keys()]
        .filter((to) => !to.startsWith(door) && !to.startsWith('common/') && !may.includes(to))
        .map((to) => `${from} -> ${to}`),
    )
}

/** File names that are the same kind of thing wherever they are: a folder's front, a door's entry. */
const SAME_ROLE = ['index.ts', 'main.ts']

/**
 * File names still shared by different things, until they are renamed (the settings/ files are being reshaped
 * elsewhere). The list only gets shorter: a name renamed must leave it, and none may be added.
 */
const KNOWN_SAME_NAMES = [
  // aws/errors.ts (the AWS error translator) and common/errors.ts (the error classes): imported from most folders
  'errors.ts',
  // common/problems.ts (the error listing them), config/problems.ts (the config file's), taskdef/problems.ts
  'problems.ts',
  // config/types.ts and image/types.ts: each folder's own types
  'types.ts',
]

/** Names borne by more than one file of src/, with their files, but the SAME_ROLE ones. */
export function sharedNames(files: string[]): Map<string, string[]> {
  const byName = new Map<string, string[]>()
  for (const file of files) {
    const name = path.posix.basename(file)
    if (!SAME_ROLE.includes(name)) byName.set(name, [...(byName.get(name) ?? []), file])
  }
  return new Map([...byName].filter(([, all]) => all.length > 1))
}

describe('layers', () => {
  const files = sourceFiles()

  // @actions/exec is exec.ts's process runner, not the runner's API: it may be used outside src/action/.
  test('only src/action/ imports @actions/* (but exec), and only github/client.ts imports @octokit/*', () => {
    const offenders = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) =>
          spec.startsWith('@octokit/')
            ? relative(file) !== 'github/client.ts'
            : spec.startsWith('@actions/') && spec !== '@actions/exec' && !relative(file).startsWith('action/'),
        )
        .map((spec) => `${relative(file)} -> ${spec}`),
    )
    expect(offenders).toEqual([])
  })

  test('the doors (src/action/, src/cli/) reach the engine only through its front, engine/index.ts', () => {
    const graph = fileGraph(files)
    expect([...doorTrespasses(graph, 'action/'), ...doorTrespasses(graph, 'cli/')]).toEqual([])
    // The entry points are their doors' and nothing else.
    expect(doorTrespasses(graph, 'index.ts').filter((e) => !e.endsWith('-> action/main.ts'))).toEqual([])
    expect(doorTrespasses(graph, 'cli.ts').filter((e) => !e.endsWith('-> cli/main.ts'))).toEqual([])
  })

  test('the door check sees a door reaching past the front', () => {
    const graph: Graph = new Map([
      [
        'cli/run.ts',
        new Map([
          ['engine/deploy.ts', ['cli/run.ts']],
          ['engine/index.ts', ['cli/run.ts']],
        ]),
      ],
      [
        'cli/args.ts',
        new Map([
          ['settings/index.ts', ['cli/args.ts']],
          ['settings/table.ts', ['cli/args.ts']],
          ['common/errors.ts', ['cli/args.ts']],
        ]),
      ],
      ['action/main.ts', new Map([['settings/index.ts', ['action/main.ts']]])],
    ])
    expect(doorTrespasses(graph, 'cli/')).toEqual([
      'cli/run.ts -> engine/deploy.ts',
      'cli/args.ts -> settings/table.ts',
    ])
    expect(doorTrespasses(graph, 'action/')).toEqual(['action/main.ts -> settings/index.ts'])
  })

  // What it loads is what the CLI's help loads: the table, which imports only types.
  test("the settings' front loads the settings table and nothing else", () => {
    const graph = fileGraph(files, true)
    expect([...(graph.get('settings/index.ts')?.keys() ?? [])]).toEqual(['settings/table.ts'])
    expect([...(graph.get('settings/table.ts')?.keys() ?? [])]).toEqual([])
  })

  test('only aws/clients.ts makes AWS clients (the deadline, the proxy and --offline hold for every call)', () => {
    const makers = files.filter((file) => /\bnew\s+[A-Z]\w*Client\s*\(/.test(readFileSync(file, 'utf8'))).map(relative)
    expect(makers).toEqual(['aws/clients.ts'])
  })

  test('no import cycle between the folders of src/', () => {
    expect(described(unitGraph(fileGraph(files)))).toEqual([])
  })

  // Between files, what loads counts: a type-only import is erased by the compiler and orders nothing at run time
  // (the settings table types its `into` paths by the Inputs its readers produce).
  test('no import cycle between the files of src/ (import() included; type-only imports are erased)', () => {
    expect(described(fileGraph(files, true))).toEqual([])
  })

  test('the cycle checks see a cycle, through a folder or through files', () => {
    const graph: Graph = new Map([
      ['a/', new Map([['b/', ['a/x.ts']]])],
      ['b/', new Map([['c.ts', ['b/y.ts']]])],
      ['c.ts', new Map([['a/', ['c.ts']]])],
      ['d/', new Map([['a/', ['d/z.ts']]])],
    ])
    expect(cycles(graph)).toEqual([['a/', 'b/', 'c.ts']])
    const text = new Map([
      ['x/one.ts', "import { two } from './two.js'"],
      ['x/two.ts', "const one = await import('./one.js')"],
      ['y/leaf.ts', 'export const LEAF = 1'],
      ['z/user.ts', "import { LEAF } from '../y/leaf.js'"],
    ])
    const files: Graph = new Map(
      [...text].map(([file, body]) => [
        file,
        new Map(dependencies(path.join(SRC, file), body).map((to) => [to, [file]])),
      ]),
    )
    expect(cycles(files)).toEqual([['x/one.ts', 'x/two.ts']])
    // A leaf is a unit of its own: y/leaf.ts does not tie y/ to z/.
    expect([...(unitGraph(files).get('z/')?.keys() ?? [])]).toEqual(['y/leaf.ts'])
  })

  test('no two files of src/ share a name for different things', () => {
    const shared = sharedNames(files.map(relative))
    for (const name of KNOWN_SAME_NAMES)
      expect(shared.has(name) ? name : `${name} is no longer shared: remove it from KNOWN_SAME_NAMES`).toBe(name)
    expect([...shared].filter(([name]) => !KNOWN_SAME_NAMES.includes(name))).toEqual([])
  })
})

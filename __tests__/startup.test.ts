// Start fast, stay small: what each stage of a run loads statically (a later stage is an `import()`, a chunk of dist/
// that ncc emits next to index.js), so that a static import added later cannot silently undo the win; and the size of
// the bundled entry.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
const SRC = path.join(ROOT, 'src')

/** The modules a file loads when it is evaluated: its imports and re-exports, less type-only ones and `import()`. */
export function staticImports(text: string): string[] {
  return [...text.matchAll(/^(import|export)\s+([^'";]*?)\s*from\s+'([^']+)'|^import\s+'([^']+)'/gm)].flatMap((m) => {
    if (m[4]) return [m[4]]
    const clause = (m[2] ?? '').trim()
    const names = /^\{([^}]*)\}$/.exec(clause)?.[1]
    const typeOnly =
      clause.startsWith('type ') ||
      (names !== undefined &&
        names
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean)
          .every((n) => n.startsWith('type ')))
    return typeOnly ? [] : [m[3] ?? '']
  })
}

/** Every src file and package loaded, transitively, when `entry` (relative to src/) is evaluated. */
export function loadedWith(entry: string, read = (file: string) => readFileSync(file, 'utf8')): Set<string> {
  const seen = new Set<string>()
  const queue = [path.join(SRC, entry)]
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const spec of staticImports(read(file))) {
      const key = spec.startsWith('.')
        ? path.relative(SRC, path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')))
        : spec
      if (seen.has(key)) continue
      seen.add(key)
      if (spec.startsWith('.')) queue.push(path.join(SRC, key))
    }
  }
  return seen
}

/** Packages that only a run that has read its inputs (and needs them) may load. */
const LATER_PACKAGES = ['@aws-sdk/', '@smithy/', '@octokit/', 'yaml']
const later = (loaded: Set<string>, modules: string[]): string[] =>
  [...loaded].filter((m) => modules.includes(m) || LATER_PACKAGES.some((p) => m.startsWith(p))).sort()

describe('start fast', () => {
  test('the action reads its inputs and plans before it loads the pipeline, the AWS SDK, YAML, GitHub or docker', () => {
    const lazy = [
      'engine/carry-out.ts',
      'engine/pipeline.ts',
      'aws/clients.ts',
      'github/client.ts',
      'action/outputs.ts',
      'engine/run-report.ts',
      'image/docker.ts',
      'common/exec.ts',
    ]
    expect(later(loadedWith('index.ts'), lazy)).toEqual([])
  })

  test('planning a run loads neither the pipeline, the AWS SDK nor the YAML parser (a bad input fails first)', () => {
    expect(
      later(loadedWith('engine/deploy.ts'), ['engine/carry-out.ts', 'engine/pipeline.ts', 'config/load.ts']),
    ).toEqual([])
  })

  test('the CLI answers help, --version and a flag error with neither a command, the AWS SDK nor YAML loaded', () => {
    const commands = [
      'cli/run.ts',
      'cli/status-and-rollback.ts',
      'engine/deploy.ts',
      'engine/pipeline.ts',
      'aws/clients.ts',
      'settings/inputs.ts',
    ]
    expect(later(loadedWith('cli.ts'), commands)).toEqual([])
  })

  test('the CLI plans, and renders from a template, without the pipeline or the AWS clients', () => {
    const pipeline = ['engine/carry-out.ts', 'engine/pipeline.ts', 'aws/clients.ts']
    expect(later(loadedWith('cli/run.ts'), pipeline).filter((m) => m !== 'yaml')).toEqual([])
    // A template is checked against the ECS API model, which @aws-sdk/client-ecs ships: that package, no other.
    const sdk = (m: string): boolean => pipeline.includes(m) || /^@(aws-sdk|smithy)\//.test(m)
    expect([...loadedWith('engine/render-command.ts')].filter(sdk)).toEqual(['@aws-sdk/client-ecs'])
  })

  test('a deploy loads the ECS client only; every other AWS service package is loaded by its first call', () => {
    const services = (entry: string): string[] =>
      [...loadedWith(entry)].filter((m) => m.startsWith('@aws-sdk/client-')).sort()
    for (const entry of ['engine/carry-out.ts', 'aws/clients.ts'])
      expect([entry, services(entry)]).toEqual([entry, ['@aws-sdk/client-ecs']])
  })

  test('the walk sees static imports, and neither type-only imports nor import() as loading', () => {
    expect(later(loadedWith('engine/carry-out.ts'), ['engine/pipeline.ts'])).toEqual(
      expect.arrayContaining(['engine/pipeline.ts', '@aws-sdk/client-ecs']),
    )
    expect(
      staticImports(
        [
          "import type { A } from 'a'",
          "import { type B, type C } from 'b'",
          "export type { D } from 'd'",
          "const e = await import('e')",
          "import { f, type G } from 'f'",
          "export { h } from 'h'",
          "import 'i'",
          "import {\n  j,\n  k,\n} from 'j'",
        ].join('\n'),
      ),
    ).toEqual(['f', 'h', 'i', 'j'])
  })
})

describe('stay small', () => {
  const dist = path.join(ROOT, 'dist')

  test('dist/index.js, what every run loads, is at most 1.2 MiB', () => {
    expect(statSync(path.join(dist, 'index.js')).size).toBeLessThanOrEqual(1.2 * 1024 * 1024)
  })

  test("undici is not in the bundles: tsconfig.json maps it to src/vendor/no-undici.ts (its WebAssembly HTTP parser is undici's)", () => {
    for (const folder of [dist, path.join(dist, 'cli')]) {
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.js'))) {
        expect([file, readFileSync(path.join(folder, file), 'utf8').includes('llhttp')]).toEqual([file, false])
      }
    }
  })

  test('every chunk the bundles load is in dist/', () => {
    for (const folder of [dist, path.join(dist, 'cli')]) {
      const files = readdirSync(folder)
      const chunks = files
        .filter((f) => f.endsWith('.js'))
        .flatMap((f) => {
          const text = readFileSync(path.join(folder, f), 'utf8')
          // webpack's runtime loads chunk N (`__nccwpck_require__.e(N)`, minified `t.e(N)`) from `N.index.js` beside it.
          return [...text.matchAll(/\b[\w$]+\.e\((\d+)\)/g)].map((m) => `${m[1]}.index.js`)
        })
      expect(chunks.filter((c) => !files.includes(c))).toEqual([])
      if (folder === dist) expect(chunks.length).toBeGreaterThan(0)
    }
  })
})

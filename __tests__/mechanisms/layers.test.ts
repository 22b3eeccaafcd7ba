import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** The src/ files a file imports (relative imports only). */
function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)\.js'/g)].map((m) =>
    normalize(join(dirname(file), `${m[1]}.ts`)),
  )
}

const importers = (folder: string, of: (target: string) => boolean): string[] =>
  sources(folder).flatMap((file) =>
    imports(file)
      .filter(of)
      .map((target) => `${file} → ${target}`),
  )

describe('layers', () => {
  test("the AWS gateways import nothing of the product but the error classes, the run's deadline and the proxy", () => {
    const leaves = [
      join('src', 'common', 'errors.ts'),
      join('src', 'common', 'deadline.ts'),
      join('src', 'http', 'proxy.ts'),
    ]
    expect(importers('src/aws', (t) => !t.startsWith(join('src', 'aws')) && !leaves.includes(t))).toEqual([])
  })

  test('deploy/ (ECS reads, verdicts, rollbacks) never imports the mechanisms, only the strategy names', () => {
    const names = join('src', 'mechanisms', 'strategy-types.ts')
    expect(importers('src/deploy', (t) => t.startsWith(join('src', 'mechanisms')) && t !== names)).toEqual([])
  })

  test('the watch loop, the idle check and the strategy entry points know no mechanism but through the registry', () => {
    const mechanismModules = [
      'rolling.ts',
      'ecs-native.ts',
      'ecs-native-tracker.ts',
      'ecs-native-config.ts',
      'ecs-controlled.ts',
      'express.ts',
      'codedeploy',
    ].map((m) => join('src', 'mechanisms', m))
    const generic = ['watch.ts', 'idle.ts', 'index.ts'].map((m) => join('src', 'mechanisms', m))
    const found = generic.flatMap((file) =>
      imports(file)
        .filter((t) => mechanismModules.some((m) => t.startsWith(m)))
        .map((t) => `${file} → ${t}`),
    )
    expect(found).toEqual([])
    for (const file of generic)
      expect(readFileSync(file, 'utf8')).not.toMatch(
        /=== '(codedeploy|ecs-native|rolling|express)'|plan\.(codedeploy|express)/,
      )
  })

  test('outside mechanisms/, no code tells strategies or mechanisms apart by name (each mechanism translates them)', () => {
    // The settings reader's own rule (`wait-until` needs a strategy that pauses), until the settings module takes it.
    const known = [join('src', 'settings', 'strategy.ts')]
    const byName =
      /[!=]== '(rolling|blue-green|canary|linear|ecs-native|codedeploy|express)'|resourceManagementType|case '(rolling|blue-green|canary|linear)'/
    const found = sources('src')
      .filter((file) => !file.startsWith(join('src', 'mechanisms')) && !known.includes(file))
      .filter((file) => byName.test(readFileSync(file, 'utf8')))
    expect(found).toEqual([])
  })
})

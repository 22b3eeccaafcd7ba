// Every config key the validator reads by its row's shape (config/schema.ts readShape) refuses a value of the wrong
// kind at its own key path (reading a right one: engine/environment-settings.test.ts); a new row is covered by being in
// the table.
import { validateConfig } from '../../src/config/schema.js'
import { ConfigError } from '../../src/config/problems.js'
import { configSettings } from '../../src/settings/table.js'

const MAPPINGS = ['placeholders', 'variables', 'secrets']
const rows = configSettings('environment').filter(({ config }) => config.read !== 'input')

/** The problems' key paths of the config file made of this environment. */
function problemPaths(environment: Record<string, unknown>): string[] {
  try {
    validateConfig({ environments: { dev: environment } }, 'ecs-deploy.yml')
    return []
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return error.problems.map((problem) => problem.path)
  }
}

/** The environment with `value` at the key (a dotted key goes into its block). */
function withKey(key: string, value: unknown): Record<string, unknown> {
  const [block, inner] = key.split('.') as [string, string | undefined]
  return inner === undefined ? { [block]: value } : { [block]: { [inner]: value } }
}

test.each(rows.map(({ name, config }) => [name, config.key, config.shape]))(
  '%s (%s, %s): a value of the wrong kind is refused at its key',
  (_name, key, shape) => {
    const wrong = MAPPINGS.includes(shape) ? [1] : { x: 1 }
    expect(problemPaths(withKey(key, wrong))).toContain(`environments.dev.${key}`)
  },
)

test('the previews settings too', () => {
  for (const { config } of configSettings('previews')) {
    try {
      validateConfig(
        { environments: { dev: { cluster: 'c', services: ['web'] } }, previews: { base: 'dev', [config.key]: {} } },
        'ecs-deploy.yml',
      )
      throw new Error(`previews.${config.key}: {} was taken`)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      expect(error.problems.map((problem) => problem.path)).toEqual([`previews.${config.key}`])
    }
  }
})

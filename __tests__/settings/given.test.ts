// The deployment settings a run gives, named as the user writes them: every row of the settings table that sets how a
// service deploys is covered (a row added there is named without more code), and what is left as it is is not.
import { givenSettings } from '../../src/settings/given.js'
import { SETTINGS } from '../../src/settings/table.js'

const none = { strategy: { deploymentAlarms: [], onBusy: 'wait' as const } }

/** `object` with `value` at the dotted `path`. */
const withValue = (object: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> => {
  const [key = '', ...rest] = path.split('.')
  const inner = (object[key] ?? {}) as Record<string, unknown>
  return { ...object, [key]: rest.length ? withValue(inner, rest.join('.'), value) : value }
}

describe('givenSettings', () => {
  const rows = SETTINGS.filter((s) =>
    ['strategy', 'desiredCount', 'deploymentCircuitBreaker', 'serviceSettings', 'serviceDefinition'].includes(
      s.config?.into.split('.')[0] ?? '',
    ),
  )

  test('the table has such rows: the strategy, its options, the service settings and the service definition', () => {
    expect(rows.map((s) => s.config?.key)).toEqual(
      expect.arrayContaining(['strategy', 'bake-minutes', 'desired-count', 'service-settings.maximum-percent']),
    )
  })

  test.each(rows.map((s) => [s.config?.key ?? '', s.config?.into ?? '']))(
    'a value at %s is named by that key',
    (key, into) => {
      expect(givenSettings(withValue(none, into, ['x']) as typeof none)).toEqual([{ path: into, name: key }])
    },
  )

  test('what has no row is named by its key under service-settings; each scaling member by its own', () => {
    const given = givenSettings({
      ...none,
      serviceSettings: {
        circuitBreakerThreshold: { type: 'COUNT', value: 2 },
        resetOnHealthyTask: true,
        earlySuccess: { enable: true, healthyPercent: 100 },
        expressScaling: { minTaskCount: 2, autoScalingMetric: 'AVERAGE_CPU' },
      },
    })
    expect(given.map((s) => s.name)).toEqual([
      'service-settings.circuit-breaker-threshold',
      'service-settings.circuit-breaker-reset-on-healthy-task',
      'service-settings.early-success-healthy-percent',
      'service-settings.express-scaling-min-tasks',
      'service-settings.express-scaling-metric',
    ])
    expect(new Set(given.slice(3).map((s) => s.path))).toEqual(new Set(['serviceSettings.expressScaling']))
  })

  test('a default or an empty list sets nothing; `[]` as JSON (no volumes) does, and so does false', () => {
    expect(givenSettings({ ...none, deploymentCircuitBreaker: 'keep' })).toEqual([])
    expect(givenSettings({ ...none, serviceSettings: { volumeConfigurations: [] } }).map((s) => s.name)).toEqual([
      'service-settings.volume-configurations',
    ])
    expect(givenSettings({ ...none, serviceSettings: { enableExecuteCommand: false } }).map((s) => s.name)).toEqual([
      'service-settings.enable-execute-command',
    ])
  })
})

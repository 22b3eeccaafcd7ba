import { withOverrides, withPreviewOverrides } from '../../src/config/overrides.js'
import type { EnvironmentConfig, PreviewConfig } from '../../src/config/types.js'
import { UserError } from '../../src/common/errors.js'

const dev: EnvironmentConfig = {
  name: 'dev',
  branches: ['develop'],
  tags: [],
  cluster: 'dev',
  services: ['web', 'worker'],
  taskDefinition: '.aws/td.json',
  vars: { LOG_LEVEL: 'debug', REGION_NAME: 'east' },
  desiredCount: 1,
}

describe('withOverrides', () => {
  test('no inputs: the environment as configured', () => {
    expect(withOverrides(dev, {})).toEqual(dev)
  })

  test('each input given wins; vars merge key by key', () => {
    expect(
      withOverrides(dev, {
        cluster: 'dev-2',
        services: ['api'],
        taskDefinition: 'td.yaml',
        vars: { LOG_LEVEL: 'info' },
        desiredCount: 3,
        strategy: 'linear',
        url: 'https://x.io',
        region: 'eu-west-1',
      }),
    ).toEqual({
      ...dev,
      cluster: 'dev-2',
      services: ['api'],
      taskDefinition: 'td.yaml',
      vars: { LOG_LEVEL: 'info', REGION_NAME: 'east' },
      desiredCount: 3,
      strategy: 'linear',
      url: 'https://x.io',
      region: 'eu-west-1',
    })
  })

  test('an empty services list keeps the configured services', () => {
    expect(withOverrides(dev, { services: [] }).services).toEqual(['web', 'worker'])
  })
})

describe('withPreviewOverrides', () => {
  const previews: PreviewConfig = {
    base: 'dev',
    services: ['web'],
    routing: 'host',
    desiredCount: 1,
    max: 10,
    ttl: '7d',
    ttlMs: 604_800_000,
  }

  test('preview-ttl and preview-max win', () => {
    expect(withPreviewOverrides(previews, { ttl: ' 12h ', max: 3 })).toEqual({
      ...previews,
      ttl: '12h',
      ttlMs: 43_200_000,
      max: 3,
    })
    expect(withPreviewOverrides(previews, { max: 20 })).toEqual({ ...previews, max: 20 })
    expect(withPreviewOverrides(previews, {})).toEqual(previews)
  })

  test('a preview-ttl that is not a duration is refused', () => {
    expect(() => withPreviewOverrides(previews, { ttl: '1w' })).toThrow(
      new UserError('Input `preview-ttl` must be a duration like 7d, 12h or 30m, not "1w".'),
    )
  })
})

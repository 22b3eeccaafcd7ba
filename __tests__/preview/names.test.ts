import {
  isPreviewFamily,
  previewFamily,
  previewHost,
  previewPathPatterns,
  previewServiceName,
  shortName,
  targetGroupName,
} from '../../src/preview/names.js'

test.each([
  ['web', 12, 'web-pr-12'],
  ['arn:aws:ecs:us-east-1:123456789012:service/dev/web', 12, 'web-pr-12'],
  ['web.api v2', 3, 'web-api-v2-pr-3'],
  ['a'.repeat(255), 12345, `${'a'.repeat(255 - 9)}-pr-12345`],
])('previewServiceName(%j, %d) → %s', (service, pr, name) => {
  const result = previewServiceName(service, pr)
  expect(result).toBe(name)
  expect(result.length).toBeLessThanOrEqual(255)
  expect(result).toMatch(/^[A-Za-z0-9_-]+$/)
})

test('previewFamily follows the same rules, and isPreviewFamily recognises it for its pull request only', () => {
  expect(previewFamily('web', 12)).toBe('web-pr-12')
  expect(isPreviewFamily('web-pr-12', 12)).toBe(true)
  expect(isPreviewFamily('web-pr-12', 2)).toBe(false)
  expect(isPreviewFamily('web', 12)).toBe(false)
})

describe('targetGroupName', () => {
  test('pr-<N>-<hash>, at most 32 characters, letters digits and -', () => {
    const name = targetGroupName('dev', 'web-pr-12', 12)
    expect(name).toMatch(/^pr-12-[0-9a-f]{8}$/)
    expect(targetGroupName('dev', 'web-pr-9999999999', 9999999999).length).toBeLessThanOrEqual(32)
  })

  test('the same on every run, for a cluster name or ARN alike', () => {
    expect(targetGroupName('arn:aws:ecs:us-east-1:123456789012:cluster/dev', 'web-pr-12', 12)).toBe(
      targetGroupName('dev', 'web-pr-12', 12),
    )
  })

  test('different for another service or cluster', () => {
    const names = new Set([
      targetGroupName('dev', 'web-pr-12', 12),
      targetGroupName('dev', 'api-pr-12', 12),
      targetGroupName('qa', 'web-pr-12', 12),
    ])
    expect(names.size).toBe(3)
  })
})

test('hosts, paths and short names', () => {
  expect(previewHost(12, 'preview.example.com')).toBe('pr-12.preview.example.com')
  expect(previewPathPatterns(12)).toEqual(['/pr-12', '/pr-12/*'])
  expect(shortName('arn:aws:ecs:us-east-1:1:cluster/dev')).toBe('dev')
  expect(shortName('dev')).toBe('dev')
})

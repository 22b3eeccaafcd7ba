import { closest, didYouMean, suggestion, unknownKey } from '../../src/common/suggest.js'

test.each([
  ['clustr', 'cluster'],
  ['Cluster', 'cluster'],
  ['servics', 'services'],
  ['desired_count', 'desired-count'],
  ['taskdefinition', 'task-definition'],
  ['zzz', undefined],
])('closest(%j) → %s', (word, expected) => {
  expect(closest(word, ['cluster', 'services', 'service', 'desired-count', 'task-definition'])).toBe(expected)
})

test('suggestion names the closest word, else lists them all, else nothing', () => {
  expect(suggestion('qe', ['dev', 'qa'])).toBe('; did you mean qa?')
  expect(suggestion('staging-eu-west', ['dev', 'qa'])).toBe('; use one of: dev, qa')
  expect(suggestion('dev', [])).toBe('')
})

test('unknownKey: one wording for an unknown key in the config, the task definition and the AppSpec', () => {
  expect(unknownKey('clustr', ['cluster', 'services'])).toBe('unknown key; did you mean cluster?')
  expect(unknownKey('env', ['environment', 'image'])).toBe('unknown key; did you mean environment?')
  expect(unknownKey('replicas', ['cluster', 'services'])).toBe('unknown key; valid keys: cluster, services')
})

test('didYouMean: the likely word, else the valid ones after the caller’s words', () => {
  expect(didYouMean('BeforeAllowTestTraffic', ['BeforeInstall', 'BeforeAllowTraffic'], 'ECS has')).toBe(
    'did you mean BeforeAllowTraffic?',
  )
  expect(didYouMean('Cleanup', ['BeforeInstall', 'AfterInstall'], 'ECS has')).toBe(
    'ECS has: BeforeInstall, AfterInstall',
  )
})

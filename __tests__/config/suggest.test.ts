import { closest } from '../../src/suggest.js'
import { suggestion } from '../../src/config/suggest.js'

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
  expect(suggestion('qe', ['dev', 'qa'])).toBe('; did you mean "qa"?')
  expect(suggestion('staging-eu-west', ['dev', 'qa'])).toBe('; use one of: dev, qa')
  expect(suggestion('dev', [])).toBe('')
})

import { freePriority } from '../../src/preview/priority.js'

test.each([
  [[], 1],
  [[{ Priority: 'default' }], 1],
  [[{ Priority: '1' }, { Priority: '2' }, { Priority: 'default' }], 3],
  [[{ Priority: '2' }, { Priority: '3' }], 1],
  [[{ Priority: '1' }, { Priority: '3' }, { Priority: '10' }], 2],
  [[{ Priority: '1' }, {}], 2],
])('%j → %d', (rules, priority) => {
  expect(freePriority(rules)).toBe(priority)
})

test('the highest priority when only it is free; none when all 50000 are taken', () => {
  const taken = Array.from({ length: 49_999 }, (_, i) => ({ Priority: String(i + 1) }))
  expect(freePriority(taken)).toBe(50_000)
  expect(freePriority([...taken, { Priority: '50000' }])).toBeUndefined()
})

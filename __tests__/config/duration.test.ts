import { formatDuration, parseDuration } from '../../src/config/duration.js'

test.each([
  ['30m', 30 * 60_000],
  ['12h', 12 * 3_600_000],
  ['7d', 7 * 86_400_000],
  [' 7 d ', 7 * 86_400_000],
  ['0d', undefined],
  ['7', undefined],
  ['1 week', undefined],
  ['7d12h', undefined],
  ['-1d', undefined],
  ['', undefined],
])('parseDuration(%j) → %s', (text, ms) => {
  expect(parseDuration(text)).toBe(ms)
})

test.each([
  [0, '0m'],
  [59_000, '0m'],
  [5 * 60_000, '5m'],
  [(2 * 60 + 5) * 60_000, '2h 5m'],
  [(3 * 1440 + 4 * 60 + 5) * 60_000, '3d 4h'],
  [3 * 1440 * 60_000 + 5 * 60_000, '3d'],
])('formatDuration(%d) → %s', (ms, text) => {
  expect(formatDuration(ms)).toBe(text)
})

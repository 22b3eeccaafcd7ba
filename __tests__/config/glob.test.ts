import { globToRegExp, matchingPattern, patternProblem } from '../../src/config/glob.js'

describe('matchingPattern', () => {
  test.each([
    // [name, patterns, the pattern that decides, or undefined]
    ['main', ['main'], 'main'],
    ['main2', ['main'], undefined],
    ['develop', ['main', 'develop'], 'develop'],
    ['release/1.2', ['release/*'], 'release/*'],
    ['release/1.2/hotfix', ['release/*'], undefined],
    ['release/1.2/hotfix', ['release/**'], 'release/**'],
    ['release', ['release/*'], undefined],
    ['v1.2.0', ['v*'], 'v*'],
    ['v1.2.0', ['v[0-9].*'], 'v[0-9].*'],
    ['vx.2.0', ['v[0-9].*'], undefined],
    ['va', ['v[!0-9]'], 'v[!0-9]'],
    ['v1', ['v[!0-9]'], undefined],
    ['feature/a.b', ['feature/a.b'], 'feature/a.b'],
    ['feature/aXb', ['feature/a.b'], undefined],
    ['a+b', ['a+b'], 'a+b'],
    ['release/old-1', ['release/*', '!release/old-*'], undefined],
    ['release/2.0', ['release/*', '!release/old-*'], 'release/*'],
    ['release/old-1', ['release/*', '!release/old-*', 'release/old-1'], 'release/old-1'],
    ['anything/at/all', ['**'], '**'],
    ['main', [], undefined],
    ['main', ['!main'], undefined],
  ])('%s against %j → %s', (name, patterns, expected) => {
    expect(matchingPattern(name, patterns)).toBe(expected)
  })
})

describe('globToRegExp', () => {
  test('escapes regular expression characters', () => {
    expect(globToRegExp('a.b(c)|d$^{1}').test('a.b(c)|d$^{1}')).toBe(true)
    expect(globToRegExp('a.b').test('axb')).toBe(false)
  })
})

describe('patternProblem', () => {
  test.each([
    ['main', undefined],
    ['!release/*', undefined],
    ['', 'is empty'],
    ['!', 'is empty'],
    ['v?', 'uses "?", which branch and tag names cannot contain; use * (any characters but /) or ** (any characters)'],
    ['release/[0-9', 'has a [ without its closing ]'],
  ])('%j → %s', (pattern, problem) => {
    expect(patternProblem(pattern)).toBe(problem)
  })
})

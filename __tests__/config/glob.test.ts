import { globToRegExp, matchingPattern, patternProblem } from '../../src/config/glob.js'

/**
 * GitHub's "filter pattern cheat sheet" (Workflow syntax for GitHub Actions), row by row, in our words:
 * [the patterns of the row, names the row says they match, names they must not match].
 */
const BRANCHES_AND_TAGS: [string[], string[], string[]][] = [
  // one * stops at a slash
  [['feature/*'], ['feature/my-branch', 'feature/your-branch'], ['feature/a/b', 'feature', 'features/x']],
  // ** crosses slashes
  [
    ['feature/**'],
    ['feature/beta-a/my-branch', 'feature/your-branch', 'feature/mona/the/octocat'],
    ['feature', 'other/feature/x'],
  ],
  // plain names match only themselves
  [
    ['main', 'releases/mona-the-octocat'],
    ['main', 'releases/mona-the-octocat'],
    ['main2', 'releases/mona', 'xmain'],
  ],
  // * alone: any name without a slash
  [['*'], ['main', 'releases'], ['releases/1.0', 'a/b']],
  // ** alone: every name (GitHub's default when there is no filter)
  [['**'], ['all/the/branches', 'every/tag', 'main'], []],
  // a leading * may also match nothing
  [['*feature'], ['mona-feature', 'feature', 'ver-10-feature'], ['feature-x', 'a/feature']],
  // a prefix
  [['v2*'], ['v2', 'v2.0', 'v2.9'], ['v1.0', 'v20/x', 'xv2']],
  // a set, then + (one or more of the set); dots are literal
  [['v[12].[0-9]+.[0-9]+'], ['v1.10.1', 'v2.0.0'], ['v3.0.0', 'v1.2', 'v1.x.1', 'v1a0b0', 'v1..1']],
]

const FILE_PATHS: [string[], string[], string[]][] = [
  [['*'], ['README.md', 'server.rb'], ['docs/README.md']],
  // ? makes the character before it optional
  [['*.jsx?'], ['page.js', 'page.jsx'], ['page.jsxx', 'page.j', 'src/page.js']],
  [['**'], ['all/the/files.md'], []],
  [['*.js'], ['app.js', 'index.js'], ['js/index.js']],
  [['**.js'], ['index.js', 'js/index.js', 'src/js/app.js'], ['index.jsx']],
  [['docs/*'], ['docs/README.md', 'docs/file.txt'], ['docs/mona/octocat.txt']],
  [['docs/**'], ['docs/README.md', 'docs/mona/octocat.txt'], ['README.md']],
  // **/ may also match no directory
  [
    ['docs/**/*.md'],
    ['docs/README.md', 'docs/mona/hello-world.md', 'docs/a/markdown/file.md'],
    ['docs/a/file.txt', 'README.md'],
  ],
  [['**/docs/**'], ['docs/hello.md', 'dir/docs/my-file.txt', 'space/docs/plan/space.doc'], ['mydocs/x', 'docs']],
  [['**/README.md'], ['README.md', 'js/README.md'], ['js/NOTREADME.md']],
  [['**/*src/**'], ['a/src/app.js', 'my-src/code/js/app.js'], ['a/source/app.js']],
  [['**/*-post.md'], ['my-post.md', 'path/their-post.md'], ['post.md']],
  [['**/migrate-*.sql'], ['migrate-10909.sql', 'db/migrate-v1.0.sql', 'db/sept/migrate-v1.sql'], ['db/migrate.sql']],
  // a later ! excludes what an earlier pattern included
  [['*.md', '!README.md'], ['hello.md'], ['README.md', 'docs/hello.md']],
  // and a pattern after that includes again
  [['*.md', '!README.md', 'README*'], ['hello.md', 'README.md', 'README.doc'], ['docs/hello.md']],
]

describe("GitHub's filter pattern cheat sheet", () => {
  const rows = [...BRANCHES_AND_TAGS, ...FILE_PATHS].flatMap(([patterns, matches, misses]) => [
    ...matches.map((name) => [patterns, name, true] as const),
    ...misses.map((name) => [patterns, name, false] as const),
  ])
  test.each(rows)('%j matches %s: %s', (patterns, name, matches) => {
    for (const pattern of patterns) expect(patternProblem(pattern)).toBeUndefined()
    expect(matchingPattern(name, patterns) !== undefined).toBe(matches)
  })
})

describe('matchingPattern', () => {
  test.each([
    // [name, patterns, the pattern that decides, or undefined]
    ['main', ['main'], 'main'],
    ['develop', ['main', 'develop'], 'develop'],
    ['release/1.2/hotfix', ['release/**'], 'release/**'],
    ['v1.2.0', ['v[0-9].*'], 'v[0-9].*'],
    ['vx.2.0', ['v[0-9].*'], undefined],
    ['v1.2.3', ['v[0-9]+.[0-9]+.[0-9]+'], 'v[0-9]+.[0-9]+.[0-9]+'],
    ['v10.20.30', ['v[0-9]+.[0-9]+.[0-9]+'], 'v[0-9]+.[0-9]+.[0-9]+'],
    ['v1.2.3-rc1', ['v[0-9]+.[0-9]+.[0-9]+'], undefined],
    ['Cat', ['[CB]at'], '[CB]at'],
    ['Rat', ['[CB]at'], undefined],
    ['200', ['[1-2]00'], '[1-2]00'],
    ['Octoct', ['Octoc?t'], 'Octoc?t'],
    ['Octocat', ['Octoc?t'], undefined],
    ['Octot', ['Octoc?t'], 'Octoc?t'],
    ['release-x', ['release-?x'], 'release-?x'],
    ['releasex', ['release-?x'], 'release-?x'],
    ['feature/a.b', ['feature/a.b'], 'feature/a.b'],
    ['feature/aXb', ['feature/a.b'], undefined],
    ['aab', ['a+b'], 'a+b'],
    ['a+b', ['a+b'], undefined],
    ['a+b', ['a\\+b'], 'a\\+b'],
    ['what?', ['what\\?'], 'what\\?'],
    ['v*', ['v\\*'], 'v\\*'],
    ['v1', ['v\\*'], undefined],
    ['!important', ['\\!important'], '\\!important'],
    ['a!b', ['a!b'], 'a!b'],
    ['release/old-1', ['release/*', '!release/old-*'], undefined],
    ['release/2.0', ['release/*', '!release/old-*'], 'release/*'],
    ['release/old-1', ['release/*', '!release/old-*', 'release/old-1'], 'release/old-1'],
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

  test('refuses a pattern that cannot work rather than guessing', () => {
    expect(() => globToRegExp('v[0-9')).toThrow('Pattern "v[0-9" has a [ without its closing ]')
  })
})

describe('patternProblem', () => {
  const set = (s: string) =>
    `has [${s}], but a [ ] holds only letters, digits and ranges of them (a-z, A-Z, 0-9), and cannot exclude characters`
  test.each([
    ['main', undefined],
    ['!release/*', undefined],
    ['v?', undefined],
    ['v[12].[0-9]+.[0-9]+', undefined],
    ['[a-zA-Z0-9]*', undefined],
    ['', 'is empty'],
    ['!', 'is empty'],
    ['release/[0-9', 'has a [ without its closing ]'],
    ['release/[]', 'has an empty [ ]'],
    ['v[!0-9]', set('!0-9')],
    ['v[^0-9]', set('^0-9')],
    ['v[.-]', set('.-')],
    ['v[9-0]', set('9-0')],
    ['v[a-Z]', set('a-Z')],
    [
      '+main',
      'has a + with no character before it to repeat (+ means one or more of the preceding character); write \\+ for a + itself',
    ],
    [
      '!?x',
      'has a ? with no character before it to repeat (? means zero or one of the preceding character); write \\? for a ? itself',
    ],
    [
      'v*+',
      'has a + with no character before it to repeat (+ means one or more of the preceding character); write \\+ for a + itself',
    ],
    [
      'v1++',
      'has a + with no character before it to repeat (+ means one or more of the preceding character); write \\+ for a + itself',
    ],
    ['main\\', 'ends with a \\ that escapes nothing'],
  ])('%j → %s', (pattern, problem) => {
    expect(patternProblem(pattern)).toBe(problem)
  })
})

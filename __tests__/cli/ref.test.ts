import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ciContext } from '../../src/cli/main.js'
import { ciRef, gitIn, refName, type Git } from '../../src/cli/ref.js'

/** A git that answers from a table of `args joined by space → output`; anything else fails, as git does outside a repository. */
const fakeGit =
  (answers: Record<string, string>): Git =>
  (args) =>
    answers[args.join(' ')]

const BRANCH = 'symbolic-ref --quiet --short HEAD'
const TAG = 'describe --exact-match --tags HEAD'

describe('ciRef', () => {
  test.each([
    // [what the CI sets, what git says, the ref]
    [{ GITHUB_REF: 'refs/tags/v1.2.3' }, { [BRANCH]: 'main' }, 'refs/tags/v1.2.3'],
    [{ GITHUB_REF: 'refs/pull/7/merge' }, {}, 'refs/pull/7/merge'],
    [{ CIRCLE_BRANCH: 'main' }, {}, 'refs/heads/main'],
    [{ CIRCLE_TAG: 'v1.2.3' }, { [BRANCH]: 'main' }, 'refs/tags/v1.2.3'],
    [{ TEAMCITY_BUILD_BRANCH: 'release/2' }, {}, 'refs/heads/release/2'],
    [{ TEAMCITY_BUILD_BRANCH: 'refs/tags/v1.2.3' }, {}, 'refs/tags/v1.2.3'],
    [{ TEAMCITY_BUILD_BRANCH: 'refs/heads/main' }, {}, 'refs/heads/main'],
    // TeamCity's name for the default branch of a VCS root without branches says nothing: git may
    [{ TEAMCITY_BUILD_BRANCH: '<default>' }, { [BRANCH]: 'main' }, 'refs/heads/main'],
    [{ TEAMCITY_BUILD_BRANCH: '<default>' }, {}, undefined],
    // TeamCity without env.TEAMCITY_BUILD_BRANCH, on a server-side checkout (no .git): nothing says
    [{ TEAMCITY_VERSION: '2025.11', BUILD_VCS_NUMBER: 'abc' }, {}, undefined],
    [{}, { [BRANCH]: 'feature/x' }, 'refs/heads/feature/x'],
    // a detached HEAD: the tag at it, else nothing (never a branch called HEAD)
    [{}, { [TAG]: 'v2.0.0' }, 'refs/tags/v2.0.0'],
    [{}, {}, undefined],
    // a branch checked out at a tagged commit is a branch build
    [{}, { [BRANCH]: 'main', [TAG]: 'v2.0.0' }, 'refs/heads/main'],
  ])('%j, git %j → %s', (env, answers, ref) => {
    expect(ciRef(env, fakeGit(answers))).toBe(ref)
  })
})

describe('ciRef with the real git', () => {
  const git = (dir: string, ...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args],
      { cwd: dir, stdio: 'ignore' },
    )
  let repo: string
  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'ref-'))
    git(repo, 'init', '-q')
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'one')
    git(repo, 'tag', 'v1.2.3')
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'two')
  })

  test.each([
    [['checkout', '-q', 'main'], 'refs/heads/main'],
    [['checkout', '-q', '--detach', 'v1.2.3'], 'refs/tags/v1.2.3'],
    [['checkout', '-q', '--detach', 'main'], undefined],
  ])('after git %j → %s', (checkout, ref) => {
    git(repo, ...checkout)
    expect(ciRef({}, gitIn(repo))).toBe(ref)
  })

  test('outside a repository nothing says', () => {
    expect(ciRef({}, gitIn(mkdtempSync(path.join(tmpdir(), 'no-repo-'))))).toBeUndefined()
  })
})

describe('ciContext', () => {
  test.each([
    // [env, --ref, the ref, its name]
    [{ CIRCLE_TAG: 'v1.2.3' }, undefined, 'refs/tags/v1.2.3', 'v1.2.3'],
    [{ TEAMCITY_BUILD_BRANCH: 'refs/tags/v1.2.3' }, undefined, 'refs/tags/v1.2.3', 'v1.2.3'],
    [{ CIRCLE_BRANCH: 'main' }, 'refs/tags/v9', 'refs/tags/v9', 'v9'],
    [{}, 'refs/heads/release/1', 'refs/heads/release/1', 'release/1'],
    [{}, undefined, '', ''],
  ])('%j with --ref %s → ref %j', (env, ref, githubRef, name) => {
    const context = ciContext(
      { ...env, GITHUB_WORKSPACE: '/w' },
      { git: fakeGit({}), ...(ref !== undefined && { ref }) },
    )
    expect(context).toMatchObject({ ref: githubRef, git: { refName: name, workspace: '/w' } })
  })
})

test.each([
  ['refs/heads/main', 'main'],
  ['refs/tags/v1.2.3', 'v1.2.3'],
  ['refs/pull/7/merge', '7/merge'],
  ['', ''],
])('refName(%j) → %j', (ref, name) => {
  expect(refName(ref)).toBe(name)
})

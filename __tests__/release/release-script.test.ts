// scripts/release.mjs: what the release workflow checks and what it would publish, without network or git.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import {
  changelogSection,
  parseVersionTag,
  publishCommands,
  releasePosition,
  releaseProblems,
} from '../../scripts/release.mjs'

const CHANGELOG = `# Changelog

## [Unreleased]
- not yet

## [1.2.0] - 2026-11-30
### Fixed
- the thing

## 1.1.0
- older

## [1.0.0] - 2026-01-01

[1.2.0]: https://github.com/org/ecs-deploy-action/releases/tag/v1.2.0
`

describe('parseVersionTag', () => {
  test.each([
    ['v1.2.3', { version: '1.2.3', major: 'v1', parts: [1, 2, 3] }],
    ['v0.10.0', { version: '0.10.0', major: 'v0', parts: [0, 10, 0] }],
    ['v12.0.7', { version: '12.0.7', major: 'v12', parts: [12, 0, 7] }],
  ])('%s is a release tag', (tag, expected) => {
    expect(parseVersionTag(tag)).toEqual(expected)
  })

  test.each(['v1', 'v1.2', '1.2.3', 'v1.2.3-rc.1', 'v1.2.3+build', 'v01.2.3', 'v1.2.3 ', 'main', ''])(
    '%j is not',
    (tag) => {
      expect(parseVersionTag(tag)).toBeUndefined()
    },
  )
})

describe('changelogSection', () => {
  test('is the text under the version heading, up to the next heading', () => {
    expect(changelogSection(CHANGELOG, '1.2.0')).toBe('### Fixed\n- the thing')
  })

  test('takes a heading without brackets or date', () => {
    expect(changelogSection(CHANGELOG, '1.1.0')).toBe('- older')
  })

  test('is undefined for a missing version, an empty section, or a version that only starts the same', () => {
    expect(changelogSection(CHANGELOG, '1.3.0')).toBeUndefined()
    expect(changelogSection(CHANGELOG, '1.0.0')).toBeUndefined()
    expect(changelogSection(CHANGELOG, '1.2')).toBeUndefined()
    expect(changelogSection('## [1.2.0x]\n- no', '1.2.0')).toBeUndefined()
  })
})

describe('releaseProblems', () => {
  test('none when the tag, package.json and the changelog agree', () => {
    expect(releaseProblems({ tag: 'v1.2.0', packageVersion: '1.2.0', changelog: CHANGELOG })).toEqual([])
  })

  test('a tag that is not vX.Y.Z', () => {
    expect(releaseProblems({ tag: 'v1.2', packageVersion: '1.2.0', changelog: CHANGELOG })).toEqual([
      'Tag "v1.2" is not a release tag: releases are tagged vMAJOR.MINOR.PATCH, e.g. v1.2.3.',
    ])
  })

  test('package.json behind the tag, and no changelog section', () => {
    expect(releaseProblems({ tag: 'v1.3.0', packageVersion: '1.2.0', changelog: CHANGELOG })).toEqual([
      'package.json has version 1.2.0, the tag v1.3.0: set "version": "1.3.0" in package.json (npm version 1.3.0 --no-git-tag-version) and tag that commit.',
      'CHANGELOG.md has no notes for 1.3.0: add a "## [1.3.0] - <date>" section listing what changed.',
    ])
  })

  test("this repository's version is releasable: CHANGELOG.md has its section", () => {
    const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
    expect(
      releaseProblems({ tag: `v${packageVersion}`, packageVersion, changelog: readFileSync('CHANGELOG.md', 'utf8') }),
    ).toEqual([])
  })
})

describe('releasePosition and publishCommands', () => {
  const TAGS = ['v1', 'v1.0.0', 'v1.1.0', 'v1.2.0', 'v2', 'v2.0.0', 'not-a-version']

  test('the newest release of a major moves that major tag, and is latest when nothing is newer', () => {
    expect(releasePosition('v2.1.0', [...TAGS, 'v2.1.0'])).toEqual({ moveMajor: true, latest: true })
    expect(publishCommands('v2.1.0', '/tmp/notes.md', { moveMajor: true, latest: true })).toEqual([
      [
        'gh',
        'release',
        'create',
        'v2.1.0',
        '--verify-tag',
        '--title',
        'v2.1.0',
        '--notes-file',
        '/tmp/notes.md',
        '--latest=true',
      ],
      ['git', 'tag', '--force', 'v2', 'v2.1.0^{commit}'],
      ['git', 'push', '--force', 'origin', 'refs/tags/v2'],
    ])
  })

  test('a fix to an older major moves its major tag but is not the latest release', () => {
    expect(releasePosition('v1.2.1', [...TAGS, 'v1.2.1'])).toEqual({ moveMajor: true, latest: false })
  })

  test("the CLI package is published under npm's latest only for the latest release, else under its major", () => {
    const latest = publishCommands('v2.1.0', 'n.md', { moveMajor: true, latest: true }, '/tmp/cli.tgz')
    expect(latest.at(-1)).toEqual(['npm', 'publish', '/tmp/cli.tgz', '--access', 'public', '--tag', 'latest'])
    const older = publishCommands('v1.2.1', 'n.md', { moveMajor: true, latest: false }, '/tmp/cli.tgz')
    expect(older.at(-1)).toEqual(['npm', 'publish', '/tmp/cli.tgz', '--access', 'public', '--tag', 'v1'])
    expect(publishCommands('v1.2.1', 'n.md', { moveMajor: true, latest: false }).flat()).not.toContain('npm')
  })

  test('a fix to an older line of a major leaves the major tag on the newer release', () => {
    const position = releasePosition('v1.1.1', [...TAGS, 'v1.1.1'])
    expect(position).toEqual({ moveMajor: false, latest: false, keptAt: 'v1.2.0' })
    expect(publishCommands('v1.1.1', 'n.md', position)).toEqual([
      [
        'gh',
        'release',
        'create',
        'v1.1.1',
        '--verify-tag',
        '--title',
        'v1.1.1',
        '--notes-file',
        'n.md',
        '--latest=false',
      ],
    ])
  })

  test('versions compare as numbers, not text', () => {
    expect(releasePosition('v1.10.0', ['v1.9.0', 'v1.10.0'])).toEqual({ moveMajor: true, latest: true })
  })
})

describe('the release workflow', () => {
  const workflow = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
    on: { push: { tags: string[] } }
    jobs: Record<
      string,
      { permissions: Record<string, string>; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }
    >
  }
  const job = Object.values(workflow.jobs)[0]!

  /** A GitHub filter pattern as a RegExp, for the parts the tag filter uses: [set], +, *. */
  const filter = (pattern: string) => new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`)

  test('runs on release tags only: vX.Y.Z, not the major tag it moves', () => {
    const [tags] = workflow.on.push.tags.map(filter)
    expect(workflow.on.push.tags).toHaveLength(1)
    expect(['v1.2.3', 'v10.20.30'].map((t) => tags!.test(t))).toEqual([true, true])
    expect(['v1', 'v1.2', 'v1.2.3-rc.1', 'latest'].map((t) => tags!.test(t))).toEqual([false, false, false, false])
  })

  test('runs the script on the pushed tag with all tags fetched, and may write contents only', () => {
    expect(job.permissions).toEqual({ contents: 'write' })
    expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toEqual({ 'fetch-depth': 0 })
    expect(job.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'npm ci --no-audit --no-fund',
      'node scripts/release.mjs "$GITHUB_REF_NAME"',
    ])
  })

  test('CI rehearses it on every push (dry run)', () => {
    expect(readFileSync('.github/workflows/ci.yml', 'utf8')).toContain('run: node scripts/release.mjs --dry-run')
  })
})

// Publishes a release from a version tag: `node scripts/release.mjs v1.2.3 [--dry-run]` (the tag defaults to GITHUB_REF_NAME).
// Checks first — the tag is vX.Y.Z, package.json has that version, CHANGELOG.md has its section, the tag is this commit,
// dist/ is what src/ builds — then creates the GitHub release, moves the major tag (v1) to it and, when NODE_AUTH_TOKEN
// is set, publishes the CLI's npm package (the bundle alone, see scripts/pack-cli.mjs).
// --dry-run does every check and prints the commands instead of running them (CI runs it on every push).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const VERSION_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

/** `{ version: '1.2.3', major: 'v1', parts: [1, 2, 3] }` for a tag `v1.2.3`; undefined for anything else. */
export function parseVersionTag(tag) {
  const match = VERSION_TAG.exec(tag)
  if (!match) return undefined
  const parts = match.slice(1, 4).map(Number)
  return { version: parts.join('.'), major: `v${parts[0]}`, parts }
}

/** The notes under `## [1.2.3]` (or `## 1.2.3`, with or without a date) in a Keep a Changelog file; undefined when absent or empty. */
export function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/)
  const heading = new RegExp(`^## \\[?v?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`)
  const start = lines.findIndex((line) => heading.test(line))
  if (start === -1) return undefined
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line))
  const body = lines
    .slice(start + 1, end === -1 ? undefined : end)
    .filter((line) => !/^\[[^\]]+\]:\s/.test(line)) // link definitions at the end of the file belong to no section
    .join('\n')
    .trim()
  return body === '' ? undefined : body
}

const compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]

/**
 * Where the release stands among the repository's version tags: whether the major tag moves to it (not when a newer
 * release of that major exists, e.g. a fix to an older line) and whether it is the latest release of all.
 */
export function releasePosition(tag, existingTags) {
  const release = parseVersionTag(tag)
  const others = existingTags.map(parseVersionTag).filter((t) => t && compare(t.parts, release.parts) > 0)
  const newerSameMajor = others
    .filter((t) => t.parts[0] === release.parts[0])
    .sort((a, b) => compare(b.parts, a.parts))[0]
  return {
    moveMajor: newerSameMajor === undefined,
    latest: others.length === 0,
    ...(newerSameMajor && { keptAt: `v${newerSameMajor.version}` }),
  }
}

/** What stands in the way of releasing `tag`, one message each, naming the fix; [] when nothing does. */
export function releaseProblems({ tag, packageVersion, changelog }) {
  const release = parseVersionTag(tag)
  if (!release)
    return [`Tag ${JSON.stringify(tag)} is not a release tag: releases are tagged vMAJOR.MINOR.PATCH, e.g. v1.2.3.`]
  const problems = []
  if (packageVersion !== release.version) {
    problems.push(
      `package.json has version ${packageVersion}, the tag ${tag}: set "version": "${release.version}" in package.json (npm version ${release.version} --no-git-tag-version) and tag that commit.`,
    )
  }
  if (changelogSection(changelog, release.version) === undefined) {
    problems.push(
      `CHANGELOG.md has no notes for ${release.version}: add a "## [${release.version}] - <date>" section listing what changed.`,
    )
  }
  return problems
}

/**
 * The commands that publish the release, as argument lists; `notesFile` holds the changelog section, `cliPackage` the
 * packed CLI (published under npm's `latest` only when the release is the latest; a fix to an older major goes under
 * `v1` etc., so `npx ecs-deploy-action@1` finds it and `npx ecs-deploy-action` keeps the newest).
 */
export function publishCommands(tag, notesFile, position, cliPackage) {
  const { major } = parseVersionTag(tag)
  const commands = [
    [
      'gh',
      'release',
      'create',
      tag,
      '--verify-tag',
      '--title',
      tag,
      '--notes-file',
      notesFile,
      `--latest=${position.latest}`,
    ],
  ]
  if (position.moveMajor)
    commands.push(
      ['git', 'tag', '--force', major, `${tag}^{commit}`],
      ['git', 'push', '--force', 'origin', `refs/tags/${major}`],
    )
  if (cliPackage !== undefined)
    commands.push(['npm', 'publish', cliPackage, '--access', 'public', '--tag', position.latest ? 'latest' : major])
  return commands
}

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8' }).trim()
}

/** Ends the run with one error annotation per problem. */
function fail(...problems) {
  for (const problem of problems) console.error(`::error::${problem}`)
  process.exit(1)
}

function main(argv) {
  const dryRun = argv.includes('--dry-run')
  process.chdir(fileURLToPath(new URL('..', import.meta.url)))
  const packageVersion = JSON.parse(readFileSync('package.json', 'utf8')).version
  const tag =
    argv.find((a) => !a.startsWith('--')) ?? (dryRun ? `v${packageVersion}` : (process.env.GITHUB_REF_NAME ?? ''))
  const changelog = readFileSync('CHANGELOG.md', 'utf8')
  const problems = releaseProblems({ tag, packageVersion, changelog })
  if (problems.length) fail(...problems)

  const tagged = git('tag', '--list', tag) === tag ? git('rev-parse', `${tag}^{commit}`) : undefined
  const head = git('rev-parse', 'HEAD')
  if (tagged === undefined && !dryRun)
    fail(`Tag ${tag} does not exist here: push the tag (git push origin ${tag}), which starts the release workflow.`)
  if (tagged !== undefined && tagged !== head) {
    const problem = `Tag ${tag} is commit ${tagged.slice(0, 12)}, but this checkout is ${head.slice(0, 12)}`
    if (!dryRun) fail(`${problem}: release from the tag itself.`)
    console.log(
      `${problem}: ${tag} is released already; the next release needs a new version in package.json and CHANGELOG.md.`,
    )
  }

  console.log('Checking that dist/ is what src/ builds (npm run check:dist)…')
  try {
    execFileSync('npm', ['run', 'check:dist'], { stdio: 'inherit' })
  } catch {
    fail('dist/ differs from a fresh build of src/: run `npm run bundle`, commit dist/, and tag that commit.')
  }

  const position = releasePosition(tag, git('tag', '--list', 'v*').split('\n').filter(Boolean))
  const notesFile = path.join(mkdtempSync(path.join(tmpdir(), 'release-')), 'notes.md')
  const { version, major } = parseVersionTag(tag)
  writeFileSync(notesFile, `${changelogSection(changelog, version)}\n`)
  console.log(
    position.moveMajor
      ? `${major} moves to ${tag}.`
      : `${major} stays at ${position.keptAt}, which is newer than ${tag}.`,
  )
  // The CLI's package: packed always (so a dry run checks it), published only with a token for the npm registry.
  const cliPackage = execFileSync('node', ['scripts/pack-cli.mjs', mkdtempSync(path.join(tmpdir(), 'cli-'))], {
    encoding: 'utf8',
  }).trim()
  const publishCli = dryRun || Boolean(process.env.NODE_AUTH_TOKEN)
  if (!publishCli)
    console.log('::warning::NODE_AUTH_TOKEN is not set (the NPM_TOKEN secret): the CLI package is not published.')
  for (const command of publishCommands(tag, notesFile, position, publishCli ? cliPackage : undefined)) {
    console.log(`${dryRun ? 'would run' : 'running'}: ${command.join(' ')}`)
    if (!dryRun) execFileSync(command[0], command.slice(1), { stdio: 'inherit' })
  }
  if (dryRun && tagged === undefined)
    console.log(`(dry run: tag ${tag} does not exist yet; the release workflow runs when it is pushed)`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2))

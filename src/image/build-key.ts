// The build key: a hash of everything that shapes an image besides the commit, so that skip-build-if-exists
// reuses an image only when it was built the same way (two environments building different Dockerfiles,
// targets, build-args or platforms from one commit must not get each other's image).
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { effectiveBuildArgs } from './args.js'
import type { GitContext, ImageInputs } from './types.js'

/** Hex characters of the key kept in the reuse tag. */
const TAG_KEY_LENGTH = 12

export type BuildKeyInputs = Pick<ImageInputs, 'build' | 'dockerfile' | 'target' | 'buildArgs' | 'platforms'>

/**
 * sha256 (hex) over the build context path, the Dockerfile's path and content, the target, the build arguments
 * (with COMMIT_HASH/GIT_SHA, as docker gets them) and the platforms. A remote context's Dockerfile cannot be read
 * here: its path alone counts.
 */
export async function buildKey(
  inputs: BuildKeyInputs,
  dockerfile: string | undefined,
  git: Pick<GitContext, 'sha'>,
): Promise<string> {
  const content = dockerfile !== undefined ? await readFile(dockerfile, 'utf8').catch(() => '') : ''
  const shape = {
    context: path.normalize(inputs.build),
    dockerfile: dockerfile !== undefined ? path.normalize(dockerfile) : '',
    dockerfileSha256: createHash('sha256').update(content).digest('hex'),
    target: inputs.target ?? '',
    buildArgs: effectiveBuildArgs(inputs.buildArgs, git).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    platforms: [...inputs.platforms].sort(),
  }
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex')
}

/** The tag that finds this commit's image built with this key again: `<sha>-<first 12 hex of the key>`. */
export function reuseTag(sha: string, key: string): string {
  return `${sha}-${key.slice(0, TAG_KEY_LENGTH)}`
}

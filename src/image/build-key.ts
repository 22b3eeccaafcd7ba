// The build key: a hash of everything that shapes an image besides the commit, so that skip-build-if-exists
// reuses an image only when it was built the same way (two environments building different Dockerfiles,
// targets, build-args or platforms from one commit must not get each other's image).
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { effectiveBuildArgs } from './build-command.js'
import type { GitContext, ImageInputs } from './types.js'

/** Hex characters of the key kept in the reuse tag. */
const TAG_KEY_LENGTH = 12

export type BuildKeyInputs = Pick<ImageInputs, 'build' | 'dockerfile' | 'target' | 'buildArgs' | 'platforms'> &
  Partial<Pick<ImageInputs, 'buildSecrets' | 'buildSecretFiles' | 'ssh' | 'provenance' | 'sbom'>>

/**
 * sha256 (hex) over the build context path, the Dockerfile's path and content, the target, the build arguments
 * (with COMMIT_HASH/GIT_SHA, as docker gets them) and the platforms. A remote context's Dockerfile cannot be read
 * here: its path alone counts.
 * Also, only when given (so keys of builds without them stay as they were): the ids of the build secrets and SSH
 * mounts — which mounts a RUN step gets shapes what it produces; their values never enter the key, since it is
 * in a tag anyone can read — and provenance/sbom, which decide whether an index with attestations is pushed.
 * Not counted: labels (they describe the image, not its content, and docker/metadata-action's carry the build time,
 * which would make every run a rebuild), no-cache and pull (same content, other ways of getting there).
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
    ...optionalShape('secretIds', sortedIds([...(inputs.buildSecrets ?? []), ...(inputs.buildSecretFiles ?? [])])),
    ...optionalShape('sshIds', sortedIds(inputs.ssh ?? [])),
    ...optionalShape('provenance', inputs.provenance?.trim() ?? ''),
    ...optionalShape('sbom', inputs.sbom?.trim() ?? ''),
  }
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex')
}

/** The ids of `id=…` lines, sorted: never the values. */
function sortedIds(lines: readonly string[]): string[] {
  return lines.map((line) => line.split('=')[0]?.trim() ?? '').sort()
}

function optionalShape(name: string, value: string | string[]): Record<string, string | string[]> {
  return value.length > 0 ? { [name]: value } : {}
}

/** The tag that finds this commit's image built with this key again: `<sha>-<first 12 hex of the key>`. */
export function reuseTag(sha: string, key: string): string {
  return `${sha}-${key.slice(0, TAG_KEY_LENGTH)}`
}

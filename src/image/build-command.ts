import { UserError } from '../common/errors.js'
import { hasMounts, mountArgs, type BuildMounts } from './build-secrets.js'
import type { GitContext, ImageInputs } from './types.js'

export type BuildArgInputs = Pick<
  ImageInputs,
  'build' | 'buildArgs' | 'target' | 'platforms' | 'cacheFrom' | 'cacheTo' | 'push'
> &
  Partial<Pick<ImageInputs, 'labels' | 'provenance' | 'sbom' | 'noCache' | 'pull'>>

export interface BuildContext {
  /** `registry/repository` to tag. */
  repository: string
  tags: string[]
  /** The Dockerfile path given to docker (`--file`); undefined: docker's default, `<context>/Dockerfile`. */
  dockerfile?: string
  git: GitContext
  /** ISO 8601 build time, for the org.opencontainers.image.created label. */
  created: string
  /** The build key (see build-key.ts), kept as a label so the image says how it was built. */
  buildKey?: string
  /** Build secrets and SSH to mount (build-secrets.ts); none when absent. */
  mounts?: BuildMounts
}

export interface BuildOptions {
  /** Use `docker buildx build` (else the legacy `docker build`). */
  buildx: boolean
  /** buildx only: where buildx writes the metadata that holds the pushed digest. */
  metadataFile?: string
}

/** The image label that holds the build key (see build-key.ts). */
export const BUILD_KEY_LABEL = 'org.ecs-deploy-action.build-key'

const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/

/** The build arguments docker gets: COMMIT_HASH and GIT_SHA from the commit, then the user's (which win). */
export function effectiveBuildArgs(
  buildArgs: Record<string, string>,
  git: Pick<GitContext, 'sha'>,
): [string, string][] {
  const merged = new Map<string, string>([
    ['COMMIT_HASH', git.sha],
    ['GIT_SHA', git.sha],
  ])
  for (const [name, value] of Object.entries(buildArgs)) {
    if (!BUILD_ARG_NAME.test(name)) {
      throw new UserError(
        `build-args: "${name}" is not a build argument name (letters, digits and _, not starting with a digit); write one NAME=value per line.`,
      )
    }
    merged.set(name, value)
  }
  return [...merged]
}

const SECRET_LIKE = /TOKEN|PASSWORD|SECRET|KEY/i

/** The build arguments whose names look like secrets (*TOKEN*, *PASSWORD*, *SECRET*, *KEY*). */
export function secretLikeBuildArgs(buildArgs: Record<string, string>): string[] {
  return Object.keys(buildArgs).filter((name) => SECRET_LIKE.test(name))
}

/**
 * The warning for build arguments that look like secrets: a build argument's value stays in the image's
 * history for anyone who can pull it, and is on the docker command line.
 */
export function secretBuildArgsWarning(names: string[]): string {
  return (
    `build-args ${names.join(', ')} look${names.length === 1 ? 's' : ''} like ${names.length === 1 ? 'a secret' : 'secrets'}: ` +
    'a build argument is kept in the image history (docker history shows it to anyone who can pull the image) and is ' +
    'on the docker command line. Pass secrets with the `build-secrets` input instead (id=value, read in the Dockerfile ' +
    'with RUN --mount=type=secret,id=<id>); the values are masked in this log.'
  )
}

/** OCI labels that tie the image to its commit. */
export function imageLabels(context: Pick<BuildContext, 'git' | 'created' | 'buildKey'>): [string, string][] {
  const { git } = context
  const labels: [string, string][] = [['org.opencontainers.image.revision', git.sha]]
  // Outside GitHub (the CLI in another CI) the repository is unknown: no source beats a server's bare address.
  if (git.repository !== '')
    labels.push(['org.opencontainers.image.source', `${git.serverUrl.replace(/\/+$/, '')}/${git.repository}`])
  labels.push(['org.opencontainers.image.created', context.created])
  if (git.refName !== '') labels.push(['org.opencontainers.image.version', git.refName])
  if (context.buildKey !== undefined) labels.push([BUILD_KEY_LABEL, context.buildKey])
  return labels
}

const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/

/**
 * `labels` lines `key=value` (docker/metadata-action's `labels` output), split at the first `=` (values may hold `=`).
 * Given after the action's own OCI labels, so the user's win on the same key.
 */
export function parseLabels(lines: readonly string[]): [string, string][] {
  return lines.map((line, index) => {
    const eq = line.indexOf('=')
    const key = eq === -1 ? line.trim() : line.slice(0, eq).trim()
    if (eq === -1 || !LABEL_KEY.test(key)) {
      throw new UserError(
        eq === -1
          ? `labels: line ${index + 1} "${key}" is not key=value (it has no "="); write one key=value per line, like org.opencontainers.image.title=web.`
          : `labels: line ${index + 1} has key "${key}", which is not a label key (letters, digits, . _ / -, starting with a letter or digit).`,
      )
    }
    return [key, line.slice(eq + 1)]
  })
}

/** Whether an attestation input (provenance/sbom) asks for attestations: unset or `false` asks for none. */
function wantsAttestation(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '' && value.trim().toLowerCase() !== 'false'
}

/** The legacy builder's refusals: what only buildx can do, named by input. */
function checkLegacyBuilder(inputs: BuildArgInputs, context: BuildContext): void {
  if (inputs.platforms.length > 0) {
    throw new UserError(
      `platforms: building for ${inputs.platforms.join(',')} needs Docker Buildx, which this runner does not have: add docker/setup-buildx-action before this step, or remove platforms.`,
    )
  }
  if (inputs.cacheTo.length > 0) {
    throw new UserError(
      'cache-to needs Docker Buildx, which this runner does not have: add docker/setup-buildx-action before this step, or remove cache-to.',
    )
  }
  const typed = inputs.cacheFrom.find((source) => source.includes('='))
  if (typed !== undefined) {
    throw new UserError(
      `cache-from: "${typed}" is a Buildx cache source, but this runner has no Buildx and the legacy docker builder takes image references only (like ${context.repository}:cache): add docker/setup-buildx-action before this step, or give an image reference.`,
    )
  }
  for (const name of ['provenance', 'sbom'] as const) {
    if (wantsAttestation(inputs[name])) {
      throw new UserError(
        `${name}: "${inputs[name]}" asks for an attestation, which needs docker buildx; this runner does not have it: add docker/setup-buildx-action before this step, or set ${name}: false.`,
      )
    }
  }
}

/** Whether the legacy builder must run with BuildKit (DOCKER_BUILDKIT=1): build secrets and SSH need it. */
export function needsBuildKit(context: Pick<BuildContext, 'mounts'>): boolean {
  return context.mounts !== undefined && hasMounts(context.mounts)
}

/**
 * The arguments after `docker` for the build: `buildx build …` or the legacy `build …`.
 * Pure, so every combination is tested in a table; throws a UserError for what the chosen builder cannot do.
 */
export function buildArgs(inputs: BuildArgInputs, context: BuildContext, options: BuildOptions): string[] {
  const { buildx } = options
  if (!buildx) checkLegacyBuilder(inputs, context)

  // BuildKit (buildx, or the legacy command with DOCKER_BUILDKIT=1) prints its progress plainly, one step a line.
  const args = buildx
    ? ['buildx', 'build', '--progress=plain']
    : needsBuildKit(context)
      ? ['build', '--progress=plain']
      : ['build']
  if (context.dockerfile !== undefined) args.push('--file', context.dockerfile)
  for (const tag of context.tags) args.push('--tag', `${context.repository}:${tag}`)
  for (const [name, value] of effectiveBuildArgs(inputs.buildArgs, context.git))
    args.push('--build-arg', `${name}=${value}`)
  for (const [name, value] of [...imageLabels(context), ...parseLabels(inputs.labels ?? [])])
    args.push('--label', `${name}=${value}`)
  if (inputs.target) args.push('--target', inputs.target)
  if (inputs.platforms.length > 0) args.push('--platform', inputs.platforms.join(','))
  for (const source of inputs.cacheFrom) args.push('--cache-from', source)
  for (const destination of inputs.cacheTo) args.push('--cache-to', destination)
  if (context.mounts !== undefined) args.push(...mountArgs(context.mounts))
  if (inputs.noCache) args.push('--no-cache')
  if (inputs.pull) args.push('--pull')
  if (buildx) {
    // buildx's own defaults stand when unset (provenance on, sbom off); `false` turns one off, as build-push-action.
    if (inputs.provenance !== undefined && inputs.provenance.trim() !== '')
      args.push(`--provenance=${inputs.provenance.trim()}`)
    if (inputs.sbom !== undefined && inputs.sbom.trim() !== '') args.push(`--sbom=${inputs.sbom.trim()}`)
    if (options.metadataFile !== undefined) args.push('--metadata-file', options.metadataFile)
    if (inputs.push) args.push('--push')
    // --load keeps a local copy to look at; buildx cannot load a multi-platform image into the classic store.
    else if (inputs.platforms.length <= 1) args.push('--load')
  }
  args.push(inputs.build)
  return args
}

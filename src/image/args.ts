import { UserError } from '../errors.js'
import type { GitContext, ImageInputs } from './types.js'

export type BuildArgInputs = Pick<
  ImageInputs,
  'build' | 'buildArgs' | 'target' | 'platforms' | 'cacheFrom' | 'cacheTo' | 'push'
>

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
    'on the docker command line. Pass secrets as build secrets instead (RUN --mount=type=secret in the Dockerfile, ' +
    'docker build --secret); the values are masked in this log.'
  )
}

/** OCI labels that tie the image to its commit. */
export function imageLabels(context: Pick<BuildContext, 'git' | 'created' | 'buildKey'>): [string, string][] {
  const { git } = context
  const labels: [string, string][] = [
    ['org.opencontainers.image.revision', git.sha],
    ['org.opencontainers.image.source', `${git.serverUrl.replace(/\/+$/, '')}/${git.repository}`],
    ['org.opencontainers.image.created', context.created],
  ]
  if (git.refName !== '') labels.push(['org.opencontainers.image.version', git.refName])
  if (context.buildKey !== undefined) labels.push([BUILD_KEY_LABEL, context.buildKey])
  return labels
}

/**
 * The arguments after `docker` for the build: `buildx build …` or the legacy `build …`.
 * Pure, so every combination is tested in a table; throws a UserError for what the chosen builder cannot do.
 */
export function buildArgs(inputs: BuildArgInputs, context: BuildContext, options: BuildOptions): string[] {
  const { buildx } = options
  if (!buildx) {
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
  }

  const args = buildx ? ['buildx', 'build', '--progress=plain'] : ['build']
  if (context.dockerfile !== undefined) args.push('--file', context.dockerfile)
  for (const tag of context.tags) args.push('--tag', `${context.repository}:${tag}`)
  for (const [name, value] of effectiveBuildArgs(inputs.buildArgs, context.git))
    args.push('--build-arg', `${name}=${value}`)
  for (const [name, value] of imageLabels(context)) args.push('--label', `${name}=${value}`)
  if (inputs.target) args.push('--target', inputs.target)
  if (inputs.platforms.length > 0) args.push('--platform', inputs.platforms.join(','))
  for (const source of inputs.cacheFrom) args.push('--cache-from', source)
  for (const destination of inputs.cacheTo) args.push('--cache-to', destination)
  if (buildx) {
    if (options.metadataFile !== undefined) args.push('--metadata-file', options.metadataFile)
    if (inputs.push) args.push('--push')
    // --load keeps a local copy to look at; buildx cannot load a multi-platform image into the classic store.
    else if (inputs.platforms.length <= 1) args.push('--load')
  }
  args.push(inputs.build)
  return args
}

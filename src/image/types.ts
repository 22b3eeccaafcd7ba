import type { ECRClient } from '@aws-sdk/client-ecr'
import type { AwsClients } from '../aws/clients.js'
import type { GitContext as RunContext } from '../common/git-context.js'
import type { Log } from '../common/log.js'

/** The build-and-push inputs, typed; src/settings/inputs.ts reads action.yml's inputs into this. */
export interface ImageInputs {
  /** Docker build context (a directory, or a remote context such as a git URL). */
  build: string
  /** Repository to push to; a tag or digest on it is ignored (the pushed digest is what gets deployed). */
  image: string
  /** Path to the Dockerfile, relative to the working directory. Default: `<build>/Dockerfile`. */
  dockerfile?: string | undefined
  /** Build arguments; COMMIT_HASH and GIT_SHA default to the commit sha. */
  buildArgs: Record<string, string>
  target?: string | undefined
  /** Target platforms (`linux/amd64`…); needs buildx. Empty: the builder's own. */
  platforms: string[]
  /** Tags to push. Empty: the full commit sha and the sanitised branch or tag name. */
  tags: string[]
  cacheFrom: string[]
  cacheTo: string[]
  push: boolean
  createRepository: boolean
  scanOnPush: boolean
  immutableTags: boolean
  skipBuildIfExists: boolean
  /** Image labels, `key=value` lines (docker/metadata-action's `labels` output); after the action's own OCI labels. */
  labels?: string[]
  /** Build secrets, `id=value` lines; the values reach docker through its environment only. */
  buildSecrets?: string[]
  /** Build secrets from files, `id=path` lines, the paths inside the workspace. */
  buildSecretFiles?: string[]
  /** SSH agent sockets or keys for the build: `default` or `id=path`. */
  ssh?: string[]
  /** buildx's `--provenance` (`false`, `true`, `mode=max`…); unset: buildx's default. */
  provenance?: string | undefined
  /** buildx's `--sbom` (`false`, `true`…); unset: buildx's default (none). */
  sbom?: string | undefined
  noCache?: boolean
  pull?: boolean
  registryUsername?: string | undefined
  registryPassword?: string | undefined
  logout: boolean
}

/** What the image step needs to know about the commit. */
export type GitContext = Pick<RunContext, 'sha' | 'refName' | 'repository' | 'serverUrl'> &
  Partial<Pick<RunContext, 'workspace'>>

export interface ImageDeps {
  clients: AwsClients
  /** Makes an ECR client for a region other than `clients.region` (an image in another region). */
  ecrClientFor?: (region: string) => ECRClient
  git: GitContext
  /** Milliseconds, like Date.now (injected so tests control durations). */
  now?: () => number
  /** Environment to read AWS_ENDPOINT_URL* and `build-secrets` given by id alone from (default process.env). */
  env?: NodeJS.ProcessEnv
  log: Log
  /** Told of each registry logged in to, so the run logs out of it at the end. */
  loggedIn?: (registry: string) => void
  /** The run's deadline as a signal for commands starting now (docker login, build, push). */
  signal?: () => AbortSignal | undefined
}

export interface BuiltImage {
  /** `repo@sha256:…`: what the task definition should run. Without push, `repo:<first tag>`. */
  reference: string
  /** `registry/repository`, without tag or digest. */
  repository: string
  /** `sha256:…` of the pushed manifest (or index); empty when nothing was pushed and no digest is known. */
  digest: string
  tags: string[]
  /** True when the commit's image was already in the registry and no build ran. */
  reused: boolean
  buildSeconds: number
  pushSeconds: number
  /** Compressed size as ECR reports it (ECR only). */
  sizeBytes?: number
  builder: 'buildx' | 'docker' | 'none'
}

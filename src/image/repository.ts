import type { ECRClient, ImageDetail, ImageIdentifier, Repository } from '@aws-sdk/client-ecr'
import { createClients } from '../aws/clients.js'
import * as gateway from '../aws/ecr.js'
import { isAccessDenied, isNotFound, unlessNotFound } from '../aws/errors.js'
import { errorMessage } from '../common/errors.js'
import { repositoryMissing } from './build-failures.js'
import { endpointHost, parseEcrHost, registryKind, type ImageReference } from './reference.js'
import type { ImageDeps } from './types.js'
import type { Log } from '../common/log.js'

export interface RegistryCredentials {
  /** The registry to `docker login` to (proxyEndpoint without its scheme). */
  registry: string
  username: string
  password: string
}

/** Where the image's ECR repository lives, and the client that reaches it. */
export interface EcrTarget {
  client: ECRClient
  /** Account for registryId(s); undefined means the caller's own registry (the local stack). */
  registryId?: string
  region: string
  /** `<account>/<region>`, or `<host>/<region>` when the account is not in the host, for messages. */
  label: string
  /** Already fetched while finding out that the host is ECR (custom endpoints). */
  credentials?: RegistryCredentials
}

/**
 * The ECR registry behind the image's host, or undefined when it is another registry.
 * An ECR host gives the account and region (a client for another region comes from `ecrClientFor`); with a custom
 * ECR endpoint, the host is ECR's when GetAuthorizationToken's proxyEndpoint names it (see registryKind).
 */
export async function resolveEcrTarget(ref: ImageReference, deps: ImageDeps): Promise<EcrTarget | undefined> {
  const { clients } = deps
  const kind = registryKind(ref.registry, deps.env ?? process.env)
  if (kind === 'other') return undefined
  const ecrHost = parseEcrHost(ref.registry)
  if (ecrHost) {
    const client =
      ecrHost.region === clients.region
        ? clients.ecr
        : (deps.ecrClientFor ?? ((region: string) => createClients(region).ecr))(ecrHost.region)
    return {
      client,
      registryId: ecrHost.accountId,
      region: ecrHost.region,
      label: `${ecrHost.accountId}/${ecrHost.region}`,
    }
  }
  const target: EcrTarget = { client: clients.ecr, region: clients.region, label: `${ref.registry}/${clients.region}` }
  let credentials: RegistryCredentials
  try {
    credentials = await ecrCredentials(target, deps.log)
  } catch (error) {
    deps.log.info(
      `${ref.registry} is treated as a registry other than ECR: ECR's endpoint did not answer (${errorMessage(error)}).`,
    )
    return undefined
  }
  if (credentials.registry.toLowerCase() !== ref.registry.toLowerCase()) {
    deps.log.info(`${ref.registry} is treated as a registry other than ECR: ECR's registry is ${credentials.registry}.`)
    return undefined
  }
  return { ...target, credentials }
}

/** GetAuthorizationToken, decoded; the password is registered as a secret before anything can print it. */
export async function ecrCredentials(
  target: Pick<EcrTarget, 'client' | 'registryId' | 'label'>,
  log: Log,
): Promise<RegistryCredentials> {
  const data = await gateway.getAuthorizationToken(target)
  if (!data?.authorizationToken || !data.proxyEndpoint) {
    throw new Error(`ECR returned no authorization data for ${target.label}.`)
  }
  log.secret(data.authorizationToken)
  const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon <= 0) throw new Error(`ECR returned an authorization token for ${target.label} that is not user:password.`)
  const password = decoded.slice(colon + 1)
  log.secret(password)
  return { registry: endpointHost(data.proxyEndpoint), username: decoded.slice(0, colon), password }
}

export interface RepositoryOptions {
  create: boolean
  scanOnPush: boolean
  immutableTags: boolean
}

/** The repository as found: `missing` when it does not exist and create-repository asks for it to be created. */
export interface FoundRepository {
  repository?: Repository | undefined
  missing: boolean
}

/**
 * Looks the repository up without changing anything; a UserError when it is missing and `create` is not set.
 * `repository` is undefined when the role may not describe repositories and need not create one: the push will tell.
 */
export async function findRepository(
  target: EcrTarget,
  repositoryName: string,
  options: Pick<RepositoryOptions, 'create'>,
  log: Log,
): Promise<FoundRepository> {
  try {
    const repository = await gateway.describeRepository(target, repositoryName)
    if (repository) return { repository, missing: false }
  } catch (error) {
    if (isAccessDenied(error) && !options.create) {
      log.debug(
        `Not allowed to describe ${repositoryName}; the push will show whether it exists: ${errorMessage(error)}`,
      )
      return { missing: false }
    }
    if (!isNotFound(error, 'repository')) throw error
  }
  if (!options.create) throw repositoryMissing(repositoryName, target.label)
  return { missing: true }
}

/** Creates the repository (create-repository: true) and says so. */
export async function createRepository(
  target: EcrTarget,
  repositoryName: string,
  options: RepositoryOptions,
  log: Log,
): Promise<Repository | undefined> {
  const created = await gateway.createRepository(target, {
    repositoryName,
    imageScanningConfiguration: { scanOnPush: options.scanOnPush },
    imageTagMutability: options.immutableTags ? 'IMMUTABLE' : 'MUTABLE',
  })
  log.info(
    `Created ECR repository ${repositoryName} in ${target.label} (scan on push: ${options.scanOnPush}, tags ${options.immutableTags ? 'immutable' : 'mutable'}).`,
  )
  return created
}

/** The image with this tag or digest, or undefined when the image (or the repository) does not exist. */
export async function describeImage(
  target: EcrTarget,
  repositoryName: string,
  image: ImageIdentifier,
): Promise<ImageDetail | undefined> {
  return unlessNotFound(gateway.describeImage(target, repositoryName, image))
}

/** Whether ECR refuses to move this tag once pushed, given the repository's mutability and exclusion filters. */
export function isTagImmutable(tag: string, repository: Repository | undefined): boolean {
  const matchesFilter = () =>
    (repository?.imageTagMutabilityExclusionFilters ?? []).some(
      (filter) => filter.filter !== undefined && wildcard(filter.filter).test(tag),
    )
  switch (repository?.imageTagMutability) {
    case 'IMMUTABLE':
      return true
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !matchesFilter()
    case 'MUTABLE_WITH_EXCLUSION':
      return matchesFilter()
    default:
      return false
  }
}

function wildcard(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  )
}

import { UserError } from '../common/errors.js'

export interface ImageReference {
  /** Registry host, with its port when one is given (`127.0.0.1:5000`); `docker.io` when none is named. */
  registry: string
  /** Repository path inside the registry (`library/nginx` on Docker Hub for `nginx`). */
  repository: string
  tag?: string
  digest?: string
}

// The distribution grammar: algorithm-component ([+._-] algorithm-component)* ":" encoded; registries accept these three.
const DIGEST_ALGORITHM = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*$/
const HEX_DIGITS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 }
const TAG_MAX = 128
// Docker's grammar: lowercase alphanumerics separated by one `.` or `_`, two `_`, or any number of `-`.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?'
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?$`)
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

/** Why `digest` (after `@`) is not one, or undefined when it is. */
function digestProblem(digest: string): string | undefined {
  const colon = digest.indexOf(':')
  if (colon < 0) return `"${digest}" after @ is not a digest: expected algorithm:hex, like sha256:<64 hex digits>`
  const algorithm = digest.slice(0, colon)
  const hex = digest.slice(colon + 1)
  const digits = HEX_DIGITS[algorithm]
  if (digits === undefined) {
    return DIGEST_ALGORITHM.test(algorithm)
      ? `digest algorithm "${algorithm}" is not one registries accept (sha256, sha384 or sha512)`
      : `"${algorithm}" is not a digest algorithm (lowercase letters and digits, like sha256)`
  }
  if (!/^[a-f0-9]*$/.test(hex)) return `a ${algorithm} digest is lowercase hex digits (0-9, a-f); "${hex}" is not`
  if (hex.length !== digits) return `a ${algorithm} digest has ${digits} hex digits; "${hex}" has ${hex.length}`
  return undefined
}

/** Why `tag` (after the last `:`) is not one, or undefined when it is. */
function tagProblem(tag: string): string | undefined {
  if (tag === '') return 'the tag after ":" is empty; give one, or leave out the ":"'
  if (tag.length > TAG_MAX) return `the tag has ${tag.length} characters; at most ${TAG_MAX}`
  const bad = /[^A-Za-z0-9_.-]/.exec(tag)?.[0]
  if (bad) return `tag "${tag}" holds "${bad}"; a tag may only hold letters, digits, _ . and -`
  if (/^[.-]/.test(tag)) return `tag "${tag}" starts with "${tag[0]}"; it must start with a letter, digit or _`
  return undefined
}

/**
 * Splits an image reference the way Docker does: the first path component is a registry when it
 * has a `.` or a `:` or is `localhost`; otherwise the image is on Docker Hub (`nginx` → `library/nginx`).
 * A tag and a digest together (`web:1.2@sha256:…`) are valid: both are kept, and the digest alone decides
 * what is pulled (the tag is a label for people).
 * Throws a UserError naming `inputName` when the reference is not valid, saying what is wrong.
 */
export function parseImageReference(ref: string, inputName = 'image'): ImageReference {
  const invalid = (why: string) => new UserError(`${inputName} "${ref}" is not a valid image reference: ${why}.`)
  const trimmed = ref.trim()
  if (trimmed === '') throw invalid('it is empty')
  if (/\s/.test(trimmed)) throw invalid('it contains whitespace')

  const { name, tag, digest } = splitSuffixes(trimmed)
  const problem =
    (digest !== undefined ? digestProblem(digest) : undefined) ?? (tag !== undefined ? tagProblem(tag) : undefined)
  if (problem) throw invalid(problem)

  const { registry, parts, named } = splitName(name)
  if (named) {
    if (/:(?!\d+$)/.test(named.replace(/^\[[^\]]*\]/, ''))) {
      throw invalid('a tag cannot contain "/" (after a registry host, ":" is followed by a port number)')
    }
    if (!HOST.test(named)) throw invalid(`"${named}" is not a registry host (host or host:port)`)
  }
  if (parts.length === 0 || parts.some((part) => part === ''))
    throw invalid('the repository name is missing or has an empty path component')
  for (const part of parts) {
    if (!PATH_COMPONENT.test(part)) {
      throw invalid(
        part.toLowerCase() !== part && PATH_COMPONENT.test(part.toLowerCase())
          ? `repository names must be lowercase ("${part}")`
          : `"${part}" may only hold lowercase letters, digits and single separators (. _ __ -) between them`,
      )
    }
  }
  const repository = parts.join('/')
  if (registry.length + 1 + repository.length > 255) throw invalid('the name is longer than 255 characters')
  return { registry, repository, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) }
}

/** The name, tag (after the last `:` past the last `/`) and digest (after `@`) of a reference, unchecked. */
function splitSuffixes(ref: string): { name: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@')
  const digest = at >= 0 ? ref.slice(at + 1) : undefined
  const rest = at >= 0 ? ref.slice(0, at) : ref
  const colon = rest.lastIndexOf(':')
  const tag = colon > rest.lastIndexOf('/') ? rest.slice(colon + 1) : undefined
  const name = tag !== undefined ? rest.slice(0, colon) : rest
  return { name, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) }
}

/**
 * Registry and path components of a name: the first component is the registry when it has a `.` or a `:` or is
 * `localhost`, else Docker Hub (`nginx` → `library/nginx`). `named` is the registry as written, when one was.
 */
function splitName(name: string): { registry: string; parts: string[]; named?: string } {
  const parts = name.split('/')
  const first = parts[0] ?? ''
  const named =
    parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined
  if (named !== undefined) parts.shift()
  let registry = named ?? 'docker.io'
  if (DOCKER_HUB.has(registry.toLowerCase())) {
    registry = 'docker.io'
    if (parts.length === 1) parts.unshift('library')
  }
  return { registry, parts, ...(named !== undefined && { named }) }
}

/**
 * `registry/repository` of a reference, without tag or digest, with Docker Hub's implied parts; unchecked, so it
 * also reads a template's images that the grammar refuses (those are reported by the task definition's validation).
 */
export function imageRepository(reference: string): string {
  const { registry, parts } = splitName(splitSuffixes(reference).name)
  return `${registry}/${parts.join('/')}`
}

/** `registry/repository`: the name to tag, push and deploy (`repo@sha256:…`). */
export function imageName(ref: Pick<ImageReference, 'registry' | 'repository'>): string {
  return `${ref.registry}/${ref.repository}`
}

export interface EcrRegistry {
  accountId: string
  region: string
}

// <account>.dkr.ecr[-fips].<region>.<partition domain>, and the dual-stack <account>.dkr-ecr[-fips].<region>.on.aws.
const ECR_HOST =
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.(?:amazonaws\.com(?:\.cn)?|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/
const ECR_DUALSTACK_HOST = /^(\d{12})\.dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws$/

/** The account and region of an Amazon ECR registry host, or undefined when the host is not ECR's. */
export function parseEcrHost(host: string): EcrRegistry | undefined {
  const match = ECR_HOST.exec(host.toLowerCase()) ?? ECR_DUALSTACK_HOST.exec(host.toLowerCase())
  if (!match?.[1] || !match[2]) return undefined
  return { accountId: match[1], region: match[2] }
}

/**
 * Which kind of registry a host is, for login and the ECR API calls:
 * - `ecr`: an Amazon ECR host (`<account>.dkr.ecr.<region>.amazonaws.com[.cn]`, FIPS, dual-stack, ISO partitions).
 * - `ecr-endpoint`: not an ECR host, but ECR is reached through a custom endpoint (AWS_ENDPOINT_URL_ECR or
 *   AWS_ENDPOINT_URL, as with a local stack). It is ECR only when GetAuthorizationToken's proxyEndpoint names
 *   this very host; the caller asks ECR and compares (see resolveEcrTarget).
 * - `other`: any other registry (Docker Hub, GHCR, a private one): registry-username/password, no ECR calls.
 */
export function registryKind(host: string, env: NodeJS.ProcessEnv = process.env): 'ecr' | 'ecr-endpoint' | 'other' {
  if (parseEcrHost(host)) return 'ecr'
  if (host !== 'docker.io' && (env.AWS_ENDPOINT_URL_ECR || env.AWS_ENDPOINT_URL)) return 'ecr-endpoint'
  return 'other'
}

/** The host (and port) of an ECR proxyEndpoint such as `https://123456789012.dkr.ecr.us-east-1.amazonaws.com`. */
export function endpointHost(proxyEndpoint: string): string {
  return proxyEndpoint
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
}

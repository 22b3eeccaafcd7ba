import { createHash } from 'node:crypto'
import { resourceName } from '../aws/arn.js'

const ECS_NAME_MAX = 255
const TARGET_GROUP_NAME_MAX = 32

/** The last part of a name or ARN (`arn:…:service/dev/web` → `web`). */
export function shortName(nameOrArn: string): string {
  return resourceName(nameOrArn)
}

/** `<name>-pr-<N>`, kept to ECS's rules for service and family names: 255 letters, digits, - and _. */
function withPrSuffix(name: string, pr: number): string {
  const suffix = `-pr-${pr}`
  return (
    shortName(name)
      .replace(/[^A-Za-z0-9_-]/g, '-')
      .slice(0, ECS_NAME_MAX - suffix.length) + suffix
  )
}

/** The preview's ECS service name: `<service>-pr-<N>`. */
export function previewServiceName(service: string, pr: number): string {
  return withPrSuffix(service, pr)
}

/** A task definition family of the preview's own, so its revisions never mix with the base environment's. */
export function previewFamily(family: string, pr: number): string {
  return withPrSuffix(family, pr)
}

/** Whether a family is the preview family of pull request `pr` (and so may be deregistered with it). */
export function isPreviewFamily(family: string, pr: number): boolean {
  return family.endsWith(`-pr-${pr}`)
}

/**
 * The preview's target group name: ELB allows 32 characters, so `pr-<N>-<hash>`, where the hash of cluster
 * and service keeps two services' previews of one pull request apart, and is the same on every run.
 */
export function targetGroupName(cluster: string, serviceName: string, pr: number): string {
  const hash = createHash('sha256')
    .update(`${shortName(cluster)}/${serviceName}`)
    .digest('hex')
  const prefix = `pr-${pr}-`
  return prefix + hash.slice(0, Math.min(8, TARGET_GROUP_NAME_MAX - prefix.length))
}

export function previewHost(pr: number, domain: string): string {
  return `pr-${pr}.${domain}`
}

export function previewPathPatterns(pr: number): string[] {
  return [`/pr-${pr}`, `/pr-${pr}/*`]
}

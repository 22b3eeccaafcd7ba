export const TAG_KEYS = {
  repository: 'ecs-deploy-action:repository',
  pr: 'ecs-deploy-action:pr',
  createdAt: 'ecs-deploy-action:created-at',
  cluster: 'ecs-deploy-action:cluster',
  service: 'ecs-deploy-action:service',
} as const

/** What the tags of a preview resource say about it. */
export interface PreviewIdentity {
  repository: string
  pr: number
  createdAt?: Date
  cluster?: string
  service?: string
}

/** The tags every preview resource carries, so previews can be counted and swept by tag. */
export function previewTags(identity: {
  repository: string
  pr: number
  createdAt: Date
  cluster: string
  service: string
}): Record<string, string> {
  return {
    [TAG_KEYS.repository]: identity.repository,
    [TAG_KEYS.pr]: String(identity.pr),
    [TAG_KEYS.createdAt]: identity.createdAt.toISOString(),
    [TAG_KEYS.cluster]: identity.cluster,
    [TAG_KEYS.service]: identity.service,
  }
}

export const ecsTags = (tags: Record<string, string>): { key: string; value: string }[] =>
  Object.entries(tags).map(([key, value]) => ({ key, value }))
export const elbTags = (tags: Record<string, string>): { Key: string; Value: string }[] =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))

/** An ECS tag (`key`/`value`) or an ELB tag (`Key`/`Value`). */
export interface TagLike {
  key?: string | undefined
  value?: string | undefined
  Key?: string | undefined
  Value?: string | undefined
}

/** Reads ECS or ELB tags; undefined unless they mark a preview of `repository`. */
export function readPreviewTags(tags: readonly TagLike[] | undefined, repository: string): PreviewIdentity | undefined {
  const map = new Map((tags ?? []).map((t) => [t.key ?? t.Key, t.value ?? t.Value]))
  const pr = Number(map.get(TAG_KEYS.pr))
  if (map.get(TAG_KEYS.repository) !== repository || !Number.isInteger(pr) || pr <= 0) return undefined
  const createdAt = new Date(map.get(TAG_KEYS.createdAt) ?? '')
  const cluster = map.get(TAG_KEYS.cluster)
  const service = map.get(TAG_KEYS.service)
  return {
    repository,
    pr,
    ...(!Number.isNaN(createdAt.getTime()) && { createdAt }),
    ...(cluster && { cluster }),
    ...(service && { service }),
  }
}

/** The base service's own tags worth copying: not AWS's, not ours; ECS allows 50 in all. */
export function copiedTags(tags: readonly TagLike[] | undefined, room: number): { key: string; value: string }[] {
  return (tags ?? [])
    .filter(
      (t): t is { key: string; value: string } =>
        !!t.key && t.value !== undefined && !/^(aws:|ecs-deploy-action:)/i.test(t.key),
    )
    .slice(0, room)
}

// One place that reads ARNs: arn:<partition>:<service>:<region>:<account>:<resource>, where the resource is
// `type/id…` for ECS (task-definition/web:12, service/cluster/web, task/cluster/id) and ELB (targetgroup/name/id),
// and `type:id` for some others.

export interface Arn {
  partition: string
  service: string
  region: string
  account: string
  /** Everything after the account: `task-definition/web:12`, `service/prod/web`, `targetgroup/blue/0123…`. */
  resource: string
}

/** The parts of an ARN, or undefined when `text` is not one (a plain name, `family:revision`). */
export function parseArn(text: string): Arn | undefined {
  const match = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(text)
  if (!match) return undefined
  const [, partition = '', service = '', region = '', account = '', resource = ''] = match
  return { partition, service, region, account, resource }
}

/** The last path part of an ARN's resource, or the text itself when it is a name: `web:12` of a task definition, `web` of a service. */
export function lastPart(nameOrArn: string): string {
  const resource = parseArn(nameOrArn)?.resource ?? nameOrArn
  return resource.slice(resource.lastIndexOf('/') + 1)
}

/** `family:revision` of a task definition ARN (or of `family:revision` itself); `fallback` when there is none. */
export function taskDefinitionRevision(arn: string | undefined, fallback = '?'): string {
  return arn ? lastPart(arn) : fallback
}

/** The family of a task definition ARN or `family:revision`: `web` of `…:task-definition/web:12`. */
export function taskDefinitionFamily(arn: string): string {
  return lastPart(arn).replace(/:\d+$/, '')
}

/** The revision number of a task definition ARN or `family:revision`, or undefined when it names none. */
export function revisionNumber(arn: string): number | undefined {
  const match = /:(\d+)$/.exec(lastPart(arn))
  return match ? Number(match[1]) : undefined
}

/** The name of a cluster, service or task from its ARN (or the name itself): `web` of `…:service/prod/web`. */
export const resourceName = lastPart

/** An ARN's resource without its type: `blue/0123456789abcdef` of a target group's ARN; the text itself when it is no ARN. */
export function resourceId(arn: string): string {
  const resource = parseArn(arn)?.resource ?? arn
  return resource.slice(resource.indexOf('/') + 1)
}

/** A Lambda function's name from its ARN (`…:function:my-hook`, with an optional `:alias`), or the text itself. */
export function functionName(arn: string): string {
  const resource = parseArn(arn)?.resource ?? arn
  return /^function:([^:]+)/.exec(resource)?.[1] ?? resource
}

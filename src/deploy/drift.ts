// Drift: where the live service and its running revision differ from what the repository's files would deploy. The
// differences are the deploy's own (taskdef/compare.ts, deploy/changes.ts), turned around: the live value, the repo's.
import type { Service, TaskDefinition } from '@aws-sdk/client-ecs'
import { shownValue, type TaskDefinitionDifference } from '../taskdef/compare.js'

/** One difference: where, the value the service has, the value the repository's files say. */
export interface Drift {
  path: string
  live: string
  repo: string
}

/** The revision the service runs: its PRIMARY deployment's (the newest one), else the service's own. */
export function runningRevision(service: Service): string | undefined {
  return service.deployments?.find((d) => d.status === 'PRIMARY')?.taskDefinition ?? service.taskDefinition
}

/** Container name → the image it runs: a drift check deploys no new image unless one is given. */
export function runningImages(taskDefinition: TaskDefinition): Record<string, string> {
  return Object.fromEntries(
    (taskDefinition.containerDefinitions ?? []).flatMap((c) => (c.name && c.image ? [[c.name, c.image]] : [])),
  )
}

/** A task definition difference: before is the live revision, after what the files render. */
export function taskDefinitionDrift({ path, before, after, masked }: TaskDefinitionDifference): Drift {
  const hidden = (value: unknown): string => (value === undefined ? '(none)' : '(hidden)')
  return masked
    ? { path, live: hidden(before), repo: hidden(after) }
    : { path, live: shownValue(before), repo: shownValue(after) }
}

/** A service change line (`service desired count: 3 → 2`, deploy/changes.ts) as the live value and the repo's. */
export function serviceDrift(line: string): Drift {
  const colon = line.indexOf(': ')
  const [path, values] = colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 2)]
  const arrow = values.indexOf(' → ')
  return arrow < 0
    ? { path, live: '(as the service has it)', repo: values }
    : { path, live: values.slice(0, arrow), repo: values.slice(arrow + 3) }
}

import { readFileSync } from 'node:fs'
import type { RunEvent } from '../config/resolve.js'
import { errorMessage, UserError } from '../common/errors.js'

interface PullRequestPayload {
  action?: string
  number?: number
  pull_request?: { number?: number; base?: { ref?: string }; head?: { ref?: string; sha?: string } }
}

/** The event as environment resolution sees it, from the event name, GITHUB_REF and the event payload. */
export function runEventFrom(name: string, ref: string, payload: unknown): RunEvent {
  const p = (payload ?? {}) as PullRequestPayload
  const number = p.pull_request?.number ?? p.number
  if (!p.pull_request || number === undefined) return { name, ref }
  return {
    name,
    ref,
    pullRequest: {
      number,
      action: p.action ?? '',
      baseRef: p.pull_request.base?.ref ?? '',
      headRef: p.pull_request.head?.ref ?? '',
      headSha: p.pull_request.head?.sha ?? '',
    },
  }
}

/** Reads the run's event from the runner's GITHUB_EVENT_NAME, GITHUB_REF and GITHUB_EVENT_PATH. */
export function readRunEvent(env: NodeJS.ProcessEnv = process.env): RunEvent {
  const path = env.GITHUB_EVENT_PATH
  return runEventFrom(env.GITHUB_EVENT_NAME ?? '', env.GITHUB_REF ?? '', path ? eventPayload(path) : {})
}

function eventPayload(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new UserError(
      `Could not read the event payload GITHUB_EVENT_PATH (${path}): ${errorMessage(error)}. The runner writes it as JSON; outside GitHub Actions, point GITHUB_EVENT_PATH at a JSON file or unset it.`,
    )
  }
}

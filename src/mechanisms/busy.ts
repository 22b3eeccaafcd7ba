// A service with a deployment already in flight: the action waits for it or fails (`on-busy`), and never
// starts over a deployment an earlier run left paused.
import type { Clock } from '../deploy/clock.js'
import { describeLimit } from '../deploy/clock.js'
import { UserError } from '../common/errors.js'
import type { OnBusy } from './strategy-types.js'

/** A deployment in flight, in words. */
export interface InFlight {
  /** `deployment ecs-svc/… of web:6 (IN_PROGRESS since …)` */
  what: string
  /** Set when it waits at a hook or Ready: it would never end by itself in time, so there is no point waiting. */
  paused?: string
}

export interface WaitContext {
  clock: Clock
  signal?: AbortSignal
  timeoutMs: number
  log: (line: string) => void
}

const POLL_MS = 5000

/** Resolves once `probe` finds nothing in flight; throws, having changed nothing, when told not to wait or when waiting fails. */
export async function untilIdle(
  ctx: WaitContext,
  service: string,
  onBusy: OnBusy,
  probe: () => Promise<InFlight | undefined>,
): Promise<void> {
  const deadline = ctx.clock.now() + ctx.timeoutMs
  let logged = false
  for (let busy = await probe(); busy; busy = await probe()) {
    if (busy.paused) {
      throw new UserError(
        `Service "${service}" has ${busy.what}, paused at ${busy.paused} (an earlier run's \`wait-until\`?): nothing was changed. Resolve it first: run this action with \`mode: continue\` or \`mode: rollback-paused\`.`,
      )
    }
    if (onBusy === 'fail') {
      throw new UserError(
        `Service "${service}" is busy with ${busy.what}: nothing was changed. Run again once it has finished, or set \`on-busy: wait\` to have the action wait for it.`,
      )
    }
    if (ctx.signal?.aborted)
      throw new UserError(
        `The job was cancelled while waiting for ${busy.what} of service "${service}" to finish: nothing was changed.`,
      )
    if (ctx.clock.now() >= deadline) {
      throw new UserError(
        `Service "${service}" was still busy with ${busy.what} after ${describeLimit(ctx.timeoutMs)} (on-busy: wait): nothing was changed.`,
      )
    }
    if (!logged) ctx.log(`${service}: ${busy.what} is in flight; waiting for it to finish (on-busy: wait)`)
    logged = true
    await ctx.clock.sleep(POLL_MS, ctx.signal)
  }
}

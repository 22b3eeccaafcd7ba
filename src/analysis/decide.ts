// What the analysis does after a read: roll back on the first failing check; go on once every check passed; and, while
// any is inconclusive, what the user chose — except that an inconclusive analysis never passes silently.
import type { Judgement } from './statistics.js'
import type { Inconclusive } from './spec.js'

/** `hold`: keep waiting (and reading); `proceed`: the release passed (or the user lets an inconclusive one go on). */
export type Action = 'rollback' | 'proceed' | 'hold'

export interface Decision {
  at: number
  action: Action
  /** `pass`, `fail` or `inconclusive`: what the figures said, before the user's choice for an inconclusive one. */
  verdict: 'pass' | 'fail' | 'inconclusive'
  reason: string
  judgements: Judgement[]
}

/**
 * The decision on one read. `final`: the bake is over (the deployment moved on, or is paused waiting for it), so an
 * inconclusive analysis must be settled now by the user's choice; `wait` then holds a paused deployment and, with
 * nothing to hold, is reported as inconclusive.
 */
export function decide(judgements: Judgement[], inconclusive: Inconclusive, at: number, final: boolean): Decision {
  const failed = judgements.find((j) => j.outcome === 'fail')
  if (failed)
    return { at, action: 'rollback', verdict: 'fail', reason: `canary analysis failed: ${failed.why}`, judgements }
  const open = judgements.filter((j) => j.outcome === 'inconclusive')
  if (!open.length) {
    // A read while the bake runs is not the verdict: the release can still fail a later one.
    const reason = final ? 'canary analysis passed: every check held' : 'canary analysis: every check holds so far'
    return { at, action: 'proceed', verdict: 'pass', reason, judgements }
  }
  const why = open.map((j) => j.why).join('; ')
  if (!final) return { at, action: 'hold', verdict: 'inconclusive', reason: `canary analysis: ${why}`, judgements }
  const action: Action = inconclusive === 'rollback' ? 'rollback' : inconclusive === 'continue' ? 'proceed' : 'hold'
  const chose = { rollback: 'rolling back', proceed: 'going on', hold: 'waiting' }[action]
  return {
    at,
    action,
    verdict: 'inconclusive',
    reason: `canary analysis inconclusive (${why}); ${chose} as \`inconclusive: ${inconclusive}\` says`,
    judgements,
  }
}

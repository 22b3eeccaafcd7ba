// A run's and a deployment's status, and whether it is a failure: a leaf, so the engine can judge a run without loading the summary's renderers.
/** `paused`: the deployment waits at `wait-until` for a later run's `continue`. */
export type Status = 'succeeded' | 'failed' | 'rolled-back' | 'timed-out' | 'paused' | 'skipped' | 'planned'

/** Whether a deployment (or a run) with this status failed: the one definition the exit code, the summary and GitHub use. */
export function isFailure(status: Status): boolean {
  return status === 'failed' || status === 'rolled-back' || status === 'timed-out'
}

// What the engine needs from the world, given by the door that runs it (src/action/ for the runner, src/cli/ for a terminal).
// The engine never imports @actions/*: everything it says or publishes goes through these ports.
import type { GitHubApi } from '../github/index.js'
import type { DeployPorts } from './pipeline.js'
import type { RunReport } from './run-report.js'
import type { RunDeadline } from '../common/deadline.js'

export type { Annotation, Log } from '../common/log.js'

/** Every port a run uses. */
export interface Ports extends Omit<DeployPorts, 'aws' | 'deadline'> {
  /**
   * The AWS clients for a region. Without it the engine makes the real ones (`createClients`), loading the AWS SDK only
   * once the plan needs AWS: a bad input fails before that.
   */
  aws?: DeployPorts['aws'] | undefined
  /** The run's deadline, cancelled with `signal` (the door's, which its watchdog follows); the engine makes one without. */
  deadline?: RunDeadline | undefined
  /** The GitHub API, when there is a token: deployments and pull request comments are skipped without it. */
  github?: GitHubApi | undefined
  /** Publishes the run's outputs (step outputs, or nothing in a terminal). */
  outputs(report: RunReport): void | Promise<void>
  /** Writes the run's summary (the job summary, or nothing in a terminal). */
  summary(report: RunReport): Promise<void>
}

/** The ports once the engine has its AWS clients: what carrying out a plan uses. */
export type ReadyPorts = Ports & Pick<DeployPorts, 'aws' | 'deadline'>

import { ECSClient } from '@aws-sdk/client-ecs'
import { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import { ECRClient } from '@aws-sdk/client-ecr'
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { HttpHandlerOptions } from '@smithy/types'
import { resolveRegion } from './region.js'

export { resolveRegion } from './region.js'

export interface AwsClients {
  region: string
  ecs: ECSClient
  ecr: ECRClient
  logs: CloudWatchLogsClient
  elbv2: ElasticLoadBalancingV2Client
  codedeploy: CodeDeployClient
  /** The CloudWatch Logs client for a region (a container's `awslogs-region`): `logs` for the action's own region. */
  logsIn(region: string | undefined): CloudWatchLogsClient
}

const USER_AGENT: [string, string] = ['ecs-deploy-action', '1']

/** Time to open a connection, and for one attempt's answer: a silent endpoint is an error, never a hang. */
export const CONNECTION_TIMEOUT_MS = 5_000
export const REQUEST_TIMEOUT_MS = 30_000
/** How long the timeout path (rollback request, diagnosis reads) may take once the time is up or the job is cancelled. */
export const GRACE_MS = 20_000

/**
 * The deadline every AWS request honours. A request in flight when the time is up or the job is cancelled is aborted
 * then; one started later (the timeout path) is aborted `graceMs` after that, so a hung endpoint cannot hold the run
 * past its deadline plus the grace.
 */
export class RunDeadline {
  private at = Infinity
  private cancelledAt: number | undefined

  constructor(
    private readonly cancelled?: AbortSignal,
    private readonly graceMs = GRACE_MS,
    private readonly now: () => number = Date.now,
  ) {
    if (cancelled?.aborted) this.cancelledAt = now()
    else cancelled?.addEventListener('abort', () => (this.cancelledAt = this.now()), { once: true })
  }

  /** Starts a phase allowed `ms` from now (each wait gets the whole timeout-minutes). */
  restart(ms: number): void {
    this.at = this.now() + ms
  }

  /** The signal for a request starting now, joined with the caller's own. */
  signal(own?: AbortSignal): AbortSignal | undefined {
    const now = this.now()
    const end = Math.min(this.at, this.cancelledAt ?? Infinity)
    const stop = now < end ? end : end + this.graceMs
    const signals = [
      own,
      now < end ? this.cancelled : undefined,
      Number.isFinite(stop) ? AbortSignal.timeout(Math.max(0, stop - now)) : undefined,
    ]
    const present = signals.filter((s): s is AbortSignal => s !== undefined)
    return present.length > 1 ? AbortSignal.any(present) : present[0]
  }
}

/** Node's HTTP handler with timeouts, whose every attempt also carries the run's deadline as its abort signal. */
class DeadlineHandler extends NodeHttpHandler {
  constructor(
    private readonly deadline: RunDeadline | undefined,
    timeouts: { connectionTimeout: number; requestTimeout: number },
  ) {
    super({ ...timeouts, throwOnRequestTimeout: true })
  }

  override handle(
    request: Parameters<NodeHttpHandler['handle']>[0],
    options: HttpHandlerOptions = {},
  ): ReturnType<NodeHttpHandler['handle']> {
    const abortSignal = this.deadline?.signal(options.abortSignal as AbortSignal | undefined) ?? options.abortSignal
    return super.handle(request, { ...options, ...(abortSignal && { abortSignal }) })
  }
}

/**
 * Makes every AWS client in one place, each on first use (a run that builds nothing needs no ECR client).
 * Endpoints come from the SDK's own AWS_ENDPOINT_URL* variables, so the local stack is reached exactly as AWS is.
 * Every request has a connection and request timeout, and `deadline` (when given) as its abort signal.
 */
export function createClients(
  region: string,
  deadline?: RunDeadline,
  timeouts = { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
): AwsClients {
  const requestHandler = new DeadlineHandler(deadline, timeouts)
  const config = { region, maxAttempts: 6, retryMode: 'adaptive', customUserAgent: [USER_AGENT], requestHandler }
  let ecs: ECSClient | undefined
  let ecr: ECRClient | undefined
  let logs: CloudWatchLogsClient | undefined
  let elbv2: ElasticLoadBalancingV2Client | undefined
  let codedeploy: CodeDeployClient | undefined
  const logsElsewhere = new Map<string, CloudWatchLogsClient>()
  const logsHere = (): CloudWatchLogsClient => (logs ??= new CloudWatchLogsClient(config))
  return {
    region,
    get ecs() {
      return (ecs ??= new ECSClient(config))
    },
    get ecr() {
      return (ecr ??= new ECRClient(config))
    },
    get logs() {
      return logsHere()
    },
    logsIn(other) {
      if (!other || other === region) return logsHere()
      const name = resolveRegion(other)
      const client = logsElsewhere.get(name) ?? new CloudWatchLogsClient({ ...config, region: name })
      logsElsewhere.set(name, client)
      return client
    },
    get elbv2() {
      return (elbv2 ??= new ElasticLoadBalancingV2Client(config))
    },
    get codedeploy() {
      return (codedeploy ??= new CodeDeployClient(config))
    },
  }
}

import { ECSClient, type ECSClientConfig } from '@aws-sdk/client-ecs'
import type { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { HttpHandlerOptions } from '@smithy/types'
import type { Agent } from 'node:http'
import { RunDeadline } from '../common/deadline.js'
import { proxyAgentFor, proxyConfigured } from '../http/proxy.js'
import { resolveRegion } from './region.js'

export { resolveRegion } from './region.js'
export { GRACE_MS, RunDeadline } from '../common/deadline.js'

export interface AwsClients {
  region: string
  ecs: ECSClient
  ecr: ECRClient
  logs: CloudWatchLogsClient
  elbv2: ElasticLoadBalancingV2Client
  codedeploy: CodeDeployClient
  /** CloudWatch metrics, for the canary analysis. */
  cloudwatch: CloudWatchClient
  /** The CloudWatch Logs client for a region (a container's `awslogs-region`): `logs` for the action's own region. */
  logsIn(region: string | undefined): CloudWatchLogsClient
  /** Closes every connection the clients hold (the run is over). */
  destroy(): void
}

const USER_AGENT: [string, string] = ['ecs-deploy-action', '1']

/** Time to open a connection, and for one attempt's answer: a silent endpoint is an error, never a hang. */
export const CONNECTION_TIMEOUT_MS = 5_000
export const REQUEST_TIMEOUT_MS = 30_000

type Timeouts = { connectionTimeout: number; requestTimeout: number }

/**
 * Node's HTTP handler with timeouts, whose every attempt also carries the run's deadline as its abort signal, and goes
 * through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY names the endpoint.
 */
class DeadlineHandler extends NodeHttpHandler {
  private readonly proxied = new Map<Agent, NodeHttpHandler>()

  constructor(
    private readonly deadline: RunDeadline | undefined,
    private readonly timeouts: Timeouts,
  ) {
    super({ ...timeouts, throwOnRequestTimeout: true })
  }

  override async handle(
    request: Parameters<NodeHttpHandler['handle']>[0],
    options: HttpHandlerOptions = {},
  ): ReturnType<NodeHttpHandler['handle']> {
    const abortSignal = this.deadline?.signal(options.abortSignal as AbortSignal | undefined) ?? options.abortSignal
    const withDeadline = { ...options, ...(abortSignal && { abortSignal }) }
    const agent = proxyConfigured() ? await proxyAgentFor(endpointOf(request)) : undefined
    if (!agent) return super.handle(request, withDeadline)
    let handler = this.proxied.get(agent)
    if (!handler) {
      handler = new NodeHttpHandler({
        ...this.timeouts,
        throwOnRequestTimeout: true,
        httpAgent: agent,
        httpsAgent: agent,
      })
      this.proxied.set(agent, handler)
    }
    return handler.handle(request, withDeadline)
  }

  override destroy(): void {
    super.destroy()
    for (const handler of this.proxied.values()) handler.destroy()
  }
}

/** The URL a request goes to, for NO_PROXY (host and port are what it matches). */
function endpointOf(request: { protocol: string; hostname: string; port?: number | undefined }): string {
  return `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}/`
}

type Config = ECSClientConfig

/**
 * A client whose SDK package is loaded on its first request. Every run talks to ECS; the other packages cost about
 * 750 KiB of code to evaluate and several MB at every start, so a rolling deploy loads only those it calls. Requests
 * are all the action makes of a client (`send`); the clients share one request handler, destroyed with the run.
 */
function onFirstRequest<C extends { send(...args: never[]): Promise<unknown> }>(
  load: () => Promise<new (config: Config) => C>,
  config: Config,
): C {
  let client: Promise<C> | undefined
  const send = async (...args: never[]) =>
    (await (client ??= load().then((Client) => new Client(config)))).send(...args)
  return { send } as unknown as C
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
  const config: Config = {
    region,
    maxAttempts: 6,
    retryMode: 'adaptive',
    customUserAgent: [USER_AGENT],
    requestHandler,
  }
  let ecs: ECSClient | undefined
  let ecr: ECRClient | undefined
  let logs: CloudWatchLogsClient | undefined
  let elbv2: ElasticLoadBalancingV2Client | undefined
  let codedeploy: CodeDeployClient | undefined
  let cloudwatch: CloudWatchClient | undefined
  const logsElsewhere = new Map<string, CloudWatchLogsClient>()
  const logsClient = (settings: Config) =>
    onFirstRequest(async () => (await import('@aws-sdk/client-cloudwatch-logs')).CloudWatchLogsClient, settings)
  const logsHere = (): CloudWatchLogsClient => (logs ??= logsClient(config))
  return {
    region,
    get ecs() {
      return (ecs ??= new ECSClient(config))
    },
    get ecr() {
      return (ecr ??= onFirstRequest(async () => (await import('@aws-sdk/client-ecr')).ECRClient, config))
    },
    get logs() {
      return logsHere()
    },
    logsIn(other) {
      if (!other || other === region) return logsHere()
      const name = resolveRegion(other)
      const client = logsElsewhere.get(name) ?? logsClient({ ...config, region: name })
      logsElsewhere.set(name, client)
      return client
    },
    get elbv2() {
      return (elbv2 ??= onFirstRequest(
        async () => (await import('@aws-sdk/client-elastic-load-balancing-v2')).ElasticLoadBalancingV2Client,
        config,
      ))
    },
    get codedeploy() {
      return (codedeploy ??= onFirstRequest(
        async () => (await import('@aws-sdk/client-codedeploy')).CodeDeployClient,
        config,
      ))
    },
    get cloudwatch() {
      return (cloudwatch ??= onFirstRequest(
        async () => (await import('@aws-sdk/client-cloudwatch')).CloudWatchClient,
        config,
      ))
    },
    destroy: () => requestHandler.destroy(),
  }
}

import { ECSClient } from '@aws-sdk/client-ecs'
import { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import { ECRClient } from '@aws-sdk/client-ecr'
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { UserError } from './errors.js'

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

/** Returns the region from the input or the standard variables, or throws saying how to set one. */
export function resolveRegion(input: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const region = input || env.AWS_REGION || env.AWS_DEFAULT_REGION
  if (!region) {
    throw new UserError(
      'No AWS region: set the `region` input, or AWS_REGION (aws-actions/configure-aws-credentials sets it).',
    )
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
    throw new UserError(`region "${region}" is not an AWS region name (like us-east-1).`)
  }
  return region
}

/**
 * Makes every AWS client in one place, each on first use (a run that builds nothing needs no ECR client).
 * Endpoints come from the SDK's own AWS_ENDPOINT_URL* variables, so the local stack is reached exactly as AWS is.
 */
export function createClients(region: string): AwsClients {
  const config = { region, maxAttempts: 6, retryMode: 'adaptive', customUserAgent: [USER_AGENT] }
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

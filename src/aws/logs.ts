// The CloudWatch Logs call the action makes: reading a container's log stream (in the region its awslogs-region names).
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { awsCall } from './errors.js'

/** The SDK package, loaded by the first call (clients.ts). */
const sdk = () => import('@aws-sdk/client-cloudwatch-logs')

export interface LogStream {
  group: string
  stream: string
}

export interface LogPage {
  lines: string[]
  /** Where the next read goes on from (the same token when nothing new was written). */
  nextToken?: string
}

/** Log lines of a stream without their trailing newline: the last `limit` ones, or from the start (or `token`) on. */
export async function getLogEvents(
  logs: CloudWatchLogsClient,
  where: LogStream,
  read: { limit: number } | { fromHead: true; token?: string | undefined },
): Promise<LogPage> {
  const position =
    'limit' in read
      ? { limit: read.limit, startFromHead: false }
      : { startFromHead: true, ...(read.token && { nextToken: read.token }) }
  const response = await awsCall(
    'logs:GetLogEvents',
    async () =>
      logs.send(
        new (await sdk()).GetLogEventsCommand({ logGroupName: where.group, logStreamName: where.stream, ...position }),
      ),
    { missing: { ResourceNotFoundException: 'log stream' } },
  )
  const nextToken = response.nextForwardToken ?? ('token' in read ? read.token : undefined)
  return {
    lines: (response.events ?? []).map((e) => (e.message ?? '').replace(/\n$/, '')),
    ...(nextToken !== undefined && { nextToken }),
  }
}

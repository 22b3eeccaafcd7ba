// CloudWatch Logs on moto: what a task's awslogs containers "printed" (scenario logLines), written where
// the awslogs driver would write them: group awslogs-group, stream <awslogs-stream-prefix>/<container>/<task id>.
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs'
import { REGION } from './ids.mjs'

/** The stream the awslogs driver uses for a container of a task, or undefined without awslogs. */
export function awslogsTarget(taskId, container) {
  const config = container.logConfiguration
  if (config?.logDriver !== 'awslogs') return undefined
  const options = config.options ?? {}
  const group = options['awslogs-group']
  if (!group) return undefined
  const prefix = options['awslogs-stream-prefix']
  return {
    group,
    stream: prefix ? `${prefix}/${container.name}/${taskId}` : taskId,
    region: options['awslogs-region'] ?? REGION,
  }
}

const ignoreExists = (error) => {
  if (error?.name !== 'ResourceAlreadyExistsException') throw error
}

export class LogWriter {
  /** @param {{ endpoint?: string }} options without endpoint (no moto), log lines are dropped with a warning */
  constructor({ endpoint }) {
    this.endpoint = endpoint
    /** @type {Map<string, CloudWatchLogsClient>} one per region: the awslogs driver writes to the container's awslogs-region */
    this.clients = new Map()
    /** @type {Set<Promise<void>>} */
    this.pending = new Set()
  }

  /**
   * Writes `lines` as if the container printed them just before `at` (one millisecond apart).
   * @param {string} taskId
   * @param {{ name: string, logConfiguration?: any }} container
   * @param {string[]} lines
   * @param {Date} at
   */
  write(taskId, container, lines, at) {
    const target = awslogsTarget(taskId, container)
    if (!target || !lines.length) return
    if (!this.endpoint) {
      console.warn(`no moto endpoint: dropping ${lines.length} log lines for ${target.group}/${target.stream}`)
      return
    }
    const client = this.clientIn(target.region)
    const end = at.getTime()
    const logEvents = lines.map((message, i) => ({ timestamp: end - (lines.length - i), message }))
    const work = (async () => {
      await client.send(new CreateLogGroupCommand({ logGroupName: target.group })).catch(ignoreExists)
      await client
        .send(new CreateLogStreamCommand({ logGroupName: target.group, logStreamName: target.stream }))
        .catch(ignoreExists)
      await client.send(
        new PutLogEventsCommand({ logGroupName: target.group, logStreamName: target.stream, logEvents }),
      )
    })().catch((error) => console.error(`writing logs to ${target.group}/${target.stream} failed:`, error))
    this.pending.add(work)
    work.finally(() => this.pending.delete(work))
  }

  /** @param {string} region */
  clientIn(region) {
    let client = this.clients.get(region)
    if (!client) {
      client = new CloudWatchLogsClient({
        endpoint: this.endpoint,
        region,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      })
      this.clients.set(region, client)
    }
    return client
  }

  /** Waits for the writes started so far. */
  async settle() {
    await Promise.allSettled([...this.pending])
  }
}

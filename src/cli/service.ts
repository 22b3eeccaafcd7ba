// `status` and `rollback`: a service read (and rolled back) through ECS, so this module loads the AWS SDK.
import { createClients, RunDeadline } from '../aws/clients.js'
import { resolveRegion } from '../aws/region.js'
import { systemClock } from '../deploy/clock.js'
import { findService } from '../deploy/service.js'
import { describeStatus, rollbackService } from '../engine/service.js'
import { UserError } from '../common/errors.js'
import type { CliArgs } from './args.js'
import { offlineError, type CliIo } from './main.js'
import type { TerminalLog } from './terminal.js'

export async function serviceCommand(
  args: CliArgs,
  io: CliIo,
  log: TerminalLog,
  out: (text: string) => void,
): Promise<number> {
  const clock = io.clock ?? systemClock
  const region = resolveRegion(args.inputs.region || undefined, io.env)
  const cluster = args.inputs.cluster ?? 'default'
  const service = args.inputs.service
  if (!service) throw new UserError(`${args.command} needs --service.`)
  if (args.offline) throw offlineError(args.command)
  const timeoutMs = Number(args.inputs['timeout-minutes'] ?? 30) * 60_000
  // Every call carries the run's deadline: the reads, the rollback request, the wait (which has the whole timeout).
  const deadline = io.deadline ?? new RunDeadline(io.signal, undefined, clock.now)
  deadline.restart(timeoutMs)
  const clients = createClients(region, deadline)
  const { ecs } = clients
  try {
    if (args.command === 'status') {
      const status = describeStatus(await findService(ecs, cluster, service, region))
      out(args.json ? `${JSON.stringify(status.data, null, 2)}\n` : `${status.lines.join('\n')}\n`)
      return 0
    }
    const result = await rollbackService({
      ecs,
      cluster,
      service,
      region,
      ...(args.to !== undefined && { to: args.to }),
      clock,
      timeoutMs,
      ...(io.signal && { signal: io.signal }),
      log: (line) => log.info(line),
      startWait: () => deadline.restart(timeoutMs),
    })
    if (args.json) out(`${JSON.stringify({ status: result.outcome, reason: result.reason }, null, 2)}\n`)
    else log.info(`${result.outcome}: ${result.reason}`)
    return result.outcome === 'succeeded' ? 0 : 1
  } finally {
    clients.destroy()
  }
}

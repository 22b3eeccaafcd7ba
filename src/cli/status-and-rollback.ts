// `status` and `rollback`: a service read (and rolled back) through the engine, which makes the AWS clients.
import { UserError } from '../common/errors.js'
import { resolveRegion, rollbackService, serviceStatus, systemClock } from '../engine/index.js'
import type { CliArgs } from './args.js'
import { offlineError, type CliIo } from './command-context.js'
import type { TerminalLog } from './terminal.js'

export async function serviceCommand(
  args: CliArgs,
  io: CliIo,
  log: TerminalLog,
  out: (text: string) => void,
): Promise<number> {
  const region = resolveRegion(args.inputs.region || undefined, io.env)
  const service = args.inputs.service
  if (!service) throw new UserError(`${args.command} needs --service.`)
  if (args.offline) throw offlineError(args.command)
  const request = {
    cluster: args.inputs.cluster ?? 'default',
    service,
    region,
    timeoutMs: Number(args.inputs['timeout-minutes'] ?? 30) * 60_000,
  }
  const ports = {
    clock: io.clock ?? systemClock,
    ...(io.signal && { signal: io.signal }),
    ...(io.deadline && { deadline: io.deadline }),
    log: (line: string) => log.info(line),
  }
  if (args.command === 'status') {
    const status = await serviceStatus(request, ports)
    out(args.json ? `${JSON.stringify(status.data, null, 2)}\n` : `${status.lines.join('\n')}\n`)
    return 0
  }
  const result = await rollbackService({ ...request, ...(args.to !== undefined && { to: args.to }) }, ports)
  if (args.json) out(`${JSON.stringify({ status: result.outcome, reason: result.reason }, null, 2)}\n`)
  else log.info(`${result.outcome}: ${result.reason}`)
  return result.outcome === 'succeeded' ? 0 : 1
}

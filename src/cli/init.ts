// `init`: a running service's task definition, service definition and a config file naming it, written to the
// workspace (ecspresso's `init`), so the next deploy starts from files that say what runs now.
import { mkdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../common/errors.js'
import { resolveRegion, serviceFiles, systemClock } from '../engine/index.js'
import type { CliArgs } from './args.js'
import type { CliIo } from './command-context.js'
import type { TerminalLog } from './terminal.js'

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  )

export async function initCommand(
  args: CliArgs,
  io: CliIo,
  log: TerminalLog,
  out: (text: string) => void,
): Promise<number> {
  const service = args.inputs.service
  if (!service)
    throw new UserError('init needs --service, the running ECS service to read (and --cluster, its cluster).')
  if (/[,\n]/.test(service))
    throw new UserError('init reads one service: give --service once, with one name (run init again for another).')
  const cluster = args.inputs.cluster ?? 'default'
  const environment = args.inputs.environment ?? 'production'
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(environment))
    throw new UserError(`--environment must be a name of letters, digits, - and _, not ${JSON.stringify(environment)}.`)
  const dir = path.resolve(io.cwd ?? process.cwd(), args.dir ?? '.')
  const region = resolveRegion(args.inputs.region || undefined, io.env)
  const files = await serviceFiles(
    { cluster, service, region, timeoutMs: 5 * 60_000, environment, regionGiven: !!args.inputs.region },
    {
      clock: io.clock ?? systemClock,
      ...(io.signal && { signal: io.signal }),
      ...(io.deadline && { deadline: io.deadline }),
      log: (line: string) => log.info(line),
    },
  )
  const there: string[] = []
  for (const file of files) if (await exists(path.join(dir, file.path))) there.push(file.path)
  if (there.length && !args.force)
    throw new UserError(
      `init writes no file when one exists: ${there.join(', ')} in ${dir}. Give --force to overwrite them.`,
    )
  for (const file of files) {
    const full = path.join(dir, file.path)
    await mkdir(path.dirname(full), { recursive: true })
    await writeFile(full, file.text)
    log.info(`wrote ${file.path}${there.includes(file.path) ? ' (overwritten)' : ''}`)
  }
  if (args.json) out(`${JSON.stringify({ dir, written: files.map((f) => f.path) }, null, 2)}\n`)
  log.info(
    `Deploy with: ecs-deploy-action deploy --environment ${environment} (or the action with \`environment: ${environment}\`).`,
  )
  return 0
}

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClients, resolveRegion } from '../aws/clients.js'
import { systemClock, type Clock } from '../deploy/clock.js'
import { findService } from '../deploy/service.js'
import { errorMessage, UserError } from '../errors.js'
import { run, type RunResult } from '../main.js'
import { ACTION_INPUTS } from './action-inputs.js'
import { HelpRequested, helpText, parseArgs, type CliArgs } from './args.js'
import { ciRef, gitIn, refName, type Git } from './ref.js'
import { describeStatus, rollbackService } from './service-commands.js'
import { terminalWriter } from './terminal.js'

export interface CliIo {
  env: NodeJS.ProcessEnv
  stdout: { write(text: string): unknown; isTTY?: boolean }
  clock?: Clock
}

/**
 * The commit and the branch or tag from the CI the CLI runs in (GitHub, CircleCI, TeamCity) or from git, as the
 * GITHUB_* variables the action's core reads. `ref` (the --ref flag) wins; when nothing says the ref, GITHUB_REF is
 * empty and a config file that chooses environments by it stops the run, saying how to name it.
 */
export function ciVariables(env: NodeJS.ProcessEnv, options: { ref?: string; git?: Git } = {}): Record<string, string> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const git = options.git ?? gitIn(workspace)
  const sha = env.GITHUB_SHA || env.CIRCLE_SHA1 || env.BUILD_VCS_NUMBER || git(['rev-parse', 'HEAD']) || ''
  const ref = options.ref ?? ciRef(env, git) ?? ''
  return {
    GITHUB_SHA: sha,
    GITHUB_REF_NAME: refName(ref),
    GITHUB_REF: ref,
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: env.GITHUB_EVENT_NAME || 'push',
    GITHUB_RUN_NUMBER: env.GITHUB_RUN_NUMBER || env.CIRCLE_BUILD_NUM || env.BUILD_NUMBER || '',
  }
}

/** The environment the action's core runs with: the inputs as INPUT_* and files for outputs and summary. */
function actionEnvironment(args: CliArgs, io: CliIo, dir: string): Record<string, string> {
  const inputs = { ...args.inputs }
  if (args.command === 'render' || args.command === 'diff') inputs['dry-run'] = 'true'
  if (args.previewAction) inputs.preview = args.previewAction
  const env: Record<string, string> = {
    ...Object.fromEntries(Object.entries(io.env).filter((e): e is [string, string] => e[1] !== undefined && !e[0].startsWith('INPUT_'))),
    ...ciVariables(io.env, { ...(args.ref !== undefined && { ref: args.ref }) }),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_STATE: path.join(dir, 'state'),
  }
  if (args.pr !== undefined) {
    const event = path.join(dir, 'event.json')
    writeFileSync(event, JSON.stringify({ action: args.previewAction === 'destroy' ? 'closed' : 'synchronize', number: args.pr, pull_request: { number: args.pr, head: { sha: env.GITHUB_SHA } } }))
    Object.assign(env, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_REF: `refs/pull/${args.pr}/merge` })
  }
  for (const file of ['output', 'summary.md', 'state']) writeFileSync(path.join(dir, file), '')
  return env
}

/** Runs the action's core with `env` as the process environment, its output shown for a terminal. */
async function runAction(env: Record<string, string>, io: CliIo): Promise<RunResult> {
  const saved = process.env
  const write = process.stdout.write.bind(process.stdout)
  // The action writes to process.stdout; what it writes goes, rendered, to the real one (or to io.stdout in tests).
  const terminal = terminalWriter((text) => void (io.stdout === process.stdout ? write(text) : io.stdout.write(text)), io.stdout.isTTY === true)
  process.env = env
  process.stdout.write = ((chunk: string | Uint8Array) => (terminal.write(String(chunk)), true)) as typeof process.stdout.write
  try {
    return await run(io.clock)
  } finally {
    terminal.end()
    process.stdout.write = write
    process.env = saved
  }
}

function exitCode(result: RunResult): number {
  return result.failure === 'bad-input' ? 2 : result.failure ? 1 : 0
}

async function serviceCommand(args: CliArgs, io: CliIo, out: (text: string) => void): Promise<number> {
  const clock = io.clock ?? systemClock
  const region = resolveRegion(args.inputs.region || undefined, io.env)
  const cluster = args.inputs.cluster ?? 'default'
  const service = args.inputs.service
  if (!service) throw new UserError(`${args.command} needs --service.`)
  const { ecs } = createClients(region)
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
    timeoutMs: Number(args.inputs['timeout-minutes'] ?? 30) * 60_000,
    log: (line) => out(`${line}\n`),
  })
  if (args.json) out(`${JSON.stringify({ status: result.outcome, reason: result.reason }, null, 2)}\n`)
  return result.outcome === 'succeeded' ? 0 : 1
}

/** The CLI: same core as the action, flags named like its inputs. Returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const out = (text: string): void => void io.stdout.write(text)
  const inputs = ACTION_INPUTS
  let args: CliArgs
  try {
    args = parseArgs(argv, inputs)
  } catch (error) {
    if (error instanceof HelpRequested) {
      out(`${helpText(inputs)}\n`)
      return 0
    }
    out(`Error: ${errorMessage(error)}\n`)
    return 2
  }
  if (args.command === 'status' || args.command === 'rollback') {
    try {
      return await serviceCommand(args, io, out)
    } catch (error) {
      out(`Error: ${errorMessage(error)}\n`)
      return error instanceof UserError ? 2 : 1
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-cli-'))
  const result = await runAction(actionEnvironment(args, io, dir), io)
  const services = result.report?.services ?? []
  if (args.command === 'render' && !result.failure) {
    out(`${JSON.stringify(services.length === 1 ? services[0]?.rendered : Object.fromEntries(services.map((s) => [s.service, s.rendered])), null, 2)}\n`)
  }
  if (args.command === 'diff' && !result.failure) {
    for (const s of services) out(`${s.service}: ${s.changes?.length ? `\n${s.changes.map((c) => `  ${c}`).join('\n')}` : 'no change'}\n`)
  }
  if (args.json) {
    const report = result.report
    out(
      `${JSON.stringify(
        {
          status: report?.status ?? 'failed',
          reason: report?.reason,
          image: report?.image,
          environment: report?.environment,
          environmentUrl: report?.environmentUrl,
          durationSeconds: report?.durationSeconds,
          services: services.map(({ rendered: _rendered, timeline: _timeline, ...s }) => s),
        },
        null,
        2,
      )}\n`,
    )
  }
  return exitCode(result)
}

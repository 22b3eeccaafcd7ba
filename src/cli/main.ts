// The CLI's door: flags → settings, the engine's ports → stderr (logs, progress) and stdout (data only).
// Only parsing the flags is imported statically, so that help, --version and a flag error answer at once: a command's
// code is loaded (`import()`, chunks of dist/cli/) once the flags name it, and the AWS SDK only by a command that calls AWS.
import { createRequire } from 'node:module'
import { errorMessage, UserError } from '../common/errors.js'
import { HelpRequested, helpText, parseArgs, VersionRequested } from './args.js'
import type { CliIo } from './command-context.js'
import { terminalLog } from './terminal.js'

export { ciContext, failureLogLines, offlineError, type CliIo } from './command-context.js'

/**
 * The CLI's version: from the manifest beside the bundle (dist/cli/package.json, the npm package's own), else the
 * repository's package.json (running from the source). The bundle's own comes first: installed from npm, the files
 * above it are the installing project's.
 */
export function version(): string {
  const require = createRequire(import.meta.url)
  for (const file of ['./package.json', '../../package.json', '../package.json']) {
    try {
      const found = require(file) as { name?: string; version?: string }
      if (found.name === 'ecs-deploy-action' && found.version) return found.version
    } catch {
      // not there: the next
    }
  }
  return 'unknown'
}

/** The CLI: the engine behind flags named like the action's inputs. Returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const log = terminalLog((text) => void io.stderr.write(text), io.stderr.isTTY === true, io.env)
  const out = (text: string): void => void io.stdout.write(log.redact(text))
  try {
    const args = parseArgs(argv)
    if (args.command === 'init') {
      const { initCommand } = await import('./init.js')
      return await initCommand(args, io, log, out)
    }
    if (args.command === 'status' || args.command === 'rollback') {
      const { serviceCommand } = await import('./status-and-rollback.js')
      return await serviceCommand(args, io, log, out)
    }
    const { runDeploy, runPlan } = await import('./run.js')
    return await (args.command === 'plan' ? runPlan : runDeploy)(args, io, log, out)
  } catch (error) {
    if (error instanceof HelpRequested) {
      out(`${helpText(error.command)}\n`)
      return 0
    }
    if (error instanceof VersionRequested) {
      out(`${version()}\n`)
      return 0
    }
    log.error(error instanceof UserError ? error.message : `Unexpected error: ${errorMessage(error)}`)
    return error instanceof UserError ? 2 : 1
  } finally {
    log.end()
  }
}

#!/usr/bin/env node
// The command line: `npx ecs-deploy-action deploy --cluster prod --service web …`, the same engine as the action.
import { runCli } from './cli/main.js'
import { EXIT_MARGIN_MS, handleShutdown } from './common/shutdown.js'

// The AWS SDK's seven-line notice that its releases from 2027 want Node 22 is for whoever picks the Node version; on
// every CLI run it buries the log. Set the variable to `false` to see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

// Ctrl-C (SIGINT/SIGTERM) starts the timeout path; a second one, or the grace run out, exits at once.
const shutdown = handleShutdown({ lastWords: (why) => process.stderr.write(`error: ${why}\n`) })
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: shutdown.signal,
  deadline: shutdown.deadline,
})
shutdown.dispose()
// Everything the run opened is closed; should anything still hold the process, it is not waited for.
setTimeout(() => process.exit(), EXIT_MARGIN_MS).unref()

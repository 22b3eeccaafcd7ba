#!/usr/bin/env node
// The command line: `npx ecs-deploy-action deploy --cluster prod --service web …`, the same engine as the action.
import { runCli } from './cli/main.js'

// The AWS SDK's seven-line notice that its releases from 2027 want Node 22 is for whoever picks the Node version; on
// every CLI run it buries the log. Set the variable to `false` to see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const controller = new AbortController()
process.once('SIGINT', () => controller.abort())
process.once('SIGTERM', () => controller.abort())
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
})

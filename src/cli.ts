#!/usr/bin/env node
// The command line: `npx ecs-deploy-action deploy --cluster prod --service web …`, the same engine as the action.
import { runCli } from './cli/main.js'

const controller = new AbortController()
process.once('SIGINT', () => controller.abort())
process.once('SIGTERM', () => controller.abort())
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
})

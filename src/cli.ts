#!/usr/bin/env node
// The command line: `npx ecs-deploy-action deploy --cluster prod --service web …`, the same core as the action.
import { runCli } from './cli/main.js'

process.exitCode = await runCli(process.argv.slice(2), { env: process.env, stdout: process.stdout })

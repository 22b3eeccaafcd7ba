// The engine's front: the one module of the engine the doors (src/action/, src/cli/) import. What a run needs before
// it has read its inputs and planned is exported as is; every later stage is a function that loads its module (a chunk
// of dist/) when first called, so that a door importing this file loads no pipeline, AWS SDK, GitHub client or docker.
//   deploy      plan and carry out a run: deploy, diff/render (dry run), drift (mode: drift), preview deploy|destroy|sweep (settings.inputs.preview)
//   planStep    the environments (and regions) a ref deploys, as a matrix; no AWS
//   render      the task definitions from a template, offline
//   status      a service's deployments, revision and events
//   rollback    stop the rollout in flight with a rollback, or go back to a revision
//   init        the files that describe a running service
import type { GitHubApi } from '../github/api.js'
import type { RunDeadline } from '../common/deadline.js'
import type { Log } from '../common/log.js'
import type { EnvironmentPlan } from '../config/index.js'
import type { DeploySettings } from './deploy.js'
import type { RenderedService } from './render-command.js'
import type { RunReport } from './run-report.js'
import type { RollbackRequest, ServicePorts, ServiceRequest } from './service-commands.js'
import type { InitFile } from '../servicedef/from-service.js'
import type { WatchResult } from '../mechanisms/watch.js'

export { deploy, failureMessage, type DeploySettings, type RunResult } from './deploy.js'
export type { Ports } from './ports.js'
export type { DeploymentReport, RunReport } from './run-report.js'
export type { RenderedService } from './render-command.js'
export type { RollbackRequest, ServicePorts, ServiceRequest } from './service-commands.js'
export type { WatchResult } from '../mechanisms/watch.js'
export { checkMovedInputs, getInputs, type Inputs } from '../settings/inputs.js'
export { readRunEvent, runEventFrom } from '../github/event.js'
export type { EnvironmentPlan, RunEvent } from '../config/index.js'
export type { GitHubApi } from '../github/api.js'
export { systemClock, type Clock } from '../deploy/clock.js'
export { resolveRegion } from '../aws/region.js'

/** `mode: plan` / `plan`: the environments (and regions) the ref deploys, as a matrix. Reads the config file; no AWS. */
export async function planStep(settings: DeploySettings, log: Pick<Log, 'info'>): Promise<EnvironmentPlan> {
  return (await import('./plan-step.js')).planStep(settings, log)
}

/** The plan's job summary, in Markdown. */
export async function renderPlanSummary(plan: EnvironmentPlan): Promise<string> {
  return (await import('./plan-summary.js')).renderPlanSummary(plan)
}

/** Whether `render` needs no AWS (a template, no image to look up): the CLI renders those offline. */
export async function rendersOffline(settings: DeploySettings): Promise<boolean> {
  return (await import('./render-command.js')).rendersOffline(settings)
}

/** The task definitions rendered from a template, offline. Loads @aws-sdk/client-ecs for the API model it checks them against. */
export async function render(settings: DeploySettings, log: Log): Promise<RenderedService[]> {
  return (await import('./render-command.js')).render(settings, log)
}

/** The run's job summary, in Markdown. */
export async function renderSummary(run: RunReport): Promise<string> {
  return (await import('./run-report.js')).renderSummary(run)
}

/** The `promoted-images` output: one `name=image` line per image promoted. */
export async function promotedImageLines(run: RunReport): Promise<string[]> {
  return (await import('./run-report.js')).promotedImageLines(run)
}

/** The GitHub API client for `token` (loads @octokit/core). */
export async function gitHubClient(token: string, env: NodeJS.ProcessEnv, deadline?: RunDeadline): Promise<GitHubApi> {
  return (await import('../github/client.js')).gitHubClient(token, env, deadline)
}

/** Logs docker out of the registries a run logged in to. */
export async function logoutRegistries(registries: string[], log: Log): Promise<void> {
  return (await import('../image/docker.js')).logoutRegistries(registries, log)
}

/** `status`: the service, its deployments and its newest events, as lines and as data. */
export async function serviceStatus(
  request: ServiceRequest,
  ports: ServicePorts,
): Promise<{ lines: string[]; data: object }> {
  return (await import('./service-commands.js')).serviceStatus(request, ports)
}

/** `rollback`: stops the rollout in flight with a rollback, or deploys the revision before (or the one given), and follows it. */
export async function rollbackService(request: RollbackRequest, ports: ServicePorts): Promise<WatchResult> {
  return (await import('./service-commands.js')).rollbackService(request, ports)
}

/** `init`: the task definition, service definition and config file of a running service, as files to write. */
export async function serviceFiles(
  request: ServiceRequest & { environment: string; regionGiven: boolean },
  ports: ServicePorts,
): Promise<InitFile[]> {
  return (await import('./service-commands.js')).serviceFiles(request, ports)
}

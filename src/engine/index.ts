// The engine's entry points, plain functions of settings and ports; the doors (src/action/, src/cli/) call these.
//   deploy   plan and carry out a run: deploy, diff/render (dry run), preview deploy|destroy|sweep (settings.inputs.preview)
//   planStep the environments (and regions) a ref deploys, as a matrix; no AWS
//   render   the task definitions from a template, offline
//   status   a service's deployments, revision and events
//   rollback stop the rollout in flight with a rollback, or go back to a revision
export { deploy, failureMessage, type DeploySettings, type RunResult } from './deploy.js'
export type { Ports } from './ports.js'
export { planStep } from './plan-step.js'
export { render, rendersOffline, type RenderedService } from './render.js'
export { describeStatus, rollbackService, type RollbackRequest } from './service.js'

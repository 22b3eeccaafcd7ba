// The config module's public API: read the config file, choose the environment of a run.
export { loadConfig } from './read.js'
export { validateConfig } from './schema.js'
export { resolveEnvironment, type PreviewTarget, type Resolution, type RunEvent, type Selection } from './resolve.js'
export { ConfigError } from './problems.js'
export { parseDuration, formatDuration } from './duration.js'
export { matchingPattern } from './glob.js'
export * from './types.js'
export {
  planEnvironments,
  orderingOf,
  type EnvironmentPlan,
  type EnvironmentVerdict,
  type MatrixEntry,
} from './matrix.js'

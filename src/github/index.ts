// The GitHub module's public API: deployments with statuses, the preview comment, the run's event.
export type { GitHubApi, Warn } from './api.js'
export { createDeploymentTracker, type DeploymentOptions, type DeploymentTracker } from './deployments.js'
export {
  previewComment,
  previewCommentMarker,
  upsertComment,
  upsertPreviewComment,
  type CommentKind,
  type PreviewCommentFacts,
  type PreviewStatus,
} from './comment.js'
export { readRunEvent, runEventFrom } from './event.js'

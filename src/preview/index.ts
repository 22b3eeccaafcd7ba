// The preview module's public API: one environment per pull request — deploy, destroy, sweep; a service's load balancer address.
export { deployPreview, type PreviewDeployment, type PreviewResult } from './deploy-preview.js'
export { destroyPreview, type PreviewRemoval } from './destroy.js'
export { sweepPreviews, type PreviewSweep, type SweptPreview } from './sweep.js'
export { previewFamily, previewServiceName, targetGroupName } from './names.js'
export { freePriority } from './priority.js'
export { environmentUrl } from './environment-url.js'

// The image module's public API: build and push (main step), log out (post step), the summary section.
export { buildAndPushImage } from './build.js'
export { logoutRegistries } from './docker.js'
export { imageName, parseImageReference, registryKind, type ImageReference } from './reference.js'
export { imageSummaryRows, imageSummarySection } from './summary.js'
export type { BuiltImage, GitContext, ImageDeps, ImageInputs } from './types.js'
export { carryOutImageBuild, planImageBuild, type ImageBuildPlan } from './build.js'
export { checkImageExists } from './exists.js'

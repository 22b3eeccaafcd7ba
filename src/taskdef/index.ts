export { renderTaskDefinition, type RenderOptions, type RenderedTaskDefinition } from './render.js'
export { sameTaskDefinition, describeChanges } from './compare.js'
export { existingTaskDefinition } from './existing.js'
export type { EnvChange } from './apply.js'

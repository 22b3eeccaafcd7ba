import type { RegisterTaskDefinitionCommandInput, Tag, TaskDefinition } from '@aws-sdk/client-ecs'
import { applyChanges, type EnvChange } from './apply.js'
import { withoutReadOnlyKeys } from './clean.js'
import { readTemplate } from './template-file.js'
import { checkEcsRules } from './rules.js'
import { checkedRequest } from './validate.js'
import { duplicateKeyProblems } from './duplicate-keys.js'
import { problemsError } from './problems.js'
import type { PlainObject } from './plain-values.js'

/** The template a definition came from, to point a problem at its line. */
type TemplateFile = { path: string; lineOf(path: string): number | undefined }

export interface RenderOptions {
  /** File to load; undefined → start from `current`. */
  templatePath?: string
  /** The service's current task definition; required when templatePath is undefined. */
  current?: TaskDefinition
  /** Tags of the current task definition; they become the tags when starting from `current`. */
  currentTags?: Tag[]
  /** Full image reference, may be repo@sha256:… */
  image?: string
  /** Container name → image (a promotion), instead of `image`. */
  images?: Record<string, string>
  /** Names from the `container` input; empty → the only container, else those running `image`'s repository. */
  containers?: string[]
  environment?: EnvChange[]
  /** value = ARN or SSM parameter name (valueFrom). */
  secrets?: EnvChange[]
  /** NAME → value for ${NAME} in the template. */
  placeholders: Record<string, string>
}

export interface RenderedTaskDefinition {
  /** Ready for RegisterTaskDefinitionCommand. */
  request: RegisterTaskDefinitionCommandInput
  /** Names of the containers that got the image (empty when no image was given). */
  containers: string[]
  /** Notes for the log, e.g. 'dropped read-only keys: taskDefinitionArn, revision, status'. */
  notes: string[]
}

/** The RegisterTaskDefinition request: the template (or current definition), checked, with the changes applied, as ECS would take it. */
export async function renderTaskDefinition(options: RenderOptions): Promise<RenderedTaskDefinition> {
  const { source, definition, note, file } = await startingPoint(options)
  const { definition: cleaned, dropped } = withoutReadOnlyKeys(definition)
  const request = checkedRequest(cleaned, source, file)
  const duplicated = duplicateKeyProblems(request)
  if (duplicated.length) throw problemsError(source, duplicated)
  const applied = applyChanges(request, options, source)
  checkEcsRules(request, source)
  const notes = [
    ...(note ? [note] : []),
    ...(dropped.length ? [`dropped read-only keys: ${dropped.join(', ')}`] : []),
    ...applied.notes,
  ]
  return { request, containers: applied.containers, notes }
}

async function startingPoint(
  options: RenderOptions,
): Promise<{ source: string; definition: PlainObject; note?: string; file?: TemplateFile }> {
  const { templatePath, current, currentTags } = options
  if (templatePath !== undefined) {
    const source = `task definition ${templatePath}`
    const { definition, lineOf } = await readTemplate(templatePath, options.placeholders)
    const file = { path: templatePath, lineOf }
    // Old pipelines passed the family beside the file (`--family`): the service's own family is the one meant.
    if (definition.family === undefined && current?.family) {
      const note = `family: ${current.family}, from the service's current revision ${current.family}:${current.revision} (${templatePath} names none)`
      return { source, definition: { family: current.family, ...definition }, note, file }
    }
    return { source, definition, file }
  }
  if (!current) throw new Error('renderTaskDefinition needs templatePath or current')
  // A copy: the changes are applied in place.
  const definition: PlainObject = structuredClone({ ...current })
  if (currentTags?.length) definition.tags = currentTags
  return { source: `current task definition ${current.family}:${current.revision}`, definition }
}

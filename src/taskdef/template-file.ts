import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml'
import { UserError } from '../common/errors.js'
import { insideWorkspace } from '../common/workspace-path.js'
import { settingName } from '../common/setting-name.js'
import { yamlData } from '../common/yaml-data.js'
import { fillPlaceholders, markedPlaceholders, unmarked } from './placeholders.js'
import { isPlainObject, kindOf, type PlainObject } from './plain-values.js'

/**
 * Reads a task definition template (JSON or YAML), fills its placeholders and unwraps
 * `aws ecs describe-task-definition` output, whose tags become the definition's `tags`.
 */
export async function loadTemplate(
  path: string,
  placeholders: Record<string, string>,
  workspace = process.env.GITHUB_WORKSPACE || process.cwd(),
): Promise<PlainObject> {
  return (await readTemplate(path, placeholders, workspace)).definition
}

/** A template's definition, and the line of the file a problem's key path (`containerDefinitions[0] (web).image`) is on. */
export interface Template {
  definition: PlainObject
  lineOf(path: string): number | undefined
}

/** loadTemplate, with the lines of its keys. */
export async function readTemplate(
  path: string,
  placeholders: Record<string, string>,
  workspace = process.env.GITHUB_WORKSPACE || process.cwd(),
): Promise<Template> {
  const { data, lineOf } = await loadDocument(path, placeholders, workspace, TASK_DEFINITION)
  const wrapper = isPlainObject(data) && 'taskDefinition' in data ? ['taskDefinition'] : []
  return {
    definition: unwrapped(data, `task definition ${path}`),
    lineOf: (problemPath) => lineOf([...wrapper, ...keysOf(problemPath)]),
  }
}

/** Which file a document is, for its messages: the input that names it and what it holds. */
export interface DocumentKind {
  input: string
  what: string
}

const TASK_DEFINITION: DocumentKind = { input: 'task-definition', what: 'task definition' }

/** A template's data, placeholders filled, with the line of a key path for messages. */
export interface LoadedDocument {
  data: unknown
  lineOf(path: readonly (string | number)[]): number | undefined
}

/** Reads a template file of the workspace (JSON or YAML) and fills its placeholders; errors name `kind` and the line. */
export async function loadDocument(
  path: string,
  placeholders: Record<string, string>,
  workspace: string,
  kind: DocumentKind,
): Promise<LoadedDocument> {
  const source = `${kind.what} ${path}`
  const marked = markedPlaceholders(await templateText(path, workspace, kind))
  // One parser for both: YAML 1.2 reads JSON, and unlike JSON.parse on Node 20 it says where the error is.
  // Errors give the line, never the file's text: the file may not be what it should be (and hold secrets).
  const lineCounter = new LineCounter()
  const doc = parseDocument(marked, { lineCounter, prettyErrors: false })
  const [error] = doc.errors
  if (error) {
    const format = extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML'
    const { line, col } = lineCounter.linePos(error.pos[0])
    const message = `${source}:${line}: is not valid ${format} (column ${col}): ${unmarked(error.message.split('\n')[0] ?? '')}`
    throw new UserError(message, { locations: [{ file: path, line, column: col, message }] })
  }
  fillPlaceholders(doc, marked, placeholders, source, path)
  return {
    data: yamlData(doc, source, marked),
    lineOf(keyPath) {
      const offset = offsetOf(doc, keyPath)
      return offset === undefined ? undefined : lineCounter.linePos(offset).line
    },
  }
}

/** `containerDefinitions[0] (web).image` as keys: containerDefinitions, 0, image (the ` (web)` label dropped). */
function keysOf(path: string): (string | number)[] {
  return [...path.replace(/ \([^)]*\)/g, '').matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''),
  )
}

/** Where the deepest of `keys` that the document has starts (a key where the path names one missing: its parent's). */
function offsetOf(doc: Document, keys: readonly (string | number)[]): number | undefined {
  for (let depth = keys.length; depth > 0; depth--) {
    const parent = depth === 1 ? doc.contents : doc.getIn(keys.slice(0, depth - 1), true)
    const last = keys[depth - 1]
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last)
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0]
    }
    if (isSeq(parent) && typeof last === 'number') {
      const item = parent.items[last]
      if (item && typeof item === 'object' && 'range' in item && Array.isArray(item.range)) return item.range[0]
    }
  }
  return undefined
}

/** A task definition family (letters, digits, `-`, `_`), with or without `:revision`: no file extension, no folder. */
const FAMILY_LIKE = /^[A-Za-z0-9_-]{1,255}(:\d+)?$/

async function templateText(path: string, workspace: string, kind: DocumentKind): Promise<string> {
  const fullPath = await insideWorkspace(kind.input, path, workspace)
  try {
    return await readFile(fullPath, 'utf8')
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException
    const reason = code === 'ENOENT' ? 'not found' : `cannot be read (${message})`
    // The official deploy action also took a family name here (`web`, `web:42`): a missing file named like one is that.
    const family =
      kind === TASK_DEFINITION && code === 'ENOENT' && FAMILY_LIKE.test(path)
        ? ` If "${path}" is a task definition family, leave \`task-definition\` out: the service's current task definition is the starting point.`
        : ''
    throw new UserError(
      `${kind.what} ${path} ${reason} at ${fullPath}. ${settingName(kind.input)} is relative to the workspace ` +
        `(GITHUB_WORKSPACE, else the working directory): check the path, and that the repository is checked out.${family}`,
    )
  }
}

function unwrapped(value: unknown, source: string): PlainObject {
  if (!isPlainObject(value)) {
    throw new UserError(
      `${source}: the top level must be an object (a RegisterTaskDefinition request or the output of ` +
        `\`aws ecs describe-task-definition\`), found ${kindOf(value)}.`,
    )
  }
  if (!('taskDefinition' in value)) return value
  const { taskDefinition, tags, ...rest } = value
  const extra = Object.keys(rest)
  if (extra.length) {
    throw new UserError(
      `${source} looks like \`aws ecs describe-task-definition\` output (it has taskDefinition) but also has ` +
        `${extra.join(', ')}; that output has only taskDefinition and tags. Remove the other keys.`,
    )
  }
  if (!isPlainObject(taskDefinition)) {
    throw new UserError(`${source}, taskDefinition: expected an object, found ${kindOf(taskDefinition)}.`)
  }
  return tags === undefined ? taskDefinition : { ...taskDefinition, tags }
}

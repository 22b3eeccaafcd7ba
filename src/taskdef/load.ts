import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { LineCounter, parseDocument } from 'yaml'
import { lineOfKey } from '../common/yaml-data.js'
import { UserError } from '../common/errors.js'
import { insideWorkspace } from '../common/workspace-path.js'
import { yamlData } from '../common/yaml-data.js'
import { fillPlaceholders, markedPlaceholders, unmarked } from './placeholders.js'
import { isPlainObject, kindOf, type PlainObject } from './values.js'

/**
 * Reads a task definition template (JSON or YAML), fills its placeholders and unwraps
 * `aws ecs describe-task-definition` output, whose tags become the definition's `tags`.
 */
export async function loadTemplate(
  path: string,
  placeholders: Record<string, string>,
  workspace = process.env.GITHUB_WORKSPACE || process.cwd(),
): Promise<PlainObject> {
  const source = `task definition ${path}`
  const { data } = await loadDocument(path, placeholders, workspace, TASK_DEFINITION)
  return unwrapped(data, source)
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
    throw new UserError(
      `${source}:${line}: is not valid ${format} (column ${col}): ${unmarked(error.message.split('\n')[0] ?? '')}`,
    )
  }
  fillPlaceholders(doc, marked, placeholders, source)
  return { data: yamlData(doc, source, marked), lineOf: (keyPath) => lineOfKey(doc, lineCounter, keyPath) }
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
      `${kind.what} ${path} ${reason} at ${fullPath}. The \`${kind.input}\` input is relative to the workspace ` +
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

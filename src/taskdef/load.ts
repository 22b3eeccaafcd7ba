import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { LineCounter, parseDocument } from 'yaml'
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
  const marked = markedPlaceholders(await templateText(path, workspace))
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
  return unwrapped(yamlData(doc, source, marked), source)
}

/** A task definition family (letters, digits, `-`, `_`), with or without `:revision`: no file extension, no folder. */
const FAMILY_LIKE = /^[A-Za-z0-9_-]{1,255}(:\d+)?$/

async function templateText(path: string, workspace: string): Promise<string> {
  const fullPath = await insideWorkspace('task-definition', path, workspace)
  try {
    return await readFile(fullPath, 'utf8')
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException
    const reason = code === 'ENOENT' ? 'not found' : `cannot be read (${message})`
    // The official deploy action also took a family name here (`web`, `web:42`): a missing file named like one is that.
    const family =
      code === 'ENOENT' && FAMILY_LIKE.test(path)
        ? ` If "${path}" is a task definition family, leave \`task-definition\` out: the service's current task definition is the starting point.`
        : ''
    throw new UserError(
      `task definition ${path} ${reason} at ${fullPath}. The \`task-definition\` input is relative to the workspace ` +
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

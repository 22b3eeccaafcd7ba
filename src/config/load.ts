import { readFile } from 'node:fs/promises'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml'
import { UserError } from '../errors.js'
import { insideWorkspace } from '../workspace-path.js'
import { yamlData } from '../yaml-data.js'
import { ConfigError, type KeyPath } from './problems.js'
import { validateConfig } from './schema.js'
import type { DeployConfig } from './types.js'

/**
 * Reads the config file `file` (relative to the workspace). A missing file is no config, unless the user
 * named it (`required`), which is then a mistake to report.
 */
export async function loadConfig(
  file: string,
  options: { workspace: string; required: boolean },
): Promise<DeployConfig | undefined> {
  const absolute = await insideWorkspace('config', file, options.workspace)
  let text: string
  try {
    text = await readFile(absolute, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    if (!options.required) return undefined
    throw new UserError(
      `Config file ${file} was not found (looked for ${absolute}): check the \`config\` input, and that actions/checkout runs before this step.`,
    )
  }
  return parseConfig(text, file)
}

/** Parses and validates the text of a config file; problems name `file` and their line. */
export function parseConfig(text: string, file: string): DeployConfig {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length) {
    throw new ConfigError(
      file,
      doc.errors.map((error) => ({
        path: '',
        line: lineCounter.linePos(error.pos[0]).line,
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    )
  }
  return validateConfig(yamlData(doc, file, text), file, (keyPath) => lineOf(doc, lineCounter, keyPath))
}

/** The line of a key path: the key's own line for a mapping entry, the item's line in a list. */
function lineOf(doc: Document, lines: LineCounter, keyPath: KeyPath): number | undefined {
  if (!keyPath.length) return undefined
  const last = keyPath[keyPath.length - 1]
  const parent = keyPath.length > 1 ? doc.getIn(keyPath.slice(0, -1), true) : doc.contents
  let node: unknown
  if (isMap(parent))
    node = parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(last))?.key
  else if (isSeq(parent) && typeof last === 'number') node = parent.items[last]
  else node = parent
  const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0]
  return offset === undefined ? undefined : lines.linePos(offset).line
}

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml'
import { yamlData } from '../common/yaml-data.js'
import { ConfigError, type KeyPath } from './problems.js'
import { validateConfig } from './schema.js'
import type { DeployConfig } from './types.js'

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

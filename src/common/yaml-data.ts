import { isMap, isScalar, isSeq, visit, type Document, type LineCounter } from 'yaml'
import { UserError } from './errors.js'

/** How many times aliases may expand, in all: far above any real file, far below a "billion laughs". */
const MAX_ALIAS_COUNT = 100

/**
 * The data of a parsed YAML document. A document whose aliases expand past MAX_ALIAS_COUNT is refused, naming
 * `source` and the line of its first alias, instead of the yaml package's bare "Excessive alias count".
 */
export function yamlData(doc: Document, source: string, text: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error
    let offset = 0
    visit(doc, {
      Alias(_, node) {
        offset = node.range?.[0] ?? 0
        return visit.BREAK
      },
    })
    const line = text.slice(0, offset).split('\n').length
    throw new UserError(
      `${source}:${line}: its YAML aliases expand more than ${MAX_ALIAS_COUNT} times (the first alias is on this line); ` +
        'refused, as such a file can exhaust memory. Write the values out, or use fewer aliases.',
    )
  }
}

/** The line of a key path: the key's own line for a mapping entry, the item's line in a list. */
export function lineOfKey(
  doc: Document,
  lines: LineCounter,
  keyPath: readonly (string | number)[],
): number | undefined {
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

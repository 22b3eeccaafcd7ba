import { visit, type Document } from 'yaml'
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

import { LineCounter, parseDocument } from 'yaml'
import { lineOfKey, yamlData } from '../common/yaml-data.js'
import { ConfigError } from './problems.js'
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
  return validateConfig(yamlData(doc, file, text), file, (keyPath) => lineOfKey(doc, lineCounter, keyPath))
}

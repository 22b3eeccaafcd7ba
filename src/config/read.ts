// Reads the config file. The YAML parser (load.ts) is loaded only when there is a file to parse.
import { readFile } from 'node:fs/promises'
import { UserError } from '../common/errors.js'
import { insideWorkspace } from '../common/workspace-path.js'
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
  const { parseConfig } = await import('./load.js')
  return parseConfig(text, file)
}

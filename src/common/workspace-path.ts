import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from './errors.js'
import { settingName } from './setting-name.js'

/** The real path of `target`, or of its deepest existing ancestor joined with the rest (a directory yet to be made). */
async function realPathSoFar(target: string): Promise<string> {
  try {
    return await realpath(target)
  } catch (error) {
    const parent = path.dirname(target)
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === target) return target
    return path.join(await realPathSoFar(parent), path.basename(target))
  }
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}

/**
 * The absolute path of input `input`'s `value`, relative to the workspace, once it is known to stay inside the
 * workspace after following symlinks. A job's workspace is what the workflow checked out; a path out of it (`../`,
 * absolute, or a symlink) would read the runner's files into a task definition, or write artifacts elsewhere.
 */
export async function insideWorkspace(input: string, value: string, workspace: string): Promise<string> {
  const root = await realPathSoFar(path.resolve(workspace))
  const resolved = path.resolve(workspace, value)
  const real = await realPathSoFar(resolved)
  const lexicallyInside = isInside(path.resolve(workspace), resolved)
  if (lexicallyInside && isInside(root, real)) return resolved
  const via = lexicallyInside ? ` (through a symlink, to ${real})` : ''
  throw new UserError(
    `${settingName(input)} must name a path inside the workspace (${workspace}); ${value} leads outside it${via}.`,
  )
}

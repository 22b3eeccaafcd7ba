import { UserError } from '../errors.js'
import type { GitContext } from './types.js'

const VALID_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const TAG_RULE = 'letters, digits, _ . and - only, not starting with . or -, at most 128 characters'

export function isValidTag(tag: string): boolean {
  return VALID_TAG.test(tag)
}

/**
 * Makes a Docker tag from a branch or tag name: every character Docker refuses becomes `-`
 * (`feature/x` → `feature-x`), leading `.`/`-` are dropped, and it is cut to 128 characters.
 * Returns '' when nothing usable is left. Case is kept: tags may hold capitals.
 */
export function sanitiseTag(name: string): string {
  return name
    .replace(/[^A-Za-z0-9_.-]/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128)
}

/** The default tags: the full commit sha and the sanitised branch or tag name. */
export function defaultTags(git: Pick<GitContext, 'sha' | 'refName'>): string[] {
  if (!isValidTag(git.sha)) {
    throw new UserError(`The commit sha "${git.sha}" cannot be a Docker tag (is GITHUB_SHA set?): set tags explicitly.`)
  }
  const tags = [git.sha]
  if (git.refName !== '') {
    const ref = sanitiseTag(git.refName)
    if (ref === '') {
      throw new UserError(
        `The branch or tag name "${git.refName}" leaves no valid Docker tag once sanitised (${TAG_RULE}): set tags explicitly.`,
      )
    }
    if (!tags.includes(ref)) tags.push(ref)
  }
  return tags
}

/** The user's tags, checked but never changed (a changed tag would surprise whoever looks for it); the defaults when none. */
export function resolveTags(given: readonly string[], git: Pick<GitContext, 'sha' | 'refName'>): string[] {
  const tags = given.map((tag) => tag.trim()).filter((tag) => tag !== '')
  if (tags.length === 0) return defaultTags(git)
  for (const tag of tags) {
    if (!isValidTag(tag)) {
      const suggestion = sanitiseTag(tag)
      throw new UserError(
        `tags: "${tag}" is not a valid Docker tag (${TAG_RULE})` +
          (suggestion !== '' ? `; "${suggestion}" would be.` : '.'),
      )
    }
  }
  return [...new Set(tags)]
}

import { UserError } from '../common/errors.js'
import { imageName, parseImageReference } from './reference.js'
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

/**
 * The user's tags, checked but never changed (a changed tag would surprise whoever looks for it); the defaults when none.
 * An entry may be a bare tag (`v1`) or a full reference (`<registry>/<repository>:v1`, as docker/metadata-action's `tags`
 * output gives them), whose repository must be `repository`, the one pushed to.
 */
export function resolveTags(
  given: readonly string[],
  git: Pick<GitContext, 'sha' | 'refName'>,
  repository?: string,
): string[] {
  const entries = given.map((tag) => tag.trim()).filter((tag) => tag !== '')
  if (entries.length === 0) return defaultTags(git)
  const tags = entries.map((entry) => (isReference(entry) ? referenceTag(entry, repository) : entry))
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

/**
 * A tag never holds `:`; a full reference with a tag (`repo:tag`, `host:5000/repo:tag`) does. `feature/x` alone is
 * taken for a mistyped tag (a branch name), which gets the sanitised suggestion.
 */
function isReference(entry: string): boolean {
  return entry.includes(':')
}

/** The tag of a full reference, once its repository is known to be the one pushed to. */
function referenceTag(entry: string, repository: string | undefined): string {
  const ref = parseImageReference(entry, 'tags')
  const name = imageName(ref)
  if (repository !== undefined && name !== repository) {
    throw new UserError(
      `tags: "${entry}" is a tag of ${name}, but the image is pushed to ${repository} (\`image\`): give tags of ${repository} only (with docker/metadata-action, set its \`images\` to ${repository}), or bare tag names.`,
    )
  }
  if (ref.tag === undefined) {
    throw new UserError(
      `tags: "${entry}" names no tag (a digest cannot be pushed to): write ${name}:<tag>, or the bare tag name.`,
    )
  }
  return ref.tag
}

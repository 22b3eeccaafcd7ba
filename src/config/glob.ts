/**
 * Branch and tag patterns, in GitHub's filter pattern syntax (workflow `on.push.branches`/`tags`): `*` matches
 * any characters but `/`, `**` any characters (before a `/`, also none), `?` zero or one and `+` one or more of the
 * preceding character, `[a-z0-9]` one letter or digit listed or in a range, `\` escapes; a leading `!` excludes
 * what earlier patterns included, and a later pattern overrides an earlier one.
 */

/** A pattern translated to a regular expression source, or why it cannot be. */
type Translation = { source: string; problem?: undefined } | { problem: string }

/** What a `[ ]` may hold: letters and digits, and ranges within a-z, A-Z or 0-9. */
const SET = /^(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9]|[a-zA-Z0-9])+$/

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

function setProblem(set: string): string | undefined {
  if (set === '') return 'has an empty [ ]'
  const reversed = set.match(/(.)-(.)/g)?.find((range) => range.charCodeAt(0) > range.charCodeAt(2))
  if (!SET.test(set) || reversed) {
    return `has [${set}], but a [ ] holds only letters, digits and ranges of them (a-z, A-Z, 0-9), and cannot exclude characters`
  }
  return undefined
}

function translate(body: string): Translation {
  let source = ''
  // Whether the last piece is one character (a literal, an escaped character or a [set]) that ? and + repeat.
  let repeatable = false
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i)
    if (c === '*') {
      const double = body.charAt(i + 1) === '*'
      // `**/` may also match no directory at all, as `**/README.md` matches README.md.
      const slash = double && body.charAt(i + 2) === '/'
      source += slash ? '(?:.+/)?' : double ? '.*' : '[^/]*'
      i += slash ? 2 : double ? 1 : 0
      repeatable = false
    } else if (c === '?' || c === '+') {
      if (!repeatable) {
        const meaning = c === '?' ? 'zero or one' : 'one or more'
        return {
          problem: `has a ${c} with no character before it to repeat (${c} means ${meaning} of the preceding character); write \\${c} for a ${c} itself`,
        }
      }
      source += c
      repeatable = false
    } else if (c === '[') {
      const end = body.indexOf(']', i + 1)
      if (end < 0) return { problem: 'has a [ without its closing ]' }
      const set = body.slice(i + 1, end)
      const problem = setProblem(set)
      if (problem) return { problem }
      source += `[${set}]`
      i = end
      repeatable = true
    } else if (c === '\\') {
      if (i + 1 === body.length) return { problem: 'ends with a \\ that escapes nothing' }
      source += escapeRegExp(body.charAt(++i))
      repeatable = true
    } else {
      source += escapeRegExp(c)
      repeatable = true
    }
  }
  return { source }
}

function patternBody(pattern: string): { exclude: boolean; body: string } {
  return pattern.startsWith('!') ? { exclude: true, body: pattern.slice(1) } : { exclude: false, body: pattern }
}

/** Why a pattern cannot be used, or undefined when it can. */
export function patternProblem(pattern: string): string | undefined {
  const { body } = patternBody(pattern)
  if (body === '') return 'is empty'
  return translate(body).problem
}

/** The regular expression a pattern (without its leading `!`) stands for; throws on a pattern patternProblem rejects. */
export function globToRegExp(pattern: string): RegExp {
  const translation = translate(pattern)
  if (translation.problem !== undefined) throw new Error(`Pattern ${JSON.stringify(pattern)} ${translation.problem}`)
  return new RegExp(`^${translation.source}$`)
}

/** The pattern that includes `name` (later patterns win; `!pattern` excludes), or undefined when none does. */
export function matchingPattern(name: string, patterns: readonly string[]): string | undefined {
  let decided: string | undefined
  for (const pattern of patterns) {
    const { exclude, body } = patternBody(pattern)
    if (globToRegExp(body).test(name)) decided = exclude ? undefined : pattern
  }
  return decided
}

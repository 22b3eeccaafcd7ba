/**
 * Branch and tag patterns, written as in GitHub's workflow filters: `*` matches any characters but `/`,
 * `**` any characters, `[a-z]` one of a set; a leading `!` excludes what earlier patterns included.
 */

/** Why a pattern cannot be used, or undefined when it can. */
export function patternProblem(pattern: string): string | undefined {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern
  if (body === '') return 'is empty'
  if (body.includes('?')) return 'uses "?", which branch and tag names cannot contain; use * (any characters but /) or ** (any characters)'
  if (/\[[^\]]*$/.test(body)) return 'has a [ without its closing ]'
  return undefined
}

export function globToRegExp(pattern: string): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i)
    if (c === '*' && pattern.charAt(i + 1) === '*') {
      source += '.*'
      i++
    } else if (c === '*') {
      source += '[^/]*'
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 1)
      const set = pattern.slice(i + 1, end).replace(/\\/g, '\\\\').replace(/^!/, '^')
      source += `[${set}]`
      i = end
    } else {
      source += c.replace(/[.+^${}()|\\\]/]/g, '\\$&')
    }
  }
  return new RegExp(`^${source}$`)
}

/** The pattern that includes `name` (later patterns win; `!pattern` excludes), or undefined when none does. */
export function matchingPattern(name: string, patterns: readonly string[]): string | undefined {
  let decided: string | undefined
  for (const pattern of patterns) {
    const exclude = pattern.startsWith('!')
    if (globToRegExp(exclude ? pattern.slice(1) : pattern).test(name)) decided = exclude ? undefined : pattern
  }
  return decided
}

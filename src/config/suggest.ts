import { closest } from '../suggest.js'

/** `; did you mean "x"?` or `; use one of: a, b, c` — the tail of an "unknown name" message. */
export function suggestion(word: string, known: readonly string[]): string {
  if (!known.length) return ''
  const near = closest(word, known)
  return near ? `; did you mean "${near}"?` : `; use one of: ${known.join(', ')}`
}

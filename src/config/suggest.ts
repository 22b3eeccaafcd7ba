import { didYouMean } from '../common/suggest.js'

/** `; did you mean x?` or `; use one of: a, b, c` — the tail of an "unknown name" message. */
export function suggestion(word: string, known: readonly string[]): string {
  return known.length ? `; ${didYouMean(word, known, 'use one of')}` : ''
}

/** Edit distance between two words (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/** The known word closest to a misspelt one (ignoring case), when it is close enough to be what was meant. */
export function closest(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase()
  let best: { word: string; distance: number } | undefined
  for (const candidate of known) {
    const d = editDistance(lower, candidate.toLowerCase())
    if (!best || d < best.distance) best = { word: candidate, distance: d }
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.word : undefined
}

/**
 * The one "did you mean" of the validators: the word most likely meant (by case, then spelling, then a shortened
 * or longer name), else the valid ones after `listed`: `did you mean healthCheck?`, `valid keys: a, b`.
 */
export function didYouMean(word: string, valid: readonly string[], listed = 'valid keys'): string {
  const lower = word.toLowerCase()
  const extended = valid.find((candidate) => {
    const other = candidate.toLowerCase()
    return lower.length >= 3 && (other.startsWith(lower) || lower.startsWith(other))
  })
  const best = closest(word, valid) ?? extended
  return best ? `did you mean ${best}?` : `${listed}: ${valid.join(', ')}`
}

/** The one message for a key that is not known: `unknown key; did you mean healthCheck?`. */
export function unknownKey(key: string, valid: readonly string[]): string {
  return `unknown key; ${didYouMean(key, valid)}`
}

/** `; did you mean x?` or `; use one of: a, b, c` — the tail of an "unknown name" message. */
export function suggestion(word: string, known: readonly string[]): string {
  return known.length ? `; ${didYouMean(word, known, 'use one of')}` : ''
}

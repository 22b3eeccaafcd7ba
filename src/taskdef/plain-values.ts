/** Helpers for the plain values a parsed template or an SDK response is made of. */

export type PlainObject = Record<string, unknown>

/** An object literal, not a list or Date; works across realms (structuredClone, jest's vm). */
export function isPlainObject(value: unknown): value is PlainObject {
  return Object.prototype.toString.call(value) === '[object Object]'
}

/** What a value is without quoting it, for a whole file that may be anything (a secret, /proc/self/environ). */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

// What every validator (config, task definition, AppSpec) says about a value it found.

// A word like canary or ENABLED (letters, dashes, colons: AWS::ECS::Service), or a number: safe to quote back. Anything else may be a secret.
const ENUM_LIKE = /^[A-Za-z][A-Za-z:_-]{0,39}$/
const NUMBER_LIKE = /^-?\d{1,12}(\.\d{1,6})?$/

/**
 * What a value is, for a message, never echoing what could be a secret: a number or a boolean as written
 * (`the number 8080`), a string only when it is an enum-like word or a number (`the string "canry"`), its kind otherwise.
 */
export function describedValue(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`
  if (typeof value !== 'string') return typeof value === 'object' ? 'an object' : `a ${typeof value}`
  if (value.trim() === '') return 'an empty string'
  return ENUM_LIKE.test(value) || NUMBER_LIKE.test(value) ? `the string ${JSON.stringify(value)}` : 'a string'
}

import { READ_ONLY_KEYS } from './model.js'
import type { PlainObject } from './plain-values.js'

/** The definition without the keys only DescribeTaskDefinition returns, and which of them it had. */
export function withoutReadOnlyKeys(definition: PlainObject): { definition: PlainObject; dropped: string[] } {
  const dropped = Object.keys(definition).filter((key) => READ_ONLY_KEYS.includes(key) && definition[key] !== undefined)
  const kept = Object.entries(definition).filter(([key]) => !READ_ONLY_KEYS.includes(key))
  return { definition: Object.fromEntries(kept), dropped }
}

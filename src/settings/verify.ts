// The verify-* inputs as read (a leaf, so inputs.ts needs nothing of src/verify/): headers split, the rest as given.
import { UserError } from '../common/errors.js'

/** The verify-* inputs as given (placeholders not filled yet: they depend on the service and environment). */
export interface VerifyInputs {
  urls: string[]
  testUrls: string[]
  expect?: string
  headers: Record<string, string>
  /** Unset: the setting's default. */
  timeoutSeconds?: number
  intervalSeconds?: number
  /** verify-command as given: split into arguments (no shell), then each argument's placeholders filled. */
  command?: string
  /** From the environment's `verify:` block only. */
  redirects?: 'same-origin' | 'none'
}

/** Whether any verify-* input asks for a check. */
export function wantsVerification(inputs: VerifyInputs | undefined): inputs is VerifyInputs {
  return !!inputs && (inputs.urls.length > 0 || inputs.testUrls.length > 0 || inputs.command !== undefined)
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** `verify-headers` lines `Name: value`; a malformed line is named by its number, never echoed (values are secrets). */
export function parseHeaders(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {}
  lines.forEach((line, i) => {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon).trim()
    if (colon < 1 || !HEADER_NAME.test(name))
      throw new UserError(
        `Input \`verify-headers\`, header ${i + 1}: write each header as \`Name: value\` (a header name is letters, digits and -).`,
      )
    headers[name] = line.slice(colon + 1).trim()
  })
  return headers
}

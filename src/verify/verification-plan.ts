// The release check as the inputs describe it, settled before anything changes: URLs with their placeholders filled and
// checked, the expectation parsed, headers split. A mistake here is the user's, named by its input.
import { settingNamed } from '../settings/table.js'
import { fillTextPlaceholders } from '../taskdef/placeholders.js'
import type { VerifyInputs } from '../settings/verify.js'
import { verifyCommandArguments } from './command.js'
import { parseExpectation, type Expectation } from './expect.js'
import { fillUrl } from './url.js'

/** The check of one service's release. */
export interface VerifyPlan {
  /** Checked once the new revision takes production traffic (the deployment succeeded). */
  urls: string[]
  /** Checked while the new revision takes the test listener's traffic (blue/green, canary, linear, CodeDeploy). */
  testUrls: string[]
  expectation: Expectation
  headers: Record<string, string>
  timeoutMs: number
  intervalMs: number
  command?: string[]
  /** The placeholders' values, which verify-command gets as environment variables (never in its text). */
  commandEnv: Record<string, string>
  redirects: RedirectPolicy
}

/** `same-origin` (the default): follow redirects within the URL's origin; `none`: the answer is the redirect. */
export type RedirectPolicy = 'same-origin' | 'none'

/**
 * The plan for one service, its placeholders filled from `values` (`own`: the names the workflow set itself, `vars`);
 * a malformed URL or expectation throws a UserError.
 */
export function planVerification(
  inputs: VerifyInputs,
  values: Record<string, string>,
  own: ReadonlySet<string> = new Set(),
): VerifyPlan {
  const urls = (input: string, list: string[]): string[] => list.map((raw) => fillUrl(raw, values, own, input).href)
  return {
    urls: urls('verify.url', inputs.urls),
    testUrls: urls('verify.test-url', inputs.testUrls),
    expectation: parseExpectation(fillTextPlaceholders(inputs.expect ?? '', values, 'verify.expect')),
    headers: inputs.headers,
    timeoutMs: (inputs.timeoutSeconds ?? defaultSeconds('verify-timeout')) * 1000,
    intervalMs: (inputs.intervalSeconds ?? defaultSeconds('verify-interval')) * 1000,
    ...(inputs.command !== undefined && { command: verifyCommandArguments(inputs.command) }),
    commandEnv: values,
    redirects: inputs.redirects ?? 'same-origin',
  }
}

const defaultSeconds = (name: string): number => Number(settingNamed(name)?.default)

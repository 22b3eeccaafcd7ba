// The release check as the inputs describe it, settled before anything changes: URLs with their placeholders filled and
// checked, the expectation parsed, headers split. A mistake here is the user's, named by its input.
import { commandArguments } from '../deploy/run-task.js'
import { UserError } from '../errors.js'
import { settingNamed } from '../settings.js'
import { fillTextPlaceholders } from '../taskdef/placeholders.js'
import type { VerifyInputs } from '../verify-inputs.js'
import { parseExpectation, type Expectation } from './expect.js'

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
}

/** The plan for one service, its placeholders filled from `values`; a malformed URL or expectation throws a UserError. */
export function planVerification(inputs: VerifyInputs, values: Record<string, string>): VerifyPlan {
  const urls = (input: string, list: string[]): string[] =>
    list.map((raw) => checkedUrl(fillTextPlaceholders(raw, values, input), input))
  return {
    urls: urls('verify-url', inputs.urls),
    testUrls: urls('verify-test-url', inputs.testUrls),
    expectation: parseExpectation(fillTextPlaceholders(inputs.expect ?? '', values, 'verify-expect')),
    headers: inputs.headers,
    timeoutMs: (inputs.timeoutSeconds ?? defaultSeconds('verify-timeout')) * 1000,
    intervalMs: (inputs.intervalSeconds ?? defaultSeconds('verify-interval')) * 1000,
    ...(inputs.command !== undefined && {
      // Split first, so a filled-in value stays one argument whatever it holds.
      command: commandArguments(inputs.command, 'verify-command').map((arg) =>
        fillTextPlaceholders(arg, values, 'verify-command'),
      ),
    }),
  }
}

const defaultSeconds = (name: string): number => Number(settingNamed(name)?.default)

function checkedUrl(url: string, input: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UserError(`Input \`${input}\`: "${url}" is not a URL. Write an absolute http:// or https:// URL.`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new UserError(`Input \`${input}\`: "${url}" is not an http:// or https:// URL.`)
  if (parsed.username || parsed.password)
    throw new UserError(
      `Input \`${input}\`: a URL must not carry credentials (they would show in the log); send them with \`verify-headers\` (Authorization: …).`,
    )
  return parsed.href
}

// The engine words its messages for the action (inputs, workflow steps). In a terminal they name flags and the
// shell's own ways instead: one table of the action's phrases and what a CLI user reads in their place.
import { SETTINGS } from '../settings/index.js'

const NAMES = SETTINGS.map((s) => s.name.replace(/[-]/g, '\\-')).join('|')

const PHRASES: [RegExp, string | ((...groups: string[]) => string)][] = [
  [new RegExp(`\\b[Ii]nput \`(${NAMES})\``, 'g'), (_m, name) => `--${name}`],
  [new RegExp(`\\b(?:the )?\`(${NAMES})\` input\\b`, 'g'), (_m, name) => `--${name}`],
  [
    /Add aws-actions\/configure-aws-credentials before this step \(OIDC role or access keys\)\./g,
    'Set them as the AWS CLI takes them: AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or the role of the machine.',
  ],
  [/ \(aws-actions\/configure-aws-credentials sets it\)/g, ' or AWS_DEFAULT_REGION, or the region of AWS_PROFILE'],
  [
    /Configure credentials right before this step, or lengthen the session \(role-duration-seconds of aws-actions\/configure-aws-credentials\)\./g,
    'Refresh them (aws sso login, or a new session), or lengthen the session.',
  ],
  [/the role that aws-actions\/configure-aws-credentials assumes/g, 'the profile or role in use'],
  [
    /, and that actions\/checkout runs before this step/g,
    ', and that the CLI runs in the repository (its working directory)',
  ],
]

/** A message of the engine in the CLI's terms: flags for inputs, shell set-up for workflow steps. */
export function inFlagTerms(message: string): string {
  return PHRASES.reduce(
    (text, [pattern, replacement]) =>
      text.replace(pattern, replacement as (substring: string, ...args: string[]) => string),
    message,
  )
}

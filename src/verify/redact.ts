// An answer's body (or a command's output) before the log or summary quotes it: the run's own secrets and anything
// shaped like a credential are cut out, since a redirect or a reflecting endpoint may have put one there.

const HIDDEN = '***'

/** Shapes of credentials, each replaced whole (or, where a group 1 is kept, after it). */
const CREDENTIALS: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  // A field named like a secret, in JSON, YAML, a query or an environment file: its value.
  /((?:^|[^A-Za-z0-9])"?[A-Za-z0-9_-]*(?:secret|password|passwd|token|credential|api[_-]?key|private[_-]?key|signature)[A-Za-z0-9_-]*"?\s*[:=]\s*["']?)(?:(?<=")[^"]+|(?<=')[^']+|[^\s,;&}"']+)/gi,
  /(\b(?:Bearer|Basic|Token|Digest)\s+)[A-Za-z0-9._~+/=-]{6,}/gi,
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  /\b(?:AKIA|ASIA|AROA|AIDA|ABIA|ACCA|AGPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b/g,
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{10,})/g,
  // 40 characters of base64 with upper and lower case and a digit: an AWS secret access key (a hex SHA has no upper case).
  /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+=]{0,39}[A-Z])(?=[A-Za-z0-9/+=]{0,39}[a-z])(?=[A-Za-z0-9/+=]{0,39}[0-9])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g,
]

/** `text` without any of `secrets` (and their words of 8 characters or more) and without credential-shaped text. */
export function withoutCredentials(text: string, secrets: readonly string[]): string {
  const known = secrets
    .flatMap((secret) => [secret, ...secret.split(/\s+/).filter((word) => word.length >= 8)])
    .filter((secret) => secret.length >= 4)
    .sort((a, b) => b.length - a.length)
  let safe = text
  for (const secret of known) safe = safe.replaceAll(secret, HIDDEN)
  for (const shape of CREDENTIALS)
    safe = safe.replace(shape, (match, kept: unknown) => (typeof kept === 'string' ? kept + HIDDEN : HIDDEN))
  return safe
}

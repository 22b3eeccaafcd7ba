// A verify URL with its placeholders filled so that no value can move the check to another host: a value from the
// run (REF_NAME, ENVIRONMENT, …: a branch name is anyone's to choose) goes in as a host name label in the host and as
// a path segment elsewhere; only a value from `vars` (the workflow's own) may give the whole origin (`${LB}/health`).
import { UserError } from '../common/errors.js'
import { fillTextPlaceholders } from '../taskdef/placeholders.js'
import { settingName } from '../common/setting-name.js'

/** Longest DNS label. */
const LABEL_MAX = 63

/** `template` with `values` filled in; `own` names the values the workflow wrote itself (`vars`). */
export function fillUrl(
  template: string,
  values: Record<string, string>,
  own: ReadonlySet<string>,
  input: string,
): URL {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(template)?.[0].length ?? 0
  // Placeholder names hold no / ? #, so the template's own text says where its host and port end.
  const rest = template.slice(scheme).search(/[/?#]/)
  const authorityEnd = rest < 0 ? template.length : scheme + rest
  let givenOrigin: string | undefined
  const head = fillTextPlaceholders(template.slice(0, authorityEnd), values, input, (name, value, offset) => {
    if (scheme > 0 || offset > 0) return hostLabels(value, own.has(name), name, template, input)
    if (!own.has(name)) throw refused(template, input, `\${${name}} may not give the URL's scheme or origin`)
    givenOrigin = originOf(value, name, template, input)
    return value
  })
  const tail = fillTextPlaceholders(template.slice(authorityEnd), values, input, (_name, value) =>
    encodeURIComponent(value),
  )
  const url = parsedUrl(head + tail, input)
  const expected = givenOrigin ?? originOf(head, '', template, input)
  if (url.origin !== expected)
    throw refused(template, input, `the filled-in URL's origin ${url.origin} is not the template's, ${expected}`)
  return url
}

/** A value in the host: one label (letters, digits, -); a `vars` value may hold several, dot-separated. */
function hostLabels(value: string, own: boolean, name: string, template: string, input: string): string {
  if (own) {
    if (/^[A-Za-z0-9.-]+$/.test(value)) return value
    throw refused(template, input, `\${${name}} is "${value}", which is not a host name (letters, digits, . and -)`)
  }
  const label = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, LABEL_MAX)
    .replace(/^-+|-+$/g, '')
  if (label) return label
  throw refused(template, input, `\${${name}} holds no letter or digit to make a host name label of`)
}

function originOf(text: string, name: string, template: string, input: string): string {
  const url = URL.canParse(text) ? new URL(text) : undefined
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) return url.origin
  throw refused(
    template,
    input,
    name ? `\${${name}} must be an http:// or https:// URL to give its origin` : `"${text}" names no http(s) origin`,
  )
}

function refused(template: string, input: string, why: string): UserError {
  return new UserError(
    `${settingName(input)}: "${template}": ${why}. A filled-in value never changes a URL's scheme, host or port: write them in the URL (https://\${REF_NAME}.preview.example.com/…), or give the whole origin with one of \`vars\` (\${LB}/health).`,
  )
}

/** `url` parsed; a malformed one is a UserError naming the input. */
export function parsedUrl(url: string, input: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UserError(`${settingName(input)}: "${url}" is not a URL. Write an absolute http:// or https:// URL.`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new UserError(`${settingName(input)}: "${url}" is not an http:// or https:// URL.`)
  if (parsed.username || parsed.password)
    throw new UserError(
      `${settingName(input)}: a URL must not carry credentials (they would show in the log); send them with \`verify-headers\` (Authorization: …).`,
    )
  return parsed
}

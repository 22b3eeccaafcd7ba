import { getInputs } from '../../src/inputs.js'
import { planVerification } from '../../src/verify/plan.js'
import { parseHeaders, type VerifyInputs } from '../../src/verify-inputs.js'

const inputs = (overrides: Partial<VerifyInputs> = {}): VerifyInputs => ({
  urls: [],
  testUrls: [],
  expect: '',
  headers: {},
  timeoutSeconds: 60,
  intervalSeconds: 5,
  ...overrides,
})
const values = { ENVIRONMENT: 'staging', GITHUB_SHA: 'abc123', NOTE: 'two words' }

describe('the release check, planned before anything changes', () => {
  test('placeholders are filled in URLs, the expectation and each argument of the command', () => {
    const plan = planVerification(
      inputs({
        urls: ['https://${ENVIRONMENT}.example.com/version'],
        testUrls: ['http://test.${ENVIRONMENT}.example.com:8443/version?literal=$${GITHUB_SHA}'],
        expect: '$.version == ${GITHUB_SHA}',
        command: `./smoke.sh --note \${NOTE} 'sha \${GITHUB_SHA}'`,
      }),
      values,
    )
    expect(plan.urls).toEqual(['https://staging.example.com/version'])
    expect(plan.testUrls).toEqual(['http://test.staging.example.com:8443/version?literal=${GITHUB_SHA}'])
    expect(plan.expectation).toEqual({ kind: 'json', path: ['version'], value: 'abc123', text: '$.version == abc123' })
    // A value with a space stays one argument: the command is split before it is filled.
    expect(plan.command).toEqual(['./smoke.sh', '--note', 'two words', 'sha abc123'])
    expect(plan.timeoutMs).toBe(60_000)
  })

  test.each([
    [
      { urls: ['example.com/version'] },
      'Input `verify-url`: "example.com/version" is not a URL. Write an absolute http:// or https:// URL.',
    ],
    [{ urls: ['ftp://example.com/'] }, 'Input `verify-url`: "ftp://example.com/" is not an http:// or https:// URL.'],
    [
      { testUrls: ['https://me:pw@example.com/'] },
      'Input `verify-test-url`: a URL must not carry credentials (they would show in the log); send them with `verify-headers` (Authorization: …).',
    ],
    [
      { urls: ['https://${ENV}.example.com/'] },
      'Input `verify-url`: unknown placeholder ${ENV}. Known: ENVIRONMENT, GITHUB_SHA, NOTE. Add it with the `vars` input (ENV=value), or write $${ENV} for a literal ${ENV}.',
    ],
    [{ expect: '$.version == ${SHA}' }, 'Input `verify-expect`: unknown placeholder ${SHA}.'],
  ])('%j is refused: %s', (given, message) => {
    expect(() => planVerification(inputs(given), values)).toThrow(message)
  })

  test('headers: Name: value lines; a malformed one is named by its number, its value never echoed', () => {
    expect(parseHeaders(['Authorization: Bearer s3cr3t:x', 'X-Probe:1'])).toEqual({
      Authorization: 'Bearer s3cr3t:x',
      'X-Probe': '1',
    })
    const bad = (): unknown => parseHeaders(['X-Ok: 1', 'Bearer s3cr3t'])
    expect(bad).toThrow(
      'Input `verify-headers`, header 2: write each header as `Name: value` (a header name is letters, digits and -).',
    )
    expect(bad).not.toThrow(/s3cr3t/)
  })
})

test('verify-headers: the input and each header value are masked as soon as the inputs are read', () => {
  const masked: string[] = []
  const values: Record<string, string> = {
    service: 'web',
    'verify-url': 'https://example.com/version',
    'verify-headers': 'Authorization: Bearer s3cr3t\nX-Api-Key: k3y',
  }
  const inputs = getInputs((name) => values[name] ?? '', {
    info: () => undefined,
    warning: () => undefined,
    secret: (value) => void masked.push(value),
  })
  expect(masked).toEqual(['Authorization: Bearer s3cr3t\nX-Api-Key: k3y', 'Bearer s3cr3t', 'k3y'])
  expect(inputs.verify).toEqual({
    urls: ['https://example.com/version'],
    testUrls: [],
    headers: { Authorization: 'Bearer s3cr3t', 'X-Api-Key': 'k3y' },
  })
})

import { getInputs } from '../../src/settings/inputs.js'
import { planVerification } from '../../src/verify/verification-plan.js'
import { parseHeaders, type VerifyInputs } from '../../src/settings/verify.js'

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
  test('placeholders are filled in URLs and the expectation; the command gets them as environment variables', () => {
    const plan = planVerification(
      inputs({
        urls: ['https://${ENVIRONMENT}.example.com/version'],
        testUrls: ['http://test.${ENVIRONMENT}.example.com:8443/version?literal=$${GITHUB_SHA}'],
        expect: '$.version == ${GITHUB_SHA}',
        command: `./smoke.sh --note 'two words' "sha $\${GITHUB_SHA}"`,
      }),
      values,
    )
    expect(plan.urls).toEqual(['https://staging.example.com/version'])
    expect(plan.testUrls).toEqual(['http://test.staging.example.com:8443/version?literal=${GITHUB_SHA}'])
    expect(plan.expectation).toEqual({ kind: 'json', path: ['version'], value: 'abc123', text: '$.version == abc123' })
    // $${NAME} is a literal ${NAME}, for a shell to read from the environment.
    expect(plan.command).toEqual(['./smoke.sh', '--note', 'two words', 'sha ${GITHUB_SHA}'])
    expect(plan.commandEnv).toEqual(values)
    expect(plan.timeoutMs).toBe(60_000)
  })

  test.each([
    ['http://${REF_NAME}.preview.example/health', '127.0.0.2/x#', 'http://127-0-0-2-x.preview.example/health'],
    ['http://${REF_NAME}.preview.example:8080/', 'evil.example:80@', 'http://evil-example-80.preview.example:8080/'],
    [
      'https://app.example/${REF_NAME}/health',
      '../../@evil.example/x?#',
      'https://app.example/..%2F..%2F%40evil.example%2Fx%3F%23/health',
    ],
    ['https://app.example/health?ref=${REF_NAME}', 'a&b=c#d', 'https://app.example/health?ref=a%26b%3Dc%23d'],
    ['${LB}/health?ref=${REF_NAME}', 'feature/x', 'http://127.0.0.1:8080/health?ref=feature%2Fx'],
  ])('%s with REF_NAME %j stays on its origin: %s', (template, ref, url) => {
    const plan = planVerification(
      inputs({ urls: [template] }),
      { REF_NAME: ref, LB: 'http://127.0.0.1:8080' },
      new Set(['LB']),
    )
    expect(plan.urls).toEqual([url])
  })

  test.each([
    [
      { urls: ['${REF_NAME}/health'] },
      'Config key `verify.url`: "${REF_NAME}/health": ${REF_NAME} may not give the URL\'s scheme or origin.',
    ],
    [
      { urls: ['https://${REF_NAME}.example.com/'] },
      'Config key `verify.url`: "https://${REF_NAME}.example.com/": ${REF_NAME} holds no letter or digit to make a host name label of.',
    ],
    [{ urls: ['${LB}/health'] }, '${LB} must be an http:// or https:// URL to give its origin'],
    [
      { urls: ['https://${HOST}/'] },
      '${HOST} is "evil.example/#", which is not a host name (letters, digits, . and -)',
    ],
  ])('%j is refused, saying how to write it: %s', (given, message) => {
    const values = { REF_NAME: '/#', LB: 'evil', HOST: 'evil.example/#' }
    expect(() => planVerification(inputs(given), values, new Set(['LB', 'HOST']))).toThrow(message)
    expect(() => planVerification(inputs(given), values, new Set(['LB', 'HOST']))).toThrow(
      "A filled-in value never changes a URL's scheme, host or port",
    )
  })

  test.each([
    [
      `bash -c 'echo \${REF_NAME}'`,
      'Config key `verify.command`: ${REF_NAME} is in the script of `bash -c`, where a filled-in value would run as code. Write "$REF_NAME" instead: the command gets every placeholder as an environment variable, which the shell reads.',
    ],
    [`/bin/sh -ec "curl \${URL}"`, '${URL} is in the script of `/bin/sh -ec`'],
    [`env python3 -c "print('\${X}')"`, '${X} is in the script of `env python3 -c`'],
    [
      `./smoke.sh --ref \${REF_NAME}`,
      'Config key `verify.command`: ${REF_NAME} in argument 3: placeholders are not filled into the command, it gets them as environment variables. Read $REF_NAME in the command, or through a shell: bash -c \'… "$REF_NAME" …\'.',
    ],
  ])('a placeholder in the command %s is refused: %s', (command, message) => {
    expect(() => planVerification(inputs({ command }), values)).toThrow(message)
  })

  test.each([
    [
      { urls: ['example.com/version'] },
      'Config key `verify.url`: "example.com/version" is not a URL. Write an absolute http:// or https:// URL.',
    ],
    [
      { urls: ['ftp://example.com/'] },
      'Config key `verify.url`: "ftp://example.com/" is not an http:// or https:// URL.',
    ],
    [
      { testUrls: ['https://me:pw@example.com/'] },
      'Config key `verify.test-url`: a URL must not carry credentials (they would show in the log); send them with `verify-headers` (Authorization: …).',
    ],
    [
      { urls: ['https://${ENV}.example.com/'] },
      'Config key `verify.url`: unknown placeholder ${ENV}. Known: ENVIRONMENT, GITHUB_SHA, NOTE. Add it to the `vars` of the environment in the config file (ENV: value), or write $${ENV} for a literal ${ENV}.',
    ],
    [{ expect: '$.version == ${SHA}' }, 'Config key `verify.expect`: unknown placeholder ${SHA}.'],
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

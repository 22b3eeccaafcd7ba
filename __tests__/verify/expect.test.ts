import { describeExpectation, meets, parseExpectation } from '../../src/verify/expect.js'

const ok = (body: string, status = 200) => ({ status, body })

describe('verify-expect', () => {
  test.each([
    ['', ok(''), true],
    ['', ok('', 500), false],
    ['', ok('', 302), false],
    ['204', ok('', 204), true],
    ['204', ok('', 200), false],
    ['500', ok('boom', 500), true],
    ['ok', ok('{"status":"ok"}'), true],
    ['ok', ok('{"status":"ok"}', 503), false],
    ['ok', ok('nope'), false],
    ['/^v\\d+$/', ok('v12'), true],
    ['/^V\\d+$/i', ok('v12'), true],
    ['/^v\\d+$/', ok('version 12'), false],
    ['$.version == abc123', ok('{"version":"abc123"}'), true],
    ['$.version == "abc123"', ok('{"version":"abc123"}'), true],
    ['$.version == abc123', ok('{"version":"abc124"}'), false],
    ['$.version == abc123', ok('{"version":"abc123"}', 500), false],
    ['$.version == abc123', ok('abc123'), false],
    ['$.build.items[1].n == 2', ok('{"build":{"items":[{"n":1},{"n":2}]}}'), true],
    ['$.healthy == true', ok('{"healthy":true}'), true],
    ['$.missing == x', ok('{}'), false],
  ])('%j against %j: %s', (text, answer, expected) => {
    expect(meets(parseExpectation(text), answer)).toBe(expected)
  })

  test.each([
    ['', 'a 2xx answer'],
    ['204', 'HTTP 204'],
    ['ok', 'a 2xx answer containing "ok"'],
    ['/v\\d/', 'a 2xx answer matching /v\\d/'],
    ['$.version == abc', 'a 2xx JSON answer with $.version == abc'],
  ])('%j is described as %s', (text, words) => {
    expect(describeExpectation(parseExpectation(text))).toBe(words)
  })

  test.each([
    ['99', 'Config key `verify.expect`: 99 is not an HTTP status code (100 to 599).'],
    [
      '/(/',
      'Config key `verify.expect`: /(/ is not a valid regular expression (Invalid regular expression: /(/: Unterminated group). Write it as /pattern/flags.',
    ],
    [
      '$.version = v2',
      'Config key `verify.expect`: "$.version = v2" is not a JSON path check. Write it as `$.field.sub[0] == value`.',
    ],
    [
      '$. == v2',
      'Config key `verify.expect`: "$. == v2" is not a JSON path check. Write it as `$.field.sub[0] == value`.',
    ],
  ])('%j is refused: %s', (text, message) => {
    expect(() => parseExpectation(text)).toThrow(message)
  })
})

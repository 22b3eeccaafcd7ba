import { parseMetadataFile, parsePushOutput } from '../../src/image/digest.js'

const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`

describe('parsePushOutput', () => {
  test.each([
    [
      'legacy push',
      [
        'The push refers to repository [127.0.0.1:5000/web]',
        '5f70bf18a086: Pushed',
        `0123456789abcdef0123456789abcdef01234567: digest: ${A} size: 528`,
      ].join('\n'),
      { digest: A, manifestSize: 528 },
    ],
    [
      'layers already there',
      `a1b2: Layer already exists\nmain: digest: ${A} size: 1570\n`,
      { digest: A, manifestSize: 1570 },
    ],
    ['last digest wins', `x: digest: ${B} size: 1\ny: digest: ${A} size: 2`, { digest: A, manifestSize: 2 }],
    ['CRLF', `main: digest: ${A} size: 528\r\n`, { digest: A, manifestSize: 528 }],
    ['no digest', 'The push refers to repository [127.0.0.1:5000/web]\nerror', undefined],
    ['short digest', 'main: digest: sha256:abc size: 1', undefined],
    ['empty', '', undefined],
  ])('%s', (_name, output, expected) => {
    expect(parsePushOutput(output)).toEqual(expected)
  })
})

describe('parseMetadataFile', () => {
  test.each([
    [
      'buildx push',
      JSON.stringify({
        'buildx.build.ref': 'default/default/xyz',
        'containerimage.config.digest': B,
        'containerimage.descriptor': { mediaType: 'application/vnd.oci.image.index.v1+json', digest: A, size: 856 },
        'containerimage.digest': A,
        'image.name': '127.0.0.1:5000/web:main',
      }),
      A,
    ],
    ['descriptor only', JSON.stringify({ 'containerimage.descriptor': { digest: A } }), A],
    ['no digest', JSON.stringify({ 'buildx.build.ref': 'x' }), undefined],
    ['not a digest', JSON.stringify({ 'containerimage.digest': 'sha256:zz' }), undefined],
    ['not JSON', 'oops', undefined],
    ['empty file', '', undefined],
    ['JSON null', 'null', undefined],
  ])('%s', (_name, text, expected) => {
    expect(parseMetadataFile(text)).toBe(expected)
  })
})

import { formatBytes, imageSummaryRows, imageSummarySection } from '../../src/image/summary.js'
import type { BuiltImage } from '../../src/image/types.js'

const DIGEST = `sha256:${'d'.repeat(64)}`
const SHA = '0123456789abcdef0123456789abcdef01234567'
const built: BuiltImage = {
  reference: `127.0.0.1:5000/web@${DIGEST}`,
  repository: '127.0.0.1:5000/web',
  digest: DIGEST,
  tags: [SHA, 'main'],
  reused: false,
  buildSeconds: 12.3,
  pushSeconds: 75.4,
  sizeBytes: 3_500_000,
  builder: 'docker',
}

describe('imageSummaryRows', () => {
  test('built and pushed', () => {
    expect(imageSummaryRows(built)).toEqual([
      ['Reference', `\`127.0.0.1:5000/web@${DIGEST}\``],
      ['Digest', `\`${DIGEST}\``],
      ['Tags', `\`${SHA}\`, \`main\``],
      ['Size', '3.3 MiB (compressed, as stored in ECR)'],
      ['Build', '12.3 s with docker build'],
      ['Push', '1 min 15 s'],
    ])
  })

  test('reused', () => {
    const { sizeBytes: _size, ...rest } = built
    expect(imageSummaryRows({ ...rest, reused: true, builder: 'none', buildSeconds: 0, pushSeconds: 0 })).toEqual([
      ['Reference', `\`127.0.0.1:5000/web@${DIGEST}\``],
      ['Digest', `\`${DIGEST}\``],
      ['Tags', `\`${SHA}\`, \`main\``],
      ['Build', 'skipped: the image for this commit was already pushed, and is reused'],
    ])
  })

  test('built with buildx, not pushed', () => {
    const { sizeBytes: _size, ...rest } = built
    expect(
      imageSummaryRows({
        ...rest,
        digest: '',
        reference: `127.0.0.1:5000/web:${SHA}`,
        builder: 'buildx',
        pushSeconds: 0,
      }),
    ).toEqual([
      ['Reference', `\`127.0.0.1:5000/web:${SHA}\``],
      ['Digest', 'not pushed'],
      ['Tags', `\`${SHA}\`, \`main\``],
      ['Build', '12.3 s with docker buildx'],
      ['Push', 'not pushed (push: false)'],
    ])
  })
})

test('imageSummarySection is a markdown table under an Image heading', () => {
  expect(imageSummarySection({ ...built, tags: ['a|b'] }).split('\n')).toEqual([
    '### Image',
    '',
    `| Reference | \`127.0.0.1:5000/web@${DIGEST}\` |`,
    '| --- | --- |',
    `| Digest | \`${DIGEST}\` |`,
    '| Tags | `a\\|b` |',
    '| Size | 3.3 MiB (compressed, as stored in ECR) |',
    '| Build | 12.3 s with docker build |',
    '| Push | 1 min 15 s |',
  ])
})

test.each([
  [0, '0 B'],
  [1023, '1023 B'],
  [1024, '1.0 KiB'],
  [150 * 1024 * 1024, '150 MiB'],
  [3 * 1024 ** 3, '3.0 GiB'],
  [5 * 1024 ** 5, '5120 TiB'],
])('formatBytes(%i) is %s', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text)
})

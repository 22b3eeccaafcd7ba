import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { buildKey, reuseTag, type BuildKeyInputs } from '../../src/image/build-key.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
let dir: string
let dockerfile: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'build-key-'))
  dockerfile = path.join(dir, 'Dockerfile')
  await writeFile(dockerfile, 'FROM scratch\nCOPY app /app\n')
  await writeFile(path.join(dir, 'api.Dockerfile'), 'FROM scratch\nCOPY app /app\n')
})

afterEach(() => rm(dir, { recursive: true, force: true }))

const base = (): BuildKeyInputs => ({ build: dir, buildArgs: { NODE_ENV: 'production' }, platforms: ['linux/amd64'] })

describe('buildKey', () => {
  test('the same inputs give the same key; platform and build-arg order do not matter', async () => {
    const key = await buildKey(base(), dockerfile, { sha: SHA })
    expect(key).toMatch(/^[a-f0-9]{64}$/)
    expect(await buildKey({ ...base() }, dockerfile, { sha: SHA })).toBe(key)
    const reordered = { ...base(), platforms: ['linux/arm64', 'linux/amd64'], buildArgs: { B: '2', A: '1' } }
    const again = { ...base(), platforms: ['linux/amd64', 'linux/arm64'], buildArgs: { A: '1', B: '2' } }
    expect(await buildKey(reordered, dockerfile, { sha: SHA })).toBe(await buildKey(again, dockerfile, { sha: SHA }))
  })

  test.each<[string, (inputs: BuildKeyInputs) => BuildKeyInputs | Promise<BuildKeyInputs>, (() => string) | undefined]>(
    [
      ['another Dockerfile path (same content)', (i) => i, () => path.join(dir, 'api.Dockerfile')],
      ['another target', (i) => ({ ...i, target: 'test' }), undefined],
      ['another build-arg value', (i) => ({ ...i, buildArgs: { NODE_ENV: 'development' } }), undefined],
      ['one more build-arg', (i) => ({ ...i, buildArgs: { ...i.buildArgs, EXTRA: '1' } }), undefined],
      ['another platform', (i) => ({ ...i, platforms: ['linux/arm64'] }), undefined],
      ['another build context', (i) => ({ ...i, build: path.join(dir, 'sub') }), undefined],
      [
        'another Dockerfile content',
        async (i) => (await writeFile(dockerfile, 'FROM scratch\nCOPY other /app\n'), i),
        undefined,
      ],
    ],
  )('%s gives another key', async (_name, change, otherDockerfile) => {
    const before = await buildKey(base(), dockerfile, { sha: SHA })
    const changed = await change(base())
    expect(await buildKey(changed, otherDockerfile?.() ?? dockerfile, { sha: SHA })).not.toBe(before)
  })

  test('another commit changes the key through COMMIT_HASH / GIT_SHA, and the reuse tag holds both', async () => {
    const key = await buildKey(base(), dockerfile, { sha: SHA })
    expect(await buildKey(base(), dockerfile, { sha: 'f'.repeat(40) })).not.toBe(key)
    expect(reuseTag(SHA, key)).toBe(`${SHA}-${key.slice(0, 12)}`)
  })
})

describe('buildKey and the build essentials', () => {
  const key = (inputs: Partial<BuildKeyInputs>) => buildKey({ ...base(), ...inputs }, dockerfile, { sha: SHA })

  test('unset, empty or absent new inputs leave the key as it was (images pushed before stay reusable)', async () => {
    const before = await key({})
    expect(await key({ buildSecrets: [], buildSecretFiles: [], ssh: [], provenance: undefined, sbom: '' })).toBe(before)
  })

  test.each<[string, Partial<BuildKeyInputs>]>([
    ['a build secret id', { buildSecrets: ['npm=x'] }],
    ['a secret file id', { buildSecretFiles: ['netrc=.netrc'] }],
    ['an ssh id', { ssh: ['default'] }],
    ['provenance', { provenance: 'false' }],
    ['sbom', { sbom: 'true' }],
  ])('%s changes the key', async (_name, given) => {
    expect(await key(given)).not.toBe(await key({}))
  })

  test("a secret's value never counts, only its id", async () => {
    expect(await key({ buildSecrets: ['npm=one'] })).toBe(await key({ buildSecrets: ['npm=two'] }))
    expect(await key({ buildSecrets: ['a=1', 'b=2'] })).toBe(await key({ buildSecrets: ['b=3', 'a=4'] }))
  })
})

import { defaultTags, isValidTag, resolveTags, sanitiseTag } from '../../src/image/tags.js'
import { UserError } from '../../src/common/errors.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'

describe('sanitiseTag', () => {
  test.each([
    ['main', 'main'],
    ['feature/x', 'feature-x'],
    ['feature//x', 'feature--x'],
    ['Feature/Login-Page', 'Feature-Login-Page'],
    ['v1.2.3', 'v1.2.3'],
    ['release_2024', 'release_2024'],
    ['123/merge', '123-merge'],
    ['-leading', 'leading'],
    ['.hidden', 'hidden'],
    ['/x', 'x'],
    ['ünïcode', 'n-code'],
    ['a b\tc', 'a-b-c'],
    ['x'.repeat(200), 'x'.repeat(128)],
    ['---', ''],
    ['', ''],
  ])('%j → %j', (name, tag) => {
    expect(sanitiseTag(name)).toBe(tag)
    if (tag !== '') expect(isValidTag(tag)).toBe(true)
  })
})

describe('isValidTag', () => {
  test.each([
    ['latest', true],
    ['_private', true],
    ['A.b-C_1', true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
    ['.x', false],
    ['-x', false],
    ['a/b', false],
    ['a:b', false],
    ['', false],
  ])('%j → %s', (tag, valid) => {
    expect(isValidTag(tag)).toBe(valid)
  })
})

describe('defaultTags', () => {
  test.each([
    ['main', [SHA, 'main']],
    ['feature/x', [SHA, 'feature-x']],
    ['v1.0.0', [SHA, 'v1.0.0']],
    ['', [SHA]],
    [SHA, [SHA]],
  ])('ref %j → %j', (refName, tags) => {
    expect(defaultTags({ sha: SHA, refName })).toEqual(tags)
  })

  test('a ref name that leaves nothing is refused, naming the input to set', () => {
    expect(() => defaultTags({ sha: SHA, refName: '///' })).toThrow(
      new UserError(
        'The branch or tag name "///" leaves no valid Docker tag once sanitised (letters, digits, _ . and - only, not starting with . or -, at most 128 characters): set tags explicitly.',
      ),
    )
  })

  test('no sha', () => {
    expect(() => defaultTags({ sha: '', refName: 'main' })).toThrow(
      'The commit sha "" cannot be a Docker tag (is GITHUB_SHA set?): set tags explicitly.',
    )
  })
})

describe('resolveTags', () => {
  const git = { sha: SHA, refName: 'feature/x' }
  test.each([
    [[], [SHA, 'feature-x']],
    [
      [' ', ''],
      [SHA, 'feature-x'],
    ],
    [['latest'], ['latest']],
    [
      ['v1', ' v2 ', 'v1'],
      ['v1', 'v2'],
    ],
    [
      [SHA, 'prod'],
      [SHA, 'prod'],
    ],
  ])('%j → %j', (given, tags) => {
    expect(resolveTags(given, git)).toEqual(tags)
  })

  test.each([
    [
      'feature/x',
      'tags: "feature/x" is not a valid Docker tag (letters, digits, _ . and - only, not starting with . or -, at most 128 characters); "feature-x" would be.',
    ],
    [
      '.x',
      'tags: ".x" is not a valid Docker tag (letters, digits, _ . and - only, not starting with . or -, at most 128 characters); "x" would be.',
    ],
    [
      '---',
      'tags: "---" is not a valid Docker tag (letters, digits, _ . and - only, not starting with . or -, at most 128 characters).',
    ],
  ])('refuses %j without changing it', (tag, message) => {
    expect(() => resolveTags(['ok', tag], git)).toThrow(new UserError(message))
  })
})

describe('resolveTags with docker/metadata-action references', () => {
  const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web'
  const git = { sha: SHA, refName: 'main' }

  test("full references of the pushed repository give their tags, newline separated as metadata-action's output", () => {
    const output = [`${REPO}:sha-0123abc`, `${REPO}:main`, 'v1', `${REPO}:main`]
    expect(resolveTags(output, git, REPO)).toEqual(['sha-0123abc', 'main', 'v1'])
  })

  test('a registry with a port is no tag', () => {
    expect(resolveTags(['127.0.0.1:5000/web:pr-7'], git, '127.0.0.1:5000/web')).toEqual(['pr-7'])
  })

  test.each([
    [
      'ghcr.io/acme/web:main',
      `tags: "ghcr.io/acme/web:main" is a tag of ghcr.io/acme/web, but the image is pushed to ${REPO} (\`image\`): give tags of ${REPO} only (with docker/metadata-action, set its \`images\` to ${REPO}), or bare tag names.`,
    ],
    [
      'web:main',
      `tags: "web:main" is a tag of docker.io/library/web, but the image is pushed to ${REPO} (\`image\`): give tags of ${REPO} only (with docker/metadata-action, set its \`images\` to ${REPO}), or bare tag names.`,
    ],
    [
      `${REPO}@sha256:${'a'.repeat(64)}`,
      `tags: "${REPO}@sha256:${'a'.repeat(64)}" names no tag (a digest cannot be pushed to): write ${REPO}:<tag>, or the bare tag name.`,
    ],
    [
      `${REPO}:`,
      `tags "${REPO}:" is not a valid image reference: the tag after ":" is empty; give one, or leave out the ":".`,
    ],
  ])('refuses %j', (entry, message) => {
    expect(() => resolveTags([entry], git, REPO)).toThrow(new UserError(message))
  })
})

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { readRunEvent, runEventFrom } from '../../src/github/event.js'

const prPayload = {
  action: 'synchronize',
  number: 12,
  pull_request: { number: 12, base: { ref: 'develop' }, head: { ref: 'feature/login', sha: 'c'.repeat(40) } },
}

test.each([
  ['push', 'refs/heads/main', { ref: 'refs/heads/main', after: 'x' }, { name: 'push', ref: 'refs/heads/main' }],
  [
    'workflow_dispatch',
    'refs/heads/dev',
    { inputs: { environment: 'qa' } },
    { name: 'workflow_dispatch', ref: 'refs/heads/dev' },
  ],
  ['schedule', 'refs/heads/main', undefined, { name: 'schedule', ref: 'refs/heads/main' }],
  [
    'pull_request',
    'refs/pull/12/merge',
    prPayload,
    {
      name: 'pull_request',
      ref: 'refs/pull/12/merge',
      pullRequest: {
        number: 12,
        action: 'synchronize',
        baseRef: 'develop',
        headRef: 'feature/login',
        headSha: 'c'.repeat(40),
      },
    },
  ],
  [
    'pull_request',
    'refs/pull/3/merge',
    { pull_request: { number: 3 } },
    {
      name: 'pull_request',
      ref: 'refs/pull/3/merge',
      pullRequest: { number: 3, action: '', baseRef: '', headRef: '', headSha: '' },
    },
  ],
  ['pull_request', 'refs/pull/3/merge', { number: 3 }, { name: 'pull_request', ref: 'refs/pull/3/merge' }],
])('%s %s', (name, ref, payload, expected) => {
  expect(runEventFrom(name, ref, payload)).toEqual(expected)
})

test('readRunEvent reads the payload file the runner names', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'event-'))
  try {
    await writeFile(path.join(dir, 'event.json'), JSON.stringify(prPayload))
    expect(
      readRunEvent({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/12/merge',
        GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
      }),
    ).toMatchObject({
      pullRequest: { number: 12, action: 'synchronize' },
    })
  } finally {
    await rm(dir, { recursive: true })
  }
})

test('without a payload file: name and ref only', () => {
  expect(readRunEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1' })).toEqual({
    name: 'push',
    ref: 'refs/tags/v1',
  })
  expect(readRunEvent({})).toEqual({ name: '', ref: '' })
})

test('a malformed or missing payload file is an error naming the file, not a bare JSON parser message', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'event-'))
  try {
    const file = path.join(dir, 'event.json')
    await writeFile(file, '{"pull_request": {')
    const read = (at: string) => () =>
      readRunEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/x', GITHUB_EVENT_PATH: at })
    expect(read(file)).toThrow(new RegExp(`^Could not read the event payload GITHUB_EVENT_PATH \\(${file}\\): .*JSON`))
    expect(read(path.join(dir, 'gone.json'))).toThrow(`GITHUB_EVENT_PATH (${path.join(dir, 'gone.json')}): `)
    expect(read(path.join(dir, 'gone.json'))).toThrow(/ENOENT: no such file/)
  } finally {
    await rm(dir, { recursive: true })
  }
})

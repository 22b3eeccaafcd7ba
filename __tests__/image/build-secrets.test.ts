import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  mountArgs,
  mountEnvironment,
  parseBuildSecretFiles,
  parseBuildSecrets,
  parseSsh,
} from '../../src/image/build-secrets.js'
import { UserError } from '../../src/common/errors.js'

let workspace: string
let outside: string

beforeEach(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'secrets-ws-'))
  outside = await mkdtemp(path.join(os.tmpdir(), 'secrets-out-'))
  await writeFile(path.join(workspace, '.netrc'), 'machine example.com')
  await mkdir(path.join(workspace, 'dir'))
  await writeFile(path.join(outside, 'credentials'), 'secret')
})

afterEach(async () => {
  await rm(workspace, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

describe('build-secrets', () => {
  test('id=value, split at the first =, values kept as given', () => {
    expect(parseBuildSecrets(['npm_token=abc=def', 'gh.token= spaced '])).toEqual([
      { id: 'npm_token', value: 'abc=def' },
      { id: 'gh.token', value: ' spaced ' },
    ])
  })

  test('an id alone takes the value of the environment variable of that name (kept off a command line)', () => {
    expect(parseBuildSecrets(['NPM_TOKEN', 'gh=x'], { NPM_TOKEN: 'from-env', gh: 'not-this' })).toEqual([
      { id: 'NPM_TOKEN', value: 'from-env' },
      { id: 'gh', value: 'x' },
    ])
    expect(parseBuildSecrets(['EMPTY'], { EMPTY: '' })).toEqual([{ id: 'EMPTY', value: '' }])
  })

  test('the value goes to the environment and the argv names only the variable', () => {
    const secrets = parseBuildSecrets(['a=one', 'b=two'])
    const mounts = { secrets, secretFiles: [], ssh: [] }
    expect(mountArgs(mounts)).toEqual([
      '--secret',
      'id=a,env=ECS_DEPLOY_BUILD_SECRET_0',
      '--secret',
      'id=b,env=ECS_DEPLOY_BUILD_SECRET_1',
    ])
    expect(mountEnvironment(mounts)).toEqual({ ECS_DEPLOY_BUILD_SECRET_0: 'one', ECS_DEPLOY_BUILD_SECRET_1: 'two' })
  })

  test.each([
    [
      ['NPM_TOKEN'],
      'build-secrets: line 1 is "NPM_TOKEN" with no value, and no environment variable NPM_TOKEN is set: write id=value, or set NPM_TOKEN in the environment (the step\'s env).',
    ],
    [
      ['a=1', '=x'],
      'build-secrets: line 2 has no id before "="; the id is what the Dockerfile mounts (RUN --mount=type=secret,id=<id>).',
    ],
    [
      ['my,id=x'],
      'build-secrets: line 1 has id "my,id", which is not an id (letters, digits, _ . and - only); the id is what the Dockerfile mounts (RUN --mount=type=secret,id=<id>).',
    ],
    [['a=1', 'a=2'], 'build-secrets: secret id "a" is given twice; each id once.'],
  ])('%j is refused, never echoing a value', (lines, message) => {
    expect(() => parseBuildSecrets(lines)).toThrow(new UserError(message))
  })
})

describe('build-secret-files', () => {
  test('id=path inside the workspace, made absolute', async () => {
    expect(await parseBuildSecretFiles(['netrc=.netrc'], workspace)).toEqual([
      { id: 'netrc', path: path.join(workspace, '.netrc') },
    ])
  })

  test('a path out of the workspace is refused, also through a symlink', async () => {
    await expect(parseBuildSecretFiles([`creds=${outside}/credentials`], workspace)).rejects.toThrow(
      new UserError(
        `Config key \`build.secret-files\` must name a path inside the workspace (${workspace}); ${outside}/credentials leads outside it.`,
      ),
    )
    await symlink(path.join(outside, 'credentials'), path.join(workspace, 'link'))
    await expect(parseBuildSecretFiles(['creds=link'], workspace)).rejects.toThrow(
      new UserError(
        `Config key \`build.secret-files\` must name a path inside the workspace (${workspace}); link leads outside it (through a symlink, to ${outside}/credentials).`,
      ),
    )
  })

  test.each([
    [
      ['netrc'],
      'build.secret-files: line 1 is not id=path; write one id=path per line, the path relative to the workspace.',
    ],
    [
      ['netrc=missing'],
      'build.secret-files: secret "netrc" names missing, which is not a file (looked at WS/missing): write the secret to that file in an earlier step, or fix the path.',
    ],
    [
      ['d=dir'],
      'build.secret-files: secret "d" names dir, which is not a file (looked at WS/dir): write the secret to that file in an earlier step, or fix the path.',
    ],
    [
      ['n=a,b'],
      'build.secret-files: the path of secret "n" holds a comma or a quote, which docker\'s --secret cannot take; rename the file.',
    ],
  ])('%j is refused', async (lines, message) => {
    await expect(parseBuildSecretFiles(lines, workspace)).rejects.toThrow(
      new UserError(message.replace('WS', workspace)),
    )
  })
})

describe('ssh', () => {
  test('default and id=path pass as docker takes them', () => {
    const ssh = parseSsh(['default', 'github=/home/runner/.ssh/id_ed25519'], { SSH_AUTH_SOCK: '/tmp/agent.sock' })
    expect(mountArgs({ secrets: [], secretFiles: [], ssh })).toEqual([
      '--ssh',
      'default',
      '--ssh',
      'github=/home/runner/.ssh/id_ed25519',
    ])
  })

  test('the agent without SSH_AUTH_SOCK is refused, saying how to start one', () => {
    expect(() => parseSsh(['github=/home/runner/.ssh/id_ed25519', 'default'], {})).toThrow(
      new UserError(
        'ssh: "default" uses the runner\'s SSH agent, but SSH_AUTH_SOCK is not set: start an agent and add the key in an earlier step (e.g. webfactory/ssh-agent), or write default=<path to the key>.',
      ),
    )
  })

  test('a line without an id is refused', () => {
    expect(() => parseSsh(['=/tmp/key'])).toThrow(
      new UserError(
        'ssh: line 1 "" is not an SSH id (letters, digits, _ . and - only); write `default` for the runner\'s SSH agent, or id=path to a socket or key.',
      ),
    )
  })
})

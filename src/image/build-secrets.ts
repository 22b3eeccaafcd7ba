// Build secrets and SSH forwarding: what `docker build --secret` / `--ssh` get. A secret's value never goes into
// argv: docker reads it from an environment variable of its own process (`--secret id=…,env=…`).
import { stat } from 'node:fs/promises'
import { UserError } from '../common/errors.js'
import { insideWorkspace } from '../common/workspace-path.js'

/** A build secret (`build-secrets`): its id, which the Dockerfile mounts, and its value. */
export interface BuildSecret {
  id: string
  value: string
}

/** A build secret read from a file (`build-secret-files`): the absolute path, checked to be inside the workspace. */
export interface BuildSecretFile {
  id: string
  path: string
}

/** What the build mounts: secrets by value and by file, and SSH agent sockets or keys. */
export interface BuildMounts {
  secrets: BuildSecret[]
  secretFiles: BuildSecretFile[]
  /** `default`, `id` or `id=path[,path]`, as docker's `--ssh` takes them. */
  ssh: string[]
}

// BuildKit's ids are free text, but the flag is comma separated `key=value`: a comma or `=` would split it.
const SECRET_ID = /^[A-Za-z0-9_.-]+$/
const ID_RULE = 'letters, digits, _ . and - only'

/** The environment variable that carries secret number `index` to docker. */
export function secretVariable(index: number): string {
  return `ECS_DEPLOY_BUILD_SECRET_${index}`
}

/**
 * `build-secrets` lines, like build-push-action's `secrets`: `id=value` (split at the first `=`; the value may hold
 * `=`), or `id` alone for the value of the environment variable of that name — as docker's own `--secret id=<id>`
 * does, and the way to keep a value off a command line (the CLI's flags) too. A value is never echoed.
 */
export function parseBuildSecrets(lines: readonly string[], env: NodeJS.ProcessEnv = {}): BuildSecret[] {
  const secrets = lines.map((line, index) => {
    const eq = line.indexOf('=')
    const id = (eq === -1 ? line : line.slice(0, eq)).trim()
    checkId('build-secrets', id, index)
    if (eq !== -1) return { id, value: line.slice(eq + 1) }
    const value = env[id]
    if (value === undefined) {
      throw new UserError(
        `build-secrets: line ${index + 1} is "${id}" with no value, and no environment variable ${id} is set: write id=value, or set ${id} in the environment (the step's env).`,
      )
    }
    return { id, value }
  })
  return noRepeatedIds('build-secrets', secrets)
}

/**
 * `id=path` lines (`build-secret-files`, like build-push-action's `secret-files`): each path must be a file inside
 * the workspace, so a workflow cannot hand the runner's own files (credentials, keys) to a build by mistake.
 */
export async function parseBuildSecretFiles(lines: readonly string[], workspace: string): Promise<BuildSecretFile[]> {
  const files: BuildSecretFile[] = []
  for (const [index, line] of lines.entries()) {
    const eq = line.indexOf('=')
    const id = eq === -1 ? '' : line.slice(0, eq).trim()
    const given = eq === -1 ? '' : line.slice(eq + 1).trim()
    if (eq === -1 || given === '') {
      throw new UserError(
        `build.secret-files: line ${index + 1} is not id=path; write one id=path per line, the path relative to the workspace.`,
      )
    }
    checkId('build-secret-files', id, index)
    if (/[,"]/.test(given)) {
      throw new UserError(
        `build.secret-files: the path of secret "${id}" holds a comma or a quote, which docker's --secret cannot take; rename the file.`,
      )
    }
    const absolute = await insideWorkspace('build.secret-files', given, workspace)
    const isFile = await stat(absolute).then(
      (info) => info.isFile(),
      () => false,
    )
    if (!isFile) {
      throw new UserError(
        `build.secret-files: secret "${id}" names ${given}, which is not a file (looked at ${absolute}): write the secret to that file in an earlier step, or fix the path.`,
      )
    }
    files.push({ id, path: absolute })
  }
  return noRepeatedIds('build-secret-files', files)
}

/**
 * `ssh` lines: `default` (the runner's SSH agent) or `id=socket-or-key[,…]`, as docker's `--ssh` takes them. An id
 * without a path means the agent at SSH_AUTH_SOCK, which must then be set.
 */
export function parseSsh(lines: readonly string[], env: NodeJS.ProcessEnv = {}): string[] {
  for (const [index, line] of lines.entries()) {
    const id = line.split('=')[0]?.trim() ?? ''
    if (!SECRET_ID.test(id)) {
      throw new UserError(
        `ssh: line ${index + 1} "${id}" is not an SSH id (${ID_RULE}); write \`default\` for the runner's SSH agent, or id=path to a socket or key.`,
      )
    }
    if (!line.includes('=') && !env.SSH_AUTH_SOCK) {
      throw new UserError(
        `ssh: "${line}" uses the runner's SSH agent, but SSH_AUTH_SOCK is not set: start an agent and add the key in an earlier step (e.g. webfactory/ssh-agent), or write ${id}=<path to the key>.`,
      )
    }
  }
  return [...lines]
}

/** The `--secret`/`--ssh` arguments: secrets by value point docker at an environment variable, never at the value. */
export function mountArgs(mounts: BuildMounts): string[] {
  const args: string[] = []
  mounts.secrets.forEach(({ id }, index) => args.push('--secret', `id=${id},env=${secretVariable(index)}`))
  for (const { id, path } of mounts.secretFiles) args.push('--secret', `id=${id},src=${path}`)
  for (const ssh of mounts.ssh) args.push('--ssh', ssh)
  return args
}

/** The environment docker needs for the secrets given by value (merged into its process's environment only). */
export function mountEnvironment(mounts: Pick<BuildMounts, 'secrets'>): Record<string, string> {
  return Object.fromEntries(mounts.secrets.map(({ value }, index) => [secretVariable(index), value]))
}

/** Whether the build mounts anything (BuildKit is needed then). */
export function hasMounts(mounts: BuildMounts): boolean {
  return mounts.secrets.length + mounts.secretFiles.length + mounts.ssh.length > 0
}

function checkId(input: string, id: string, index: number): void {
  if (!SECRET_ID.test(id)) {
    throw new UserError(
      `${input}: line ${index + 1} has ${id === '' ? 'no id before "="' : `id "${id}", which is not an id (${ID_RULE})`}; the id is what the Dockerfile mounts (RUN --mount=type=secret,id=<id>).`,
    )
  }
}

function noRepeatedIds<T extends { id: string }>(input: string, items: T[]): T[] {
  const seen = new Set<string>()
  for (const { id } of items) {
    if (seen.has(id)) throw new UserError(`${input}: secret id "${id}" is given twice; each id once.`)
    seen.add(id)
  }
  return items
}

import type { Repository } from '@aws-sdk/client-ecr'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { UserError, errorMessage } from '../common/errors.js'
import { buildArgs, needsBuildKit, parseLabels } from './build-command.js'
import {
  mountEnvironment,
  parseBuildSecretFiles,
  parseBuildSecrets,
  parseSsh,
  type BuildMounts,
} from './build-secrets.js'
import { parseMetadataFile, parsePushOutput } from './digest.js'
import { describeBuildFailure, dockerEngineProblem, pushProblem, type PushContext } from './build-failures.js'
import { checkDocker, docker, dockerLogin, hasBuildx, lastLine } from './docker.js'
import {
  describeImage,
  ecrCredentials,
  createRepository,
  findRepository,
  isTagImmutable,
  resolveEcrTarget,
  type EcrTarget,
} from './repository.js'
import { buildKey, reuseTag } from './build-key.js'
import { imageName, parseImageReference, type ImageReference } from './reference.js'
import { isValidTag, resolveTags } from './tags.js'
import type { BuiltImage, ImageDeps, ImageInputs } from './types.js'
import type { Log } from '../common/log.js'

/** Build-log lines kept for the error message; the full log is streamed to the job log. */
const KEPT_LINES = 2000

/**
 * What a build will do, settled and checked without changing anything (no repository created, no login, no build):
 * the image's name and tags, its build key, its ECR repository, and the image to reuse when one was built the same way.
 */
export interface ImageBuildPlan {
  inputs: ImageInputs
  ref: ImageReference
  /** `registry/repository`. */
  name: string
  dockerfile: string | undefined
  tags: string[]
  /** sha256 over what shapes the image (see build-key.ts). */
  key: string
  /** Build secrets and SSH to mount, checked. */
  mounts: BuildMounts
  ecr?: EcrTarget | undefined
  /** The ECR repository must be created first (create-repository: true). */
  createRepository: boolean
  /** An image of this commit built with the same key, already pushed: deployed without building. */
  reused?: BuiltImage
  /** What the task definition will name: the reused image's digest, else `name:<first tag>` until the push gives the digest. */
  reference: string
}

/**
 * Builds the commit's image and pushes it, returning the pushed digest (`repo@sha256:…`) to deploy.
 * With skip-build-if-exists, an image already pushed for the commit with the same build key is reused without building.
 * Throws a UserError for anything the user can fix; nothing should be deployed when it throws.
 */
export async function buildAndPushImage(inputs: ImageInputs, deps: ImageDeps): Promise<BuiltImage> {
  return carryOutImageBuild(await planImageBuild(inputs, deps), deps)
}

/** Checks the build's inputs and files and asks ECR (read-only) about the repository and a reusable image. */
export async function planImageBuild(inputs: ImageInputs, deps: ImageDeps): Promise<ImageBuildPlan> {
  const { git, log } = deps
  const ref = parseImageReference(inputs.image)
  const name = imageName(ref)
  if (ref.tag !== undefined || ref.digest !== undefined) {
    log.info(
      `image: "${inputs.image}" names a ${ref.digest !== undefined ? 'digest' : 'tag'}, which is ignored when building.`,
    )
  }
  if ((inputs.registryUsername ? 1 : 0) + (inputs.registryPassword ? 1 : 0) === 1) {
    throw new UserError('registry-username and registry-password go together: set both, or neither.')
  }
  const dockerfile = await checkBuildFiles(inputs)
  parseLabels(inputs.labels ?? [])
  const mounts = await buildMounts(inputs, git.workspace ?? process.cwd(), deps.env ?? process.env)
  // A value from the environment was not masked with the inputs.
  for (const { value } of mounts.secrets) if (value !== '') log.secret(value)
  const defaulted = inputs.tags.every((tag) => tag.trim() === '')
  let tags = resolveTags(inputs.tags, git, name)
  const key = await buildKey(inputs, dockerfile, git)
  const keyTag = inputs.skipBuildIfExists && isValidTag(git.sha) ? reuseTag(git.sha, key) : undefined

  // Without push, nothing is asked of the registry: the build is local only.
  const ecr = inputs.push ? await resolveEcrTarget(ref, deps) : undefined
  let createRepository = false
  let reused: BuiltImage | undefined
  if (ecr) {
    const found = await findRepository(ecr, ref.repository, { create: inputs.createRepository }, log)
    createRepository = found.missing
    // A repository still to be created will have the mutability create-repository gives it.
    const repository = found.missing
      ? { imageTagMutability: inputs.immutableTags ? ('IMMUTABLE' as const) : ('MUTABLE' as const) }
      : found.repository
    if (defaulted) tags = withoutImmutableBranchTag(tags, git.sha, repository, name, log)
    if (keyTag !== undefined && !found.missing)
      reused = await existingImage(ecr, ref.repository, name, keyTag, key, log)
    else if (keyTag !== undefined)
      log.info(
        `rebuilding: no image of this commit with build key ${key.slice(0, 12)} (the repository does not exist yet).`,
      )
  } else if (keyTag !== undefined && inputs.push) {
    log.info(
      `build.skip-build-if-exists: ${name} is not in ECR, where the action can look images up, so the image is always built.`,
    )
  }
  // Pushed too, so that the next run of this commit built the same way finds it.
  if (ecr && keyTag !== undefined && !tags.includes(keyTag)) tags = [...tags, keyTag]
  const reference = reused ? reused.reference : `${name}:${tags[0]}`
  return {
    inputs,
    ref,
    name,
    dockerfile,
    tags,
    key,
    mounts,
    ecr,
    createRepository,
    ...(reused && { reused }),
    reference,
  }
}

/** The build's secrets and SSH mounts, checked (ids, files inside the workspace, one id once across both secret inputs). */
async function buildMounts(inputs: ImageInputs, workspace: string, env: NodeJS.ProcessEnv): Promise<BuildMounts> {
  const secrets = parseBuildSecrets(inputs.buildSecrets ?? [], env)
  const secretFiles = await parseBuildSecretFiles(inputs.buildSecretFiles ?? [], workspace)
  const both = secretFiles.find((file) => secrets.some((secret) => secret.id === file.id))
  if (both) {
    throw new UserError(
      `Secret id "${both.id}" is in both build-secrets and build-secret-files: the build would get only one; give it once.`,
    )
  }
  return { secrets, secretFiles, ssh: parseSsh(inputs.ssh ?? [], env) }
}

/** Creates the repository when planned, logs in, builds and pushes; returns the reused image when the plan found one. */
export async function carryOutImageBuild(plan: ImageBuildPlan, deps: ImageDeps): Promise<BuiltImage> {
  if (plan.reused) return plan.reused
  const now = deps.now ?? Date.now
  const { git, log } = deps
  const { inputs, ref, name, tags, dockerfile, ecr, mounts } = plan
  // Every docker command of the build carries the run's deadline: a hung build or push is stopped, not waited for.
  const signal = deps.signal?.()
  // The builder is known, and what it cannot do refused (buildArgs), before the repository is created.
  await checkDocker(log, signal)
  const buildx = await hasBuildx(signal)
  log.info(
    buildx
      ? 'Building with docker buildx.'
      : 'Docker Buildx is not installed: building with the legacy docker builder.',
  )
  const metadataDir = buildx
    ? await mkdtemp(path.join(deps.env?.RUNNER_TEMP || process.env.RUNNER_TEMP || os.tmpdir(), 'ecs-deploy-image-'))
    : undefined
  try {
    const metadataFile = metadataDir !== undefined ? path.join(metadataDir, 'metadata.json') : undefined
    const args = buildArgs(
      inputs,
      {
        repository: name,
        tags,
        ...(dockerfile !== undefined && { dockerfile }),
        git,
        created: new Date(now()).toISOString(),
        buildKey: plan.key,
        mounts,
      },
      { buildx, ...(metadataFile !== undefined && { metadataFile }) },
    )
    if (ecr && plan.createRepository) {
      await createRepository(
        ecr,
        ref.repository,
        { create: true, scanOnPush: inputs.scanOnPush, immutableTags: inputs.immutableTags },
        log,
      )
    }
    log.info(`Image ${name}, tags ${tags.join(', ')}`)
    await login(inputs, ref.registry, ecr, deps, signal)
    if (!buildx && inputs.cacheFrom.length > 0) await pullCacheImages(inputs.cacheFrom, log, signal)

    const pushContext: PushContext = { repository: name, sha: git.sha, ecr: ecr?.label }
    const buildKit = !buildx && needsBuildKit({ mounts })
    const run = await runBuild(args, {
      buildx,
      env: {
        ...mountEnvironment(mounts),
        // The legacy command does secrets and SSH only with BuildKit, which it uses when asked.
        ...(buildKit && { DOCKER_BUILDKIT: '1' }),
      },
      buildKit,
      mounts,
      push: inputs.push,
      name,
      tags,
      dockerfile,
      metadataFile,
      pushContext,
      now,
      log,
      signal,
    })
    const builder = buildx ? 'buildx' : 'docker'
    if (!inputs.push) {
      return {
        reference: `${name}:${tags[0]}`,
        repository: name,
        digest: '',
        tags,
        reused: false,
        buildSeconds: run.buildSeconds,
        pushSeconds: 0,
        builder,
      }
    }
    const { digest, sizeBytes } = await pushedImage(ecr, ref.repository, name, tags[0] ?? git.sha, run.digest, log)
    log.info(`Pushed ${name}@${digest}`)
    return {
      reference: `${name}@${digest}`,
      repository: name,
      digest,
      tags,
      reused: false,
      buildSeconds: run.buildSeconds,
      pushSeconds: run.pushSeconds,
      ...(sizeBytes !== undefined && { sizeBytes }),
      builder,
    }
  } finally {
    if (metadataDir !== undefined) await rm(metadataDir, { recursive: true, force: true })
  }
}

/** What docker 23 and later say when DOCKER_BUILDKIT=1 is asked of a docker without buildx. */
const BUILDKIT_NEEDS_BUILDX = /BuildKit is enabled but the buildx component is missing/i

/** The inputs that asked for mounts, by name: `build-secrets and ssh`. */
function mountInputs(mounts: BuildMounts): string {
  const names = [
    mounts.secrets.length > 0 && 'build-secrets',
    mounts.secretFiles.length > 0 && 'build-secret-files',
    mounts.ssh.length > 0 && 'ssh',
  ].filter((name): name is string => typeof name === 'string')
  return names.join(' and ')
}

interface BuildRun {
  buildSeconds: number
  pushSeconds: number
  /** The digest docker reported for the push (buildx metadata file, or `docker push` output). */
  digest?: string | undefined
}

/** Runs the build (which also pushes, with buildx), then the legacy pushes; fails with the build's or push's own story. */
async function runBuild(
  args: string[],
  options: {
    buildx: boolean
    /** Added to docker's environment: the build secrets' values, DOCKER_BUILDKIT. */
    env: Record<string, string>
    /** The legacy command with DOCKER_BUILDKIT=1 (for build secrets or SSH). */
    buildKit: boolean
    mounts: BuildMounts
    push: boolean
    name: string
    tags: string[]
    dockerfile: string | undefined
    metadataFile: string | undefined
    pushContext: PushContext
    now: () => number
    log: Log
    signal: AbortSignal | undefined
  },
): Promise<BuildRun> {
  const { buildx, push, name, now, log } = options
  const lines: string[] = []
  let pushStartedAt: number | undefined
  const buildStart = now()
  const result = await log.group(`Build image ${name}`, () =>
    docker(args, {
      log,
      env: options.env,
      signal: options.signal,
      onLine: (line) => {
        lines.push(line)
        if (lines.length > KEPT_LINES) lines.shift()
        if (buildx && pushStartedAt === undefined && /^#\d+ pushing /.test(line)) pushStartedAt = now()
      },
    }),
  )
  const buildEnd = now()
  if (result.exitCode !== 0 && options.buildKit && BUILDKIT_NEEDS_BUILDX.test(`${result.stderr}\n${lines.join('\n')}`))
    throw new UserError(
      `${mountInputs(options.mounts)} need${mountInputs(options.mounts).includes(' and ') ? '' : 's'} docker buildx: this runner's docker builds with BuildKit (which mounts secrets and SSH) only through buildx, which is not installed. Add docker/setup-buildx-action before this step.`,
    )
  if (result.exitCode !== 0)
    await failBuild(lines, result.exitCode, options.dockerfile, buildx && push, options.pushContext, log)
  if (!push) return { buildSeconds: seconds(buildEnd - buildStart), pushSeconds: 0 }

  if (buildx) {
    // buildx pushes as part of the build: the push time starts at its first "pushing" line.
    const metadata = await readFile(options.metadataFile ?? '', 'utf8').catch(() => '')
    return {
      buildSeconds: seconds((pushStartedAt ?? buildEnd) - buildStart),
      pushSeconds: seconds(buildEnd - (pushStartedAt ?? buildEnd)),
      digest: parseMetadataFile(metadata),
    }
  }
  const pushStart = now()
  const digest = await log.group(`Push image ${name}`, () =>
    pushTags(name, options.tags, options.pushContext, log, options.signal),
  )
  return { buildSeconds: seconds(buildEnd - buildStart), pushSeconds: seconds(now() - pushStart), digest }
}

/** The pushed digest (docker's, else ECR's) and, from ECR, the image's size. */
async function pushedImage(
  ecr: EcrTarget | undefined,
  repository: string,
  name: string,
  tag: string,
  reported: string | undefined,
  log: Log,
): Promise<{ digest: string; sizeBytes?: number | undefined }> {
  let digest = reported
  let sizeBytes: number | undefined
  if (ecr) {
    const detail = await describeImage(
      ecr,
      repository,
      digest !== undefined ? { imageDigest: digest } : { imageTag: tag },
    ).catch((error: unknown) => {
      if (digest === undefined) throw error
      log.debug(`Could not read the pushed image's size: ${errorMessage(error)}`)
      return undefined
    })
    digest ??= detail?.imageDigest
    sizeBytes = detail?.imageSizeInBytes
  }
  if (digest === undefined) {
    throw new Error(`Pushed ${name}:${tag} but could not tell its digest: neither docker nor the registry reported it.`)
  }
  return { digest, sizeBytes }
}

/** Checks the build context and Dockerfile before anything runs; returns the Dockerfile path to give docker. */
async function checkBuildFiles(inputs: Pick<ImageInputs, 'build' | 'dockerfile'>): Promise<string | undefined> {
  if (inputs.build.trim() === '') throw new UserError('build: the build context is empty: give a directory, like `.`.')
  // A remote context (git or https URL) is docker's to fetch; its Dockerfile cannot be checked here.
  if (/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(inputs.build)) return inputs.dockerfile || undefined
  const isDirectory = await stat(inputs.build).then(
    (info) => info.isDirectory(),
    () => false,
  )
  if (!isDirectory) {
    throw new UserError(
      `build: the build context "${inputs.build}" is not a directory (looked at ${path.resolve(inputs.build)}): give the directory to build, relative to the repository root.`,
    )
  }
  const dockerfile = inputs.dockerfile || path.join(inputs.build, 'Dockerfile')
  const isFile = await stat(dockerfile).then(
    (info) => info.isFile(),
    () => false,
  )
  if (!isFile) {
    throw new UserError(
      inputs.dockerfile
        ? `dockerfile: "${inputs.dockerfile}" does not exist (looked at ${path.resolve(dockerfile)}): give the Dockerfile's path relative to the repository root.`
        : `No Dockerfile in the build context "${inputs.build}" (looked for ${dockerfile}): add one, or set dockerfile to its path.`,
    )
  }
  return dockerfile
}

/** Immutable tags cannot follow a branch: only the sha is pushed when the tags are the defaults. */
function withoutImmutableBranchTag(
  tags: string[],
  sha: string,
  repository: Repository | undefined,
  name: string,
  log: Log,
): string[] {
  const kept = tags.filter((tag) => tag === sha || !isTagImmutable(tag, repository))
  if (kept.length < tags.length) {
    log.info(
      `${name} has immutable tags, so a branch or tag name could be pushed only once: tagging with the commit sha only (set tags to choose others).`,
    )
  }
  return kept
}

/** The commit's image built with this key, found by its reuse tag; says in the log why it is reused or rebuilt. */
async function existingImage(
  ecr: EcrTarget,
  repository: string,
  name: string,
  keyTag: string,
  key: string,
  log: Log,
): Promise<BuiltImage | undefined> {
  const detail = await describeImage(ecr, repository, { imageTag: keyTag })
  const short = key.slice(0, 12)
  if (!detail?.imageDigest) {
    log.info(`rebuilding: no image of this commit with build key ${short} (no tag ${keyTag} in ${name}).`)
    return undefined
  }
  log.info(
    `reused ${name}@${detail.imageDigest}: built from the same commit with the same Dockerfile/target/build-args/platforms (key ${short}${detail.imagePushedAt ? `, pushed ${detail.imagePushedAt.toISOString()}` : ''}); not building (skip-build-if-exists).`,
  )
  return {
    reference: `${name}@${detail.imageDigest}`,
    repository: name,
    digest: detail.imageDigest,
    tags: detail.imageTags?.length ? detail.imageTags : [keyTag],
    reused: true,
    buildSeconds: 0,
    pushSeconds: 0,
    ...(detail.imageSizeInBytes !== undefined && { sizeBytes: detail.imageSizeInBytes }),
    builder: 'none',
  }
}

async function login(
  inputs: ImageInputs,
  registry: string,
  ecr: EcrTarget | undefined,
  { log, loggedIn }: ImageDeps,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (ecr) {
    if (inputs.registryUsername)
      log.info(
        'registry-username and registry-password are not used for ECR: the action logs in with ecr:GetAuthorizationToken.',
      )
    const credentials = ecr.credentials ?? (await ecrCredentials(ecr, log))
    await dockerLogin(credentials.registry, credentials.username, credentials.password, {
      remember: inputs.logout,
      log,
      loggedIn,
      signal,
      hint: `ECR refused the token it had just issued for ${ecr.label}; check that the registry answers at ${credentials.registry}.`,
    })
  } else if (inputs.registryUsername && inputs.registryPassword) {
    await dockerLogin(registry, inputs.registryUsername, inputs.registryPassword, {
      remember: inputs.logout,
      log,
      loggedIn,
      signal,
      hint: 'check registry-username and registry-password.',
    })
  }
}

/** The legacy builder uses --cache-from images only when they are local, so they are pulled first; a miss is no error. */
async function pullCacheImages(sources: string[], log: Log, signal: AbortSignal | undefined): Promise<void> {
  await log.group('Pull cache images', async () => {
    for (const source of sources) {
      const result = await docker(['pull', source], { log, signal })
      if (result.exitCode !== 0) {
        log.warning(
          `cache-from: could not pull ${source} (${lastLine(`${result.stderr}\n${result.stdout}`)}); building without it.`,
        )
      }
    }
  })
}

/** Legacy builder: `docker push` every tag; returns the digest docker reports. */
async function pushTags(
  name: string,
  tags: string[],
  context: PushContext,
  log: Log,
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  let digest: string | undefined
  for (const tag of tags) {
    const result = await docker(['push', `${name}:${tag}`], { log, signal })
    const output = `${result.stdout}\n${result.stderr}`
    if (result.exitCode !== 0) {
      throw (
        dockerEngineProblem(output) ??
        pushProblem(output, context) ??
        new Error(`docker push ${name}:${tag} failed with exit code ${result.exitCode}:\n${tailOf(output)}`)
      )
    }
    const pushed = parsePushOutput(output)
    if (pushed && digest !== undefined && pushed.digest !== digest) {
      log.warning(`${name}:${tag} was pushed as ${pushed.digest}, not ${digest} like the tags before it.`)
    }
    digest ??= pushed?.digest
  }
  return digest
}

async function failBuild(
  lines: string[],
  exitCode: number,
  dockerfile: string | undefined,
  pushing: boolean,
  pushContext: PushContext,
  log: Log,
): Promise<never> {
  const output = lines.join('\n')
  const engine = dockerEngineProblem(output)
  if (engine) throw engine
  // buildx pushes within the build: a failure after pushing started (or naming the push) is a push failure.
  if (pushing && /failed to push|pushing (?:layers|manifest)|failed commit on ref/i.test(output)) {
    const problem = pushProblem(output, pushContext)
    if (problem) throw problem
  }
  const text = dockerfile !== undefined ? await readFile(dockerfile, 'utf8').catch(() => undefined) : undefined
  const shownPath = dockerfile !== undefined ? annotationPath(dockerfile) : 'Dockerfile'
  const failure = describeBuildFailure(lines, { path: shownPath, text }, exitCode)
  if (failure.startLine !== undefined && dockerfile !== undefined) {
    log.error(failure.message, { title: 'Docker build failed', file: shownPath, startLine: failure.startLine })
  }
  throw new UserError(failure.message)
}

/** Annotations need the path relative to the repository root (the working directory on a runner). */
function annotationPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file))
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/')
}

function tailOf(output: string): string {
  return output
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(-20)
    .map((line) => `  ${line}`)
    .join('\n')
}

function seconds(milliseconds: number): number {
  return Math.max(0, Math.round(milliseconds / 100) / 10)
}

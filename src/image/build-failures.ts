import { UserError } from '../common/errors.js'

/** How many lines of the failing step an error message shows. */
const TAIL_LINES = 20

export const ECR_PUSH_PERMISSIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:InitiateLayerUpload',
  'ecr:UploadLayerPart',
  'ecr:CompleteLayerUpload',
  'ecr:PutImage',
]

export function dockerNotInstalled(): UserError {
  return new UserError(
    'Docker is not installed on this runner (no `docker` on PATH): use a runner that has Docker (ubuntu-latest does), or omit `build` and deploy an existing `image`.',
  )
}

/** A UserError when docker's output says the engine cannot be reached; undefined for anything else. */
export function dockerEngineProblem(output: string): UserError | undefined {
  const line = findLine(output, /Cannot connect to the Docker daemon/i)
  if (line !== undefined) {
    return new UserError(
      `The Docker daemon is not running (docker said: ${line}): start it before this step, or use a runner where Docker runs (ubuntu-latest does).`,
    )
  }
  const denied = findLine(output, /permission denied while trying to connect to the docker (?:daemon|API)/i)
  if (denied !== undefined) {
    return new UserError(
      `This user may not use the Docker daemon (docker said: ${denied}): add the runner's user to the docker group, or run the job as a user that may.`,
    )
  }
  return undefined
}

export interface DockerfileInstruction {
  /** 1-based line where the instruction starts. */
  line: number
  /** Upper-case instruction keyword (RUN, COPY…). */
  keyword: string
  /** The instruction with continuations joined and whitespace collapsed, as docker prints it. */
  text: string
}

/** The Dockerfile's instructions with their start lines (comments, blank lines, continuations and heredocs skipped). */
export function dockerfileInstructions(text: string): DockerfileInstruction[] {
  const lines = text.split(/\r?\n/)
  const escape = /^#\s*escape\s*=\s*`/i.test(lines.find((line) => line.trim() !== '') ?? '') ? '`' : '\\'
  const instructions: DockerfileInstruction[] = []
  let i = 0
  while (i < lines.length) {
    const first = (lines[i] ?? '').trim()
    if (first === '' || first.startsWith('#')) {
      i++
      continue
    }
    const start = i
    const parts: string[] = []
    let current = first
    for (;;) {
      const continued = current.endsWith(escape)
      parts.push(continued ? current.slice(0, -1) : current)
      i++
      if (!continued) break
      // Docker drops comment and blank lines inside a continuation.
      while (i < lines.length && /^\s*(#.*)?$/.test(lines[i] ?? '')) i++
      if (i >= lines.length) break
      current = (lines[i] ?? '').trim()
    }
    const joined = parts.join(' ').replace(/\s+/g, ' ').trim()
    const heredoc = /<<(-?)["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(joined)
    if (heredoc?.[2]) {
      const end = heredoc[2]
      while (i < lines.length && (heredoc[1] ? (lines[i] ?? '').trim() : lines[i]) !== end) i++
      i++
    }
    instructions.push({ line: start + 1, keyword: (joined.split(' ')[0] ?? '').toUpperCase(), text: joined })
  }
  return instructions
}

/**
 * The Dockerfile line of the step a legacy build names (`Step 3/5 : RUN make`): the 3rd instruction when its
 * keyword agrees, else the first instruction with the same text.
 */
export function lineOfLegacyStep(
  step: number,
  stepText: string,
  instructions: DockerfileInstruction[],
): number | undefined {
  const normalised = stepText.replace(/\s+/g, ' ').trim()
  const keyword = (normalised.split(' ')[0] ?? '').toUpperCase()
  const byIndex = instructions[step - 1]
  if (byIndex && byIndex.keyword === keyword) return byIndex.line
  const sameText = (instruction: DockerfileInstruction) =>
    instruction.keyword === keyword &&
    instruction.text.slice(keyword.length).trim() === normalised.slice(keyword.length).trim()
  return instructions.find(sameText)?.line
}

export interface BuildFailure {
  message: string
  /** The Dockerfile line to annotate, when docker named one. */
  startLine?: number
}

/**
 * Turns a failed build's log into a message that says where it failed and shows the failing step's last lines.
 * Understands BuildKit's `Dockerfile:12` block, the legacy builder's `Step 3/5 : RUN …`, and parse errors.
 */
export function describeBuildFailure(
  lines: readonly string[],
  dockerfile: { path: string; text?: string | undefined },
  exitCode: number,
): BuildFailure {
  let startLine: number | undefined
  let instruction: string | undefined
  let tail: string[]

  const errorStep = lastMatch(lines, /^#(\d+) ERROR:/)
  const legacyStep = lastMatch(lines, /^Step (\d+)\/\d+ : (.*)$/)
  if (errorStep || lines.some((line) => /^#\d+ /.test(line))) {
    // BuildKit: the source block names the file and line (`Dockerfile:12` then a dashed rule), `>>>` marks it.
    for (let i = lines.length - 2; i >= 0; i--) {
      const located = /^\s*(\S+):(\d+)\s*$/.exec(lines[i] ?? '')
      if (located?.[2] && /^-{5,}\s*$/.test(lines[i + 1] ?? '')) {
        startLine = Number(located[2])
        break
      }
    }
    const marked = lines.findLast((line) => /^\s*\d+ \| >>> /.test(line))
    instruction = marked?.replace(/^\s*\d+ \| >>> /, '').trim()
    if (errorStep?.match[1]) {
      const prefix = `#${errorStep.match[1]} `
      tail = lines
        .filter((line) => line.startsWith(prefix))
        .map((line) => line.slice(prefix.length).replace(/^\d+\.\d+ /, ''))
        .filter((line) => !/^\[.*\] /.test(line) || line.includes('ERROR'))
      if (instruction === undefined) {
        const header = lines.find((line) => line.startsWith(prefix) && /\] /.test(line))
        instruction = header?.replace(/^#\d+ \[[^\]]*\] /, '')
      }
    } else {
      tail = [...lines]
    }
    const summary = lines.findLast((line) => /^ERROR: /.test(line))
    tail = tail.slice(-TAIL_LINES)
    if (summary !== undefined && !tail.includes(summary)) tail.push(summary)
  } else if (legacyStep?.match[1]) {
    instruction = legacyStep.match[2]?.trim()
    if (dockerfile.text !== undefined && instruction !== undefined) {
      startLine = lineOfLegacyStep(Number(legacyStep.match[1]), instruction, dockerfileInstructions(dockerfile.text))
    }
    tail = lines.slice(legacyStep.index + 1).filter((line) => !/^ ---> /.test(line) && line.trim() !== '')
    tail = tail.slice(-TAIL_LINES)
  } else {
    tail = lines.filter((line) => line.trim() !== '').slice(-TAIL_LINES)
  }

  const parseError = findLine(lines.join('\n'), /dockerfile parse error (?:on )?line (\d+)/i)
  if (parseError !== undefined && startLine === undefined) {
    startLine = Number(/line (\d+)/i.exec(parseError)?.[1])
  }

  instruction = instruction?.replace(/\s+/g, ' ')
  const where =
    startLine !== undefined
      ? ` at ${dockerfile.path}:${startLine}${instruction ? ` (${instruction})` : ''}`
      : instruction
        ? ` at step ${instruction}`
        : ` (exit code ${exitCode})`
  const shown = tail.map((line) => `  ${line}`).join('\n')
  return {
    message: `Docker build failed${where}${shown ? `:\n${shown}` : '.'}`,
    ...(startLine !== undefined && { startLine }),
  }
}

export interface PushContext {
  /** `registry/repository` pushed to. */
  repository: string
  /** The commit sha (a tag that exists already for it means the image could be reused). */
  sha: string
  /** For ECR: `<account>/<region>` (or the registry host) for messages; undefined for other registries. */
  ecr?: string | undefined
}

/**
 * A UserError saying what went wrong and how to fix it when a push (legacy `docker push`, or buildx `--push`) failed
 * for a reason the user can fix; undefined when the output shows none of them.
 */
export function pushProblem(output: string, context: PushContext): UserError | undefined {
  const immutable =
    /tag invalid: The image tag '([^']+)' already exists/i.exec(output) ??
    /The image tag '([^']+)' already exists/i.exec(output) ??
    /ImageTagAlreadyExistsException/.exec(output)
  if (immutable) {
    const tag = immutable[1]
    const named = tag !== undefined ? `The tag "${tag}"` : 'A tag'
    const fix =
      tag === context.sha
        ? 'set skip-build-if-exists: true to deploy the image already pushed for this commit, or push a unique tag'
        : 'push a unique tag instead (the commit sha is one; remove this tag from tags)'
    return new UserError(
      `${named} already exists in ${context.repository} for another image, and the repository's tags are immutable: ${fix}.`,
    )
  }

  const missing =
    findLine(output, /name unknown: The repository with name '[^']+' does not exist/i) ??
    findLine(output, /repository with name '[^']+' (?:does not exist|not found)/i) ??
    findLine(output, /RepositoryNotFoundException/)
  if (missing !== undefined) {
    return context.ecr !== undefined
      ? repositoryMissing(repositoryPath(context.repository), context.ecr)
      : new UserError(
          `The repository ${context.repository} does not exist (registry said: ${missing.trim()}): create it first.`,
        )
  }

  const denied = findLine(
    output,
    /denied|not authorized|\b403\b|forbidden|unauthorized|\b401\b|no basic auth credentials|authorization token has expired/i,
  )
  if (denied !== undefined) {
    const said = denied.trim()
    if (context.ecr !== undefined) {
      return new UserError(
        `Pushing to ${context.repository} was denied (registry said: ${said}): the role this job runs as needs ${ECR_PUSH_PERMISSIONS.join(', ')} on that repository (and ecr:GetAuthorizationToken).`,
      )
    }
    return new UserError(
      `Pushing to ${context.repository} was denied (registry said: ${said}): check registry-username and registry-password, and that this account may push to that repository.`,
    )
  }
  return undefined
}

export function repositoryMissing(repository: string, registryLabel: string): UserError {
  return new UserError(
    `ECR repository ${repository} does not exist in ${registryLabel}: create it, or set create-repository: true.`,
  )
}

function repositoryPath(name: string): string {
  return name.slice(name.indexOf('/') + 1)
}

function findLine(output: string, pattern: RegExp): string | undefined {
  return output.split(/\r?\n/).find((line) => pattern.test(line))
}

function lastMatch(lines: readonly string[], pattern: RegExp): { index: number; match: RegExpExecArray } | undefined {
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = pattern.exec(lines[index] ?? '')
    if (match) return { index, match }
  }
  return undefined
}

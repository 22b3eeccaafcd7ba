import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs'
import { UserError } from '../common/errors.js'
import { imageRepository } from '../image/reference.js'
import { problemsError } from './problems.js'

/** `remove: true` deletes the variable; the value "" is a legitimate empty value. */
export interface EnvChange {
  name: string
  value?: string
  remove?: boolean
}

export interface Changes {
  image?: string | undefined
  containers?: string[] | undefined
  environment?: EnvChange[] | undefined
  secrets?: EnvChange[] | undefined
  /** Container name → image, for a promotion: each container of that name gets its own image. */
  images?: Record<string, string> | undefined
}

/**
 * Puts the image, environment variables and secrets on the chosen containers of `request`, in place.
 * Returns the names of the containers that got the image, and how they were chosen.
 */
export function applyChanges(
  request: RegisterTaskDefinitionCommandInput,
  changes: Changes,
  source: string,
): { containers: string[]; notes: string[] } {
  const definitions = request.containerDefinitions ?? []
  const { chosen, note } = chosenContainers(definitions, changes, source)
  for (const container of chosen) {
    if (changes.image) container.image = changes.image
    if (changes.environment?.length) {
      container.environment = withChanges(container.environment, changes.environment, ({ name, value }) => ({
        name,
        value: value ?? '',
      }))
    }
    if (changes.secrets?.length) {
      container.secrets = withChanges(container.secrets, changes.secrets, ({ name, value }) => ({
        name,
        valueFrom: value ?? '',
      }))
    }
  }
  const promoted = changes.images ? promotedContainers(definitions, changes.images, source) : undefined
  const problems = definitions.flatMap((container, index) => containerProblems(container, index))
  if (problems.length) throw problemsError(source, problems)
  const containers = promoted?.containers ?? (changes.image ? chosen.map(({ name }) => name ?? '') : [])
  return { containers, notes: [...(note ? [note] : []), ...(promoted?.notes ?? [])] }
}

/** The containers named by the `container` input, else the only one, else those running `image`'s repository. */
function chosenContainers(
  definitions: ContainerDefinition[],
  { image, containers = [], environment = [], secrets = [] }: Changes,
  source: string,
): { chosen: ContainerDefinition[]; note?: string } {
  const names = definitions.map(({ name }) => name ?? '')
  const wanted = containers.filter((name) => name !== '')
  if (wanted.length) {
    const missing = wanted.filter((name) => !names.includes(name))
    if (missing.length) {
      throw new UserError(
        `${source} has no container named ${missing.map((name) => `"${name}"`).join(', ')} ` +
          `(from the \`container\` input). Its containers: ${names.join(', ')}.`,
      )
    }
    return { chosen: definitions.filter(({ name }) => wanted.includes(name ?? '')) }
  }
  if (!image && !environment.length && !secrets.length) return { chosen: [] }
  const what = image ? 'the image goes' : 'environment variables and secrets go'
  if (definitions.length === 1) return { chosen: definitions, note: `${what} to container ${names[0]}, the only one` }
  if (image) {
    const repository = imageRepository(image)
    const matching = definitions.filter(({ image: current }) => current && imageRepository(current) === repository)
    if (matching.length) {
      const chosenNames = matching.map(({ name }) => name).join(', ')
      return { chosen: matching, note: `${what} to ${chosenNames}: the container(s) running ${repository}` }
    }
    throw new UserError(
      `${source} has containers ${names.join(', ')}, and none of them runs an image from ${repository}. ` +
        'Set the `container` input to the container(s) that get the image.',
    )
  }
  throw new UserError(
    `${source} has containers ${names.join(', ')}. ` +
      'Set the `container` input to say which of them get the environment variables and secrets.',
  )
}

/** Puts each promoted image on the container of its name; the containers it has no image for keep theirs. */
function promotedContainers(
  definitions: ContainerDefinition[],
  images: Record<string, string>,
  source: string,
): { containers: string[]; notes: string[] } {
  const containers = definitions.filter(({ name }) => name !== undefined && images[name] !== undefined)
  const names = definitions.map(({ name }) => name ?? '')
  if (!containers.length) {
    throw new UserError(
      `${source} has containers ${names.join(', ')}, and the promoted images are for ${Object.keys(images).join(', ')}: no container name in common. Name the containers alike in both environments.`,
    )
  }
  for (const container of containers) container.image = images[container.name as string]
  const kept = names.filter((name) => images[name] === undefined)
  const unused = Object.keys(images).filter((name) => !names.includes(name))
  return {
    containers: containers.map(({ name }) => name as string),
    notes: [
      ...(kept.length
        ? [`kept the images of ${kept.join(', ')}: the promoted environment has no container of that name`]
        : []),
      ...(unused.length ? [`not promoted: ${unused.join(', ')}, which this task definition has no container for`] : []),
    ],
  }
}

/** `entries` with each change applied by name: replaced where it was (every duplicate), appended when new. */
function withChanges<T extends { name?: string | undefined }>(
  entries: T[] | undefined,
  changes: EnvChange[],
  entry: (change: EnvChange) => T,
): T[] {
  let result = [...(entries ?? [])]
  for (const change of changes) {
    const exists = result.some(({ name }) => name === change.name)
    if (change.remove) result = result.filter(({ name }) => name !== change.name)
    else if (exists) result = result.map((existing) => (existing.name === change.name ? entry(change) : existing))
    else result.push(entry(change))
  }
  return result
}

function containerProblems(container: ContainerDefinition, index: number): string[] {
  const at = `containerDefinitions[${index}] (${container.name})`
  const problems: string[] = []
  if (!container.image) {
    problems.push(
      `${at}.image: missing (required); set it in the template, or have the \`image\` input fill it in ` +
        '(the `container` input says which containers get it)',
    )
  }
  const environment = new Set(container.environment?.map(({ name }) => name))
  for (const { name } of container.secrets ?? []) {
    if (environment.has(name)) {
      problems.push(`${at}: ${name} is both an environment variable and a secret, which ECS rejects; remove one`)
    }
  }
  return problems
}

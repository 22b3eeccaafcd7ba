import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs'

/** `[1] and [4]`, `[1], [2] and [4]`. */
function positions(indexes: number[]): string {
  const shown = indexes.map((i) => `[${i}]`)
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : (shown[0] ?? '')
}

function duplicates(list: { name?: string | undefined }[] | undefined, at: string): string[] {
  const where = new Map<string, number[]>()
  ;(list ?? []).forEach(({ name }, index) => {
    if (name !== undefined) where.set(name, [...(where.get(name) ?? []), index])
  })
  return [...where]
    .filter(([, indexes]) => indexes.length > 1)
    .map(
      ([name, indexes]) =>
        `${at}: ${name} is set ${indexes.length === 2 ? 'twice' : `${indexes.length} times`}, at ${positions(indexes)}; ECS would keep only one, silently: remove the others`,
    )
}

/** Each container's environment variable or secret named more than once, with every position it has. */
export function duplicateKeyProblems(request: RegisterTaskDefinitionCommandInput): string[] {
  return (request.containerDefinitions ?? []).flatMap((container: ContainerDefinition, index) => {
    const at = `containerDefinitions[${index}]${container.name ? ` (${container.name})` : ''}`
    return [
      ...duplicates(container.environment, `${at}.environment`),
      ...duplicates(container.secrets, `${at}.secrets`),
    ]
  })
}

// Which environment a promotion reads, and which of its services each target service takes its images from.
import type { DeployConfig, EnvironmentConfig } from '../config/index.js'
import { suggestion } from '../common/suggest.js'
import { UserError } from '../common/errors.js'

/** A promotion, decided before touching AWS: where the source environment runs. */
export interface Promotion {
  /** The source environment's name. */
  from: string
  cluster: string
  /** The source environment's region; unset: the target's. */
  region?: string
  /** The source service of each target service, in the order of the target's services. */
  sources: string[]
}

/** Where the promotion comes from, and what it may not be combined with. */
export interface PromotionRequest {
  /** The `promote-from` input, else the environment's promote-from. */
  from: string
  /** Which named it, for messages. */
  origin: 'input' | 'config'
  target: EnvironmentConfig
  build: boolean
  image: boolean
  preview: boolean
}

const name = (service: string): string => service.split('/').pop() ?? service

/**
 * The promotion of `request.target` from another environment of `config`. Each target service takes the images of the
 * source service of the same name when every one has such a namesake; otherwise of the one at the same position in the
 * source's services, which must then list as many. Throws a UserError when they cannot be paired, or when the
 * promotion is combined with a build, an image or a preview.
 */
export function planPromotion(config: DeployConfig, request: PromotionRequest): Promotion {
  const { from, target } = request
  const key =
    request.origin === 'input' ? 'Input `promote-from`' : `${config.file}: environments.${target.name}.promote-from`
  const builds = request.build ? '`build`' : request.image ? '`image`' : undefined
  if (builds) {
    throw new UserError(
      `${key} (${from}) and ${builds} exclude each other: a promotion deploys the images ${from} runs and builds nothing. Remove ${builds} from the step that deploys ${target.name}.`,
    )
  }
  if (request.preview)
    throw new UserError(`${key} does not apply to previews: a preview deploys its pull request's build.`)
  const names = config.environments.map((e) => e.name)
  const source = config.environments.find((e) => e.name === from)
  if (!source) {
    const hint = suggestion(from, names)
    throw new UserError(
      `${key}: "${from}" is not an environment in ${config.file}${hint}${hint.endsWith('?') ? '' : '.'}`,
    )
  }
  if (source.name === target.name)
    throw new UserError(`${key}: ${from} is the environment being deployed; name the one whose images it should run.`)
  if (!source.services.length || source.cluster === undefined)
    throw new UserError(
      `${key}: ${from} names no services (or no cluster) in ${config.file}, so there is nothing to read the images from.`,
    )
  const byName = target.services.map((service) => source.services.find((s) => name(s) === name(service)))
  const sources = byName.every((s) => s !== undefined)
    ? byName
    : target.services.length === source.services.length
      ? source.services
      : undefined
  if (!sources) {
    throw new UserError(
      `${key}: ${target.name}'s services (${target.services.join(', ')}) cannot be paired with ${from}'s (${source.services.join(', ')}): give them the same names, or list as many in the same order.`,
    )
  }
  return {
    from: source.name,
    cluster: source.cluster,
    ...(source.region !== undefined && { region: source.region }),
    sources,
  }
}

// ECR (AmazonEC2ContainerRegistry_V20150921) backed by the real local registry: repositories exist when
// created here or when the registry has them; images, tags and digests are the registry's own.
import { AwsError, check, paginate } from './protocol.mjs'
import { ACCOUNT, ecrRepositoryArn } from './ids.mjs'
import { MANIFEST_TYPES } from './registry.mjs'

const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/
const TOKEN_HOURS = 12

const notFound = (name) =>
  new AwsError(
    'RepositoryNotFoundException',
    `The repository with name '${name}' does not exist in the registry with id '${ACCOUNT}'`,
  )

const imageIdText = ({ imageDigest, imageTag }) =>
  `{imageDigest:'${imageDigest ?? 'null'}', imageTag:'${imageTag ?? 'null'}'}`

/** Repositories created through CreateRepository (the registry itself has no metadata). */
export class EcrState {
  constructor() {
    /** @type {Map<string, { createdAt: Date, imageTagMutability: string, imageScanningConfiguration: any, encryptionConfiguration: any, tags: any[] }>} */
    this.repositories = new Map()
  }
}

/**
 * @param {{
 *   state: () => EcrState, registry: import('./registry.mjs').RegistryClient, clock: import('./clock.mjs').Clock,
 *   registryHost?: string, user?: string, password?: string,
 * }} deps state is a function: /_reset replaces the state
 * @returns {import('./protocol.mjs').AwsService}
 */
export function ecrService({ state, registry, clock, registryHost, user, password }) {
  /** A repository's ECR metadata; one the registry made on a push gets defaults, created "now". */
  const metadata = (name, input = {}) => {
    const repositories = state().repositories
    if (!repositories.has(name)) {
      repositories.set(name, {
        createdAt: clock.now(),
        imageTagMutability: input.imageTagMutability ?? 'MUTABLE',
        imageScanningConfiguration: input.imageScanningConfiguration ?? { scanOnPush: false },
        encryptionConfiguration: input.encryptionConfiguration ?? { encryptionType: 'AES256' },
        tags: input.tags ?? [],
      })
    }
    return /** @type {NonNullable<ReturnType<typeof repositories.get>>} */ (repositories.get(name))
  }

  const repositoryShape = (name) => {
    const m = metadata(name)
    return {
      repositoryArn: ecrRepositoryArn(name),
      registryId: ACCOUNT,
      repositoryName: name,
      repositoryUri: `${registryHost}/${name}`,
      createdAt: m.createdAt,
      imageTagMutability: m.imageTagMutability,
      imageScanningConfiguration: m.imageScanningConfiguration,
      encryptionConfiguration: m.encryptionConfiguration,
    }
  }

  const allRepositories = async () =>
    [...new Set([...state().repositories.keys(), ...(await registry.repositories())])].sort()

  /** The repository's tags; throws RepositoryNotFoundException when neither ECR nor the registry knows it. */
  const tagsOf = async (name) => {
    check(typeof name === 'string' && name, 'InvalidParameterException', 'repositoryName must be given.')
    const tags = await registry.tags(name)
    if (tags === undefined && !state().repositories.has(name)) throw notFound(name)
    return tags ?? []
  }

  /** Digest → { digest, tags, manifest } for the tagged images of a repository. */
  const taggedImages = async (name) => {
    const byDigest = new Map()
    for (const tag of await tagsOf(name)) {
      const found = await registry.manifest(name, tag)
      if (!found) continue
      const entry = byDigest.get(found.digest) ?? { ...found, tags: [] }
      entry.tags.push(tag)
      byDigest.set(found.digest, entry)
    }
    return byDigest
  }

  const imageDetail = async (name, image) => {
    const { manifest } = image
    const layers = manifest.layers ?? []
    const config = manifest.config?.digest ? await registry.config(name, manifest.config.digest) : undefined
    return {
      registryId: ACCOUNT,
      repositoryName: name,
      imageDigest: image.digest,
      imageTags: image.tags.length ? image.tags : undefined,
      imageSizeInBytes: layers.length ? layers.reduce((sum, l) => sum + (l.size ?? 0), 0) : image.text.length,
      imagePushedAt: config?.created ? new Date(config.created) : clock.now(),
      imageManifestMediaType: image.mediaType,
      artifactMediaType: manifest.config?.mediaType,
    }
  }

  /** Resolves one imageId {imageTag?, imageDigest?} against the tagged images; undefined when it does not exist. */
  const resolve = async (name, images, imageId) => {
    if (imageId.imageTag) {
      const found = [...images.values()].find((i) => i.tags.includes(imageId.imageTag))
      if (!found || (imageId.imageDigest && imageId.imageDigest !== found.digest)) return undefined
      return found
    }
    if (imageId.imageDigest) {
      return (
        images.get(imageId.imageDigest) ??
        (await registry.manifest(name, imageId.imageDigest).then((m) => m && { ...m, tags: [] }))
      )
    }
    return undefined
  }

  return {
    targetPrefix: 'AmazonEC2ContainerRegistry_V20150921',
    operations: {
      GetAuthorizationToken: () => ({
        authorizationData: [
          {
            authorizationToken: Buffer.from(`${user}:${password}`).toString('base64'),
            expiresAt: new Date(clock.nowMs() + TOKEN_HOURS * 3600_000),
            proxyEndpoint: `http://${registryHost}`,
          },
        ],
      }),

      CreateRepository: async (input) => {
        const name = input.repositoryName
        check(
          typeof name === 'string' && name.length >= 2 && name.length <= 256 && REPOSITORY_NAME.test(name),
          'InvalidParameterException',
          `Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '${REPOSITORY_NAME.source}''`,
        )
        if ((await allRepositories()).includes(name)) {
          throw new AwsError(
            'RepositoryAlreadyExistsException',
            `The repository with name '${name}' already exists in the registry with id '${ACCOUNT}'`,
          )
        }
        metadata(name, input)
        return { repository: repositoryShape(name) }
      },

      DescribeRepositories: async (input) => {
        const all = await allRepositories()
        const names = input.repositoryNames ?? all
        for (const name of names) if (!all.includes(name)) throw notFound(name)
        const { page, nextToken } = paginate(names, input, 100, 1000)
        return { repositories: page.map(repositoryShape), nextToken }
      },

      DescribeImages: async (input) => {
        const name = input.repositoryName
        const images = await taggedImages(name)
        let selected
        if (input.imageIds?.length) {
          selected = []
          for (const imageId of input.imageIds) {
            const found = await resolve(name, images, imageId)
            if (!found) {
              throw new AwsError(
                'ImageNotFoundException',
                `The image with imageId ${imageIdText(imageId)} does not exist within the repository with name '${name}' in the registry with id '${ACCOUNT}'`,
              )
            }
            selected.push(found)
          }
        } else {
          selected = input.filter?.tagStatus === 'UNTAGGED' ? [] : [...images.values()]
        }
        const { page, nextToken } = paginate(selected, input, 100, 1000)
        return { imageDetails: await Promise.all(page.map((image) => imageDetail(name, image))), nextToken }
      },

      BatchGetImage: async (input) => {
        const name = input.repositoryName
        const images = await taggedImages(name)
        const accepted = input.acceptedMediaTypes ?? MANIFEST_TYPES
        const result = { images: [], failures: [] }
        for (const imageId of input.imageIds ?? []) {
          const found = await resolve(name, images, imageId)
          if (!found) {
            const mismatch =
              Boolean(imageId.imageTag && imageId.imageDigest) &&
              [...images.values()].some((i) => i.tags.includes(imageId.imageTag))
            result.failures.push(
              mismatch
                ? { imageId, failureCode: 'ImageTagDoesNotMatchDigest', failureReason: 'Invalid image tag' }
                : { imageId, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' },
            )
            continue
          }
          if (!accepted.includes(found.mediaType)) {
            result.failures.push({
              imageId,
              failureCode: 'UnsupportedImageType',
              failureReason: `Manifest media type ${found.mediaType} is not accepted`,
            })
            continue
          }
          result.images.push({
            registryId: ACCOUNT,
            repositoryName: name,
            imageId: { imageDigest: found.digest, imageTag: imageId.imageTag },
            imageManifest: found.text,
            imageManifestMediaType: found.mediaType,
          })
        }
        return result
      },

      ListImages: async (input) => {
        const images = await taggedImages(input.repositoryName)
        const ids = [...images.values()].flatMap((i) => i.tags.map((imageTag) => ({ imageDigest: i.digest, imageTag })))
        const { page, nextToken } = paginate(ids, input, 100, 1000)
        return { imageIds: page, nextToken }
      },

      PutImageTagMutability: async (input) => {
        await tagsOf(input.repositoryName)
        check(
          ['MUTABLE', 'IMMUTABLE'].includes(input.imageTagMutability),
          'InvalidParameterException',
          'imageTagMutability must be MUTABLE or IMMUTABLE.',
        )
        metadata(input.repositoryName).imageTagMutability = input.imageTagMutability
        return {
          registryId: ACCOUNT,
          repositoryName: input.repositoryName,
          imageTagMutability: input.imageTagMutability,
        }
      },
    },
  }
}

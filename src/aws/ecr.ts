// The ECR calls the action makes, each named by the IAM action it needs and the registry (`on`) it asks;
// failures are explained (errors.ts), and a missing repository or image is a NotFound.
import type {
  AuthorizationData,
  CreateRepositoryCommandInput,
  ECRClient,
  ImageDetail,
  ImageIdentifier,
  Repository,
} from '@aws-sdk/client-ecr'
import { awsCall } from './errors.js'

/** The SDK package, loaded by the first call (clients.ts). */
const sdk = () => import('@aws-sdk/client-ecr')

/** Which registry a call goes to: its client, the account (undefined: the caller's own) and a label for messages. */
export interface Registry {
  client: ECRClient
  registryId?: string
  /** `<account>/<region>`, or `<host>/<region>` when the account is not in the host. */
  label: string
}

const REPOSITORY = { RepositoryNotFoundException: 'repository' }
const registryOf = (r: Registry) => (r.registryId !== undefined ? { registryId: r.registryId } : {})

export async function getAuthorizationToken(registry: Registry): Promise<AuthorizationData | undefined> {
  const input = registry.registryId !== undefined ? { registryIds: [registry.registryId] } : {}
  const response = await awsCall(
    'ecr:GetAuthorizationToken',
    async () => registry.client.send(new (await sdk()).GetAuthorizationTokenCommand(input)),
    { on: registry.label },
  )
  return response.authorizationData?.[0]
}

/** The repository; a NotFound('repository') when there is none by that name. */
export async function describeRepository(registry: Registry, repositoryName: string): Promise<Repository | undefined> {
  const found = await awsCall(
    'ecr:DescribeRepositories',
    async () =>
      registry.client.send(
        new (await sdk()).DescribeRepositoriesCommand({ repositoryNames: [repositoryName], ...registryOf(registry) }),
      ),
    { on: registry.label, missing: REPOSITORY },
  )
  return found.repositories?.[0]
}

export async function createRepository(
  registry: Registry,
  input: Omit<CreateRepositoryCommandInput, 'registryId'>,
): Promise<Repository | undefined> {
  const created = await awsCall(
    'ecr:CreateRepository',
    async () => registry.client.send(new (await sdk()).CreateRepositoryCommand({ ...input, ...registryOf(registry) })),
    {
      on: registry.label,
    },
  )
  return created.repository
}

/** The image with this tag or digest; a NotFound('repository') or NotFound('image') when either is missing. */
export async function describeImage(
  registry: Registry,
  repositoryName: string,
  image: ImageIdentifier,
): Promise<ImageDetail | undefined> {
  const response = await awsCall(
    'ecr:DescribeImages',
    async () =>
      registry.client.send(
        new (await sdk()).DescribeImagesCommand({ repositoryName, imageIds: [image], ...registryOf(registry) }),
      ),
    { on: registry.label, missing: { ...REPOSITORY, ImageNotFoundException: 'image' } },
  )
  return response.imageDetails?.[0]
}

// Reads what a promotion deploys: the images, pinned by digest, that each source service runs now. It refuses a
// source that is not settled (mid-rollout, not steady, several revisions), so what moves is what was approved.
import type { ContainerDefinition, Deployment, ECSClient, Service, Task } from '@aws-sdk/client-ecs'
import { taskDefinitionRevision } from '../aws/arn.js'
import { describeImage } from '../aws/ecr.js'
import { unlessNotFound } from '../aws/errors.js'
import { describeServicesByName, describeTaskDefinition, describeTasks, listTasks } from '../aws/ecs.js'
import { UserError } from '../common/errors.js'
import { resolveEcrTarget } from '../image/repository.js'
import { imageName, parseImageReference } from '../image/reference.js'
import type { ImageDeps } from '../image/index.js'
import type { Promotion } from './promotion.js'

/** The images one source service runs, per container name, each `repo@sha256:…`. */
export interface PromotedImages {
  environment: string
  cluster: string
  service: string
  /** The task definition the source service runs. */
  taskDefinition: string
  images: Record<string, string>
}

/** What the source is read with: its region's ECS, and ECR (through the image deps) to resolve a tag no task reports. */
export interface SourceReaders {
  ecs: ECSClient
  region: string
  imageDeps: ImageDeps
}

/** The images each source service of the promotion runs (in the order of `promotion.sources`), or a UserError why not. */
export async function readPromotedImages(promotion: Promotion, readers: SourceReaders): Promise<PromotedImages[]> {
  const names = [...new Set(promotion.sources)]
  const services = await describeServicesByName(readers.ecs, promotion.cluster, names)
  const read = new Map<string, Promise<PromotedImages>>()
  for (const name of names) {
    const service = services.find((s) => s.serviceName === lastPart(name) || s.serviceArn === name)
    read.set(name, imagesOf(promotion, name, service, readers))
  }
  return Promise.all(promotion.sources.map((name) => read.get(name) as Promise<PromotedImages>))
}

const lastPart = (name: string): string => name.split('/').pop() ?? name

async function imagesOf(
  promotion: Promotion,
  name: string,
  service: Service | undefined,
  { ecs, region, imageDeps }: SourceReaders,
): Promise<PromotedImages> {
  const { from, cluster } = promotion
  const source = `${from}'s service ${lastPart(name)} (cluster ${cluster}, ${region})`
  if (!service || service.status !== 'ACTIVE') {
    throw new UserError(
      `Cannot promote from ${from}: ${source} ${service ? `is ${service.status}` : 'was not found'}. Check environments.${from} in the config file.`,
    )
  }
  const taskDefinition = settledTaskDefinition(service, source, from)
  const tasks = await runningTasks(ecs, cluster, service)
  const other = tasks.find((t) => t.taskDefinitionArn !== taskDefinition)
  if (other) {
    throw refusal(
      from,
      `${source} runs more than one revision: a task of ${taskDefinitionRevision(other.taskDefinitionArn)} besides ${taskDefinitionRevision(taskDefinition)}`,
    )
  }
  const described = await describeTaskDefinition(ecs, taskDefinition)
  const containers = described.taskDefinition?.containerDefinitions ?? []
  const images: Record<string, string> = {}
  const deployedAt = service.deployments?.[0]?.createdAt
  for (const container of containers) {
    if (container.name && container.image) {
      const image = await pinned(container, tasks, { source, from, deployedAt }, imageDeps)
      await checkStillInEcr(image, `${source}'s container ${container.name}`, from, imageDeps)
      images[container.name] = image
    }
  }
  return { environment: from, cluster, service: service.serviceName ?? lastPart(name), taskDefinition, images }
}

/** The one revision a settled service runs; a refusal while it rolls out, is not steady or runs another revision. */
function settledTaskDefinition(service: Service, source: string, from: string): string {
  const deployments: Deployment[] = service.deployments ?? []
  const taskSets = service.taskSets ?? []
  if (deployments.length > 1 || taskSets.length > 1) {
    const what =
      deployments.length > 1
        ? deployments.map(describeDeployment)
        : taskSets.map((t) => `${t.status} ${taskDefinitionRevision(t.taskDefinition)}`)
    throw refusal(from, `${source} is mid-rollout (${what.join(', ')})`)
  }
  const [primary] = deployments
  if (primary?.rolloutState && primary.rolloutState !== 'COMPLETED') {
    throw refusal(
      from,
      `${source}'s deployment of ${taskDefinitionRevision(primary.taskDefinition)} is ${primary.rolloutState}, not COMPLETED`,
    )
  }
  const running = service.runningCount ?? 0
  if (running !== (service.desiredCount ?? 0) || (service.pendingCount ?? 0) > 0) {
    throw refusal(
      from,
      `${source} is not steady: ${running} of ${service.desiredCount ?? 0} tasks running, ${service.pendingCount ?? 0} pending`,
    )
  }
  const taskDefinition = taskSets[0]?.taskDefinition ?? primary?.taskDefinition ?? service.taskDefinition
  if (!taskDefinition) throw refusal(from, `${source} names no task definition`)
  if (service.taskDefinition && taskDefinition !== service.taskDefinition) {
    throw refusal(
      from,
      `${source} runs ${taskDefinitionRevision(taskDefinition)}, not its task definition ${taskDefinitionRevision(service.taskDefinition)}`,
    )
  }
  return taskDefinition
}

function describeDeployment(d: Deployment): string {
  return `${d.status} ${taskDefinitionRevision(d.taskDefinition)}${d.rolloutState ? ` ${d.rolloutState}` : ''}`
}

function refusal(from: string, why: string): UserError {
  return new UserError(
    `Cannot promote from ${from}: ${why}. Nothing was changed; promote once ${from} runs one revision, settled (its deployment COMPLETED).`,
  )
}

async function runningTasks(ecs: ECSClient, cluster: string, service: Service): Promise<Task[]> {
  const arns = await listTasks(ecs, { cluster, serviceName: service.serviceName, desiredStatus: 'RUNNING' })
  return arns.length ? describeTasks(ecs, cluster, arns) : []
}

/** Where an image is pinned from, for messages, and when the source's deployment started (its tags resolved then). */
interface PinContext {
  source: string
  from: string
  deployedAt?: Date | undefined
}

/**
 * The container's image pinned by digest: as written when the task definition names a digest; else the digest its
 * running tasks report (ECS resolves a tag when a task starts); else, with no task running, the one ECR has for the tag
 * only when that image was pushed before the source's deployment started (a tag moved since names one it never ran).
 */
async function pinned(container: ContainerDefinition, tasks: Task[], at: PinContext, deps: ImageDeps): Promise<string> {
  const { source, from } = at
  const image = container.image as string
  const ref = parseImageReference(image, `${source}: container ${container.name}'s image`)
  const by = (digest: string): string => `${imageName(ref)}@${digest}`
  if (ref.digest) return by(ref.digest)
  const digests = new Set(
    tasks.flatMap((t) =>
      (t.containers ?? [])
        .filter((c) => c.name === container.name && c.imageDigest)
        .map((c) => c.imageDigest as string),
    ),
  )
  if (digests.size > 1) {
    throw refusal(
      from,
      `${source}'s tasks run different images behind ${image} (${[...digests].join(', ')}): the tag moved while they started`,
    )
  }
  const [digest] = digests
  if (digest) return by(digest)
  const ecr = await resolveEcrTarget(ref, deps)
  const detail = ecr && (await unlessNotFound(describeImage(ecr, ref.repository, { imageTag: ref.tag ?? 'latest' })))
  if (detail?.imageDigest) {
    const pushed = detail.imagePushedAt
    if (pushed && at.deployedAt && pushed.getTime() <= at.deployedAt.getTime()) return by(detail.imageDigest)
    throw refusal(
      from,
      `no task of ${source} runs, so none says which image its container ${container.name} ran, and ECR's ${image} now names ${detail.imageDigest}, pushed ${pushed ? `at ${pushed.toISOString()}` : 'at an unknown time'}, ${at.deployedAt ? `after its deployment started (${at.deployedAt.toISOString()})` : 'while its deployment time is unknown'}: ${from} may never have run it. Scale ${from} up so a task reports the digest it runs, or pin the digest in its task definition (image@sha256:…)`,
    )
  }
  throw refusal(
    from,
    `which image ${source} runs in container ${container.name} is unknown: ${image} is a tag, no running task reports its digest, and ${ecr ? 'ECR has no such tag' : 'its registry is not ECR'}`,
  )
}

/** Refuses an image pinned to a digest its ECR repository no longer has: the rollout would fail pulling it. */
async function checkStillInEcr(image: string, what: string, from: string, deps: ImageDeps): Promise<void> {
  const ref = parseImageReference(image, what)
  const ecr = ref.digest ? await resolveEcrTarget(ref, deps) : undefined
  if (!ecr || !ref.digest) return
  const found = await unlessNotFound(describeImage(ecr, ref.repository, { imageDigest: ref.digest }))
  if (found) return
  throw refusal(
    from,
    `${what} runs ${image}, which ECR no longer has (repository ${ref.repository}): the rollout would fail pulling it`,
  )
}

// `mode: drift` (CLI `drift`): each live service and the revision its PRIMARY deployment runs, compared with what the
// repository's files would deploy, through the deploy's own differ. It only reads: nothing is registered or updated.
import type { Service } from '@aws-sdk/client-ecs'
import type { AwsClients } from '../aws/clients.js'
import { taskDefinitionRevision } from '../aws/arn.js'
import type { GitContext } from '../common/git-context.js'
import { UserError } from '../common/errors.js'
import { serviceChanges } from '../deploy/changes.js'
import { runningImages, runningRevision, serviceDrift, taskDefinitionDrift, type Drift } from '../deploy/drift.js'
import { findService } from '../deploy/find-service.js'
import { pinnedRevision } from '../deploy/pinned.js'
import { describeTaskDefinition } from '../deploy/register.js'
import { planStrategy, type StrategyPlan } from '../mechanisms/index.js'
import { logSafe } from '../report/text.js'
import { withServiceDefinition } from '../servicedef/index.js'
import { placeholderValues, type PlannedInputs } from '../settings/placeholder-values.js'
import { existingTaskDefinition, renderTaskDefinition } from '../taskdef/index.js'
import { taskDefinitionDifferences } from '../taskdef/compare.js'
import type { DeployPorts, Where } from './pipeline.js'
import type { DeploymentReport, ServicePart } from './run-report.js'
import { runSteps, type Step, type StepOutcome, type StepsResult } from './step-runner.js'

/** A service as found, with the inputs its service definition file gives it and the strategy it would deploy with. */
interface Found {
  service: Service
  inputs: PlannedInputs
  plan: StrategyPlan
}

interface DriftState {
  inputs: PlannedInputs
  git: GitContext
  ports: DeployPorts
  where: Where
  clients: AwsClients
  found: Found[]
}

const DRIFT: Step<DriftState>[] = [
  { name: 'check', dryRun: 'run', phase: true, run: findServices },
  { name: 'compare', dryRun: 'run', run: compareAll },
]

/** Compares every service with the repository's files; reads only. */
export function checkDrift(
  inputs: PlannedInputs,
  git: GitContext,
  ports: DeployPorts,
  where: Where,
): Promise<StepsResult> {
  const clients = ports.aws(where.region, ports.deadline)
  return runSteps(
    DRIFT,
    { inputs, git, ports, where, clients, found: [] },
    {
      dryRun: inputs.dryRun,
      deadline: ports.deadline,
      phaseMs: inputs.timeoutMinutes * 60_000,
      log: ports.log,
    },
  )
}

async function findServices({ inputs, git, where, clients, ports }: DriftState): Promise<StepOutcome<DriftState>> {
  const found = await ports.log.group('Services', () =>
    Promise.all(
      inputs.services.map(async (name): Promise<Found> => {
        const service = await findService(clients.ecs, inputs.cluster, name, where.region)
        const placeholders = placeholderValues(inputs, service.serviceName ?? name, git, where.region, undefined)
        const defined = await withServiceDefinition(inputs, service, placeholders, git.workspace)
        const plan = await planStrategy(clients, inputs.cluster, service, inputs.strategy, {
          circuitBreaker: defined.inputs.deploymentCircuitBreaker,
          workspace: git.workspace,
          given: inputs,
        })
        return { service, inputs: defined.inputs, plan }
      }),
    ),
  )
  const reports = found.map(({ service, plan }): DeploymentReport => ({
    cluster: inputs.cluster,
    service: service.serviceName ?? '',
    region: where.region,
    status: 'failed',
    reason: '',
    strategy: plan.description,
    notes: [],
  }))
  return { report: { services: found.map((f) => f.service), reports }, state: { found } }
}

async function compareAll(s: DriftState): Promise<StepOutcome<DriftState>> {
  const each = await s.ports.log.group('Drift', () => Promise.all(s.found.map((f) => compare(s, f))))
  return { report: { each } }
}

/** One service's drift: its running revision against the rendered files, its settings against the inputs'. */
async function compare(
  { git, where, clients, ports }: DriftState,
  { service, inputs, plan }: Found,
): Promise<ServicePart> {
  const name = service.serviceName ?? ''
  const revision = runningRevision(service)
  if (!revision) throw new UserError(`Service "${name}" has no task definition to compare with.`)
  const live = await describeTaskDefinition(clients.ecs, revision)
  // A build's image does not exist yet: the containers keep the images they run, unless an image is given.
  const image = inputs.build ? undefined : inputs.image
  const images = runningImages(live.taskDefinition)
  const only = Object.values(images).length === 1 ? Object.values(images)[0] : undefined
  const rendered = inputs.taskDefinitionArn
    ? existingTaskDefinition(
        (await pinnedRevision(clients.ecs, inputs.taskDefinitionArn, where.region)).taskDefinition,
        [],
      )
    : await renderTaskDefinition({
        ...(inputs.taskDefinition !== undefined && { templatePath: inputs.taskDefinition }),
        current: live.taskDefinition,
        currentTags: live.tags,
        ...(image !== undefined ? { image } : { images }),
        containers: inputs.containers,
        environment: inputs.environmentVariables,
        secrets: inputs.secrets,
        placeholders: placeholderValues(inputs, name, git, where.region, image ?? imageOf(inputs, images) ?? only),
      })
  const drift: Drift[] = [
    ...taskDefinitionDifferences(rendered.request, live.taskDefinition).map(taskDefinitionDrift),
    ...[
      ...serviceChanges(service, inputs.desiredCount, inputs.deploymentCircuitBreaker, inputs.serviceSettings),
      ...plan.changes,
    ].map(serviceDrift),
  ]
  const running = taskDefinitionRevision(revision)
  const prefix = inputs.services.length > 1 ? `${name}: ` : ''
  ports.log.info(`${prefix}${drift.length ? `${drift.length} difference(s) from` : 'no drift from'} ${running}`)
  for (const d of drift) ports.log.info(logSafe(`  ${d.path}: live ${d.live}, repository ${d.repo}`))
  return {
    drift,
    taskDefinitionArn: revision,
    previousTaskDefinition: revision,
    status: drift.length ? 'failed' : 'succeeded',
    reason: drift.length
      ? `Drift: ${drift.length} difference(s) between the live service (${running}) and what the repository's files would deploy.`
      : `No drift: the live service (${running}) is as the repository's files would deploy it.`,
  }
}

/** ${IMAGE}: the image the container named by `container` runs. */
function imageOf(inputs: PlannedInputs, images: Record<string, string>): string | undefined {
  const [named] = inputs.containers
  return named === undefined ? undefined : images[named]
}

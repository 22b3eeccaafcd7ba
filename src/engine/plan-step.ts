// The plan step (`mode: plan`, `ecs-deploy-action plan`): which environments this ref deploys, as a matrix. It reads the
// config file and the event only: no AWS client is made, so it needs no credentials.
import { DEFAULT_CONFIG_FILE, loadConfig, planEnvironments, type EnvironmentPlan } from '../config/index.js'
import type { Log } from '../common/log.js'
import { logSafe } from '../report/text.js'
import type { DeploySettings } from './deploy.js'

/** Plans the environments of this run and logs each one's verdict; a missing config file is a bad input. */
export async function planStep(settings: DeploySettings, log: Pick<Log, 'info'>): Promise<EnvironmentPlan> {
  const { inputs, git, event } = settings
  const config = await loadConfig(inputs.config ?? DEFAULT_CONFIG_FILE, { workspace: git.workspace, required: true })
  // required: true, so there is a config or loadConfig threw.
  const plan = planEnvironments(config as NonNullable<typeof config>, event, inputs.environment)
  for (const v of plan.verdicts) log.info(logSafe(`${v.deploys ? '✅' : '⏭️'} ${v.environment}: ${v.reason}`))
  log.info(
    plan.environments.length
      ? `Deploys ${plan.environments.join(', ')} (${plan.matrix.include.length} matrix entr${plan.matrix.include.length === 1 ? 'y' : 'ies'}).`
      : 'Deploys nothing: no environment takes this ref.',
  )
  return plan
}

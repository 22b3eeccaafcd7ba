import { UserError } from '../common/errors.js'
import { parseList, settingValues, type InputReader } from './values.js'
import { settingNamed } from './table.js'
import {
  PAUSE_ALIASES,
  PAUSE_STAGES,
  STRATEGIES,
  type ContinueAction,
  type OnBusy,
  type PauseStage,
  type StrategyInputs,
  type StrategyName,
} from '../mechanisms/strategy-types.js'

/** Stages a deployment passes through but cannot pause at, with the nearest one that can. */
const UNPAUSABLE: Record<string, PauseStage> = {
  RECONCILE_SERVICE: 'PRE_SCALE_UP',
  SCALE_UP: 'POST_SCALE_UP',
  TEST_TRAFFIC_SHIFT: 'POST_TEST_TRAFFIC_SHIFT',
  PRODUCTION_TRAFFIC_SHIFT: 'POST_PRODUCTION_TRAFFIC_SHIFT',
  BAKE_TIME: 'POST_PRODUCTION_TRAFFIC_SHIFT',
  CLEAN_UP: 'POST_PRODUCTION_TRAFFIC_SHIFT',
}

/** Reads and checks the strategy inputs (`strategy`, `canary-percent`, `wait-until`, `continue`, `appspec`…). */
export function readStrategyInputs(read: InputReader): StrategyInputs {
  const values = settingValues(read)
  const text = values.text
  const strategy = values.choice<StrategyName>('strategy')
  // A number that only means something for the strategies its row names (checked before its value).
  const number = (name: string): number | undefined => {
    if (!read(name).trim()) return undefined
    requireStrategy(name, strategy, (settingNamed(name)?.strategies ?? STRATEGIES) as StrategyName[])
    return values.number(name)
  }
  const waitUntil = mapDefined(text('wait-until'), parseWaitUntil)
  const unpausable = waitUntil === undefined ? undefined : cannotPause(strategy)
  if (unpausable) throw new UserError(`Config key \`wait-until\` ${unpausable}.`)
  const continueAction = parseContinue(read('continue'))
  if (continueAction !== undefined && waitUntil !== undefined) {
    throw new UserError(
      '`mode: continue` and config key `wait-until` exclude each other: `mode: continue` resumes (or rolls back) the deployment an earlier run left paused.',
    )
  }
  const inputs: StrategyInputs = {
    deploymentAlarms: parseAlarms(read('deployment-alarms')),
    onBusy: values.choice<OnBusy>('on-busy') as OnBusy,
  }
  const optional: { [K in keyof StrategyInputs]?: StrategyInputs[K] | undefined } = {
    strategy,
    bakeMinutes: number('bake-minutes'),
    canaryPercent: number('canary-percent'),
    canaryBakeMinutes: number('canary-bake-minutes'),
    stepPercent: number('step-percent'),
    stepBakeMinutes: number('step-bake-minutes'),
    waitUntil,
    continueAction,
    codedeployApplication: text('codedeploy-application'),
    codedeployDeploymentGroup: text('codedeploy-deployment-group'),
    codedeployConfig: text('codedeploy-config'),
    appspec: text('appspec'),
  }
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(inputs, { [key]: value })
  return inputs
}

function mapDefined<T>(value: string | undefined, parse: (value: string) => T): T | undefined {
  return value === undefined ? undefined : parse(value)
}

function describeStrategies(names: readonly StrategyName[]): string {
  return names
    .map((n) => `\`strategy: ${n}\``)
    .join(', ')
    .replace(/, ([^,]*)$/, ' or $1')
}

/** An input that only means something for some strategies must come with one of them. */
function requireStrategy(name: string, strategy: StrategyName | undefined, appliesTo: readonly StrategyName[]): void {
  if (strategy === undefined) throw new UserError(`Input \`${name}\` needs ${describeStrategies(appliesTo)}.`)
  if (!appliesTo.includes(strategy)) {
    throw new UserError(`Input \`${name}\` applies to ${describeStrategies(appliesTo)}, not \`strategy: ${strategy}\`.`)
  }
}

export function parseWaitUntil(value: string): PauseStage {
  const alias = PAUSE_ALIASES[value.toLowerCase()]
  if (alias) return alias
  const stage = value.toUpperCase().replaceAll('-', '_')
  const pausable = PAUSE_STAGES.find((s) => s === stage)
  if (pausable) return pausable
  const instead = UNPAUSABLE[stage]
  if (instead) {
    throw new UserError(
      `Config key \`wait-until\`: ECS cannot pause a deployment at ${stage} (PAUSE hooks are not allowed there); pause at ${instead} instead.`,
    )
  }
  throw new UserError(
    `Config key \`wait-until\` must be one of ${Object.keys(PAUSE_ALIASES).join(', ')} or a stage ECS can pause at (${PAUSE_STAGES.join(', ')}), not "${value}".`,
  )
}

function parseContinue(value: string): ContinueAction | undefined {
  const v = value.trim().toLowerCase()
  if (v === '' || v === 'false') return undefined
  if (v === 'true') return 'continue'
  if (v === 'rollback') return 'rollback'
  throw new UserError(
    `Input \`continue\` must be true (let the paused deployment go on), rollback (roll it back) or false, not "${value.trim()}".`,
  )
}

function parseAlarms(value: string): string[] {
  const names = [...new Set(parseList(value))]
  const long = names.find((n) => n.length > 255)
  if (long)
    throw new UserError(
      `Config key \`deployment-alarms\`: "${long.slice(0, 40)}…" is longer than 255 characters, too long for a CloudWatch alarm name.`,
    )
  return names
}

/** Why `wait-until` cannot apply to `strategy` (a rolling update has no stage to pause at), or undefined when it can. */
export function cannotPause(strategy: string | undefined): string | undefined {
  return strategy === 'rolling'
    ? 'needs `strategy: blue-green`, `canary` or `linear`: a rolling update has no stage to pause at'
    : undefined
}

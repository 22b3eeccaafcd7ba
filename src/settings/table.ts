// The settings, declared once: each setting's name, kind, default, group, the strategies it applies to, whether it is a
// secret, its description, and where it may be given: as an action input (every row), as a config-file key of an
// environment (`config`, with how it merges with the input), as a CLI flag of some commands (`commands`), in a file
// (`file`). From this table come the input readers (settings/values.ts), the one merge of the config file under the
// inputs (engine/environment-settings.ts), the config validator's keys (config/schema.ts), action.yml, the README's tables and the
// JSON schema (`npm run docs`), and the CLI's flags and per-command help. It imports only types, so the docs script can
// transpile it alone.
import type { Inputs } from './inputs.js'

/** How a setting's value is written. `list`: comma or newline separated; `lines`: one item a line (a repeatable flag in the CLI). */
export type SettingKind = 'text' | 'boolean' | 'number' | 'list' | 'lines'

/** The groups action.yml and the README list the inputs in, in this order, with their headings. */
export const SETTING_GROUPS = {
  target: 'Target',
  build: 'Image build',
  'task-definition': 'Task definition',
  rollout: 'Rollout and strategy',
  environments: 'Environments and previews',
  reporting: 'Reporting',
} as const

export type SettingGroup = keyof typeof SETTING_GROUPS

/** The CLI's commands that read settings (`help` reads none); a new command's flags are the rows naming it. */
export const CLI_COMMANDS = [
  'deploy',
  'render',
  'diff',
  'drift',
  'status',
  'rollback',
  'preview',
  'plan',
  'init',
] as const
export type CliCommand = (typeof CLI_COMMANDS)[number]
/**
 * The commands a row without `commands` is a flag of: the ones that render and deploy. render and diff are dry runs:
 * what only a real rollout reads (the build itself, the wait's aftermath, GitHub) is `commands: ['deploy', 'preview']`.
 */
export const DEPLOY_COMMANDS: readonly CliCommand[] = ['deploy', 'render', 'diff', 'preview']

/** The dotted paths of an object's members (`build.dockerfile`), down to lists and plain values. */
export type Path<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[]
    ? K
    : NonNullable<T[K]> extends object
      ? K | `${K}.${Path<NonNullable<T[K]>>}`
      : K
}[keyof T & string]

/**
 * How the input and the config file's key make one value, the input winning (the config's key, in turn, wins over the
 * setting's default): `given` — the input when given, else the key; `non-empty` — a list: the input's when it lists
 * any, else the key's; `by-name` — a NAME → value map: the key's, with the input's names over it; `after` — `KEY=value`
 * changes: the key's first, then the input's (so the input's win name by name); `named` — the input when given by name
 * (a CLI flag), else the key, else the input's default (for a setting with a default, which is never undefined).
 */
export type MergeRule = 'given' | 'non-empty' | 'by-name' | 'after' | 'named'

/** How a config key's value is written in the file (YAML): its JSON schema and its checks follow from this. */
export type ConfigShape =
  | 'text'
  // an image reference (`repo:tag`, `repo@sha256:…`)
  | 'image'
  // the cluster's name or ARN; `ecs-names`: the services'
  | 'ecs-name'
  | 'ecs-names'
  | 'environment-name'
  | 'region'
  | 'placeholders'
  | 'variables'
  | 'secrets'
  | 'number'
  // a number in the setting's range, said in seconds
  | 'seconds'
  | 'boolean'
  | 'choice'
  | 'upper-choice'
  | 'alarm-names'
  | 'urls'
  | 'capacity-providers'
  | 'duration'
  // one string or a list of them
  | 'strings'
  // `id: value` pairs
  | 'mapping'
  // true, false or a word
  | 'flag-or-text'
  // a list of names or objects, a list of objects, an object, as the API takes them
  | 'json-list'
  | 'objects'
  | 'json-object'
  // `key: value` pairs or a list of {key, value}
  | 'tags'
  | 'analysis-checks'

/** Where an environment of the config file may set it (or the `previews:` section, for `scope: 'previews'`). */
export type ConfigKey = {
  /** How the file writes the value (config/json-schema.ts says what each is); a number keeps the setting's range. */
  shape: ConfigShape
  merge: MergeRule
  /** Its place in the typed inputs (settings/inputs.ts). */
  into: Path<Inputs>
  /**
   * Merged only with a build (`build` given) / without one; `same-strategy`: unless the `strategy` input names another
   * strategy than the environment's (which then brings its own options).
   */
  when?: 'build' | 'no-build' | 'same-strategy'
  /** What the key holds, as the JSON schema tells an editor (unset: the setting's description). */
  description?: string
  /** Other spellings of the key (`service` for `services`). */
  aliases?: readonly string[]
  /**
   * `input`: read and checked by the input's own reader, the file's value given to it as the input's text, so the file
   * takes what the input took and says the same (config/moved-keys.ts); unset: read by its shape (config/schema.ts).
   */
  read?: 'input'
} & (
  | {
      scope?: 'environment'
      /** The key under `environments.<name>`; a dot goes into a block (`verify.url`: `url` in its `verify:`). */
      key: string
      /** Its place in the checked environment (config/types.ts EnvironmentConfig; a test checks each one is read). */
      from: string
    }
  | { scope: 'previews'; key: string; from: string }
)

/** How the names of a map's keys are written, and what a wrong one is told; the inputs and the config file share it. */
export interface NameRule {
  pattern: RegExp
  wrong: string
}
/** Placeholders (`vars`) and build args. */
export const PLACEHOLDER_NAME: NameRule = {
  pattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
  wrong: 'is not a placeholder name; use letters, digits and "_", not starting with a digit',
}
/** Environment variables and secrets of a container. */
export const VARIABLE_NAME: NameRule = {
  pattern: /^[A-Za-z_][A-Za-z0-9_.-]*$/,
  wrong: 'is not a variable name; use letters, digits, "_", "." and "-", not starting with a digit',
}

export interface Setting {
  /** The input's name in action.yml, and the CLI's flag (--name). */
  name: string
  kind: SettingKind
  /** As action.yml gives it; `${{ … }}` defaults are the runner's and mean nothing in a terminal. */
  default?: string
  /** Masked wherever it could be shown. */
  secret?: boolean
  group: SettingGroup
  /** The strategies it applies to (unset: all). */
  strategies?: string[]
  /** A number's bounds; `whole`: an integer; `step`: it must be a multiple of this. */
  range?: { min: number; max: number; whole?: boolean; step?: number }
  /** A text setting that takes one of these words (case-insensitive). */
  choices?: readonly string[]
  /** Other names it is read by: the official aws-actions' names for the same thing (see settings/official.ts). */
  aliases?: readonly string[]
  /** The config file's key for it, and how the two merge (unset: an input only). */
  config?: ConfigKey
  /** The CLI commands that read it (unset: DEPLOY_COMMANDS; empty: none, the action only). */
  commands?: readonly CliCommand[]
  /** Its key in a definition file (the service definition file), when one may set it. */
  file?: { definition: 'service'; key: string }
  /**
   * Where it went when it left action.yml's inputs (issue 22): still declared there with a deprecationMessage for one
   * major version, and the action fails when a workflow gives it (or one of its aliases), naming this place.
   */
  movedTo?: MovedTo | ToConfig
  description: string
}

/** Where a moved input lives now: `key` is a config-file key path, `example` a line that sets it. */
export interface MovedTo {
  key: string
  example: string
}

/** A moved input that is its row's config key: the key comes from `config`; `example` sets it (inside its block). */
export interface ToConfig {
  example: string
}

const toConfig = (example: string): ToConfig => ({ example })
const mode = (example: string): MovedTo => ({ key: 'the `mode` input', example })
const LOGIN = 'a docker/login-action step before this one (the action pushes with docker’s own login)'

export const SETTINGS: readonly Setting[] = [
  {
    name: 'cluster',
    kind: 'text',
    config: {
      key: 'cluster',
      from: 'cluster',
      into: 'cluster',
      shape: 'ecs-name',
      description: 'Name or ARN of the ECS cluster its services run in.',
      merge: 'given',
    },
    commands: ['deploy', 'render', 'diff', 'preview', 'status', 'rollback', 'init'],
    group: 'target',
    description:
      "Name or ARN of the ECS cluster. Default — the environment's cluster in the config file, else `default`.",
  },
  {
    name: 'service',
    kind: 'list',
    config: {
      key: 'services',
      from: 'services',
      into: 'services',
      shape: 'ecs-names',
      description: 'Names or ARNs of its ECS services, deployed together from the same image.',
      merge: 'non-empty',
      aliases: ['service'],
    },
    commands: ['deploy', 'render', 'diff', 'preview', 'status', 'rollback', 'init'],
    group: 'target',
    description:
      "Name or ARN of the ECS service to deploy; several (comma or newline separated) are deployed together from the same image, with one combined wait. Required unless the config file names the environment's services.",
  },
  {
    name: 'task-definition',
    kind: 'text',
    config: {
      key: 'task-definition',
      from: 'taskDefinition',
      into: 'taskDefinition',
      shape: 'text',
      description: 'Path to the task definition template; ${PLACEHOLDERS} come from vars, the commit and the run.',
      merge: 'given',
    },
    group: 'task-definition',
    description:
      "Path to a task definition template (JSON or YAML; a plain RegisterTaskDefinition body or the output of `aws ecs describe-task-definition`). ${PLACEHOLDERS} are filled in; without `family`, the service's current family is taken (and said). When omitted, the service's current task definition is the starting point.",
  },
  {
    name: 'service-definition',
    kind: 'text',
    config: {
      key: 'service-definition',
      from: 'serviceDefinition',
      into: 'serviceDefinition',
      shape: 'text',
      description: 'Path to the service definition file (a CreateService body); ${PLACEHOLDERS} as in the template.',
      merge: 'given',
    },
    group: 'task-definition',
    description:
      'Path to a service definition file (JSON or YAML; a CreateService body or the output of `aws ecs describe-services`): desired count, deployment configuration, grace period, capacity providers, network, placement, execute-command, volumes. ${PLACEHOLDERS} are filled in as in the template; it is checked against the ECS API model and applied only where it differs from the service. Inputs given as well win.',
  },
  {
    name: 'image',
    kind: 'text',
    config: {
      key: 'image',
      from: 'image',
      into: 'image',
      shape: 'image',
      description:
        'The image to deploy, or with the build input the repository to push to, when the image input leaves it out.',
      merge: 'given',
      when: 'no-build',
    },
    group: 'target',
    description:
      'Full image reference to deploy (`repo:tag` or `repo@sha256:…`). With `build`, the repository to push to (a tag or digest here is ignored; the pushed digest is deployed).',
  },
  {
    name: 'container',
    kind: 'list',
    group: 'task-definition',
    aliases: ['container-name'],
    description:
      'Container name(s) that get the image, comma separated. Default: the only container, else the one whose image repository matches `image`.',
  },
  {
    name: 'environment-variables',
    kind: 'lines',
    config: {
      key: 'environment-variables',
      from: 'environmentVariables',
      into: 'environmentVariables',
      shape: 'variables',
      description:
        "Environment variables set on the container(s) that get the image; the environment-variables input's win name by name.",
      merge: 'after',
    },
    group: 'task-definition',
    description:
      'Environment variables to set on the chosen container(s), one `KEY=value` per line (split at the first `=`). `KEY=` sets an empty value; `!KEY` removes the variable.',
  },
  {
    name: 'secrets',
    kind: 'lines',
    config: {
      key: 'secrets',
      from: 'secrets',
      into: 'secrets',
      shape: 'secrets',
      description:
        "Secrets (name: ARN of a Secrets Manager secret or SSM parameter name/ARN) set on the container(s) that get the image; the secrets input's win name by name.",
      merge: 'after',
    },
    group: 'task-definition',
    description:
      'ECS runtime secrets to set on the chosen container(s), one `KEY=arn-or-parameter-name` per line; `!KEY` removes it. Values are ARNs, never the secret itself. Not build secrets — for `docker build --secret` see `build-secrets`.',
  },
  {
    name: 'vars',
    movedTo: toConfig('vars: { LOG_LEVEL: debug }'),
    kind: 'lines',
    config: {
      key: 'vars',
      from: 'vars',
      into: 'vars',
      shape: 'placeholders',
      description: 'Values for ${PLACEHOLDERS} in the task definition template.',
      merge: 'by-name',
    },
    group: 'task-definition',
    description: 'Extra placeholder values for the template, one `NAME=value` per line.',
  },
  {
    name: 'desired-count',
    movedTo: toConfig('desired-count: 3'),
    kind: 'number',
    config: {
      key: 'desired-count',
      from: 'desiredCount',
      into: 'desiredCount',
      shape: 'number',
      description: 'How many tasks each service runs.',
      merge: 'given',
    },
    range: { min: 0, max: 5000, whole: true },
    group: 'rollout',
    description: 'Desired task count to set on the service. Default — leave it as it is.',
  },
  {
    name: 'force-new-deployment',
    kind: 'boolean',
    default: 'false',
    group: 'rollout',
    description: 'Start a new deployment even when nothing changed (e.g. to pick up a new image behind a mutable tag).',
  },
  {
    name: 'dry-run',
    kind: 'boolean',
    commands: ['deploy'],
    default: 'false',
    group: 'rollout',
    description:
      'Check everything and show what would change (task definition fields, desired count, deployment configuration) without changing anything: with `build`, no image is built or pushed and no repository created (the log names the image that would be built); nothing is registered or deployed; with `mode: continue` or `rollback-paused`, the paused deployment is named, not resumed. The status is `planned`.',
  },
  {
    name: 'run-task',
    kind: 'text',
    group: 'rollout',
    description:
      "A one-off command run from the new revision before the rollout, e.g. `npm run migrate` (or a JSON array), with the service's network settings; its log lines are streamed, and a non-zero exit of an essential container stops the deployment before the service is updated.",
  },
  {
    name: 'run-task-container',
    movedTo: toConfig('container: web'),
    kind: 'text',
    config: {
      key: 'run-task.container',
      from: 'runTask.container',
      into: 'runTaskContainer',
      shape: 'text',
      read: 'input',
      description: 'The container that runs the command.',
      merge: 'given',
    },
    group: 'rollout',
    description: 'The container that runs `run-task`. Default — the container that gets the image.',
  },
  {
    name: 'artifacts-dir',
    movedTo: toConfig('artifacts-dir: build/codepipeline'),
    kind: 'text',
    config: {
      key: 'artifacts-dir',
      from: 'artifactsDir',
      into: 'artifactsDir',
      shape: 'text',
      read: 'input',
      description: "Write CodePipeline's files (imagedefinitions.json, …) into this directory of the workspace.",
      merge: 'given',
    },
    group: 'reporting',
    description:
      "Write the files CodePipeline's ECS actions read — imagedefinitions.json, and for blue/green imageDetail.json, taskdef.json and appspec.yaml — into this directory (one subdirectory per service when there are several).",
  },
  {
    name: 'wait',
    kind: 'boolean',
    default: 'true',
    group: 'rollout',
    aliases: ['wait-for-service-stability'],
    description: 'Wait for the deployment to finish and fail when it fails.',
  },
  {
    name: 'timeout-minutes',
    kind: 'number',
    commands: ['deploy', 'render', 'diff', 'preview', 'rollback'],
    default: '30',
    range: { min: 0.1, max: 360 },
    group: 'rollout',
    aliases: ['wait-for-minutes'],
    description: 'How long to wait for the deployment before giving up.',
  },
  {
    name: 'rollback-on-failure',
    movedTo: toConfig('rollback-on-failure: false'),
    kind: 'boolean',
    config: {
      key: 'rollback-on-failure',
      from: 'rollbackOnFailure',
      into: 'rollbackOnFailure',
      shape: 'boolean',
      read: 'input',
      description: 'When the action gives up (timeout, cancellation, failed verification), ask ECS to roll back.',
      merge: 'named',
    },
    commands: ['deploy', 'preview'],
    default: 'true',
    group: 'rollout',
    description:
      'When the action gives up (timeout, cancellation, a failed verification), ask ECS to roll back to the previous revision.',
  },
  {
    name: 'deployment-circuit-breaker',
    movedTo: toConfig('deployment-circuit-breaker: rollback'),
    kind: 'text',
    config: {
      key: 'service-settings.deployment-circuit-breaker',
      from: 'circuitBreaker',
      into: 'deploymentCircuitBreaker',
      shape: 'choice',
      read: 'input',
      description: 'keep, rollback (enable with rollback), enable or disable the circuit breaker.',
      merge: 'named',
    },
    default: 'keep',
    choices: ['keep', 'rollback', 'enable', 'disable'],
    group: 'rollout',
    description:
      "`keep` leaves the service's circuit breaker as configured; `rollback` enables it with rollback; `enable` enables it without rollback; `disable` turns it off.",
  },
  {
    name: 'strategy',
    movedTo: toConfig('strategy: canary'),
    kind: 'text',
    config: {
      key: 'strategy',
      from: 'strategy',
      into: 'strategy.strategy',
      shape: 'choice',
      description: 'How the rollout shifts traffic, unless the strategy input names one.',
      merge: 'given',
    },
    choices: ['rolling', 'blue-green', 'canary', 'linear'],
    group: 'rollout',
    description:
      "How the new revision takes over — `rolling`, `blue-green`, `canary` or `linear` — whatever the service's deployment controller: ECS (rolling update, or ECS's own blue/green, canary and linear, which need a load balancer with advancedConfiguration or Service Connect) or CODE_DEPLOY (CodeDeploy's predefined configs, or `codedeploy-config`). Default — the service's own (its configured ECS strategy, or its deployment group's config).",
  },
  {
    name: 'bake-minutes',
    movedTo: toConfig('bake-minutes: 5'),
    kind: 'number',
    config: {
      key: 'bake-minutes',
      from: 'strategyOptions.bakeMinutes',
      into: 'strategy.bakeMinutes',
      shape: 'number',
      description: 'blue-green, canary, linear: minutes both revisions run after production traffic has moved.',
      merge: 'given',
      when: 'same-strategy',
    },
    range: { min: 0, max: 1440, whole: true },
    group: 'rollout',
    strategies: ['blue-green', 'canary', 'linear'],
    description:
      "ECS blue-green, canary, linear — minutes both revisions run after production traffic has moved, before the old one goes (bakeTimeInMinutes). Default — the service's, else 0.",
  },
  {
    name: 'canary-percent',
    movedTo: toConfig('canary-percent: 10'),
    kind: 'number',
    config: {
      key: 'canary-percent',
      from: 'strategyOptions.canaryPercent',
      into: 'strategy.canaryPercent',
      shape: 'number',
      description: 'strategy: canary: % of production traffic the new revision takes first (0.1–100, steps of 0.1).',
      merge: 'given',
      when: 'same-strategy',
    },
    range: { min: 0.1, max: 100, step: 0.1 },
    group: 'rollout',
    strategies: ['canary'],
    description:
      "`strategy: canary` — % of production traffic the new revision takes first (0.1–100, steps of 0.1). ECS's default is 5; CodeDeploy's predefined configs take 10.",
  },
  {
    name: 'canary-bake-minutes',
    movedTo: toConfig('canary-bake-minutes: 10'),
    kind: 'number',
    config: {
      key: 'canary-bake-minutes',
      from: 'strategyOptions.canaryBakeMinutes',
      into: 'strategy.canaryBakeMinutes',
      shape: 'number',
      description: 'strategy: canary: minutes at that share before the rest of the traffic moves.',
      merge: 'given',
      when: 'same-strategy',
    },
    range: { min: 0, max: 1440, whole: true },
    group: 'rollout',
    strategies: ['canary'],
    description:
      "`strategy: canary` — minutes at that share before the rest of the traffic moves. ECS's default is 10; CodeDeploy: 5 or 15.",
  },
  {
    name: 'step-percent',
    movedTo: toConfig('step-percent: 20'),
    kind: 'number',
    config: {
      key: 'step-percent',
      from: 'strategyOptions.stepPercent',
      into: 'strategy.stepPercent',
      shape: 'number',
      description: 'strategy: linear: % of production traffic moved at each step (3–100, steps of 0.1).',
      merge: 'given',
      when: 'same-strategy',
    },
    range: { min: 3, max: 100, step: 0.1 },
    group: 'rollout',
    strategies: ['linear'],
    description:
      "`strategy: linear` — % of production traffic moved at each step (3–100, steps of 0.1). ECS's default is 10; CodeDeploy: 10.",
  },
  {
    name: 'step-bake-minutes',
    movedTo: toConfig('step-bake-minutes: 5'),
    kind: 'number',
    config: {
      key: 'step-bake-minutes',
      from: 'strategyOptions.stepBakeMinutes',
      into: 'strategy.stepBakeMinutes',
      shape: 'number',
      description: 'strategy: linear: minutes between steps.',
      merge: 'given',
      when: 'same-strategy',
    },
    range: { min: 0, max: 1440, whole: true },
    group: 'rollout',
    strategies: ['linear'],
    description: "`strategy: linear` — minutes between steps. ECS's default is 6; CodeDeploy: 1 or 3.",
  },
  {
    name: 'deployment-alarms',
    movedTo: toConfig('deployment-alarms: [web-5xx]'),
    kind: 'lines',
    config: {
      key: 'deployment-alarms',
      from: 'deploymentAlarms',
      into: 'strategy.deploymentAlarms',
      shape: 'alarm-names',
      description: 'CloudWatch alarm names that roll the deployment back (one string or a list).',
      merge: 'non-empty',
    },
    group: 'rollout',
    description:
      "CloudWatch alarm names (comma or newline separated) that roll an ECS deployment back when one goes to ALARM (deploymentConfiguration.alarms, with rollback); the summary names the alarm that fired. Default — leave the service's alarms as they are.",
  },
  {
    name: 'wait-until',
    movedTo: toConfig('wait-until: test-traffic-shifted'),
    kind: 'text',
    config: {
      key: 'wait-until',
      from: 'waitUntil',
      into: 'strategy.waitUntil',
      shape: 'text',
      read: 'input',
      description:
        'Stop following at this point and report paused: test-traffic-shifted (ready), scaled-up, production-traffic-shifted, or a stage ECS can pause at.',
      merge: 'given',
    },
    group: 'rollout',
    description:
      'Stop following at this point and report `paused` (e.g. to run smoke tests against the test listener): `test-traffic-shifted` (alias `ready`), `scaled-up`, `production-traffic-shifted`, or a stage ECS can pause at (PRE_SCALE_UP, POST_SCALE_UP, POST_TEST_TRAFFIC_SHIFT, PRE_PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT). ECS: the action sets a PAUSE lifecycle hook there (without `wait-until` it removes PAUSE hooks); CodeDeploy: only `ready`, and the deployment group must wait for a manual reroute (deploymentReadyOption STOP_DEPLOYMENT).',
  },
  {
    name: 'continue',
    movedTo: mode('mode: continue (continue: rollback is mode: rollback-paused)'),
    kind: 'text',
    commands: ['deploy', 'preview'],
    default: 'false',
    group: 'rollout',
    description:
      "`true` lets the deployment an earlier run left paused go on (ContinueServiceDeployment CONTINUE, or CodeDeploy's ContinueDeployment) and follows it to its end; `rollback` rolls it back. Nothing is built or registered.",
  },
  {
    name: 'on-busy',
    movedTo: toConfig('on-busy: fail'),
    kind: 'text',
    config: {
      key: 'on-busy',
      from: 'onBusy',
      into: 'strategy.onBusy',
      shape: 'choice',
      read: 'input',
      description: 'With another deployment in flight: wait for it, or fail having changed nothing.',
      merge: 'named',
    },
    default: 'wait',
    choices: ['wait', 'fail'],
    group: 'rollout',
    description:
      'When the service already has another deployment in flight — `wait` for it to end (within timeout-minutes), or `fail` having changed nothing. A deployment left paused is never waited for.',
  },
  {
    name: 'appspec',
    movedTo: toConfig('appspec: appspec.yml'),
    kind: 'text',
    config: {
      key: 'codedeploy.appspec',
      from: 'codedeploy.appspec',
      into: 'strategy.appspec',
      shape: 'text',
      read: 'input',
      description: 'Path of an appspec.yml / appspec.json.',
      merge: 'given',
    },
    group: 'rollout',
    strategies: ['codedeploy'],
    aliases: ['codedeploy-appspec'],
    description:
      "CODE_DEPLOY services — path of an appspec.yml / appspec.json (version 0.0, Resources → TargetService → Properties → TaskDefinition, LoadBalancerInfo; Hooks pass through); the new task definition ARN is set into it. Default — one made from the service's load balancer (container name and port).",
  },
  {
    name: 'codedeploy-application',
    movedTo: toConfig('application: AppECS-prod-web'),
    kind: 'text',
    config: {
      key: 'codedeploy.application',
      from: 'codedeploy.application',
      into: 'strategy.codedeployApplication',
      shape: 'text',
      read: 'input',
      description: 'The CodeDeploy application (default AppECS-<cluster>-<service>).',
      merge: 'given',
    },
    group: 'rollout',
    strategies: ['codedeploy'],
    description:
      "CODE_DEPLOY services — the CodeDeploy application. Default — `AppECS-<cluster>-<service>`, the ECS console's name.",
  },
  {
    name: 'codedeploy-deployment-group',
    movedTo: toConfig('deployment-group: DgpECS-prod-web'),
    kind: 'text',
    config: {
      key: 'codedeploy.deployment-group',
      from: 'codedeploy.deploymentGroup',
      into: 'strategy.codedeployDeploymentGroup',
      shape: 'text',
      read: 'input',
      description: 'The deployment group (default DgpECS-<cluster>-<service>).',
      merge: 'given',
    },
    group: 'rollout',
    strategies: ['codedeploy'],
    description:
      "CODE_DEPLOY services — the deployment group. Default — `DgpECS-<cluster>-<service>`, the ECS console's name.",
  },
  {
    name: 'codedeploy-config',
    movedTo: toConfig('config: CodeDeployDefault.ECSCanary10Percent5Minutes'),
    kind: 'text',
    config: {
      key: 'codedeploy.config',
      from: 'codedeploy.config',
      into: 'strategy.codedeployConfig',
      shape: 'text',
      read: 'input',
      description: 'A deployment config by name, instead of the predefined one for strategy.',
      merge: 'given',
    },
    group: 'rollout',
    strategies: ['codedeploy'],
    aliases: ['codedeploy-deployment-config'],
    description:
      'CODE_DEPLOY services — a deployment config by name (e.g. a custom canary), instead of the predefined one for `strategy`.',
  },
  {
    name: 'log-lines',
    movedTo: toConfig('log-lines: 100'),
    kind: 'number',
    config: {
      key: 'log-lines',
      from: 'logLines',
      into: 'logLines',
      shape: 'number',
      read: 'input',
      description: "On failure, how many of the failing container's last log lines to show.",
      merge: 'named',
    },
    commands: ['deploy', 'preview'],
    default: '30',
    range: { min: 0, max: 1000, whole: true },
    group: 'reporting',
    description:
      "On failure, how many of the failing container's last log lines (CloudWatch Logs, awslogs driver) to show.",
  },
  {
    name: 'region',
    kind: 'text',
    config: {
      key: 'region',
      from: 'region',
      into: 'region',
      shape: 'region',
      description: 'AWS region of this environment, like us-east-1.',
      merge: 'given',
    },
    commands: ['deploy', 'render', 'diff', 'preview', 'status', 'rollback', 'init'],
    group: 'target',
    description:
      'AWS region. Default — AWS_REGION / AWS_DEFAULT_REGION from the environment (set by configure-aws-credentials).',
  },
  {
    name: 'environment',
    kind: 'text',
    commands: ['deploy', 'render', 'diff', 'preview', 'plan', 'init'],
    group: 'environments',
    description:
      "The environment to deploy (dev, qa, prod…): with a config file it picks the environment (an entry of the plan's matrix, a workflow_dispatch choice), not chosen again, but outside workflow_dispatch the ref must be one it takes (else skipped); without, it names the GitHub deployment. Templates see it as ${ENVIRONMENT}.",
  },
  {
    name: 'config',
    kind: 'text',
    commands: ['deploy', 'render', 'diff', 'preview', 'plan'],
    group: 'environments',
    description:
      'Path to the environments file mapping branches and tags to environments (cluster, services, template, vars…). Default — `.github/ecs-deploy.yml` when it exists.',
  },
  {
    name: 'preview',
    kind: 'text',
    commands: [],
    choices: ['deploy', 'destroy', 'sweep'],
    group: 'environments',
    description:
      "Pull request preview environments, from the config file's previews section — `deploy` (on opened/synchronize/reopened) creates or updates `<service>-pr-<N>`; `destroy` (on closed) removes it; `sweep` (on a schedule) removes previews of closed pull requests or older than preview-ttl.",
  },
  {
    name: 'preview-ttl',
    movedTo: toConfig('ttl: 3d'),
    kind: 'text',
    commands: ['preview'],
    config: {
      scope: 'previews',
      key: 'ttl',
      from: 'ttl',
      into: 'previewTtl',
      shape: 'duration',
      description: 'Previews older than this are removed by a sweep: 30m, 12h, 7d.',
      merge: 'given',
    },
    group: 'environments',
    description: 'Previews older than this are removed by `preview - sweep` (e.g. 7d, 12h). Overrides previews.ttl.',
  },
  {
    name: 'preview-max',
    movedTo: toConfig('max: 5'),
    kind: 'number',
    commands: ['preview'],
    config: {
      scope: 'previews',
      key: 'max',
      from: 'max',
      into: 'previewMax',
      shape: 'number',
      description: 'At most this many previews at once.',
      merge: 'given',
    },
    range: { min: 1, max: 1000, whole: true },
    group: 'environments',
    description: 'The most previews that may exist at once. Overrides previews.max.',
  },
  {
    name: 'github-token',
    kind: 'text',
    commands: ['deploy', 'preview'],
    default: '${{ github.token }}',
    secret: true,
    group: 'reporting',
    description:
      'Token for GitHub deployment statuses and preview comments (needs deployments and pull-requests write).',
  },
  {
    name: 'build',
    kind: 'text',
    group: 'build',
    description:
      'Docker build context. When set, the image is built, pushed and deployed by digest; when absent, `image` must already exist.',
  },
  {
    name: 'dockerfile',
    kind: 'text',
    commands: ['deploy', 'preview'],
    config: {
      key: 'dockerfile',
      from: 'dockerfile',
      into: 'build.dockerfile',
      shape: 'text',
      description: "Path to the Dockerfile for this environment's builds, when the dockerfile input leaves it out.",
      merge: 'given',
      when: 'build',
    },
    group: 'build',
    description: 'Path to the Dockerfile (default `<build>/Dockerfile`).',
  },
  {
    name: 'build-args',
    kind: 'lines',
    commands: ['deploy', 'preview'],
    config: {
      key: 'build-args',
      from: 'buildArgs',
      into: 'build.buildArgs',
      shape: 'placeholders',
      description: "Build arguments for this environment; the build-args input's win name by name.",
      merge: 'by-name',
      when: 'build',
    },
    group: 'build',
    description: 'Build arguments, one `NAME=value` per line. COMMIT_HASH and GIT_SHA default to the commit.',
  },
  {
    name: 'target',
    kind: 'text',
    commands: ['deploy', 'preview'],
    config: {
      key: 'target',
      from: 'target',
      into: 'build.target',
      shape: 'text',
      description: 'Build stage to target for this environment, when the target input leaves it out.',
      merge: 'given',
      when: 'build',
    },
    group: 'build',
    description: 'Build stage to target.',
  },
  {
    name: 'platforms',
    kind: 'list',
    commands: ['deploy', 'preview'],
    group: 'build',
    description: 'Target platforms, comma separated (needs buildx), e.g. `linux/amd64,linux/arm64`.',
  },
  {
    name: 'tags',
    kind: 'list',
    group: 'build',
    description:
      "Tags to push, comma or newline separated: bare names (`v1`) or full references of `image`'s repository (docker/metadata-action's `tags` output); ${PLACEHOLDERS} as in the template (`sha-${SHORT_SHA}`). Default — the full commit sha and the sanitised branch or tag name.",
  },
  {
    name: 'cache-from',
    kind: 'lines',
    commands: ['deploy', 'preview'],
    group: 'build',
    description:
      'Cache sources for the build, one per line (e.g. `type=registry,ref=<repo>:cache` with buildx, or an image reference).',
  },
  {
    name: 'cache-to',
    kind: 'lines',
    commands: ['deploy', 'preview'],
    group: 'build',
    description: 'Cache destination for buildx builds, one per line.',
  },
  {
    name: 'push',
    movedTo: toConfig('push: false'),
    kind: 'boolean',
    config: {
      key: 'build.push',
      from: 'build.push',
      into: 'build.push',
      shape: 'boolean',
      read: 'input',
      description: 'Push the built image.',
      merge: 'named',
      when: 'build',
    },
    default: 'true',
    group: 'build',
    description: 'Push the built image.',
  },
  {
    name: 'create-repository',
    movedTo: toConfig('create-repository: true'),
    kind: 'boolean',
    config: {
      key: 'build.create-repository',
      from: 'build.createRepository',
      into: 'build.createRepository',
      shape: 'boolean',
      read: 'input',
      description: 'Create the ECR repository when missing.',
      merge: 'named',
      when: 'build',
    },
    default: 'false',
    group: 'build',
    description: 'Create the ECR repository when it does not exist.',
  },
  {
    name: 'scan-on-push',
    movedTo: toConfig('scan-on-push: false'),
    kind: 'boolean',
    config: {
      key: 'build.scan-on-push',
      from: 'build.scanOnPush',
      into: 'build.scanOnPush',
      shape: 'boolean',
      read: 'input',
      description: 'With create-repository, scan on push.',
      merge: 'named',
      when: 'build',
    },
    default: 'true',
    group: 'build',
    description: 'With create-repository, enable image scanning on push.',
  },
  {
    name: 'immutable-tags',
    movedTo: toConfig('immutable-tags: true'),
    kind: 'boolean',
    config: {
      key: 'build.immutable-tags',
      from: 'build.immutableTags',
      into: 'build.immutableTags',
      shape: 'boolean',
      read: 'input',
      description: 'With create-repository, immutable tags.',
      merge: 'named',
      when: 'build',
    },
    default: 'false',
    group: 'build',
    description: 'With create-repository, make tags immutable.',
  },
  {
    name: 'skip-build-if-exists',
    movedTo: toConfig('skip-build-if-exists: false'),
    kind: 'boolean',
    config: {
      key: 'build.skip-build-if-exists',
      from: 'build.skipBuildIfExists',
      into: 'build.skipBuildIfExists',
      shape: 'boolean',
      read: 'input',
      description: "Reuse this commit's image built the same way.",
      merge: 'named',
      when: 'build',
    },
    default: 'true',
    group: 'build',
    description:
      'When an image of this commit built with the same Dockerfile, context, target, build-args, platforms, build secret and SSH ids, provenance and sbom is already in the ECR repository (tag `<sha>-<build key>`, pushed with every build), deploy it instead of building again.',
  },
  {
    name: 'registry-username',
    movedTo: { key: 'docker/login-action', example: LOGIN },
    kind: 'text',
    group: 'build',
    description: 'Username for a registry that is not ECR.',
  },
  {
    name: 'registry-password',
    movedTo: { key: 'docker/login-action', example: LOGIN },
    kind: 'text',
    secret: true,
    group: 'build',
    description: 'Password or token for a registry that is not ECR.',
  },
  {
    name: 'logout',
    movedTo: toConfig('logout: false'),
    kind: 'boolean',
    config: {
      key: 'build.logout',
      from: 'build.logout',
      into: 'build.logout',
      shape: 'boolean',
      read: 'input',
      description: 'Log out of the registry in the post step.',
      merge: 'named',
      when: 'build',
    },
    commands: ['deploy', 'preview'],
    default: 'true',
    group: 'build',
    description: 'Log out of the registry in the post step.',
  },
  // promote
  {
    name: 'promote-from',
    kind: 'text',
    config: {
      key: 'promote-from',
      from: 'promoteFrom',
      into: 'promoteFrom',
      shape: 'environment-name',
      description:
        'Deploy the images another environment of this file runs (by digest), without a build: its cluster, services and region are read; refused while it is mid-rollout.',
      merge: 'given',
    },
    group: 'environments',
    description:
      "Deploy the images another environment of the config file runs, by digest, without a build: each service gets the images of the source environment's service of the same name (else the one at the same position in its services list), per container name, and keeps its own task definition otherwise. Refused while a source service is mid-rollout. Overrides the environment's `promote-from`.",
  },
  // plan
  {
    name: 'mode',
    kind: 'text',
    commands: [],
    default: 'deploy',
    group: 'environments',
    choices: ['deploy', 'plan', 'register-only', 'continue', 'rollback-paused', 'drift'],
    description:
      '`deploy`; `plan`: read the config file and the event, deploy nothing and need no AWS credentials, and output `matrix` (one entry per environment and region this ref deploys, for `strategy.matrix` via `fromJSON`), `any` and `result` (with `environments`), each deploy job then taking one entry, named in `environment`; `register-only`: render, check and register the task definition without deploying any service (for scheduled tasks; with `run-task`, the one-off task runs from it); `continue`: let the deployment an earlier run left paused (`wait-until`) go on and follow it to its end; `rollback-paused`: roll that paused deployment back; `drift`: compare the live service and its running task definition with what the repository files would deploy (the running image unless `image` is given), report each difference and fail the step on drift (output `drift` in `result`; on `pull_request` events, a comment where there is drift, or the earlier one updated), changing nothing.',
  },
  // build
  {
    name: 'labels',
    kind: 'lines',
    group: 'build',
    description:
      "Image labels, one `key=value` per line (docker/metadata-action's `labels` output fits); they win over the action's own OCI labels.",
  },
  {
    name: 'build-secrets',
    kind: 'lines',
    commands: ['deploy', 'preview'],
    secret: true,
    group: 'build',
    description:
      "Build-time secrets (build-push-action's `secrets`), one `id=value` per line (or `id` alone: the value of the environment variable `id`), mounted with `RUN --mount=type=secret,id=<id>`: passed to docker through its environment, never its command line or the image. Not ECS runtime secrets (those are `secrets`).",
  },
  {
    name: 'build-secret-files',
    movedTo: toConfig('secret-files: { npmrc: .npmrc }'),
    kind: 'lines',
    config: {
      key: 'build.secret-files',
      from: 'build.buildSecretFiles',
      into: 'build.buildSecretFiles',
      shape: 'mapping',
      read: 'input',
      description: 'Build secrets from files: id: path (inside the workspace).',
      merge: 'named',
      when: 'build',
    },
    commands: ['deploy', 'preview'],
    group: 'build',
    description:
      "Build-time secrets read from files (build-push-action's `secret-files`), one `id=path` per line, the path inside the workspace.",
  },
  {
    name: 'ssh',
    movedTo: toConfig('ssh: [default]'),
    kind: 'lines',
    config: {
      key: 'build.ssh',
      from: 'build.ssh',
      into: 'build.ssh',
      shape: 'strings',
      read: 'input',
      description: 'SSH agent sockets or keys: default, or id=path.',
      merge: 'named',
      when: 'build',
    },
    commands: ['deploy', 'preview'],
    group: 'build',
    description:
      "SSH agent sockets or keys for the build (`RUN --mount=type=ssh`), one per line: `default` (the runner's SSH agent, at `SSH_AUTH_SOCK`) or `id=path`.",
  },
  {
    name: 'provenance',
    movedTo: toConfig('provenance: false'),
    kind: 'text',
    config: {
      key: 'build.provenance',
      from: 'build.provenance',
      into: 'build.provenance',
      shape: 'flag-or-text',
      read: 'input',
      description: 'buildx --provenance: false, true, mode=min or mode=max.',
      merge: 'named',
      when: 'build',
    },
    commands: ['deploy', 'preview'],
    group: 'build',
    description:
      "Provenance attestation (buildx `--provenance`): `false`, `true`, `mode=min` or `mode=max`. Default — buildx's own. `false` pushes a plain image, without the image index whose attestation entries show in ECR as untagged images. Needs docker buildx, except `false`.",
  },
  {
    name: 'sbom',
    movedTo: toConfig('sbom: true'),
    kind: 'text',
    config: {
      key: 'build.sbom',
      from: 'build.sbom',
      into: 'build.sbom',
      shape: 'flag-or-text',
      read: 'input',
      description: 'buildx --sbom: true or false.',
      merge: 'named',
      when: 'build',
    },
    commands: ['deploy', 'preview'],
    group: 'build',
    description:
      'SBOM attestation (buildx `--sbom`): `true` or `false`. Default — none. Needs docker buildx, except `false`.',
  },
  {
    name: 'no-cache',
    movedTo: toConfig('no-cache: true'),
    kind: 'boolean',
    config: {
      key: 'build.no-cache',
      from: 'build.noCache',
      into: 'build.noCache',
      shape: 'boolean',
      read: 'input',
      description: 'Build without the layer cache.',
      merge: 'named',
      when: 'build',
    },
    commands: ['deploy', 'preview'],
    default: 'false',
    group: 'build',
    description: 'Build without using any cached layer (`--no-cache`).',
  },
  {
    name: 'pull',
    movedTo: toConfig('pull: true'),
    kind: 'boolean',
    config: {
      key: 'build.pull',
      from: 'build.pull',
      into: 'build.pull',
      shape: 'boolean',
      read: 'input',
      description: 'Always pull newer base images.',
      merge: 'named',
      when: 'build',
    },
    commands: ['deploy', 'preview'],
    default: 'false',
    group: 'build',
    description: 'Always pull newer versions of the base images (`--pull`).',
  },
  // verify
  {
    name: 'verify-url',
    movedTo: toConfig('url: https://example.com/health'),
    kind: 'lines',
    config: {
      key: 'verify.url',
      from: 'verify.urls',
      into: 'verify.urls',
      shape: 'urls',
      description: 'URL(s) the release must answer once the deployment succeeded; ${PLACEHOLDERS} allowed.',
      merge: 'non-empty',
    },
    group: 'rollout',
    description:
      'URL(s) the released service must answer once the deployment succeeded, one a line; ${PLACEHOLDERS} are filled in (`https://${ENVIRONMENT}.example.com/version`) as a host name label or path segment, never changing the scheme, host or port. A check that fails within `verify-timeout` fails the run and, with `rollback-on-failure`, redeploys the previous revision.',
  },
  {
    name: 'verify-test-url',
    movedTo: toConfig('test-url: http://lb:8080/health'),
    kind: 'lines',
    config: {
      key: 'verify.test-url',
      from: 'verify.testUrls',
      into: 'verify.testUrls',
      shape: 'urls',
      description:
        'URL(s) of the test listener, checked before production traffic shifts (blue/green, canary, linear, CodeDeploy).',
      merge: 'non-empty',
    },
    group: 'rollout',
    strategies: ['blue-green', 'canary', 'linear', 'codedeploy'],
    description:
      "URL(s) of the load balancer's test listener, checked as soon as it routes to the new revision (ECS blue/green, canary, linear: POST_TEST_TRAFFIC_SHIFT; CodeDeploy: Ready / after AllowTestTraffic); a failure rolls the deployment back.",
  },
  {
    name: 'verify-expect',
    movedTo: toConfig('expect: 200'),
    kind: 'text',
    config: {
      key: 'verify.expect',
      from: 'verify.expect',
      into: 'verify.expect',
      shape: 'text',
      description: 'A status code, /regex/, `$.path == value` or a substring of the body.',
      merge: 'given',
    },
    group: 'rollout',
    description:
      'What each verify URL must answer: a status code (`204`), `/regular expression/`, a JSON path check (`$.version == ${GITHUB_SHA}`) or a substring of the body; anything but a status code also needs a 2xx answer. Default: any 2xx answer.',
  },
  {
    name: 'verify-headers',
    kind: 'lines',
    secret: true,
    group: 'rollout',
    description:
      'Request headers for the verify URLs, one `Name: value` a line (masked: e.g. `Authorization: Bearer …`).',
  },
  {
    name: 'verify-timeout',
    movedTo: toConfig('timeout: 120'),
    kind: 'number',
    config: {
      key: 'verify.timeout',
      from: 'verify.timeoutSeconds',
      into: 'verify.timeoutSeconds',
      shape: 'seconds',
      description: 'Seconds each URL has to answer as expected.',
      merge: 'given',
    },
    default: '60',
    range: { min: 1, max: 3600 },
    group: 'rollout',
    description: 'Seconds each verify URL has to answer as expected (it is asked again every `verify-interval`).',
  },
  {
    name: 'verify-interval',
    movedTo: toConfig('interval: 10'),
    kind: 'number',
    config: {
      key: 'verify.interval',
      from: 'verify.intervalSeconds',
      into: 'verify.intervalSeconds',
      shape: 'seconds',
      description: 'Seconds between two requests to a URL.',
      merge: 'given',
    },
    default: '5',
    range: { min: 0.1, max: 600 },
    group: 'rollout',
    description: 'Seconds between two requests to a verify URL that did not answer as expected yet.',
  },
  {
    name: 'verify-command',
    movedTo: toConfig('command: npm run smoke'),
    kind: 'text',
    config: {
      key: 'verify.command',
      from: 'verify.command',
      into: 'verify.command',
      shape: 'text',
      description:
        'A smoke test command (no shell), with VERIFY_URL, DEPLOYED_IMAGE and every placeholder in its environment (never in its text).',
      merge: 'given',
    },
    group: 'rollout',
    description:
      'A command run after the URL checks (smoke tests), as arguments (no shell: write `bash -c "…"` for one); it sees VERIFY_URL, VERIFY_URLS, VERIFY_STAGE (`test` or `production`), DEPLOYED_IMAGE, DEPLOYED_TASK_DEFINITION, ECS_CLUSTER, ECS_SERVICE and every placeholder as environment variables (`bash -c \'echo "$REF_NAME"\'`); a ${PLACEHOLDER} in its text is refused. A non-zero exit fails the verification.',
  },
  // analysis
  {
    name: 'analysis',
    kind: 'text',
    config: {
      key: 'analysis.checks',
      from: 'analysis.checks',
      into: 'analysis.checks',
      shape: 'analysis-checks',
      description:
        'The checks of the canary analysis, one a line or a list: `5xx-rate < 1%`, `p99 < +20%` (relative to the old revision), `healthy-hosts >= 2`, `Sum(MyApp/Errors) < 5`, `expr(100 * errors / requests) < 2`.',
      merge: 'given',
    },
    group: 'rollout',
    commands: ['deploy'],
    description:
      "Canary analysis: the release's metrics checked during each bake, comma separated (`5xx-rate < 1%, p99 < +20%`); a failing check rolls the deployment back, naming it. The environment's `analysis:` block sets the interval, the minimum sample and what an inconclusive analysis does (docs/analysis.md).",
  },
  // service
  {
    name: 'minimum-healthy-percent',
    movedTo: toConfig('minimum-healthy-percent: 100'),
    kind: 'number',
    config: {
      key: 'service-settings.minimum-healthy-percent',
      from: 'serviceSettings.minimumHealthyPercent',
      into: 'serviceSettings.minimumHealthyPercent',
      shape: 'number',
      description: 'deploymentConfiguration.minimumHealthyPercent.',
      merge: 'given',
    },
    range: { min: 0, max: 100, whole: true },
    group: 'rollout',
    description:
      "The service's minimum healthy percent during a deployment (deploymentConfiguration.minimumHealthyPercent). Default — leave it as it is.",
  },
  {
    name: 'maximum-percent',
    movedTo: toConfig('maximum-percent: 200'),
    kind: 'number',
    config: {
      key: 'service-settings.maximum-percent',
      from: 'serviceSettings.maximumPercent',
      into: 'serviceSettings.maximumPercent',
      shape: 'number',
      description: 'deploymentConfiguration.maximumPercent (above the minimum).',
      merge: 'given',
    },
    range: { min: 100, max: 2147483647, whole: true },
    group: 'rollout',
    description:
      "The service's maximum percent during a deployment (deploymentConfiguration.maximumPercent); it must stay above the minimum healthy percent. Default — leave it as it is.",
  },
  {
    name: 'health-check-grace-period',
    movedTo: toConfig('health-check-grace-period: 60'),
    kind: 'number',
    config: {
      key: 'service-settings.health-check-grace-period',
      from: 'serviceSettings.healthCheckGracePeriodSeconds',
      into: 'serviceSettings.healthCheckGracePeriodSeconds',
      shape: 'number',
      description: 'healthCheckGracePeriodSeconds.',
      merge: 'given',
    },
    range: { min: 0, max: 2147483647, whole: true },
    group: 'rollout',
    description:
      'Seconds ECS ignores failing load balancer and container health checks of a new task (healthCheckGracePeriodSeconds). Default — leave it as it is.',
  },
  {
    name: 'propagate-tags',
    movedTo: toConfig('propagate-tags: SERVICE'),
    kind: 'text',
    config: {
      key: 'service-settings.propagate-tags',
      from: 'serviceSettings.propagateTags',
      into: 'serviceSettings.propagateTags',
      shape: 'upper-choice',
      description: 'Where tasks take their tags from.',
      merge: 'given',
    },
    choices: ['service', 'task_definition', 'none'],
    group: 'rollout',
    description:
      "Where the service's tasks take their tags from: `SERVICE`, `TASK_DEFINITION` or `NONE`. Default — leave it as it is.",
  },
  {
    name: 'enable-ecs-managed-tags',
    movedTo: toConfig('enable-ecs-managed-tags: true'),
    kind: 'text',
    config: {
      key: 'service-settings.enable-ecs-managed-tags',
      from: 'serviceSettings.enableECSManagedTags',
      into: 'serviceSettings.enableECSManagedTags',
      shape: 'boolean',
      description: 'ECS tags tasks with the cluster and service names.',
      merge: 'given',
    },
    choices: ['true', 'false'],
    group: 'rollout',
    description:
      "`true` or `false`: ECS tags the service's tasks with the cluster and service names. Default — leave it as it is.",
  },
  {
    name: 'enable-execute-command',
    movedTo: toConfig('enable-execute-command: true'),
    kind: 'text',
    config: {
      key: 'service-settings.enable-execute-command',
      from: 'serviceSettings.enableExecuteCommand',
      into: 'serviceSettings.enableExecuteCommand',
      shape: 'boolean',
      description: 'ECS Exec into the tasks.',
      merge: 'given',
    },
    choices: ['true', 'false'],
    group: 'rollout',
    description:
      "`true` or `false`: ECS Exec into the service's tasks (the task role needs the SSM permissions). Default — leave it as it is.",
  },
  {
    name: 'capacity-provider-strategy',
    movedTo: toConfig('capacity-provider-strategy: [FARGATE_SPOT:3]'),
    kind: 'text',
    config: {
      key: 'service-settings.capacity-provider-strategy',
      from: 'serviceSettings.capacityProviderStrategy',
      into: 'serviceSettings.capacityProviderStrategy',
      shape: 'capacity-providers',
      description: 'name:weight:base items (weight and base optional); one base above 0 at most.',
      merge: 'given',
    },
    group: 'rollout',
    description:
      "The service's capacity provider strategy: `name:weight:base` lines (weight and base optional, e.g. `FARGATE:1:2` and `FARGATE_SPOT:3`) or a JSON array of `{capacityProvider, weight, base}`. Not for CODE_DEPLOY services. Default — leave it as it is.",
  },
  {
    name: 'volume-configurations',
    movedTo: toConfig('volume-configurations: [{ name: data, … }]'),
    kind: 'text',
    config: {
      key: 'service-settings.volume-configurations',
      from: 'serviceSettings.volumeConfigurations',
      into: 'serviceSettings.volumeConfigurations',
      shape: 'objects',
      description: 'EBS volumes attached at launch, as UpdateService takes them ([] removes them).',
      merge: 'given',
    },
    group: 'rollout',
    description:
      'EBS volumes attached at launch, as UpdateService takes them: a JSON array of `{"name": …, "managedEBSVolume": {"roleArn": …, "sizeInGiB": …}}` naming task definition volumes with `configuredAtLaunch: true`; `[]` removes them. Not for CODE_DEPLOY services. Default — leave them as they are.',
  },
  {
    name: 'task-definition-arn',
    kind: 'text',
    group: 'task-definition',
    description:
      'Deploy this registered revision as it is (`family:revision` or its ARN), for task definitions another tool owns (Terraform, CDK): nothing is rendered or registered. It must be ACTIVE; its images are checked like `image`. Not with `task-definition`, `build`, `image`, `environment-variables` or `secrets`.',
  },
  {
    name: 'register-only',
    movedTo: mode('mode: register-only'),
    kind: 'boolean',
    default: 'false',
    group: 'task-definition',
    description:
      'Render, check and register `task-definition` (with the image, built or given) without deploying any service — for scheduled tasks and EventBridge targets; the `task-definition-arn` output is the revision. With `run-task`, the one-off task then runs from it.',
  },
  {
    name: 'keep-revisions',
    movedTo: toConfig('keep-revisions: 10'),
    kind: 'number',
    config: {
      key: 'keep-revisions',
      from: 'keepRevisions',
      into: 'keepRevisions',
      shape: 'number',
      read: 'input',
      description:
        "After a successful deploy, deregister the family's ACTIVE revisions beyond the newest N (never one in use).",
      merge: 'given',
    },
    commands: ['deploy', 'preview'],
    range: { min: 1, max: 1000, whole: true },
    group: 'task-definition',
    description:
      "After a successful deploy, deregister the family's older ACTIVE revisions beyond the newest N — never one that a service of the cluster still runs or is deploying. Default — keep them all.",
  },
  {
    name: 'run-task-count',
    movedTo: toConfig('count: 2'),
    kind: 'number',
    config: {
      key: 'run-task.count',
      from: 'runTask.count',
      into: 'runTaskOptions.count',
      shape: 'number',
      read: 'input',
      description: 'How many tasks to start.',
      merge: 'given',
    },
    range: { min: 1, max: 10, whole: true },
    group: 'rollout',
    description: 'How many one-off tasks `run-task` starts (each must exit 0). Default 1.',
  },
  {
    name: 'run-task-launch-type',
    movedTo: toConfig('launch-type: FARGATE'),
    kind: 'text',
    config: {
      key: 'run-task.launch-type',
      from: 'runTask.launchType',
      into: 'runTaskOptions.launchType',
      shape: 'text',
      read: 'input',
      description: 'FARGATE, EC2 or EXTERNAL.',
      merge: 'given',
    },
    choices: ['fargate', 'ec2', 'external'],
    group: 'rollout',
    description:
      "The one-off task's launch type: `FARGATE`, `EC2` or `EXTERNAL`. Default — the service's, else the cluster's default capacity provider strategy.",
  },
  {
    name: 'run-task-capacity-provider-strategy',
    movedTo: toConfig('capacity-provider-strategy: [FARGATE]'),
    kind: 'text',
    config: {
      key: 'run-task.capacity-provider-strategy',
      from: 'runTask.capacityProviderStrategy',
      into: 'runTaskOptions.capacityProviderStrategy',
      shape: 'json-list',
      read: 'input',
      description: 'name:weight:base items, or {capacityProvider, weight, base} objects.',
      merge: 'given',
    },
    group: 'rollout',
    description:
      "The one-off task's capacity provider strategy, written like `capacity-provider-strategy`; not with `run-task-launch-type`. Default — the service's.",
  },
  {
    name: 'run-task-subnets',
    movedTo: toConfig('subnets: [subnet-0abc]'),
    kind: 'list',
    config: {
      key: 'run-task.subnets',
      from: 'runTask.subnets',
      into: 'runTaskOptions.subnets',
      shape: 'strings',
      read: 'input',
      description: 'Subnet IDs (awsvpc).',
      merge: 'given',
    },
    group: 'rollout',
    description:
      "Subnet IDs for the one-off task (awsvpc), comma separated; needed for a task on its own whose task definition uses awsvpc. Default — the service's.",
  },
  {
    name: 'run-task-security-groups',
    movedTo: toConfig('security-groups: [sg-0abc]'),
    kind: 'list',
    config: {
      key: 'run-task.security-groups',
      from: 'runTask.securityGroups',
      into: 'runTaskOptions.securityGroups',
      shape: 'strings',
      read: 'input',
      description: 'Security group IDs.',
      merge: 'given',
    },
    group: 'rollout',
    description: "Security group IDs for the one-off task, comma separated. Default — the service's.",
  },
  {
    name: 'run-task-assign-public-ip',
    movedTo: toConfig('assign-public-ip: ENABLED'),
    kind: 'text',
    config: {
      key: 'run-task.assign-public-ip',
      from: 'runTask.assignPublicIp',
      into: 'runTaskOptions.assignPublicIp',
      shape: 'text',
      read: 'input',
      description: 'ENABLED or DISABLED.',
      merge: 'given',
    },
    choices: ['enabled', 'disabled'],
    group: 'rollout',
    description: "`ENABLED` or `DISABLED`: a public IP for the one-off task (awsvpc). Default — the service's.",
  },
  {
    name: 'run-task-tags',
    movedTo: toConfig('tags: { team: web }'),
    kind: 'lines',
    config: {
      key: 'run-task.tags',
      from: 'runTask.tags',
      into: 'runTaskOptions.tags',
      shape: 'tags',
      read: 'input',
      description: 'Tags: key: value, or a list of {key, value}.',
      merge: 'given',
    },
    group: 'rollout',
    description:
      'Tags for the one-off task, one `KEY=value` per line, or a JSON array of `{"key": …, "value": …}` (as the official action takes them).',
  },
  {
    name: 'run-task-overrides',
    movedTo: toConfig('overrides: { cpu: "512" }'),
    kind: 'text',
    config: {
      key: 'run-task.overrides',
      from: 'runTask.overrides',
      into: 'runTaskOptions.overrides',
      shape: 'json-object',
      read: 'input',
      description: "RunTask's overrides (cpu, memory, roles, containerOverrides…).",
      merge: 'given',
    },
    group: 'rollout',
    description:
      "RunTask's `overrides` as JSON (cpu, memory, taskRoleArn, executionRoleArn, ephemeralStorage, containerOverrides); `run-task` is set as the command of `run-task-container`.",
  },
]

/** The setting of this name (an action input or a CLI flag), if there is one. */
export function settingNamed(name: string): Setting | undefined {
  return SETTINGS.find((s) => s.name === name)
}

/** The settings an environment (or the previews section) of the config file may set, with their keys. */
export function configSettings(scope: 'environment' | 'previews'): { name: string; config: ConfigKey }[] {
  return SETTINGS.flatMap(({ name, config }) =>
    config && (config.scope ?? 'environment') === scope ? [{ name, config }] : [],
  )
}

/**
 * The config settings whose keys are in one block of an environment (`verify`; `''`: its top level) or of the previews
 * section, each with its key inside that block, in the table's order.
 */
export function configSettingsIn(
  scope: 'environment' | 'previews',
  block = '',
): { name: string; config: ConfigKey; key: string }[] {
  return configSettings(scope).flatMap(({ name, config }) => {
    const [first, rest] = config.key.split('.') as [string, string | undefined]
    const key = block === '' ? (rest === undefined ? first : undefined) : first === block ? rest : undefined
    return key === undefined ? [] : [{ name, config, key }]
  })
}

/** The settings group by group, in SETTING_GROUPS' order (within a group, the table's order). */
export function groupedSettings(): { group: SettingGroup; heading: string; settings: Setting[] }[] {
  return (Object.keys(SETTING_GROUPS) as SettingGroup[]).map((group) => ({
    group,
    heading: SETTING_GROUPS[group],
    settings: SETTINGS.filter((s) => s.group === group),
  }))
}

/** What a setting's value is, as action.yml's descriptions end and the README's Type column says. */
export function settingType(setting: Setting): string {
  const { kind, range, choices } = setting
  if (choices) return `one of: ${choices.join(', ')}`
  if (range) return `${range.whole ? 'whole number' : 'number'}, ${range.min}–${range.max}`
  const kinds: Record<SettingKind, string> = {
    text: 'string',
    boolean: 'boolean',
    number: 'number',
    list: 'list: comma or newline separated',
    lines: 'lines: one item a line',
  }
  return kinds[kind]
}

/** Whether a setting takes several values: a line input (one item a line) or a list, which the CLI lets you repeat. */
export function isRepeatable(setting: Pick<Setting, 'kind'>): boolean {
  return setting.kind === 'lines' || setting.kind === 'list'
}

/** The one line action.yml's deprecationMessage and the errors share; `what`: `Flag` for the CLI's `--name`. */
export function movedText(name: string, to: MovedTo, what = 'Input'): string {
  const given = `${what} \`${name}\``
  if (to.key === 'docker/login-action') return `${given} was removed: log in with ${to.example}.`
  if (to.key.startsWith('the ')) return `${given} is now ${to.key}: write \`${to.example}\`.`
  return `${given} moved to the config file, key \`${to.key}\`: e.g. \`${to.example}\`.`
}

/**
 * The one message for the moved settings among `names`, given as the action's inputs or as the CLI's flags (those
 * that moved to the config file): each with its new place and an example; undefined when none moved.
 */
export function movedMessage(names: readonly string[], as: 'input' | 'flag'): string | undefined {
  const flag = as === 'flag'
  const lines = Object.entries(movedInputs(flag))
    .filter(([name]) => names.includes(name))
    .map(([name, to]) => (flag ? movedText(`--${name}`, to, 'Flag') : movedText(name, to)))
  if (!lines.length) return undefined
  return `${lines.join(' ')} The config file is .github/ecs-deploy.yml (or ${flag ? '--config' : 'the `config` input'}); docs/migration.md lists every move.`
}

/**
 * Each input that moved, by the name a workflow gives it (a setting's own, or an alias), with its new place;
 * `configOnly`: only those that are config-file keys now (not `mode`, not a docker login: the CLI keeps those as flags).
 */
export function movedInputs(configOnly = false): Record<string, MovedTo> {
  return Object.fromEntries(
    SETTINGS.flatMap((s) => {
      const to = movedPlace(s)
      if (!to || (configOnly && s.movedTo && 'key' in s.movedTo)) return []
      return [s.name, ...(s.aliases ?? [])].map((n) => [n, to])
    }),
  )
}

/** Where a setting moved: its `movedTo`, or for one that moved to its config key, that key with the example in its block. */
export function movedPlace({ name, movedTo, config }: Setting): MovedTo | undefined {
  if (!movedTo || 'key' in movedTo) return movedTo
  if (!config) throw new Error(`settings/table.ts: \`${name}\` moved to the config file but has no config key`)
  if (config.scope === 'previews') return { key: `previews.${config.key}`, example: `previews: { ${movedTo.example} }` }
  const block = config.key.includes('.') ? config.key.split('.')[0] : undefined
  const example = block === undefined ? movedTo.example : `${block}: { ${movedTo.example} }`
  return { key: `environments.<name>.${config.key}`, example }
}

// Inputs that left the step for the config file (or became a `mode`): each stays declared in action.yml with a
// deprecationMessage for one major version, and a workflow that still gives one fails with its new place, instead of
// the runner's mere "Unexpected input" warning and a deployment that silently ignores it.
// It imports nothing, so scripts/readme-inputs.mjs can read it alone (as it reads table.ts).

/** Where a moved input lives now: `key` is a config-file key path, `example` a line that sets it. */
export interface MovedTo {
  key: string
  example: string
}

const env = (key: string, example: string): MovedTo => ({ key: `environments.<name>.${key}`, example })
const block = (name: string, key: string, example: string): MovedTo => ({
  key: `environments.<name>.${name}.${key}`,
  example: `${name}: { ${example} }`,
})
const service = (key: string, example: string): MovedTo => block('service-settings', key, example)
const runTask = (key: string, example: string): MovedTo => block('run-task', key, example)
const codedeploy = (key: string, example: string): MovedTo => block('codedeploy', key, example)
const build = (key: string, example: string): MovedTo => block('build', key, example)
const verify = (key: string, example: string): MovedTo => block('verify', key, example)
const mode = (example: string): MovedTo => ({ key: 'the `mode` input', example })
const LOGIN = 'a docker/login-action step before this one (the action pushes with docker’s own login)'

/** Each moved input (and moved official alias) by its name, in the order docs/migration.md lists them. */
export const MOVED_INPUTS: Readonly<Record<string, MovedTo>> = {
  // task definition
  vars: env('vars', 'vars: { LOG_LEVEL: debug }'),
  'register-only': mode('mode: register-only'),
  'keep-revisions': env('keep-revisions', 'keep-revisions: 10'),
  // the service's shape
  'desired-count': env('desired-count', 'desired-count: 3'),
  'minimum-healthy-percent': service('minimum-healthy-percent', 'minimum-healthy-percent: 100'),
  'maximum-percent': service('maximum-percent', 'maximum-percent: 200'),
  'health-check-grace-period': service('health-check-grace-period', 'health-check-grace-period: 60'),
  'deployment-circuit-breaker': service('deployment-circuit-breaker', 'deployment-circuit-breaker: rollback'),
  'propagate-tags': service('propagate-tags', 'propagate-tags: SERVICE'),
  'enable-ecs-managed-tags': service('enable-ecs-managed-tags', 'enable-ecs-managed-tags: true'),
  'enable-execute-command': service('enable-execute-command', 'enable-execute-command: true'),
  'capacity-provider-strategy': service('capacity-provider-strategy', 'capacity-provider-strategy: [FARGATE_SPOT:3]'),
  'volume-configurations': service('volume-configurations', 'volume-configurations: [{ name: data, … }]'),
  'deployment-alarms': env('deployment-alarms', 'deployment-alarms: [web-5xx]'),
  // strategy and rollout
  strategy: env('strategy', 'strategy: canary'),
  'bake-minutes': env('bake-minutes', 'bake-minutes: 5'),
  'canary-percent': env('canary-percent', 'canary-percent: 10'),
  'canary-bake-minutes': env('canary-bake-minutes', 'canary-bake-minutes: 10'),
  'step-percent': env('step-percent', 'step-percent: 20'),
  'step-bake-minutes': env('step-bake-minutes', 'step-bake-minutes: 5'),
  'wait-until': env('wait-until', 'wait-until: test-traffic-shifted'),
  continue: mode('mode: continue (continue: rollback is mode: rollback-paused)'),
  'on-busy': env('on-busy', 'on-busy: fail'),
  'rollback-on-failure': env('rollback-on-failure', 'rollback-on-failure: false'),
  appspec: codedeploy('appspec', 'appspec: appspec.yml'),
  'codedeploy-appspec': codedeploy('appspec', 'appspec: appspec.yml'),
  'codedeploy-application': codedeploy('application', 'application: AppECS-prod-web'),
  'codedeploy-deployment-group': codedeploy('deployment-group', 'deployment-group: DgpECS-prod-web'),
  'codedeploy-config': codedeploy('config', 'config: CodeDeployDefault.ECSCanary10Percent5Minutes'),
  'codedeploy-deployment-config': codedeploy('config', 'config: CodeDeployDefault.ECSCanary10Percent5Minutes'),
  // the one-off task
  'run-task-container': runTask('container', 'container: web'),
  'run-task-count': runTask('count', 'count: 2'),
  'run-task-launch-type': runTask('launch-type', 'launch-type: FARGATE'),
  'run-task-capacity-provider-strategy': runTask('capacity-provider-strategy', 'capacity-provider-strategy: [FARGATE]'),
  'run-task-subnets': runTask('subnets', 'subnets: [subnet-0abc]'),
  'run-task-security-groups': runTask('security-groups', 'security-groups: [sg-0abc]'),
  'run-task-assign-public-ip': runTask('assign-public-ip', 'assign-public-ip: ENABLED'),
  'run-task-tags': runTask('tags', 'tags: { team: web }'),
  'run-task-overrides': runTask('overrides', 'overrides: { cpu: "512" }'),
  // verification
  'verify-url': verify('url', 'url: https://example.com/health'),
  'verify-test-url': verify('test-url', 'test-url: http://lb:8080/health'),
  'verify-expect': verify('expect', 'expect: 200'),
  'verify-timeout': verify('timeout', 'timeout: 120'),
  'verify-interval': verify('interval', 'interval: 10'),
  'verify-command': verify('command', 'command: npm run smoke'),
  // the rarely used build switches
  push: build('push', 'push: false'),
  'create-repository': build('create-repository', 'create-repository: true'),
  'scan-on-push': build('scan-on-push', 'scan-on-push: false'),
  'immutable-tags': build('immutable-tags', 'immutable-tags: true'),
  'skip-build-if-exists': build('skip-build-if-exists', 'skip-build-if-exists: false'),
  'build-secret-files': build('secret-files', 'secret-files: { npmrc: .npmrc }'),
  ssh: build('ssh', 'ssh: [default]'),
  provenance: build('provenance', 'provenance: false'),
  sbom: build('sbom', 'sbom: true'),
  'no-cache': build('no-cache', 'no-cache: true'),
  pull: build('pull', 'pull: true'),
  logout: build('logout', 'logout: false'),
  'registry-username': { key: 'docker/login-action', example: LOGIN },
  'registry-password': { key: 'docker/login-action', example: LOGIN },
  // reporting and previews
  'log-lines': env('log-lines', 'log-lines: 100'),
  'artifacts-dir': env('artifacts-dir', 'artifacts-dir: build/codepipeline'),
  'preview-ttl': { key: 'previews.ttl', example: 'previews: { ttl: 3d }' },
  'preview-max': { key: 'previews.max', example: 'previews: { max: 5 }' },
}

/** The one line action.yml's deprecationMessage and the error share. */
export function movedText(name: string, to: MovedTo): string {
  if (to.key === 'docker/login-action') return `Input \`${name}\` was removed: log in with ${to.example}.`
  if (to.key.startsWith('the ')) return `Input \`${name}\` is now ${to.key}: write \`${to.example}\`.`
  return `Input \`${name}\` moved to the config file, key \`${to.key}\`: e.g. \`${to.example}\`.`
}

// A workflow moved from the official aws-actions ECS actions: their names for our settings are aliases, and a value
// that only makes sense in their meaning of a name we share is an error saying what to write instead.
import { readFileSync } from 'node:fs'
import { getInputs, type InputReader } from '../src/settings/inputs.js'
import { SETTINGS } from '../src/settings/table.js'

function run(values: Record<string, string>): { inputs: ReturnType<typeof getInputs>; said: string[] } {
  const said: string[] = []
  const log = {
    info: (text: string) => void said.push(text),
    warning: (text: string) => void said.push(`warning: ${text}`),
    secret: () => undefined,
  }
  const read: InputReader = (name) => values[name] ?? ''
  return { inputs: getInputs(read, log), said }
}
const inputsOf = (values: Record<string, string>) => run({ service: 'web', ...values }).inputs

describe('the official names are aliases, parsed as their setting', () => {
  test('container-name, wait-for-service-stability, wait-for-minutes, codedeploy-appspec, codedeploy-deployment-config', () => {
    const inputs = inputsOf({
      'container-name': 'web,sidecar',
      'wait-for-service-stability': 'false',
      'wait-for-minutes': '12',
      'codedeploy-appspec': 'appspec.yaml',
      'codedeploy-deployment-config': 'CodeDeployDefault.ECSAllAtOnce',
    })
    expect(inputs.containers).toEqual(['web', 'sidecar'])
    expect(inputs.wait).toBe(false)
    expect(inputs.timeoutMinutes).toBe(12)
    expect(inputs.strategy.appspec).toBe('appspec.yaml')
    expect(inputs.strategy.codedeployConfig).toBe('CodeDeployDefault.ECSAllAtOnce')
  })

  test("an alias's value is checked like its setting's, under the alias's setting name", () => {
    expect(() => inputsOf({ 'wait-for-minutes': '400' })).toThrow(
      'Input `timeout-minutes` must be a number from 0.1 to 360, not "400".',
    )
    expect(() => inputsOf({ 'wait-for-service-stability': 'yes' })).toThrow(
      'Input `wait` must be true or false, not "yes".',
    )
  })

  test('each alias used is said once, with the name to use instead', () => {
    const { said } = run({ service: 'web', 'wait-for-minutes': '12', 'container-name': 'web' })
    expect(said).toEqual([
      'Input `container-name` is read as `container`, its name in this action.',
      'Input `wait-for-minutes` is read as `timeout-minutes`, its name in this action.',
    ])
  })

  test('the setting given alone, or with its alias at the same value, is read as usual', () => {
    expect(inputsOf({ 'timeout-minutes': '5' }).timeoutMinutes).toBe(5)
    expect(inputsOf({ 'timeout-minutes': '5', 'wait-for-minutes': '5' }).timeoutMinutes).toBe(5)
    expect(inputsOf({ wait: 'false', 'wait-for-service-stability': 'FALSE' }).wait).toBe(false)
    expect(inputsOf({}).timeoutMinutes).toBe(30)
  })

  test('a setting and its alias with different values is an error naming both', () => {
    expect(() => inputsOf({ wait: 'false', 'wait-for-service-stability': 'true' })).toThrow(
      "Inputs `wait` and `wait-for-service-stability` (its official actions' name) are both given, with different values: give only `wait`.",
    )
    expect(() => inputsOf({ container: 'web', 'container-name': 'app' })).toThrow(
      "Inputs `container` and `container-name` (its official actions' name) are both given, with different values: give only `container`.",
    )
  })
})

describe('a value in the official meaning of a name we share', () => {
  const RUN_TASK_SWITCH = (value: string) =>
    `Input \`run-task\` is the command of a one-off task run before the rollout (e.g. \`run-task: npm run migrate\`), not a switch: "${value}" would run the command \`${value}\`. ` +
    "To run a migration, give its command; for amazon-ecs-deploy-task-definition's `run-task: true` (a standalone task), see README: One-off tasks. To run nothing, leave `run-task` out."

  test.each(['true', 'false', 'TRUE', ' yes '])('run-task: %j is an error, not the command', (value) => {
    expect(() => inputsOf({ 'run-task': value })).toThrow(RUN_TASK_SWITCH(value.trim()))
  })

  test('run-task with a command is the command', () => {
    expect(inputsOf({ 'run-task': 'npm run migrate' }).runTask).toBe('npm run migrate')
    expect(inputsOf({ 'run-task': 'true-migrate' }).runTask).toBe('true-migrate')
  })

  test("task-definition: a registered revision's ARN is an error; a path is a path", () => {
    expect(() => inputsOf({ 'task-definition': 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:42' })).toThrow(
      'Input `task-definition` is the path of a task definition file (JSON or YAML) in the workspace, not an ARN of a registered revision. ' +
        "Give the file's path, or leave `task-definition` out to start from the service's current task definition.",
    )
    expect(inputsOf({ 'task-definition': '.aws/task-definition.json' }).taskDefinition).toBe(
      '.aws/task-definition.json',
    )
  })
})

describe('docs/migration.md: the migration table', () => {
  const readme = readFileSync(new URL('../docs/migration.md', import.meta.url), 'utf8')
  const section = readme.slice(readme.indexOf('## Migrating from the official actions'))
  const table = section.slice(0, section.indexOf('\n## ', 4))
  const rows = new Map(
    [...table.matchAll(/^\| `([\w-]+)` \| ([\w-]+) \| (.+) \|$/gm)].map(([, name, from, use]) => [
      `${from}/${name}`,
      use,
    ]),
  )
  const official = JSON.parse(
    readFileSync(new URL('./fixtures/official-inputs.json', import.meta.url), 'utf8'),
  ) as Record<string, string[]>

  test.each(Object.entries(official).flatMap(([action, names]) => names.map((name) => [action, name])))(
    '%s `%s` has a row',
    (action, name) => {
      expect(rows.get(`${action}/${name}`)).toBeDefined()
    },
  )

  test("each alias's row says it is accepted, as an alias of its setting", () => {
    for (const setting of SETTINGS) {
      for (const alias of setting.aliases ?? []) {
        const row = [...rows].find(([key]) => key.endsWith(`/${alias}`))?.[1]
        expect(row).toMatch(new RegExp(`^accepted: alias of \`${setting.name}\``))
      }
    }
  })
})

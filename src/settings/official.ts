// The official aws-actions ECS actions' inputs in a workflow moved to this action: their names for our settings are
// read as aliases (the `aliases` of a row in settings.ts), and a value that only makes sense in the official meaning
// of a name we share is stopped with what to write instead. README "Migrating from the official actions" lists them all.
import { UserError } from '../common/errors.js'
import type { InputReader } from './values.js'
import type { Log } from '../common/log.js'
import { SETTINGS } from './table.js'

/**
 * A reader that answers a setting's name with its alias's value when only the alias is given. Both given with
 * different values is an error; each alias used is said once, with the setting's own name.
 */
export function readingAliases(read: InputReader, log: Pick<Log, 'info'>): InputReader {
  const fromAlias = new Map<string, string>()
  for (const setting of SETTINGS) {
    for (const alias of setting.aliases ?? []) {
      const value = read(alias).trim()
      if (!value) continue
      const own = read(setting.name).trim()
      if (own && !same(own, value, setting.kind)) {
        throw new UserError(
          `Inputs \`${setting.name}\` and \`${alias}\` (its official actions' name) are both given, with different values: give only \`${setting.name}\`.`,
        )
      }
      fromAlias.set(setting.name, value)
      log.info(`Input \`${alias}\` is read as \`${setting.name}\`, its name in this action.`)
    }
  }
  return (name) => {
    const own = read(name)
    return own.trim() ? own : (fromAlias.get(name) ?? own)
  }
}

/** `true` and `TRUE` are one boolean; other values compare as written. */
function same(a: string, b: string, kind: string): boolean {
  return kind === 'boolean' ? a.toLowerCase() === b.toLowerCase() : a === b
}

const BOOLEAN_LIKE = /^(true|false|yes|no|on|off|y|n|1|0)$/i
const TASK_DEFINITION_ARN = /^arn:aws[\w-]*:ecs:[^:]*:\d*:task-definition\//

/**
 * Stops a value that means what the official actions mean by a name we give another meaning: `run-task: true` (their
 * switch; here the command of a one-off task) and a task definition ARN as `task-definition` (here a file's path).
 */
export function checkOfficialMeanings(read: InputReader): void {
  const runTask = read('run-task').trim()
  if (BOOLEAN_LIKE.test(runTask)) {
    throw new UserError(
      `Input \`run-task\` is the command of a one-off task run before the rollout (e.g. \`run-task: npm run migrate\`), not a switch: "${runTask}" would run the command \`${runTask}\`. ` +
        `To run a migration, give its command; for amazon-ecs-deploy-task-definition's \`run-task: true\` (a standalone task), see README: One-off tasks. To run nothing, leave \`run-task\` out.`,
    )
  }
  const taskDefinition = read('task-definition').trim()
  if (TASK_DEFINITION_ARN.test(taskDefinition)) {
    throw new UserError(
      'Input `task-definition` is the path of a task definition file (JSON or YAML) in the workspace, not an ARN of a registered revision. ' +
        "Give the file's path, or leave `task-definition` out to start from the service's current task definition.",
    )
  }
}

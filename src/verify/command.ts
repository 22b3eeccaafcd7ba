// verify-command as arguments, with no placeholder filled into them: a value spliced into a script runs as code (a
// branch named `fix$(touch${IFS}/tmp/x)` would), so the command gets the values as environment variables instead.
import { commandArguments } from '../deploy/run-task.js'
import { UserError } from '../common/errors.js'
import { fillTextPlaceholders, placeholderNames } from '../taskdef/placeholders.js'
import { settingName } from '../common/setting-name.js'

const INPUT = 'verify.command'
/** Programs whose next argument after -c (or -e, -Command, /c) is code. */
const SHELLS =
  /^(?:.*\/)?(?:sh|bash|dash|zsh|ksh|mksh|ash|fish|busybox|python[\d.]*|node|perl|ruby|php|pwsh|powershell|cmd)(?:\.exe)?$/i
const CODE_FLAG = /^(?:-[a-z]*[ce][a-z]*|-command|\/c)$/i

/** The command's arguments; a `${NAME}` placeholder in any of them is refused with the way to write it. */
export function verifyCommandArguments(text: string): string[] {
  const args = commandArguments(text, INPUT)
  args.forEach((arg, i) => {
    const [name] = placeholderNames(arg)
    if (name === undefined) return
    const script = args.slice(0, i).some((a) => SHELLS.test(a)) && CODE_FLAG.test(args[i - 1] ?? '')
    throw new UserError(
      script
        ? `${settingName(INPUT)}: \${${name}} is in the script of \`${args.slice(0, i).join(' ')}\`, where a filled-in value would run as code. Write "$${name}" instead: the command gets every placeholder as an environment variable, which the shell reads.`
        : `${settingName(INPUT)}: \${${name}} in argument ${i + 1}: placeholders are not filled into the command, it gets them as environment variables. Read $${name} in the command, or through a shell: bash -c '… "$${name}" …'.`,
    )
  })
  // `$${NAME}` stays a literal `${NAME}`, for the shell to read from the environment.
  return args.map((arg) => fillTextPlaceholders(arg, {}, INPUT))
}

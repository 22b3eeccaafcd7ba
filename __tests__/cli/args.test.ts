import { UserError } from '../../src/common/errors.js'
import { flagsOf, HelpRequested, helpText, parseArgs, VersionRequested, type Command } from '../../src/cli/args.js'
import { CLI_COMMANDS, DEPLOY_COMMANDS, movedInputs, SETTINGS } from '../../src/settings/table.js'

const base = { json: false, offline: false }

describe('parseArgs', () => {
  test.each([
    [
      ['deploy', '--cluster', 'prod', '--service=web'],
      { command: 'deploy', inputs: { cluster: 'prod', service: 'web' }, ...base },
    ],
    [
      ['deploy', '--service', 'web', '--force-new-deployment', '--json'],
      { command: 'deploy', inputs: { service: 'web', 'force-new-deployment': 'true' }, ...base, json: true },
    ],
    [
      ['deploy', '--wait', 'false', '--dry-run=false'],
      { command: 'deploy', inputs: { wait: 'false', 'dry-run': 'false' }, ...base },
    ],
    [
      ['diff', '--environment-variables', 'A=1=2'],
      { command: 'diff', inputs: { 'environment-variables': 'A=1=2' }, ...base },
    ],
    [
      ['drift', '--service', 'web', '--task-definition', '.aws/td.json', '--pr', '7'],
      { command: 'drift', inputs: { service: 'web', 'task-definition': '.aws/td.json' }, ...base, pr: 7 },
    ],
    [
      ['render', '--offline', '--environment-variables', 'A=1', '--environment-variables', 'B=2'],
      { command: 'render', inputs: { 'environment-variables': 'A=1\nB=2' }, ...base, offline: true },
    ],
    [
      ['deploy', '--service', 'web', '--service', 'worker'],
      { command: 'deploy', inputs: { service: 'web\nworker' }, ...base },
    ],
    [
      ['rollback', '--service', 'web', '--to', 'web:5'],
      { command: 'rollback', inputs: { service: 'web' }, ...base, to: 'web:5' },
    ],
    [['preview', 'deploy', '--pr', '12'], { command: 'preview', previewAction: 'deploy', inputs: {}, ...base, pr: 12 }],
    [['preview', 'sweep'], { command: 'preview', previewAction: 'sweep', inputs: {}, ...base }],
    [['deploy', '--ref', 'refs/tags/v1.2.3'], { command: 'deploy', inputs: {}, ...base, ref: 'refs/tags/v1.2.3' }],
    [['deploy', '--ref=refs/heads/release/2'], { command: 'deploy', inputs: {}, ...base, ref: 'refs/heads/release/2' }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected)
  })

  test.each([
    [
      ['ship'],
      'Unknown command "ship". Commands: deploy, render, diff, drift, status, rollback, preview, plan, init, help (ecs-deploy-action help).',
    ],
    [
      ['rendr'],
      'Unknown command "rendr"; did you mean render? Commands: deploy, render, diff, drift, status, rollback, preview, plan, init, help (ecs-deploy-action help).',
    ],
    [
      ['deploy', '--clustr', 'x'],
      'Unknown flag --clustr; did you mean --cluster? (ecs-deploy-action help deploy lists its flags).',
    ],
    [
      ['status', '--image', 'x'],
      'status does not take --image: deploy, render, diff, drift, preview take it (ecs-deploy-action help status lists its flags).',
    ],
    [['deploy', '--cluster', 'a', '--cluster', 'b'], '--cluster is given 2 times ("a", "b"): give it once.'],
    [['deploy', '--cluster'], '--cluster needs a value: --cluster <value> or --cluster=<value>.'],
    [['deploy', 'web'], 'Unexpected argument "web": flags are --name value or --name=value.'],
    [['preview'], 'preview needs deploy, destroy or sweep, as in: ecs-deploy-action preview deploy --pr 12.'],
    [['preview', 'destroy'], 'preview destroy needs --pr <number>.'],
    [['preview', 'deploy', '--pr', 'twelve'], '--pr must be a pull request number, not "twelve".'],
    [['deploy', '--ref', 'main'], '--ref must be refs/heads/<branch> or refs/tags/<tag>, not "main".'],
    [
      ['deploy', '--ref', 'refs/pull/7/merge'],
      '--ref must be refs/heads/<branch> or refs/tags/<tag>, not "refs/pull/7/merge".',
    ],
    [['deploy', '--ref=refs/heads/'], '--ref must be refs/heads/<branch> or refs/tags/<tag>, not "refs/heads/".'],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message)
  })

  test.each([
    [[], undefined],
    [['--help'], undefined],
    [['help'], undefined],
    [['help', 'render'], 'render'],
    [['deploy', '--help'], 'deploy'],
  ])('%j asks for help about %s', (argv, command) => {
    expect(() => parseArgs(argv)).toThrow(expect.objectContaining({ command }))
    expect(() => parseArgs(argv)).toThrow(HelpRequested)
  })

  test.each([[['--version']], [['deploy', '--version']]])('%j asks for the version', (argv) => {
    expect(() => parseArgs(argv)).toThrow(VersionRequested)
  })
})

describe("the official actions' names (aliases) as flags", () => {
  test('are taken where their setting is, a boolean bare, and passed on under their own name', () => {
    expect(
      parseArgs(['deploy', '--wait-for-service-stability', '--container-name', 'web', '--wait-for-minutes=5']),
    ).toEqual({
      command: 'deploy',
      inputs: { 'wait-for-service-stability': 'true', 'container-name': 'web', 'wait-for-minutes': '5' },
      ...base,
    })
    expect(parseArgs(['rollback', '--wait-for-minutes', '5']).inputs).toEqual({ 'wait-for-minutes': '5' })
  })

  test('not where their setting is not, and help does not list them', () => {
    expect(() => parseArgs(['status', '--wait-for-minutes', '5'])).toThrow(
      'status does not take --wait-for-minutes: deploy, render, diff, drift, rollback, preview take it',
    )
    for (const alias of SETTINGS.flatMap((s) => s.aliases ?? [])) expect(helpText('deploy')).not.toContain(`--${alias}`)
  })
})

describe('the settings that moved to the config file', () => {
  test('are refused as flags, all in one error naming where each went (as the action refuses them as inputs)', () => {
    const argv = ['deploy', '--cluster', 'c', '--service', 's', '--minimum-healthy-percent', '50', '--push=false']
    expect(() => parseArgs([...argv, '--dry-run'])).toThrow(
      new UserError(
        'Flag `--push` moved to the config file, key `environments.<name>.build.push`: e.g. `build: { push: false }`. Flag `--minimum-healthy-percent` moved to the config file, key `environments.<name>.service-settings.minimum-healthy-percent`: e.g. `service-settings: { minimum-healthy-percent: 100 }`. The config file is .github/ecs-deploy.yml (or --config); docs/migration.md lists every move.',
      ),
    )
  })

  test.each(Object.keys(movedInputs(true)).map((name) => [name]))('--%s: refused, and no command lists it', (name) => {
    expect(() => parseArgs(['deploy', `--${name}`, 'x'])).toThrow(`Flag \`--${name}\` `)
    for (const command of CLI_COMMANDS) expect(flagsOf(command).map((f) => f.name)).not.toContain(name)
  })

  test('those that became a `mode` (which the CLI has no flag for) or a docker login stay flags', () => {
    expect(parseArgs(['deploy', '--continue', 'rollback', '--registry-username', 'u']).inputs).toEqual({
      continue: 'rollback',
      'registry-username': 'u',
    })
    expect(Object.keys(movedInputs(true))).not.toEqual(expect.arrayContaining(['continue']))
  })
})

describe('help', () => {
  test('help deploy lists every setting with its default, and only the flags deploy takes', () => {
    const help = helpText('deploy')
    for (const setting of SETTINGS.filter((s) => (s.commands ?? DEPLOY_COMMANDS).includes('deploy')))
      if (!(setting.name in movedInputs(true))) expect(help).toContain(`--${setting.name}`)
    expect(help).not.toContain('--preview-ttl')
    expect(help).toContain('--timeout-minutes (default: 30)')
    expect(help).toContain('--environment-variables (repeatable)')
    expect(help).not.toContain('--to ')
    expect(help).toContain('Exit codes: 0 success, 1 deployment failed or rolled back, 2 bad input.')
  })

  test('help status lists only the flags of status', () => {
    expect(flagsOf('status').map((f) => f.name)).toEqual(['cluster', 'service', 'region', 'json', 'offline', 'help'])
    expect(helpText('status')).not.toContain('--image')
  })

  /** The flags `help <command>` lists, in its order. */
  const listed = (command: Command): string[] =>
    [...helpText(command).matchAll(/^ {2}--([a-z-]+)/gm)].map((m) => m[1] as string)
  const OWN = { json: 'json', offline: 'offline', ref: 'ref', help: 'help' }

  test.each([
    ['status', ['cluster', 'service', 'region', OWN.json, OWN.offline, OWN.help]],
    ['rollback', ['cluster', 'service', 'timeout-minutes', 'region', OWN.json, OWN.offline, 'to', OWN.help]],
    ['plan', ['environment', 'config', OWN.ref, OWN.help]],
  ] as [Command, string[]][])('help %s lists exactly the flags it reads', (command, flags) => {
    expect(listed(command)).toEqual(flags)
  })

  test.each([
    // render and diff are dry runs: no build switches, nothing of the rollout's aftermath, no GitHub, no previews
    [
      'render',
      ['task-definition', 'image', 'environment-variables', 'build', 'tags', 'offline'],
      [
        'vars',
        'strategy',
        'verify-url',
        'dockerfile',
        'build-args',
        'keep-revisions',
        'log-lines',
        'rollback-on-failure',
        'github-token',
        'continue',
        'dry-run',
        'preview-ttl',
        'pr',
        'to',
      ],
    ],
    [
      'diff',
      ['service-definition', 'force-new-deployment', 'offline'],
      ['platforms', 'desired-count', 'strategy', 'minimum-healthy-percent', 'github-token', 'dry-run', 'preview-max'],
    ],
    [
      'deploy',
      ['dockerfile', 'github-token', 'dry-run', 'continue'],
      ['preview', 'preview-ttl', 'mode', 'keep-revisions', 'offline', 'pr'],
    ],
    [
      'preview',
      ['pr', 'github-token', 'dockerfile'],
      ['preview', 'preview-ttl', 'preview-max', 'dry-run', 'mode', 'offline'],
    ],
  ] as [Command, string[], string[]][])(
    'help %s lists the flags it reads and not the others',
    (command, takes, not) => {
      const flags = listed(command)
      expect(flags).toEqual(flagsOf(command).map((f) => f.name))
      expect(flags).toEqual(expect.arrayContaining(takes))
      for (const flag of not) expect(flags).not.toContain(flag)
    },
  )

  test.each(CLI_COMMANDS.map((c) => [c]))('%s --help and help %s ask for the same help', (command) => {
    const argv = command === 'preview' ? ['preview', '--help'] : [command, '--help']
    expect(() => parseArgs(argv)).toThrow(expect.objectContaining({ command }))
    expect(() => parseArgs(['help', command])).toThrow(expect.objectContaining({ command }))
  })

  test.each([
    [['render', '--github-token', 't'], 'render does not take --github-token: deploy, preview take it'],
    [['diff', '--dockerfile', 'D'], 'diff does not take --dockerfile: deploy, preview take it'],
    [['deploy', '--pr', '2'], 'deploy does not take --pr: drift, preview take it'],
    [['plan', '--image', 'web'], 'plan does not take --image: deploy, render, diff, drift, preview take it'],
    [['deploy', '--to', 'web:3'], 'deploy does not take --to: rollback takes it'],
    [['status', '--pr', '3'], 'status does not take --pr: drift, preview take it'],
    [['rollback', '--dry-run'], 'rollback does not take --dry-run: deploy takes it'],
  ])('%j: the error names the commands that take the flag', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(`${message} (ecs-deploy-action help ${argv[0]} lists its flags).`)
  })

  test('init takes the service, its environment, --dir and --force, and nothing of a deploy', () => {
    expect(listed('init')).toEqual(['cluster', 'service', 'region', 'environment', 'json', 'dir', 'force', 'help'])
    expect(parseArgs(['init', '--service', 'web', '--dir', 'repo', '--force'])).toMatchObject({
      command: 'init',
      inputs: { service: 'web' },
      dir: 'repo',
      force: true,
    })
    expect(() => parseArgs(['init', '--service', 'web', '--image', 'x'])).toThrow('init does not take --image: ')
  })

  test('help without a command lists the commands', () => {
    expect(helpText()).toContain('  render     print the final task definition (JSON) on stdout; registers nothing')
  })
})

import { ACTION_INPUTS } from '../../src/cli/action-inputs.js'
import { HelpRequested, helpText, parseArgs } from '../../src/cli/args.js'

describe('parseArgs', () => {
  test.each([
    [['deploy', '--cluster', 'prod', '--service=web'], { command: 'deploy', inputs: { cluster: 'prod', service: 'web' }, json: false }],
    [['deploy', '--service', 'web', '--force-new-deployment', '--json'], { command: 'deploy', inputs: { service: 'web', 'force-new-deployment': 'true' }, json: true }],
    [['diff', '--vars', 'A=1=2'], { command: 'diff', inputs: { vars: 'A=1=2' }, json: false }],
    [['rollback', '--service', 'web', '--to', 'web:5'], { command: 'rollback', inputs: { service: 'web' }, json: false, to: 'web:5' }],
    [['preview', 'deploy', '--pr', '12'], { command: 'preview', previewAction: 'deploy', inputs: {}, json: false, pr: 12 }],
    [['preview', 'sweep'], { command: 'preview', previewAction: 'sweep', inputs: {}, json: false }],
    [['deploy', '--ref', 'refs/tags/v1.2.3'], { command: 'deploy', inputs: {}, json: false, ref: 'refs/tags/v1.2.3' }],
    [['deploy', '--ref=refs/heads/release/2'], { command: 'deploy', inputs: {}, json: false, ref: 'refs/heads/release/2' }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv, ACTION_INPUTS)).toEqual(expected)
  })

  test.each([
    [['ship'], 'Unknown command "ship": use one of deploy, render, diff, status, rollback, preview (ecs-deploy-action --help).'],
    [['deploy', '--clustr', 'x'], 'Unknown flag --clustr; did you mean --cluster? (ecs-deploy-action --help lists them).'],
    [['deploy', 'web'], 'Unexpected argument "web": flags are --name value or --name=value.'],
    [['preview'], 'preview needs deploy, destroy or sweep, as in: ecs-deploy-action preview deploy --pr 12.'],
    [['preview', 'destroy'], 'preview destroy needs --pr <number>.'],
    [['preview', 'deploy', '--pr', 'twelve'], '--pr must be a pull request number, not "twelve".'],
    [['deploy', '--ref', 'main'], '--ref must be refs/heads/<branch> or refs/tags/<tag>, not "main".'],
    [['deploy', '--ref', 'refs/pull/7/merge'], '--ref must be refs/heads/<branch> or refs/tags/<tag>, not "refs/pull/7/merge".'],
    [['deploy', '--ref=refs/heads/'], '--ref must be refs/heads/<branch> or refs/tags/<tag>, not "refs/heads/".'],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgs(argv, ACTION_INPUTS)).toThrow(message)
  })

  test.each([[[]], [['--help']], [['deploy', '--help']]])('%j asks for help', (argv) => {
    expect(() => parseArgs(argv, ACTION_INPUTS)).toThrow(HelpRequested)
  })

  test('help lists every input of action.yml with its default', () => {
    const help = helpText(ACTION_INPUTS)
    for (const input of ACTION_INPUTS) expect(help).toContain(`--${input.name}`)
    expect(help).toContain('--timeout-minutes (default: 30)')
    expect(help).toContain('Exit codes: 0 success, 1 deployment failed or rolled back, 2 bad input.')
  })
})

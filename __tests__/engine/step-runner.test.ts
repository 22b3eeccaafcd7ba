// The one step runner: steps in their order, a dry run's skipping, the report assembled from the parts (also when a
// step throws), and the run's deadline stopping the next step.
import { RunDeadline } from '../../src/common/deadline.js'
import { NoAnswer } from '../../src/common/errors.js'
import { quietLog, type Log } from '../../src/common/log.js'
import type { DeploymentReport } from '../../src/engine/run-report.js'
import { runSteps, type Step, type StepsOptions } from '../../src/engine/step-runner.js'

interface State {
  ran: string[]
}

const report = (service: string): DeploymentReport => ({
  cluster: 'prod',
  service,
  region: 'us-east-1',
  status: 'failed',
  reason: '',
  strategy: 'rolling',
  notes: [],
})

/** A step that records its name in the state and adds a note to the first service. */
const noting = (name: string, extra: Partial<Step<State>> = {}): Step<State> => ({
  name,
  run: ({ ran }) => ({ report: { each: [{ notes: [name] }] }, state: { ran: [...ran, name] } }),
  ...extra,
})

const starting: Step<State> = {
  name: 'check',
  dryRun: 'run',
  run: ({ ran }) => ({ report: { reports: [report('web'), report('worker')] }, state: { ran: [...ran, 'check'] } }),
}

function options(over: Partial<StepsOptions> = {}): StepsOptions {
  return { dryRun: false, deadline: new RunDeadline(), phaseMs: 60_000, log: quietLog, ...over }
}

const initial: State = { ran: [] }

test('runs the steps in their order; each sees what the ones before it left; the report is assembled from the parts', async () => {
  const seen: string[][] = []
  const steps: Step<State>[] = [
    starting,
    noting('render'),
    {
      name: 'register',
      run: (state, done) => {
        seen.push(
          state.ran,
          done.reports.map((r) => r.notes.join(',')),
        )
        return { report: { image: 'repo@sha256:1', each: [undefined, { taskDefinitionArn: 'arn:td/worker:2' }] } }
      },
    },
    noting('update', { run: () => ({ report: { each: [{ status: 'succeeded', notes: ['started'] }] } }) }),
  ]
  const { result, thrown } = await runSteps(steps, initial, options())
  expect(thrown).toBeUndefined()
  expect(seen).toEqual([
    ['check', 'render'],
    ['render', ''],
  ])
  expect(result.image).toBe('repo@sha256:1')
  expect(result.reports.map((r) => [r.service, r.status, r.notes, r.taskDefinitionArn])).toEqual([
    ['web', 'succeeded', ['render', 'started'], undefined],
    ['worker', 'failed', [], 'arn:td/worker:2'],
  ])
})

test('a dry run runs only the steps that read and check, and its own; a real run skips the dry run’s own', async () => {
  const steps = [
    starting,
    noting('render', { dryRun: 'run' }),
    noting('plan', { dryRun: 'only' }),
    noting('build'),
    noting('register'),
  ]
  const dry = await runSteps(steps, initial, options({ dryRun: true }))
  expect(dry.result.reports[0]?.notes).toEqual(['render', 'plan'])
  const real = await runSteps(steps, initial, options())
  expect(real.result.reports[0]?.notes).toEqual(['render', 'build', 'register'])
})

test('a step whose `when` is false is skipped', async () => {
  const steps = [
    starting,
    noting('run-task', { when: () => false }),
    noting('update', { when: (s) => s.ran.length > 0 }),
  ]
  const { result } = await runSteps(steps, initial, options())
  expect(result.reports[0]?.notes).toEqual(['update'])
})

test('a step that throws: the error comes back unchanged with the parts of the steps before it; none after it runs', async () => {
  const failure = new Error('RegisterTaskDefinition was refused')
  let after = false
  const steps: Step<State>[] = [
    starting,
    noting('render'),
    {
      name: 'register',
      run: () => {
        throw failure
      },
    },
    {
      name: 'update',
      run: () => {
        after = true
        return {}
      },
    },
  ]
  const { result, thrown } = await runSteps(steps, initial, options())
  expect(thrown?.error).toBe(failure)
  expect(after).toBe(false)
  expect(result.reports.map((r) => [r.service, r.notes])).toEqual([
    ['web', ['render']],
    ['worker', []],
  ])
})

describe('the deadline', () => {
  let now = 0
  const clockedDeadline = (): RunDeadline => new RunDeadline(undefined, 1_000, () => now)
  beforeEach(() => (now = 0))
  /** The first step, after which the clock reads `at`. */
  const startingUntil = (at: number): Step<State> => ({
    ...starting,
    run: (state, done) => {
      now = at
      return starting.run(state, done)
    },
  })

  test('once it has passed, the next step is not started: the run ends with NoAnswer and the parts so far', async () => {
    const deadline = clockedDeadline()
    deadline.restart(10_000)
    const steps = [
      starting,
      noting('render', {
        run: () => {
          now = 10_000
          return { report: { each: [{ notes: ['render'] }] } }
        },
      }),
      noting('register'),
    ]
    const { result, thrown } = await runSteps(steps, initial, options({ deadline }))
    expect(thrown?.error).toBeInstanceOf(NoAnswer)
    expect((thrown?.error as Error).message).toBe(
      "The run's deadline had passed (timeout-minutes, or the job was cancelled) before its register step, which was not started.",
    )
    expect(result.reports[0]?.notes).toEqual(['render'])
  })

  test('steps marked late run all the same (they say how the run ended); best-effort ones are skipped with a line', async () => {
    const deadline = clockedDeadline()
    deadline.restart(10_000)
    const lines: string[] = []
    const log: Log = { ...quietLog, info: (line) => lines.push(line) }
    const steps = [
      startingUntil(20_000),
      noting('conclude', { late: 'run' }),
      noting('keep-revisions', { late: 'skip' }),
    ]
    const { result, thrown } = await runSteps(steps, initial, options({ deadline, log }))
    expect(thrown).toBeUndefined()
    expect(result.reports[0]?.notes).toEqual(['conclude'])
    expect(lines).toEqual(["keep-revisions was skipped: the run's deadline had passed."])
  })

  test('a phase step starts the deadline again: it runs after the last phase ran out, and gets the whole phase', async () => {
    const deadline = clockedDeadline()
    deadline.restart(10_000)
    const ends: number[] = []
    const steps = [
      startingUntil(20_000),
      noting('watch', {
        phase: true,
        run: () => {
          ends.push(deadline.end)
          return {}
        },
      }),
    ]
    const { thrown } = await runSteps(steps, initial, options({ deadline, phaseMs: 5_000 }))
    expect(thrown).toBeUndefined()
    expect(ends).toEqual([25_000])
  })

  test('a cancelled job stops the next step, phase or not', async () => {
    const cancel = new AbortController()
    const deadline = new RunDeadline(cancel.signal, 1_000, () => now)
    cancel.abort()
    const { thrown } = await runSteps([starting, noting('build', { phase: true })], initial, options({ deadline }))
    expect((thrown?.error as Error).message).toContain('before its check step')
  })
})

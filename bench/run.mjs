// `npm run bench`: how fast the action knows, and what it costs, measured on the local stack.
// Figures, not pass/fail. Prints a table and writes bench/results.json.
//   success detection   deployment completed (scenario server's own record) → action exited 0
//   early success       the same, for a rollout ECS completes at 50 % healthy (early success criteria)
//   failure detection   deployment failed (circuit breaker tripped / Nth crash) → action exited non-zero
//   API calls           ECS calls per minute of waiting per service, for 1 service and for 10 in one run
//   cold start          `node dist/index.js` launched → first AWS request received
//   start to input error `node dist/index.js` with no inputs → exited with the input error, ours and the official
//                       aws-actions/amazon-ecs-deploy-task-definition's dist the same way, interleaved; and the ratio
//   dist size, peak memory (max RSS of the action's process); the goals (start ≤ 0.8× the official's, dist/index.js
//   ≤ 1.2 MiB, peak memory ≤ 80 MB) with met / not met
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const stack = JSON.parse(readFileSync(path.join(root, '.stack/env.json'), 'utf8'))
Object.assign(process.env, stack)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
/** Spawns per action for the start-to-input-error figure: cheap (no AWS), so more than the rollouts. */
const STARTS = Number(process.env.BENCH_STARTS ?? Math.max(15, RUNS * 3))
const GOALS = { startRatio: 0.8, distMiB: 1.2, peakMemoryMb: 80 }
const ecs = new ECSClient({ region: stack.AWS_REGION })

async function admin(method, route, body) {
  const response = await fetch(`${stack.STACK_SCENARIO_URL}${route}`, {
    method,
    ...(body && { body: JSON.stringify(body) }),
  })
  if (!response.ok) throw new Error(`${route}: ${await response.text()}`)
  return response.json()
}

/** A fresh cluster with `count` services (web0…), each running revision 1 with `desired` tasks. */
async function givenServices(count, { breaker = true, desired = 2, early = false } = {}) {
  // Set-up runs fast; the measured rollouts at real speed. Timestamps follow the real clock either way.
  await admin('POST', '/_reset', { moto: true, timeScale: 20 })
  await ecs.send(new CreateClusterCommand({ clusterName: 'bench' }))
  const names = Array.from({ length: count }, (_, i) => `web${i}`)
  for (const name of names) {
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: name,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        // Fargate pulls a private (ECR) image with the task execution role: ECS refuses the revision without one.
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        containerDefinitions: [{ name: 'web', image: `${stack.STACK_REGISTRY}/web:v1` }],
      }),
    )
    await ecs.send(
      new CreateServiceCommand({
        cluster: 'bench',
        serviceName: name,
        taskDefinition: name,
        desiredCount: desired,
        launchType: 'FARGATE',
        deploymentConfiguration: {
          maximumPercent: 200,
          minimumHealthyPercent: 100,
          deploymentCircuitBreaker: { enable: breaker, rollback: breaker },
          // Early success criteria: ECS completes the rollout at half the tasks healthy, the rest still starting.
          ...(early && {
            minimumHealthyPercent: 50,
            earlySuccessCriteria: { enable: true, healthyPercent: 50, sourceServiceRevisionCleanup: 'DEFERRED' },
          }),
        },
      }),
    )
  }
  await waitUntil(async () => {
    const services = (await admin('GET', '/_state')).clusters.bench.services
    return names.every((n) => services[n].runningCount === desired && services[n].deployments.length === 1)
  })
  await admin('POST', '/_clock', { scale: 1 })
  return names
}

async function waitUntil(ready) {
  for (let i = 0; i < 200 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 50))
}

/** Runs dist/index.js (or `entry`) as the runner does; resolves with its launch and exit times (ms) and max RSS. */
function runAction(inputs, entry = path.join(root, 'dist/index.js')) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-bench-'))
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary', GITHUB_STATE: 'state', GITHUB_ENV: 'env' }
  for (const f of Object.values(files)) writeFileSync(path.join(dir, f), '')
  const rssFile = path.join(dir, 'rss')
  const launched = Date.now()
  const child = spawn(process.execPath, ['--no-warnings', path.join(root, 'bench/measure.mjs'), rssFile, entry], {
    stdio: process.env.BENCH_DEBUG ? 'inherit' : 'ignore',
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)])),
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      GITHUB_WORKSPACE: dir,
      GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      GITHUB_REF_NAME: 'main',
    },
  })
  return new Promise((resolve) =>
    child.on('close', (code) =>
      resolve({ code, launched, exited: Date.now(), maxRssKb: Number(readFileSync(rssFile, 'utf8')) }),
    ),
  )
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits

async function serviceDeploymentsOf(name) {
  const state = await admin('GET', '/_state')
  return state.clusters.bench.services[name].serviceDeployments
}

async function requests() {
  return (await admin('GET', '/_requests')).requests
}

/** Seconds from the rollout's end, as the scenario server recorded it, to the action's exit; plus the run. */
async function detection({ scenario, breaker, end, early = false }) {
  const [name] = await givenServices(1, { breaker, early })
  await admin('POST', '/_scenario', { service: name, rollout: scenario })
  const run = await runAction({ cluster: 'bench', service: name, image: `${stack.STACK_REGISTRY}/web:v2` })
  const ended = await end(name)
  return { seconds: (run.exited - ended) / 1000, run }
}

const successEnd = async (name) => {
  const sd = (await serviceDeploymentsOf(name)).find((d) => d.status === 'SUCCESSFUL' && d.targetServiceRevision?.arn)
  return Date.parse(sd.finishedAt)
}
const breakerEnd = async (name) => {
  const sd = (await serviceDeploymentsOf(name)).find((d) => d.rollback?.startedAt)
  return Date.parse(sd.rollback.startedAt)
}
/** Without a circuit breaker the rollout never ends by itself: it has failed once tasks crashed as often as ECS's threshold. */
const crashLoopEnd = async () => {
  const state = await admin('GET', '/_state')
  const stopped = state.clusters.bench.tasks
    .filter((t) => t.lastStatus === 'STOPPED' && t.taskDefinitionArn.endsWith(':2'))
    .map((t) => Date.parse(t.stoppedAt))
    .sort((a, b) => a - b)
  return stopped[2]
}

/**
 * The official action's dist/index.js: BENCH_OFFICIAL_DIST (the file, or its dist/ folder), else the snapshot of
 * aws-actions/amazon-ecs-deploy-task-definition fetched under /work/.mirror, whose dist/ (entry and chunks) is
 * extracted to a temporary folder. Undefined when neither is there.
 */
function officialDist() {
  const given = process.env.BENCH_OFFICIAL_DIST
  if (given) return { entry: statSync(given).isDirectory() ? path.join(given, 'index.js') : given, version: given }
  const mirrors = '/work/.mirror'
  const name = existsSync(mirrors) && readdirSync(mirrors).find((d) => d.endsWith('amazon-ecs-deploy-task-definition'))
  if (!name) return undefined
  const gitDir = path.join(mirrors, name, 'repo')
  const dir = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-bench-official-'))
  const archive = execFileSync('git', ['--git-dir', gitDir, 'archive', 'HEAD', 'dist'], { maxBuffer: 1 << 28 })
  execFileSync('tar', ['-x', '-C', dir], { input: archive })
  const version = execFileSync('git', ['--git-dir', gitDir, 'log', '-1', '--format=%h %cs'], {
    encoding: 'utf8',
  }).trim()
  return { entry: path.join(dir, 'dist/index.js'), version }
}

/**
 * Milliseconds from spawning `node <entry>` with no inputs to its exit, on an empty runner workspace: the path to the
 * first input error. Fails unless the action exited non-zero with an `::error::` line.
 */
function timeToInputError(entry) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-bench-start-'))
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary', GITHUB_STATE: 'state', GITHUB_ENV: 'env' }
  for (const f of Object.values(files)) writeFileSync(path.join(dir, f), '')
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_WORKSPACE: dir,
    ...Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)])),
  }
  const started = process.hrtime.bigint()
  const child = spawn(process.execPath, [entry], { env, cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] })
  let stdout = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      if (code === 0 || !stdout.includes('::error::')) reject(new Error(`${entry} did not stop at an input error`))
      else resolve(ms)
    }),
  )
}

/** Ours and the official's start to the first input error, interleaved (and alternating who goes first). */
async function startToInputError(official) {
  const ours = path.join(root, 'dist/index.js')
  const times = { ours: [], official: [] }
  for (let i = 0; i < STARTS; i++) {
    const order = official ? (i % 2 ? ['official', 'ours'] : ['ours', 'official']) : ['ours']
    for (const who of order) times[who].push(await timeToInputError(who === 'ours' ? ours : official.entry))
  }
  const summary = (all) => ({ median: Math.round(median(all)), all: all.map((x) => Math.round(x)) })
  return {
    spawnsEach: STARTS,
    ours: summary(times.ours),
    ...(official && {
      official: { ...summary(times.official), version: official.version, distKb: distKbOf(official.entry) },
      ratio: round(median(times.ours) / median(times.official)),
    }),
  }
}

/** The size of an action's entry file, KiB. */
const distKbOf = (entry) => Math.round(statSync(entry).size / 1024)

/**
 * The official action's max RSS (KiB) for the same rolling deploy as ours: register the revision from a task definition
 * file, update the service, wait for it to be stable.
 */
async function officialRollingDeploy(official, taskStartSeconds) {
  const [name] = await givenServices(1)
  await admin('POST', '/_scenario', { service: name, rollout: { outcome: 'success', taskStartSeconds } })
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ecs-deploy-bench-td-')), 'task-definition.json')
  const taskDefinition = {
    family: name,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [{ name: 'web', image: `${stack.STACK_REGISTRY}/web:v2` }],
  }
  writeFileSync(file, JSON.stringify(taskDefinition))
  const inputs = { 'task-definition': file, cluster: 'bench', service: name, 'wait-for-service-stability': 'true' }
  const run = await runAction(inputs, official.entry)
  if (run.code !== 0) throw new Error("the official action's rolling deploy failed (BENCH_DEBUG=1 shows its log)")
  return run.maxRssKb
}

/** `met` or `not met`, for a figure and its goal (at most). */
const verdict = (value, goal) => (value === undefined ? 'not measured' : value <= goal ? 'met' : 'not met')

async function main() {
  // The action checks that the image to deploy exists before changing anything: push the one the rollouts deploy.
  execFileSync('bash', [path.join(root, 'test/stack/stack.sh'), 'push-sample', 'web', 'v2'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const results = { runs: RUNS, node: process.version, machine: `${(await import('node:os')).cpus().length} cores` }
  const official = officialDist()
  if (!official) {
    process.stderr.write(
      "The official action's dist was not found (set BENCH_OFFICIAL_DIST, or fetch aws-actions/amazon-ecs-deploy-task-definition): recording ours only.\n",
    )
  }
  results.startToInputErrorMs = await startToInputError(official)
  const successes = []
  const earlySuccesses = []
  const failures = []
  const crashLoops = []
  const coldStarts = []
  const rss = []
  const officialRss = []
  for (let i = 0; i < RUNS; i++) {
    // Rollouts of different lengths end at different points of the poll schedule.
    const start = 3 + i * 1.7
    const ok = await detection({
      scenario: { outcome: 'success', taskStartSeconds: start },
      breaker: true,
      end: successEnd,
    })
    if (ok.run.code !== 0) throw new Error('a successful rollout was reported as failed')
    successes.push(ok.seconds)
    rss.push(ok.run.maxRssKb)
    const first = (await requests()).find((r) => r.at >= ok.run.launched)
    coldStarts.push(first.at - ok.run.launched)
    // After reading the request log: setting up the official's service resets it.
    if (official) officialRss.push(await officialRollingDeploy(official, start))
    const early = await detection({
      scenario: { outcome: 'success', taskStartSeconds: start, taskStartStaggerSeconds: 20 },
      breaker: true,
      early: true,
      end: successEnd,
    })
    if (early.run.code !== 0) throw new Error('a rollout completed early was reported as failed')
    earlySuccesses.push(early.seconds)
    const bad = await detection({
      scenario: { outcome: 'crash', taskStartSeconds: start, crashAfterSeconds: 1 },
      breaker: true,
      end: breakerEnd,
    })
    if (bad.run.code === 0) throw new Error('a rolled-back rollout was reported as success')
    failures.push(bad.seconds)
    const loop = await detection({
      scenario: { outcome: 'crash', taskStartSeconds: start, crashAfterSeconds: 1 },
      breaker: false,
      end: crashLoopEnd,
    })
    if (loop.run.code === 0) throw new Error('a crash loop was reported as success')
    crashLoops.push(loop.seconds)
    process.stderr.write(
      `run ${i + 1}/${RUNS}: success ${round(ok.seconds)} s, early success ${round(early.seconds)} s, breaker ${round(bad.seconds)} s, crash loop ${round(loop.seconds)} s\n`,
    )
  }
  results.successDetectionSeconds = {
    median: round(median(successes)),
    max: round(Math.max(...successes)),
    all: successes.map((x) => round(x)),
  }
  results.earlySuccessDetectionSeconds = {
    median: round(median(earlySuccesses)),
    max: round(Math.max(...earlySuccesses)),
    all: earlySuccesses.map((x) => round(x)),
  }
  results.failureDetectionSeconds = {
    median: round(median(failures)),
    max: round(Math.max(...failures)),
    all: failures.map((x) => round(x)),
  }
  results.crashLoopDetectionSeconds = {
    median: round(median(crashLoops)),
    max: round(Math.max(...crashLoops)),
    all: crashLoops.map((x) => round(x)),
  }
  results.coldStartMs = { median: Math.round(median(coldStarts)), all: coldStarts }
  results.peakMemoryMb = round(Math.max(...rss) / 1024, 1)
  if (official) results.officialPeakMemoryMb = round(Math.max(...officialRss) / 1024, 1)
  results.distKb = distKbOf(path.join(root, 'dist/index.js'))
  results.distChunksKb = Object.fromEntries(
    readdirSync(path.join(root, 'dist'))
      .filter((f) => f.endsWith('.index.js'))
      .map((f) => [f, distKbOf(path.join(root, 'dist', f))]),
  )
  results.goals = {
    startToInputErrorRatio: {
      goal: `≤ ${GOALS.startRatio}`,
      measured: results.startToInputErrorMs.ratio,
      result: verdict(results.startToInputErrorMs.ratio, GOALS.startRatio),
    },
    distIndexMiB: {
      goal: `≤ ${GOALS.distMiB}`,
      measured: round(results.distKb / 1024),
      result: verdict(results.distKb / 1024, GOALS.distMiB),
    },
    peakMemoryMb: {
      goal: `≤ ${GOALS.peakMemoryMb}`,
      measured: results.peakMemoryMb,
      result: verdict(results.peakMemoryMb, GOALS.peakMemoryMb),
    },
  }
  results.apiCallsPerMinutePerService = {}
  for (const count of [1, 10]) {
    // A two-minute rollout, so the steady polling rate dominates.
    const names = await givenServices(count)
    await admin('POST', '/_scenario', { times: 0, rollout: { outcome: 'success', taskStartSeconds: 120 } })
    const run = await runAction({ cluster: 'bench', service: names.join(','), image: `${stack.STACK_REGISTRY}/web:v2` })
    if (run.code !== 0) throw new Error(`deploying ${count} services failed`)
    const log = await requests()
    const updates = log.filter((r) => r.target.endsWith('.UpdateService'))
    const waitStart = updates[updates.length - 1].at
    const waiting = log.filter((r) => r.at > waitStart)
    const minutes = (run.exited - waitStart) / 60000
    const byOperation = {}
    for (const r of waiting) byOperation[r.target.split('.').pop()] = (byOperation[r.target.split('.').pop()] ?? 0) + 1
    results.apiCallsPerMinutePerService[`${count} service${count > 1 ? 's' : ''}`] = {
      perMinutePerService: round(waiting.length / minutes / count, 1),
      calls: waiting.length,
      waitingMinutes: round(minutes),
      byOperation,
    }
  }
  // Every ECS call hangs once UpdateService answered (the rollback request too): the run must end by itself.
  {
    const [name] = await givenServices(1)
    await admin('POST', '/_scenario', { service: name, rollout: { outcome: 'stuck-pending' } })
    await admin('POST', '/_faults', { operation: 'ecs:*', mode: 'hang', afterCall: 'ecs:UpdateService' })
    const timeoutMinutes = 0.1
    const run = await runAction({
      cluster: 'bench',
      service: name,
      image: `${stack.STACK_REGISTRY}/web:v2`,
      'timeout-minutes': String(timeoutMinutes),
    })
    await admin('DELETE', '/_faults')
    const update = (await requests()).find((r) => r.target.endsWith('.UpdateService'))
    if (run.code === 0 || !update) throw new Error('the run with a hung endpoint did not fail as it should')
    results.hungEndpointDeadlineToExitSeconds = round((run.exited - (update.at + timeoutMinutes * 60_000)) / 1000, 1)
  }
  writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n')
  const calls = results.apiCallsPerMinutePerService
  const rows = [
    ['success detection (median of ' + RUNS + ')', `${results.successDetectionSeconds.median} s`, '≤ 3 s'],
    [
      'early success detection: ECS completed at 50 % healthy (median)',
      `${results.earlySuccessDetectionSeconds.median} s`,
      '≤ 5 s (1 poll)',
    ],
    ['failure detection, circuit breaker (median)', `${results.failureDetectionSeconds.median} s`, '≤ 3 s'],
    [
      'failure detection, crash loop without breaker (median)',
      `${results.crashLoopDetectionSeconds.median} s`,
      '≤ 3 s',
    ],
    ['API calls / min of waiting / service, 1 service', `${calls['1 service'].perMinutePerService}`, '≤ 20'],
    [
      'API calls / min of waiting / service, 10 services',
      `${calls['10 services'].perMinutePerService}`,
      'fewer than 1 service',
    ],
    [
      'hung endpoint: time from deadline to exit',
      `${results.hungEndpointDeadlineToExitSeconds} s`,
      '≤ grace (20 s) + 5 s',
    ],
    ['cold start: launch → first AWS request (median)', `${results.coldStartMs.median} ms`, '≤ 300 ms'],
    ['start → input error, ours (median)', `${results.startToInputErrorMs.ours.median} ms`, ''],
    [
      "start → input error, official action's (median)",
      results.startToInputErrorMs.official ? `${results.startToInputErrorMs.official.median} ms` : 'not found',
      '',
    ],
    [
      'start → input error, ours / official',
      `${results.startToInputErrorMs.ratio ?? '–'}`,
      `≤ ${GOALS.startRatio}: ${results.goals.startToInputErrorRatio.result}`,
    ],
    ['dist/index.js size', `${results.distKb} KiB`, `≤ ${GOALS.distMiB} MiB: ${results.goals.distIndexMiB.result}`],
    [
      "peak memory, the official action's same rolling deploy",
      results.officialPeakMemoryMb ? `${results.officialPeakMemoryMb} MB` : 'not found',
      '',
    ],
    [
      'peak memory (max RSS)',
      `${results.peakMemoryMb} MB`,
      `≤ ${GOALS.peakMemoryMb} MB: ${results.goals.peakMemoryMb.result}`,
    ],
  ]
  const width = Math.max(...rows.map((r) => r[0].length))
  console.log(`\n${'figure'.padEnd(width)}  ${'measured'.padEnd(10)}  target`)
  for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(10)}  ${target}`)
  console.log(`\n${JSON.stringify(results)}`)
}

await main()
ecs.destroy()

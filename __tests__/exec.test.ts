// Every external command can be stopped by the run's deadline, with everything it started.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execCommand } from '../src/common/exec.js'
import { docker } from '../src/image/docker.js'
import { NoAnswer } from '../src/common/errors.js'
import { verifyRelease } from '../src/verify/check.js'
import { fakeClock } from './helpers/clock.js'

const marker = () => String(400 + Math.floor(Math.random() * 500))
const running = (args: string): string[] =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.trim() === args)

test('a command runs with an argument array and its output comes back, line by line too', async () => {
  const lines: string[] = []
  const result = await execCommand('sh', ['-c', 'echo one; echo two >&2; printf three'], {
    onLine: (l) => lines.push(l),
  })
  expect(result).toEqual({ exitCode: 0, stdout: 'one\nthree', stderr: 'two\n' })
  expect(lines.sort()).toEqual(['one', 'three', 'two'])
})

test('stdin gets the input (passwords never go in argv)', async () => {
  expect((await execCommand('cat', [], { input: 'secret' })).stdout).toBe('secret')
})

test('a missing command says so', async () => {
  await expect(execCommand('no-such-command-here', [])).rejects.toThrow(
    'Unable to locate executable file: no-such-command-here',
  )
})

test('the signal stops the command and its whole process group at once', async () => {
  const n = marker()
  const started = Date.now()
  const result = await execCommand('sh', ['-c', `sleep ${n} & sleep ${n}`], { signal: AbortSignal.timeout(300) })
  expect(result.stopped).toBe(true)
  expect(result.exitCode).not.toBe(0)
  expect(Date.now() - started).toBeLessThan(3000)
  expect(running(`sleep ${n}`)).toEqual([])
})

test('a docker command stopped by the deadline is a NoAnswer naming it', async () => {
  const bin = mkdtempSync(path.join(tmpdir(), 'fake-docker-'))
  writeFileSync(path.join(bin, 'docker'), '#!/bin/sh\nexec sleep 30\n')
  chmodSync(path.join(bin, 'docker'), 0o755)
  const saved = process.env.PATH
  process.env.PATH = `${bin}:${saved}`
  try {
    const error = await docker(['push', 'x'], { signal: AbortSignal.timeout(200) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NoAnswer)
    expect((error as Error).message).toBe(
      "docker push did not finish before the run's deadline (timeout-minutes, or the job was cancelled): it was stopped.",
    )
  } finally {
    process.env.PATH = saved
  }
})

describe('verify-command', () => {
  const plan = {
    urls: [],
    testUrls: [],
    expectation: { status: [] },
    headers: {},
    timeoutMs: 300,
    intervalMs: 100,
  } as unknown as Parameters<typeof verifyRelease>[0]
  const deployed = { cluster: 'prod', service: 'web', taskDefinition: 'web:2' }

  test('one that outlives verify-timeout is stopped with its process group, and the verification fails', async () => {
    const n = marker()
    const outcome = await verifyRelease(
      { ...plan, command: ['sh', '-c', `sleep ${n} & sleep ${n}`] },
      'production',
      deployed,
      {
        clock: fakeClock(),
        output: () => undefined,
      },
    )
    expect(outcome).toEqual({
      ok: false,
      lines: [],
      reason:
        'verification failed (production): verify-command did not finish within verify-timeout (0 s); it was stopped',
    })
    expect(running(`sleep ${n}`)).toEqual([])
  })

  test("one that outlives the run's deadline is stopped then", async () => {
    const outcome = await verifyRelease(
      { ...plan, timeoutMs: 60_000, command: ['sleep', '30'] },
      'production',
      deployed,
      {
        clock: fakeClock(),
        signal: AbortSignal.timeout(200),
        output: () => undefined,
      },
    )
    expect(outcome.reason).toBe(
      "verification failed (production): verify-command did not finish before the run's deadline; it was stopped",
    )
  })
})

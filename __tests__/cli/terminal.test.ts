import { terminalLog } from '../../src/cli/terminal.js'

function said(tty: boolean, act: (log: ReturnType<typeof terminalLog>) => Promise<void> | void): Promise<string> {
  let out = ''
  const log = terminalLog((text) => (out += text), tty)
  return Promise.resolve(act(log)).then(() => (log.end(), out))
}

describe('terminalLog', () => {
  test('plain output: groups as headings, warnings and errors named, every count line kept', async () => {
    const out = await said(false, async (log) => {
      await log.group('Rollout', async () => {
        log.info('[0:01] web:7: running 0/2, pending 2, failed 0')
        log.info('[0:03] web:7: running 1/2, pending 1, failed 0')
        log.info('[0:04] (service web) has reached a steady state.')
      })
      log.warning('careful', { file: 'Dockerfile', startLine: 3 })
      log.error('Deployment of web failed\nsecond line')
    })
    expect(out).toBe(
      [
        '▸ Rollout',
        '[0:01] web:7: running 0/2, pending 2, failed 0',
        '[0:03] web:7: running 1/2, pending 1, failed 0',
        '[0:04] (service web) has reached a steady state.',
        'warning: careful (Dockerfile:3)',
        'Error: Deployment of web failed',
        'second line',
        '',
      ].join('\n'),
    )
  })

  test('a TTY gets one updating status line for the counts', async () => {
    const out = await said(true, (log) => {
      log.info('[0:01] web:7: running 0/2, pending 2, failed 0')
      log.info('[0:03] web:7: running 1/2, pending 1, failed 0')
      log.info('[0:04] done')
    })
    expect(out).toBe(
      '\r\x1b[K[0:01] web:7: running 0/2, pending 2, failed 0\r\x1b[K[0:03] web:7: running 1/2, pending 1, failed 0\n[0:04] done\n',
    )
  })

  test('secrets registered with the log are redacted from everything it writes', async () => {
    const out = await said(false, (log) => {
      log.secret('hunter22')
      log.info('docker login -p hunter22 registry')
      log.warning('token hunter22 refused')
    })
    expect(out).toBe('docker login -p *** registry\nwarning: token *** refused\n')
  })

  test('NO_COLOR (set, non-empty) drops the bold but keeps the updating status line', async () => {
    let out = ''
    const log = terminalLog((text) => (out += text), true, { NO_COLOR: 'yes' })
    await log.group('Rollout', async () => log.info('[0:01] web:7: running 0/2, pending 2, failed 0'))
    log.error('failed')
    expect(out).toBe('▸ Rollout\n\r\x1b[K[0:01] web:7: running 0/2, pending 2, failed 0\nError: failed\n')
  })
})

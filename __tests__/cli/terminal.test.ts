import { terminalWriter } from '../../src/cli/terminal.js'

function render(chunks: string[], tty: boolean): string {
  let out = ''
  const writer = terminalWriter((text) => (out += text), tty)
  for (const chunk of chunks) writer.write(chunk)
  writer.end()
  return out
}

const OUTPUT = [
  '::group::Rollout\n[0:01] web:7: running 0/2, pending 2, failed 0\n',
  '[0:03] web:7: running 1/2, pe',
  'nding 1, failed 0\n[0:04] (service web) has reached a steady state.\n::endgroup::\n',
  '::set-output name=status::succeeded\n::error::Deployment of web failed%0Asecond line\n',
]

describe('terminalWriter', () => {
  test('plain output: workflow commands become readable lines, every count line is kept', () => {
    expect(render(OUTPUT, false)).toBe(
      [
        '▸ Rollout',
        '[0:01] web:7: running 0/2, pending 2, failed 0',
        '[0:03] web:7: running 1/2, pending 1, failed 0',
        '[0:04] (service web) has reached a steady state.',
        'Error: Deployment of web failed',
        'second line',
        '',
      ].join('\n'),
    )
  })

  test('a TTY gets one updating status line for the counts', () => {
    const out = render(OUTPUT, true)
    expect(out).toContain('\r\x1b[K[0:01] web:7: running 0/2, pending 2, failed 0\r\x1b[K[0:03] web:7: running 1/2, pending 1, failed 0\n[0:04]')
    expect(out).not.toContain('set-output')
  })
})

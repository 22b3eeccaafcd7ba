// The job summary as a person sees it: the summary of a success and of a failure, rendered as GitHub-flavoured
// Markdown (marked, with GitHub-like CSS) in headless Chromium. The screenshots go to build/; with UPDATE_SCREENSHOTS=1
// to docs/images/, where the pictures the docs show are kept (so a test run leaves the checkout as it was).
import { ECSClient } from '@aws-sdk/client-ecs'
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { marked } from 'marked'
import { movedToConfig, runAction, workspaceDir } from './action.js'
import { givenWebService, ScenarioAdmin, useStack, type StackEnv } from './stack.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const IMAGES = path.join(ROOT, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/images' : 'build/screenshots')
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync)
const run = promisify(execFile)
const dir = workspaceDir('e2e-summary-')
let stack: StackEnv
let ecs: ECSClient

const CSS = `body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328;
  max-width: 960px; margin: 24px; } h1, h2, h3 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
table { border-collapse: collapse; margin: 12px 0; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; } code { background: #eff1f3; border-radius: 6px; padding: .2em .4em;
  font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; } pre { background: #f6f8fa; padding: 16px; overflow: auto; }
details { margin: 8px 0; } summary { cursor: pointer; }`

/** The summary as an HTML page; its screenshot in IMAGES/NAME.png. Returns the HTML. */
async function screenshot(markdown: string, name: string): Promise<string> {
  const html = `<!doctype html><meta charset="utf-8"><style>${CSS}</style><body>${await marked.parse(markdown, { gfm: true })}</body>`
  const page = path.join(dir, `${name}.html`)
  writeFileSync(page, html)
  mkdirSync(IMAGES, { recursive: true })
  const png = path.join(IMAGES, `${name}.png`)
  await run(CHROMIUM ?? 'chromium', [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    '--window-size=1000,1400',
    `--screenshot=${png}`,
    `file://${page}`,
  ])
  expect(statSync(png).size).toBeGreaterThan(20_000)
  return html
}

beforeAll(async () => {
  stack = await useStack()
  ecs = new ECSClient({})
})

afterAll(() => ecs?.destroy())

const describeWithBrowser = CHROMIUM ? describe : describe.skip
if (!CHROMIUM)
  console.warn('summary screenshots skipped: no chromium (apt-get install -y chromium; test/stack/install.sh)')

describeWithBrowser('the job summary in a browser', () => {
  const admin = () => new ScenarioAdmin(stack.STACK_SCENARIO_URL)

  test('a success: the deployed revision and the verified URL', async () => {
    await givenWebService(stack, admin(), ecs, { timeScale: 20 })
    await admin().listeners({ cluster: 'prod', service: 'web' })
    const result = await runAction(
      movedToConfig({
        cluster: 'prod',
        service: 'web',
        image: `${stack.STACK_REGISTRY}/web:v2`,
        'verify-url': `${stack.STACK_LB_URL}/version`,
        'verify-expect': '$.version == v2',
      }),
    )
    expect(result.exitCode).toBe(0)
    const html = await screenshot(result.summary, 'summary-success')
    expect(html).toContain('<table>')
    expect(html).toContain('web:2')
    expect(html).toContain(`<code>${stack.STACK_LB_URL}/version</code>`)
  })

  test('a failure: the crash, its exit code and the rollback', async () => {
    await givenWebService(stack, admin(), ecs, {
      timeScale: 20,
      circuitBreaker: { enable: true, rollback: true },
    })
    await admin().scenario({
      service: 'web',
      rollout: {
        outcome: 'crash',
        exitCode: 1,
        circuitBreakerAfterFailures: 3,
        logLines: ['listening on 8080', 'Error: DATABASE_URL is not set'],
      },
    })
    const result = await runAction({ cluster: 'prod', service: 'web', image: `${stack.STACK_REGISTRY}/web:v2` })
    expect(result.exitCode).toBe(1)
    const html = await screenshot(result.summary, 'summary-failure')
    expect(html).toContain('<table>')
    expect(html).toMatch(/exit code 1|exited with code 1|exitCode 1/i)
  })
})

import { parseConfig } from '../../src/config/load.js'
import { planEnvironments } from '../../src/config/index.js'
import { renderPlanSummary } from '../../src/engine/plan-summary.js'

const config = parseConfig(
  "environments:\n  dev: { branches: ['**'], cluster: dev, services: [web] }\n  prod: { tags: ['v*'], cluster: prod, services: [web], regions: [us-east-1, eu-west-1] }\n",
  '.github/ecs-deploy.yml',
)

test('the summary has a row per environment: deployed where (each region), or not, and why', () => {
  expect(renderPlanSummary(planEnvironments(config, { name: 'push', ref: 'refs/tags/v2' }))).toBe(
    [
      '### Deploy plan',
      '',
      'This run deploys prod.',
      '',
      '| Environment | Deploys | Why |',
      '| --- | --- | --- |',
      '| dev | ⏭️ no | ref refs/tags/v2 matches none of its branches (\\*\\*) |',
      '| prod | ✅ us-east-1, eu-west-1 | ref refs/tags/v2 matches its tag pattern v\\* |',
      '',
    ].join('\n'),
  )
})

test('a ref is outside text: it cannot break the table, add HTML or a link', () => {
  const summary = renderPlanSummary(
    planEnvironments(config, { name: 'push', ref: 'refs/heads/x|y<img src=x>[a](https://evil.example)' }),
  )
  const row = summary.split('\n').find((line) => line.startsWith('| dev |')) ?? ''
  expect(row).toBe(
    '| dev | ✅ the job’s region | ref refs/heads/x\\|y&lt;img src=x&gt;\\[a\\](`https://evil.example`) matches its branch pattern \\*\\* |',
  )
})

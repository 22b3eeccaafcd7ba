import type { PreviewConfig } from '../../src/config/types.js'
import { deployPreview } from '../../src/preview/deploy-preview.js'
import { sweepPreviews, type PreviewSweep } from '../../src/preview/sweep.js'
import { ecsTags, elbTags, previewTags } from '../../src/preview/preview-tags.js'
import { targetGroupName } from '../../src/preview/names.js'
import { fakeGitHub, git, httpError } from '../github/fake.js'
import { fakeAws, PREVIEWS, TD, type FakeAws } from './fake-aws.js'

const NOW = new Date('2026-01-10T12:00:00.000Z')
const DAY = 86_400_000
const previews: PreviewConfig = { ...PREVIEWS }

let aws: FakeAws
let github: ReturnType<typeof fakeGitHub>
let warnings: string[]
const closed = new Set<number>()

beforeEach(() => {
  aws = fakeAws()
  github = fakeGitHub()
  warnings = []
  closed.clear()
  github.rest.pulls.get.mockImplementation(async ({ pull_number }) => ({
    data: { state: closed.has(pull_number) ? 'closed' : 'open' },
  }))
})

const deploy = (pr: number, createdAgo: number) =>
  deployPreview({
    ecs: aws.ecs,
    elbv2: aws.elbv2,
    cluster: 'dev',
    baseService: 'web',
    pr,
    repository: 'octo/app',
    taskDefinitionArn: TD(`web-pr-${pr}`, 1),
    previews,
    now: new Date(NOW.getTime() - createdAgo),
  })

function sweep(overrides: Partial<PreviewSweep> = {}) {
  return sweepPreviews({
    ecs: aws.ecs,
    elbv2: aws.elbv2,
    octokit: github,
    git,
    cluster: 'dev',
    ttl: '7d',
    ttlMs: 7 * DAY,
    now: NOW,
    warn: (m) => warnings.push(m),
    ...overrides,
  })
}

test('removes previews of closed pull requests and those older than the ttl, and says why', async () => {
  await deploy(1, DAY)
  await deploy(2, 8 * DAY + 3 * 3_600_000)
  await deploy(3, DAY)
  closed.add(1)
  const swept = await sweep()
  expect(swept.map(({ removed: _removed, ...s }) => s)).toEqual([
    { serviceName: 'web-pr-1', pr: 1, reason: 'pull request #1 is closed' },
    { serviceName: 'web-pr-2', pr: 2, reason: 'created 8d 3h ago, longer than the ttl of 7d' },
  ])
  expect(swept[0]?.removed).toEqual([
    'service web-pr-1',
    expect.stringMatching(/^listener rule /),
    `target group ${targetGroupName('dev', 'web-pr-1', 1)}`,
  ])
  expect(aws.services.get('dev')?.get('web-pr-3')?.status).toBe('ACTIVE')
  expect(github.rest.pulls.get).toHaveBeenCalledWith({ owner: 'octo', repo: 'app', pull_number: 1 })
})

test("another repository's previews are left alone", async () => {
  aws.services.get('dev')?.set('web-pr-9', {
    serviceName: 'web-pr-9',
    serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/dev/web-pr-9',
    status: 'ACTIVE',
    tags: ecsTags(
      previewTags({ repository: 'octo/other', pr: 9, createdAt: new Date(0), cluster: 'dev', service: 'web-pr-9' }),
    ),
  })
  closed.add(9)
  await expect(sweep()).resolves.toEqual([])
  expect(github.rest.pulls.get).not.toHaveBeenCalled()
})

test('a target group whose service is already gone is removed with its rule', async () => {
  await deploy(5, DAY)
  aws.services.get('dev')?.delete('web-pr-5')
  closed.add(5)
  await expect(sweep()).resolves.toEqual([
    {
      serviceName: 'web-pr-5',
      pr: 5,
      reason: 'pull request #5 is closed',
      removed: [expect.stringMatching(/^listener rule /), `target group ${targetGroupName('dev', 'web-pr-5', 5)}`],
    },
  ])
})

test("target groups tagged for another cluster or repository are not this sweep's", async () => {
  const arn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/pr-8-aaaaaaaa/9'
  aws.targetGroups.push({ TargetGroupArn: arn, TargetGroupName: 'pr-8-aaaaaaaa' })
  aws.tags.set(
    arn,
    elbTags(previewTags({ repository: 'octo/app', pr: 8, createdAt: new Date(0), cluster: 'qa', service: 'web-pr-8' })),
  )
  await expect(sweep()).resolves.toEqual([])
})

test('GitHub asked once per pull request, even with several services', async () => {
  await deploy(1, DAY)
  aws.services.get('dev')?.set('worker', {
    ...aws.services.get('dev')?.get('web'),
    serviceName: 'worker',
    serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/dev/worker',
    loadBalancers: [],
  })
  await deployPreview({
    ecs: aws.ecs,
    elbv2: aws.elbv2,
    cluster: 'dev',
    baseService: 'worker',
    pr: 1,
    repository: 'octo/app',
    taskDefinitionArn: TD('worker-pr-1', 1),
    previews,
    now: NOW,
  })
  closed.add(1)
  const swept = await sweep()
  expect(swept.map((s) => s.serviceName).sort()).toEqual(['web-pr-1', 'worker-pr-1'])
  expect(github.rest.pulls.get).toHaveBeenCalledTimes(1)
})

test('when GitHub cannot say, only age removes previews, with one warning', async () => {
  await deploy(1, DAY)
  await deploy(2, 10 * DAY)
  github.rest.pulls.get.mockRejectedValue(httpError(403, 'Resource not accessible by integration'))
  const swept = await sweep()
  expect(swept.map((s) => s.reason)).toEqual(['created 10d ago, longer than the ttl of 7d'])
  expect(warnings).toEqual([
    'Could not read pull request #1: Resource not accessible by integration (HTTP 403). Give the job `permissions: pull-requests: read`; until then previews are removed by age (ttl) only.',
  ])
})

test('nothing to sweep in an empty cluster', async () => {
  aws.services.set('empty', new Map())
  await expect(sweep({ cluster: 'empty' })).resolves.toEqual([])
})

test('a cluster that does not exist is a mistake to fix', async () => {
  await expect(sweep({ cluster: 'nope' })).rejects.toThrow(
    'Cluster "nope" was not found: check the cluster of the previews.base environment, and AWS_REGION.',
  )
})

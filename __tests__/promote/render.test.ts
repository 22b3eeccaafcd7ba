// A promotion's images on the target's own task definition, and how the summary and outputs say where they came from.
import { renderTaskDefinition } from '../../src/taskdef/index.js'
import {
  promotedImageLines,
  renderSummary,
  type DeploymentReport,
  type RunReport,
} from '../../src/engine/run-report.js'

const A = `r/web@sha256:${'a'.repeat(64)}`
const B = `r/proxy@sha256:${'b'.repeat(64)}`

const current = {
  family: 'web-prod',
  revision: 3,
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-prod:3',
  containerDefinitions: [
    {
      name: 'web',
      image: 'r/web:old',
      environment: [{ name: 'STAGE', value: 'prod' }],
      secrets: [{ name: 'DB', valueFrom: 'arn:prod-db' }],
    },
    { name: 'log-router', image: 'fluent-bit:2' },
  ],
  executionRoleArn: 'arn:aws:iam::123456789012:role/prod-exec',
}

test("only images move: each container of the source's names gets its image, the rest of prod's definition stays", async () => {
  const rendered = await renderTaskDefinition({
    current,
    images: { web: A, proxy: B },
    containers: [],
    placeholders: {},
  })
  expect(rendered.request.containerDefinitions).toEqual([
    {
      name: 'web',
      image: A,
      environment: [{ name: 'STAGE', value: 'prod' }],
      secrets: [{ name: 'DB', valueFrom: 'arn:prod-db' }],
    },
    { name: 'log-router', image: 'fluent-bit:2' },
  ])
  expect(rendered.request.executionRoleArn).toBe('arn:aws:iam::123456789012:role/prod-exec')
  expect(rendered.containers).toEqual(['web'])
  expect(rendered.notes).toEqual([
    'dropped read-only keys: revision, taskDefinitionArn',
    'kept the images of log-router: the promoted environment has no container of that name',
    'not promoted: proxy, which this task definition has no container for',
  ])
})

test('no container name in common is refused', async () => {
  await expect(renderTaskDefinition({ current, images: { app: A }, containers: [], placeholders: {} })).rejects.toThrow(
    'current task definition web-prod:3 has containers web, log-router, and the promoted images are for app: no container name in common. Name the containers alike in both environments.',
  )
})

const promoted: DeploymentReport = {
  cluster: 'prod',
  service: 'web',
  region: 'us-east-1',
  status: 'succeeded',
  reason: 'Deployed.',
  strategy: 'rolling update',
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-prod:4',
  notes: [],
  promoted: {
    environment: 'qa',
    service: 'web-qa',
    taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-qa:9',
    images: { web: A },
  },
}
const run: RunReport = {
  cluster: 'prod',
  region: 'us-east-1',
  status: 'succeeded',
  reason: '',
  durationSeconds: 5,
  services: [promoted],
  image: A,
  promotedFrom: 'qa',
}

test("the summary's what-was-deployed names the source and each image by digest", () => {
  const summary = renderSummary(run)
  expect(summary).toContain('| Promoted from | qa (web-qa, web-qa:9) |')
  expect(summary).toContain(`| Images | web: \`${A}\` |`)
  const several = renderSummary({ ...run, services: [promoted, { ...promoted, service: 'worker' }] })
  expect(several).toContain('| Promoted from | qa |')
})

test('the promoted-images output: container=image lines, with the service first when there are several', () => {
  expect(promotedImageLines(run)).toEqual([`web=${A}`])
  expect(promotedImageLines({ ...run, services: [promoted, { ...promoted, service: 'worker' }] })).toEqual([
    `web: web=${A}`,
    `worker: web=${A}`,
  ])
})

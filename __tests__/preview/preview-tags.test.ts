import { copiedTags, ecsTags, elbTags, previewTags, readPreviewTags } from '../../src/preview/preview-tags.js'

const identity = {
  repository: 'octo/app',
  pr: 12,
  createdAt: new Date('2026-01-02T03:04:05.000Z'),
  cluster: 'dev',
  service: 'web-pr-12',
}
const tags = previewTags(identity)

test('previewTags names repository, pull request, creation time, cluster and service', () => {
  expect(tags).toEqual({
    'ecs-deploy-action:repository': 'octo/app',
    'ecs-deploy-action:pr': '12',
    'ecs-deploy-action:created-at': '2026-01-02T03:04:05.000Z',
    'ecs-deploy-action:cluster': 'dev',
    'ecs-deploy-action:service': 'web-pr-12',
  })
})

test('ECS and ELB tags read back the same', () => {
  expect(readPreviewTags(ecsTags(tags), 'octo/app')).toEqual(identity)
  expect(readPreviewTags(elbTags(tags), 'octo/app')).toEqual(identity)
})

test.each([
  ['another repository', ecsTags(tags), 'octo/other'],
  ['no tags', undefined, 'octo/app'],
  ['no pull request number', ecsTags({ ...tags, 'ecs-deploy-action:pr': 'x' }), 'octo/app'],
  ['pull request 0', ecsTags({ ...tags, 'ecs-deploy-action:pr': '0' }), 'octo/app'],
])('not a preview of the repository: %s', (_name, given, repository) => {
  expect(readPreviewTags(given, repository)).toBeUndefined()
})

test('a bad creation time is left out', () => {
  expect(
    readPreviewTags(
      ecsTags({
        'ecs-deploy-action:repository': 'octo/app',
        'ecs-deploy-action:pr': '3',
        'ecs-deploy-action:created-at': 'soon',
      }),
      'octo/app',
    ),
  ).toEqual({
    repository: 'octo/app',
    pr: 3,
  })
})

test("copiedTags keeps the base's own tags, not AWS's or ours, within the room left", () => {
  const base = [
    { key: 'team', value: 'payments' },
    { key: 'aws:cloudformation:stack-name', value: 'dev' },
    { key: 'ecs-deploy-action:pr', value: '3' },
    { key: 'cost-center', value: '42' },
    { key: 'empty' },
  ]
  expect(copiedTags(base, 50)).toEqual([
    { key: 'team', value: 'payments' },
    { key: 'cost-center', value: '42' },
  ])
  expect(copiedTags(base, 1)).toEqual([{ key: 'team', value: 'payments' }])
  expect(copiedTags(undefined, 5)).toEqual([])
})

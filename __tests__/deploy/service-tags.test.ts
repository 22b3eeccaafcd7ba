import { ECSClient, TagResourceCommand, UntagResourceCommand, type Service } from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import { applyServiceTags } from '../../src/deploy/service-tags.js'

const ecsMock = mockClient(ECSClient)
const ecs = new ECSClient({ region: 'us-east-1' })
const ARN = 'arn:aws:ecs:us-east-1:123456789012:service/prod/web'
const service: Service = {
  serviceName: 'web',
  serviceArn: ARN,
  tags: [
    { key: 'team', value: 'payments' },
    { key: 'old', value: '1' },
  ],
}

beforeEach(() => ecsMock.reset())

test('sets what differs, removes what the file no longer has, and says so', async () => {
  const done = await applyServiceTags(ecs, service, [{ key: 'team', value: 'search' }])
  expect(done).toEqual({ note: 'tags: set team=search; remove old' })
  expect(ecsMock).toHaveReceivedCommandWith(TagResourceCommand, {
    resourceArn: ARN,
    tags: [{ key: 'team', value: 'search' }],
  })
  expect(ecsMock).toHaveReceivedCommandWith(UntagResourceCommand, { resourceArn: ARN, tagKeys: ['old'] })
})

test('the tags as the service has them, or no tags in the file: no call', async () => {
  expect(await applyServiceTags(ecs, service, [...(service.tags ?? [])].reverse())).toBeUndefined()
  expect(await applyServiceTags(ecs, service, undefined)).toBeUndefined()
  expect(ecsMock.calls()).toHaveLength(0)
})

test('a refused TagResource is said with the permission, never thrown', async () => {
  ecsMock
    .on(TagResourceCommand)
    .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $fault: 'client' }))
  const done = await applyServiceTags(ecs, service, [
    { key: 'team', value: 'payments' },
    { key: 'old', value: '1' },
    { key: 'cost', value: 'c1' },
  ])
  expect(done?.failed).toBe(true)
  expect(done?.note).toMatch(/^tags were not changed \(set cost=c1\): .*ecs:TagResource/)
})

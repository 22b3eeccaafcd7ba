import { revisionsToDeregister } from '../../src/deploy/keep-revisions.js'

const arn = (n: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${n}`

describe('revisionsToDeregister', () => {
  test('all but the newest N, by revision number whatever the listing order', () => {
    expect(revisionsToDeregister([arn(9), arn(10), arn(2), arn(11)], 2, new Set())).toEqual([arn(9), arn(2)])
  })

  test('never one in use', () => {
    expect(revisionsToDeregister([arn(1), arn(2), arn(3)], 1, new Set([arn(1)]))).toEqual([arn(2)])
  })

  test('nothing when there are N or fewer', () => {
    expect(revisionsToDeregister([arn(1), arn(2)], 2, new Set())).toEqual([])
  })
})

import {
  functionName,
  parseArn,
  resourceId,
  resourceName,
  revisionNumber,
  taskDefinitionFamily,
  taskDefinitionRevision,
} from '../../src/aws/arn.js'

const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:12'
const SERVICE = 'arn:aws:ecs:us-east-1:123456789012:service/prod/web'
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210'

describe('ARNs', () => {
  test('parts of an ARN; a plain name is none', () => {
    expect(parseArn(SERVICE)).toEqual({
      partition: 'aws',
      service: 'ecs',
      region: 'us-east-1',
      account: '123456789012',
      resource: 'service/prod/web',
    })
    expect(parseArn('web:12')).toBeUndefined()
  })

  test.each([
    [TD, 'web:12', 'web', 12],
    ['web:3', 'web:3', 'web', 3],
    ['arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/my-app_v2:7', 'my-app_v2:7', 'my-app_v2', 7],
  ])('task definition %s is %s of family %s', (arn, revision, family, number) => {
    expect(taskDefinitionRevision(arn)).toBe(revision)
    expect(taskDefinitionFamily(arn)).toBe(family)
    expect(revisionNumber(arn)).toBe(number)
  })

  test('a missing task definition reads as the fallback', () => {
    expect(taskDefinitionRevision(undefined)).toBe('?')
    expect(taskDefinitionRevision(undefined, '—')).toBe('—')
    expect(revisionNumber('web')).toBeUndefined()
  })

  test('names of services, clusters and tasks; ids of target groups; Lambda function names', () => {
    expect(resourceName(SERVICE)).toBe('web')
    expect(resourceName('arn:aws:ecs:us-east-1:123456789012:cluster/prod')).toBe('prod')
    expect(resourceName('arn:aws:ecs:us-east-1:123456789012:task/prod/0123abcd')).toBe('0123abcd')
    expect(resourceName('prod')).toBe('prod')
    expect(resourceId(TG)).toBe('web-green/fedcba9876543210')
    expect(functionName('arn:aws:lambda:us-east-1:123456789012:function:check-health')).toBe('check-health')
    expect(functionName('arn:aws:lambda:us-east-1:123456789012:function:check-health:live')).toBe('check-health')
  })
})

// A drift's two values from the deploy's own change lines and differences: the live one first, the repository's second.
import { runningRevision, serviceDrift, taskDefinitionDrift } from '../../src/deploy/drift.js'
import { deployment, NEW_TD, OLD_TD, oldDeployment, service } from '../helpers/ecs.js'

test.each([
  ['service desired count: 5 → 2', { path: 'service desired count', live: '5', repo: '2' }],
  [
    'service deployment alarms: none → cpu-high (roll back on ALARM)',
    { path: 'service deployment alarms', live: 'none', repo: 'cpu-high (roll back on ALARM)' },
  ],
  [
    'service networkConfiguration: {"awsvpcConfiguration":{"subnets":["a"]}} → {"awsvpcConfiguration":{"subnets":["b"]}}',
    {
      path: 'service networkConfiguration',
      live: '{"awsvpcConfiguration":{"subnets":["a"]}}',
      repo: '{"awsvpcConfiguration":{"subnets":["b"]}}',
    },
  ],
])('%s', (line, drift) => {
  expect(serviceDrift(line)).toEqual(drift)
})

test('a task definition difference: values shown, a secret named with its values hidden', () => {
  const base = { path: 'p', item: false, masked: false }
  expect(taskDefinitionDrift({ ...base, before: 'a', after: undefined })).toEqual({
    path: 'p',
    live: 'a',
    repo: '(none)',
  })
  expect(taskDefinitionDrift({ ...base, before: ['x'], after: 3 })).toEqual({ path: 'p', live: '["x"]', repo: '3' })
  expect(taskDefinitionDrift({ ...base, masked: true, before: 's1', after: undefined })).toEqual({
    path: 'p',
    live: '(hidden)',
    repo: '(none)',
  })
})

test("the running revision is the PRIMARY deployment's, else the service's", () => {
  const rolling = service({
    taskDefinition: OLD_TD,
    deployments: [oldDeployment(), deployment({ taskDefinition: NEW_TD })],
  })
  expect(runningRevision(rolling)).toBe(NEW_TD)
  expect(runningRevision(service({ taskDefinition: OLD_TD, deployments: [] }))).toBe(OLD_TD)
})

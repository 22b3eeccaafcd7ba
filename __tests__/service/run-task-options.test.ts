// The run-task-* inputs: read into RunTask's members, each mistake one message naming the input.
import { readRunTaskOptions } from '../../src/settings/run-task-options.js'

const read = (values: Record<string, string>) => readRunTaskOptions((name) => values[name] ?? '')

test('each input becomes its RunTask member', () => {
  expect(
    read({
      'run-task': 'npm run migrate',
      'run-task-count': '3',
      'run-task-capacity-provider-strategy': 'FARGATE_SPOT:1',
      'run-task-subnets': 'subnet-1,subnet-2',
      'run-task-security-groups': 'sg-1',
      'run-task-assign-public-ip': 'enabled',
      'run-task-tags': 'team=data\nnote=a=b',
      'run-task-overrides': '{"cpu":"512","containerOverrides":[{"name":"web","environment":[]}]}',
    }),
  ).toEqual({
    count: 3,
    capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
    subnets: ['subnet-1', 'subnet-2'],
    securityGroups: ['sg-1'],
    assignPublicIp: 'ENABLED',
    tags: [
      { key: 'team', value: 'data' },
      { key: 'note', value: 'a=b' },
    ],
    overrides: { cpu: '512', containerOverrides: [{ name: 'web', environment: [] }] },
  })
  expect(read({ 'run-task': 'x', 'run-task-launch-type': 'fargate' })).toEqual({ launchType: 'FARGATE' })
})

test("run-task-tags also takes the official action's JSON array", () => {
  expect(read({ 'run-task': 'x', 'run-task-tags': '[{"key":"team","value":"data"},{"key":"empty"}]' })).toEqual({
    tags: [
      { key: 'team', value: 'data' },
      { key: 'empty', value: '' },
    ],
  })
})

test.each([
  [{ 'run-task-subnets': 'subnet-1' }, 'Input `run-task-subnets` needs `run-task`: the command the one-off task runs.'],
  [
    { 'run-task': 'x', 'run-task-launch-type': 'FARGATE', 'run-task-capacity-provider-strategy': 'FARGATE' },
    'Config keys `run-task.launch-type` and `run-task.capacity-provider-strategy` exclude each other (as in RunTask): give one.',
  ],
  [{ 'run-task': 'x', 'run-task-count': '11' }, 'Input `run-task-count` must be a number from 1 to 10, not "11".'],
  [
    { 'run-task': 'x', 'run-task-tags': 'team' },
    'Config key `run-task.tags` line 1 is not KEY=value (a key of 1–128 characters, a value of at most 256).',
  ],
  [{ 'run-task': 'x', 'run-task-tags': 'a=1\na=2' }, 'Config key `run-task.tags` line 2: a is given twice.'],
  [
    { 'run-task': 'x', 'run-task-tags': '[{"key":"team","value":1}]' },
    'Config key `run-task.tags` is not a JSON array of {"key": …, "value": …} (a key of 1–128 characters, a value of at most 256); or write one KEY=value a line.',
  ],
  [{ 'run-task': 'x', 'run-task-tags': '[{"key":"a"},{"key":"a"}]' }, 'Config key `run-task.tags`: a is given twice.'],
  [
    { 'run-task': 'x', 'run-task-overrides': '[]' },
    "Config key `run-task.overrides` must be a JSON object (RunTask's overrides), not a list.",
  ],
  [
    { 'run-task': 'x', 'run-task-overrides': '{"command":["x"]}' },
    'Config key `run-task.overrides`: unknown key "command" (it takes containerOverrides, cpu, memory, taskRoleArn, executionRoleArn, ephemeralStorage, inferenceAcceleratorOverrides).',
  ],
  [
    { 'run-task': 'x', 'run-task-overrides': '{"containerOverrides":[{"image":"x"}]}' },
    'Config key `run-task.overrides`: containerOverrides item 1 needs "name", the container it overrides.',
  ],
  [
    { 'run-task': 'x', 'run-task-overrides': '{"containerOverrides":[{"name":"web","image":"x"}]}' },
    'Config key `run-task.overrides`: containerOverrides item 1 (web) has no key "image"',
  ],
])('%j is refused', (values, message) => {
  expect(() => read(values)).toThrow(message)
})

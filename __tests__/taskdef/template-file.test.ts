import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { loadTemplate } from '../../src/taskdef/template-file.js'
import { fixtures, workspace, writeTemplate } from './helpers.js'

const values = { CPU: '256', TAG: 'abc123', QUOTED: 'say "hi" \\o/', APOSTROPHE: "it's", EMPTY: '', OTHER: '${TAG}' }

async function loaded(name: string, text: string, placeholders: Record<string, string> = values): Promise<unknown> {
  const dir = workspace()
  return loadTemplate(writeTemplate(dir, name, text), placeholders, dir)
}

async function loadError(name: string, text: string): Promise<string> {
  const dir = workspace()
  const error = await loadTemplate(writeTemplate(dir, name, text), values, dir).then(
    () => new Error('expected an error'),
    (error: unknown) => error as Error,
  )
  expect(error.name).toBe('UserError')
  return error.message.replaceAll(dir, '<workspace>')
}

describe('loadTemplate formats', () => {
  it('reads plain JSON and the same content as YAML alike', async () => {
    const json = await loaded('td.json', '{"family": "web", "containerDefinitions": [{"name": "web", "cpu": 0}]}')
    const yaml = await loaded('td.yaml', 'family: web\ncontainerDefinitions:\n  - name: web\n    cpu: 0\n')
    expect(json).toEqual({ family: 'web', containerDefinitions: [{ name: 'web', cpu: 0 }] })
    expect(yaml).toEqual(json)
  })

  it('unwraps describe-task-definition output and keeps its tags', async () => {
    const definition = await loadTemplate('describe-output.json', { GITHUB_SHA: 'f00d' }, fixtures)
    expect(definition).toMatchObject({
      family: 'web',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:41',
      tags: [{ key: 'team', value: 'payments' }],
    })
    expect(definition).not.toHaveProperty('taskDefinition')
  })

  it('resolves the path against the workspace', async () => {
    const dir = workspace()
    mkdirSync(join(dir, '.aws'))
    writeTemplate(dir, '.aws/td.yaml', 'family: web\n')
    await expect(loadTemplate('.aws/td.yaml', {}, dir)).resolves.toEqual({ family: 'web' })
  })
})

describe('loadTemplate errors', () => {
  it.each([
    [
      'a missing comma in JSON',
      'td.json',
      '{\n  "family": "web"\n  "cpu": "${CPU}"\n}\n',
      'task definition td.json:3: is not valid JSON (column 3): Missing , between flow map items',
    ],
    [
      'an unclosed JSON list',
      'td.json',
      '{"containerDefinitions": [{"name": "web"}\n',
      'task definition td.json:2: is not valid JSON (column 1): Flow sequence in block collection must be sufficiently indented ' +
        'and end with a ]',
    ],
    [
      'bad YAML indentation',
      'td.yaml',
      'family: web\n  cpu: 256\n',
      'task definition td.yaml:1: is not valid YAML (column 9): Nested mappings are not allowed in compact mappings',
    ],
    [
      'duplicate keys',
      'td.yml',
      'family: web\nfamily: api\n',
      'task definition td.yml:2: is not valid YAML (column 1): Map keys must be unique',
    ],
    [
      'a top-level list',
      'td.json',
      '[{"family": "web"}]',
      'task definition td.json: the top level must be an object (a RegisterTaskDefinition request or the output of ' +
        '`aws ecs describe-task-definition`), found a list.',
    ],
    [
      'an empty file',
      'td.yaml',
      '# nothing yet\n',
      'task definition td.yaml: the top level must be an object (a RegisterTaskDefinition request or the output of ' +
        '`aws ecs describe-task-definition`), found nothing.',
    ],
    [
      'describe output with other keys',
      'td.json',
      '{"taskDefinition": {"family": "web"}, "tags": [], "ResponseMetadata": {}}',
      'task definition td.json looks like `aws ecs describe-task-definition` output (it has taskDefinition) but also ' +
        'has ResponseMetadata; that output has only taskDefinition and tags. Remove the other keys.',
    ],
    [
      'describe output whose taskDefinition is not an object',
      'td.json',
      '{"taskDefinition": "web:3"}',
      'task definition td.json, taskDefinition: expected an object, found a string.',
    ],
  ])('reports %s', async (_case, name, text, message) => {
    expect(await loadError(name, text)).toBe(message)
  })

  it('reports a missing file with where it looked', async () => {
    const dir = workspace()
    await expect(loadTemplate('.aws/td.json', {}, dir)).rejects.toThrow(
      `task definition .aws/td.json not found at ${dir}/.aws/td.json. Input \`task-definition\` is relative ` +
        'to the workspace (GITHUB_WORKSPACE, else the working directory): check the path, and that the ' +
        'repository is checked out.',
    )
  })

  it.each(['web', 'web:42'])(
    'a missing file named like a family (%s, as the official action took it) says to leave the input out',
    async (name) => {
      const dir = workspace()
      await expect(loadTemplate(name, {}, dir)).rejects.toThrow(
        `task definition ${name} not found at ${dir}/${name}. Input \`task-definition\` is relative ` +
          'to the workspace (GITHUB_WORKSPACE, else the working directory): check the path, and that the ' +
          `repository is checked out. If "${name}" is a task definition family, leave \`task-definition\` out: ` +
          "the service's current task definition is the starting point.",
      )
    },
  )

  it('reports a file that cannot be read', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'td.json'))
    await expect(loadTemplate('td.json', {}, dir)).rejects.toThrow(
      `task definition td.json cannot be read (EISDIR: illegal operation on a directory, read) at ${dir}/td.json. ` +
        'Input `task-definition` is relative to the workspace (GITHUB_WORKSPACE, else the working directory): ' +
        'check the path, and that the repository is checked out.',
    )
  })
})

describe('loadTemplate placeholders', () => {
  it.each([
    ['JSON string', 'td.json', '{"image": "web:${TAG}"}', { image: 'web:abc123' }],
    ['JSON number', 'td.json', '{"cpu": ${CPU}}', { cpu: 256 }],
    ['JSON in a list', 'td.json', '{"command": [${CPU}, "${TAG}"]}', { command: [256, 'abc123'] }],
    ['JSON quotes and backslashes', 'td.json', '{"value": "${QUOTED}"}', { value: 'say "hi" \\o/' }],
    ['JSON empty value', 'td.json', '{"value": "${EMPTY}"}', { value: '' }],
    ['JSON key', 'td.json', '{"labels": {"run-${TAG}": "x"}}', { labels: { 'run-abc123': 'x' } }],
    ['JSON escape', 'td.json', '{"value": "$${TAG} and $${UNKNOWN}"}', { value: '${TAG} and ${UNKNOWN}' }],
    ['a value is not expanded again', 'td.json', '{"value": "${OTHER}"}', { value: '${TAG}' }],
    ['YAML plain number', 'td.yaml', 'cpu: ${CPU}\n', { cpu: 256 }],
    ['YAML plain string', 'td.yaml', 'image: web:${TAG}\n', { image: 'web:abc123' }],
    ['YAML double quotes keep a string', 'td.yaml', 'cpu: "${CPU}"\n', { cpu: '256' }],
    ['YAML double quotes and quotes in the value', 'td.yaml', 'v: "${QUOTED}"\n', { v: 'say "hi" \\o/' }],
    ['YAML single quotes and an apostrophe', 'td.yaml', "v: '${APOSTROPHE}'\n", { v: "it's" }],
    [
      'YAML plain apostrophe and quotes',
      'td.yaml',
      'a: ${APOSTROPHE}\nq: ${QUOTED}\n',
      { a: "it's", q: 'say "hi" \\o/' },
    ],
    ['YAML block scalar', 'td.yaml', 'v: |\n  tag ${TAG}\n', { v: 'tag abc123\n' }],
    ['YAML flow list', 'td.yaml', 'command: [${CPU}, ${TAG}]\n', { command: [256, 'abc123'] }],
    ['YAML escape', 'td.yaml', 'v: $${TAG}\n', { v: '${TAG}' }],
    ['YAML tag keeps a string', 'td.yaml', 'v: !!str ${CPU}\n', { v: '256' }],
    ['YAML comments are left alone', 'td.yaml', '# ${UNKNOWN}\nv: 1 # ${UNKNOWN}\n', { v: 1 }],
    ['not a placeholder name', 'td.yaml', 'v: ${1A} ${A-B} $TAG\n', { v: '${1A} ${A-B} $TAG' }],
  ])('fills %s', async (_case, name, text, expected) => {
    expect(await loaded(name, text)).toEqual(expected)
  })

  it('fills the fixtures', async () => {
    const placeholders = {
      ENVIRONMENT: 'prod',
      CPU: '512',
      SHORT_SHA: 'f00d',
      GREETING: 'say "hi"',
      REF_NAME: 'main',
      RUN_NUMBER: '42',
    }
    const yaml = await loadTemplate('td.yaml', placeholders, fixtures)
    expect(yaml).toEqual({
      family: 'web-prod',
      cpu: 512,
      memory: 1024,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      executionRoleArn: 'arn:aws:iam::123456789012:role/web-execution',
      containerDefinitions: [
        {
          name: 'web',
          image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:f00d',
          portMappings: [{ containerPort: 8080 }],
          environment: [
            { name: 'GREETING', value: 'say "hi"' },
            { name: 'RELEASE', value: 'main' },
            { name: 'TEMPLATE', value: '${NOT_A_PLACEHOLDER}' },
          ],
          dockerLabels: { 'com.example.run': '42' },
        },
      ],
    })
    const json = await loadTemplate('td.json', placeholders, fixtures)
    expect(json).toEqual({ ...yaml, memory: '1024' })
  })

  it('reports an unknown placeholder with its line and the fix', async () => {
    expect(await loadError('td.json', '{\n  "family": "web",\n  "image": "web:${FOO}"\n}\n')).toBe(
      'task definition td.json, line 3, unknown placeholder ${FOO}\n' +
        'Known: CPU, TAG, QUOTED, APOSTROPHE, EMPTY, OTHER. Add it to the `vars` of the environment in the config file (FOO: value), ' +
        'or write $${FOO} for a literal ${FOO}.',
    )
  })

  it('reports every unknown placeholder at once', async () => {
    const text = 'family: ${FAMILY}\ncpu: ${CPU}\nimage: web:${FOO}\nlabel: ${constructor}\n'
    expect(await loadError('td.yaml', text)).toBe(
      'task definition td.yaml has 3 problems:\n' +
        '  - line 1, unknown placeholder ${FAMILY}\n' +
        '  - line 3, unknown placeholder ${FOO}\n' +
        '  - line 4, unknown placeholder ${constructor}\n' +
        'Known: CPU, TAG, QUOTED, APOSTROPHE, EMPTY, OTHER. Add them to the `vars` of the environment in the config file (FAMILY: value), ' +
        'or write $${FAMILY} for a literal ${FAMILY}.',
    )
  })
})

describe('loadTemplate: files that are not what they should be', () => {
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

  it.each([
    [
      'a path up out of the workspace',
      (dir: string) => (writeFileSync(join(dirname(dir), 'outside.json'), '{}'), '../outside.json'),
      '../outside.json leads outside it.',
    ],
    ['an absolute path elsewhere', () => '/proc/self/environ', '/proc/self/environ leads outside it.'],
    [
      'a symlink out of the workspace',
      (dir: string) => (symlinkSync('/proc/self/environ', join(dir, 'td.json')), 'td.json'),
      'td.json leads outside it (through a symlink, to /proc/<pid>/environ).',
    ],
  ])('refuses %s, naming the input', async (_case, arrange, end) => {
    const dir = workspace()
    const path = arrange(dir)
    const error = (await loadTemplate(path, {}, dir).catch((e: unknown) => e)) as Error
    expect(error.name).toBe('UserError')
    expect(error.message.replaceAll(dir, '<workspace>').replace(/\/proc\/\d+\//, '/proc/<pid>/')).toBe(
      `Input \`task-definition\` must name a path inside the workspace (<workspace>); ${end}`,
    )
  })

  it.each([
    [
      'an environment dump (a plain string)',
      'td.json',
      `AWS_SECRET_ACCESS_KEY=${SECRET}\u0000HOME=/root`,
      'task definition td.json: the top level must be an object (a RegisterTaskDefinition request or the output of `aws ecs describe-task-definition`), found a string.',
    ],
    [
      'a key file (invalid YAML)',
      'td.yaml',
      `-----BEGIN KEY-----\n${SECRET}: [\n`,
      'task definition td.yaml:1: is not valid YAML (column 1): Implicit keys need to be on a single line',
    ],
  ])('reports %s without quoting it', async (_case, name, text, message) => {
    const reported = await loadError(name, text)
    expect(reported).toBe(message)
    expect(reported).not.toContain(SECRET)
  })

  it('refuses a YAML alias bomb with the file and the line of its first alias', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '',
    ].join('\n')
    expect(await loadError('td.yaml', bomb)).toBe(
      'task definition td.yaml:2: its YAML aliases expand more than 100 times (the first alias is on this line); ' +
        'refused, as such a file can exhaust memory. Write the values out, or use fewer aliases.',
    )
  })
})

import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs'
import { applyChanges, type Changes } from '../../src/taskdef/apply.js'
import { imageRepository } from '../../src/image/reference.js'

const source = 'task definition td.json'
const ecr = '123456789012.dkr.ecr.us-east-1.amazonaws.com'

function request(...containers: ContainerDefinition[]): RegisterTaskDefinitionCommandInput {
  return { family: 'web', containerDefinitions: containers }
}

const web = (): ContainerDefinition => ({ name: 'web', image: `${ecr}/web:old` })
const worker = (): ContainerDefinition => ({ name: 'worker', image: `${ecr}/web:old` })
const proxy = (): ContainerDefinition => ({ name: 'proxy', image: 'envoyproxy/envoy:v1.31' })

describe('imageRepository', () => {
  it.each([
    [`${ecr}/web:1.2`, `${ecr}/web`],
    [`${ecr}/team/web@sha256:abc`, `${ecr}/team/web`],
    [`${ecr}/web:1.2@sha256:abc`, `${ecr}/web`],
    ['localhost:5000/web:dev', 'localhost:5000/web'],
    ['registry.local:5000/web', 'registry.local:5000/web'],
    ['nginx', 'docker.io/library/nginx'],
    ['nginx:1.27', 'docker.io/library/nginx'],
    ['docker.io/library/nginx:latest', 'docker.io/library/nginx'],
    ['envoyproxy/envoy:v1.31', 'docker.io/envoyproxy/envoy'],
    // Docker Hub's other names and its implied library/ are the same repository, as parseImageReference reads them.
    ['index.docker.io/org/app:v1', 'docker.io/org/app'],
    ['docker.io/nginx:1.27', 'docker.io/library/nginx'],
  ])('%s is from %s', (reference, repository) => {
    expect(imageRepository(reference)).toBe(repository)
  })
})

describe('applyChanges chooses containers', () => {
  it.each<[string, ContainerDefinition[], Changes, string[], string[]]>([
    [
      'the only container',
      [proxy()],
      { image: `${ecr}/web:new` },
      ['proxy'],
      ['the image goes to container proxy, the only one'],
    ],
    [
      'the container running the repository, by digest',
      [proxy(), web()],
      { image: `${ecr}/web@sha256:abc` },
      ['web'],
      [`the image goes to web: the container(s) running ${ecr}/web`],
    ],
    [
      'every container running the repository',
      [web(), proxy(), worker()],
      { image: `${ecr}/web:new` },
      ['web', 'worker'],
      [`the image goes to web, worker: the container(s) running ${ecr}/web`],
    ],
    ['the named container', [web(), worker()], { image: `${ecr}/web:new`, containers: ['worker'] }, ['worker'], []],
    [
      'named containers in template order',
      [web(), proxy(), worker()],
      { image: `${ecr}/web:new`, containers: ['worker', 'web'] },
      ['web', 'worker'],
      [],
    ],
    ['none without an image', [web(), worker()], {}, [], []],
  ])('%s', (_case, containers, changes, chosen, notes) => {
    const definition = request(...containers.map((container) => ({ ...container })))
    expect(applyChanges(definition, changes, source)).toEqual({ containers: chosen, notes })
    expect(definition.containerDefinitions?.map(({ image }) => image)).toEqual(
      containers.map(({ name, image }) => (chosen.includes(name ?? '') ? changes.image : image)),
    )
  })

  it.each<[string, ContainerDefinition[], Changes, string]>([
    [
      'unknown names',
      [web(), worker()],
      { image: 'x', containers: ['api', 'web', 'db'] },
      'task definition td.json has no container named "api", "db" (from the `container` input). Its containers: web, worker.',
    ],
    [
      'no container running the repository',
      [web(), proxy()],
      { image: `${ecr}/api:1` },
      `task definition td.json has containers web, proxy, and none of them runs an image from ${ecr}/api. ` +
        'Set the `container` input to the container(s) that get the image.',
    ],
    [
      'environment without a container',
      [web(), proxy()],
      { environment: [{ name: 'A', value: '1' }] },
      'task definition td.json has containers web, proxy. ' +
        'Set the `container` input to say which of them get the environment variables and secrets.',
    ],
  ])('reports %s', (_case, containers, changes, message) => {
    expect(() => applyChanges(request(...containers), changes, source)).toThrow(message)
  })
})

describe('applyChanges environment and secrets', () => {
  const container = (): ContainerDefinition => ({
    name: 'web',
    image: 'nginx',
    environment: [
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
      { name: 'C', value: '3' },
    ],
    secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }],
  })

  it('sets, replaces in place, appends, keeps empty values and removes', () => {
    const definition = request(container())
    applyChanges(
      definition,
      {
        environment: [
          { name: 'B', value: 'two' },
          { name: 'D', value: '' },
          { name: 'A', remove: true },
          { name: 'MISSING', remove: true },
        ],
        secrets: [
          { name: 'API_TOKEN', value: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:token' },
          { name: 'DB_PASSWORD', remove: true },
        ],
      },
      source,
    )
    expect(definition.containerDefinitions?.[0]).toEqual({
      name: 'web',
      image: 'nginx',
      environment: [
        { name: 'B', value: 'two' },
        { name: 'C', value: '3' },
        { name: 'D', value: '' },
      ],
      secrets: [{ name: 'API_TOKEN', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:token' }],
    })
  })

  it('goes to the containers that get the image', () => {
    const definition = request(web(), proxy(), worker())
    applyChanges(definition, { image: `${ecr}/web:new`, environment: [{ name: 'X', value: 'y' }] }, source)
    expect(definition.containerDefinitions?.map(({ environment }) => environment)).toEqual([
      [{ name: 'X', value: 'y' }],
      undefined,
      [{ name: 'X', value: 'y' }],
    ])
  })

  it('leaves containers alone when nothing changes', () => {
    const definition = request(container())
    applyChanges(definition, { containers: ['web'], environment: [], secrets: [] }, source)
    expect(definition.containerDefinitions?.[0]).toEqual(container())
  })

  it('reports a name that is both a variable and a secret, and containers left without an image', () => {
    const definition = request(container(), { name: 'sidecar' })
    expect(() =>
      applyChanges(definition, { containers: ['web'], environment: [{ name: 'DB_PASSWORD', value: 'x' }] }, source),
    ).toThrow(
      'task definition td.json has 2 problems:\n' +
        '  - containerDefinitions[0] (web): DB_PASSWORD is both an environment variable and a secret, which ECS rejects; remove one\n' +
        '  - containerDefinitions[1] (sidecar).image: missing (required); set it in the template, or have the `image` ' +
        'input fill it in (the `container` input says which containers get it)',
    )
  })
})

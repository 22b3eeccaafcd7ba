// Reading what a promotion deploys: each source service's images pinned by digest, or a refusal (src/promote/source.ts).
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr'
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  type ContainerDefinition,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { jest } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { readPromotedImages } from '../../src/promote/source.js'
import type { Promotion } from '../../src/promote/promotion.js'
import { deployment, oldDeployment, service, OLD_TD, NEW_TD } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const ecrMock = mockClient(ECRClient)
const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web'
const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`
const C = `sha256:${'c'.repeat(64)}`

const clients = {
  region: 'us-east-1',
  ecs: new ECSClient({ region: 'us-east-1' }),
  ecr: new ECRClient({ region: 'us-east-1' }),
  logs: new CloudWatchLogsClient({ region: 'us-east-1' }),
  elbv2: new ElasticLoadBalancingV2Client({ region: 'us-east-1' }),
  codedeploy: new CodeDeployClient({ region: 'us-east-1' }),
  logsIn: () => new CloudWatchLogsClient({ region: 'us-east-1' }),
}
const log = { info: jest.fn(), warning: jest.fn(), secret: jest.fn(), group: jest.fn(), error: jest.fn() }
const readers = {
  ecs: clients.ecs,
  region: 'us-east-1',
  imageDeps: {
    clients,
    git: { sha: 'a'.repeat(40), refName: 'main', repository: 'o/r', serverUrl: 'https://github.com' },
    env: {},
    log,
  } as unknown as Parameters<typeof readPromotedImages>[1]['imageDeps'],
}
const PROMOTION: Promotion = { from: 'qa', cluster: 'qa', sources: ['web'] }

function task(id: string, containers: { name: string; imageDigest?: string }[], taskDefinitionArn = OLD_TD): Task {
  return {
    taskArn: `arn:aws:ecs:us-east-1:123456789012:task/qa/${id}`,
    taskDefinitionArn,
    lastStatus: 'RUNNING',
    containers,
  }
}

function given(source: Service, containers: ContainerDefinition[], tasks: Task[]): void {
  ecsMock.on(DescribeServicesCommand).resolves({ services: [source], failures: [] })
  ecsMock.on(ListTasksCommand).resolves({ taskArns: tasks.map((t) => t.taskArn as string) })
  ecsMock.on(DescribeTasksCommand).resolves({ tasks })
  ecsMock
    .on(DescribeTaskDefinitionCommand)
    .resolves({ taskDefinition: { taskDefinitionArn: OLD_TD, family: 'web', containerDefinitions: containers } })
}

beforeEach(() => {
  ecsMock.reset()
  ecrMock.reset()
  // Every digest asked for is still in ECR, unless a test says otherwise.
  ecrMock
    .on(DescribeImagesCommand)
    .callsFake(({ imageIds }) => ({ imageDetails: [{ imageDigest: imageIds[0].imageDigest }] }))
})

test('pins each container: a digest as written, a tag by the digest its running tasks report', async () => {
  given(
    service(),
    [
      { name: 'web', image: `${REPO}:v7` },
      { name: 'proxy', image: `public.ecr.aws/nginx/nginx:1.27@${C}` },
    ],
    [task('1', [{ name: 'web', imageDigest: A }]), task('2', [{ name: 'web', imageDigest: A }])],
  )
  await expect(readPromotedImages(PROMOTION, readers)).resolves.toEqual([
    {
      environment: 'qa',
      cluster: 'qa',
      service: 'web',
      taskDefinition: OLD_TD,
      images: { web: `${REPO}@${A}`, proxy: `public.ecr.aws/nginx/nginx@${C}` },
    },
  ])
  expect(ecsMock.commandCalls(ListTasksCommand)[0]?.args[0].input).toMatchObject({
    cluster: 'qa',
    serviceName: 'web',
    desiredStatus: 'RUNNING',
  })
})

const DEPLOYED = new Date('2026-01-05T10:00:00Z')
const scaledToZero = () =>
  service({
    desiredCount: 0,
    runningCount: 0,
    deployments: [
      deployment({ taskDefinition: OLD_TD, rolloutState: 'COMPLETED', createdAt: DEPLOYED, desiredCount: 0 }),
    ],
  })

test('a tag no running task reports is resolved by ECR (DescribeImages), when pushed before the source deployed', async () => {
  given(scaledToZero(), [{ name: 'web', image: `${REPO}:v7` }], [])
  ecrMock.on(DescribeImagesCommand, { imageIds: [{ imageTag: 'v7' }] }).resolves({
    imageDetails: [{ imageDigest: B, imageTags: ['v7'], imagePushedAt: new Date('2026-01-05T09:00:00Z') }],
  })
  const [read] = await readPromotedImages(PROMOTION, readers)
  expect(read?.images).toEqual({ web: `${REPO}@${B}` })
  expect(ecrMock.commandCalls(DescribeImagesCommand)[0]?.args[0].input).toMatchObject({
    repositoryName: 'web',
    imageIds: [{ imageTag: 'v7' }],
  })
})

test('a source scaled to 0 whose tag moved since it deployed is refused: it never ran that digest', async () => {
  given(scaledToZero(), [{ name: 'web', image: `${REPO}:v7` }], [])
  ecrMock.on(DescribeImagesCommand, { imageIds: [{ imageTag: 'v7' }] }).resolves({
    imageDetails: [{ imageDigest: B, imageTags: ['v7'], imagePushedAt: new Date('2026-01-06T08:00:00Z') }],
  })
  await expect(readPromotedImages(PROMOTION, readers)).rejects.toThrow(
    `Cannot promote from qa: no task of ${SOURCE} runs, so none says which image its container web ran, and ECR's ${REPO}:v7 now names ${B}, pushed at 2026-01-06T08:00:00.000Z, after its deployment started (2026-01-05T10:00:00.000Z): qa may never have run it. Scale qa up so a task reports the digest it runs, or pin the digest in its task definition (image@sha256:…). ${NOTHING}`,
  )
})

test('a digest ECR no longer has is refused before anything changes: the rollout would fail pulling it', async () => {
  given(service(), [{ name: 'web', image: `${REPO}@${A}` }], [task('1', [{ name: 'web', imageDigest: A }])])
  ecrMock.on(DescribeImagesCommand).rejects(
    Object.assign(new Error('The image with imageId {imageDigest:…} does not exist'), {
      name: 'ImageNotFoundException',
      $metadata: {},
    }),
  )
  await expect(readPromotedImages(PROMOTION, readers)).rejects.toThrow(
    `Cannot promote from qa: ${SOURCE}'s container web runs ${REPO}@${A}, which ECR no longer has (repository web): the rollout would fail pulling it. ${NOTHING}`,
  )
  expect(ecrMock.commandCalls(DescribeImagesCommand)[0]?.args[0].input).toMatchObject({
    imageIds: [{ imageDigest: A }],
  })
})

test('two target services may read the same source service once', async () => {
  given(service(), [{ name: 'web', image: `${REPO}@${A}` }], [task('1', [{ name: 'web', imageDigest: A }])])
  const read = await readPromotedImages({ ...PROMOTION, sources: ['web', 'web'] }, readers)
  expect(read.map((r) => r.images.web)).toEqual([`${REPO}@${A}`, `${REPO}@${A}`])
  expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(1)
})

const NOTHING = 'Nothing was changed; promote once qa runs one revision, settled (its deployment COMPLETED).'
const SOURCE = "qa's service web (cluster qa, us-east-1)"

test.each<[string, Service, Task[], string]>([
  [
    'mid-rollout',
    service({ taskDefinition: NEW_TD, deployments: [deployment(), oldDeployment()] }),
    [],
    `Cannot promote from qa: ${SOURCE} is mid-rollout (PRIMARY web:7 IN_PROGRESS, ACTIVE web:6 COMPLETED). ${NOTHING}`,
  ],
  [
    'its one deployment not COMPLETED',
    service({ deployments: [oldDeployment({ status: 'PRIMARY', rolloutState: 'FAILED' })] }),
    [],
    `Cannot promote from qa: ${SOURCE}'s deployment of web:6 is FAILED, not COMPLETED. ${NOTHING}`,
  ],
  [
    'not steady',
    service({ runningCount: 1, pendingCount: 1 }),
    [],
    `Cannot promote from qa: ${SOURCE} is not steady: 1 of 2 tasks running, 1 pending. ${NOTHING}`,
  ],
  [
    'a deployment of another revision than the service names',
    service({ taskDefinition: NEW_TD }),
    [],
    `Cannot promote from qa: ${SOURCE} runs web:6, not its task definition web:7. ${NOTHING}`,
  ],
  [
    'a task of another revision',
    service(),
    [task('1', [{ name: 'web', imageDigest: A }]), task('2', [{ name: 'web', imageDigest: B }], NEW_TD)],
    `Cannot promote from qa: ${SOURCE} runs more than one revision: a task of web:7 besides web:6. ${NOTHING}`,
  ],
  [
    'tasks that run different digests behind one tag',
    service(),
    [task('1', [{ name: 'web', imageDigest: A }]), task('2', [{ name: 'web', imageDigest: B }])],
    `Cannot promote from qa: ${SOURCE}'s tasks run different images behind ${REPO}:v7 (${A}, ${B}): the tag moved while they started. ${NOTHING}`,
  ],
])('refuses a source %s, having changed nothing', async (_name, source, tasks, message) => {
  given(source, [{ name: 'web', image: `${REPO}:v7` }], tasks)
  await expect(readPromotedImages(PROMOTION, readers)).rejects.toThrow(message)
  await expect(readPromotedImages(PROMOTION, readers)).rejects.toMatchObject({ name: 'UserError' })
})

test('a source service that is not there', async () => {
  ecsMock.on(DescribeServicesCommand).resolves({ services: [], failures: [{ reason: 'MISSING' }] })
  await expect(readPromotedImages(PROMOTION, readers)).rejects.toThrow(
    `Cannot promote from qa: ${SOURCE} was not found. Check environments.qa in the config file.`,
  )
})

test('a tag neither a task nor ECR can resolve', async () => {
  given(service({ desiredCount: 0, runningCount: 0 }), [{ name: 'web', image: 'ghcr.io/acme/web:v7' }], [])
  await expect(readPromotedImages(PROMOTION, readers)).rejects.toThrow(
    `Cannot promote from qa: which image ${SOURCE} runs in container web is unknown: ghcr.io/acme/web:v7 is a tag, no running task reports its digest, and its registry is not ECR. ${NOTHING}`,
  )
})

#!/usr/bin/env node
// Creates the resources of a seed file on the running local stack (test/stack/stack.sh seed FILE): a cluster, its
// services with their task definition (image: a sample-app build pushed to the stack's registry), ECR repositories,
// the target groups and listener rules an ECS-native blue/green service names, and a CodeDeploy application and
// deployment group for a CODE_DEPLOY service, or an ECS Express Mode service (`express: true`); the stack's listeners then front the first service. Seeds:
// test/stack/seeds/*.yml. Through the AWS SDK and the stack's endpoints, as a user's `aws` commands would.
import { CodeDeployClient, CreateApplicationCommand, CreateDeploymentGroupCommand } from '@aws-sdk/client-codedeploy'
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr'
import {
  CreateClusterCommand,
  CreateExpressGatewayServiceCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'

const HERE = import.meta.dirname
const ACCOUNT = '123456789012'
const SERVICE_KEYS = ['name', 'image', 'desiredCount', 'loadBalancer', 'deploymentController', 'codedeploy', 'express']

class SeedError extends Error {}

/** The seed file, checked: `cluster` and `services` (each with `name` and `image: REPO:TAG`). */
export function parseSeed(text, file = 'seed') {
  const seed = parseYaml(text)
  if (typeof seed?.cluster !== 'string' || !Array.isArray(seed.services) || !seed.services.length)
    throw new SeedError(`${file}: needs \`cluster: NAME\` and \`services:\` (a list, each with name and image)`)
  for (const [i, s] of seed.services.entries()) {
    const where = `${file}: services[${i}]`
    const unknown = Object.keys(s ?? {}).filter((k) => !SERVICE_KEYS.includes(k))
    if (unknown.length)
      throw new SeedError(`${where}: unknown key(s) ${unknown.join(', ')}; known: ${SERVICE_KEYS.join(', ')}`)
    if (typeof s.name !== 'string' || !/^[^:]+:[^:]+$/.test(String(s.image)))
      throw new SeedError(
        `${where}: needs \`name\` and \`image: REPO:TAG\` (e.g. web:v1, a build of test/stack/sample-app)`,
      )
    if (!['ECS', 'CODE_DEPLOY', undefined].includes(s.deploymentController))
      throw new SeedError(`${where}.deploymentController: "${s.deploymentController}" is not ECS or CODE_DEPLOY`)
    if (![true, false, undefined].includes(s.express))
      throw new SeedError(`${where}.express: "${s.express}" is not true or false`)
    if (s.express && (s.loadBalancer || s.deploymentController))
      throw new SeedError(
        `${where}: an Express service (express: true) takes no loadBalancer or deploymentController: ECS makes them`,
      )
    if (!['plain', 'blue-green', 'none', undefined].includes(s.loadBalancer))
      throw new SeedError(`${where}.loadBalancer: "${s.loadBalancer}" is not plain, blue-green or none`)
  }
  return seed
}

const arn = (kind, name) => `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:${kind}/${name}`

/** The service's loadBalancers: a target group named after it, and for blue-green ECS's advancedConfiguration. */
function loadBalancers(cluster, s) {
  if (s.loadBalancer === 'none') return []
  const lb = {
    targetGroupArn: arn('targetgroup', `${s.name}/0123456789abcdef`),
    containerName: s.name,
    containerPort: 8080,
  }
  if (s.loadBalancer !== 'blue-green') return [lb]
  const rule = (id) => arn('listener-rule', `app/${cluster}/50dc6c495c0c9188/f2f7dc8efc522ab2/${id}`)
  return [
    {
      ...lb,
      advancedConfiguration: {
        alternateTargetGroupArn: arn('targetgroup', `${s.name}-green/fedcba9876543210`),
        productionListenerRule: rule('9683b2d02a6cabee'),
        testListenerRule: rule('1234567890abcdef'),
        roleArn: `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRoleForLoadBalancers`,
      },
    },
  ]
}

async function seedStack(seed, env, log) {
  const ecs = new ECSClient({})
  const ecr = new ECRClient({})
  const codedeploy = new CodeDeployClient({})
  try {
    await ecs.send(new CreateClusterCommand({ clusterName: seed.cluster }))
    log(`cluster ${seed.cluster}`)
    for (const s of seed.services) {
      const [repository, tag] = s.image.split(':')
      await ecr.send(new CreateRepositoryCommand({ repositoryName: repository })).catch((error) => {
        if (error.name !== 'RepositoryAlreadyExistsException') throw error
      })
      const image = execFileSync('bash', [path.join(HERE, 'stack.sh'), 'push-sample', repository, tag], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim()
      log(`repository ${repository}, image ${env.STACK_REGISTRY}/${s.image} (${image.split('@')[1]})`)
      if (s.express) {
        const { service } = await ecs.send(
          new CreateExpressGatewayServiceCommand({
            cluster: seed.cluster,
            serviceName: s.name,
            executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
            infrastructureRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRoleForExpressServices`,
            primaryContainer: { image: `${env.STACK_REGISTRY}/${s.image}`, containerPort: 8080 },
            healthCheckPath: '/status',
            scalingTarget: { minTaskCount: s.desiredCount ?? 2, maxTaskCount: Math.max(4, s.desiredCount ?? 2) },
          }),
        )
        const endpoint = service?.activeConfigurations?.[0]?.ingressPaths?.[0]?.endpoint
        log(
          `Express service ${s.name} (${service?.activeConfigurations?.[0]?.taskDefinitionArn}), endpoint ${endpoint}`,
        )
        continue
      }
      const { taskDefinition } = await ecs.send(
        new RegisterTaskDefinitionCommand({
          family: s.name,
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          cpu: '256',
          memory: '512',
          executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
          containerDefinitions: [
            { name: s.name, image: `${env.STACK_REGISTRY}/${s.image}`, portMappings: [{ containerPort: 8080 }] },
          ],
        }),
      )
      await ecs.send(
        new CreateServiceCommand({
          cluster: seed.cluster,
          serviceName: s.name,
          taskDefinition: taskDefinition?.taskDefinitionArn,
          desiredCount: s.desiredCount ?? 2,
          launchType: 'FARGATE',
          loadBalancers: loadBalancers(seed.cluster, s),
          deploymentController: { type: s.deploymentController ?? 'ECS' },
        }),
      )
      log(
        `service ${s.name} on ${taskDefinition?.family}:${taskDefinition?.revision} (${s.deploymentController ?? 'ECS'})`,
      )
      if (s.deploymentController === 'CODE_DEPLOY') {
        const application = s.codedeploy?.application ?? `AppECS-${seed.cluster}-${s.name}`
        const group = s.codedeploy?.deploymentGroup ?? `DgpECS-${seed.cluster}-${s.name}`
        await codedeploy.send(new CreateApplicationCommand({ applicationName: application, computePlatform: 'ECS' }))
        await codedeploy.send(
          new CreateDeploymentGroupCommand({
            applicationName: application,
            deploymentGroupName: group,
            serviceRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsCodeDeployRole`,
            ecsServices: [{ clusterName: seed.cluster, serviceName: s.name }],
            autoRollbackConfiguration: {
              enabled: s.codedeploy?.autoRollback ?? true,
              events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'],
            },
          }),
        )
        log(`CodeDeploy application ${application}, deployment group ${group}`)
      }
    }
    const front = seed.services[0].name
    const answer = await fetch(`${env.STACK_SCENARIO_URL}/_listeners`, {
      method: 'POST',
      body: JSON.stringify({ cluster: seed.cluster, service: front }),
    })
    if (!answer.ok) throw new Error(`POST /_listeners: ${answer.status} ${await answer.text()}`)
    log(`listeners front ${seed.cluster}/${front}: production ${env.STACK_LB_URL}, test ${env.STACK_LB_TEST_URL}`)
  } finally {
    ecs.destroy()
    ecr.destroy()
    codedeploy.destroy()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2]
  const fail = (message) => {
    process.stderr.write(`seed: error: ${message}\n`)
    process.exit(2)
  }
  if (!file) fail('usage: test/stack/stack.sh seed FILE (examples: test/stack/seeds/*.yml)')
  const state = process.env.STACK_STATE_DIR ?? path.join(HERE, '../../.stack')
  let env
  try {
    env = JSON.parse(readFileSync(path.join(state, 'env.json'), 'utf8'))
  } catch {
    fail('local stack not running: run test/stack/stack.sh start')
  }
  Object.assign(process.env, env)
  try {
    await seedStack(parseSeed(readFileSync(file, 'utf8'), file), env, (line) => process.stderr.write(`seed: ${line}\n`))
  } catch (error) {
    fail(error.message)
  }
}

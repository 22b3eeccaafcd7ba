// CodeDeploy canary + HTTP verification, end to end: dist/index.js against the local stack, whose listeners route by
// the CodeDeploy task sets (the test listener to the replacement from AllowTestTraffic on, production by its weight).
// The verification and the strategy come from the environment's keys in a config file, not from inputs.
import {
  CodeDeployClient,
  CreateApplicationCommand,
  CreateDeploymentGroupCommand,
  GetDeploymentCommand,
} from '@aws-sdk/client-codedeploy'
import { ECSClient } from '@aws-sdk/client-ecs'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { runAction, workspaceDir } from './action.js'
import { givenWebService, ScenarioAdmin, useStack, waitFor, webService, type StackEnv } from './stack.js'

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
let codedeploy: CodeDeployClient
const dir = workspaceDir('e2e-codedeploy-verify-')

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({})
  codedeploy = new CodeDeployClient({})
})

afterAll(() => {
  ecs?.destroy()
  codedeploy?.destroy()
})

const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef'

/**
 * web:1 (v1) behind the listeners, deployed by CodeDeploy (group rolls back on failure); time 20× faster, so the
 * predefined canary's 5 minutes take 15 s. BeforeAllowTraffic takes 200 scenario s (10 s), as a slow hook would, so
 * the action's polls see the test listener on the replacement before production traffic moves.
 */
async function givenCodeDeployService(): Promise<void> {
  await givenWebService(stack, admin, ecs, {
    timeScale: 20,
    service: {
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 8080 }],
    },
  })
  await admin.scenario({ service: 'web', rollout: { eventSeconds: { BeforeAllowTraffic: 200 } } })
  await admin.listeners({ cluster: 'prod', service: 'web' })
  await codedeploy.send(new CreateApplicationCommand({ applicationName: 'AppECS-prod-web', computePlatform: 'ECS' }))
  await codedeploy.send(
    new CreateDeploymentGroupCommand({
      applicationName: 'AppECS-prod-web',
      deploymentGroupName: 'DgpECS-prod-web',
      serviceRoleArn: 'arn:aws:iam::123456789012:role/ecsCodeDeployRole',
      ecsServices: [{ clusterName: 'prod', serviceName: 'web' }],
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] },
    }),
  )
}

/** The config file: environment prod (branch main) deploys web with the canary strategy and checks /version is v2. */
function configFile(): string {
  const file = path.join(dir, `ecs-deploy-${Math.random().toString(36).slice(2)}.yml`)
  writeFileSync(
    file,
    `environments:
  prod:
    branches: [main]
    cluster: prod
    services: [web]
    strategy: canary
    verify:
      test-url: ${stack.STACK_LB_TEST_URL}/version
      url: ${stack.STACK_LB_URL}/version
      expect: $.version == v2
      timeout: 5
      interval: 0.5
`,
  )
  return path.relative(path.resolve(import.meta.dirname, '../..'), file)
}

/** A push to main, which the config file's prod environment takes. */
const MAIN = { GITHUB_REF: 'refs/heads/main' }

const version = async (url: string): Promise<string> => (await fetch(`${url}/version`)).text()

describe('CodeDeploy canary with a verify block in the config file', () => {
  test('the test listener answers the new release before production shifts, production after the canary: succeeded', async () => {
    await givenCodeDeployService()
    const run = await runAction({ config: configFile(), image: `${stack.STACK_REGISTRY}/web:v2` }, MAIN)
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.stdout).toContain('strategy: CodeDeploy CodeDeployDefault.ECSCanary10Percent5Minutes')
    const test = run.stdout.indexOf(`verified ${stack.STACK_LB_TEST_URL}/version (test listener)`)
    const canary = run.stdout.search(/task sets: blue 90 % \(2\/2 running\), green 10 %/)
    const production = run.stdout.indexOf(`verified ${stack.STACK_LB_URL}/version (production)`)
    expect(test).toBeGreaterThan(-1)
    expect(canary).toBeGreaterThan(test)
    expect(production).toBeGreaterThan(canary)
    expect(run.summary).toContain(`verified \`${stack.STACK_LB_URL}/version\` (production)`)
    expect((await webService(ecs)).taskDefinition).toMatch(/\/web:2$/)
    expect(await version(stack.STACK_LB_URL)).toBe('{"version":"v2"}\n')
  })

  test('a release the test listener shows wrong is stopped and rolled back by CodeDeploy before production shifts', async () => {
    await givenCodeDeployService()
    const run = await runAction({ config: configFile(), image: `${stack.STACK_REGISTRY}/web:v3` }, MAIN)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).not.toBe('succeeded')
    expect(run.errors.join('\n')).toContain(
      `verification failed (test listener): ${stack.STACK_LB_TEST_URL}/version answered HTTP 200 "{"version":"v3"}" (expected a 2xx JSON answer with $.version == v2;`,
    )
    expect(run.stdout).toMatch(/stopped CodeDeploy deployment d-\w+ with a rollback to \S*web:1/)
    expect(run.stdout).not.toContain('green 10 %')
    expect(run.stdout).not.toContain('UpdateService')
    const { deploymentInfo } = await codedeploy.send(
      new GetDeploymentCommand({ deploymentId: run.outputs['deployment-id'] }),
    )
    expect(deploymentInfo?.status).toBe('Stopped')
    expect(deploymentInfo?.rollbackInfo?.rollbackDeploymentId).toMatch(/^d-/)
    expect((await webService(ecs)).taskDefinition).toMatch(/\/web:1$/)
    await waitFor('both listeners to answer v1', async () => {
      const answers = await Promise.all([version(stack.STACK_LB_URL), version(stack.STACK_LB_TEST_URL)])
      return answers.every((a) => a === '{"version":"v1"}\n')
    })
  })
})

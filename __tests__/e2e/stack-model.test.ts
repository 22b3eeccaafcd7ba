// The local stack against the AWS API models: every response the scenario server gave during the end-to-end suite
// (recorded in STACK_RECORD_DIR/responses.jsonl) has only the members, types, enum values and errors the models allow.
// A test of the stack, not of the action; scripts/e2e-sequencer.cjs runs it after the other end-to-end files.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { AwsResponse } from '../../test/stack/protocol.mjs'
import { loadModels, violations, type Models } from '../../test/stack/model-conformance.mjs'
import { loadStack } from './stack.js'

const ECS = 'AmazonEC2ContainerServiceV20141113'
const CODEDEPLOY = 'CodeDeploy_20141006'

function models(): Models {
  const dataDir = loadStack().STACK_BOTOCORE_DATA
  if (!dataDir || !existsSync(path.join(dataDir, 'ecs'))) {
    throw new Error(
      `no AWS API models at "${dataDir ?? ''}": stack.sh takes them from moto's botocore; restart the stack (stop, start)`,
    )
  }
  return loadModels(dataDir)
}

const response = (service: string, operation: string, body: object, status = 200): AwsResponse => ({
  service,
  operation,
  status,
  body: JSON.stringify(body),
})

describe('the scenario server against the AWS API models', () => {
  test('the check catches what AWS never answers', () => {
    const sd = {
      serviceDeploymentArn: 'arn',
      status: 'IN_PROGRESS',
      lifecycleStage: 'PRE_PRODUCTION_TRAFFIC_SHIFT',
      createdAt: '2026-01-01',
      colour: 'blue',
    }
    expect(violations(response(ECS, 'DescribeServiceDeployments', { serviceDeployments: [sd] }), models())).toEqual([
      'ECS.DescribeServiceDeployments serviceDeployments[0].lifecycleStage: "PRE_PRODUCTION_TRAFFIC_SHIFT" is not a ServiceDeploymentLifecycleStage: ' +
        'RECONCILE_SERVICE, PRE_SCALE_UP, SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, ' +
        'POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME, CLEAN_UP',
      'ECS.DescribeServiceDeployments serviceDeployments[0].createdAt: expected a timestamp in epoch seconds (Timestamp), found the string "2026-01-01"',
      'ECS.DescribeServiceDeployments serviceDeployments[0].colour: not a member of ServiceDeployment',
    ])
    expect(violations(response(ECS, 'ListTasks', { taskArns: 'arn' }), models())).toEqual([
      'ECS.ListTasks taskArns: expected a list (StringList), found the string "arn"',
    ])
    expect(
      violations(
        response(ECS, 'ListTasks', { __type: 'ServiceDeploymentNotFoundException', message: 'no' }, 400),
        models(),
      ),
    ).toEqual([
      'ECS.ListTasks error: __type "ServiceDeploymentNotFoundException" is not an error of the operation ' +
        '(AccessDeniedException, ServerException, InvalidParameterException, ClientException, ServiceNotFoundException, ClusterNotFoundException)',
    ])
    expect(violations(response(CODEDEPLOY, 'GetDeployment', { deploymentInfo: { status: 'Done' } }), models())).toEqual(
      [
        'CodeDeploy.GetDeployment deploymentInfo.status: "Done" is not a DeploymentStatus: Created, Queued, InProgress, Baking, Succeeded, Failed, Stopped, Ready',
      ],
    )
  })

  test("members newer than botocore's model are checked by the SDK's schema, not let through", () => {
    const breaker = { enable: true, rollback: true, thresholdConfiguration: { type: 'COUNT', value: 2 } }
    const early = { enable: true, healthyPercent: 50, sourceServiceRevisionCleanup: 'DEFERRED' }
    const services = (deploymentConfiguration: object) => ({ services: [{ deploymentConfiguration }] })
    expect(
      violations(
        response(ECS, 'DescribeServices', services({ deploymentCircuitBreaker: breaker, earlySuccessCriteria: early })),
        models(),
      ),
    ).toEqual([])
    const wrong = { ...breaker, resetOnHealthyTask: 'no', thresholdConfiguration: { type: 'COUNT', value: '2', n: 1 } }
    expect(
      violations(response(ECS, 'DescribeServices', services({ deploymentCircuitBreaker: wrong })), models()),
    ).toEqual([
      'ECS.DescribeServices services[0].deploymentConfiguration.deploymentCircuitBreaker.thresholdConfiguration.value: expected a number (Sdkdouble), found the string "2"',
      'ECS.DescribeServices services[0].deploymentConfiguration.deploymentCircuitBreaker.thresholdConfiguration.n: not a member of ThresholdConfiguration',
      'ECS.DescribeServices services[0].deploymentConfiguration.deploymentCircuitBreaker.resetOnHealthyTask: expected a boolean (Sdkboolean), found the string "no"',
    ])
  })

  test('every response recorded during the end-to-end suite conforms', () => {
    const stack = loadStack()
    const file = path.join(stack.STACK_RECORD_DIR ?? stack.STACK_STATE_DIR, 'responses.jsonl')
    if (!existsSync(file))
      throw new Error(`no responses recorded at ${file}: restart the stack (stack.sh stop, start), which records them`)
    const recorded = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AwsResponse)
    expect(recorded.length).toBeGreaterThan(0)
    const all = models()
    // The same problem at another list index or in another response is one line, with how often it was seen.
    const problems = new Map<string, number>()
    for (const problem of recorded.flatMap((r) => violations(r, all))) {
      const key = problem.replace(/\[\d+\]/g, '[]')
      problems.set(key, (problems.get(key) ?? 0) + 1)
    }
    expect([...problems].map(([problem, times]) => `${problem} (${times}×)`)).toEqual([])
  })
})

import { createDeploymentTracker, type DeploymentOptions } from '../../src/github/deployments.js'
import { fakeGitHub, git, httpError } from './fake.js'

const options: DeploymentOptions = {
  environment: 'pr-12',
  ref: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  description: 'Preview of web for pull request #12',
  transient: true,
  production: false,
  logUrl: 'https://github.com/octo/app/actions/runs/7',
}

const PERMISSION_HINT =
  'Give the job `permissions: deployments: write` (or pass a `github-token` that may write deployments); the deploy goes on without GitHub deployment statuses.'

function setup(chosen: DeploymentOptions = options) {
  const github = fakeGitHub()
  const warnings: string[] = []
  const tracker = createDeploymentTracker(github, git, chosen, (m) => warnings.push(m))
  return { github, warnings, tracker }
}

test('the first status creates the deployment: no auto-merge, no required contexts, transient for a preview', async () => {
  const { github, tracker } = setup()
  await tracker.inProgress()
  await tracker.success('https://pr-12.preview.example.com')
  expect(github.rest.repos.createDeployment).toHaveBeenCalledTimes(1)
  expect(github.rest.repos.createDeployment).toHaveBeenCalledWith({
    owner: 'octo',
    repo: 'app',
    ref: options.ref,
    environment: 'pr-12',
    description: 'Preview of web for pull request #12',
    auto_merge: false,
    required_contexts: [],
    transient_environment: true,
    production_environment: false,
  })
  expect(github.rest.repos.createDeploymentStatus.mock.calls.map(([p]) => p)).toEqual([
    { owner: 'octo', repo: 'app', deployment_id: 42, state: 'in_progress', log_url: options.logUrl },
    {
      owner: 'octo',
      repo: 'app',
      deployment_id: 42,
      state: 'success',
      environment_url: 'https://pr-12.preview.example.com',
      log_url: options.logUrl,
    },
  ])
})

test('failure links the log given and says why, in at most 140 characters', async () => {
  const { logUrl: _logUrl, ...withoutLog } = options
  const { github, tracker } = setup(withoutLog)
  const long = 'x'.repeat(200)
  await tracker.failure('https://logs/1', long)
  await tracker.failure()
  expect(github.rest.repos.createDeploymentStatus.mock.calls.map(([p]) => p)).toEqual([
    {
      owner: 'octo',
      repo: 'app',
      deployment_id: 42,
      state: 'failure',
      log_url: 'https://logs/1',
      description: `${'x'.repeat(139)}…`,
    },
    { owner: 'octo', repo: 'app', deployment_id: 42, state: 'failure' },
  ])
})

test('success without a URL leaves environment_url out', async () => {
  const { github, tracker } = setup()
  await tracker.success()
  expect(github.rest.repos.createDeploymentStatus).toHaveBeenCalledWith({
    owner: 'octo',
    repo: 'app',
    deployment_id: 42,
    state: 'success',
    log_url: options.logUrl,
  })
})

test('inactive marks every deployment of the environment inactive, page by page', async () => {
  const { github, tracker } = setup()
  const first = Array.from({ length: 100 }, (_, i) => ({ id: i + 1 }))
  github.rest.repos.listDeployments.mockImplementation(async ({ page }) => ({
    data: page === 1 ? first : [{ id: 500 }],
  }))
  await tracker.inactive()
  expect(github.rest.repos.listDeployments.mock.calls.map(([p]) => p)).toEqual([
    { owner: 'octo', repo: 'app', environment: 'pr-12', per_page: 100, page: 1 },
    { owner: 'octo', repo: 'app', environment: 'pr-12', per_page: 100, page: 2 },
  ])
  expect(github.rest.repos.createDeploymentStatus).toHaveBeenCalledTimes(101)
  expect(github.rest.repos.createDeploymentStatus).toHaveBeenLastCalledWith({
    owner: 'octo',
    repo: 'app',
    deployment_id: 500,
    state: 'inactive',
    log_url: options.logUrl,
  })
  expect(github.rest.repos.createDeployment).not.toHaveBeenCalled()
})

test.each([
  [
    '403',
    httpError(403, 'Resource not accessible by integration - https://docs.github.com/rest/deployments'),
    'Resource not accessible by integration (HTTP 403)',
  ],
  ['404', httpError(404, 'Not Found'), 'Not Found (HTTP 404)'],
  ['the message alone', new Error('Resource not accessible by integration'), 'Resource not accessible by integration'],
])('without permission (%s): one warning, then every call does nothing', async (_name, error, said) => {
  const { github, warnings, tracker } = setup()
  github.rest.repos.createDeployment.mockRejectedValue(error)
  await tracker.inProgress()
  await tracker.success('https://x')
  await tracker.failure('https://l', 'd')
  await tracker.inactive()
  expect(github.rest.repos.createDeployment).toHaveBeenCalledTimes(1)
  expect(github.rest.repos.createDeploymentStatus).not.toHaveBeenCalled()
  expect(github.rest.repos.listDeployments).not.toHaveBeenCalled()
  expect(warnings).toEqual([
    `Could not set the GitHub deployment status to in_progress for environment pr-12: ${said}. ${PERMISSION_HINT}`,
  ])
})

test('a permission error on a status also turns the rest off', async () => {
  const { github, warnings, tracker } = setup()
  github.rest.repos.createDeploymentStatus.mockRejectedValue(httpError(403, 'Forbidden'))
  await tracker.inProgress()
  await tracker.success()
  expect(github.rest.repos.createDeploymentStatus).toHaveBeenCalledTimes(1)
  expect(warnings).toEqual([
    `Could not set the GitHub deployment status to in_progress for environment pr-12: Forbidden (HTTP 403). ${PERMISSION_HINT}`,
  ])
})

test('other errors warn each time and never throw', async () => {
  const { github, warnings, tracker } = setup()
  github.rest.repos.createDeploymentStatus.mockRejectedValueOnce(httpError(502, 'Bad Gateway'))
  await tracker.inProgress()
  await tracker.success('https://x')
  expect(github.rest.repos.createDeploymentStatus).toHaveBeenCalledTimes(2)
  expect(github.rest.repos.createDeployment).toHaveBeenCalledTimes(1)
  expect(warnings).toEqual([
    'Could not set the GitHub deployment status to in_progress for environment pr-12: Bad Gateway (HTTP 502). The deploy itself is not affected.',
  ])
})

test('inactive warns when listing fails', async () => {
  const { github, warnings, tracker } = setup()
  github.rest.repos.listDeployments.mockRejectedValue(httpError(500, 'Server Error'))
  await tracker.inactive()
  expect(warnings).toEqual([
    'Could not mark the GitHub deployments inactive for environment pr-12: Server Error (HTTP 500). The deploy itself is not affected.',
  ])
})

test('an answer without a deployment id (202) warns once and stops', async () => {
  const { github, warnings, tracker } = setup()
  github.rest.repos.createDeployment.mockResolvedValue({
    data: { message: 'Auto-merged main into topic on deployment.' },
  })
  await tracker.inProgress()
  await tracker.success()
  expect(github.rest.repos.createDeploymentStatus).not.toHaveBeenCalled()
  expect(warnings).toEqual([
    'GitHub did not create a deployment for environment pr-12: Auto-merged main into topic on deployment.',
  ])
})

describe("the job's own deployment (the runner makes one for a job with `environment:`)", () => {
  const prod: DeploymentOptions = {
    ...options,
    environment: 'prod',
    transient: false,
    production: true,
    adoptJobDeployment: { runId: '7' },
  }
  const runner = (id: number, state: string, log_url?: string) => ({ id, state, ...(log_url && { log_url }) })

  function given(deployments: ReturnType<typeof runner>[]) {
    const env = setup(prod)
    env.github.rest.repos.listDeployments.mockImplementation(async () => ({
      data: deployments.map(({ id }) => ({ id })),
    }))
    env.github.rest.repos.listDeploymentStatuses.mockImplementation(async ({ deployment_id }) => ({
      data: deployments
        .filter((d) => d.id === deployment_id)
        .map(({ state, log_url }) => ({ state, ...(log_url !== undefined && { log_url }) })),
    }))
    return env
  }

  test.each([
    ['the one still in progress', [runner(9, 'success'), runner(8, 'in_progress')], 8],
    ['the newest open one, when none links to this run', [runner(9, 'queued'), runner(8, 'in_progress')], 9],
    [
      'the one whose status links to this run, before a newer open one',
      [
        runner(9, 'in_progress', 'https://github.com/octo/app/actions/runs/70/job/1'),
        runner(8, 'in_progress', 'https://github.com/octo/app/actions/runs/7/job/5'),
      ],
      8,
    ],
  ])('gets the statuses, found by commit and environment: %s', async (_what, deployments, id) => {
    const { github, tracker } = given(deployments)
    await tracker.inProgress()
    await tracker.success('https://example.com')
    expect(github.rest.repos.createDeployment).not.toHaveBeenCalled()
    expect(github.rest.repos.listDeployments).toHaveBeenCalledWith({
      owner: 'octo',
      repo: 'app',
      environment: 'prod',
      sha: options.sha,
      per_page: 10,
      page: 1,
    })
    expect(github.rest.repos.listDeployments).toHaveBeenCalledTimes(1)
    expect(
      github.rest.repos.createDeploymentStatus.mock.calls.map(([p]) => (p as { deployment_id: number }).deployment_id),
    ).toEqual([id, id])
  })

  test('none open (a job without `environment:`, or they all ended): one is created, as before', async () => {
    const { github, tracker } = given([runner(9, 'success'), runner(8, 'failure')])
    await tracker.inProgress()
    expect(github.rest.repos.createDeployment).toHaveBeenCalledTimes(1)
    expect(github.rest.repos.createDeploymentStatus.mock.calls[0]?.[0]).toMatchObject({ deployment_id: 42 })
  })

  test('a preview (no adoptJobDeployment) never looks', async () => {
    const { github, tracker } = setup()
    await tracker.inProgress()
    expect(github.rest.repos.listDeployments).not.toHaveBeenCalled()
  })
})

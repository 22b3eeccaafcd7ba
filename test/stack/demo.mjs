// The main job, locally: builds the sample app and deploys it through the bundled action (dist/index.js)
// to the local stack, then deploys a broken release to show how a failure is explained.
// Run by `npm run demo` (test/stack/demo.sh starts and stops the stack around it).
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
const stack = JSON.parse(readFileSync(path.join(root, '.stack/env.json'), 'utf8'))
Object.assign(process.env, stack)
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)

async function admin(route, body) {
  const response = await fetch(`${stack.STACK_SCENARIO_URL}${route}`, { method: 'POST', body: JSON.stringify(body) })
  if (!response.ok) throw new Error(`${route}: ${await response.text()}`)
}

/** A cluster `demo` with service `web` running the sample app's first revision. */
async function createService() {
  // Scenario time runs at the speed of a real rollout, a little faster, so the demo takes seconds.
  await admin('/_reset', { moto: true, timeScale: 4 })
  const ecs = new ECSClient({ region: stack.AWS_REGION })
  await new CloudWatchLogsClient({ region: stack.AWS_REGION }).send(
    new CreateLogGroupCommand({ logGroupName: '/ecs/web' }),
  )
  await ecs.send(new CreateClusterCommand({ clusterName: 'demo' }))
  await ecs.send(
    new RegisterTaskDefinitionCommand(
      JSON.parse(
        taskDefinitionText().replace('${IMAGE}', `${stack.STACK_REGISTRY}/web:first`).replace('${SHORT_SHA}', 'first'),
      ),
    ),
  )
  await ecs.send(
    new CreateServiceCommand({
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 2,
      launchType: 'FARGATE',
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: { enable: true, rollback: true },
      },
    }),
  )
}

/** The template a team would keep in its repository, with placeholders. */
function taskDefinitionText() {
  return JSON.stringify(
    {
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      // Fargate pulls from ECR and sends awslogs with this role; ECS refuses the definition without it.
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: [
        {
          name: 'web',
          image: '${IMAGE}',
          portMappings: [{ containerPort: 8080 }],
          environment: [{ name: 'RELEASE', value: '${SHORT_SHA}' }],
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
          },
        },
      ],
    },
    null,
    2,
  )
}

/** Runs dist/index.js as the GitHub runner does and returns its exit code and the job summary it wrote. */
async function runAction(title, inputs, sha, workspace) {
  console.log(`\n${bold(`━━ ${title} ━━`)}\n`)
  const dir = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-demo-run-'))
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary.md', GITHUB_STATE: 'state', GITHUB_ENV: 'env' }
  for (const file of Object.values(files)) writeFileSync(path.join(dir, file), '')
  const child = spawn(process.execPath, ['--no-warnings', path.join(root, 'dist/index.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)])),
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      GITHUB_WORKSPACE: workspace,
      GITHUB_SHA: sha,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_REPOSITORY: 'acme/web',
      GITHUB_RUN_ID: '1',
      GITHUB_RUN_NUMBER: '1',
    },
  })
  // The runner's workflow commands, shown the way its log viewer shows them.
  child.stdout.on('data', (data) => {
    const text = String(data)
      .replace(/^::group::(.*)$/gm, (_, name) => bold(`▸ ${name}`))
      .replace(/^::endgroup::\n?/gm, '')
      .replace(/^::error[^:]*::(.*)$/gm, (_, message) => bold(`Error: ${message}`))
      .replace(/^::(warning|notice)[^:]*::(.*)$/gm, (_, kind, message) => `${kind}: ${message}`)
    process.stdout.write(text)
  })
  const code = await new Promise((resolve) => child.on('close', resolve))
  console.log(`\n${bold('Job summary')} (what GitHub shows on the run's page):\n`)
  console.log(markdownForTerminal(readFileSync(path.join(dir, files.GITHUB_STEP_SUMMARY), 'utf8')))
  console.log(bold(`exit code ${code}`))
  return { code, dir }
}

/** Markdown to readable terminal text: headings bold, tables as aligned columns, HTML tags dropped. */
export function markdownForTerminal(markdown) {
  const out = []
  let table = []
  const flush = () => {
    if (!table.length) return
    const rows = table.filter((r) => !r.every((c) => /^-+$/.test(c) || c === ''))
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
    for (const row of rows)
      out.push(
        '  ' +
          row
            .map((c, i) => c.padEnd(widths[i]))
            .join('  ')
            .trimEnd(),
      )
    table = []
  }
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      table.push(
        line
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((c) => c.trim().replace(/\\\|/g, '|')),
      )
      continue
    }
    flush()
    if (/^<\/?details>|^<summary>/.test(line))
      out.push(line.replace(/<[^>]+>/g, '').trim() && bold(line.replace(/<[^>]+>/g, '')))
    else if (line.startsWith('#')) out.push(bold(line.replace(/^#+\s*/, '')))
    else out.push(line.replace(/\*\*(.*?)\*\*/g, (_, s) => bold(s)))
  }
  flush()
  // The summary escapes Markdown in outside text (\[, \_, \`…); a terminal shows the characters themselves.
  const unescaped = out.map((line) => line.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1'))
  return unescaped.filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('\n')
}

async function main() {
  await createService()
  // The checkout the action runs in: the template is read only from inside it, as in a real workflow.
  const workspace = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-demo-checkout-'))
  mkdirSync(path.join(workspace, '.aws'))
  writeFileSync(path.join(workspace, '.aws/task-definition.json'), taskDefinitionText())
  // What describes the service lives in the config file; the step names the target and the build.
  mkdirSync(path.join(workspace, '.github'))
  writeFileSync(
    path.join(workspace, '.github/ecs-deploy.yml'),
    'environments:\n  demo:\n    branches: [main]\n    build: { create-repository: true }\n',
  )
  const common = {
    cluster: 'demo',
    service: 'web',
    'task-definition': '.aws/task-definition.json',
  }

  const good = await runAction(
    '1. push to main: build the sample app, push it, deploy it by digest',
    { ...common, build: stack.STACK_SAMPLE_APP, image: `${stack.STACK_REGISTRY}/web` },
    randomBytes(20).toString('hex'),
    workspace,
  )
  // The next rollout's tasks crash, as an app missing its configuration would.
  await admin('/_scenario', {
    service: 'web',
    rollout: {
      outcome: 'crash',
      exitCode: 1,
      crashAfterSeconds: 2,
      logLines: [
        '> web@1.4.0 start',
        '> node server.js',
        'Error: DATABASE_URL is not set',
        '    at Object.<anonymous> (/app/server.js:7:9)',
      ],
    },
  })
  const bad = await runAction(
    '2. a broken release: ECS rolls it back, and the action says why',
    {
      ...common,
      build: stack.STACK_SAMPLE_APP,
      image: `${stack.STACK_REGISTRY}/web`,
      'environment-variables': 'FEATURE_X=on',
    },
    randomBytes(20).toString('hex'),
    workspace,
  )
  if (good.code !== 0 || bad.code === 0) {
    console.error('\nThe demo did not go as expected: the first deploy should succeed and the second fail.')
    process.exit(1)
  }
  console.log(`\n${bold('Done:')} the first deploy succeeded; the broken one was rolled back and explained.`)
}

await main()

// What a released action carries besides its code: license, changelog, policies, owners, update and scanning
// configuration, valid workflows, a lock file npm ci accepts, and one version of each action across the docs.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

const read = (file: string) => readFileSync(file, 'utf8')
const pkg = JSON.parse(read('package.json')) as {
  name: string
  version: string
  license: string
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  [key: string]: unknown
}
const MAJOR = `v${pkg.version.split('.')[0]}`

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
  name?: string
}
interface Job {
  'runs-on'?: unknown
  uses?: string
  permissions?: Record<string, string> | string
  steps?: Step[]
}
interface Workflow {
  name?: string
  on?: unknown
  permissions?: Record<string, string> | string
  jobs?: Record<string, Job>
}

const WORKFLOW_DIRS = ['.github/workflows', 'examples']
const workflowFiles = WORKFLOW_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'ecs-deploy.yml')
    .map((f) => path.join(dir, f)),
)
const docPages = readdirSync('docs')
  .filter((f) => f.endsWith('.md'))
  .map((f) => path.join('docs', f))

describe('license, changelog and policies', () => {
  test('LICENSE is the MIT license package.json names, held by the contributors', () => {
    expect(pkg.license).toBe('MIT')
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} ecs-deploy-action contributors\n/)
  })

  test('CHANGELOG.md has an Unreleased section and one for the version in package.json', () => {
    expect(read('CHANGELOG.md')).toMatch(/^## \[Unreleased\]$/m)
    expect(read('CHANGELOG.md')).toContain(`## [${pkg.version}]`)
  })

  test('SECURITY.md says how to report privately and which versions get fixes', () => {
    const security = read('SECURITY.md')
    expect(security).toContain('Report a vulnerability')
    expect(security).toContain(`org/ecs-deploy-action@${MAJOR}`)
  })

  test('CONTRIBUTING.md names only commands package.json has, and npm ci to install', () => {
    const contributing = read('CONTRIBUTING.md')
    const named = [...contributing.matchAll(/`npm run ([\w:-]+)/g)].map((m) => m[1]!)
    expect(named.length).toBeGreaterThan(3)
    expect(named.filter((script) => !(script in pkg.scripts))).toEqual([])
    expect(contributing).toContain('npm ci')
    for (const file of [...contributing.matchAll(/`((?:scripts|schema|__tests__|src)\/[\w./-]+)`/g)].map((m) => m[1]!))
      expect(existsSync(file)).toBe(true)
  })

  test('CODEOWNERS gives every path an owner', () => {
    const rules = read('.github/CODEOWNERS')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.trim().split(/\s+/))
    expect(rules.map(([pattern]) => pattern)).toContain('*')
    for (const [, ...owners] of rules) {
      expect(owners.length).toBeGreaterThan(0)
      for (const owner of owners) expect(owner).toMatch(/^@[\w-]+(\/[\w-]+)?$|^[^@\s]+@[^@\s]+$/)
    }
  })
})

describe('action.yml', () => {
  const action = parse(read('action.yml')) as { name: string; author: string; description: string }

  test('has a name of its own for the Marketplace, and a real author', () => {
    // Names already listed on the Marketplace (a listing needs a unique name), and names too generic to be free.
    const taken = [
      'ECS Deploy',
      'Deploy to ECS',
      'Amazon ECS Deploy',
      'Deploy to Amazon ECS',
      'ECS Deploy Action',
      'AWS ECS Deploy',
    ]
    expect(taken.map((n) => n.toLowerCase())).not.toContain(action.name.toLowerCase())
    expect(action.name).toMatch(/^ECS Deploy: /)
    expect(action.author).toBe('ecs-deploy-action contributors')
  })
})

describe('npm ci on a fresh clone', () => {
  const lock = JSON.parse(read('package-lock.json')) as {
    lockfileVersion: number
    packages: Record<string, Record<string, unknown>>
  }
  const root = lock.packages['']!

  test("the lock file's root entry is package.json (npm ci refuses a lock file out of sync)", () => {
    for (const key of ['name', 'version', 'license', 'dependencies', 'devDependencies', 'bin', 'engines'])
      expect([key, root[key]]).toEqual([key, pkg[key]])
  })

  /** Whether `version` is in a caret range `^x.y.z` (the only form package.json uses). */
  function inCaretRange(version: string, range: string): boolean {
    const want = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range)
    if (!want) throw new Error(`range ${range} is not ^x.y.z; teach this test that form`)
    const [a, b, c] = want.slice(1).map(Number) as [number, number, number]
    const [x, y, z] = version.split(/[.-]/).map(Number) as [number, number, number]
    if (x !== a || (a === 0 && y !== b)) return false
    return y > b || (y === b && z >= c)
  }

  test('every dependency is locked at a version its range allows', () => {
    const wrong = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([name, range]) => {
      const locked = lock.packages[`node_modules/${name}`]?.version
      return typeof locked !== 'string' || !inCaretRange(locked, range)
    })
    expect(wrong).toEqual([])
  })

  test('CI and .ci/run install with npm ci', () => {
    expect(read('.ci/run')).toMatch(/\bnpm ci\b/)
    expect(read('.ci/run')).not.toMatch(/\bnpm install\b/)
    const installs = workflowFiles
      .filter((f) => f.startsWith('.github'))
      .flatMap((f) => Object.values((parse(read(f)) as Workflow).jobs ?? {}))
      .flatMap((job) => (job.steps ?? []).map((s) => s.run ?? ''))
      .filter((run) => /\bnpm (ci|install|i)\b/.test(run))
    expect(installs.length).toBeGreaterThan(0)
    expect(installs.filter((run) => !run.startsWith('npm ci '))).toEqual([])
  })
})

describe('dependabot and CodeQL', () => {
  test('dependabot updates npm packages and the actions the workflows use', () => {
    const config = parse(read('.github/dependabot.yml')) as {
      version: number
      updates: { 'package-ecosystem': string; directory: string; schedule: { interval: string } }[]
    }
    expect(config.version).toBe(2)
    expect(config.updates.map((u) => [u['package-ecosystem'], u.directory]).sort()).toEqual([
      ['github-actions', '/'],
      ['npm', '/'],
    ])
    for (const update of config.updates) expect(['daily', 'weekly', 'monthly']).toContain(update.schedule.interval)
  })

  test('@aws-sdk/* move together, and Dependabot npm pull requests get dist/ rebuilt so check-dist passes', () => {
    const config = parse(read('.github/dependabot.yml')) as {
      updates: { 'package-ecosystem': string; groups?: Record<string, { patterns?: string[] }> }[]
    }
    const npm = config.updates.find((u) => u['package-ecosystem'] === 'npm')
    expect(Object.values(npm?.groups ?? {}).map((g) => g.patterns)).toContainEqual(['@aws-sdk/*'])
    const rebuild = parse(read('.github/workflows/dependabot-dist.yml')) as Workflow
    expect(Object.keys(rebuild.on as object)).toEqual(['pull_request'])
    expect(rebuild.permissions).toEqual({ contents: 'write' })
    const job = Object.values(rebuild.jobs ?? {})[0] as Job & { if?: string }
    expect(job.if).toContain("github.event.pull_request.user.login == 'dependabot[bot]'")
    const runs = (job.steps ?? []).map((s) => s.run ?? '')
    expect(runs).toContain('npm run bundle')
    expect(runs.join('\n')).toMatch(/git add -- dist[\s\S]*git push origin "HEAD:\$BRANCH"/)
    // The branch name reaches the script through the environment, never pasted into it.
    expect(runs.join('\n')).not.toContain('${{')
  })

  test('a CodeQL workflow analyses the TypeScript and the workflows, and may upload its results', () => {
    const codeql = parse(read('.github/workflows/codeql.yml')) as {
      jobs: Record<string, Job & { strategy: { matrix: { language: string[] } } }>
    }
    const job = Object.values(codeql.jobs)[0]!
    expect(job.strategy.matrix.language).toEqual(['javascript-typescript', 'actions'])
    expect(job.permissions).toMatchObject({ 'security-events': 'write' })
    expect((job.steps ?? []).map((s) => s.uses?.replace(/@.*/, ''))).toEqual([
      'actions/checkout',
      'github/codeql-action/init',
      'github/codeql-action/analyze',
    ])
  })
})

const PERMISSION_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'id-token',
  'issues',
  'discussions',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
  'models',
]
const TRIGGERS = [
  'push',
  'pull_request',
  'pull_request_target',
  'workflow_dispatch',
  'schedule',
  'release',
  'workflow_call',
  'workflow_run',
]

describe.each(workflowFiles)('workflow %s', (file) => {
  const workflow = parse(read(file)) as Workflow

  test('has a name, known triggers and at least one job', () => {
    expect(typeof workflow.name).toBe('string')
    const on = workflow.on
    const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys(on as object)
    expect(triggers.length).toBeGreaterThan(0)
    expect(triggers.filter((t) => !TRIGGERS.includes(t as string))).toEqual([])
    expect(Object.keys(workflow.jobs ?? {}).length).toBeGreaterThan(0)
  })

  test('asks for permissions by scope, read or write, at the top', () => {
    const scopes = [workflow.permissions, ...Object.values(workflow.jobs ?? {}).map((j) => j.permissions)].filter(
      (p) => p !== undefined,
    )
    expect(typeof workflow.permissions).toBe('object')
    for (const permissions of scopes) {
      for (const [scope, level] of Object.entries(permissions as Record<string, string>)) {
        expect([scope, PERMISSION_SCOPES.includes(scope), ['read', 'write', 'none'].includes(level)]).toEqual([
          scope,
          true,
          true,
        ])
      }
    }
  })

  test('every job runs somewhere and every step either uses a pinned action or runs a command', () => {
    for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
      expect([id, job['runs-on'] !== undefined || job.uses !== undefined]).toEqual([id, true])
      for (const step of job.steps ?? []) {
        expect([
          id,
          step.name ?? step.uses ?? step.run,
          Number(step.uses !== undefined) + Number(step.run !== undefined),
        ]).toEqual([id, step.name ?? step.uses ?? step.run, 1])
        if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[\w.-]+$|^\.\//)
        if (step.with) expect(step.uses).toBeDefined()
      }
    }
  })
})

describe('one version of each action across README, docs, examples and workflows', () => {
  const sources = ['README.md', ...docPages, 'examples/ecs-deploy.yml', ...workflowFiles]
  const uses = sources.flatMap((file) =>
    // In a step (`uses: owner/action@ref`) or named in prose (`` `owner/action@ref` ``).
    [...read(file).matchAll(/(?:uses:\s*|`)([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@([\w.-]+)/g)].map((m) => ({
      file,
      action: m[1]!,
      ref: m[2]!,
    })),
  )

  test(`this action is used at ${MAJOR}, the major of package.json's version, also by npx and in the schema's address`, () => {
    const own = [
      ...uses.filter((u) => u.action === 'org/ecs-deploy-action').map((u) => `${u.file} ${u.ref}`),
      ...sources.flatMap((file) =>
        [...read(file).matchAll(/github:org\/ecs-deploy-action#(\S+)/g)].map((m) => `${file} ${m[1]}`),
      ),
      // The CLI's npm package, by its major: `npx ecs-deploy-action@1`.
      ...sources.flatMap((file) =>
        [...read(file).matchAll(/npx (?:--yes )?ecs-deploy-action@(\S+)/g)].map((m) => `${file} v${m[1]}`),
      ),
      ...sources.flatMap((file) =>
        [...read(file).matchAll(/org\/ecs-deploy-action\/(v[^/]+)\/schema\//g)].map((m) => `${file} ${m[1]}`),
      ),
    ]
    expect(own.length).toBeGreaterThan(5)
    expect(own.filter((u) => !u.endsWith(` ${MAJOR}`))).toEqual([])
  })

  test('every other action is at the same version wherever it appears', () => {
    const refs = new Map<string, Set<string>>()
    for (const u of uses) refs.set(u.action, (refs.get(u.action) ?? new Set()).add(u.ref))
    expect([...refs.keys()]).toEqual(
      expect.arrayContaining(['actions/checkout', 'aws-actions/configure-aws-credentials', 'actions/setup-node']),
    )
    expect([...refs].filter(([, r]) => r.size > 1).map(([action, r]) => `${action}: ${[...r].join(', ')}`)).toEqual([])
  })
})

describe('the config schema', () => {
  const schema = JSON.parse(read('schema/ecs-deploy.schema.json')) as { $id: string }
  const modeline = `# yaml-language-server: $schema=${schema.$id}`

  test('its address is this repository file at the major tag', () => {
    expect(schema.$id).toBe(
      `https://raw.githubusercontent.com/org/ecs-deploy-action/${MAJOR}/schema/ecs-deploy.schema.json`,
    )
  })

  test('the example config and the README point editors at it', () => {
    expect(read('examples/ecs-deploy.yml').split('\n')[0]).toBe(modeline)
    expect(read('README.md')).toContain(`\`\`\`yaml\n${modeline}\nenvironments:`)
  })
})

/** The permissions a job's steps need: checkout reads, OIDC credentials, this action's GitHub deployment and previews. */
function neededPermissions(job: Job): Record<string, string> {
  const needed: Record<string, string> = {}
  for (const step of job.steps ?? []) {
    const action = step.uses?.replace(/@.*/, '')
    if (action === 'actions/checkout') needed.contents = 'read'
    if (action === 'aws-actions/configure-aws-credentials' && step.with?.['role-to-assume'])
      needed['id-token'] = 'write'
    if (action === 'org/ecs-deploy-action') {
      // A plan reads the config and the event only; a deploy records GitHub deployments.
      if (step.with?.mode !== 'plan' && step.with?.['github-token'] !== '') needed.deployments = 'write'
      const preview = String(step.with?.preview ?? '')
      if (preview === 'deploy' || preview === 'destroy') needed['pull-requests'] = 'write'
      if (preview === 'sweep') needed['pull-requests'] = 'read'
    }
  }
  return needed
}

describe('every job that uses this action asks for the permissions its steps need', () => {
  const jobs = workflowFiles.flatMap((file) =>
    Object.entries((parse(read(file)) as Workflow).jobs ?? {})
      .filter(([, job]) => job.steps?.some((s) => s.uses?.startsWith('org/ecs-deploy-action@')))
      .map(([id, job]) => [`${file} ${id}`, job, (parse(read(file)) as Workflow).permissions] as const),
  )
  test.each(jobs)('%s', (_name, job, workflowPermissions) => {
    const granted = (job.permissions ?? workflowPermissions) as Record<string, string>
    expect(granted).toMatchObject(neededPermissions(job))
  })
})

describe('the README quick start', () => {
  test('is a job with the permissions its steps need: reading the repository, OIDC credentials, deployments', () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(read('README.md'))![1]!
    const quickStart = parse(block) as { jobs?: Record<string, Job> }
    expect(Object.keys(quickStart)).toEqual(['jobs'])
    const job = Object.values(quickStart.jobs!)[0]!
    expect(job.permissions).toEqual(neededPermissions(job))
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write', deployments: 'write' })
    expect(block).toContain('# pull-requests: write   # only with previews')
    expect((job.steps ?? []).map((s) => s.uses?.replace(/@.*/, ''))).toEqual([
      'actions/checkout',
      'aws-actions/configure-aws-credentials',
      'org/ecs-deploy-action',
    ])
  })
})

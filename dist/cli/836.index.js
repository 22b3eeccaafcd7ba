export const id = 836;
export const ids = [836];
export const modules = {

/***/ 5836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  carryOut: () => (/* binding */ carryOut),
  failureDescription: () => (/* binding */ failureDescription)
});

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
;// CONCATENATED MODULE: ./src/github/api.ts

const PAGE_SIZE = 100;
function ownerRepo(git) {
    const [owner = '', repo = ''] = git.repository.split('/');
    return { owner, repo };
}
/** The token may not do this: GitHub answers 403, or 404 for what it hides from the token. */
function isPermissionError(error) {
    const status = error.status;
    return status === 403 || status === 404 || /Resource not accessible by integration/i.test((0,errors/* errorMessage */.gJ)(error));
}
/** `Not Found (HTTP 404)`: the first line of Octokit's message, and the status. */
function describeGitHubError(error) {
    const status = error.status;
    const message = (0,errors/* errorMessage */.gJ)(error)
        .split('\n')[0]
        ?.replace(/ - https:\/\/docs\.github\.com\S*$/, '') ?? '';
    return status === undefined ? message : `${message} (HTTP ${status})`;
}
/** Every item of a paged list, PAGE_SIZE at a time, until a short page. */
async function allPages(page) {
    const items = [];
    for (let n = 1;; n++) {
        const { data } = await page(n);
        items.push(...data);
        if (data.length < PAGE_SIZE)
            return items;
    }
}

;// CONCATENATED MODULE: ./src/github/deployments.ts

const DESCRIPTION_MAX = 140;
/**
 * Records the deploy as a GitHub deployment with statuses. The deployment is created by the first status.
 * Without permission, it warns once and does nothing more: a deploy never fails for its GitHub record.
 */
function createDeploymentTracker(octokit, git, options, warn) {
    const repo = ownerRepo(git);
    let deploymentId;
    let disabled = false;
    async function attempt(what, call) {
        if (disabled)
            return;
        try {
            await call();
        }
        catch (error) {
            const why = `${what} for environment ${options.environment}: ${describeGitHubError(error)}.`;
            if (!isPermissionError(error))
                return warn(`${why} The deploy itself is not affected.`);
            disabled = true;
            warn(`${why} Give the job \`permissions: deployments: write\` (or pass a \`github-token\` that may write deployments); the deploy goes on without GitHub deployment statuses.`);
        }
    }
    async function create() {
        if (deploymentId !== undefined)
            return deploymentId;
        if (options.adoptJobDeployment) {
            deploymentId = await jobDeployment(octokit, repo, options, options.adoptJobDeployment.runId);
            if (deploymentId !== undefined)
                return deploymentId;
        }
        const { data } = await octokit.rest.repos.createDeployment({
            ...repo,
            ref: options.ref,
            environment: options.environment,
            description: truncate(options.description),
            auto_merge: false,
            required_contexts: [],
            transient_environment: options.transient,
            production_environment: options.production,
        });
        if (data.id === undefined) {
            warn(`GitHub did not create a deployment for environment ${options.environment}: ${(data.message ?? 'no deployment id in the answer').replace(/\.$/, '')}.`);
            disabled = true;
        }
        deploymentId = data.id;
        return deploymentId;
    }
    async function status(id, state, extra) {
        const logUrl = extra.log_url ?? options.logUrl;
        await octokit.rest.repos.createDeploymentStatus({
            ...repo,
            deployment_id: id,
            state,
            ...(extra.description !== undefined && { description: truncate(extra.description) }),
            ...(extra.environment_url !== undefined && { environment_url: extra.environment_url }),
            ...(logUrl !== undefined && { log_url: logUrl }),
        });
    }
    const report = (state, extra = {}) => attempt(`Could not set the GitHub deployment status to ${state}`, async () => {
        const id = await create();
        if (id !== undefined)
            await status(id, state, extra);
    });
    return {
        inProgress: () => report('in_progress'),
        success: (url) => report('success', url === undefined ? {} : { environment_url: url }),
        failure: (logUrl, description) => report('failure', {
            ...(logUrl !== undefined && { log_url: logUrl }),
            ...(description !== undefined && { description }),
        }),
        inactive: () => attempt('Could not mark the GitHub deployments inactive', async () => {
            const deployments = await allPages((page) => octokit.rest.repos.listDeployments({ ...repo, environment: options.environment, per_page: PAGE_SIZE, page }));
            for (const { id } of deployments)
                await status(id, 'inactive', {});
        }),
    };
}
/** The runner's states for the deployment of a job that is waiting to run or running. */
const JOB_STATES = ['queued', 'in_progress'];
/** How many of the newest deployments of this commit and environment are looked at. */
const CANDIDATES = 10;
/**
 * The deployment the runner made for this job (`environment:` in the workflow): of the newest deployments of this
 * commit to this environment, one still queued or in progress; the one whose status links to this run first.
 */
async function jobDeployment(octokit, repo, options, runId) {
    const { data } = await octokit.rest.repos.listDeployments({
        ...repo,
        environment: options.environment,
        sha: options.sha,
        per_page: CANDIDATES,
        page: 1,
    });
    let open;
    for (const { id } of data.slice(0, CANDIDATES)) {
        const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
            ...repo,
            deployment_id: id,
            per_page: 1,
            page: 1,
        });
        const latest = statuses[0];
        if (!latest || !JOB_STATES.includes(latest.state))
            continue;
        const link = latest.log_url || latest.target_url || '';
        if (linksToRun(link, runId))
            return id;
        open ??= id;
    }
    return open;
}
/** Whether a status's link is to this workflow run (…/actions/runs/<id>, or a job of it). */
function linksToRun(link, runId) {
    const run = `/actions/runs/${runId}`;
    return link.includes(`${run}/`) || link.endsWith(run);
}
function truncate(text) {
    return text.length > DESCRIPTION_MAX ? `${text.slice(0, DESCRIPTION_MAX - 1)}…` : text;
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/github/comment.ts


const HEADING = {
    deploying: '⏳ Deploying the preview of',
    deployed: '🚀 Preview of',
    failed: '❌ The preview failed for',
    destroyed: '🧹 Removed the preview of',
};
/** The hidden line that lets a later run find and update this service's comment. */
function previewCommentMarker(service, kind = 'preview') {
    return `<!-- ecs-deploy-action:${kind}:${service} -->`;
}
/** The comment's Markdown: URL, commit, status and time, under the hidden marker. */
function previewComment(facts, git) {
    const commit = `[\`${facts.sha.slice(0, 7)}\`](${git.serverUrl}/${git.repository}/commit/${facts.sha})`;
    const rows = [
        ...(facts.url && facts.status !== 'destroyed' ? [['URL', facts.url]] : []),
        ['Commit', commit],
        ['Status', facts.status],
        ['Updated', `${facts.time.toISOString().slice(0, 16).replace('T', ' ')} UTC`],
        ...(facts.runUrl ? [['Run', `[logs](${facts.runUrl})`]] : []),
    ];
    return [
        previewCommentMarker(facts.service),
        `### ${HEADING[facts.status]} \`${facts.service}\``,
        '',
        (0,markdown/* keyValueTable */.z)(rows),
        ...(facts.detail ? ['', facts.detail] : []),
    ].join('\n');
}
/** Writes this service's preview comment on the pull request (see `upsertComment`). */
function upsertPreviewComment(octokit, git, comment, warn) {
    return upsertComment(octokit, git, { ...comment, kind: 'preview' }, warn);
}
/**
 * Writes this service's comment of its kind on the pull request: updates the comment holding its marker that the
 * token's identity wrote, or adds one unless `updateOnly`. Without permission it warns and returns undefined.
 */
async function upsertComment(octokit, git, comment, warn) {
    const repo = ownerRepo(git);
    const marker = previewCommentMarker(comment.service, comment.kind);
    const body = comment.body.startsWith(marker) ? comment.body : `${marker}\n${comment.body}`;
    try {
        const comments = await allPages((page) => octokit.rest.issues.listComments({ ...repo, issue_number: comment.pr, per_page: PAGE_SIZE, page }));
        // Anyone can write the marker: only a comment the token's own identity wrote is this action's to edit.
        const me = await tokenLogin(octokit);
        const earlier = me && comments.find((c) => c.body?.startsWith(marker) && sameLogin(c.user?.login, me));
        if (earlier) {
            await octokit.rest.issues.updateComment({ ...repo, comment_id: earlier.id, body });
            return { id: earlier.id, created: false };
        }
        if (comment.updateOnly)
            return undefined;
        const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: comment.pr, body });
        return { id: data.id, created: true };
    }
    catch (error) {
        const what = comment.kind === 'preview' ? 'the preview URL' : 'the drift table';
        const fix = isPermissionError(error)
            ? ` Give the job \`permissions: pull-requests: write\` to get ${what} as a comment.`
            : ` The ${comment.kind === 'preview' ? 'deploy' : 'drift check'} itself is not affected.`;
        warn(`Could not write the ${comment.kind} comment on pull request #${comment.pr}: ${describeGitHubError(error)}.${fix}`);
        return undefined;
    }
}
/** The token's login; undefined when GitHub does not say (then no comment is edited, a new one is added). */
async function tokenLogin(octokit) {
    try {
        return (await octokit.viewer()).login || undefined;
    }
    catch {
        return undefined;
    }
}
/** GraphQL names a GitHub App `name[bot]` as the viewer and `name` as an author in some places: either is the same one. */
function sameLogin(author, me) {
    const bare = (login) => login.toLowerCase().replace(/\[bot\]$/, '');
    return author !== undefined && bare(author) === bare(me);
}

// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(5015);
;// CONCATENATED MODULE: ./src/github/index.ts




// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/common/deadline.ts
var deadline = __webpack_require__(673);
// EXTERNAL MODULE: ./src/http/fetch.ts
var http_fetch = __webpack_require__(576);
// EXTERNAL MODULE: ./src/aws/arn.ts
var aws_arn = __webpack_require__(1626);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/logs.ts

/** The SDK package, loaded by the first call (clients.ts). */
const sdk = () => __webpack_require__.e(/* import() */ 303).then(__webpack_require__.t.bind(__webpack_require__, 2684, 19));
/** Log lines of a stream without their trailing newline: the last `limit` ones, or from the start (or `token`) on. */
async function getLogEvents(logs, where, read) {
    const position = 'limit' in read
        ? { limit: read.limit, startFromHead: false }
        : { startFromHead: true, ...(read.token && { nextToken: read.token }) };
    const response = await (0,aws_errors/* awsCall */.uF)('logs:GetLogEvents', async () => logs.send(new (await sdk()).GetLogEventsCommand({ logGroupName: where.group, logStreamName: where.stream, ...position })), { missing: { ResourceNotFoundException: 'log stream' } });
    const nextToken = response.nextForwardToken ?? ('token' in read ? read.token : undefined);
    return {
        lines: (response.events ?? []).map((e) => (e.message ?? '').replace(/\n$/, '')),
        ...(nextToken !== undefined && { nextToken }),
    };
}

;// CONCATENATED MODULE: ./src/deploy/diagnose.ts


const EXECUTION_ROLE = "the task definition's executionRoleArn";
// Ordered: the first rule that matches names the cause; ECS's stop and container reasons decide before an exit code.
const RULES = [
    {
        test: (t) => /CannotPullContainerError/i.test(t) && /denied|not authorized|403|unauthorized/i.test(t),
        cause: () => ({
            summary: 'The image could not be pulled: access to the repository was denied.',
            fix: `Give ${EXECUTION_ROLE} ecr:GetAuthorizationToken, ecr:BatchGetImage and ecr:GetDownloadUrlForLayer (the AmazonECSTaskExecutionRolePolicy), and allow it in the repository policy for another account.`,
        }),
    },
    {
        test: (t) => /CannotPullContainerError/i.test(t) && /not found|manifest unknown|does not exist/i.test(t),
        cause: () => ({
            summary: 'The image could not be pulled: the tag or digest does not exist in the repository.',
            fix: 'Check the `image` input (and that the push finished); deploy by digest to be sure the image exists.',
        }),
    },
    {
        test: (t) => /CannotPullContainerError|unable to retrieve ecr registry auth/i.test(t),
        cause: () => ({
            summary: 'The image could not be pulled: the task has no network route to the registry.',
            fix: 'Give the tasks a route to ECR: a public IP (assignPublicIp ENABLED) in a public subnet, a NAT gateway, or VPC endpoints for ecr.api, ecr.dkr and S3.',
        }),
    },
    {
        test: (t) => /ResourceInitializationError/i.test(t) && /secret|ssm|parameter|kms/i.test(t),
        cause: () => ({
            summary: "The task's secrets could not be read when it started.",
            fix: `Give ${EXECUTION_ROLE} secretsmanager:GetSecretValue / ssm:GetParameters (and kms:Decrypt for a customer key) on the secrets named in \`secrets\`, and check that each ARN exists in this region.`,
        }),
    },
    {
        test: (t) => /failed ELB health checks/i.test(t),
        cause: (t) => {
            const targetGroup = /:targetgroup\/([^/\s)]+)/.exec(t)?.[1];
            return {
                summary: `Tasks failed the load balancer's health checks${targetGroup ? ` in target group ${targetGroup}` : ''}.`,
                fix: "Check that the app answers the target group's health check path with 200 on the container port, and that healthCheckGracePeriodSeconds covers its start-up time.",
            };
        },
    },
    {
        test: (t) => /failed container health checks/i.test(t),
        cause: () => ({
            summary: "A container failed its own health check (the task definition's healthCheck).",
            fix: 'Run the healthCheck command by hand in the image; raise startPeriod if the app needs longer to start.',
        }),
    },
    {
        test: (t) => /address already in use|port .* already|EADDRINUSE/i.test(t),
        cause: () => ({
            summary: 'The container could not bind its port: it is already in use on the host.',
            fix: 'With bridge/host networking, use dynamic host ports (hostPort 0) or fewer tasks per instance; or use awsvpc networking.',
        }),
    },
    {
        test: (t) => /unable to place a task|no container instance met|RESOURCE:|insufficient|capacity/i.test(t),
        cause: () => ({
            summary: 'ECS could not place the tasks: no capacity meets their requirements.',
            fix: 'Add capacity (instances or a capacity provider), lower cpu/memory, or relax placement constraints.',
        }),
    },
    {
        // ECS words it "OutOfMemoryError: Container killed due to memory usage" on the container (and, on Fargate, the task).
        test: (t) => /OutOfMemoryError/i.test(t),
        cause: () => ({
            summary: 'A container ran out of memory and was killed.',
            fix: "Raise `memory` (task or container) in the task definition, or lower the application's memory use.",
        }),
    },
    {
        // SIGKILL without an out-of-memory reason: the container ignored SIGTERM for stopTimeout, or something killed it.
        test: (t, code) => code === 137 && /Essential container/i.test(t),
        cause: () => ({
            summary: 'An essential container was killed (SIGKILL, exit code 137) without an out-of-memory reason.',
            fix: "Check that the app exits on SIGTERM within the container's stopTimeout, and read its last log lines below; if it was close to its `memory`, raise it.",
        }),
    },
    {
        test: (t, code) => code !== undefined && code !== 0 && /Essential container/i.test(t),
        cause: () => ({
            summary: 'An essential container exited: the application stopped with an error.',
            fix: "Read the container's last log lines below; run the image locally with the same environment to reproduce.",
        }),
    },
    {
        test: (t) => /TaskFailedToStart|CannotStartContainerError|CannotCreateContainerError/i.test(t),
        cause: (t) => ({
            summary: `The task failed to start: ${t.split('\n')[0]}`,
            fix: 'Check the entryPoint/command, the image platform (runtimePlatform) and the container settings named in the reason.',
        }),
    },
];
function failingContainer(task) {
    return (task.containers.find((c) => c.exitCode !== undefined && c.exitCode !== 0) ?? task.containers.find((c) => c.reason));
}
/** Names the cause of one stopped task, or a generic one quoting ECS. */
function causeOf(task) {
    const container = failingContainer(task);
    const text = [task.stoppedReason, task.stopCode, ...task.containers.map((c) => c.reason)].filter(Boolean).join('\n');
    const rule = RULES.find((r) => r.test(text, container?.exitCode));
    return (rule?.cause(text) ?? {
        summary: `Tasks stopped: ${task.stoppedReason ?? 'ECS gave no reason'}${container?.exitCode !== undefined ? ` (exit code ${container.exitCode})` : ''}.`,
        fix: "Read the container's log lines and the service events below.",
    });
}
/** Also names a cause from service events alone, for failures that leave no stopped task (placement, health). */
function causeOfEvents(events) {
    const text = events.join('\n');
    return RULES.find((r) => r.test(text, undefined))?.cause(text);
}
/** Groups stopped tasks by cause, so each distinct failure is shown (and its logs fetched) once. */
function groupFailures(tasks) {
    const byCause = new Map();
    for (const task of tasks) {
        const cause = causeOf(task);
        const container = failingContainer(task)?.name;
        const key = `${cause.summary}|${container ?? ''}`;
        const found = byCause.get(key);
        if (found)
            found.tasks++;
        else
            byCause.set(key, { cause, tasks: 1, example: task, ...(container !== undefined && { container }) });
    }
    return [...byCause.values()];
}
/** Where a container's logs go with the awslogs driver: `<prefix>/<container>/<task-id>` in the group. */
function logStreamOf(definition, taskId) {
    const log = definition?.logConfiguration;
    const options = log?.options ?? {};
    const group = options['awslogs-group'];
    const prefix = options['awslogs-stream-prefix'];
    if (log?.logDriver !== 'awslogs' || !group || !prefix || !definition?.name)
        return undefined;
    return {
        group,
        stream: `${prefix}/${definition.name}/${taskId}`,
        ...(options['awslogs-region'] && { region: options['awslogs-region'] }),
    };
}
/** Adds each failure's container log tail (once per distinct failure, not per task), read in the container's log region. */
async function attachLogs(logsIn, failures, containers, lines) {
    return Promise.all(failures.map(async (failure) => {
        const definition = containers.find((c) => c.name === failure.container);
        const where = logStreamOf(definition, failure.example.taskId);
        if (!where || lines <= 0)
            return failure;
        const logSource = `${where.group} › ${where.stream}`;
        try {
            const { lines: logLines } = await getLogEvents(logsIn(where.region), where, { limit: lines });
            return { ...failure, logLines, logSource };
        }
        catch (error) {
            return { ...failure, logSource, logError: `could not read the log stream: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
    }));
}

// EXTERNAL MODULE: ./src/deploy/register.ts
var register = __webpack_require__(7450);
// EXTERNAL MODULE: ./src/deploy/rollout.ts
var rollout = __webpack_require__(5398);
// EXTERNAL MODULE: ./src/settings/service.ts
var settings_service = __webpack_require__(6322);
;// CONCATENATED MODULE: ./src/deploy/changes.ts


function breakerName(breaker) {
    if (!breaker?.enable)
        return 'off';
    return breaker.rollback ? 'on, with rollback' : 'on, without rollback';
}
/** What the update would change on the service itself, beside its task definition, one line each. */
function serviceChanges(service, desiredCount, breaker, settings = {}) {
    const changes = [];
    if (desiredCount !== undefined && desiredCount !== service.desiredCount) {
        changes.push(`service desired count: ${service.desiredCount} → ${desiredCount}`);
    }
    const configuration = (0,rollout/* circuitBreakerConfiguration */.C3)(service.deploymentConfiguration, breaker);
    if (configuration) {
        const before = breakerName(service.deploymentConfiguration?.deploymentCircuitBreaker);
        changes.push(`service deployment circuit breaker: ${before} → ${breakerName(configuration.deploymentCircuitBreaker)}`);
    }
    const breakerAfter = (configuration ?? service.deploymentConfiguration)?.deploymentCircuitBreaker;
    changes.push(...(0,settings_service/* deploymentSettingsChanges */.wr)(service.deploymentConfiguration, breakerAfter, settings));
    changes.push(...(0,settings_service/* settingsChanges */.fH)(service, settings));
    return changes;
}

// EXTERNAL MODULE: ./src/aws/ecs.ts
var aws_ecs = __webpack_require__(1032);
// EXTERNAL MODULE: ./src/deploy/clock.ts
var deploy_clock = __webpack_require__(3941);
// EXTERNAL MODULE: ./src/deploy/tasks.ts
var tasks = __webpack_require__(4909);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/common/setting-name.ts
var setting_name = __webpack_require__(3261);
;// CONCATENATED MODULE: ./src/deploy/run-task.ts








const POLL_MS = 2000;
/**
 * Splits a command line into arguments: whitespace separates, quotes group, no shell is involved.
 * A JSON array is taken as it is.
 */
function commandArguments(command, input = 'run-task') {
    const trimmed = command.trim();
    if (trimmed.startsWith('[')) {
        const parsed = JSON.parse(trimmed);
        if (Array.isArray(parsed) && parsed.every((a) => typeof a === 'string'))
            return parsed;
        throw new errors/* UserError */.yo(`${(0,setting_name/* settingName */.Q)(input)} as JSON must be an array of strings, like ["npm", "run", "migrate"].`);
    }
    const args = [];
    for (const match of trimmed.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
        args.push(match[1] ?? match[2] ?? match[3] ?? '');
    return args;
}
/** Reads a task's log stream from where it was left; returns the new lines and where to go on. */
async function newLogLines(logsIn, where, token) {
    try {
        const page = await getLogEvents(logsIn(where.region), where, { fromHead: true, token });
        return { lines: page.lines, token: page.nextToken };
    }
    catch {
        return { lines: [], token }; // the stream appears only once the container has started
    }
}
function exitSummary(task) {
    return (task.containers ?? [])
        .map((c) => `${c.name}: ${c.exitCode !== undefined ? `exit code ${c.exitCode}` : (c.reason ?? 'no exit code')}`)
        .join(', ');
}
/** Where and how the task runs: the inputs' settings over the service's. */
function placement(t) {
    const o = t.options ?? {};
    const service = t.service;
    const capacity = o.capacityProviderStrategy?.length
        ? { capacityProviderStrategy: o.capacityProviderStrategy }
        : o.launchType
            ? { launchType: o.launchType }
            : service?.capacityProviderStrategy?.length
                ? { capacityProviderStrategy: service.capacityProviderStrategy }
                : service?.launchType && { launchType: service.launchType };
    return {
        ...capacity,
        ...networkConfiguration(service?.networkConfiguration, o),
        ...(service?.platformVersion && { platformVersion: service.platformVersion }),
    };
}
function networkConfiguration(base, o) {
    const vpc = base?.awsvpcConfiguration;
    if (!vpc && !o.subnets?.length)
        return {};
    return {
        networkConfiguration: {
            awsvpcConfiguration: {
                subnets: o.subnets?.length ? o.subnets : (vpc?.subnets ?? []),
                ...((o.securityGroups?.length || vpc?.securityGroups) && {
                    securityGroups: o.securityGroups?.length ? o.securityGroups : vpc?.securityGroups,
                }),
                ...((o.assignPublicIp ?? vpc?.assignPublicIp) && { assignPublicIp: o.assignPublicIp ?? vpc?.assignPublicIp }),
            },
        },
    };
}
/** The overrides given, with the command set on the run container. */
function overridesWithCommand(t) {
    const given = t.options?.overrides ?? {};
    const others = (given.containerOverrides ?? []).filter((c) => c.name !== t.container);
    const own = (given.containerOverrides ?? []).find((c) => c.name === t.container);
    return { ...given, containerOverrides: [...others, { ...own, name: t.container, command: t.command }] };
}
/**
 * Runs a one-off task (a migration, say) from the revision — with the service's network settings before a rollout,
 * or on its own with the `run-task-*` settings — streams its log lines, and waits for every task to stop. Throws
 * when an essential container exits non-zero, when a task cannot start, or on timeout or cancellation (after
 * stopping them). Returns the tasks' ARNs.
 */
async function runOneOffTask(t) {
    const definition = t.containers.find((c) => c.name === t.container);
    if (!definition) {
        throw new errors/* UserError */.yo(`Config key \`run-task.container\` "${t.container}" is not a container of the task definition (${t.containers.map((c) => c.name).join(', ')}).`);
    }
    // Before a rollout, a failure means the rollout does not start; on its own, there is no rollout to speak of.
    const consequence = t.service ? ', so the rollout did not start' : '';
    const count = t.options?.count ?? 1;
    const started = await (0,aws_ecs/* runTask */.ZZ)(t.ecs, {
        cluster: t.cluster,
        taskDefinition: t.taskDefinitionArn,
        startedBy: 'ecs-deploy-action',
        ...(count > 1 && { count }),
        ...placement(t),
        ...(t.options?.tags?.length && { tags: t.options.tags }),
        overrides: overridesWithCommand(t),
    });
    const arns = started.tasks.flatMap((task) => (task.taskArn ? [task.taskArn] : []));
    if (arns.length < count) {
        const failure = started.failures[0];
        for (const arn of arns)
            await (0,aws_ecs/* stopTask */.S8)(t.ecs, t.cluster, arn, 'ecs-deploy-action: the other tasks could not start');
        throw new errors/* DeploymentFailed */.Nr(`The one-off task could not start: ${failure?.reason ?? 'no reason given'}${failure?.detail ? ` (${failure.detail})` : ''}.`, 'failed');
    }
    const followed = arns.map((arn) => ({
        arn,
        id: (0,tasks/* taskId */.BS)(arn),
        where: logStreamOf(definition, (0,tasks/* taskId */.BS)(arn)),
        token: undefined,
        seen: [],
    }));
    const several = followed.length > 1;
    for (const f of followed)
        t.log(`one-off task ${f.id} started: ${t.command.join(' ')}`);
    const deadline = t.clock.now() + t.timeoutMs;
    for (;;) {
        const tasks = await (0,aws_ecs/* describeTasks */.yz)(t.ecs, t.cluster, arns);
        for (const f of followed) {
            if (!f.where)
                continue;
            const read = await newLogLines(t.logsIn, f.where, f.token);
            f.token = read.token;
            for (const line of read.lines)
                t.log((0,report_text/* logSafe */.sN)(`  │ ${several ? `${f.id}: ` : ''}${line}`));
            f.seen.push(...read.lines);
        }
        const stopped = followed.map((f) => tasks.find((task) => task.taskArn === f.arn));
        if (stopped.every((task) => task?.lastStatus === 'STOPPED')) {
            for (const [i, task] of stopped.entries()) {
                const f = followed[i];
                if (!task || !f)
                    continue;
                const failed = (task.containers ?? []).filter((c) => c.exitCode !== 0 && (t.containers.find((d) => d.name === c.name)?.essential ?? true));
                if (!failed.length) {
                    t.log((0,report_text/* logSafe */.sN)(`one-off task ${f.id} finished: ${exitSummary(task)}`));
                    continue;
                }
                const tail = f.seen.slice(-t.logLines);
                throw new errors/* DeploymentFailed */.Nr(`The one-off task${several ? ` ${f.id}` : ''} (${t.command.join(' ')}) failed${consequence}: ${exitSummary(task)}${task.stoppedReason ? ` — ${task.stoppedReason}` : ''}.` +
                    (tail.length ? `\nLast log lines:\n${tail.join('\n')}` : ''), 'failed');
            }
            return arns;
        }
        const cancelled = t.signal?.aborted;
        if (cancelled || t.clock.now() >= deadline) {
            const why = cancelled ? 'the job was cancelled' : `it did not finish within ${(0,deploy_clock/* describeLimit */.XW)(t.timeoutMs)}`;
            for (const [i, f] of followed.entries())
                if (stopped[i]?.lastStatus !== 'STOPPED')
                    await (0,aws_ecs/* stopTask */.S8)(t.ecs, t.cluster, f.arn, `ecs-deploy-action: ${why}`);
            throw new errors/* DeploymentFailed */.Nr(`The one-off task ${followed.map((f) => f.id).join(', ')} was stopped because ${why}${t.service ? '; the rollout did not start' : ''}.`, cancelled ? 'failed' : 'timed-out');
        }
        await t.clock.sleep(POLL_MS, t.signal);
    }
}

// EXTERNAL MODULE: ./src/deploy/find-service.ts
var find_service = __webpack_require__(2090);
;// CONCATENATED MODULE: ./src/deploy/service-tags.ts



/** What became of the service's tags, for its notes; a refused call is said, never thrown (the rollout goes on). */
async function applyServiceTags(ecs, service, wanted) {
    const update = (0,settings_service/* tagsUpdate */.po)(service, wanted);
    if (!update || !service.serviceArn)
        return undefined;
    try {
        await (0,aws_ecs/* retag */.s1)(ecs, service.serviceArn, update.tags, update.tagKeys);
        return { note: `tags: ${(0,settings_service/* tagsText */.XE)(update)}` };
    }
    catch (error) {
        return { note: `tags were not changed (${(0,settings_service/* tagsText */.XE)(update)}): ${(0,errors/* errorMessage */.gJ)(error)}`, failed: true };
    }
}

;// CONCATENATED MODULE: ./src/deploy/pinned.ts



/** The revision `task-definition-arn` names; a UserError when it does not exist or is not ACTIVE. */
async function pinnedRevision(ecs, arn, region) {
    let described;
    try {
        described = await (0,register/* describeTaskDefinition */.o)(ecs, arn);
    }
    catch (error) {
        if ((0,aws_errors/* isNotFound */.c4)(error, 'task definition')) {
            throw new errors/* UserError */.yo(`Input \`task-definition-arn\`: there is no task definition ${arn} in region ${region}. Give an existing revision (family:revision or its full ARN); nothing was changed.`);
        }
        throw error;
    }
    const { status, family, revision } = described.taskDefinition;
    if (status !== 'ACTIVE') {
        throw new errors/* UserError */.yo(`Input \`task-definition-arn\`: ${family}:${revision} is ${status}, not ACTIVE, so ECS starts no new task from it. Register it again or give an ACTIVE revision; nothing was changed.`);
    }
    return described;
}
/** The revision as the registration step reports it: deployed as it is, registered by someone else. */
function pinnedRegistration({ taskDefinition }) {
    return {
        arn: taskDefinition.taskDefinitionArn ?? '',
        family: taskDefinition.family ?? '',
        revision: taskDefinition.revision ?? 0,
        registered: false,
    };
}

;// CONCATENATED MODULE: ./src/deploy/keep-revisions.ts



/** Every task definition ARN the cluster's services (and their deployments) and its running tasks use. */
async function revisionsInUse(ecs, cluster) {
    const services = await (0,aws_ecs/* describeServicesByName */.Qm)(ecs, cluster, await (0,aws_ecs/* listServices */.TD)(ecs, cluster));
    const tasks = await (0,aws_ecs/* describeTasks */.yz)(ecs, cluster, await (0,aws_ecs/* listTasks */.Vk)(ecs, { cluster, desiredStatus: 'RUNNING' }));
    return new Set([
        ...services.flatMap((s) => [s.taskDefinition, ...(s.deployments ?? []).map((d) => d.taskDefinition)]),
        ...tasks.map((t) => t.taskDefinitionArn),
    ].filter((arn) => !!arn));
}
/** The family's ACTIVE revisions to deregister: beyond the newest `keep`, and not in use. */
function revisionsToDeregister(active, keep, inUse) {
    const newestFirst = [...active].sort((a, b) => ((0,aws_arn/* revisionNumber */.P7)(b) ?? 0) - ((0,aws_arn/* revisionNumber */.P7)(a) ?? 0));
    return newestFirst.slice(keep).filter((arn) => !inUse.has(arn));
}
/**
 * Deregisters the family's older revisions (see above); returns the `family:revision` of each one deregistered. A
 * failure is a warning: the deploy itself succeeded.
 */
async function pruneRevisions(ecs, cluster, family, keep, log) {
    try {
        // familyPrefix also matches longer families (web-worker for web): only the family's own revisions count.
        const active = (await (0,aws_ecs/* listTaskDefinitions */.ad)(ecs, { familyPrefix: family, status: 'ACTIVE' })).filter((arn) => (0,aws_arn/* taskDefinitionFamily */.dm)(arn) === family);
        if (active.length <= keep)
            return [];
        const doomed = revisionsToDeregister(active, keep, await revisionsInUse(ecs, cluster));
        const gone = [];
        for (const arn of doomed) {
            await (0,aws_ecs/* deregisterTaskDefinition */.T2)(ecs, arn);
            gone.push((0,aws_arn/* taskDefinitionRevision */.MZ)(arn));
        }
        const kept = active.length - gone.length;
        log.info(gone.length
            ? `keep-revisions ${keep}: deregistered ${gone.join(', ')}; ${kept} ACTIVE revision(s) of ${family} left (the newest ${keep} and those in use in ${cluster})`
            : `keep-revisions ${keep}: nothing to deregister; the older revisions of ${family} are in use in ${cluster}`);
        return gone;
    }
    catch (error) {
        log.warning(`keep-revisions: could not deregister old revisions of ${family}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return [];
    }
}

;// CONCATENATED MODULE: ./src/aws/pages.ts
/**
 * Every page of a paged call, each asked with the token the last one answered, until a page has none (or repeats it).
 * The SDK's own paginators test `client instanceof` their client class, which a client loaded on its first request
 * (clients.ts) is not, so the calls on those clients page here.
 */
async function* everyPage(call, input, token) {
    let next;
    do {
        const page = await call(next === undefined ? input : { ...input, [token.sent]: next });
        yield page;
        const previous = next;
        next = page[token.answered];
        if (next === previous)
            return;
    } while (next);
}

;// CONCATENATED MODULE: ./src/aws/elbv2.ts


/** The SDK package, loaded by the first call (clients.ts). */
const elbv2_sdk = () => __webpack_require__.e(/* import() */ 586).then(__webpack_require__.t.bind(__webpack_require__, 586, 19));
const LISTENER = { ListenerNotFoundException: 'listener' };
const TARGET_GROUP = { TargetGroupNotFoundException: 'target group' };
const MARKER = { sent: 'Marker', answered: 'NextMarker' };
/** DescribeTags takes at most 20 resources. */
const TAGS_PER_CALL = 20;
/** Every rule of a listener; undefined when the listener does not exist. */
async function describeRules(elbv2, listenerArn) {
    const read = (0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeRules', async () => {
        const rules = [];
        const { DescribeRulesCommand } = await elbv2_sdk();
        const call = (input) => elbv2.send(new DescribeRulesCommand(input));
        for await (const page of everyPage(call, { ListenerArn: listenerArn, PageSize: 100 }, MARKER))
            rules.push(...(page.Rules ?? []));
        return rules;
    }, { missing: LISTENER });
    return (0,aws_errors/* unlessNotFound */.CA)(read);
}
/** One listener rule by ARN (the production rule of a blue/green service), or undefined when there is none. */
async function describeRule(elbv2, ruleArn) {
    const found = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeRules', async () => elbv2.send(new (await elbv2_sdk()).DescribeRulesCommand({ RuleArns: [ruleArn] })), {
        missing: { RuleNotFoundException: 'listener rule' },
    }));
    return found?.Rules?.[0];
}
/** The listeners of a load balancer, or the one named; none when it does not exist. */
async function describeListeners(elbv2, query) {
    const input = 'loadBalancerArn' in query ? { LoadBalancerArn: query.loadBalancerArn } : { ListenerArns: [query.listenerArn] };
    const read = (0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeListeners', async () => {
        const listeners = [];
        const { DescribeListenersCommand } = await elbv2_sdk();
        const call = (input) => elbv2.send(new DescribeListenersCommand(input));
        for await (const page of everyPage(call, input, MARKER))
            listeners.push(...(page.Listeners ?? []));
        return listeners;
    }, { missing: { ...LISTENER, LoadBalancerNotFoundException: 'load balancer' } });
    return (await (0,aws_errors/* unlessNotFound */.CA)(read)) ?? [];
}
/** One target group by ARN or name, or undefined when there is none. */
async function describeTargetGroup(elbv2, query) {
    const input = 'arn' in query ? { TargetGroupArns: [query.arn] } : { Names: [query.name] };
    const found = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeTargetGroups', async () => elbv2.send(new (await elbv2_sdk()).DescribeTargetGroupsCommand(input)), {
        missing: TARGET_GROUP,
    }));
    return found?.TargetGroups?.[0];
}
/** Every target group of the account and region. */
async function describeAllTargetGroups(elbv2) {
    return (0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeTargetGroups', async () => {
        const groups = [];
        const { DescribeTargetGroupsCommand } = await elbv2_sdk();
        const call = (input) => elbv2.send(new DescribeTargetGroupsCommand(input));
        for await (const page of everyPage(call, { PageSize: 400 }, MARKER))
            groups.push(...(page.TargetGroups ?? []));
        return groups;
    });
}
/** The tags of these resources (any number, asked 20 at a time). */
async function describeTags(elbv2, arns) {
    const descriptions = [];
    for (let i = 0; i < arns.length; i += TAGS_PER_CALL) {
        const ResourceArns = arns.slice(i, i + TAGS_PER_CALL);
        const answer = await (0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeTags', async () => elbv2.send(new (await elbv2_sdk()).DescribeTagsCommand({ ResourceArns })));
        descriptions.push(...(answer.TagDescriptions ?? []));
    }
    return descriptions;
}
/** A load balancer, or undefined when it does not exist. */
async function describeLoadBalancer(elbv2, loadBalancerArn) {
    const found = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeLoadBalancers', async () => elbv2.send(new (await elbv2_sdk()).DescribeLoadBalancersCommand({ LoadBalancerArns: [loadBalancerArn] })), {
        missing: { LoadBalancerNotFoundException: 'load balancer' },
    }));
    return found?.LoadBalancers?.[0];
}
async function createTargetGroup(elbv2, input) {
    return (await (0,aws_errors/* awsCall */.uF)('elasticloadbalancing:CreateTargetGroup', async () => elbv2.send(new (await elbv2_sdk()).CreateTargetGroupCommand(input)))).TargetGroups?.[0];
}
/** Creates a listener rule; AWS's refusals (PriorityInUseException, TooManyRulesException) are told apart by awsErrorName. */
async function createRule(elbv2, input) {
    return (await (0,aws_errors/* awsCall */.uF)('elasticloadbalancing:CreateRule', async () => elbv2.send(new (await elbv2_sdk()).CreateRuleCommand(input)))).Rules?.[0];
}
/** Deletes a rule; false when it was already gone. */
async function deleteRule(elbv2, ruleArn) {
    const deleted = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DeleteRule', async () => elbv2.send(new (await elbv2_sdk()).DeleteRuleCommand({ RuleArn: ruleArn })), {
        missing: { RuleNotFoundException: 'rule' },
    }));
    return deleted !== undefined;
}
/** Deletes a target group; false when it was already gone. */
async function deleteTargetGroup(elbv2, targetGroupArn) {
    const deleted = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DeleteTargetGroup', async () => elbv2.send(new (await elbv2_sdk()).DeleteTargetGroupCommand({ TargetGroupArn: targetGroupArn })), { missing: TARGET_GROUP }));
    return deleted !== undefined;
}
/** Whether a rule (or a listener's default actions) sends traffic to the target group. */
function forwardsTo(actions, targetGroupArn) {
    return (actions ?? []).some((a) => a.Type === 'forward' &&
        (a.TargetGroupArn === targetGroupArn ||
            !!a.ForwardConfig?.TargetGroups?.some((t) => t.TargetGroupArn === targetGroupArn)));
}
async function loadBalancerDnsName(elbv2, loadBalancerArn) {
    return (await describeLoadBalancer(elbv2, loadBalancerArn))?.DNSName;
}

;// CONCATENATED MODULE: ./src/analysis/decide.ts
/**
 * The decision on one read. `final`: the bake is over (the deployment moved on, or is paused waiting for it), so an
 * inconclusive analysis must be settled now by the user's choice; `wait` then holds a paused deployment and, with
 * nothing to hold, is reported as inconclusive.
 */
function decide(judgements, inconclusive, at, final) {
    const failed = judgements.find((j) => j.outcome === 'fail');
    if (failed)
        return { at, action: 'rollback', verdict: 'fail', reason: `canary analysis failed: ${failed.why}`, judgements };
    const open = judgements.filter((j) => j.outcome === 'inconclusive');
    if (!open.length) {
        // A read while the bake runs is not the verdict: the release can still fail a later one.
        const reason = final ? 'canary analysis passed: every check held' : 'canary analysis: every check holds so far';
        return { at, action: 'proceed', verdict: 'pass', reason, judgements };
    }
    const why = open.map((j) => j.why).join('; ');
    if (!final)
        return { at, action: 'hold', verdict: 'inconclusive', reason: `canary analysis: ${why}`, judgements };
    const action = inconclusive === 'rollback' ? 'rollback' : inconclusive === 'continue' ? 'proceed' : 'hold';
    const chose = { rollback: 'rolling back', proceed: 'going on', hold: 'waiting' }[action];
    return {
        at,
        action,
        verdict: 'inconclusive',
        reason: `canary analysis inconclusive (${why}); ${chose} as \`inconclusive: ${inconclusive}\` says`,
        judgements,
    };
}

;// CONCATENATED MODULE: ./src/aws/cloudwatch.ts


/** The SDK package, loaded by the first call (clients.ts). */
const cloudwatch_sdk = () => __webpack_require__.e(/* import() */ 85).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19));
/** The values of each query that returns data, by its id, the pages joined (timestamps newest first, as CloudWatch gives them). */
async function getMetricData(cloudwatch, input) {
    return (0,aws_errors/* awsCall */.uF)('cloudwatch:GetMetricData', async () => {
        const results = new Map();
        const { GetMetricDataCommand } = await cloudwatch_sdk();
        const pages = everyPage((request) => cloudwatch.send(new GetMetricDataCommand(request)), { MetricDataQueries: input.queries, StartTime: input.start, EndTime: input.end, ScanBy: 'TimestampDescending' }, { sent: 'NextToken', answered: 'NextToken' });
        for await (const page of pages) {
            for (const result of page.MetricDataResults ?? []) {
                const id = result.Id ?? '';
                const known = results.get(id);
                if (!known)
                    results.set(id, { ...result, Values: [...(result.Values ?? [])] });
                else
                    known.Values = [...(known.Values ?? []), ...(result.Values ?? [])];
            }
        }
        return results;
    });
}

;// CONCATENATED MODULE: ./src/analysis/metrics.ts

const ELB = 'AWS/ApplicationELB';
const ECS_NAMESPACES = ['AWS/ECS', 'ECS/ContainerInsights'];
/** CloudWatch keeps load balancer figures per minute: the window is one period of whole minutes. */
const MINUTE_S = 60;
/** The CloudWatch dimension values: `targetgroup/web/0123…` and `app/lb/4567…`, the ends of their ARNs. */
function dimensionsOf(scope) {
    const after = (arn, marker) => arn?.includes(marker)
        ? arn.slice(arn.indexOf(marker) + (marker === ':targetgroup/' ? 1 : marker.length))
        : undefined;
    return {
        ...(scope.targetGroupArn && { TargetGroup: after(scope.targetGroupArn, ':targetgroup/') ?? scope.targetGroupArn }),
        ...(scope.loadBalancerArn && {
            LoadBalancer: after(scope.loadBalancerArn, ':loadbalancer/') ?? scope.loadBalancerArn,
        }),
    };
}
/** `${CLUSTER}`, `${SERVICE}`, `${TARGET_GROUP}`, `${LOAD_BALANCER}` in a dimension's value, filled in. */
function filled(value, scope) {
    const d = dimensionsOf(scope);
    const known = {
        CLUSTER: scope.cluster,
        SERVICE: scope.service,
        TARGET_GROUP: d.TargetGroup,
        LOAD_BALANCER: d.LoadBalancer,
    };
    return value.replace(/\$\{([A-Z_]+)\}/g, (whole, name) => known[name] ?? whole);
}
function elbDimensions(scope) {
    return Object.entries(dimensionsOf(scope)).map(([Name, Value]) => ({ Name, Value }));
}
function metricQuery(id, namespace, metric, stat, dimensions, period, returned = true) {
    return {
        Id: id,
        MetricStat: {
            Metric: { Namespace: namespace, MetricName: metric, Dimensions: dimensions },
            Period: period,
            Stat: stat,
        },
        ReturnData: returned,
    };
}
/** The dimensions a named metric gets: its own, else the deployment's for the namespaces that have them. */
function dimensionsFor(namespace, own, scope) {
    if (Object.keys(own).length)
        return Object.entries(own).map(([Name, Value]) => ({ Name, Value: filled(Value, scope) }));
    if (namespace === ELB)
        return elbDimensions(scope);
    if (ECS_NAMESPACES.includes(namespace))
        return [
            { Name: 'ClusterName', Value: scope.cluster },
            { Name: 'ServiceName', Value: scope.service },
        ];
    return [];
}
/** The queries for one revision: requests and 5xx answers always (ids `requests`, `errors`), then one per check (`c0`, …). */
function queriesFor(checks, scope, period) {
    const elb = elbDimensions(scope);
    const queries = [
        metricQuery('requests', ELB, 'RequestCount', 'Sum', elb, period),
        metricQuery('errors', ELB, 'HTTPCode_Target_5XX_Count', 'Sum', elb, period),
    ];
    if (checks.some((c) => c.measure.kind === 'expression'))
        queries.push(metricQuery('latency', ELB, 'TargetResponseTime', 'Average', elb, period, false));
    checks.forEach((check, i) => {
        const id = `c${i}`;
        const m = check.measure;
        if (m.kind === 'percentile')
            queries.push(metricQuery(id, ELB, 'TargetResponseTime', `p${m.percentile}`, elb, period));
        else if (m.kind === 'healthy-hosts')
            queries.push(metricQuery(id, ELB, 'HealthyHostCount', 'Minimum', elb, period));
        else if (m.kind === 'metric')
            queries.push(metricQuery(id, m.namespace, m.metric, m.stat, dimensionsFor(m.namespace, m.dimensions, scope), period));
        else if (m.kind === 'expression')
            queries.push({ Id: id, Expression: m.expression, ReturnData: true });
    });
    return queries;
}
/** Whether a statistic adds up over periods (a count), or is a level (an average, a percentile, a minimum). */
const addsUp = (check) => check?.measure.kind === 'metric' && ['Sum', 'SampleCount'].includes(check.measure.stat);
/**
 * One value from a query's datapoints: counts add up; a level that CloudWatch split over several periods counts by its
 * worst datapoint for the limit (the highest for `<`), so a split window never makes a release look better.
 */
function combine(values, sum, comparison = '<') {
    if (!values.length)
        return undefined;
    if (sum)
        return values.reduce((a, b) => a + b, 0);
    return comparison.startsWith('<') ? Math.max(...values) : Math.min(...values);
}
/** The figures from GetMetricData's answer. */
function figuresOf(checks, results) {
    const values = (id) => results.get(id)?.Values ?? [];
    const requests = combine(values('requests'), true) ?? 0;
    const errors = combine(values('errors'), true) ?? 0;
    const figures = new Map();
    checks.forEach((check, i) => {
        if (check.measure.kind === '5xx-rate')
            figures.set(check.name, requests ? (100 * errors) / requests : undefined);
        else
            figures.set(check.name, combine(values(`c${i}`), addsUp(check), check.comparison));
    });
    return { requests, values: figures };
}
/** Reads one revision's figures over the window: one period of whole minutes covering it. */
async function readFigures(cloudwatch, checks, scope, window) {
    const seconds = Math.max(MINUTE_S, Math.ceil((window.end - window.start) / 1000 / MINUTE_S) * MINUTE_S);
    const results = await getMetricData(cloudwatch, {
        queries: queriesFor(checks, scope, seconds),
        start: new Date(window.start),
        end: new Date(window.start + seconds * 1000),
    });
    return figuresOf(checks, results);
}

;// CONCATENATED MODULE: ./src/analysis/statistics.ts
const holds = (value, comparison, limit) => comparison === '<'
    ? value < limit
    : comparison === '<='
        ? value <= limit
        : comparison === '>'
            ? value > limit
            : value >= limit;
/** A value in the check's unit: response times in ms, rates with %. */
function shown(check, value) {
    if (value === undefined)
        return '—';
    if (check.unit === 'ms')
        return `${round(value * 1000)} ms`;
    if (check.unit === '%')
        return `${round(value)} %`;
    return `${round(value)}`;
}
const round = (n) => String(Math.round(n * 100) / 100);
/** Whether the check depends on the requests served (a health count does not). */
const needsRequests = (check) => check.measure.kind !== 'healthy-hosts';
/** The limit a value is held to: the absolute one, or the old revision's value changed by the relative limit. */
function limitOf(check, old) {
    if (!check.limit.relative)
        return check.limit.value;
    return old === undefined ? undefined : old * (1 + check.limit.change);
}
function judgeCheck(check, fresh, old, minRequests) {
    const value = fresh.values.get(check.name);
    const before = old?.values.get(check.name);
    const base = { check: check.name, requests: fresh.requests, fresh: value, old: before };
    const over = `over ${fresh.requests} request${fresh.requests === 1 ? '' : 's'}`;
    if (needsRequests(check) && fresh.requests < minRequests)
        return {
            ...base,
            outcome: 'inconclusive',
            why: `${check.name}: inconclusive, the new revision served ${fresh.requests} of the ${minRequests} requests needed`,
        };
    if (value === undefined)
        return { ...base, outcome: 'inconclusive', why: `${check.name}: inconclusive, CloudWatch has no data for it yet` };
    if (check.limit.relative && (before === undefined || (old?.requests ?? 0) < minRequests))
        return {
            ...base,
            outcome: 'inconclusive',
            why: `${check.name}: inconclusive, the old revision served ${old?.requests ?? 0} of the ${minRequests} requests needed to compare with`,
        };
    const limit = limitOf(check, before);
    const against = check.limit.relative ? `, old revision ${shown(check, before)}` : '';
    const figures = `${shown(check, value)} on the new revision (limit ${check.comparison} ${shown(check, limit)}${against}) ${over}`;
    return holds(value, check.comparison, limit)
        ? { ...base, limit, outcome: 'pass', why: `${check.name}: ${figures}` }
        : { ...base, limit, outcome: 'fail', why: `${check.name}: ${figures}` };
}

;// CONCATENATED MODULE: ./src/analysis/canary.ts




const CLOCK_ALLOWANCE_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** The old revision's figures from before the rollout cover at least this long. */
const BASELINE_MIN_MS = 5 * 60_000;
/** The load balancer a listener rule belongs to, from the rule's ARN (`…:listener-rule/app/NAME/ID/…`). */
function loadBalancerOfRule(rule) {
    const match = rule && /^(arn:[^:]+:elasticloadbalancing:[^:]*:\d*:)listener-rule\/((?:app|net)\/[^/]+\/[^/]+)\//.exec(rule);
    return match ? `${match[1]}loadbalancer/${match[2]}` : undefined;
}
const canary_name = (arn) => arn.split(':').pop()?.split('/')[1] ?? arn;
class CanaryAnalysis {
    settings;
    clients;
    where;
    scopes;
    bakeStart;
    lastRead;
    decisions = [];
    constructor(settings, clients, where) {
        this.settings = settings;
        this.clients = clients;
        this.where = where;
    }
    /**
     * Called on each poll. Reads and decides when the interval has passed in the bake, or at once when `final` (the bake
     * is over, or the rollout is paused waiting for the analysis); undefined when it did not read.
     */
    async observe(phase, final, targets, now) {
        if (!this.scopes) {
            // Known before the shift (the listener rule still routes to the old revision), or once the mechanism shows them.
            const known = targets();
            if (known || phase !== 'before' || final)
                this.scopes = await this.resolve(known);
        }
        if (phase === 'before' && !final)
            return undefined;
        this.bakeStart ??= now;
        const due = this.lastRead === undefined || now - this.lastRead >= this.settings.intervalSeconds * 1000;
        if (!final && !due)
            return undefined;
        this.lastRead = now;
        const decision = await this.judge(now, final);
        this.decisions.push(decision);
        return decision;
    }
    get report() {
        return {
            compared: this.scopes?.compared ?? 'not compared: the rollout never took traffic',
            checks: this.settings.checks.map((c) => c.name),
            decisions: this.decisions,
        };
    }
    async judge(now, final) {
        const { checks, minRequests, inconclusive } = this.settings;
        const scopes = this.scopes;
        // From the rollout's start as ECS stamped it (AWS's clock, not the runner's), to past the runner's now: CloudWatch
        // has nothing newer than its own now, and a runner's clock behind AWS's must not cut the latest minutes off.
        const { rolloutStart } = this.where;
        const window = { start: rolloutStart, end: Math.max(now, rolloutStart) + CLOCK_ALLOWANCE_MS };
        const lookBack = Math.max(now - (this.bakeStart ?? now), BASELINE_MIN_MS);
        // CloudWatch keeps these figures per minute: a shared target group's minute of the rollout start holds the new
        // revision's first requests too, so its baseline ends with the last whole minute before the rollout.
        const baselineEnd = scopes.baselineOnly ? Math.floor(rolloutStart / MINUTE_MS) * MINUTE_MS : rolloutStart;
        const baseline = { start: baselineEnd - lookBack, end: baselineEnd };
        const fresh = await readFigures(this.clients.cloudwatch, checks, scopes.fresh, window);
        let old;
        if (!scopes.baselineOnly)
            old = await readFigures(this.clients.cloudwatch, checks, scopes.old, window);
        // The old revision took too little of the traffic over the window (blue/green moved it all): its figures from before.
        if (!old || old.requests < minRequests)
            old = await readFigures(this.clients.cloudwatch, checks, scopes.old, baseline);
        const judgements = checks.map((check) => judgeCheck(check, fresh, old, minRequests));
        return decide(judgements, inconclusive, now, final);
    }
    /** The new and old revisions' target groups (and load balancers), from what the mechanism knows. */
    async resolve(targets) {
        const { cluster, service } = this.where;
        const rule = targets?.kind === 'pair' ? targets.productionListenerRule : undefined;
        const scope = async (targetGroupArn) => {
            const group = targetGroupArn ? await describeTargetGroup(this.clients.elbv2, { arn: targetGroupArn }) : undefined;
            const loadBalancerArn = group?.LoadBalancerArns?.[0] ?? loadBalancerOfRule(rule);
            return { targetGroupArn, loadBalancerArn, cluster, service };
        };
        if (!targets)
            return {
                fresh: { cluster, service },
                old: { cluster, service },
                baselineOnly: true,
                compared: 'the service has no target group: only the metrics named with their own dimensions can be read',
            };
        if (targets.kind === 'shared')
            return {
                fresh: await scope(targets.targetGroup),
                old: await scope(targets.targetGroup),
                baselineOnly: true,
                compared: `target group ${canary_name(targets.targetGroup)} since the rollout began, against the same target group before it (a rolling update's revisions share it)`,
            };
        if (targets.kind === 'names') {
            const arn = async (n) => (await describeTargetGroup(this.clients.elbv2, { name: n }))?.TargetGroupArn;
            const [fresh, old] = await Promise.all([arn(targets.fresh), arn(targets.old)]);
            return {
                fresh: await scope(fresh),
                old: await scope(old),
                baselineOnly: false,
                compared: `target group ${targets.fresh} (replacement task set) against ${targets.old} (original task set)`,
            };
        }
        const { primary, alternate } = targets;
        // Before the shift, the production rule sends (nearly) everything to the old revision's target group.
        const production = rule ? await describeRule(this.clients.elbv2, rule) : undefined;
        const weights = production?.Actions?.flatMap((a) => a.ForwardConfig?.TargetGroups ?? []) ?? [];
        const weight = (arn) => weights.find((w) => w.TargetGroupArn === arn)?.Weight ?? -1;
        const [old, fresh] = weight(alternate) > weight(primary) ? [alternate, primary] : [primary, alternate];
        return {
            fresh: await scope(fresh),
            old: await scope(old),
            baselineOnly: false,
            compared: `target group ${canary_name(fresh)} (new revision) against ${canary_name(old)} (old revision)`,
        };
    }
}

// EXTERNAL MODULE: ./src/analysis/spec.ts
var spec = __webpack_require__(7647);
// EXTERNAL MODULE: ./src/mechanisms/watch.ts
var watch = __webpack_require__(6781);
// EXTERNAL MODULE: ./src/common/exec.ts
var exec = __webpack_require__(3644);
;// CONCATENATED MODULE: ./src/verify/expect.ts
// What a verified release must answer: `verify-expect` parsed once, before anything changes, and matched against each
// answer. A status code; `/regex/flags`; `$.json.path == value`; anything else is a substring of the body.


/** Without `verify-expect`: any 2xx answer. */
const ANY_SUCCESS = { kind: 'status', status: 0 };
const JSON_PATH = /^\$((?:\.[A-Za-z_][\w-]*|\[\d+\])*)\s*==\s*(.*)$/;
/** `text` (placeholders already filled) as an expectation; a malformed one is a UserError naming the input. */
function parseExpectation(text, input = 'verify.expect') {
    const value = text.trim();
    if (value === '')
        return ANY_SUCCESS;
    if (/^\d+$/.test(value)) {
        const status = Number(value);
        if (status < 100 || status > 599)
            throw new errors/* UserError */.yo(`${(0,setting_name/* settingName */.Q)(input)}: ${value} is not an HTTP status code (100 to 599).`);
        return { kind: 'status', status };
    }
    const regex = /^\/(.+)\/([a-z]*)$/s.exec(value);
    if (regex) {
        try {
            return { kind: 'regex', pattern: new RegExp(regex[1] ?? '', regex[2]) };
        }
        catch (error) {
            throw new errors/* UserError */.yo(`${(0,setting_name/* settingName */.Q)(input)}: ${value} is not a valid regular expression (${error.message}). Write it as /pattern/flags.`);
        }
    }
    if (value.startsWith('$.') || value.startsWith('$[')) {
        const json = JSON_PATH.exec(value);
        if (!json || !json[1])
            throw new errors/* UserError */.yo(`${(0,setting_name/* settingName */.Q)(input)}: "${value}" is not a JSON path check. Write it as \`$.field.sub[0] == value\`.`);
        const path = [...json[1].matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
        return { kind: 'json', path, value: unquoted((json[2] ?? '').trim()), text: value };
    }
    return { kind: 'substring', text: value };
}
function unquoted(value) {
    return /^"(.*)"$/.test(value) || /^'(.*)'$/.test(value) ? value.slice(1, -1) : value;
}
/** Whether the answer is what was expected: the status, else a 2xx answer whose body matches. */
function meets(expectation, answer) {
    if (expectation.kind === 'status')
        return expectation.status === 0 ? isSuccess(answer.status) : answer.status === expectation.status;
    if (!isSuccess(answer.status))
        return false;
    switch (expectation.kind) {
        case 'substring':
            return answer.body.includes(expectation.text);
        case 'regex':
            return expectation.pattern.test(answer.body);
        case 'json':
            return jsonValueAt(answer.body, expectation.path) === expectation.value;
    }
}
const isSuccess = (status) => status >= 200 && status < 300;
/** The value at `path` in the JSON body, as text (strings as they are, the rest as JSON); undefined when absent. */
function jsonValueAt(body, path) {
    let value;
    try {
        value = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    for (const step of path) {
        if (value === null || typeof value !== 'object')
            return undefined;
        value = value[step];
    }
    if (value === undefined)
        return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
}
/** The expectation in words, for messages: `HTTP 204`, `a 2xx answer containing "ok"`. */
function describeExpectation(expectation) {
    switch (expectation.kind) {
        case 'status':
            return expectation.status === 0 ? 'a 2xx answer' : `HTTP ${expectation.status}`;
        case 'substring':
            return `a 2xx answer containing "${expectation.text}"`;
        case 'regex':
            return `a 2xx answer matching ${String(expectation.pattern)}`;
        case 'json':
            return `a 2xx JSON answer with ${expectation.text}`;
    }
}

;// CONCATENATED MODULE: ./src/verify/redact.ts
// An answer's body (or a command's output) before the log or summary quotes it: the run's own secrets and anything
// shaped like a credential are cut out, since a redirect or a reflecting endpoint may have put one there.
const HIDDEN = '***';
/** Shapes of credentials, each replaced whole (or, where a group 1 is kept, after it). */
const CREDENTIALS = [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    // A field named like a secret, in JSON, YAML, a query or an environment file: its value.
    /((?:^|[^A-Za-z0-9])"?[A-Za-z0-9_-]*(?:secret|password|passwd|token|credential|api[_-]?key|private[_-]?key|signature)[A-Za-z0-9_-]*"?\s*[:=]\s*["']?)(?:(?<=")[^"]+|(?<=')[^']+|[^\s,;&}"']+)/gi,
    /(\b(?:Bearer|Basic|Token|Digest)\s+)[A-Za-z0-9._~+/=-]{6,}/gi,
    /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
    /\b(?:AKIA|ASIA|AROA|AIDA|ABIA|ACCA|AGPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b/g,
    /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{10,})/g,
    // 40 characters of base64 with upper and lower case and a digit: an AWS secret access key (a hex SHA has no upper case).
    /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+=]{0,39}[A-Z])(?=[A-Za-z0-9/+=]{0,39}[a-z])(?=[A-Za-z0-9/+=]{0,39}[0-9])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g,
];
/** `text` without any of `secrets` (and their words of 8 characters or more) and without credential-shaped text. */
function withoutCredentials(text, secrets) {
    const known = secrets
        .flatMap((secret) => [secret, ...secret.split(/\s+/).filter((word) => word.length >= 8)])
        .filter((secret) => secret.length >= 4)
        .sort((a, b) => b.length - a.length);
    let safe = text;
    for (const secret of known)
        safe = safe.replaceAll(secret, HIDDEN);
    for (const shape of CREDENTIALS)
        safe = safe.replace(shape, (match, kept) => (typeof kept === 'string' ? kept + HIDDEN : HIDDEN));
    return safe;
}

;// CONCATENATED MODULE: ./src/verify/http.ts




const STOPPED = 'until the run stopped: the job was cancelled or timeout-minutes ran out';
/** How much of an answer's body a message quotes. */
const QUOTED_CHARS = 120;
/** No single request waits longer than this, so a hung one leaves time to ask again. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Redirects followed within one request, as browsers and curl stop a loop. */
const MAX_REDIRECTS = 5;
/** Asks `url` until its answer meets the expectation, the timeout passes or the signal aborts. */
async function checkUrl(url, options) {
    const { clock, signal, expectation } = options;
    const expected = describeExpectation(expectation);
    const deadline = clock.now() + options.timeoutMs;
    let attempts = 0;
    for (;;) {
        attempts++;
        const got = await ask(url, options, Math.min(REQUEST_TIMEOUT_MS, Math.max(1, deadline - clock.now())));
        const answer = typeof got === 'string' ? got : describeAnswer(got, Object.values(options.headers));
        if (typeof got !== 'string' && meets(expectation, got))
            return { url, ok: true, answer, expected, attempts };
        if (signal?.aborted)
            return { url, ok: false, answer, expected, attempts, gaveUpAfter: STOPPED };
        if (clock.now() + options.intervalMs >= deadline)
            return { url, ok: false, answer, expected, attempts, gaveUpAfter: `for ${(0,deploy_clock/* describeLimit */.XW)(options.timeoutMs)}` };
        await clock.sleep(options.intervalMs, signal);
    }
}
/** The answer, or why there was none; a redirect is followed only within the URL's origin (and not with `none`). */
async function ask(url, options, timeoutMs) {
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])]);
    const origin = new URL(url).origin;
    try {
        for (let hop = 0, at = url;; hop++) {
            const response = await (options.fetch ?? fetch)(at, {
                // The headers carry secrets: every request goes to the URL's own origin (no other is followed).
                headers: options.headers,
                redirect: 'manual',
                signal,
            });
            const location = response.headers.get('location');
            const next = location && isRedirect(response.status) && URL.canParse(location, at) ? new URL(location, at) : undefined;
            const followed = next && options.redirects !== 'none' && next.origin === origin && hop < MAX_REDIRECTS;
            if (!next || !followed) {
                const body = await response.text();
                return { status: response.status, body, ...(next && { redirect: notFollowed(next, origin, options) }) };
            }
            await response.body?.cancel();
            at = next.href;
        }
    }
    catch (error) {
        const cause = error.cause;
        return `no answer (${(0,errors/* errorMessage */.gJ)(cause ?? error)})`;
    }
}
const isRedirect = (status) => [301, 302, 303, 307, 308].includes(status);
function notFollowed(next, origin, options) {
    if (options.redirects === 'none')
        return `a redirect, not followed (verify redirects: none)`;
    if (next.origin !== origin)
        return `a redirect to another origin (${next.origin}), not followed`;
    return `more than ${MAX_REDIRECTS} redirects`;
}
/** `HTTP 500 "…"`: the body without secrets or credentials, cut short. */
function describeAnswer({ status, body, redirect }, secrets) {
    const text = withoutCredentials(body, secrets).trim().replace(/\s+/g, ' ');
    const quoted = text.length > QUOTED_CHARS ? `${text.slice(0, QUOTED_CHARS)}…` : text;
    return `HTTP ${status}${redirect ? ` (${redirect})` : ''}${quoted ? ` "${quoted}"` : ''}`;
}

;// CONCATENATED MODULE: ./src/verify/check.ts
// Verifying a release: every URL of the stage checked over HTTP, then verify-command, with what the deployment put
// in place in its environment. One call for every mechanism (the watch loop makes it at their stages).




/** The last lines of verify-command's output a failure quotes. */
const QUOTED_LINES = 5;
const STAGE_WORDS = { test: 'test listener', production: 'production' };
/** Checks the stage's URLs one after the other (stopping at the first failure), then runs verify-command. */
async function verifyRelease(plan, stage, deployed, ctx) {
    const lines = [];
    const urls = stage === 'test' ? plan.testUrls : plan.urls;
    for (const url of urls) {
        const check = await checkUrl(url, { ...plan, clock: ctx.clock, signal: ctx.signal, fetch: ctx.fetch });
        if (!check.ok)
            return { ok: false, lines, reason: failedCheck(check, stage) };
        lines.push(`verified ${url} (${STAGE_WORDS[stage]}): ${check.expected}${check.attempts > 1 ? ` after ${check.attempts} attempts` : ''}`);
    }
    if (!plan.command)
        return { ok: true, lines };
    const [command = '', ...args] = plan.command;
    const output = [];
    // verify-timeout bounds the command as it bounds a URL; the run's deadline too. Its whole process group is stopped.
    const timeout = AbortSignal.timeout(plan.timeoutMs);
    const { exitCode, stopped } = await (0,exec/* execCommand */.N)(command, args, {
        silent: true,
        signal: ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout,
        env: { ...plan.commandEnv, ...verifyEnvironment(urls, stage, deployed) },
        onLine: (line) => {
            output.push(line);
            ctx.output(line);
        },
    });
    if (stopped) {
        const limit = timeout.aborted
            ? `within verify-timeout (${(0,deploy_clock/* describeLimit */.XW)(plan.timeoutMs)})`
            : "before the run's deadline";
        return {
            ok: false,
            lines,
            reason: `verification failed (${STAGE_WORDS[stage]}): verify-command did not finish ${limit}; it was stopped`,
        };
    }
    if (exitCode !== 0) {
        const last = withoutCredentials(output.slice(-QUOTED_LINES).join(' | '), Object.values(plan.headers));
        return {
            ok: false,
            lines,
            reason: `verification failed (${STAGE_WORDS[stage]}): verify-command exited with code ${exitCode}${last ? `; its last output: ${last}` : ''}`,
        };
    }
    lines.push(`verify-command passed (${STAGE_WORDS[stage]})`);
    return { ok: true, lines };
}
function failedCheck(check, stage) {
    return `verification failed (${STAGE_WORDS[stage]}): ${check.url} answered ${check.answer} (expected ${check.expected}; ${check.attempts} attempt${check.attempts > 1 ? 's' : ''}, ${check.gaveUpAfter ?? ''})`;
}
/** The variables verify-command sees beside the runner's own and the placeholders' values. */
function verifyEnvironment(urls, stage, deployed) {
    return {
        VERIFY_URL: urls[0] ?? '',
        VERIFY_URLS: urls.join('\n'),
        VERIFY_STAGE: stage,
        DEPLOYED_TASK_DEFINITION: deployed.taskDefinition,
        DEPLOYED_IMAGE: deployed.image ?? '',
        ECS_CLUSTER: deployed.cluster,
        ECS_SERVICE: deployed.service,
    };
}

// EXTERNAL MODULE: ./src/settings/table.ts
var table = __webpack_require__(2221);
// EXTERNAL MODULE: ./src/taskdef/placeholders.ts
var placeholders = __webpack_require__(5184);
;// CONCATENATED MODULE: ./src/verify/command.ts
// verify-command as arguments, with no placeholder filled into them: a value spliced into a script runs as code (a
// branch named `fix$(touch${IFS}/tmp/x)` would), so the command gets the values as environment variables instead.




const INPUT = 'verify.command';
/** Programs whose next argument after -c (or -e, -Command, /c) is code. */
const SHELLS = /^(?:.*\/)?(?:sh|bash|dash|zsh|ksh|mksh|ash|fish|busybox|python[\d.]*|node|perl|ruby|php|pwsh|powershell|cmd)(?:\.exe)?$/i;
const CODE_FLAG = /^(?:-[a-z]*[ce][a-z]*|-command|\/c)$/i;
/** The command's arguments; a `${NAME}` placeholder in any of them is refused with the way to write it. */
function verifyCommandArguments(text) {
    const args = commandArguments(text, INPUT);
    args.forEach((arg, i) => {
        const [name] = (0,placeholders/* placeholderNames */.o2)(arg);
        if (name === undefined)
            return;
        const script = args.slice(0, i).some((a) => SHELLS.test(a)) && CODE_FLAG.test(args[i - 1] ?? '');
        throw new errors/* UserError */.yo(script
            ? `${(0,setting_name/* settingName */.Q)(INPUT)}: \${${name}} is in the script of \`${args.slice(0, i).join(' ')}\`, where a filled-in value would run as code. Write "$${name}" instead: the command gets every placeholder as an environment variable, which the shell reads.`
            : `${(0,setting_name/* settingName */.Q)(INPUT)}: \${${name}} in argument ${i + 1}: placeholders are not filled into the command, it gets them as environment variables. Read $${name} in the command, or through a shell: bash -c '… "$${name}" …'.`);
    });
    // `$${NAME}` stays a literal `${NAME}`, for the shell to read from the environment.
    return args.map((arg) => (0,placeholders/* fillTextPlaceholders */.rD)(arg, {}, INPUT));
}

;// CONCATENATED MODULE: ./src/verify/url.ts
// A verify URL with its placeholders filled so that no value can move the check to another host: a value from the
// run (REF_NAME, ENVIRONMENT, …: a branch name is anyone's to choose) goes in as a host name label in the host and as
// a path segment elsewhere; only a value from `vars` (the workflow's own) may give the whole origin (`${LB}/health`).



/** Longest DNS label. */
const LABEL_MAX = 63;
/** `template` with `values` filled in; `own` names the values the workflow wrote itself (`vars`). */
function fillUrl(template, values, own, input) {
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(template)?.[0].length ?? 0;
    // Placeholder names hold no / ? #, so the template's own text says where its host and port end.
    const rest = template.slice(scheme).search(/[/?#]/);
    const authorityEnd = rest < 0 ? template.length : scheme + rest;
    let givenOrigin;
    const head = (0,placeholders/* fillTextPlaceholders */.rD)(template.slice(0, authorityEnd), values, input, (name, value, offset) => {
        if (scheme > 0 || offset > 0)
            return hostLabels(value, own.has(name), name, template, input);
        if (!own.has(name))
            throw refused(template, input, `\${${name}} may not give the URL's scheme or origin`);
        givenOrigin = originOf(value, name, template, input);
        return value;
    });
    const tail = (0,placeholders/* fillTextPlaceholders */.rD)(template.slice(authorityEnd), values, input, (_name, value) => encodeURIComponent(value));
    const url = parsedUrl(head + tail, input);
    const expected = givenOrigin ?? originOf(head, '', template, input);
    if (url.origin !== expected)
        throw refused(template, input, `the filled-in URL's origin ${url.origin} is not the template's, ${expected}`);
    return url;
}
/** A value in the host: one label (letters, digits, -); a `vars` value may hold several, dot-separated. */
function hostLabels(value, own, name, template, input) {
    if (own) {
        if (/^[A-Za-z0-9.-]+$/.test(value))
            return value;
        throw refused(template, input, `\${${name}} is "${value}", which is not a host name (letters, digits, . and -)`);
    }
    const label = value
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, LABEL_MAX)
        .replace(/^-+|-+$/g, '');
    if (label)
        return label;
    throw refused(template, input, `\${${name}} holds no letter or digit to make a host name label of`);
}
function originOf(text, name, template, input) {
    const url = URL.canParse(text) ? new URL(text) : undefined;
    if (url && (url.protocol === 'http:' || url.protocol === 'https:'))
        return url.origin;
    throw refused(template, input, name ? `\${${name}} must be an http:// or https:// URL to give its origin` : `"${text}" names no http(s) origin`);
}
function refused(template, input, why) {
    return new errors/* UserError */.yo(`${(0,setting_name/* settingName */.Q)(input)}: "${template}": ${why}. A filled-in value never changes a URL's scheme, host or port: write them in the URL (https://\${REF_NAME}.preview.example.com/…), or give the whole origin with one of \`vars\` (\${LB}/health).`);
}
/** `url` parsed; a malformed one is a UserError naming the input. */
function parsedUrl(url, input) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new errors/* UserError */.yo(`${(0,setting_name/* settingName */.Q)(input)}: "${url}" is not a URL. Write an absolute http:// or https:// URL.`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new errors/* UserError */.yo(`${(0,setting_name/* settingName */.Q)(input)}: "${url}" is not an http:// or https:// URL.`);
    if (parsed.username || parsed.password)
        throw new errors/* UserError */.yo(`${(0,setting_name/* settingName */.Q)(input)}: a URL must not carry credentials (they would show in the log); send them with \`verify-headers\` (Authorization: …).`);
    return parsed;
}

;// CONCATENATED MODULE: ./src/verify/verification-plan.ts
// The release check as the inputs describe it, settled before anything changes: URLs with their placeholders filled and
// checked, the expectation parsed, headers split. A mistake here is the user's, named by its input.





/**
 * The plan for one service, its placeholders filled from `values` (`own`: the names the workflow set itself, `vars`);
 * a malformed URL or expectation throws a UserError.
 */
function planVerification(inputs, values, own = new Set()) {
    const urls = (input, list) => list.map((raw) => fillUrl(raw, values, own, input).href);
    return {
        urls: urls('verify.url', inputs.urls),
        testUrls: urls('verify.test-url', inputs.testUrls),
        expectation: parseExpectation((0,placeholders/* fillTextPlaceholders */.rD)(inputs.expect ?? '', values, 'verify.expect')),
        headers: inputs.headers,
        timeoutMs: (inputs.timeoutSeconds ?? defaultSeconds('verify-timeout')) * 1000,
        intervalMs: (inputs.intervalSeconds ?? defaultSeconds('verify-interval')) * 1000,
        ...(inputs.command !== undefined && { command: verifyCommandArguments(inputs.command) }),
        commandEnv: values,
        redirects: inputs.redirects ?? 'same-origin',
    };
}
const defaultSeconds = (name) => Number((0,table/* settingNamed */.A$)(name)?.default);

// EXTERNAL MODULE: ./src/settings/verify.ts
var verify = __webpack_require__(8556);
// EXTERNAL MODULE: ./src/image/index.ts + 6 modules
var src_image = __webpack_require__(5894);
;// CONCATENATED MODULE: ./src/preview/environment-url.ts

/**
 * Where people reach the service: through the load balancer of its (first) target group, on the host of
 * the listener rule that forwards to it (or the load balancer's DNS name), `https://` behind an HTTPS
 * listener. Undefined when no load balancer forwards to it.
 */
async function environmentUrl(elbv2, service) {
    const targetGroupArn = service.loadBalancers?.find((lb) => lb.targetGroupArn)?.targetGroupArn;
    if (!targetGroupArn)
        return undefined;
    const loadBalancerArn = (await describeTargetGroup(elbv2, { arn: targetGroupArn }))?.LoadBalancerArns?.[0];
    if (!loadBalancerArn)
        return undefined;
    const dnsName = await loadBalancerDnsName(elbv2, loadBalancerArn);
    const listeners = (await describeListeners(elbv2, { loadBalancerArn })).sort(byPreference);
    for (const listener of listeners) {
        const rules = listener.ListenerArn ? ((await describeRules(elbv2, listener.ListenerArn)) ?? []) : [];
        const route = routeTo(rules, listener, targetGroupArn);
        const host = route?.host ?? dnsName;
        if (route && host)
            return listenerUrl(listener, host, route.path);
    }
    return undefined;
}
/** HTTPS listeners first, then by port, so the URL people should use comes out. */
function byPreference(a, b) {
    return Number(b.Protocol === 'HTTPS') - Number(a.Protocol === 'HTTPS') || (a.Port ?? 0) - (b.Port ?? 0);
}
/** The host and path of the first rule (by priority) forwarding to the target group; `{}` for the default action. */
function routeTo(rules, listener, targetGroupArn) {
    const ordered = [...rules].sort((a, b) => priorityOf(a) - priorityOf(b));
    const rule = ordered.find((r) => forwardsTo(r.Actions, targetGroupArn));
    if (!rule)
        return forwardsTo(listener.DefaultActions, targetGroupArn) ? { path: '/' } : undefined;
    const values = (field) => {
        const condition = rule.Conditions?.find((c) => c.Field === field);
        return condition?.HostHeaderConfig?.Values ?? condition?.PathPatternConfig?.Values ?? condition?.Values ?? [];
    };
    const host = values('host-header').find((h) => !/[*?]/.test(h));
    const pattern = values('path-pattern').find((p) => p.endsWith('/*')) ?? values('path-pattern')[0];
    const path = pattern ? pattern.replace(/\*.*$/, '').replace(/\/?$/, '/') : '/';
    return { ...(host && { host }), path };
}
function priorityOf(rule) {
    return rule.IsDefault || !rule.Priority || !/^\d+$/.test(rule.Priority)
        ? Number.MAX_SAFE_INTEGER
        : Number(rule.Priority);
}
function listenerUrl(listener, host, path) {
    const scheme = listener.Protocol === 'HTTPS' ? 'https' : 'http';
    const defaultPort = scheme === 'https' ? 443 : 80;
    const port = listener.Port && listener.Port !== defaultPort ? `:${listener.Port}` : '';
    return `${scheme}://${host}${port}${path}`;
}

// EXTERNAL MODULE: ./src/preview/names.ts
var names = __webpack_require__(9144);
;// CONCATENATED MODULE: ./src/preview/preview-tags.ts
const TAG_KEYS = {
    repository: 'ecs-deploy-action:repository',
    pr: 'ecs-deploy-action:pr',
    createdAt: 'ecs-deploy-action:created-at',
    cluster: 'ecs-deploy-action:cluster',
    service: 'ecs-deploy-action:service',
};
/** The tags every preview resource carries, so previews can be counted and swept by tag. */
function previewTags(identity) {
    return {
        [TAG_KEYS.repository]: identity.repository,
        [TAG_KEYS.pr]: String(identity.pr),
        [TAG_KEYS.createdAt]: identity.createdAt.toISOString(),
        [TAG_KEYS.cluster]: identity.cluster,
        [TAG_KEYS.service]: identity.service,
    };
}
const ecsTags = (tags) => Object.entries(tags).map(([key, value]) => ({ key, value }));
const elbTags = (tags) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
/** Reads ECS or ELB tags; undefined unless they mark a preview of `repository`. */
function readPreviewTags(tags, repository) {
    const map = new Map((tags ?? []).map((t) => [t.key ?? t.Key, t.value ?? t.Value]));
    const pr = Number(map.get(TAG_KEYS.pr));
    if (map.get(TAG_KEYS.repository) !== repository || !Number.isInteger(pr) || pr <= 0)
        return undefined;
    const createdAt = new Date(map.get(TAG_KEYS.createdAt) ?? '');
    const cluster = map.get(TAG_KEYS.cluster);
    const service = map.get(TAG_KEYS.service);
    return {
        repository,
        pr,
        ...(!Number.isNaN(createdAt.getTime()) && { createdAt }),
        ...(cluster && { cluster }),
        ...(service && { service }),
    };
}
/** The base service's own tags worth copying: not AWS's, not ours; ECS allows 50 in all. */
function copiedTags(tags, room) {
    return (tags ?? [])
        .filter((t) => !!t.key && t.value !== undefined && !/^(aws:|ecs-deploy-action:)/i.test(t.key))
        .slice(0, room);
}

;// CONCATENATED MODULE: ./src/preview/find.ts






/** The call's answer; a missing cluster is said in terms of the previews' config. */
async function inCluster(cluster, call) {
    try {
        return await call;
    }
    catch (error) {
        if (!(0,aws_errors/* isNotFound */.c4)(error, 'cluster'))
            throw error;
        throw new errors/* UserError */.yo(`Cluster "${cluster}" was not found: check the cluster of the previews.base environment, and AWS_REGION.`);
    }
}
/** One service by name, with its tags; undefined when the cluster has no such service (or no longer). */
async function describeService(ecs, cluster, name) {
    const service = (await inCluster(cluster, (0,aws_ecs/* describeServices */.Ge)(ecs, { cluster, services: [name], include: ['TAGS'] })))
        .services?.[0];
    return service && service.status !== 'INACTIVE' ? service : undefined;
}
/** The ACTIVE preview services of `repository` in the cluster, found by their tags. */
async function listPreviewServices(ecs, cluster, repository) {
    const arns = await inCluster(cluster, (0,aws_ecs/* listServices */.TD)(ecs, cluster));
    const found = [];
    for (const service of await (0,aws_ecs/* describeServicesByName */.Qm)(ecs, cluster, arns, ['TAGS'])) {
        const identity = service.status === 'ACTIVE' ? readPreviewTags(service.tags, repository) : undefined;
        if (identity && service.serviceName)
            found.push({ ...identity, serviceName: service.serviceName, ecsService: service });
    }
    return found;
}
/** The preview target groups of `repository` for the cluster, found by their tags (ELB reads tags 20 at a time). */
async function listPreviewTargetGroups(elbv2, cluster, repository) {
    const groups = (await describeAllTargetGroups(elbv2)).filter((g) => g.TargetGroupArn && g.TargetGroupName?.startsWith('pr-'));
    const found = [];
    for (const description of await describeTags(elbv2, groups.map((g) => g.TargetGroupArn))) {
        const identity = readPreviewTags(description.Tags, repository);
        const targetGroup = groups.find((g) => g.TargetGroupArn === description.ResourceArn);
        if (identity?.service && identity.cluster === (0,names/* shortName */.EU)(cluster) && targetGroup)
            found.push({ ...identity, serviceName: identity.service, targetGroup });
    }
    return found;
}

;// CONCATENATED MODULE: ./src/preview/priority.ts
const PRIORITY_MAX = 50_000;
/** The lowest rule priority (1 to 50000) no rule of the listener uses; undefined when all are taken. */
function freePriority(rules) {
    const used = new Set(rules.flatMap((r) => (r.Priority && /^\d+$/.test(r.Priority) ? [Number(r.Priority)] : [])));
    for (let priority = 1; priority <= PRIORITY_MAX; priority++)
        if (!used.has(priority))
            return priority;
    return undefined;
}

;// CONCATENATED MODULE: ./src/preview/service-request.ts

const ECS_TAG_MAX = 50;
/**
 * CreateService for a preview: the base service's network, capacity, platform, role, exec and placement
 * settings, with its own target group and tags. Not copied, because a copy would share them with the
 * base: service discovery registries, Service Connect and managed volumes.
 */
function previewServiceRequest(base, spec) {
    const balanced = base.loadBalancers?.find((lb) => lb.targetGroupArn);
    const awsvpc = !!base.networkConfiguration?.awsvpcConfiguration;
    const ours = ecsTags(spec.tags);
    const role = base.roleArn && !awsvpc && !base.roleArn.includes('/aws-service-role/') ? base.roleArn : undefined;
    return {
        cluster: spec.cluster,
        serviceName: spec.serviceName,
        taskDefinition: spec.taskDefinitionArn,
        desiredCount: spec.desiredCount,
        ...(base.capacityProviderStrategy?.length
            ? { capacityProviderStrategy: base.capacityProviderStrategy }
            : base.launchType && { launchType: base.launchType }),
        ...(base.platformVersion && { platformVersion: base.platformVersion }),
        ...(base.networkConfiguration && { networkConfiguration: base.networkConfiguration }),
        ...(role && { role }),
        ...(base.enableExecuteCommand !== undefined && { enableExecuteCommand: base.enableExecuteCommand }),
        ...(spec.targetGroupArn &&
            balanced && {
            loadBalancers: [
                {
                    targetGroupArn: spec.targetGroupArn,
                    containerName: balanced.containerName,
                    containerPort: balanced.containerPort,
                },
            ],
            ...(base.healthCheckGracePeriodSeconds !== undefined && {
                healthCheckGracePeriodSeconds: base.healthCheckGracePeriodSeconds,
            }),
        }),
        ...(base.placementConstraints?.length && { placementConstraints: base.placementConstraints }),
        ...(base.placementStrategy?.length && { placementStrategy: base.placementStrategy }),
        ...(base.propagateTags && base.propagateTags !== 'NONE' && { propagateTags: base.propagateTags }),
        ...(base.enableECSManagedTags !== undefined && { enableECSManagedTags: base.enableECSManagedTags }),
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
        tags: [...copiedTags(base.tags, ECS_TAG_MAX - ours.length), ...ours],
    };
}

;// CONCATENATED MODULE: ./src/preview/deploy-preview.ts










const RULE_ATTEMPTS = 3;
/**
 * Creates or updates the pull request's preview of one base service: `<service>-pr-<N>` in the base's
 * cluster, with its own target group and listener rule when the base sits behind a load balancer.
 * Running it again updates the preview (new task definition) and repairs what is missing.
 */
async function deployPreview(d) {
    const serviceName = (0,names/* previewServiceName */.j3)(d.baseService, d.pr);
    const base = await describeService(d.ecs, d.cluster, d.baseService);
    if (base?.status !== 'ACTIVE') {
        throw new errors/* UserError */.yo(`Service "${d.baseService}", which the previews copy, is not active in cluster "${d.cluster}" (${base?.status ?? 'MISSING'}): check previews.base and that environment's services.`);
    }
    const existing = await describeService(d.ecs, d.cluster, serviceName);
    if (existing?.status === 'DRAINING') {
        throw new errors/* UserError */.yo(`Preview service "${serviceName}" in cluster "${d.cluster}" is still being deleted (DRAINING); run the job again in a few minutes.`);
    }
    if (!existing)
        await checkRoomForPreview(d);
    const tags = previewTags({
        repository: d.repository,
        pr: d.pr,
        createdAt: d.now,
        cluster: (0,names/* shortName */.EU)(d.cluster),
        service: serviceName,
    });
    // What this run creates is removed again when a later step fails, so a failed preview leaves nothing behind.
    const created = {};
    try {
        return await deployService(d, base, existing, serviceName, tags, created);
    }
    catch (error) {
        await removeCreated(d.elbv2, created);
        throw error;
    }
}
/** Best effort: the step's own error is the one the user sees. */
async function removeCreated(elbv2, created) {
    if (created.ruleArn)
        await deleteRule(elbv2, created.ruleArn).catch(() => false);
    if (created.targetGroupArn)
        await deleteTargetGroup(elbv2, created.targetGroupArn).catch(() => false);
}
async function deployService(d, base, existing, serviceName, tags, created) {
    const routing = base.loadBalancers?.some((lb) => lb.targetGroupArn)
        ? await ensureRouting(d, base, serviceName, tags, created)
        : undefined;
    if (existing) {
        await (0,aws_ecs/* updateService */.bU)(d.ecs, {
            cluster: d.cluster,
            service: serviceName,
            taskDefinition: d.taskDefinitionArn,
            desiredCount: d.previews.desiredCount,
        });
    }
    else {
        const request = previewServiceRequest(base, {
            cluster: d.cluster,
            serviceName,
            taskDefinitionArn: d.taskDefinitionArn,
            desiredCount: d.previews.desiredCount,
            tags,
            ...(routing && { targetGroupArn: routing.targetGroupArn }),
        });
        await (0,aws_ecs/* createService */.sR)(d.ecs, request);
    }
    const url = routing && (await environmentUrl(d.elbv2, { loadBalancers: [{ targetGroupArn: routing.targetGroupArn }] }));
    return {
        serviceName,
        created: !existing,
        ...(url && { url }),
        ...(routing && { targetGroupArn: routing.targetGroupArn }),
        ...(routing?.priority !== undefined && { rulePriority: routing.priority }),
    };
}
/** Refuses a new preview when `previews.max` pull requests already have one. */
async function checkRoomForPreview(d) {
    const others = new Set((await listPreviewServices(d.ecs, d.cluster, d.repository)).map((p) => p.pr).filter((pr) => pr !== d.pr));
    if (others.size < d.previews.max)
        return;
    const prs = [...others].sort((a, b) => a - b).map((pr) => `#${pr}`);
    throw new errors/* UserError */.yo(`There are already ${others.size} preview environments of ${d.repository} in cluster "${d.cluster}" (pull requests ${prs.join(', ')}), as many as previews.max allows (${d.previews.max}). Raise previews.max in the config file (or the preview-max input), or remove old previews with a preview: sweep run.`);
}
async function ensureRouting(d, base, serviceName, tags, created) {
    const listenerArn = d.previews.listenerArn;
    if (!listenerArn) {
        throw new errors/* UserError */.yo(`Service "${d.baseService}" sits behind a load balancer, so its preview needs a listener rule: add previews.listener-arn (and previews.domain) to the config file.`);
    }
    const rules = await listenerRules(d, listenerArn);
    const targetGroupArn = await ensureTargetGroup(d, base, serviceName, tags, created);
    const priority = await ensureRule(d, listenerArn, targetGroupArn, tags, rules, created);
    return { targetGroupArn, ...(priority !== undefined && { priority }) };
}
async function listenerRules(d, listenerArn) {
    const rules = await describeRules(d.elbv2, listenerArn);
    if (rules)
        return rules;
    throw new errors/* UserError */.yo(`The listener in previews.listener-arn was not found (${listenerArn}): check the ARN, and that AWS_REGION is the load balancer's region.`);
}
/** The preview's target group: found by its name, or created like the base service's. */
async function ensureTargetGroup(d, base, serviceName, tags, created) {
    const name = (0,names/* targetGroupName */.IT)(d.cluster, serviceName, d.pr);
    const existing = await describeTargetGroup(d.elbv2, { name });
    if (existing?.TargetGroupArn)
        return existing.TargetGroupArn;
    const baseArn = base.loadBalancers?.find((lb) => lb.targetGroupArn)?.targetGroupArn;
    const model = await describeTargetGroup(d.elbv2, { arn: baseArn });
    if (!model)
        throw new errors/* UserError */.yo(`Target group ${baseArn} of service "${d.baseService}" was not found, so the preview cannot copy it: check the service's load balancer settings.`);
    const group = await createTargetGroup(d.elbv2, {
        Name: name,
        Protocol: model.Protocol,
        ProtocolVersion: model.ProtocolVersion,
        Port: model.Port,
        VpcId: model.VpcId,
        TargetType: base.networkConfiguration?.awsvpcConfiguration ? 'ip' : model.TargetType,
        IpAddressType: model.IpAddressType,
        HealthCheckEnabled: model.HealthCheckEnabled,
        HealthCheckProtocol: model.HealthCheckProtocol,
        HealthCheckPort: model.HealthCheckPort,
        HealthCheckPath: model.HealthCheckPath,
        HealthCheckIntervalSeconds: model.HealthCheckIntervalSeconds,
        HealthCheckTimeoutSeconds: model.HealthCheckTimeoutSeconds,
        HealthyThresholdCount: model.HealthyThresholdCount,
        UnhealthyThresholdCount: model.UnhealthyThresholdCount,
        Matcher: model.Matcher,
        Tags: elbTags(tags),
    });
    if (group?.TargetGroupArn)
        created.targetGroupArn = group.TargetGroupArn;
    return group?.TargetGroupArn;
}
/**
 * A listener rule forwarding the preview's host (or path) to its target group, at the lowest free
 * priority; kept when one already forwards there. Another run may take the same priority at the same
 * time, so a taken priority is looked up again. Returns the priority of a rule it created.
 */
async function ensureRule(d, listenerArn, targetGroupArn, tags, rules, created) {
    for (let attempt = 1;; attempt++) {
        if (rules.some((r) => forwardsTo(r.Actions, targetGroupArn)))
            return undefined;
        const priority = freePriority(rules);
        if (priority === undefined) {
            throw new errors/* UserError */.yo(`Listener ${listenerArn} has no free rule priority (1 to 50000 are all taken): delete unused rules, or remove old previews with a preview: sweep run.`);
        }
        const rule = await deploy_preview_createRule(d, listenerArn, targetGroupArn, priority, tags, attempt < RULE_ATTEMPTS);
        if (rule) {
            if (rule.RuleArn)
                created.ruleArn = rule.RuleArn;
            return priority;
        }
        rules = await listenerRules(d, listenerArn);
    }
}
/** Creates the rule; undefined when its priority was taken meanwhile and `retry` allows another try. */
async function deploy_preview_createRule(d, listenerArn, targetGroupArn, priority, tags, retry) {
    const { domain, routing } = d.previews;
    const condition = routing === 'host' && domain
        ? { Field: 'host-header', HostHeaderConfig: { Values: [(0,names/* previewHost */.pE)(d.pr, domain)] } }
        : { Field: 'path-pattern', PathPatternConfig: { Values: (0,names/* previewPathPatterns */.XO)(d.pr) } };
    try {
        return ((await createRule(d.elbv2, {
            ListenerArn: listenerArn,
            Priority: priority,
            Conditions: [condition],
            Actions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
            Tags: elbTags(tags),
        })) ?? {});
    }
    catch (error) {
        if (retry && (0,aws_errors/* awsErrorName */.ZH)(error) === 'PriorityInUseException')
            return undefined;
        if ((0,aws_errors/* awsErrorName */.ZH)(error) !== 'TooManyRulesException')
            throw error;
        throw new errors/* UserError */.yo(`The load balancer of ${listenerArn} has as many rules as it may (TooManyRules): remove old previews with a preview: sweep run, lower previews.max, or raise the "Rules per Application Load Balancer" quota.`);
    }
}

;// CONCATENATED MODULE: ./src/preview/destroy.ts






/**
 * Removes one preview: the service (scaled to 0, then deleted), its listener rules, its target group, and
 * the task definition revisions of its own family. What is already gone is skipped, so it can run again.
 * Returns what it removed, one line each.
 */
async function destroyPreview(r) {
    const removed = [];
    const service = await describeService(r.ecs, r.cluster, r.serviceName);
    if (service?.status === 'ACTIVE') {
        await (0,aws_errors/* unlessNotFound */.CA)((0,aws_ecs/* updateService */.bU)(r.ecs, { cluster: r.cluster, service: r.serviceName, desiredCount: 0 }));
        const deleted = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_ecs/* deleteService */.hs)(r.ecs, r.cluster, r.serviceName).then(() => true));
        if (deleted)
            removed.push(`service ${r.serviceName}`);
    }
    removed.push(...(await removeTargetGroup(r)));
    const family = service?.taskDefinition && (0,aws_arn/* taskDefinitionFamily */.dm)(service.taskDefinition);
    if (family && (0,names/* isPreviewFamily */.Po)(family, r.pr))
        removed.push(...(await deregisterFamily(r.ecs, family)));
    return removed;
}
/**
 * Deletes the rules forwarding to the preview's target group, then the group. Only the group with the
 * preview's own name is touched, never the base service's.
 */
async function removeTargetGroup(r) {
    const name = (0,names/* targetGroupName */.IT)(r.cluster, r.serviceName, r.pr);
    const group = await describeTargetGroup(r.elbv2, { name });
    const arn = group?.TargetGroupArn;
    if (!arn)
        return [];
    const removed = [];
    for (const loadBalancerArn of group.LoadBalancerArns ?? []) {
        for (const listener of await describeListeners(r.elbv2, { loadBalancerArn })) {
            const rules = listener.ListenerArn ? ((await describeRules(r.elbv2, listener.ListenerArn)) ?? []) : [];
            for (const rule of rules.filter((rule) => !rule.IsDefault && rule.RuleArn && forwardsTo(rule.Actions, arn))) {
                if (await deleteRule(r.elbv2, rule.RuleArn))
                    removed.push(`listener rule ${rule.RuleArn} (priority ${rule.Priority})`);
            }
        }
    }
    if (await deleteTargetGroup(r.elbv2, arn))
        removed.push(`target group ${name}`);
    return removed;
}
/** Deregisters every ACTIVE revision of the preview's own family (the prefix search also finds longer families). */
async function deregisterFamily(ecs, family) {
    const arns = (await (0,aws_ecs/* listTaskDefinitions */.ad)(ecs, { familyPrefix: family, status: 'ACTIVE' })).filter((arn) => (0,aws_arn/* taskDefinitionFamily */.dm)(arn) === family);
    const removed = [];
    for (const arn of arns) {
        await (0,aws_ecs/* deregisterTaskDefinition */.T2)(ecs, arn);
        removed.push(`task definition ${(0,aws_arn/* taskDefinitionRevision */.MZ)(arn)}`);
    }
    return removed;
}

// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(7840);
;// CONCATENATED MODULE: ./src/preview/sweep.ts




/**
 * Removes the previews of this repository whose pull request is closed, or that are older than the ttl.
 * Previews are found by their tags: services, and target groups left behind by an interrupted removal.
 */
async function sweepPreviews(s) {
    const services = await listPreviewServices(s.ecs, s.cluster, s.git.repository);
    const groups = await listPreviewTargetGroups(s.elbv2, s.cluster, s.git.repository);
    const previews = [...services, ...groups.filter((g) => !services.some((p) => p.serviceName === g.serviceName))];
    const states = new Map();
    let warned = false;
    const warnOnce = (message) => {
        if (!warned)
            s.warn(message);
        warned = true;
    };
    const pullState = (pr) => {
        const known = states.get(pr) ?? readPullState(s, pr, warnOnce);
        states.set(pr, known);
        return known;
    };
    const swept = [];
    for (const preview of previews) {
        const reason = removalReason(preview, await pullState(preview.pr), s);
        if (!reason)
            continue;
        const removed = await destroyPreview({
            ecs: s.ecs,
            elbv2: s.elbv2,
            cluster: s.cluster,
            serviceName: preview.serviceName,
            pr: preview.pr,
        });
        swept.push({ serviceName: preview.serviceName, pr: preview.pr, reason, removed });
    }
    return swept;
}
function removalReason(preview, state, s) {
    if (state === 'closed')
        return `pull request #${preview.pr} is closed`;
    const age = preview.createdAt ? s.now.getTime() - preview.createdAt.getTime() : undefined;
    if (age !== undefined && age > s.ttlMs)
        return `created ${(0,duration/* formatDuration */.a)(age)} ago, longer than the ttl of ${s.ttl}`;
    return undefined;
}
/** Asks GitHub whether the pull request is open; when it cannot tell, warns once and the ttl alone decides. */
async function readPullState(s, pr, warn) {
    try {
        const { data } = await s.octokit.rest.pulls.get({ ...ownerRepo(s.git), pull_number: pr });
        return data.state === 'closed' ? 'closed' : 'open';
    }
    catch (error) {
        warn(`Could not read pull request #${pr}: ${describeGitHubError(error)}. Give the job \`permissions: pull-requests: read\`; until then previews are removed by age (ttl) only.`);
        return 'unknown';
    }
}

;// CONCATENATED MODULE: ./src/preview/index.ts
// The preview module's public API: one environment per pull request — deploy, destroy, sweep; a service's load balancer address.







// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/common/appspec-template.ts
var appspec_template = __webpack_require__(9860);
;// CONCATENATED MODULE: ./src/report/artifacts.ts



/** The files, as CodePipeline's actions expect them, for one service's rendered task definition. */
function pipelineArtifacts(request, containers, image, service) {
    const taskdef = {
        ...request,
        containerDefinitions: (request.containerDefinitions ?? []).map((c) => containers.includes(c.name ?? '') ? { ...c, image: '<IMAGE1_NAME>' } : c),
    };
    const balancer = service.loadBalancers?.[0];
    return {
        'imagedefinitions.json': containers.map((name) => ({ name, imageUri: image })),
        'imageDetail.json': { ImageURI: image },
        'taskdef.json': taskdef,
        ...(balancer?.containerName && {
            'appspec.yaml': (0,appspec_template/* ecsAppSpec */.g)(balancer.containerName, balancer.containerPort),
        }),
    };
}
/** Writes the artifacts into `dir` and returns the paths written. */
async function writePipelineArtifacts(dir, artifacts) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const written = [];
    for (const [name, content] of Object.entries(artifacts)) {
        const file = external_node_path_default().join(dir, name);
        await (0,promises_.writeFile)(file, name.endsWith('.yaml') ? (0,appspec_template/* appSpecDocument */.y)(content).toString() : `${JSON.stringify(content, null, 2)}\n`);
        written.push(file);
    }
    return written;
}

// EXTERNAL MODULE: ./src/engine/run-report.ts + 2 modules
var run_report = __webpack_require__(2721);
;// CONCATENATED MODULE: ./src/engine/step-runner.ts


/** Runs the steps in order; a step's throw ends the run with the report of the steps before it. */
async function runSteps(steps, initial, options) {
    const { dryRun, deadline, log } = options;
    const parts = [];
    let state = initial;
    for (const step of steps) {
        const done = (0,run_report.assembleReport)(parts);
        if (dryRun ? !step.dryRun : step.dryRun === 'only')
            continue;
        if (step.when && !step.when(state, done))
            continue;
        if (step.phase)
            deadline.restart(options.phaseMs);
        if (deadline.passed() && step.late !== 'run') {
            if (step.late === 'skip') {
                log.info(`${step.name} was skipped: the run's deadline had passed.`);
                continue;
            }
            const error = new errors/* NoAnswer */.W_(`The run's deadline had passed (timeout-minutes, or the job was cancelled) before its ${step.name} step, which was not started.`);
            return { result: done, thrown: { error } };
        }
        try {
            const outcome = await step.run(state, done);
            if (outcome.report)
                parts.push(outcome.report);
            state = { ...state, ...outcome.state };
        }
        catch (error) {
            return { result: done, thrown: { error } };
        }
    }
    return { result: (0,run_report.assembleReport)(parts) };
}

// EXTERNAL MODULE: ./src/taskdef/index.ts + 1 modules
var taskdef = __webpack_require__(5705);
// EXTERNAL MODULE: ./src/mechanisms/index.ts + 2 modules
var mechanisms = __webpack_require__(4581);
// EXTERNAL MODULE: ./src/aws/ecr.ts
var aws_ecr = __webpack_require__(8663);
// EXTERNAL MODULE: ./src/image/repository.ts
var repository = __webpack_require__(29);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/promote/source.ts







/** The images each source service of the promotion runs (in the order of `promotion.sources`), or a UserError why not. */
async function readPromotedImages(promotion, readers) {
    const names = [...new Set(promotion.sources)];
    const services = await (0,aws_ecs/* describeServicesByName */.Qm)(readers.ecs, promotion.cluster, names);
    const read = new Map();
    for (const name of names) {
        const service = services.find((s) => s.serviceName === lastPart(name) || s.serviceArn === name);
        read.set(name, imagesOf(promotion, name, service, readers));
    }
    return Promise.all(promotion.sources.map((name) => read.get(name)));
}
const lastPart = (name) => name.split('/').pop() ?? name;
async function imagesOf(promotion, name, service, { ecs, region, imageDeps }) {
    const { from, cluster } = promotion;
    const source = `${from}'s service ${lastPart(name)} (cluster ${cluster}, ${region})`;
    if (!service || service.status !== 'ACTIVE') {
        throw new errors/* UserError */.yo(`Cannot promote from ${from}: ${source} ${service ? `is ${service.status}` : 'was not found'}. Check environments.${from} in the config file.`);
    }
    const taskDefinition = settledTaskDefinition(service, source, from);
    const tasks = await runningTasks(ecs, cluster, service);
    const other = tasks.find((t) => t.taskDefinitionArn !== taskDefinition);
    if (other) {
        throw refusal(from, `${source} runs more than one revision: a task of ${(0,aws_arn/* taskDefinitionRevision */.MZ)(other.taskDefinitionArn)} besides ${(0,aws_arn/* taskDefinitionRevision */.MZ)(taskDefinition)}`);
    }
    const described = await (0,aws_ecs/* describeTaskDefinition */.oh)(ecs, taskDefinition);
    const containers = described.taskDefinition?.containerDefinitions ?? [];
    const images = {};
    const deployedAt = service.deployments?.[0]?.createdAt;
    for (const container of containers) {
        if (container.name && container.image) {
            const image = await pinned(container, tasks, { source, from, deployedAt }, imageDeps);
            await checkStillInEcr(image, `${source}'s container ${container.name}`, from, imageDeps);
            images[container.name] = image;
        }
    }
    return { environment: from, cluster, service: service.serviceName ?? lastPart(name), taskDefinition, images };
}
/** The one revision a settled service runs; a refusal while it rolls out, is not steady or runs another revision. */
function settledTaskDefinition(service, source, from) {
    const deployments = service.deployments ?? [];
    const taskSets = service.taskSets ?? [];
    if (deployments.length > 1 || taskSets.length > 1) {
        const what = deployments.length > 1
            ? deployments.map(describeDeployment)
            : taskSets.map((t) => `${t.status} ${(0,aws_arn/* taskDefinitionRevision */.MZ)(t.taskDefinition)}`);
        throw refusal(from, `${source} is mid-rollout (${what.join(', ')})`);
    }
    const [primary] = deployments;
    if (primary?.rolloutState && primary.rolloutState !== 'COMPLETED') {
        throw refusal(from, `${source}'s deployment of ${(0,aws_arn/* taskDefinitionRevision */.MZ)(primary.taskDefinition)} is ${primary.rolloutState}, not COMPLETED`);
    }
    const running = service.runningCount ?? 0;
    if (running !== (service.desiredCount ?? 0) || (service.pendingCount ?? 0) > 0) {
        throw refusal(from, `${source} is not steady: ${running} of ${service.desiredCount ?? 0} tasks running, ${service.pendingCount ?? 0} pending`);
    }
    const taskDefinition = taskSets[0]?.taskDefinition ?? primary?.taskDefinition ?? service.taskDefinition;
    if (!taskDefinition)
        throw refusal(from, `${source} names no task definition`);
    if (service.taskDefinition && taskDefinition !== service.taskDefinition) {
        throw refusal(from, `${source} runs ${(0,aws_arn/* taskDefinitionRevision */.MZ)(taskDefinition)}, not its task definition ${(0,aws_arn/* taskDefinitionRevision */.MZ)(service.taskDefinition)}`);
    }
    return taskDefinition;
}
function describeDeployment(d) {
    return `${d.status} ${(0,aws_arn/* taskDefinitionRevision */.MZ)(d.taskDefinition)}${d.rolloutState ? ` ${d.rolloutState}` : ''}`;
}
function refusal(from, why) {
    return new errors/* UserError */.yo(`Cannot promote from ${from}: ${why}. Nothing was changed; promote once ${from} runs one revision, settled (its deployment COMPLETED).`);
}
async function runningTasks(ecs, cluster, service) {
    const arns = await (0,aws_ecs/* listTasks */.Vk)(ecs, { cluster, serviceName: service.serviceName, desiredStatus: 'RUNNING' });
    return arns.length ? (0,aws_ecs/* describeTasks */.yz)(ecs, cluster, arns) : [];
}
/**
 * The container's image pinned by digest: as written when the task definition names a digest; else the digest its
 * running tasks report (ECS resolves a tag when a task starts); else, with no task running, the one ECR has for the tag
 * only when that image was pushed before the source's deployment started (a tag moved since names one it never ran).
 */
async function pinned(container, tasks, at, deps) {
    const { source, from } = at;
    const image = container.image;
    const ref = (0,reference/* parseImageReference */.o_)(image, `${source}: container ${container.name}'s image`);
    const by = (digest) => `${(0,reference/* imageName */.tO)(ref)}@${digest}`;
    if (ref.digest)
        return by(ref.digest);
    const digests = new Set(tasks.flatMap((t) => (t.containers ?? [])
        .filter((c) => c.name === container.name && c.imageDigest)
        .map((c) => c.imageDigest)));
    if (digests.size > 1) {
        throw refusal(from, `${source}'s tasks run different images behind ${image} (${[...digests].join(', ')}): the tag moved while they started`);
    }
    const [digest] = digests;
    if (digest)
        return by(digest);
    const ecr = await (0,repository/* resolveEcrTarget */.sy)(ref, deps);
    const detail = ecr && (await (0,aws_errors/* unlessNotFound */.CA)((0,aws_ecr/* describeImage */.hu)(ecr, ref.repository, { imageTag: ref.tag ?? 'latest' })));
    if (detail?.imageDigest) {
        const pushed = detail.imagePushedAt;
        if (pushed && at.deployedAt && pushed.getTime() <= at.deployedAt.getTime())
            return by(detail.imageDigest);
        throw refusal(from, `no task of ${source} runs, so none says which image its container ${container.name} ran, and ECR's ${image} now names ${detail.imageDigest}, pushed ${pushed ? `at ${pushed.toISOString()}` : 'at an unknown time'}, ${at.deployedAt ? `after its deployment started (${at.deployedAt.toISOString()})` : 'while its deployment time is unknown'}: ${from} may never have run it. Scale ${from} up so a task reports the digest it runs, or pin the digest in its task definition (image@sha256:…)`);
    }
    throw refusal(from, `which image ${source} runs in container ${container.name} is unknown: ${image} is a tag, no running task reports its digest, and ${ecr ? 'ECR has no such tag' : 'its registry is not ECR'}`);
}
/** Refuses an image pinned to a digest its ECR repository no longer has: the rollout would fail pulling it. */
async function checkStillInEcr(image, what, from, deps) {
    const ref = (0,reference/* parseImageReference */.o_)(image, what);
    const ecr = ref.digest ? await (0,repository/* resolveEcrTarget */.sy)(ref, deps) : undefined;
    if (!ecr || !ref.digest)
        return;
    const found = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_ecr/* describeImage */.hu)(ecr, ref.repository, { imageDigest: ref.digest }));
    if (found)
        return;
    throw refusal(from, `${what} runs ${image}, which ECR no longer has (repository ${ref.repository}): the rollout would fail pulling it`);
}

// EXTERNAL MODULE: ./src/settings/given.ts
var given = __webpack_require__(1860);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/common/problems.ts
var common_problems = __webpack_require__(7657);
// EXTERNAL MODULE: ./src/taskdef/validate.ts
var validate = __webpack_require__(8516);
;// CONCATENATED MODULE: ./src/deploy/settings-model.ts
// The service settings given as JSON, checked against the ECS API model the SDK ships: the SDK would drop a member it
// does not know without a word (as for task definitions, see taskdef/validate.ts). Here, on the pipeline's path, and
// not where the inputs are read, so the entry does not load the SDK.




/** Throws naming the first member of `volume-configurations` that UpdateService's model does not have or type. */
function checkSettingsModel(settings) {
    ;
    (settings.volumeConfigurations ?? []).forEach((item, i) => {
        const problem = (0,validate/* modelProblems */.QW)(item, dist_cjs/* ServiceVolumeConfiguration$ */.uEA)[0];
        if (problem) {
            throw new errors/* UserError */.yo(`Config key \`service-settings.volume-configurations\`, item ${i + 1} (${item.name}): ${(0,common_problems/* problemEntry */.WO)(problem)}. Nothing was changed.`);
        }
    });
}

// EXTERNAL MODULE: ./src/common/workspace-path.ts
var workspace_path = __webpack_require__(7682);
// EXTERNAL MODULE: ./src/settings/placeholder-values.ts
var placeholder_values = __webpack_require__(3039);
// EXTERNAL MODULE: ./src/taskdef/template-file.ts
var template_file = __webpack_require__(3387);
// EXTERNAL MODULE: ./src/taskdef/plain-values.ts
var plain_values = __webpack_require__(7);
// EXTERNAL MODULE: ./src/servicedef/service-keys.ts
var service_keys = __webpack_require__(1506);
// EXTERNAL MODULE: ./src/common/suggest.ts
var suggest = __webpack_require__(8687);
;// CONCATENATED MODULE: ./src/servicedef/service-problems.ts




/** `volumeConfigurations[0] (data).managedEBSVolume` → ['volumeConfigurations', 0, 'managedEBSVolume']. */
function keyPathOf(path) {
    const plain = path.replace(/ \([^)]*\)/g, '');
    return [...plain.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : (m[2] ?? '')));
}
/**
 * The definition checked against CreateService's API model at every depth (unknown keys with the closest known one,
 * value types); every problem with its line. null means "not set". Throws listing them all.
 */
function checkDefinition(definition, source, lineOf) {
    const problems = [];
    for (const [key, value] of Object.entries(definition)) {
        if (value === null || value === undefined)
            continue;
        const index = service_keys/* DEFINITION_SHAPE */.sS.members.indexOf(key);
        if (index < 0)
            problems.push({ path: key, message: (0,suggest/* unknownKey */.a)(key, service_keys/* DEFINITION_SHAPE */.sS.members) });
        else
            problems.push(...(0,validate/* modelProblems */.QW)(value, service_keys/* DEFINITION_SHAPE */.sS.memberSchemas[index], key));
    }
    if (problems.length)
        throw new common_problems/* ProblemsError */.FQ(source, problems.map((p) => withLine(p, lineOf)));
}
function withLine(problem, lineOf) {
    const line = lineOf(keyPathOf(problem.path));
    return line === undefined ? problem : { ...problem, line };
}

;// CONCATENATED MODULE: ./src/servicedef/definition-file.ts






/**
 * Reads a service definition (JSON or YAML: a CreateService body, or `aws ecs describe-services` output for one
 * service), fills its placeholders as a task definition template's, and checks it against the ECS API model.
 */
async function loadServiceDefinition(path, placeholders, workspace) {
    const source = `service definition ${path}`;
    const loaded = await (0,template_file/* loadDocument */.Az)(path, placeholders, workspace, {
        input: 'service-definition',
        what: 'service definition',
    });
    const { value, prefix } = unwrapped(loaded.data, source);
    const lineOf = (keyPath) => loaded.lineOf([...prefix, ...keyPath]);
    // Described output says what the service was: its name and revision then are the action's to set now.
    const described = prefix.length > 0 || 'serviceArn' in value;
    const dropped = Object.keys(value).filter((key) => service_keys/* READ_ONLY_KEYS */.dg.includes(key) || (described && (key === 'serviceName' || key === 'taskDefinition')));
    const definition = Object.fromEntries(Object.entries(value).filter(([key]) => !dropped.includes(key)));
    const owned = Object.keys(definition).filter((key) => key in service_keys/* OWNED_KEYS */.J1);
    if (owned.length) {
        throw new common_problems/* ProblemsError */.FQ(source, owned.map((key) => withLine({ path: key, message: `is set by this action, not the file: remove it (set by ${service_keys/* OWNED_KEYS */.J1[key]})` }, lineOf)));
    }
    checkDefinition(definition, source, lineOf);
    return {
        source,
        definition,
        lineOf,
        notes: dropped.length ? [`${source}: dropped read-only keys: ${dropped.join(', ')}`] : [],
    };
}
function unwrapped(data, source) {
    if (!(0,plain_values/* isPlainObject */.Q)(data)) {
        throw new errors/* UserError */.yo(`${source}: the top level must be an object (a CreateService request or the output of \`aws ecs describe-services\`), found ${(0,plain_values/* kindOf */.I)(data)}.`);
    }
    if (!('services' in data))
        return { value: data, prefix: [] };
    const { services, failures: _failures, ...rest } = data;
    const extra = Object.keys(rest);
    if (extra.length) {
        throw new errors/* UserError */.yo(`${source} looks like \`aws ecs describe-services\` output (it has services) but also has ${extra.join(', ')}; that output has only services and failures. Remove the other keys.`);
    }
    if (!Array.isArray(services) || services.length !== 1 || !(0,plain_values/* isPlainObject */.Q)(services[0])) {
        throw new errors/* UserError */.yo(`${source}: services must list exactly one service (the output of \`aws ecs describe-services\` for the one service it defines), found ${Array.isArray(services) ? `${services.length} items` : (0,plain_values/* kindOf */.I)(services)}.`);
    }
    return { value: services[0], prefix: ['services', 0] };
}

// EXTERNAL MODULE: ./src/settings/service-members.ts
var service_members = __webpack_require__(6084);
;// CONCATENATED MODULE: ./src/servicedef/to-settings.ts







/** CreateService members DescribeServices does not return: a change to them could never be seen, nor shown. */
const UNREADABLE = ['gatewayConnectors', 'monitoring'];
/**
 * The definition as a ServiceRequest for `service`; what it cannot apply (the controller, the launch type, a strategy)
 * is refused unless it already is so, every problem with its line.
 */
function definitionRequest(loaded, service) {
    const d = loaded.definition;
    const problems = [];
    const refuse = (path, message) => void problems.push(withLine({ path, message }, loaded.lineOf));
    const current = service;
    for (const [key, now] of Object.entries(service_keys/* FIXED_KEYS */.oQ)) {
        const wanted = d[key];
        const have = now(current) ?? defaultOf(key);
        if (wanted === undefined || same(key, have, wanted))
            continue;
        refuse(key, key === 'deploymentController'
            ? `differs from the service's (${describe(have)}): the deployment controller is chosen when the service is created and this action deploys with the one it has; remove it, or create a new service with it`
            : `differs from the service's (${describe(have)}): UpdateService cannot change it (CreateService only); remove it, or recreate the service`);
    }
    const configuration = (d.deploymentConfiguration ?? {});
    const running = (service.deploymentConfiguration ?? {});
    for (const key of service_keys/* STRATEGY_KEYS */.BS) {
        const wanted = configuration[key];
        if (wanted === undefined || (0,service_members/* contains */.gR)(running[key] ?? (key === 'strategy' ? 'ROLLING' : undefined), wanted))
            continue;
        refuse(`deploymentConfiguration.${key}`, "belongs to the strategy: set it with the `strategy` input (or the environment's `strategy` in the config file) and its options; remove it here");
    }
    for (const key of UNREADABLE)
        if (d[key] !== undefined)
            refuse(key, 'DescribeServices does not return it, so this action cannot tell whether it changed; remove it and set it with `aws ecs update-service`');
    if (problems.length)
        throw new common_problems/* ProblemsError */.FQ(loaded.source, problems, 'Nothing was changed.');
    const breaker = breakerMode(configuration.deploymentCircuitBreaker);
    return {
        ...(d.desiredCount !== undefined && { desiredCount: d.desiredCount }),
        deploymentCircuitBreaker: (0,rollout/* circuitBreakerConfiguration */.C3)(service.deploymentConfiguration, breaker) ? breaker : 'keep',
        serviceSettings: changing(service, settingsOf(d, configuration)),
    };
}
/**
 * Only the settings that change something: what the file says as the service has it is no request, so the checks of
 * a given setting (a CODE_DEPLOY service changes few through UpdateService) do not refuse a file `init` wrote.
 */
function changing(service, settings) {
    return Object.fromEntries(Object.entries(settings).filter(([key, value]) => serviceChanges(service, undefined, 'keep', { [key]: value }).length));
}
function settingsOf(d, configuration) {
    const breaker = configuration.deploymentCircuitBreaker;
    const members = Object.fromEntries(service_members/* DEFINITION_MEMBERS */.qu.filter((k) => d[k] !== undefined).map((k) => [k, d[k]]));
    const definition = { ...members, ...(configuration.alarms && { alarms: configuration.alarms }) };
    const settings = {
        ...(configuration.minimumHealthyPercent !== undefined && {
            minimumHealthyPercent: configuration.minimumHealthyPercent,
        }),
        ...(configuration.maximumPercent !== undefined && { maximumPercent: configuration.maximumPercent }),
        ...(d.healthCheckGracePeriodSeconds !== undefined && {
            healthCheckGracePeriodSeconds: d.healthCheckGracePeriodSeconds,
        }),
        ...(d.propagateTags !== undefined && { propagateTags: d.propagateTags }),
        ...(d.enableECSManagedTags !== undefined && { enableECSManagedTags: d.enableECSManagedTags }),
        ...(d.enableExecuteCommand !== undefined && { enableExecuteCommand: d.enableExecuteCommand }),
        ...(d.capacityProviderStrategy !== undefined && {
            capacityProviderStrategy: d.capacityProviderStrategy,
        }),
        ...(d.volumeConfigurations !== undefined && {
            volumeConfigurations: d.volumeConfigurations,
        }),
        ...(breaker?.thresholdConfiguration && { circuitBreakerThreshold: breaker.thresholdConfiguration }),
        ...(breaker?.resetOnHealthyTask !== undefined && { resetOnHealthyTask: breaker.resetOnHealthyTask }),
        ...(configuration.earlySuccessCriteria && { earlySuccess: configuration.earlySuccessCriteria }),
        ...(Object.keys(definition).length && { definition }),
        ...(d.tags !== undefined && { tags: d.tags }),
    };
    return settings;
}
function breakerMode(breaker) {
    if (!breaker)
        return 'keep';
    if (!breaker.enable)
        return 'disable';
    return breaker.rollback ? 'rollback' : 'enable';
}
/**
 * The request a deploy makes: the definition's, with what the inputs (and the config file's environment) give over
 * it; each value both give is noted, for the plan.
 */
function withInputsOver(file, given, source) {
    const notes = [];
    const wins = (what, input, fileValue, inputValue) => {
        if (JSON.stringify(fileValue) !== JSON.stringify(inputValue))
            notes.push(`${what}: \`${input}\` (${describe(inputValue)}) wins over ${source} (${describe(fileValue)})`);
    };
    if (file.desiredCount !== undefined && given.desiredCount !== undefined)
        wins('desiredCount', 'desired-count', file.desiredCount, given.desiredCount);
    const breakerGiven = given.deploymentCircuitBreaker !== 'keep';
    if (breakerGiven && file.deploymentCircuitBreaker !== 'keep')
        wins('deploymentCircuitBreaker', 'deployment-circuit-breaker', file.deploymentCircuitBreaker, given.deploymentCircuitBreaker);
    const inputs = given.serviceSettings ?? {};
    for (const key of Object.keys(inputs))
        if (file.serviceSettings?.[key] !== undefined)
            wins(key, settings_service/* SETTING_INPUTS */.Fs[key], file.serviceSettings[key], inputs[key]);
    const settings = { ...file.serviceSettings, ...inputs };
    const desiredCount = given.desiredCount ?? file.desiredCount;
    return {
        request: {
            ...(desiredCount !== undefined && { desiredCount }),
            deploymentCircuitBreaker: breakerGiven ? given.deploymentCircuitBreaker : file.deploymentCircuitBreaker,
            ...(Object.keys(settings).length && { serviceSettings: settings }),
        },
        notes,
    };
}
const DEFAULTS = { deploymentController: { type: 'ECS' }, schedulingStrategy: 'REPLICA' };
const defaultOf = (key) => DEFAULTS[key];
/** A role may be given by name; DescribeServices answers its ARN. */
function same(key, have, wanted) {
    if (key === 'role' && typeof have === 'string' && typeof wanted === 'string')
        return have === wanted || have.endsWith(`/${wanted}`);
    return (0,service_members/* contains */.gR)(have, wanted);
}
/** A short, safe rendering of a value for a message (enum words, numbers, small objects; no free text). */
function describe(value) {
    if (value === undefined)
        return 'not set';
    if (typeof value === 'string')
        return /^[A-Za-z0-9_:./-]{1,64}$/.test(value) ? value : 'a string';
    const text = JSON.stringify(value);
    return text.length <= 80 ? text : 'an object';
}

;// CONCATENATED MODULE: ./src/servicedef/index.ts




/**
 * The inputs for one service with its service definition under them (inputs win, and the notes say where they did);
 * the inputs as they are without one.
 */
async function withServiceDefinition(inputs, service, placeholders, workspace) {
    if (inputs.serviceDefinition === undefined)
        return { inputs, notes: [] };
    const loaded = await loadServiceDefinition(inputs.serviceDefinition, placeholders, workspace);
    const file = definitionRequest(loaded, service);
    // The strategy's alarms (`deployment-alarms`) are set by the mechanism, over the file's.
    const fileAlarms = file.serviceSettings?.definition?.alarms;
    const notes = [...loaded.notes];
    if (fileAlarms && inputs.strategy.deploymentAlarms.length && file.serviceSettings?.definition) {
        delete file.serviceSettings.definition.alarms;
        notes.push(`deploymentConfiguration.alarms: \`deployment-alarms\` wins over ${loaded.source}`);
    }
    const { request, notes: wins } = withInputsOver(file, inputs, loaded.source);
    const { desiredCount: _count, serviceSettings: _settings, ...rest } = inputs;
    return { inputs: { ...rest, ...request }, notes: [...notes, ...wins] };
}

;// CONCATENATED MODULE: ./src/capacity/preview.ts
function capacityPreview(r) {
    const oldCount = r.service.desiredCount ?? 0;
    const newCount = r.desiredCount ?? oldCount;
    const oldLaunch = launchOf(r.service.capacityProviderStrategy, r.service.launchType, r.current?.requiresCompatibilities);
    const newLaunch = launchOf(r.capacityProviderStrategy ?? r.service.capacityProviderStrategy, r.service.launchType, r.next.requiresCompatibilities);
    const oldSize = r.current ? taskSize(r.current) : taskSize(r.next);
    const old = { count: oldCount, size: oldSize, launch: oldLaunch };
    const next = { count: newCount, size: taskSize(r.next), launch: newLaunch };
    const { parts: peakParts, why } = peakOf(r, old, next);
    return {
        now: fleet([old], r.prices),
        after: fleet([next], r.prices),
        peak: fleet(peakParts, r.prices),
        peakWhy: why,
        launch: launchText(newLaunch, newCount),
        prices: r.prices.source,
    };
}
/** The parts of the peak: old and new together, as the mechanism rolls. */
function peakOf(r, old, next) {
    if (r.peakFleet === 'both-fleets')
        return {
            parts: [old, next],
            why: `${r.strategy}: the whole new fleet (${preview_tasks(next.count)}) runs beside the old one (${preview_tasks(old.count)}) until the traffic has moved and the bake is over`,
        };
    const percent = r.maximumPercent ?? r.service.deploymentConfiguration?.maximumPercent ?? 200;
    // ECS's rule: at most maximumPercent of the desired count run during the rollout (rounded down), never fewer than it.
    const most = Math.min(old.count + next.count, Math.max(next.count, Math.floor((next.count * percent) / 100)));
    // The larger tasks first: the figures are the most the rollout can hold.
    const oldFirst = bigger(old.size, next.size);
    const oldAt = oldFirst ? Math.min(old.count, most) : most - Math.min(next.count, most);
    const newAt = most - oldAt;
    return {
        parts: [
            { ...old, count: oldAt },
            { ...next, count: newAt },
        ],
        why: `rolling at maximumPercent ${percent}: at most ${most} task${most === 1 ? '' : 's'} at once (${oldAt} old + ${newAt} new)`,
    };
}
const preview_tasks = (n) => `${n} task${n === 1 ? '' : 's'}`;
const bigger = (a, b) => a.vcpu > b.vcpu || (a.vcpu === b.vcpu && a.memoryGb >= b.memoryGb);
function fleet(parts, prices) {
    const sum = (f) => parts.reduce((total, p) => total + f(p), 0);
    const costs = parts.map((p) => partCost(p, prices));
    const priced = costs.every((c) => c !== undefined);
    return {
        tasks: sum((p) => p.count),
        vcpu: preview_round(sum((p) => p.count * p.size.vcpu)),
        memoryGb: preview_round(sum((p) => p.count * p.size.memoryGb)),
        ...(priced && {
            usdPerHour: preview_round(costs.reduce((t, c) => t + (c ?? 0), 0), 6),
        }),
    };
}
/** A part's USD per hour, or undefined when it runs where the table has no price. */
function partCost({ count, size, launch }, { prices }) {
    if (count === 0)
        return 0;
    if (!launch.fargate || size.windows)
        return undefined;
    const arch = size.arm ? '-arm' : '';
    const rate = (kind) => {
        const vcpu = prices[`${kind}${arch}-vcpu-hour`];
        const gb = prices[`${kind}${arch}-gb-hour`];
        return vcpu === undefined || gb === undefined ? undefined : size.vcpu * vcpu + size.memoryGb * gb;
    };
    const onSpot = launch.spot(count);
    const spot = onSpot ? rate('spot') : 0;
    const demand = onSpot < count ? rate('fargate') : 0;
    return spot === undefined || demand === undefined ? undefined : onSpot * spot + (count - onSpot) * demand;
}
/** A task definition's size: its task-level cpu and memory (`256` / `0.25 vCPU`, `512` / `0.5 GB`), else its containers'. */
function taskSize(td) {
    const containers = td.containerDefinitions ?? [];
    const cpuUnits = containers.reduce((t, c) => t + (c.cpu ?? 0), 0);
    const memoryMib = containers.reduce((t, c) => t + (c.memory ?? c.memoryReservation ?? 0), 0);
    return {
        vcpu: amount(td.cpu, /v?cpu/i) ?? cpuUnits / 1024,
        memoryGb: amount(td.memory, /gb/i) ?? memoryMib / 1024,
        arm: td.runtimePlatform?.cpuArchitecture === 'ARM64',
        windows: td.runtimePlatform?.operatingSystemFamily?.startsWith('WINDOWS') ?? false,
    };
}
/** `1024` (units of 1/1024) or `1 vCPU` / `1 GB` (whole units) as a number of whole units. */
function amount(text, unit) {
    const match = text?.trim().match(/^(\d+(?:\.\d+)?)\s*([a-z]*)$/i);
    if (!match)
        return undefined;
    const n = Number(match[1]);
    return match[2] ? (unit.test(match[2]) ? n : undefined) : n / 1024;
}
/** Where the service's tasks run, from its capacity provider strategy or launch type. */
function launchOf(strategy, launchType, compatibilities) {
    if (strategy?.length) {
        const other = strategy.find((s) => s.capacityProvider !== 'FARGATE' && s.capacityProvider !== 'FARGATE_SPOT');
        if (other)
            return { fargate: false, why: `capacity provider ${other.capacityProvider}` };
        return { fargate: true, spot: (tasks) => spotTasks(strategy, tasks) };
    }
    if (launchType === 'FARGATE')
        return { fargate: true, spot: () => 0 };
    if (launchType)
        return { fargate: false, why: `launch type ${launchType}` };
    // Neither: the cluster's default capacity provider strategy, which the preview does not read.
    return compatibilities?.includes('FARGATE') && !compatibilities.includes('EC2')
        ? { fargate: true, spot: () => 0 }
        : { fargate: false, why: "the cluster's default capacity provider strategy" };
}
/** How many of `tasks` ECS places on FARGATE_SPOT: the base first, the rest by weight. */
function spotTasks(strategy, tasks) {
    const item = (name) => strategy.find((s) => s.capacityProvider === name);
    const spot = item('FARGATE_SPOT');
    if (!spot)
        return 0;
    const bases = strategy.reduce((t, s) => t + (s.base ?? 0), 0);
    const spotBase = Math.min(spot.base ?? 0, tasks);
    const rest = Math.max(0, tasks - Math.min(bases, tasks));
    const weights = strategy.reduce((t, s) => t + (s.weight ?? 0), 0);
    const share = weights ? (spot.weight ?? 0) / weights : item('FARGATE') ? 0 : 1;
    return spotBase + rest * share;
}
function launchText(launch, tasks) {
    if (!launch.fargate)
        return `${launch.why}: capacity only, no price`;
    const spot = launch.spot(tasks);
    if (spot === 0)
        return 'Fargate';
    if (spot === tasks)
        return 'Fargate Spot';
    return `Fargate Spot for ${preview_round(spot)} of ${tasks} tasks, Fargate for the rest`;
}
function preview_round(n, digits = 3) {
    const f = 10 ** digits;
    return Math.round(n * f) / f;
}

// EXTERNAL MODULE: ./src/capacity/prices.ts
var prices = __webpack_require__(7796);
;// CONCATENATED MODULE: ./src/capacity/price-file.ts
// `capacity-prices` as the environment gives it: inline rates, or the path of a JSON/YAML file of the workspace with them.



/** The rates for the run's region: the shipped table's, under the environment's `capacity-prices`. */
async function capacityPrices(given, region, workspace) {
    if (typeof given !== 'string')
        return (0,prices/* pricesFor */.Cf)(region, given, given && 'the config file');
    const { data } = await (0,template_file/* loadDocument */.Az)(given, {}, workspace, { input: 'capacity-prices', what: 'capacity prices file' });
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        throw new errors/* UserError */.yo(`Config key \`capacity-prices\`: ${given} must hold a mapping of rates (USD per hour), e.g. fargate-vcpu-hour: 0.04048; the keys are ${prices/* PRICE_KEYS */.ll.join(', ')}.`);
    for (const [key, value] of Object.entries(data)) {
        const problem = (0,prices/* priceProblem */.Vc)(key, value);
        if (problem)
            throw new errors/* UserError */.yo(`Config key \`capacity-prices\`: ${key} in ${given} ${problem}.`);
    }
    return (0,prices/* pricesFor */.Cf)(region, data, given);
}

// EXTERNAL MODULE: ./src/capacity/section.ts
var section = __webpack_require__(2319);
;// CONCATENATED MODULE: ./src/engine/pipeline.ts






































/** ${PR_NUMBER} and friends, for a pull request's preview. */
function previewPlaceholders(preview) {
    return preview ? { PR_NUMBER: String(preview.pr), PREVIEW: `pr-${preview.pr}` } : {};
}
/**
 * A preview is a plain copy of its service running `previews.desired-count` tasks, never an Express service: an Express
 * scaling target given is left out of it, with a note saying so (it stays the service's own).
 */
function previewInputs({ inputs, notes }, preview) {
    const { expressScaling, ...settings } = inputs.serviceSettings ?? {};
    if (!expressScaling)
        return { inputs, notes };
    const keys = (0,given/* givenSettings */.j)({ strategy: inputs.strategy, serviceSettings: { expressScaling } });
    const count = preview.config.desiredCount;
    return {
        inputs: { ...inputs, serviceSettings: settings },
        notes: [
            ...notes,
            `${keys.map((k) => `\`${k.name}\``).join(', ')}: not applied to the preview, a plain copy of the service that runs ${count} task${count === 1 ? '' : 's'} (\`previews.desired-count\`); an Express service's scaling target is its own`,
        ],
    };
}
function newServiceReport(where, service, plan) {
    return {
        cluster: where.cluster,
        service: service.serviceName ?? '',
        region: where.region,
        status: 'failed',
        reason: '',
        strategy: plan.description,
        ...(plan.url && { url: plan.url }),
        previousTaskDefinition: service.taskDefinition ?? '',
        notes: [],
    };
}
/**
 * Renders and validates the service's task definition with `image`, and says what its report gains (notes, changes);
 * `log` false re-renders quietly once the build has replaced the planned image reference by the pushed digest.
 */
async function prepare(clients, inputs, git, { service, plan }, report, image, preview, log, promoted, pinned) {
    const { ecs } = clients;
    const placeholders = {
        // ${IMAGE} in a template: the promoted image when there is one.
        ...(0,placeholder_values/* placeholderValues */.m)(inputs, report.service, git, report.region, image ?? onlyImage(promoted)),
        ...previewPlaceholders(preview),
    };
    const verification = (0,verify/* wantsVerification */.n)(inputs.verify)
        ? planVerification(inputs.verify, placeholders, new Set(Object.keys(inputs.vars)))
        : undefined;
    if (verification && !inputs.wait)
        throw new errors/* UserError */.yo("The environment's `verify` block (`verify.url`, …) needs `wait: true`: the release is checked once the deployment reaches it.");
    if (inputs.analysis && !inputs.analysis.checks?.length)
        throw new errors/* UserError */.yo("The environment's `analysis` block names no checks: give them as its `checks` or as the `analysis` input (`5xx-rate < 1%, p99 < +20%`).");
    if (inputs.analysis && !inputs.wait)
        throw new errors/* UserError */.yo('The canary analysis (`analysis`) needs `wait: true`: the metrics are read while the action follows the deployment.');
    if (verification?.testUrls.length && !(0,mechanisms/* mechanismOf */.De)(plan.mechanism).testTraffic)
        throw new errors/* UserError */.yo(`Config key \`verify.test-url\`: ${report.service} rolls (${plan.description}), so no test listener ever routes to the new revision. Use \`verify.url\`, or a blue-green, canary, linear or CodeDeploy strategy.`);
    const current = service.taskDefinition ? await (0,register/* describeTaskDefinition */.o)(ecs, service.taskDefinition) : undefined;
    const rendered = pinned
        ? (0,taskdef/* existingTaskDefinition */.Yd)(pinned.taskDefinition, pinned.tags)
        : await (0,taskdef/* renderTaskDefinition */.P9)({
            ...(inputs.taskDefinition !== undefined && { templatePath: inputs.taskDefinition }),
            ...(current && { current: current.taskDefinition, currentTags: current.tags }),
            ...(image !== undefined && { image }),
            ...(promoted && { images: promoted.images }),
            containers: inputs.containers,
            environment: inputs.environmentVariables,
            secrets: inputs.secrets,
            placeholders,
        });
    // A preview registers in its own family, so destroying it can deregister what it registered.
    if (preview && !pinned && rendered.request.family)
        rendered.request.family = (0,names/* previewFamily */.bc)(rendered.request.family, preview.pr);
    if (log)
        for (const note of rendered.notes)
            log.info((0,report_text/* logSafe */.sN)(`${prefixOf(inputs, report)}${note}`));
    if (inputs.serviceSettings) {
        checkSettingsModel(inputs.serviceSettings);
        (0,settings_service/* checkVolumesAtLaunch */.gL)(inputs.serviceSettings, rendered.request);
    }
    const part = {
        ...(log && { notes: rendered.notes }),
        containers: rendered.containers,
        ...(promoted && { promoted: promotedOf(promoted, rendered.containers) }),
        rendered: rendered.request,
        changes: [
            ...(current ? (0,taskdef/* describeChanges */.DT)(rendered.request, current.taskDefinition) : []),
            ...serviceChanges(service, inputs.desiredCount, inputs.deploymentCircuitBreaker, inputs.serviceSettings),
            ...plan.changes,
        ],
    };
    return {
        prepared: { service, plan, inputs, notes: [], rendered, current, verification, ...(pinned && { pinned }) },
        part,
    };
}
function onlyImage(promoted) {
    const images = Object.values(promoted?.images ?? {});
    return images.length === 1 ? images[0] : undefined;
}
const prefixOf = (inputs, report) => inputs.services.length > 1 ? `${report.service}: ` : '';
/** CodePipeline's files (artifacts-dir), for the image that is (or, in a dry run, would be) deployed; the note saying so. */
async function writeArtifacts(inputs, git, { rendered, service }, report, image) {
    if (!inputs.artifactsDir || !image)
        return [];
    const dir = inputs.services.length > 1 ? external_node_path_default().join(inputs.artifactsDir, report.service) : inputs.artifactsDir;
    const written = await writePipelineArtifacts(await (0,workspace_path/* insideWorkspace */.C)('artifacts-dir', dir, git.workspace), pipelineArtifacts(rendered.request, rendered.containers, image, service));
    return [`wrote ${written.map((f) => external_node_path_default().basename(f)).join(', ')} to ${dir} for CodePipeline`];
}
/** Registers the rendered task definition unless a revision already has its content. */
async function pipeline_register(clients, inputs, prepared, report, log) {
    const { pinned, current } = prepared;
    // ECS registers the revisions of some services itself, from the configuration their mechanism updates.
    const byEcs = !(0,mechanisms/* mechanismOf */.De)(prepared.plan.mechanism).registersRevisions && current;
    const registered = pinned
        ? pinnedRegistration(pinned)
        : byEcs
            ? pinnedRegistration(byEcs)
            : await (0,register/* registerIfChanged */.L)(clients.ecs, prepared.rendered.request, current);
    const prefix = prefixOf(inputs, report);
    log.info(pinned
        ? `${prefix}nothing to register: deploying ${registered.family}:${registered.revision} as it is (task-definition-arn)`
        : byEcs
            ? `${prefix}nothing to register: ECS registers this service's revisions itself, from the configuration its deployment updates`
            : registered.registered
                ? `${prefix}registered ${registered.family}:${registered.revision}`
                : `${prefix}no change to register: ${registered.family}:${registered.revision} already has this content`);
    for (const change of report.changes ?? [])
        log.info((0,report_text/* logSafe */.sN)(`  ${change}`));
    return { ...prepared, registered };
}
/** The revision this run deploys when it registers nothing new (the service's own), else undefined. */
function unchangedRevision({ rendered, current, pinned }) {
    if (pinned)
        return pinned.taskDefinition.taskDefinitionArn;
    return current && (0,taskdef/* sameTaskDefinition */.JL)(rendered.request, current.taskDefinition, current.tags)
        ? current.taskDefinition.taskDefinitionArn
        : undefined;
}
/**
 * Starts the rollout of a prepared service. For a preview, the pull request's copy of the service is
 * created or updated first, and its rollout is the one followed.
 */
async function start(clients, inputs, git, { clock, signal, log }, prepared, report, preview) {
    const { registered } = prepared;
    let service = prepared.service;
    let serviceName = report.service;
    let url;
    if (preview) {
        const created = await deployPreview({
            ecs: clients.ecs,
            elbv2: clients.elbv2,
            cluster: inputs.cluster,
            baseService: report.service,
            pr: preview.pr,
            repository: git.repository,
            taskDefinitionArn: registered.arn,
            previews: preview.config,
            now: new Date(clock.now()),
        });
        log.info(`${created.serviceName}: ${created.created ? 'created' : 'updated'} the preview of ${report.service}${created.url ? ` at ${created.url}` : ''}`);
        service = await (0,find_service/* findService */.L)(clients.ecs, inputs.cluster, created.serviceName, report.region);
        serviceName = created.serviceName;
        url = created.url;
    }
    const rollout = await (0,mechanisms/* startStrategy */.mV)(clients, { clock, signal, timeoutMs: inputs.timeoutMinutes * 60_000, log: log.info }, prepared.plan, service, {
        cluster: inputs.cluster,
        taskDefinitionArn: registered.arn,
        ...(inputs.desiredCount !== undefined && { desiredCount: inputs.desiredCount }),
        forceNewDeployment: inputs.forceNewDeployment,
        deploymentCircuitBreaker: inputs.deploymentCircuitBreaker,
        ...(inputs.serviceSettings && { settings: inputs.serviceSettings }),
        containers: prepared.rendered.request.containerDefinitions ?? [],
        ...(prepared.rendered.request.cpu && { cpu: prepared.rendered.request.cpu }),
        ...(prepared.rendered.request.memory && { memory: prepared.rendered.request.memory }),
    });
    const revision = `${registered.family}:${registered.revision}`;
    if (rollout.deploymentId)
        log.info(rollout.started
            ? `${serviceName}: started deployment ${rollout.deploymentId} of ${revision}`
            : `${serviceName}: following deployment ${rollout.deploymentId}, already rolling out ${revision}`);
    // A preview's tags are its own (preview/); the service definition's are the base service's.
    const tagged = preview ? undefined : await applyServiceTags(clients.ecs, service, inputs.serviceSettings?.tags);
    if (tagged?.failed)
        log.warning((0,report_text/* logSafe */.sN)(`${serviceName}: ${tagged.note}`));
    else if (tagged)
        log.info((0,report_text/* logSafe */.sN)(`${serviceName}: ${tagged.note}`));
    const part = {
        ...(preview && { service: serviceName, ...(url && { url }) }),
        ...(tagged && { notes: [tagged.note] }),
        startedAt: rollout.startedAt,
        ...(rollout.targetTaskDefinition && { taskDefinitionArn: rollout.targetTaskDefinition }),
        ...(!rollout.deploymentId
            ? { status: 'succeeded', reason: `Nothing to deploy: ${rollout.unchangedReason}.` }
            : {
                deploymentId: rollout.deploymentId,
                ...(!inputs.wait && {
                    status: 'succeeded',
                    reason: 'Deployment started; not waiting for it (wait: false).',
                }),
            }),
    };
    return { started: { ...prepared, service }, rollout, part };
}
/** A service's report from its rollout's result, with the causes of a failure and their log lines. */
async function concluded(clients, inputs, containers, result, deadline) {
    const part = {
        status: result.outcome,
        reason: result.reason,
        timeline: result.timeline,
        recentEvents: result.recentEvents,
        ...(result.rollback !== undefined && { rollback: result.rollback }),
        ...(result.stoppedTasksError !== undefined && { stoppedTasksError: result.stoppedTasksError }),
        ...(result.progress && { progress: result.progress }),
        ...(result.analysis && { analysis: result.analysis }),
    };
    if (result.outcome === 'succeeded' || result.outcome === 'paused')
        return part;
    const eventCause = causeOfEvents(result.recentEvents);
    // The log lines are best effort: after the deadline they are not read.
    const failures = deadline.passed()
        ? groupFailures(result.stoppedTasks)
        : await attachLogs((region) => clients.logsIn(region), groupFailures(result.stoppedTasks), containers, inputs.logLines);
    return { ...part, ...(eventCause && { eventCause }), failures };
}
/**
 * The deploy. Everything that can be checked is, before anything changes: services and strategies, the image (or the
 * build's plan), every task definition rendered and validated, deployments in flight; then the build and push, then
 * every registration, then the updates. A mistake in one service leaves them all as they were; a dry run stops before
 * the build and changes nothing.
 */
const DEPLOY = [
    { name: 'check', dryRun: 'run', phase: true, run: findServices },
    { name: 'promote', dryRun: 'run', when: (s) => !!s.promotion, run: promotion },
    { name: 'image', dryRun: 'run', run: checkImage },
    { name: 'render', dryRun: 'run', run: render },
    { name: 'plan', dryRun: 'only', run: dryRunReport },
    // A preview deploys its own copy of the service: the base service's deployments are not in its way.
    { name: 'idle', phase: true, when: (s) => !s.preview, run: waitUntilIdle },
    // Nothing is deployed when the build or push fails: it throws before any task definition is registered.
    { name: 'build', phase: true, run: build },
    { name: 'register', phase: true, run: registerAll },
    { name: 'run-task', phase: true, when: (s) => !!s.inputs.runTask && s.registered.length > 0, run: runTask },
    { name: 'update', phase: true, run: update },
    { name: 'watch', phase: true, late: 'run', when: (s) => s.followed.length > 0, run: pipeline_watch },
    { name: 'conclude', late: 'run', when: (s) => s.results.length > 0, run: conclude },
    { name: 'keep-revisions', late: 'skip', when: wantsPruning, run: keepRevisions },
];
/**
 * `continue`: resumes (or rolls back) the deployments an earlier run left paused at `wait-until`, and follows
 * them to their end. Nothing is built, rendered or registered. A dry run finds the paused deployments and says what it
 * would do to each; it changes nothing.
 */
const RESUME = [
    { name: 'check', dryRun: 'run', phase: true, run: findServices },
    { name: 'continue', dryRun: 'run', run: resume },
    { name: 'watch', phase: true, late: 'run', when: (s) => s.followed.length > 0, run: pipeline_watch },
    { name: 'conclude', late: 'run', when: (s) => s.results.length > 0, run: conclude },
];
/** Deploys the services (or continues their paused deployments); a failure part-way comes with what was done so far. */
function deploy(inputs, git, ports, where, preview, promotion) {
    const clients = ports.aws(where.region, ports.deadline);
    const initial = {
        inputs,
        git,
        ports,
        where,
        preview,
        promotion,
        clients,
        imageDeps: imageDepsOf(clients, git, ports, ports.deadline),
        found: [],
        checked: [],
        registered: [],
        followed: [],
        results: [],
    };
    return runSteps(inputs.strategy.continueAction ? RESUME : DEPLOY, initial, {
        dryRun: inputs.dryRun,
        deadline: ports.deadline,
        // Each phase (reading, the build, each wait) may take timeout-minutes; no request outlives its phase (plus the grace).
        phaseMs: inputs.timeoutMinutes * 60_000,
        log: ports.log,
    });
}
/**
 * The image step, before anything changes: the build's read-only plan, or the image to deploy looked up; and for
 * `task-definition-arn`, the revision and every image it names.
 */
async function checkImage(s) {
    const { inputs, clients, where, imageDeps, ports, git } = s;
    // Tags take the template's placeholders (`${SHORT_SHA}`, `${REF_NAME}`, vars), the image's own excepted.
    const values = (0,placeholder_values/* placeholderValues */.m)(inputs, '', git, where.region, undefined);
    const buildInputs = inputs.build && {
        ...inputs.build,
        tags: inputs.build.tags.map((tag) => (0,placeholders/* fillTextPlaceholders */.rD)(tag, values, 'tags')),
    };
    const imagePlan = buildInputs
        ? await ports.log.group('Image', () => (0,src_image/* planImageBuild */.L7)(buildInputs, imageDeps))
        : undefined;
    if (!buildInputs && inputs.image)
        await (0,src_image/* checkImageExists */.CK)(inputs.image, imageDeps);
    const pinned = inputs.taskDefinitionArn
        ? await pinnedRevision(clients.ecs, inputs.taskDefinitionArn, where.region)
        : undefined;
    for (const image of new Set(pinned?.taskDefinition.containerDefinitions?.map((c) => c.image ?? '')))
        if (image)
            await (0,src_image/* checkImageExists */.CK)(image, imageDeps);
    if (pinned) {
        ports.log.info(`task-definition-arn: ${pinned.taskDefinition.family}:${pinned.taskDefinition.revision}, used as it is`);
    }
    const plannedImage = imagePlan ? imagePlan.reference : inputs.image;
    const state = { imagePlan, pinned, plannedImage };
    return { report: { ...(plannedImage && { image: plannedImage }) }, state: state };
}
/** What the image steps (build plan, existence check, build and push) need, in the run's region and deadline. */
function imageDepsOf(clients, git, ports, deadline) {
    return {
        clients,
        git,
        now: ports.clock.now,
        log: ports.log,
        loggedIn: ports.loggedIn,
        signal: () => deadline.signal(ports.signal),
        ecrClientFor: (region) => ports.aws(region, deadline).ecr,
    };
}
/** The services, each one's deployment strategy checked against it; their reports start here. */
async function findServices({ inputs, git, ports, where, preview, clients, }) {
    const { log } = ports;
    const found = await log.group('Services', () => Promise.all(inputs.services.map(async (name) => {
        const service = await (0,find_service/* findService */.L)(clients.ecs, inputs.cluster, name, where.region);
        log.info(`${service.serviceName} in ${inputs.cluster}: running ${(0,aws_arn/* taskDefinitionRevision */.MZ)(service.taskDefinition)}, ${service.runningCount}/${service.desiredCount} tasks`);
        const placeholders = (0,placeholder_values/* placeholderValues */.m)(inputs, service.serviceName ?? name, git, where.region, inputs.image);
        const defined = await withServiceDefinition(inputs, service, placeholders, git.workspace);
        const { inputs: own, notes } = preview ? previewInputs(defined, preview) : defined;
        for (const note of notes)
            log.info((0,report_text/* logSafe */.sN)(`  ${note}`));
        // A preview is a plain copy of the service, without its blue/green set-up: it rolls.
        const plan = preview
            ? (0,mechanisms/* rollingPlan */.Zu)(inputs.strategy)
            : await (0,mechanisms/* planStrategy */.X)(clients, inputs.cluster, service, inputs.strategy, {
                circuitBreaker: own.deploymentCircuitBreaker,
                workspace: git.workspace,
                given: inputs,
            });
        (0,settings_service/* checkServiceSettings */.V9)(service, own.serviceSettings ?? {}, (0,mechanisms/* mechanismOf */.De)(plan.mechanism).refusesEarlySuccess, plan.express !== undefined);
        log.info(`  strategy: ${plan.description}`);
        return { service, plan, inputs: own, notes };
    })));
    return {
        report: {
            services: found.map((f) => f.service),
            reports: found.map((f) => ({ ...newServiceReport(where, f.service, f.plan), notes: [...f.notes] })),
        },
        state: { found },
    };
}
/** promote-from: the images the source environment's services run. */
async function promotion({ promotion, where, ports, imageDeps }) {
    if (!promotion)
        return {};
    const promoted = await ports.log.group('Promotion', () => readPromotion(promotion, where, ports, imageDeps, ports.deadline));
    const images = [...new Set(promoted.flatMap((p) => Object.values(p.images)))];
    return {
        report: { promotedFrom: promotion.from, ...(images.length === 1 && { image: images[0] }) },
        state: { promoted },
    };
}
/** Every service's task definition rendered and validated with the planned image. */
async function render(s, done) {
    const { clients, git, found, plannedImage, preview, ports, promoted, pinned } = s;
    const checked = await ports.log.group('Task definition', () => Promise.all(found.map((f, i) => prepare(clients, f.inputs, git, f, reportOf(done, i), plannedImage, preview, ports.log, promoted?.[i], pinned))));
    return { report: { each: checked.map((c) => c.part) }, state: { checked: checked.map((c) => c.prepared) } };
}
/** A dry run's report: what would change, what it would build, what a deploy would wait for. */
async function dryRunReport(s, done) {
    const { inputs, git, checked, plannedImage, imagePlan, preview, clients, ports } = s;
    const artifacts = await Promise.all(checked.map((p, i) => writeArtifacts(inputs, git, p, reportOf(done, i), plannedImage)));
    const imageNote = imagePlan && dryRunImageNote(imagePlan);
    const prices = await capacityPrices(inputs.capacityPrices, s.where.region, git.workspace);
    const each = [];
    for (const [i, p] of checked.entries()) {
        const changes = reportOf(done, i).changes ?? [];
        for (const change of changes)
            ports.log.info((0,report_text/* logSafe */.sN)(`  ${change}`));
        const capacity = capacityPreview({
            peakFleet: (0,mechanisms/* mechanismOf */.De)(p.plan.mechanism).peakFleet,
            strategy: p.plan.description,
            service: p.service,
            current: p.current?.taskDefinition,
            next: p.rendered.request,
            desiredCount: p.inputs.desiredCount,
            maximumPercent: p.inputs.serviceSettings?.maximumPercent,
            capacityProviderStrategy: p.inputs.serviceSettings?.capacityProviderStrategy,
            prices,
        });
        for (const line of (0,section/* capacityLogLines */.M)(capacity))
            ports.log.info((0,report_text/* logSafe */.sN)(`  ${line}`));
        const busy = preview ? undefined : await (0,mechanisms/* deploymentInFlight */.BR)(clients, p.plan, p.service, unchangedRevision(p));
        const notes = [
            ...(artifacts[i] ?? []),
            ...(imageNote ? [imageNote] : []),
            ...(busy
                ? [
                    `busy with ${busy.what}: a deploy would ${busy.paused || p.plan.inputs.onBusy === 'fail' ? 'fail' : 'wait for it'} (on-busy: ${p.plan.inputs.onBusy})`,
                ]
                : []),
        ];
        each.push({
            notes,
            capacity,
            status: 'planned',
            reason: `Dry run: ${changes.length ? `${changes.length} change(s)` : 'no change'}; nothing was built, pushed, registered or deployed.`,
        });
    }
    if (imageNote)
        ports.log.info(imageNote);
    return { report: { each } };
}
/** Waits for (or, with on-busy: fail, stops at) other deployments in flight on each service. */
async function waitUntilIdle(s) {
    const { clients, inputs, ports } = s;
    const checked = [];
    for (const p of s.checked)
        checked.push({
            ...p,
            service: await (0,mechanisms/* checkIdle */.JA)(clients, waitContext(inputs, ports), inputs.cluster, p.plan, p.service, unchangedRevision(p)),
        });
    return { state: { checked } };
}
/** The image built and pushed (when the run builds one). */
async function build({ imagePlan, imageDeps, inputs }) {
    const built = imagePlan && (await (0,src_image/* carryOutImageBuild */.vS)(imagePlan, imageDeps));
    const image = built ? built.reference : inputs.image;
    return { report: { ...(built && { builtImage: built }), ...(image && { image }) }, state: { image } };
}
/** Every task definition registered (rendered again first when the build's digest replaced the planned image). */
async function registerAll(s, done) {
    const { clients, inputs, git, checked, image, plannedImage, preview, promoted, ports } = s;
    const final = image === plannedImage
        ? checked.map((prepared) => ({ prepared, part: undefined }))
        : await Promise.all(checked.map((p, i) => prepare(clients, p.inputs, git, p, reportOf(done, i), image, preview, undefined, promoted?.[i])));
    // Each service's report as rendered again, for what register logs and where the artifacts go.
    const services = final.map(({ prepared, part }, i) => ({ prepared, part, report: (0,run_report.withPart)(reportOf(done, i), part) }));
    return ports.log.group('Register', async () => {
        const artifacts = await Promise.all(services.map(({ prepared, report }) => writeArtifacts(inputs, git, prepared, report, image)));
        const registered = [];
        const each = [];
        for (const [i, { prepared, part, report }] of services.entries()) {
            const one = await pipeline_register(clients, inputs, prepared, report, ports.log);
            registered.push(one);
            const { arn, registered: isNew } = one.registered;
            each.push({ ...part, notes: artifacts[i] ?? [], taskDefinitionArn: arn, registered: isNew });
        }
        return { report: { each }, state: { registered } };
    });
}
/** `run-task`: the one-off task run with the first service's new revision, before any service is updated. */
async function runTask({ clients, inputs, registered, ports }) {
    const [first] = registered;
    if (!first)
        return {};
    const { clock, signal, log } = ports;
    const runTaskArns = await log.group('One-off task', () => runOneOffTask({
        ecs: clients.ecs,
        logsIn: (region) => clients.logsIn(region),
        cluster: inputs.cluster,
        service: first.service,
        taskDefinitionArn: first.registered.arn,
        containers: first.rendered.request.containerDefinitions ?? [],
        container: inputs.runTaskContainer ??
            first.rendered.containers[0] ??
            first.rendered.request.containerDefinitions?.[0]?.name ??
            '',
        command: commandArguments(inputs.runTask ?? ''),
        ...(inputs.runTaskOptions && { options: inputs.runTaskOptions }),
        timeoutMs: inputs.timeoutMinutes * 60_000,
        clock,
        signal,
        log: log.info,
        logLines: inputs.logLines,
    }));
    return { report: { each: [{ runTaskArns }] } };
}
/** Every service updated in turn; the rollouts to wait for (with `wait`) are followed next. */
async function update(s, done) {
    const { clients, inputs, git, ports, preview, image } = s;
    const started = [];
    for (const [i, p] of s.registered.entries())
        started.push(await start(clients, p.inputs, git, ports, p, reportOf(done, i), preview));
    const followed = started.flatMap(({ started: p, rollout }, index) => rollout.deploymentId && inputs.wait
        ? [
            {
                index,
                rollout,
                targetTaskDefinition: rollout.targetTaskDefinition ?? p.registered.arn,
                priorEventIds: eventIds(p.service),
                verification: p.verification,
                image,
                containers: p.rendered.request.containerDefinitions ?? [],
            },
        ]
        : []);
    return { report: { each: started.map((st) => st.part) }, state: { followed } };
}
/** The rollouts followed to their end (or to where `wait-until` pauses them), each release checked on the way. */
async function pipeline_watch(s, done) {
    const { clients, inputs, ports, followed } = s;
    const results = await ports.log.group('Rollout', () => (0,watch/* waitForDeployments */.f)(watchOptions(clients, inputs, ports), followed.map((f) => {
        const service = reportOf(done, f.index).service;
        return {
            service,
            rollout: f.rollout,
            targetTaskDefinition: f.targetTaskDefinition,
            priorEventIds: f.priorEventIds,
            ...(inputs.analysis && {
                analysis: new CanaryAnalysis((0,spec/* analysisSettings */.UI)({ ...inputs.analysis, checks: inputs.analysis.checks ?? [] }), clients, {
                    cluster: inputs.cluster,
                    service,
                    rolloutStart: f.rollout.startedAt,
                }),
            }),
            ...(f.verification && {
                verify: releaseCheck(f.verification, ports, {
                    cluster: inputs.cluster,
                    service,
                    taskDefinition: f.targetTaskDefinition,
                    ...('image' in f && { image: f.image }),
                }, ports.deadline),
            }),
        };
    })));
    return { state: { results } };
}
/** Each followed service's report from its rollout's end, with the causes of a failure and their log lines. */
async function conclude({ clients, inputs, followed, results, ports }) {
    const { deadline } = ports;
    const each = [];
    const parts = await Promise.all(followed.map(async (f, i) => {
        const containers = f.containers ??
            (deadline.passed()
                ? undefined
                : await (0,register/* describeTaskDefinition */.o)(clients.ecs, f.targetTaskDefinition).catch(() => undefined))?.taskDefinition.containerDefinitions ??
            [];
        return concluded(clients, inputs, containers, results[i], deadline);
    }));
    followed.forEach((f, i) => (each[f.index] = parts[i]));
    return { report: { each } };
}
/** `keep-revisions` applies once every service succeeded. */
function wantsPruning({ inputs }, done) {
    return inputs.keepRevisions !== undefined && done.reports.every((r) => r.status === 'succeeded');
}
/** `keep-revisions`: each family deployed keeps its newest N and what is in use. */
async function keepRevisions({ clients, inputs, registered, ports }) {
    const keep = inputs.keepRevisions ?? 0;
    const notes = registered.map(() => []);
    for (const family of new Set(registered.map((p) => p.registered.family))) {
        const gone = await pruneRevisions(clients.ecs, inputs.cluster, family, keep, ports.log);
        registered.forEach((p, i) => {
            if (p.registered.family === family && gone.length)
                notes[i]?.push(`deregistered ${gone.join(', ')} (keep-revisions: ${keep})`);
        });
    }
    return { report: { each: notes.map((n) => ({ notes: n })) } };
}
function reportOf(done, index) {
    return done.reports[index];
}
const eventIds = (service) => (service.events ?? []).flatMap((e) => (e.id ? [e.id] : []));
const waitContext = (inputs, { clock, signal, log }) => ({
    clock,
    signal,
    timeoutMs: inputs.timeoutMinutes * 60_000,
    log: log.info,
});
/** `continue`: each paused deployment resumed (or rolled back); the release a paused run verified is checked again. */
async function resume(s, done) {
    const { clients, inputs, git, ports, found } = s;
    const { clock, log } = ports;
    const action = inputs.strategy.continueAction;
    // Checked before anything changes: the release a paused run verified through the test listener is verified again
    // while it goes on, and in production at the end.
    const verifications = found.map((_, i) => {
        const report = reportOf(done, i);
        return (0,verify/* wantsVerification */.n)(inputs.verify) && action !== 'rollback'
            ? planVerification(inputs.verify, (0,placeholder_values/* placeholderValues */.m)(inputs, report.service, git, report.region, undefined), new Set(Object.keys(inputs.vars)))
            : undefined;
    });
    const rollouts = await Promise.all(found.map((f) => (0,mechanisms/* continueStrategy */.LP)(clients, inputs.cluster, f.plan, f.service, clock.now(), inputs.dryRun)));
    const verb = action === 'rollback' ? 'rolling back' : 'continuing';
    const each = rollouts.map((rollout, i) => {
        const what = `deployment ${rollout.deploymentId ?? rollout.serviceDeploymentArn} of ${(0,aws_arn/* taskDefinitionRevision */.MZ)(rollout.targetTaskDefinition)}`;
        if (inputs.dryRun) {
            const reason = `Dry run: would ${action === 'rollback' ? 'roll back' : 'continue'} ${what}; nothing was changed.`;
            log.info(`${reportOf(done, i).service}: ${reason}`);
            return { status: 'planned', reason, ...(rollout.deploymentId && { deploymentId: rollout.deploymentId }) };
        }
        log.info(`${reportOf(done, i).service}: ${verb} ${what}`);
        return {
            taskDefinitionArn: rollout.targetTaskDefinition,
            previousTaskDefinition: rollout.previousTaskDefinition,
            startedAt: rollout.startedAt,
            ...(rollout.deploymentId && { deploymentId: rollout.deploymentId }),
        };
    });
    if (inputs.dryRun)
        return { report: { each } };
    const followed = rollouts.map((rollout, index) => ({
        index,
        rollout,
        targetTaskDefinition: rollout.targetTaskDefinition,
        priorEventIds: eventIds(found[index].service),
        verification: verifications[index],
    }));
    return { report: { each }, state: { followed } };
}
/** The images the promotion's source services run, read in the source's region; logged service by service. */
async function readPromotion(promotion, where, { aws, log }, imageDeps, deadline) {
    const region = promotion.region ?? where.region;
    const clients = aws(region, deadline);
    log.info(`Promoting from ${promotion.from}: reading what its services run in cluster ${promotion.cluster} (${region}); nothing is built.`);
    const promoted = await readPromotedImages(promotion, {
        ecs: clients.ecs,
        region,
        imageDeps: { ...imageDeps, clients },
    });
    for (const p of promoted) {
        log.info(`  ${p.service} runs ${(0,aws_arn/* taskDefinitionRevision */.MZ)(p.taskDefinition)}:`);
        for (const [container, image] of Object.entries(p.images))
            log.info((0,report_text/* logSafe */.sN)(`    ${container}: ${image}`));
    }
    return promoted;
}
/** What a service's report says of its promotion: the containers that got an image, and from where. */
function promotedOf(promoted, containers) {
    return {
        environment: promoted.environment,
        service: promoted.service,
        taskDefinition: promoted.taskDefinition,
        images: Object.fromEntries(containers.map((name) => [name, promoted.images[name]])),
    };
}
/**
 * The check of one service's release, at the stages its plan has URLs (or a command) for; it stops when the job is
 * cancelled or the wait's timeout-minutes run out.
 */
function releaseCheck(plan, { clock, signal, log }, deployed, deadline) {
    const stages = [];
    if (plan.testUrls.length)
        stages.push('test');
    if (plan.urls.length || plan.command)
        stages.push('production');
    return {
        stages,
        run: (stage) => verifyRelease(plan, stage, deployed, {
            clock,
            signal: deadline.signal(signal),
            fetch: verifyFetch,
            output: (line) => log.info((0,report_text/* logSafe */.sN)(line)),
        }),
    };
}
/** The verify checks' fetch: through HTTPS_PROXY unless NO_PROXY names the host, and named while it waits. */
const verifyFetch = ((url, init) => (0,deadline/* waitingFor */.Fz)(`verify ${new URL(url).origin}${new URL(url).pathname}`, () => (0,http_fetch/* httpFetch */.t)(url, init)));
/** What a dry run says of the build it did not run. */
function dryRunImageNote(plan) {
    if (plan.reused)
        return `would deploy ${plan.reused.reference}, already built from this commit the same way (skip-build-if-exists); nothing built`;
    const repository = plan.createRepository ? `; would create the ECR repository ${plan.ref.repository}` : '';
    return `would build ${plan.name}:${plan.tags[0]} from ${plan.inputs.build} and push it as ${plan.tags.join(', ')}${repository}; nothing built or pushed (dry run)`;
}
function watchOptions(clients, inputs, { clock, signal, log, deadline }) {
    return {
        deadline,
        ecs: clients.ecs,
        codedeploy: clients.codedeploy,
        cluster: inputs.cluster,
        timeoutMs: inputs.timeoutMinutes * 60_000,
        rollbackOnFailure: inputs.rollbackOnFailure,
        clock,
        signal,
        log: log.info,
        warn: (message) => log.warning(message),
    };
}

// EXTERNAL MODULE: ./src/taskdef/compare.ts
var compare = __webpack_require__(6187);
;// CONCATENATED MODULE: ./src/deploy/drift.ts

/** The revision the service runs: its PRIMARY deployment's (the newest one), else the service's own. */
function runningRevision(service) {
    return service.deployments?.find((d) => d.status === 'PRIMARY')?.taskDefinition ?? service.taskDefinition;
}
/** Container name → the image it runs: a drift check deploys no new image unless one is given. */
function runningImages(taskDefinition) {
    return Object.fromEntries((taskDefinition.containerDefinitions ?? []).flatMap((c) => (c.name && c.image ? [[c.name, c.image]] : [])));
}
/** A task definition difference: before is the live revision, after what the files render. */
function taskDefinitionDrift({ path, before, after, masked }) {
    const hidden = (value) => (value === undefined ? '(none)' : '(hidden)');
    return masked
        ? { path, live: hidden(before), repo: hidden(after) }
        : { path, live: (0,compare/* shownValue */.JJ)(before), repo: (0,compare/* shownValue */.JJ)(after) };
}
/** A service change line (`service desired count: 3 → 2`, deploy/changes.ts) as the live value and the repo's. */
function serviceDrift(line) {
    const colon = line.indexOf(': ');
    const [path, values] = colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 2)];
    const arrow = values.indexOf(' → ');
    return arrow < 0
        ? { path, live: '(as the service has it)', repo: values }
        : { path, live: values.slice(0, arrow), repo: values.slice(arrow + 3) };
}

;// CONCATENATED MODULE: ./src/engine/drift-check.ts














const DRIFT = [
    { name: 'check', dryRun: 'run', phase: true, run: drift_check_findServices },
    { name: 'compare', dryRun: 'run', run: compareAll },
];
/** Compares every service with the repository's files; reads only. */
function checkDrift(inputs, git, ports, where) {
    const clients = ports.aws(where.region, ports.deadline);
    return runSteps(DRIFT, { inputs, git, ports, where, clients, found: [] }, {
        dryRun: inputs.dryRun,
        deadline: ports.deadline,
        phaseMs: inputs.timeoutMinutes * 60_000,
        log: ports.log,
    });
}
async function drift_check_findServices({ inputs, git, where, clients, ports }) {
    const found = await ports.log.group('Services', () => Promise.all(inputs.services.map(async (name) => {
        const service = await (0,find_service/* findService */.L)(clients.ecs, inputs.cluster, name, where.region);
        const placeholders = (0,placeholder_values/* placeholderValues */.m)(inputs, service.serviceName ?? name, git, where.region, undefined);
        const defined = await withServiceDefinition(inputs, service, placeholders, git.workspace);
        const plan = await (0,mechanisms/* planStrategy */.X)(clients, inputs.cluster, service, inputs.strategy, {
            circuitBreaker: defined.inputs.deploymentCircuitBreaker,
            workspace: git.workspace,
            given: inputs,
        });
        return { service, inputs: defined.inputs, plan };
    })));
    const reports = found.map(({ service, plan }) => ({
        cluster: inputs.cluster,
        service: service.serviceName ?? '',
        region: where.region,
        status: 'failed',
        reason: '',
        strategy: plan.description,
        notes: [],
    }));
    return { report: { services: found.map((f) => f.service), reports }, state: { found } };
}
async function compareAll(s) {
    const each = await s.ports.log.group('Drift', () => Promise.all(s.found.map((f) => drift_check_compare(s, f))));
    return { report: { each } };
}
/** One service's drift: its running revision against the rendered files, its settings against the inputs'. */
async function drift_check_compare({ git, where, clients, ports }, { service, inputs, plan }) {
    const name = service.serviceName ?? '';
    const revision = runningRevision(service);
    if (!revision)
        throw new errors/* UserError */.yo(`Service "${name}" has no task definition to compare with.`);
    const live = await (0,register/* describeTaskDefinition */.o)(clients.ecs, revision);
    // A build's image does not exist yet: the containers keep the images they run, unless an image is given.
    const image = inputs.build ? undefined : inputs.image;
    const images = runningImages(live.taskDefinition);
    const only = Object.values(images).length === 1 ? Object.values(images)[0] : undefined;
    const rendered = inputs.taskDefinitionArn
        ? (0,taskdef/* existingTaskDefinition */.Yd)((await pinnedRevision(clients.ecs, inputs.taskDefinitionArn, where.region)).taskDefinition, [])
        : await (0,taskdef/* renderTaskDefinition */.P9)({
            ...(inputs.taskDefinition !== undefined && { templatePath: inputs.taskDefinition }),
            current: live.taskDefinition,
            currentTags: live.tags,
            ...(image !== undefined ? { image } : { images }),
            containers: inputs.containers,
            environment: inputs.environmentVariables,
            secrets: inputs.secrets,
            placeholders: (0,placeholder_values/* placeholderValues */.m)(inputs, name, git, where.region, image ?? imageOf(inputs, images) ?? only),
        });
    const drift = [
        ...(0,compare/* taskDefinitionDifferences */.z)(rendered.request, live.taskDefinition).map(taskDefinitionDrift),
        ...[
            ...serviceChanges(service, inputs.desiredCount, inputs.deploymentCircuitBreaker, inputs.serviceSettings),
            ...plan.changes,
        ].map(serviceDrift),
    ];
    const running = (0,aws_arn/* taskDefinitionRevision */.MZ)(revision);
    const prefix = inputs.services.length > 1 ? `${name}: ` : '';
    ports.log.info(`${prefix}${drift.length ? `${drift.length} difference(s) from` : 'no drift from'} ${running}`);
    for (const d of drift)
        ports.log.info((0,report_text/* logSafe */.sN)(`  ${d.path}: live ${d.live}, repository ${d.repo}`));
    return {
        drift,
        taskDefinitionArn: revision,
        previousTaskDefinition: revision,
        status: drift.length ? 'failed' : 'succeeded',
        reason: drift.length
            ? `Drift: ${drift.length} difference(s) between the live service (${running}) and what the repository's files would deploy.`
            : `No drift: the live service (${running}) is as the repository's files would deploy it.`,
    };
}
/** ${IMAGE}: the image the container named by `container` runs. */
function imageOf(inputs, images) {
    const [named] = inputs.containers;
    return named === undefined ? undefined : images[named];
}

// EXTERNAL MODULE: ./src/report/drift-table.ts
var drift_table = __webpack_require__(9220);
// EXTERNAL MODULE: ./src/settings/inputs.ts + 2 modules
var settings_inputs = __webpack_require__(9303);
;// CONCATENATED MODULE: ./src/engine/standalone.ts











/** Checked before anything changes, as a deploy: the image (or the build's plan), the revision, the task's network. */
const ALONE = [
    { name: 'check', dryRun: 'run', run: checkAlone },
    { name: 'image', dryRun: 'run', phase: true, run: checkImage },
    { name: 'render', dryRun: 'run', run: renderAlone },
    { name: 'container', dryRun: 'run', when: (s) => !!s.inputs.runTask, run: checkContainer },
    { name: 'plan', dryRun: 'only', run: standalone_dryRunReport },
    { name: 'build', run: standalone_build },
    { name: 'register', run: registerAlone },
    { name: 'run-task', phase: true, when: (s) => !!s.inputs.runTask && !!s.container, run: standalone_runTask },
    { name: 'conclude', late: 'run', run: standalone_conclude },
];
/** Registers (or takes) the revision and runs the one-off task, without any service; see `runsAlone`. */
function runAlone(inputs, git, ports, where) {
    const clients = ports.aws(where.region, ports.deadline);
    const initial = {
        inputs,
        git,
        ports,
        where,
        clients,
        imageDeps: imageDepsOf(clients, git, ports, ports.deadline),
        ran: '',
    };
    return runSteps(ALONE, initial, {
        dryRun: inputs.dryRun,
        deadline: ports.deadline,
        phaseMs: inputs.timeoutMinutes * 60_000,
        log: ports.log,
    });
}
/** The inputs a run without a service needs (the template may come from the config file's environment). */
function checkAlone({ inputs, where }) {
    if (inputs.registerOnly && !inputs.taskDefinition) {
        throw new errors/* UserError */.yo('`mode: register-only` needs `task-definition`: the template to render and register (no service is read to start from).');
    }
    if (!inputs.taskDefinition && !inputs.taskDefinitionArn) {
        throw new errors/* UserError */.yo('Input `run-task` without a service needs `task-definition` (a template to register and run) or `task-definition-arn` (a revision to run).');
    }
    const report = {
        ...where,
        service: '',
        status: 'failed',
        reason: '',
        strategy: inputs.registerOnly ? 'register only' : 'one-off task',
        notes: [],
    };
    return { report: { reports: [report] } };
}
const renderWith = ({ inputs, git, where, pinned }, image) => pinned
    ? Promise.resolve((0,taskdef/* existingTaskDefinition */.Yd)(pinned.taskDefinition, pinned.tags))
    : (0,taskdef/* renderTaskDefinition */.P9)({
        templatePath: inputs.taskDefinition ?? '',
        ...(image !== undefined && { image }),
        containers: inputs.containers,
        environment: inputs.environmentVariables,
        secrets: inputs.secrets,
        placeholders: (0,placeholder_values/* placeholderValues */.m)(inputs, '', git, where.region, image),
    });
/** The task definition rendered and validated, and compared with its family's latest revision. */
async function renderAlone(s) {
    const { clients, ports, pinned } = s;
    const rendered = await ports.log.group('Task definition', () => renderWith(s, s.plannedImage));
    for (const note of rendered.notes)
        ports.log.info((0,report_text/* logSafe */.sN)(note));
    const family = rendered.request.family ?? '';
    const latest = pinned ?? (await (0,aws_errors/* unlessNotFound */.CA)((0,register/* describeTaskDefinition */.o)(clients.ecs, family)));
    const part = {
        service: family,
        notes: rendered.notes,
        containers: rendered.containers,
        rendered: rendered.request,
        changes: latest && !pinned ? (0,taskdef/* describeChanges */.DT)(rendered.request, latest.taskDefinition) : [],
    };
    return { report: { each: [part] }, state: { rendered, latest } };
}
function checkContainer({ inputs, rendered }) {
    const { request, containers } = rendered;
    return { state: { container: runContainer(inputs, request, containers) } };
}
function standalone_dryRunReport({ ports }, done) {
    const { service: family, changes = [] } = done.reports[0];
    for (const change of changes)
        ports.log.info((0,report_text/* logSafe */.sN)(`  ${change}`));
    const reason = `Dry run: ${changes.length ? `${changes.length} change(s)` : 'no change'} to ${family}; nothing was built, pushed, registered or run.`;
    return { report: { each: [{ status: 'planned', reason }] } };
}
async function standalone_build({ imagePlan, imageDeps, inputs }) {
    const built = imagePlan && (await (0,src_image/* carryOutImageBuild */.vS)(imagePlan, imageDeps));
    const image = built ? built.reference : inputs.image;
    return { report: { ...(built && { builtImage: built }), ...(image && { image }) }, state: { image } };
}
/** The revision registered (rendered again with the pushed digest), or `task-definition-arn`'s taken as it is. */
async function registerAlone(s, done) {
    const { clients, ports, pinned, latest, image, plannedImage } = s;
    const rendered = image !== plannedImage ? await renderWith(s, image) : s.rendered;
    const registered = pinned
        ? pinnedRegistration(pinned)
        : await ports.log.group('Register', () => (0,register/* registerIfChanged */.L)(clients.ecs, rendered.request, latest));
    const revision = `${registered.family}:${registered.revision}`;
    ports.log.info(pinned
        ? `running ${revision} as it is (task-definition-arn)`
        : registered.registered
            ? `registered ${revision}`
            : `no change to register: ${revision} already has this content`);
    for (const change of done.reports[0]?.changes ?? [])
        ports.log.info((0,report_text/* logSafe */.sN)(`  ${change}`));
    return {
        report: { each: [{ taskDefinitionArn: registered.arn, registered: registered.registered }] },
        state: { rendered, registered },
    };
}
async function standalone_runTask(s) {
    const { clients, inputs, ports, registered, rendered, container } = s;
    const { clock, signal, log } = ports;
    const command = commandArguments(inputs.runTask ?? '');
    const runTaskArns = await log.group('One-off task', () => runOneOffTask({
        ecs: clients.ecs,
        logsIn: (region) => clients.logsIn(region),
        cluster: inputs.cluster,
        taskDefinitionArn: registered?.arn ?? '',
        containers: rendered?.request.containerDefinitions ?? [],
        container: container ?? '',
        command,
        ...(inputs.runTaskOptions && { options: inputs.runTaskOptions }),
        timeoutMs: inputs.timeoutMinutes * 60_000,
        clock,
        signal,
        log: log.info,
        logLines: inputs.logLines,
    }));
    return { report: { each: [{ runTaskArns }] }, state: { ran: `; the one-off task (${command.join(' ')}) exited 0` } };
}
function standalone_conclude({ inputs, registered, ran }) {
    const revision = `${registered?.family}:${registered?.revision}`;
    const reason = inputs.registerOnly
        ? `Registered ${revision}, not deployed (register-only)${ran}.`
        : `Ran ${revision} on its own${ran}.`;
    return { report: { each: [{ status: 'succeeded', reason }] } };
}
/**
 * The container the one-off task runs in, checked now; and for an awsvpc task definition with no service to borrow
 * a network from, the subnets it needs.
 */
function runContainer(inputs, request, withImage) {
    const names = (request.containerDefinitions ?? []).map((c) => c.name ?? '');
    const container = inputs.runTaskContainer ?? withImage[0] ?? names[0] ?? '';
    if (!names.includes(container)) {
        throw new errors/* UserError */.yo(`Config key \`run-task.container\` "${container}" is not a container of the task definition (${names.join(', ')}).`);
    }
    if (request.networkMode === 'awsvpc' && !inputs.runTaskOptions?.subnets?.length) {
        throw new errors/* UserError */.yo(`Config key \`run-task.subnets\` is needed to run the one-off task without a service: task definition ${request.family} uses the awsvpc network mode, so the task needs its subnets (and \`run-task.security-groups\`).`);
    }
    return container;
}

;// CONCATENATED MODULE: ./src/engine/carry-out.ts









/** Removes the pull request's previews of every service of the environment; returns what went. */
async function destroyPreviews(ports, inputs, region, preview) {
    const clients = ports.aws(region);
    const removed = [];
    for (const service of inputs.services) {
        const serviceName = (0,names/* previewServiceName */.j3)(service, preview.pr);
        const lines = await destroyPreview({
            ecs: clients.ecs,
            elbv2: clients.elbv2,
            cluster: inputs.cluster,
            serviceName,
            pr: preview.pr,
        });
        removed.push(...(lines.length ? lines : [`${serviceName}: nothing left to remove`]));
    }
    return removed;
}
/**
 * Carries out the plan and returns how it ended, with the services' reports and the image the pipeline returned, also
 * when the pipeline failed part-way (`thrown`). GitHub deployment statuses and the preview comment follow it; a drift
 * check on a pull request (`pullRequest`, its number) comments its drift table there.
 */
async function carryOut(plan, git, ports, report, pullRequest) {
    const { clock, log, github: octokit } = ports;
    const warn = (message) => log.warning(message);
    if (plan.kind === 'skip') {
        return { status: 'skipped', reason: `Nothing to deploy: ${plan.reason}.` };
    }
    if (plan.kind === 'sweep') {
        if (!octokit)
            throw new errors/* UserError */.yo('Input `preview: sweep` needs `github-token` to tell which pull requests are closed.');
        const clients = ports.aws(report.region);
        const swept = await sweepPreviews({
            ecs: clients.ecs,
            elbv2: clients.elbv2,
            octokit,
            git,
            cluster: plan.cluster,
            ttl: plan.previews.ttl,
            ttlMs: plan.previews.ttlMs,
            now: new Date(clock.now()),
            warn,
        });
        for (const s of swept)
            await markPreviewRemoved(octokit, git, s.pr, { ref: git.refName, sha: git.sha }, warn);
        return {
            status: 'succeeded',
            reason: `Swept ${swept.length} preview(s).`,
            removed: swept.map((s) => `${s.serviceName}: ${s.reason}`),
        };
    }
    const { inputs, environment, preview } = plan;
    if (plan.reason)
        log.info(environment ? `Environment ${environment.name}: ${plan.reason}` : `No environment: ${plan.reason}`);
    if (inputs.mode === 'drift')
        return drift(plan.inputs, git, ports, report, pullRequest);
    const tracker = environment && octokit && preview?.action !== 'destroy' && !inputs.dryRun
        ? createDeploymentTracker(octokit, git, {
            environment: environment.name,
            ref: preview ? preview.headSha : git.refName,
            sha: preview?.headSha || git.sha,
            description: `${inputs.services.join(', ')} to ${inputs.cluster}`,
            transient: !!preview,
            production: !!environment.production,
            ...(report.runUrl && { logUrl: report.runUrl }),
            // A preview's deployment is this action's own; an environment's job on the runner may have the runner's.
            ...(!preview && git.runId && { adoptJobDeployment: { runId: git.runId } }),
        }, warn)
        : undefined;
    if (preview?.action === 'destroy') {
        const removed = await destroyPreviews(ports, inputs, report.region, preview);
        if (octokit) {
            await markPreviewRemoved(octokit, git, preview.pr, { ref: preview.headSha, sha: preview.headSha }, warn);
            for (const service of inputs.services)
                await comment(octokit, git, preview, (0,names/* previewServiceName */.j3)(service, preview.pr), 'destroyed', clock, report, warn);
        }
        return { status: 'succeeded', reason: `The previews of pull request #${preview.pr} are removed.`, removed };
    }
    await tracker?.inProgress();
    // Until the services say otherwise (a throw part-way leaves it so).
    let status = 'failed';
    let environmentUrl;
    let reports = [];
    try {
        const { result, thrown } = (0,settings_inputs/* runsAlone */.Gx)(inputs)
            ? await runAlone(inputs, git, ports, report)
            : await deploy(inputs, git, ports, report, preview, plan.promotion);
        reports = result.reports;
        if (thrown)
            return { status, reason: '', ...pipelineReport(result), thrown };
        status = (0,run_report.overallStatus)(reports.map((s) => s.status));
        environmentUrl =
            environment?.url ??
                reports.find((s) => s.url)?.url ??
                (await loadBalancerUrl(ports, report.region, result.services[0]));
        return { status, reason: '', ...(environmentUrl && { environmentUrl }), ...pipelineReport(result) };
    }
    finally {
        if (status === 'succeeded')
            await tracker?.success(environmentUrl);
        // A paused deployment stays in progress on GitHub: the run that continues it says how it ended.
        else if (status !== 'paused')
            await tracker?.failure(report.runUrl, failureDescription(reports));
        // Comments are best effort: after the deadline they are skipped, not attempted.
        if (preview && octokit && !inputs.dryRun && ports.deadline.passed())
            log.info("The pull request's preview comment was skipped: the run's deadline had passed.");
        else if (preview && octokit && !inputs.dryRun) {
            for (const s of reports)
                await comment(octokit, git, preview, s.service, s.status === 'succeeded' ? 'deployed' : 'failed', clock, report, warn, s.url);
        }
    }
}
/**
 * `mode: drift`: the drift of every service; on a pull request, each one's drift table as its comment there. A service
 * without drift gets no new comment, only its earlier one updated (the drift it reported is gone).
 */
async function drift(inputs, git, ports, report, pullRequest) {
    const { result, thrown } = await checkDrift(inputs, git, ports, report);
    if (thrown)
        return { status: 'failed', reason: '', ...pipelineReport(result), thrown };
    const { github: octokit, log } = ports;
    if (pullRequest !== undefined && octokit && ports.deadline.passed())
        log.info("The pull request's drift comment was skipped: the run's deadline had passed.");
    else if (pullRequest !== undefined && octokit)
        for (const s of result.reports) {
            const body = (0,drift_table/* driftComment */.N)(s, git, report.runUrl);
            const what = { kind: 'drift', pr: pullRequest, service: s.service, body, updateOnly: !s.drift?.length };
            await upsertComment(octokit, git, what, (message) => log.warning(message));
        }
    return { status: (0,run_report.overallStatus)(result.reports.map((s) => s.status)), reason: '', ...pipelineReport(result) };
}
/**
 * Which services ended how, never why: a reason may quote an answer or a command's output, and anyone who can read
 * the repository reads a deployment status, unmasked.
 */
function failureDescription(reports) {
    const failed = reports.filter((s) => (0,run_report.isFailure)(s.status));
    return failed.length
        ? `${failed.map((s) => `${s.service} ${s.status}`).join(', ')}; the run's log says why`
        : undefined;
}
/** The report's part that the pipeline did (done or, after a failure, done so far). */
function pipelineReport(result) {
    return {
        services: result.reports,
        ...(result.image && { image: result.image }),
        ...(result.builtImage && { builtImage: result.builtImage }),
        ...(result.promotedFrom && { promotedFrom: result.promotedFrom }),
    };
}
/** The load balancer address a service answers on, if it has one (and the deadline has not passed); never fails the deploy. */
async function loadBalancerUrl(ports, region, service) {
    if (!service?.loadBalancers?.length || ports.deadline.passed())
        return undefined;
    return environmentUrl(ports.aws(region).elbv2, service).catch(() => undefined);
}
async function comment(octokit, git, preview, service, status, clock, report, warn, url) {
    const body = previewComment({
        service,
        status,
        sha: preview.headSha,
        time: new Date(clock.now()),
        ...(url && { url }),
        ...(report.runUrl && { runUrl: report.runUrl }),
    }, git);
    await upsertPreviewComment(octokit, git, { pr: preview.pr, service, body }, warn);
}
/** Marks the pull request's preview environment inactive on GitHub: its services are gone. */
function markPreviewRemoved(octokit, git, pr, commit, warn) {
    const deployment = {
        environment: `pr-${pr}`,
        ...commit,
        description: 'preview removed',
        transient: true,
        production: false,
    };
    return createDeploymentTracker(octokit, git, deployment, warn).inactive();
}


/***/ }),

/***/ 576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ httpFetch)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7856);
// `fetch` over node:http(s), for the GitHub API client and the verify checks: Node's own fetch ignores HTTPS_PROXY and
// NO_PROXY (a proxy needs undici's dispatcher, which is not bundled), this one goes through the proxy they name. The
// caller's signal (the run's deadline) aborts the request and the reading of its answer.



const MAX_REDIRECTS = 5;
const NULL_BODY = new Set([101, 204, 205, 304]);
/** The answer to `url` as a standard Response, redirects followed (unless `redirect: 'manual'`). */
async function httpFetch(input, init = {}) {
    let url = new URL(String(input));
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body ?? undefined;
    for (let redirects = 0;; redirects++) {
        const answer = await send(url, method, init.headers, body, init.signal ?? undefined);
        const location = answer.headers.location;
        const status = answer.statusCode ?? 0;
        if (status < 300 || status > 399 || !location || init.redirect === 'manual')
            return response(answer, url, await read(answer, init.signal ?? undefined));
        answer.resume();
        if (init.redirect === 'error' || redirects >= MAX_REDIRECTS)
            throw new TypeError(`fetch ${url.href}: redirected ${redirects >= MAX_REDIRECTS ? 'too often' : ''}`.trim());
        url = new URL(location, url);
        // As fetch does: 303 (and 301/302 of a POST) continue as GET without a body.
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
        }
    }
}
async function send(url, method, headers, body, signal) {
    const agent = await (0,_proxy_js__WEBPACK_IMPORTED_MODULE_2__/* .proxyAgentFor */ .H2)(url);
    const request = url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
    const head = Object.fromEntries(new Headers(headers).entries());
    return new Promise((resolve, reject) => {
        // Without a proxy, a connection of its own (agent: false): nothing idle is left to hold the process.
        const req = request(url, { method, headers: head, agent: agent ?? false, ...(signal && { signal }) }, resolve);
        req.on('error', reject);
        req.end(body);
    });
}
function read(answer, signal) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        const abort = () => {
            answer.destroy();
            reject(signal?.reason ?? new Error('aborted'));
        };
        if (signal?.aborted)
            return abort();
        signal?.addEventListener('abort', abort, { once: true });
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.on('error', reject);
        answer.on('end', () => {
            signal?.removeEventListener('abort', abort);
            resolve(Buffer.concat(chunks));
        });
    });
}
function response(answer, url, body) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers))
        for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, one);
    const status = answer.statusCode ?? 500;
    const result = new Response(NULL_BODY.has(status) ? null : body, {
        status,
        statusText: answer.statusMessage ?? '',
        headers,
    });
    Object.defineProperty(result, 'url', { value: url.href });
    return result;
}


/***/ }),

/***/ 9144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ shortName),
/* harmony export */   IT: () => (/* binding */ targetGroupName),
/* harmony export */   Po: () => (/* binding */ isPreviewFamily),
/* harmony export */   XO: () => (/* binding */ previewPathPatterns),
/* harmony export */   bc: () => (/* binding */ previewFamily),
/* harmony export */   j3: () => (/* binding */ previewServiceName),
/* harmony export */   pE: () => (/* binding */ previewHost)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_arn_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1626);


const ECS_NAME_MAX = 255;
const TARGET_GROUP_NAME_MAX = 32;
/** The last part of a name or ARN (`arn:…:service/dev/web` → `web`). */
function shortName(nameOrArn) {
    return (0,_aws_arn_js__WEBPACK_IMPORTED_MODULE_1__/* .resourceName */ .Iy)(nameOrArn);
}
/** `<name>-pr-<N>`, kept to ECS's rules for service and family names: 255 letters, digits, - and _. */
function withPrSuffix(name, pr) {
    const suffix = `-pr-${pr}`;
    return (shortName(name)
        .replace(/[^A-Za-z0-9_-]/g, '-')
        .slice(0, ECS_NAME_MAX - suffix.length) + suffix);
}
/** The preview's ECS service name: `<service>-pr-<N>`. */
function previewServiceName(service, pr) {
    return withPrSuffix(service, pr);
}
/** A task definition family of the preview's own, so its revisions never mix with the base environment's. */
function previewFamily(family, pr) {
    return withPrSuffix(family, pr);
}
/** Whether a family is the preview family of pull request `pr` (and so may be deregistered with it). */
function isPreviewFamily(family, pr) {
    return family.endsWith(`-pr-${pr}`);
}
/**
 * The preview's target group name: ELB allows 32 characters, so `pr-<N>-<hash>`, where the hash of cluster
 * and service keeps two services' previews of one pull request apart, and is the same on every run.
 */
function targetGroupName(cluster, serviceName, pr) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`${shortName(cluster)}/${serviceName}`)
        .digest('hex');
    const prefix = `pr-${pr}-`;
    return prefix + hash.slice(0, Math.min(8, TARGET_GROUP_NAME_MAX - prefix.length));
}
function previewHost(pr, domain) {
    return `pr-${pr}.${domain}`;
}
function previewPathPatterns(pr) {
    return [`/pr-${pr}`, `/pr-${pr}/*`];
}


/***/ }),

/***/ 3039:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ placeholderValues)
/* harmony export */ });
/** Values a template's ${PLACEHOLDERS} can use. */
function placeholderValues(inputs, service, git, region, image) {
    return {
        GITHUB_SHA: git.sha,
        SHORT_SHA: git.shortSha,
        COMMIT_HASH: git.sha,
        REF_NAME: git.refName,
        GITHUB_REF_NAME: git.refName,
        RUN_NUMBER: git.runNumber,
        GITHUB_RUN_NUMBER: git.runNumber,
        RUN_ID: git.runId,
        REPOSITORY: git.repository,
        CLUSTER: inputs.cluster,
        SERVICE: service,
        AWS_REGION: region,
        ENVIRONMENT: inputs.environment ?? '',
        ...(image !== undefined && { IMAGE: image }),
        ...inputs.vars,
    };
}


/***/ })

};

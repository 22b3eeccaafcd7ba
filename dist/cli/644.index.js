export const id = 644;
export const ids = [644,261];
export const modules = {

/***/ 3644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ execCommand)
/* harmony export */ });
/* unused harmony export KILL_AFTER_MS */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(673);
// Every external command (docker, verify-command) runs here: an argument array, never a shell, in a process group of
// its own, so the run's deadline can stop it and everything it started.


/** How long a stopped command's process group has between SIGTERM and SIGKILL. */
const KILL_AFTER_MS = 2_000;
/**
 * Runs a command with an argument array (no shell) and returns its exit code and output; never throws on a non-zero
 * exit. A command that cannot be started throws `Unable to locate executable file: <command>`.
 */
function execCommand(command, args, options = {}) {
    return (0,_deadline_js__WEBPACK_IMPORTED_MODULE_1__/* .waitingFor */ .Fz)(`${command} ${args[0] ?? ''}`.trim(), () => run(command, args, options));
}
function run(command, args, options) {
    const show = options.silent ? undefined : options.log;
    show?.info(`[command]${command} ${args.join(' ')}`);
    const onLine = show || options.onLine ? (line) => (show?.info(line), options.onLine?.(line)) : undefined;
    return new Promise((resolve, reject) => {
        if (options.signal?.aborted)
            return resolve({ exitCode: 1, stdout: '', stderr: '', stopped: true });
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, {
            ...(options.cwd !== undefined && { cwd: options.cwd }),
            env: { ...process.env, ...options.env },
            stdio: ['pipe', 'pipe', 'pipe'],
            // Its own process group: the whole group is stopped, so nothing it started outlives the run.
            detached: true,
        });
        let stdout = '';
        let stderr = '';
        let stopped = false;
        let killTimer;
        const kill = (signal) => {
            try {
                if (child.pid !== undefined)
                    process.kill(-child.pid, signal);
            }
            catch {
                // The group is gone already.
            }
        };
        const stop = () => {
            stopped = true;
            kill('SIGTERM');
            killTimer = setTimeout(() => kill('SIGKILL'), KILL_AFTER_MS);
        };
        options.signal?.addEventListener('abort', stop, { once: true });
        const partial = { stdout: '', stderr: '' };
        const lines = (stream) => (data) => {
            const text = data.toString();
            if (stream === 'stdout')
                stdout += text;
            else
                stderr += text;
            if (!onLine)
                return;
            const parts = (partial[stream] + text).split(/\r?\n/);
            partial[stream] = parts.pop() ?? '';
            parts.forEach(onLine);
        };
        child.stdout.on('data', lines('stdout'));
        child.stderr.on('data', lines('stderr'));
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
        child.on('error', (error) => {
            options.signal?.removeEventListener('abort', stop);
            reject(error.code === 'ENOENT' ? new Error(`Unable to locate executable file: ${command}`) : error);
        });
        child.on('close', (code, signal) => {
            clearTimeout(killTimer);
            options.signal?.removeEventListener('abort', stop);
            // The group may hold a process that ignored SIGTERM and outlived its leader.
            if (stopped)
                kill('SIGKILL');
            for (const rest of [partial.stdout, partial.stderr])
                if (rest)
                    onLine?.(rest);
            resolve({
                exitCode: code ?? (signal ? 128 + (signalNumber(signal) ?? 0) : 1),
                stdout,
                stderr,
                ...(stopped && { stopped: true }),
            });
        });
    });
}
function signalNumber(signal) {
    return { SIGTERM: 15, SIGKILL: 9, SIGINT: 2 }[signal];
}


/***/ }),

/***/ 9644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  carryOut: () => (/* binding */ carryOut),
  doneSoFar: () => (/* binding */ doneSoFar),
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

;// CONCATENATED MODULE: ./src/report/markdown.ts
/** A Markdown table cell: pipes escaped, newlines folded, so a message cannot break the table. */
function markdown_escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
/** A two-column name/value table whose first pair is its header row (GitHub shows it bold), so no row is empty. */
function markdown_keyValueTable(rows) {
    const row = ([k, v]) => `| ${k} | ${markdown_escapeCell(v)} |`;
    const [header, ...body] = rows;
    return header ? [row(header), '| --- | --- |', ...body.map(row)].join('\n') : '';
}

;// CONCATENATED MODULE: ./src/github/comment.ts


const HEADING = {
    deploying: '⏳ Deploying the preview of',
    deployed: '🚀 Preview of',
    failed: '❌ The preview failed for',
    destroyed: '🧹 Removed the preview of',
};
/** The hidden line that lets a later run find and update this service's comment. */
function previewCommentMarker(service) {
    return `<!-- ecs-deploy-action:preview:${service} -->`;
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
        markdown_keyValueTable(rows),
        ...(facts.detail ? ['', facts.detail] : []),
    ].join('\n');
}
/**
 * Writes this service's preview comment on the pull request: updates the comment holding its marker that the token's
 * identity wrote, or adds one. Without permission it warns and returns undefined.
 */
async function upsertPreviewComment(octokit, git, comment, warn) {
    const repo = ownerRepo(git);
    const marker = previewCommentMarker(comment.service);
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
        const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: comment.pr, body });
        return { id: data.id, created: true };
    }
    catch (error) {
        const fix = isPermissionError(error)
            ? ' Give the job `permissions: pull-requests: write` to get the preview URL as a comment.'
            : ' The deploy itself is not affected.';
        warn(`Could not write the preview comment on pull request #${comment.pr}: ${describeGitHubError(error)}.${fix}`);
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
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var dist_cjs = __webpack_require__(303);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/logs.ts
// The CloudWatch Logs call the action makes: reading a container's log stream (in the region its awslogs-region names).


/** Log lines of a stream without their trailing newline: the last `limit` ones, or from the start (or `token`) on. */
async function getLogEvents(logs, where, read) {
    const position = 'limit' in read
        ? { limit: read.limit, startFromHead: false }
        : { startFromHead: true, ...(read.token && { nextToken: read.token }) };
    const response = await (0,aws_errors/* awsCall */.uF)('logs:GetLogEvents', () => logs.send(new dist_cjs/* GetLogEventsCommand */.h7S({ logGroupName: where.group, logStreamName: where.stream, ...position })), { missing: { ResourceNotFoundException: 'log stream' } });
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

// EXTERNAL MODULE: ./src/aws/ecs.ts
var aws_ecs = __webpack_require__(1032);
// EXTERNAL MODULE: ./src/taskdef/render.ts + 3 modules
var taskdef_render = __webpack_require__(4362);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/taskdef/clean.ts
var clean = __webpack_require__(3497);
// EXTERNAL MODULE: ./src/taskdef/validate.ts
var validate = __webpack_require__(8516);
// EXTERNAL MODULE: ./src/taskdef/values.ts
var values = __webpack_require__(64);
;// CONCATENATED MODULE: ./src/taskdef/compare.ts




const SECRET_LOOKING = /PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL/i;
/**
 * True when registering `request` would produce the same content as `current`: read-only keys, key and
 * list order, empty values and the defaults ECS fills in do not count. Tags count when `currentTags` is given.
 */
function sameTaskDefinition(request, current, currentTags) {
    return ((0,external_node_util_.isDeepStrictEqual)(comparable(request), comparable(current)) &&
        (currentTags === undefined || (0,external_node_util_.isDeepStrictEqual)(compact(request.tags), compact(currentTags))));
}
/**
 * What registering `request` would change compared with `current`, one line each, such as
 * `containerDefinitions[web].image: a → b`. Values of secret-looking environment variables are not shown.
 */
function describeChanges(request, current) {
    const changes = [];
    collectChanges(comparable(current), comparable(request), '', false, changes);
    return changes;
}
function comparable(definition) {
    const { definition: kept } = (0,clean/* withoutReadOnlyKeys */.d)((0,validate/* withStringSizes */.s6)(definition));
    const { tags: _tags, enableFaultInjection, containerDefinitions, ...rest } = kept;
    return compact({
        ...rest,
        // false is the default, which DescribeTaskDefinition may or may not show.
        enableFaultInjection: enableFaultInjection || undefined,
        containerDefinitions: containerDefinitions?.map((container) => withDefaults(container, rest.networkMode === 'awsvpc' || rest.networkMode === 'host')),
    });
}
/** The container as DescribeTaskDefinition returns it: ECS fills these in when they are left out. */
function withDefaults(container, hostPortIsContainerPort) {
    return {
        ...container,
        essential: container.essential ?? true,
        cpu: container.cpu ?? 0,
        portMappings: container.portMappings?.map((mapping) => ({
            ...mapping,
            protocol: mapping.protocol ?? 'tcp',
            hostPort: mapping.hostPort ?? (hostPortIsContainerPort ? mapping.containerPort : undefined),
        })),
        healthCheck: container.healthCheck && { interval: 30, timeout: 5, retries: 3, ...container.healthCheck },
    };
}
/** `value` without null, undefined, empty lists and empty objects; lists of named items (or tags) sorted by name. */
function compact(value) {
    if (Array.isArray(value)) {
        // Array.from makes a list of this realm: isDeepStrictEqual compares prototypes, and clones may come from another.
        const items = Array.from(value, compact).filter((item) => item !== undefined);
        if (!items.length)
            return undefined;
        return uniquelyNamed(items) ? items.sort((a, b) => itemName(a).localeCompare(itemName(b))) : items;
    }
    if ((0,values/* isPlainObject */.Q)(value)) {
        const entries = Object.entries(value)
            .map(([key, item]) => [key, compact(item)])
            .filter(([, item]) => item !== undefined);
        return entries.length ? Object.fromEntries(entries) : undefined;
    }
    return value ?? undefined;
}
function collectChanges(before, after, path, masked, changes) {
    if ((0,external_node_util_.isDeepStrictEqual)(before, after))
        return;
    if ((0,values/* isPlainObject */.Q)(before) && (0,values/* isPlainObject */.Q)(after)) {
        for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) {
            collectChanges(before[key], after[key], path ? `${path}.${key}` : key, masked, changes);
        }
        return;
    }
    if (Array.isArray(before) || Array.isArray(after)) {
        const [beforeItems, afterItems] = [before ?? [], after ?? []];
        if (Array.isArray(beforeItems) && Array.isArray(afterItems)) {
            const environment = path.endsWith('.environment');
            if (uniquelyNamed(beforeItems) && uniquelyNamed(afterItems)) {
                const beforeByName = new Map(beforeItems.map((item) => [itemName(item), item]));
                const afterByName = new Map(afterItems.map((item) => [itemName(item), item]));
                for (const name of new Set([...afterByName.keys(), ...beforeByName.keys()])) {
                    const [was, is] = [beforeByName.get(name), afterByName.get(name)];
                    const at = `${path}[${name}]`;
                    if (was === undefined || is === undefined)
                        changes.push(`${at}: ${was === undefined ? 'added' : 'removed'}`);
                    // Secrets are shown by name only; environment variables whose name looks secret likewise.
                    else
                        collectChanges(was, is, at, masked || path.endsWith('.secrets') || (environment && SECRET_LOOKING.test(name)), changes);
                }
                return;
            }
            // Without unique names, secret-looking variables cannot be picked out: say only that something changed.
            if (environment) {
                changes.push(`${path}: (changed)`);
                return;
            }
            if (beforeItems.length === afterItems.length) {
                beforeItems.forEach((item, index) => collectChanges(item, afterItems[index], `${path}[${index}]`, masked, changes));
                return;
            }
        }
    }
    changes.push(masked ? `${path}: (changed)` : `${path}: ${shown(before)} → ${shown(after)}`);
}
/** Whether every item has a name (`name`, or `key` for tags) and no two share one. */
function uniquelyNamed(items) {
    const names = items.map(itemName);
    return names.every((name) => name !== '') && new Set(names).size === names.length;
}
function itemName(item) {
    if (!(0,values/* isPlainObject */.Q)(item))
        return '';
    const name = item.name ?? item.key;
    return typeof name === 'string' ? name : '';
}
function shown(value) {
    if (value === undefined)
        return '(none)';
    return typeof value === 'string' ? value : JSON.stringify(value);
}

// EXTERNAL MODULE: ./src/taskdef/rules.ts + 1 modules
var rules = __webpack_require__(4943);
;// CONCATENATED MODULE: ./src/taskdef/existing.ts



/** The revision as a request (what it was registered with), checked against ECS's rules; it gets no image. */
function existingTaskDefinition(taskDefinition, tags) {
    const source = `task definition ${taskDefinition.family}:${taskDefinition.revision}`;
    const { definition } = (0,clean/* withoutReadOnlyKeys */.d)({ ...taskDefinition, ...(tags.length && { tags }) });
    const request = (0,validate/* checkedRequest */.lr)(definition, source);
    (0,rules/* checkEcsRules */.pl)(request, source);
    return { request, containers: [], notes: [] };
}

;// CONCATENATED MODULE: ./src/taskdef/index.ts




;// CONCATENATED MODULE: ./src/deploy/register.ts



async function describeTaskDefinition(ecs, taskDefinition) {
    const response = await aws_ecs/* describeTaskDefinition */.oh(ecs, taskDefinition);
    if (!response.taskDefinition)
        throw new Error(`ecs:DescribeTaskDefinition returned nothing for ${taskDefinition}`);
    return { taskDefinition: response.taskDefinition, tags: response.tags ?? [] };
}
/** The family's newest revision, or undefined when the family has none yet. */
async function latestRevision(ecs, family) {
    return (0,aws_errors/* unlessNotFound */.CA)(describeTaskDefinition(ecs, family));
}
function toRegistered(taskDefinition, registered) {
    return {
        arn: taskDefinition.taskDefinitionArn ?? '',
        family: taskDefinition.family ?? '',
        revision: taskDefinition.revision ?? 0,
        registered,
    };
}
/**
 * Registers `request` unless the service's current revision or the family's newest one already has the
 * same content, so re-running a job for the same commit registers nothing.
 */
async function registerIfChanged(ecs, request, current) {
    if (current && sameTaskDefinition(request, current.taskDefinition, current.tags)) {
        return toRegistered(current.taskDefinition, false);
    }
    const latest = request.family ? await latestRevision(ecs, request.family) : undefined;
    if (latest && latest.taskDefinition.taskDefinitionArn !== current?.taskDefinition.taskDefinitionArn) {
        if (sameTaskDefinition(request, latest.taskDefinition, latest.tags))
            return toRegistered(latest.taskDefinition, false);
    }
    const registered = await aws_ecs/* registerTaskDefinition */.eQ(ecs, request);
    if (!registered)
        throw new Error('ecs:RegisterTaskDefinition returned no task definition');
    return toRegistered(registered, true);
}

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

// EXTERNAL MODULE: ./src/deploy/clock.ts
var deploy_clock = __webpack_require__(3941);
// EXTERNAL MODULE: ./src/deploy/tasks.ts
var tasks = __webpack_require__(4909);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
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
        throw new errors/* UserError */.yo(`Input \`${input}\` as JSON must be an array of strings, like ["npm", "run", "migrate"].`);
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
        throw new errors/* UserError */.yo(`Input \`run-task-container\` "${t.container}" is not a container of the task definition (${t.containers.map((c) => c.name).join(', ')}).`);
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

// EXTERNAL MODULE: ./src/deploy/service.ts
var deploy_service = __webpack_require__(3432);
;// CONCATENATED MODULE: ./src/deploy/pinned.ts



/** The revision `task-definition-arn` names; a UserError when it does not exist or is not ACTIVE. */
async function pinnedRevision(ecs, arn, region) {
    let described;
    try {
        described = await describeTaskDefinition(ecs, arn);
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
function parseExpectation(text, input = 'verify-expect') {
    const value = text.trim();
    if (value === '')
        return ANY_SUCCESS;
    if (/^\d+$/.test(value)) {
        const status = Number(value);
        if (status < 100 || status > 599)
            throw new errors/* UserError */.yo(`Input \`${input}\`: ${value} is not an HTTP status code (100 to 599).`);
        return { kind: 'status', status };
    }
    const regex = /^\/(.+)\/([a-z]*)$/s.exec(value);
    if (regex) {
        try {
            return { kind: 'regex', pattern: new RegExp(regex[1] ?? '', regex[2]) };
        }
        catch (error) {
            throw new errors/* UserError */.yo(`Input \`${input}\`: ${value} is not a valid regular expression (${error.message}). Write it as /pattern/flags.`);
        }
    }
    if (value.startsWith('$.') || value.startsWith('$[')) {
        const json = JSON_PATH.exec(value);
        if (!json || !json[1])
            throw new errors/* UserError */.yo(`Input \`${input}\`: "${value}" is not a JSON path check. Write it as \`$.field.sub[0] == value\`.`);
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



const INPUT = 'verify-command';
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
            ? `Input \`${INPUT}\`: \${${name}} is in the script of \`${args.slice(0, i).join(' ')}\`, where a filled-in value would run as code. Write "$${name}" instead: the command gets every placeholder as an environment variable, which the shell reads.`
            : `Input \`${INPUT}\`: \${${name}} in argument ${i + 1}: placeholders are not filled into the command, it gets them as environment variables. Read $${name} in the command, or through a shell: bash -c '… "$${name}" …'.`);
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
    return new errors/* UserError */.yo(`Input \`${input}\`: "${template}": ${why}. A filled-in value never changes a URL's scheme, host or port: write them in the URL (https://\${REF_NAME}.preview.example.com/…), or give the whole origin with one of \`vars\` (\${LB}/health).`);
}
/** `url` parsed; a malformed one is a UserError naming the input. */
function parsedUrl(url, input) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new errors/* UserError */.yo(`Input \`${input}\`: "${url}" is not a URL. Write an absolute http:// or https:// URL.`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new errors/* UserError */.yo(`Input \`${input}\`: "${url}" is not an http:// or https:// URL.`);
    if (parsed.username || parsed.password)
        throw new errors/* UserError */.yo(`Input \`${input}\`: a URL must not carry credentials (they would show in the log); send them with \`verify-headers\` (Authorization: …).`);
    return parsed;
}

;// CONCATENATED MODULE: ./src/verify/plan.ts
// The release check as the inputs describe it, settled before anything changes: URLs with their placeholders filled and
// checked, the expectation parsed, headers split. A mistake here is the user's, named by its input.





/**
 * The plan for one service, its placeholders filled from `values` (`own`: the names the workflow set itself, `vars`);
 * a malformed URL or expectation throws a UserError.
 */
function planVerification(inputs, values, own = new Set()) {
    const urls = (input, list) => list.map((raw) => fillUrl(raw, values, own, input).href);
    return {
        urls: urls('verify-url', inputs.urls),
        testUrls: urls('verify-test-url', inputs.testUrls),
        expectation: parseExpectation((0,placeholders/* fillTextPlaceholders */.rD)(inputs.expect ?? '', values, 'verify-expect')),
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
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/image/args.ts
var image_args = __webpack_require__(8636);
// EXTERNAL MODULE: ./src/image/build-secrets.ts
var build_secrets = __webpack_require__(1341);
;// CONCATENATED MODULE: ./src/image/digest.ts
const PUSHED = /digest: (sha256:[a-f0-9]{64}) size: (\d+)/g;
/**
 * The digest `docker push` reports on its last line (`main: digest: sha256:… size: 528`).
 * `size` there is the manifest's size in bytes, not the image's.
 */
function parsePushOutput(output) {
    const matches = [...output.matchAll(PUSHED)];
    const last = matches.at(-1);
    if (!last?.[1] || !last[2])
        return undefined;
    return { digest: last[1], manifestSize: Number(last[2]) };
}
/** The pushed digest from the file `docker buildx build --metadata-file` writes (`containerimage.digest`). */
function parseMetadataFile(text) {
    let metadata;
    try {
        metadata = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (typeof metadata !== 'object' || metadata === null)
        return undefined;
    const record = metadata;
    const descriptor = record['containerimage.descriptor'];
    const digest = record['containerimage.digest'] ?? descriptor?.digest;
    return typeof digest === 'string' && /^sha256:[a-f0-9]{64}$/.test(digest) ? digest : undefined;
}

// EXTERNAL MODULE: ./src/image/diagnose.ts
var diagnose = __webpack_require__(3825);
// EXTERNAL MODULE: ./src/image/docker.ts
var docker = __webpack_require__(9261);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(8249);
;// CONCATENATED MODULE: ./src/aws/ecr.ts
// The ECR calls the action makes, each named by the IAM action it needs and the registry (`on`) it asks;
// failures are explained (errors.ts), and a missing repository or image is a NotFound.


const REPOSITORY = { RepositoryNotFoundException: 'repository' };
const registryOf = (r) => (r.registryId !== undefined ? { registryId: r.registryId } : {});
async function getAuthorizationToken(registry) {
    const input = registry.registryId !== undefined ? { registryIds: [registry.registryId] } : {};
    const response = await (0,aws_errors/* awsCall */.uF)('ecr:GetAuthorizationToken', () => registry.client.send(new client_ecr_dist_cjs/* GetAuthorizationTokenCommand */.Eu6(input)), { on: registry.label });
    return response.authorizationData?.[0];
}
/** The repository; a NotFound('repository') when there is none by that name. */
async function describeRepository(registry, repositoryName) {
    const found = await (0,aws_errors/* awsCall */.uF)('ecr:DescribeRepositories', () => registry.client.send(new client_ecr_dist_cjs/* DescribeRepositoriesCommand */.pE_({ repositoryNames: [repositoryName], ...registryOf(registry) })), { on: registry.label, missing: REPOSITORY });
    return found.repositories?.[0];
}
async function createRepository(registry, input) {
    const created = await (0,aws_errors/* awsCall */.uF)('ecr:CreateRepository', () => registry.client.send(new client_ecr_dist_cjs/* CreateRepositoryCommand */.WTe({ ...input, ...registryOf(registry) })), {
        on: registry.label,
    });
    return created.repository;
}
/** The image with this tag or digest; a NotFound('repository') or NotFound('image') when either is missing. */
async function describeImage(registry, repositoryName, image) {
    const response = await (0,aws_errors/* awsCall */.uF)('ecr:DescribeImages', () => registry.client.send(new client_ecr_dist_cjs/* DescribeImagesCommand */.ji5({ repositoryName, imageIds: [image], ...registryOf(registry) })), { on: registry.label, missing: { ...REPOSITORY, ImageNotFoundException: 'image' } });
    return response.imageDetails?.[0];
}

// EXTERNAL MODULE: ./src/image/reference.ts
var image_reference = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/image/ecr.ts






/**
 * The ECR registry behind the image's host, or undefined when it is another registry.
 * An ECR host gives the account and region (a client for another region comes from `ecrClientFor`); with a custom
 * ECR endpoint, the host is ECR's when GetAuthorizationToken's proxyEndpoint names it (see registryKind).
 */
async function resolveEcrTarget(ref, deps) {
    const { clients } = deps;
    const kind = (0,image_reference/* registryKind */.IL)(ref.registry, deps.env ?? process.env);
    if (kind === 'other')
        return undefined;
    const ecrHost = (0,image_reference/* parseEcrHost */.wl)(ref.registry);
    if (ecrHost) {
        const client = ecrHost.region === clients.region
            ? clients.ecr
            : (deps.ecrClientFor ?? ((region) => (0,aws_clients.createClients)(region).ecr))(ecrHost.region);
        return {
            client,
            registryId: ecrHost.accountId,
            region: ecrHost.region,
            label: `${ecrHost.accountId}/${ecrHost.region}`,
        };
    }
    const target = { client: clients.ecr, region: clients.region, label: `${ref.registry}/${clients.region}` };
    let credentials;
    try {
        credentials = await ecrCredentials(target, deps.log);
    }
    catch (error) {
        deps.log.info(`${ref.registry} is treated as a registry other than ECR: ECR's endpoint did not answer (${(0,errors/* errorMessage */.gJ)(error)}).`);
        return undefined;
    }
    if (credentials.registry.toLowerCase() !== ref.registry.toLowerCase()) {
        deps.log.info(`${ref.registry} is treated as a registry other than ECR: ECR's registry is ${credentials.registry}.`);
        return undefined;
    }
    return { ...target, credentials };
}
/** GetAuthorizationToken, decoded; the password is registered as a secret before anything can print it. */
async function ecrCredentials(target, log) {
    const data = await getAuthorizationToken(target);
    if (!data?.authorizationToken || !data.proxyEndpoint) {
        throw new Error(`ECR returned no authorization data for ${target.label}.`);
    }
    log.secret(data.authorizationToken);
    const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        throw new Error(`ECR returned an authorization token for ${target.label} that is not user:password.`);
    const password = decoded.slice(colon + 1);
    log.secret(password);
    return { registry: (0,image_reference/* endpointHost */.GN)(data.proxyEndpoint), username: decoded.slice(0, colon), password };
}
/**
 * Looks the repository up without changing anything; a UserError when it is missing and `create` is not set.
 * `repository` is undefined when the role may not describe repositories and need not create one: the push will tell.
 */
async function findRepository(target, repositoryName, options, log) {
    try {
        const repository = await describeRepository(target, repositoryName);
        if (repository)
            return { repository, missing: false };
    }
    catch (error) {
        if ((0,aws_errors/* isAccessDenied */.w7)(error) && !options.create) {
            log.debug(`Not allowed to describe ${repositoryName}; the push will show whether it exists: ${(0,errors/* errorMessage */.gJ)(error)}`);
            return { missing: false };
        }
        if (!(0,aws_errors/* isNotFound */.c4)(error, 'repository'))
            throw error;
    }
    if (!options.create)
        throw (0,diagnose/* repositoryMissing */.lx)(repositoryName, target.label);
    return { missing: true };
}
/** Creates the repository (create-repository: true) and says so. */
async function ecr_createRepository(target, repositoryName, options, log) {
    const created = await createRepository(target, {
        repositoryName,
        imageScanningConfiguration: { scanOnPush: options.scanOnPush },
        imageTagMutability: options.immutableTags ? 'IMMUTABLE' : 'MUTABLE',
    });
    log.info(`Created ECR repository ${repositoryName} in ${target.label} (scan on push: ${options.scanOnPush}, tags ${options.immutableTags ? 'immutable' : 'mutable'}).`);
    return created;
}
/** The image with this tag or digest, or undefined when the image (or the repository) does not exist. */
async function ecr_describeImage(target, repositoryName, image) {
    return (0,aws_errors/* unlessNotFound */.CA)(describeImage(target, repositoryName, image));
}
/** Whether ECR refuses to move this tag once pushed, given the repository's mutability and exclusion filters. */
function isTagImmutable(tag, repository) {
    const matchesFilter = () => (repository?.imageTagMutabilityExclusionFilters ?? []).some((filter) => filter.filter !== undefined && wildcard(filter.filter).test(tag));
    switch (repository?.imageTagMutability) {
        case 'IMMUTABLE':
            return true;
        case 'IMMUTABLE_WITH_EXCLUSION':
            return !matchesFilter();
        case 'MUTABLE_WITH_EXCLUSION':
            return matchesFilter();
        default:
            return false;
    }
}
function wildcard(pattern) {
    return new RegExp(`^${pattern
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/image/build-key.ts
// The build key: a hash of everything that shapes an image besides the commit, so that skip-build-if-exists
// reuses an image only when it was built the same way (two environments building different Dockerfiles,
// targets, build-args or platforms from one commit must not get each other's image).




/** Hex characters of the key kept in the reuse tag. */
const TAG_KEY_LENGTH = 12;
/**
 * sha256 (hex) over the build context path, the Dockerfile's path and content, the target, the build arguments
 * (with COMMIT_HASH/GIT_SHA, as docker gets them) and the platforms. A remote context's Dockerfile cannot be read
 * here: its path alone counts.
 * Also, only when given (so keys of builds without them stay as they were): the ids of the build secrets and SSH
 * mounts — which mounts a RUN step gets shapes what it produces; their values never enter the key, since it is
 * in a tag anyone can read — and provenance/sbom, which decide whether an index with attestations is pushed.
 * Not counted: labels (they describe the image, not its content, and docker/metadata-action's carry the build time,
 * which would make every run a rebuild), no-cache and pull (same content, other ways of getting there).
 */
async function buildKey(inputs, dockerfile, git) {
    const content = dockerfile !== undefined ? await (0,promises_.readFile)(dockerfile, 'utf8').catch(() => '') : '';
    const shape = {
        context: external_node_path_default().normalize(inputs.build),
        dockerfile: dockerfile !== undefined ? external_node_path_default().normalize(dockerfile) : '',
        dockerfileSha256: (0,external_node_crypto_.createHash)('sha256').update(content).digest('hex'),
        target: inputs.target ?? '',
        buildArgs: (0,image_args/* effectiveBuildArgs */.t1)(inputs.buildArgs, git).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        platforms: [...inputs.platforms].sort(),
        ...optionalShape('secretIds', sortedIds([...(inputs.buildSecrets ?? []), ...(inputs.buildSecretFiles ?? [])])),
        ...optionalShape('sshIds', sortedIds(inputs.ssh ?? [])),
        ...optionalShape('provenance', inputs.provenance?.trim() ?? ''),
        ...optionalShape('sbom', inputs.sbom?.trim() ?? ''),
    };
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(shape)).digest('hex');
}
/** The ids of `id=…` lines, sorted: never the values. */
function sortedIds(lines) {
    return lines.map((line) => line.split('=')[0]?.trim() ?? '').sort();
}
function optionalShape(name, value) {
    return value.length > 0 ? { [name]: value } : {};
}
/** The tag that finds this commit's image built with this key again: `<sha>-<first 12 hex of the key>`. */
function reuseTag(sha, key) {
    return `${sha}-${key.slice(0, TAG_KEY_LENGTH)}`;
}

;// CONCATENATED MODULE: ./src/image/tags.ts


const VALID_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const TAG_RULE = 'letters, digits, _ . and - only, not starting with . or -, at most 128 characters';
function isValidTag(tag) {
    return VALID_TAG.test(tag);
}
/**
 * Makes a Docker tag from a branch or tag name: every character Docker refuses becomes `-`
 * (`feature/x` → `feature-x`), leading `.`/`-` are dropped, and it is cut to 128 characters.
 * Returns '' when nothing usable is left. Case is kept: tags may hold capitals.
 */
function sanitiseTag(name) {
    return name
        .replace(/[^A-Za-z0-9_.-]/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, 128);
}
/** The default tags: the full commit sha and the sanitised branch or tag name. */
function defaultTags(git) {
    if (!isValidTag(git.sha)) {
        throw new errors/* UserError */.yo(`The commit sha "${git.sha}" cannot be a Docker tag (is GITHUB_SHA set?): set tags explicitly.`);
    }
    const tags = [git.sha];
    if (git.refName !== '') {
        const ref = sanitiseTag(git.refName);
        if (ref === '') {
            throw new errors/* UserError */.yo(`The branch or tag name "${git.refName}" leaves no valid Docker tag once sanitised (${TAG_RULE}): set tags explicitly.`);
        }
        if (!tags.includes(ref))
            tags.push(ref);
    }
    return tags;
}
/**
 * The user's tags, checked but never changed (a changed tag would surprise whoever looks for it); the defaults when none.
 * An entry may be a bare tag (`v1`) or a full reference (`<registry>/<repository>:v1`, as docker/metadata-action's `tags`
 * output gives them), whose repository must be `repository`, the one pushed to.
 */
function resolveTags(given, git, repository) {
    const entries = given.map((tag) => tag.trim()).filter((tag) => tag !== '');
    if (entries.length === 0)
        return defaultTags(git);
    const tags = entries.map((entry) => (isReference(entry) ? referenceTag(entry, repository) : entry));
    for (const tag of tags) {
        if (!isValidTag(tag)) {
            const suggestion = sanitiseTag(tag);
            throw new errors/* UserError */.yo(`tags: "${tag}" is not a valid Docker tag (${TAG_RULE})` +
                (suggestion !== '' ? `; "${suggestion}" would be.` : '.'));
        }
    }
    return [...new Set(tags)];
}
/**
 * A tag never holds `:`; a full reference with a tag (`repo:tag`, `host:5000/repo:tag`) does. `feature/x` alone is
 * taken for a mistyped tag (a branch name), which gets the sanitised suggestion.
 */
function isReference(entry) {
    return entry.includes(':');
}
/** The tag of a full reference, once its repository is known to be the one pushed to. */
function referenceTag(entry, repository) {
    const ref = (0,image_reference/* parseImageReference */.o_)(entry, 'tags');
    const name = (0,image_reference/* imageName */.tO)(ref);
    if (repository !== undefined && name !== repository) {
        throw new errors/* UserError */.yo(`tags: "${entry}" is a tag of ${name}, but the image is pushed to ${repository} (\`image\`): give tags of ${repository} only (with docker/metadata-action, set its \`images\` to ${repository}), or bare tag names.`);
    }
    if (ref.tag === undefined) {
        throw new errors/* UserError */.yo(`tags: "${entry}" names no tag (a digest cannot be pushed to): write ${name}:<tag>, or the bare tag name.`);
    }
    return ref.tag;
}

;// CONCATENATED MODULE: ./src/image/build.ts













/** Build-log lines kept for the error message; the full log is streamed to the job log. */
const KEPT_LINES = 2000;
/**
 * Builds the commit's image and pushes it, returning the pushed digest (`repo@sha256:…`) to deploy.
 * With skip-build-if-exists, an image already pushed for the commit with the same build key is reused without building.
 * Throws a UserError for anything the user can fix; nothing should be deployed when it throws.
 */
async function buildAndPushImage(inputs, deps) {
    return carryOutImageBuild(await planImageBuild(inputs, deps), deps);
}
/** Checks the build's inputs and files and asks ECR (read-only) about the repository and a reusable image. */
async function planImageBuild(inputs, deps) {
    const { git, log } = deps;
    const ref = (0,image_reference/* parseImageReference */.o_)(inputs.image);
    const name = (0,image_reference/* imageName */.tO)(ref);
    if (ref.tag !== undefined || ref.digest !== undefined) {
        log.info(`image: "${inputs.image}" names a ${ref.digest !== undefined ? 'digest' : 'tag'}, which is ignored when building.`);
    }
    if ((inputs.registryUsername ? 1 : 0) + (inputs.registryPassword ? 1 : 0) === 1) {
        throw new errors/* UserError */.yo('registry-username and registry-password go together: set both, or neither.');
    }
    const dockerfile = await checkBuildFiles(inputs);
    (0,image_args/* parseLabels */.Xy)(inputs.labels ?? []);
    const mounts = await buildMounts(inputs, git.workspace ?? process.cwd(), deps.env ?? process.env);
    // A value from the environment was not masked with the inputs.
    for (const { value } of mounts.secrets)
        if (value !== '')
            log.secret(value);
    const defaulted = inputs.tags.every((tag) => tag.trim() === '');
    let tags = resolveTags(inputs.tags, git, name);
    const key = await buildKey(inputs, dockerfile, git);
    const keyTag = inputs.skipBuildIfExists && isValidTag(git.sha) ? reuseTag(git.sha, key) : undefined;
    // Without push, nothing is asked of the registry: the build is local only.
    const ecr = inputs.push ? await resolveEcrTarget(ref, deps) : undefined;
    let createRepository = false;
    let reused;
    if (ecr) {
        const found = await findRepository(ecr, ref.repository, { create: inputs.createRepository }, log);
        createRepository = found.missing;
        // A repository still to be created will have the mutability create-repository gives it.
        const repository = found.missing
            ? { imageTagMutability: inputs.immutableTags ? 'IMMUTABLE' : 'MUTABLE' }
            : found.repository;
        if (defaulted)
            tags = withoutImmutableBranchTag(tags, git.sha, repository, name, log);
        if (keyTag !== undefined && !found.missing)
            reused = await existingImage(ecr, ref.repository, name, keyTag, key, log);
        else if (keyTag !== undefined)
            log.info(`rebuilding: no image of this commit with build key ${key.slice(0, 12)} (the repository does not exist yet).`);
    }
    else if (keyTag !== undefined && inputs.push) {
        log.info(`skip-build-if-exists: ${name} is not in ECR, where the action can look images up, so the image is always built.`);
    }
    // Pushed too, so that the next run of this commit built the same way finds it.
    if (ecr && keyTag !== undefined && !tags.includes(keyTag))
        tags = [...tags, keyTag];
    const reference = reused ? reused.reference : `${name}:${tags[0]}`;
    return {
        inputs,
        ref,
        name,
        dockerfile,
        tags,
        key,
        mounts,
        ecr,
        createRepository,
        ...(reused && { reused }),
        reference,
    };
}
/** The build's secrets and SSH mounts, checked (ids, files inside the workspace, one id once across both secret inputs). */
async function buildMounts(inputs, workspace, env) {
    const secrets = (0,build_secrets/* parseBuildSecrets */.Jm)(inputs.buildSecrets ?? [], env);
    const secretFiles = await (0,build_secrets/* parseBuildSecretFiles */.$0)(inputs.buildSecretFiles ?? [], workspace);
    const both = secretFiles.find((file) => secrets.some((secret) => secret.id === file.id));
    if (both) {
        throw new errors/* UserError */.yo(`Secret id "${both.id}" is in both build-secrets and build-secret-files: the build would get only one; give it once.`);
    }
    return { secrets, secretFiles, ssh: (0,build_secrets/* parseSsh */.Mc)(inputs.ssh ?? [], env) };
}
/** Creates the repository when planned, logs in, builds and pushes; returns the reused image when the plan found one. */
async function carryOutImageBuild(plan, deps) {
    if (plan.reused)
        return plan.reused;
    const now = deps.now ?? Date.now;
    const { git, log } = deps;
    const { inputs, ref, name, tags, dockerfile, ecr, mounts } = plan;
    // Every docker command of the build carries the run's deadline: a hung build or push is stopped, not waited for.
    const signal = deps.signal?.();
    // The builder is known, and what it cannot do refused (buildArgs), before the repository is created.
    await (0,docker.checkDocker)(log, signal);
    const buildx = await (0,docker.hasBuildx)(signal);
    log.info(buildx
        ? 'Building with docker buildx.'
        : 'Docker Buildx is not installed: building with the legacy docker builder.');
    const metadataDir = buildx
        ? await (0,promises_.mkdtemp)(external_node_path_default().join(deps.env?.RUNNER_TEMP || process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'ecs-deploy-image-'))
        : undefined;
    try {
        const metadataFile = metadataDir !== undefined ? external_node_path_default().join(metadataDir, 'metadata.json') : undefined;
        const args = (0,image_args/* buildArgs */.CH)(inputs, {
            repository: name,
            tags,
            ...(dockerfile !== undefined && { dockerfile }),
            git,
            created: new Date(now()).toISOString(),
            buildKey: plan.key,
            mounts,
        }, { buildx, ...(metadataFile !== undefined && { metadataFile }) });
        if (ecr && plan.createRepository) {
            await ecr_createRepository(ecr, ref.repository, { create: true, scanOnPush: inputs.scanOnPush, immutableTags: inputs.immutableTags }, log);
        }
        log.info(`Image ${name}, tags ${tags.join(', ')}`);
        await login(inputs, ref.registry, ecr, deps, signal);
        if (!buildx && inputs.cacheFrom.length > 0)
            await pullCacheImages(inputs.cacheFrom, log, signal);
        const pushContext = { repository: name, sha: git.sha, ecr: ecr?.label };
        const buildKit = !buildx && (0,image_args/* needsBuildKit */.c4)({ mounts });
        const run = await runBuild(args, {
            buildx,
            env: {
                ...(0,build_secrets/* mountEnvironment */.Fr)(mounts),
                // The legacy command does secrets and SSH only with BuildKit, which it uses when asked.
                ...(buildKit && { DOCKER_BUILDKIT: '1' }),
            },
            buildKit,
            mounts,
            push: inputs.push,
            name,
            tags,
            dockerfile,
            metadataFile,
            pushContext,
            now,
            log,
            signal,
        });
        const builder = buildx ? 'buildx' : 'docker';
        if (!inputs.push) {
            return {
                reference: `${name}:${tags[0]}`,
                repository: name,
                digest: '',
                tags,
                reused: false,
                buildSeconds: run.buildSeconds,
                pushSeconds: 0,
                builder,
            };
        }
        const { digest, sizeBytes } = await pushedImage(ecr, ref.repository, name, tags[0] ?? git.sha, run.digest, log);
        log.info(`Pushed ${name}@${digest}`);
        return {
            reference: `${name}@${digest}`,
            repository: name,
            digest,
            tags,
            reused: false,
            buildSeconds: run.buildSeconds,
            pushSeconds: run.pushSeconds,
            ...(sizeBytes !== undefined && { sizeBytes }),
            builder,
        };
    }
    finally {
        if (metadataDir !== undefined)
            await (0,promises_.rm)(metadataDir, { recursive: true, force: true });
    }
}
/** What docker 23 and later say when DOCKER_BUILDKIT=1 is asked of a docker without buildx. */
const BUILDKIT_NEEDS_BUILDX = /BuildKit is enabled but the buildx component is missing/i;
/** The inputs that asked for mounts, by name: `build-secrets and ssh`. */
function mountInputs(mounts) {
    const names = [
        mounts.secrets.length > 0 && 'build-secrets',
        mounts.secretFiles.length > 0 && 'build-secret-files',
        mounts.ssh.length > 0 && 'ssh',
    ].filter((name) => typeof name === 'string');
    return names.join(' and ');
}
/** Runs the build (which also pushes, with buildx), then the legacy pushes; fails with the build's or push's own story. */
async function runBuild(args, options) {
    const { buildx, push, name, now, log } = options;
    const lines = [];
    let pushStartedAt;
    const buildStart = now();
    const result = await log.group(`Build image ${name}`, () => (0,docker.docker)(args, {
        log,
        env: options.env,
        signal: options.signal,
        onLine: (line) => {
            lines.push(line);
            if (lines.length > KEPT_LINES)
                lines.shift();
            if (buildx && pushStartedAt === undefined && /^#\d+ pushing /.test(line))
                pushStartedAt = now();
        },
    }));
    const buildEnd = now();
    if (result.exitCode !== 0 && options.buildKit && BUILDKIT_NEEDS_BUILDX.test(`${result.stderr}\n${lines.join('\n')}`))
        throw new errors/* UserError */.yo(`${mountInputs(options.mounts)} need${mountInputs(options.mounts).includes(' and ') ? '' : 's'} docker buildx: this runner's docker builds with BuildKit (which mounts secrets and SSH) only through buildx, which is not installed. Add docker/setup-buildx-action before this step.`);
    if (result.exitCode !== 0)
        await failBuild(lines, result.exitCode, options.dockerfile, buildx && push, options.pushContext, log);
    if (!push)
        return { buildSeconds: seconds(buildEnd - buildStart), pushSeconds: 0 };
    if (buildx) {
        // buildx pushes as part of the build: the push time starts at its first "pushing" line.
        const metadata = await (0,promises_.readFile)(options.metadataFile ?? '', 'utf8').catch(() => '');
        return {
            buildSeconds: seconds((pushStartedAt ?? buildEnd) - buildStart),
            pushSeconds: seconds(buildEnd - (pushStartedAt ?? buildEnd)),
            digest: parseMetadataFile(metadata),
        };
    }
    const pushStart = now();
    const digest = await log.group(`Push image ${name}`, () => pushTags(name, options.tags, options.pushContext, log, options.signal));
    return { buildSeconds: seconds(buildEnd - buildStart), pushSeconds: seconds(now() - pushStart), digest };
}
/** The pushed digest (docker's, else ECR's) and, from ECR, the image's size. */
async function pushedImage(ecr, repository, name, tag, reported, log) {
    let digest = reported;
    let sizeBytes;
    if (ecr) {
        const detail = await ecr_describeImage(ecr, repository, digest !== undefined ? { imageDigest: digest } : { imageTag: tag }).catch((error) => {
            if (digest === undefined)
                throw error;
            log.debug(`Could not read the pushed image's size: ${(0,errors/* errorMessage */.gJ)(error)}`);
            return undefined;
        });
        digest ??= detail?.imageDigest;
        sizeBytes = detail?.imageSizeInBytes;
    }
    if (digest === undefined) {
        throw new Error(`Pushed ${name}:${tag} but could not tell its digest: neither docker nor the registry reported it.`);
    }
    return { digest, sizeBytes };
}
/** Checks the build context and Dockerfile before anything runs; returns the Dockerfile path to give docker. */
async function checkBuildFiles(inputs) {
    if (inputs.build.trim() === '')
        throw new errors/* UserError */.yo('build: the build context is empty: give a directory, like `.`.');
    // A remote context (git or https URL) is docker's to fetch; its Dockerfile cannot be checked here.
    if (/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(inputs.build))
        return inputs.dockerfile || undefined;
    const isDirectory = await (0,promises_.stat)(inputs.build).then((info) => info.isDirectory(), () => false);
    if (!isDirectory) {
        throw new errors/* UserError */.yo(`build: the build context "${inputs.build}" is not a directory (looked at ${external_node_path_default().resolve(inputs.build)}): give the directory to build, relative to the repository root.`);
    }
    const dockerfile = inputs.dockerfile || external_node_path_default().join(inputs.build, 'Dockerfile');
    const isFile = await (0,promises_.stat)(dockerfile).then((info) => info.isFile(), () => false);
    if (!isFile) {
        throw new errors/* UserError */.yo(inputs.dockerfile
            ? `dockerfile: "${inputs.dockerfile}" does not exist (looked at ${external_node_path_default().resolve(dockerfile)}): give the Dockerfile's path relative to the repository root.`
            : `No Dockerfile in the build context "${inputs.build}" (looked for ${dockerfile}): add one, or set dockerfile to its path.`);
    }
    return dockerfile;
}
/** Immutable tags cannot follow a branch: only the sha is pushed when the tags are the defaults. */
function withoutImmutableBranchTag(tags, sha, repository, name, log) {
    const kept = tags.filter((tag) => tag === sha || !isTagImmutable(tag, repository));
    if (kept.length < tags.length) {
        log.info(`${name} has immutable tags, so a branch or tag name could be pushed only once: tagging with the commit sha only (set tags to choose others).`);
    }
    return kept;
}
/** The commit's image built with this key, found by its reuse tag; says in the log why it is reused or rebuilt. */
async function existingImage(ecr, repository, name, keyTag, key, log) {
    const detail = await ecr_describeImage(ecr, repository, { imageTag: keyTag });
    const short = key.slice(0, 12);
    if (!detail?.imageDigest) {
        log.info(`rebuilding: no image of this commit with build key ${short} (no tag ${keyTag} in ${name}).`);
        return undefined;
    }
    log.info(`reused ${name}@${detail.imageDigest}: built from the same commit with the same Dockerfile/target/build-args/platforms (key ${short}${detail.imagePushedAt ? `, pushed ${detail.imagePushedAt.toISOString()}` : ''}); not building (skip-build-if-exists).`);
    return {
        reference: `${name}@${detail.imageDigest}`,
        repository: name,
        digest: detail.imageDigest,
        tags: detail.imageTags?.length ? detail.imageTags : [keyTag],
        reused: true,
        buildSeconds: 0,
        pushSeconds: 0,
        ...(detail.imageSizeInBytes !== undefined && { sizeBytes: detail.imageSizeInBytes }),
        builder: 'none',
    };
}
async function login(inputs, registry, ecr, { log, loggedIn }, signal) {
    if (ecr) {
        if (inputs.registryUsername)
            log.info('registry-username and registry-password are not used for ECR: the action logs in with ecr:GetAuthorizationToken.');
        const credentials = ecr.credentials ?? (await ecrCredentials(ecr, log));
        await (0,docker.dockerLogin)(credentials.registry, credentials.username, credentials.password, {
            remember: inputs.logout,
            log,
            loggedIn,
            signal,
            hint: `ECR refused the token it had just issued for ${ecr.label}; check that the registry answers at ${credentials.registry}.`,
        });
    }
    else if (inputs.registryUsername && inputs.registryPassword) {
        await (0,docker.dockerLogin)(registry, inputs.registryUsername, inputs.registryPassword, {
            remember: inputs.logout,
            log,
            loggedIn,
            signal,
            hint: 'check registry-username and registry-password.',
        });
    }
}
/** The legacy builder uses --cache-from images only when they are local, so they are pulled first; a miss is no error. */
async function pullCacheImages(sources, log, signal) {
    await log.group('Pull cache images', async () => {
        for (const source of sources) {
            const result = await (0,docker.docker)(['pull', source], { log, signal });
            if (result.exitCode !== 0) {
                log.warning(`cache-from: could not pull ${source} (${(0,docker.lastLine)(`${result.stderr}\n${result.stdout}`)}); building without it.`);
            }
        }
    });
}
/** Legacy builder: `docker push` every tag; returns the digest docker reports. */
async function pushTags(name, tags, context, log, signal) {
    let digest;
    for (const tag of tags) {
        const result = await (0,docker.docker)(['push', `${name}:${tag}`], { log, signal });
        const output = `${result.stdout}\n${result.stderr}`;
        if (result.exitCode !== 0) {
            throw ((0,diagnose/* dockerEngineProblem */.u7)(output) ??
                (0,diagnose/* pushProblem */.aY)(output, context) ??
                new Error(`docker push ${name}:${tag} failed with exit code ${result.exitCode}:\n${tailOf(output)}`));
        }
        const pushed = parsePushOutput(output);
        if (pushed && digest !== undefined && pushed.digest !== digest) {
            log.warning(`${name}:${tag} was pushed as ${pushed.digest}, not ${digest} like the tags before it.`);
        }
        digest ??= pushed?.digest;
    }
    return digest;
}
async function failBuild(lines, exitCode, dockerfile, pushing, pushContext, log) {
    const output = lines.join('\n');
    const engine = (0,diagnose/* dockerEngineProblem */.u7)(output);
    if (engine)
        throw engine;
    // buildx pushes within the build: a failure after pushing started (or naming the push) is a push failure.
    if (pushing && /failed to push|pushing (?:layers|manifest)|failed commit on ref/i.test(output)) {
        const problem = (0,diagnose/* pushProblem */.aY)(output, pushContext);
        if (problem)
            throw problem;
    }
    const text = dockerfile !== undefined ? await (0,promises_.readFile)(dockerfile, 'utf8').catch(() => undefined) : undefined;
    const shownPath = dockerfile !== undefined ? annotationPath(dockerfile) : 'Dockerfile';
    const failure = (0,diagnose/* describeBuildFailure */.EG)(lines, { path: shownPath, text }, exitCode);
    if (failure.startLine !== undefined && dockerfile !== undefined) {
        log.error(failure.message, { title: 'Docker build failed', file: shownPath, startLine: failure.startLine });
    }
    throw new errors/* UserError */.yo(failure.message);
}
/** Annotations need the path relative to the repository root (the working directory on a runner). */
function annotationPath(file) {
    const relative = external_node_path_default().relative(process.cwd(), external_node_path_default().resolve(file));
    return (relative.startsWith('..') || external_node_path_default().isAbsolute(relative) ? file : relative).split((external_node_path_default()).sep).join('/');
}
function tailOf(output) {
    return output
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .slice(-20)
        .map((line) => `  ${line}`)
        .join('\n');
}
function seconds(milliseconds) {
    return Math.max(0, Math.round(milliseconds / 100) / 10);
}

;// CONCATENATED MODULE: ./src/image/exists.ts
// Before anything changes: the image to deploy (no build) must be in its registry, or ECS would only find out when a
// task fails to start. ECR is asked (DescribeImages); other registries are not checked, and the log says so.





/** Throws a UserError naming the image and its repository when ECR does not have it; logs when it cannot tell. */
async function checkImageExists(image, deps) {
    const ref = (0,image_reference/* parseImageReference */.o_)(image);
    const ecr = await resolveEcrTarget(ref, deps);
    if (!ecr) {
        deps.log.info(`${image} is not in ECR: whether it exists was not checked (${ref.registry} is another registry).`);
        return;
    }
    // Docker pulls by digest when both are given; no tag at all means `latest`.
    const id = ref.digest !== undefined ? { imageDigest: ref.digest } : { imageTag: ref.tag ?? 'latest' };
    const named = id.imageDigest !== undefined ? `digest ${id.imageDigest}` : `tag ${id.imageTag}`;
    const fix = `push it first, or set \`build\` to build and push it in this run.`;
    try {
        if (await describeImage(ecr, ref.repository, id))
            return;
    }
    catch (error) {
        if ((0,aws_errors/* isNotFound */.c4)(error, 'repository')) {
            throw new errors/* UserError */.yo(`The image ${image} does not exist: there is no ECR repository ${ref.repository} in ${ecr.label}. Create it and ${fix}`);
        }
        if (!(0,aws_errors/* isNotFound */.c4)(error, 'image')) {
            deps.log.warning(`Could not check that ${image} exists (${(0,errors/* errorMessage */.gJ)(error)}); deploying it unchecked.`);
            return;
        }
    }
    throw new errors/* UserError */.yo(`The image ${image} does not exist: ECR repository ${ref.repository} (${(0,image_reference/* imageName */.tO)(ref)} in ${ecr.label}) has no ${named}. Check the tag, ${fix}`);
}

;// CONCATENATED MODULE: ./src/image/index.ts
// The image module's public API: build and push (main step), log out (post step), the summary section.







// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(586);
;// CONCATENATED MODULE: ./src/aws/elbv2.ts
// The Elastic Load Balancing calls the action makes (preview environments, environment URLs), each named by the IAM
// action it needs; failures are explained (errors.ts), and what does not exist is a NotFound or undefined.


const LISTENER = { ListenerNotFoundException: 'listener' };
const TARGET_GROUP = { TargetGroupNotFoundException: 'target group' };
/** DescribeTags takes at most 20 resources. */
const TAGS_PER_CALL = 20;
/** Every rule of a listener; undefined when the listener does not exist. */
async function describeRules(elbv2, listenerArn) {
    const read = (0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeRules', async () => {
        const rules = [];
        for await (const page of (0,client_elastic_load_balancing_v2_dist_cjs/* paginateDescribeRules */.u6y)({ client: elbv2, pageSize: 100 }, { ListenerArn: listenerArn }))
            rules.push(...(page.Rules ?? []));
        return rules;
    }, { missing: LISTENER });
    return (0,aws_errors/* unlessNotFound */.CA)(read);
}
/** The listeners of a load balancer, or the one named; none when it does not exist. */
async function describeListeners(elbv2, query) {
    const input = 'loadBalancerArn' in query ? { LoadBalancerArn: query.loadBalancerArn } : { ListenerArns: [query.listenerArn] };
    const read = (0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeListeners', async () => {
        const listeners = [];
        for await (const page of (0,client_elastic_load_balancing_v2_dist_cjs/* paginateDescribeListeners */.GZx)({ client: elbv2 }, input))
            listeners.push(...(page.Listeners ?? []));
        return listeners;
    }, { missing: { ...LISTENER, LoadBalancerNotFoundException: 'load balancer' } });
    return (await (0,aws_errors/* unlessNotFound */.CA)(read)) ?? [];
}
/** One target group by ARN or name, or undefined when there is none. */
async function describeTargetGroup(elbv2, query) {
    const input = 'arn' in query ? { TargetGroupArns: [query.arn] } : { Names: [query.name] };
    const found = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeTargetGroups', () => elbv2.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetGroupsCommand */.sC7(input)), {
        missing: TARGET_GROUP,
    }));
    return found?.TargetGroups?.[0];
}
/** Every target group of the account and region. */
async function describeAllTargetGroups(elbv2) {
    return (0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeTargetGroups', async () => {
        const groups = [];
        for await (const page of (0,client_elastic_load_balancing_v2_dist_cjs/* paginateDescribeTargetGroups */.u_3)({ client: elbv2, pageSize: 400 }, {}))
            groups.push(...(page.TargetGroups ?? []));
        return groups;
    });
}
/** The tags of these resources (any number, asked 20 at a time). */
async function describeTags(elbv2, arns) {
    const descriptions = [];
    for (let i = 0; i < arns.length; i += TAGS_PER_CALL) {
        const ResourceArns = arns.slice(i, i + TAGS_PER_CALL);
        const answer = await (0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeTags', () => elbv2.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTagsCommand */.yRM({ ResourceArns })));
        descriptions.push(...(answer.TagDescriptions ?? []));
    }
    return descriptions;
}
/** A load balancer, or undefined when it does not exist. */
async function describeLoadBalancer(elbv2, loadBalancerArn) {
    const found = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DescribeLoadBalancers', () => elbv2.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeLoadBalancersCommand */.AZi({ LoadBalancerArns: [loadBalancerArn] })), {
        missing: { LoadBalancerNotFoundException: 'load balancer' },
    }));
    return found?.LoadBalancers?.[0];
}
async function createTargetGroup(elbv2, input) {
    return (await (0,aws_errors/* awsCall */.uF)('elasticloadbalancing:CreateTargetGroup', () => elbv2.send(new client_elastic_load_balancing_v2_dist_cjs/* CreateTargetGroupCommand */.GGF(input)))).TargetGroups?.[0];
}
/** Creates a listener rule; AWS's refusals (PriorityInUseException, TooManyRulesException) are told apart by awsErrorName. */
async function createRule(elbv2, input) {
    return (await (0,aws_errors/* awsCall */.uF)('elasticloadbalancing:CreateRule', () => elbv2.send(new client_elastic_load_balancing_v2_dist_cjs/* CreateRuleCommand */.OOk(input)))).Rules?.[0];
}
/** Deletes a rule; false when it was already gone. */
async function deleteRule(elbv2, ruleArn) {
    const deleted = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DeleteRule', () => elbv2.send(new client_elastic_load_balancing_v2_dist_cjs/* DeleteRuleCommand */.piX({ RuleArn: ruleArn })), {
        missing: { RuleNotFoundException: 'rule' },
    }));
    return deleted !== undefined;
}
/** Deletes a target group; false when it was already gone. */
async function deleteTargetGroup(elbv2, targetGroupArn) {
    const deleted = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_errors/* awsCall */.uF)('elasticloadbalancing:DeleteTargetGroup', () => elbv2.send(new client_elastic_load_balancing_v2_dist_cjs/* DeleteTargetGroupCommand */.tX({ TargetGroupArn: targetGroupArn })), { missing: TARGET_GROUP }));
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
;// CONCATENATED MODULE: ./src/preview/tags.ts
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

;// CONCATENATED MODULE: ./src/preview/service.ts

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

;// CONCATENATED MODULE: ./src/preview/deploy.ts










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
        const rule = await deploy_createRule(d, listenerArn, targetGroupArn, priority, tags, attempt < RULE_ATTEMPTS);
        if (rule) {
            if (rule.RuleArn)
                created.ruleArn = rule.RuleArn;
            return priority;
        }
        rules = await listenerRules(d, listenerArn);
    }
}
/** Creates the rule; undefined when its priority was taken meanwhile and `retry` allows another try. */
async function deploy_createRule(d, listenerArn, targetGroupArn, priority, tags, retry) {
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

// EXTERNAL MODULE: ./src/mechanisms/registry.ts + 15 modules
var registry = __webpack_require__(9033);
// EXTERNAL MODULE: ./src/settings/strategy.ts + 1 modules
var strategy = __webpack_require__(2964);
;// CONCATENATED MODULE: ./src/mechanisms/summary.ts


/**
 * `0 % → 10 % (0:42) → 100 % (5:43)`: each step of one kind of traffic, with its time since `start`. The new revision
 * starts without traffic, so `0 %` comes first, untimed: when a poll first saw it is no step (and varies run to run).
 */
function steps(points, kind, start) {
    const shown = ['0 %'];
    let last = 0;
    for (const point of points) {
        const weight = point[kind];
        if (weight === undefined || weight === last)
            continue;
        shown.push(`${weight} % (${formatElapsed(point.at - start)})`);
        last = weight;
    }
    return shown.length > 1 ? shown.join(' → ') : undefined;
}
/**
 * The summary table rows of a blue/green, canary or linear deployment: traffic steps with their times, stages,
 * hooks, alarms, and where it waits. `start` is when the rollout began (the timeline's zero).
 */
function summary_strategyRows(progress, start) {
    if (!progress)
        return [];
    const rows = [];
    const production = steps(progress.traffic, 'production', start);
    if (production)
        rows.push(['Production traffic', production]);
    const test = steps(progress.traffic, 'test', start);
    if (test)
        rows.push(['Test traffic', test]);
    if (progress.stages.length)
        rows.push(['Stages', progress.stages.map((s) => `${s.stage} ${formatElapsed(s.at - start)}`).join(' → ')]);
    if (progress.hooks.length)
        rows.push(['Lifecycle hooks', progress.hooks.map((h) => `${summaryText(h.name)} ${h.status}`).join(', ')]);
    const alarms = progress.alarms;
    if (alarms?.names.length)
        rows.push([
            'Alarms',
            alarms.names.map((n) => (alarms.triggered.includes(n) ? `${summaryText(n)} → ALARM` : summaryText(n))).join(', '),
        ]);
    const paused = progress.paused;
    if (paused) {
        const expires = paused.expiresAt
            ? `; ${paused.timeoutAction ?? 'ROLLBACK'} at ${new Date(paused.expiresAt).toISOString()} unless continued`
            : paused.timeoutAction
                ? `; ${paused.timeoutAction} unless continued`
                : '';
        rows.push(['Paused at', `${paused.stage}${paused.hookId ? ` (hook ${paused.hookId})` : ''}${expires}`]);
    }
    return rows;
}

// EXTERNAL MODULE: ./src/mechanisms/busy.ts
var busy = __webpack_require__(5621);
;// CONCATENATED MODULE: ./src/mechanisms/idle.ts


/**
 * The deployment in flight on the service, if any, other than one already rolling out `target` (the revision this
 * run would deploy when it registers nothing new; undefined when it registers a new one), which a re-run follows.
 */
async function deploymentInFlight(clients, plan, service, target) {
    return (await (0,registry/* mechanismOf */.D)(plan.mechanism).inFlight(clients, '', plan, service, target, false)).inFlight;
}
/** The service as it is once nothing else is in flight on it; throws, having changed nothing, per `on-busy`. */
async function checkIdle(clients, ctx, cluster, plan, service, target) {
    const mechanism = (0,registry/* mechanismOf */.D)(plan.mechanism);
    let current = service;
    let fresh = true;
    await (0,busy/* untilIdle */.F)(ctx, service.serviceName ?? '', plan.inputs.onBusy, async () => {
        const found = await mechanism.inFlight(clients, cluster, plan, current, target, !fresh);
        fresh = false;
        current = found.service;
        return found.inFlight;
    });
    return current;
}

;// CONCATENATED MODULE: ./src/mechanisms/index.ts


/**
 * Checks the strategy inputs against the service — its deployment controller, its load balancer, its CodeDeploy
 * application and group, the appspec — and settles how it will be deployed. Throws a UserError naming what is
 * wrong and how to fix it; changes nothing.
 */
async function planStrategy(clients, cluster, service, inputs, options = {}) {
    return (0,registry/* mechanismFor */.J)(service, inputs).plan(clients, cluster, service, inputs, options);
}
/** A plain rolling update, whatever the inputs ask: for a pull request's preview, a copy of the service without its blue/green set-up. */
function rollingPlan(inputs) {
    return {
        mechanism: 'rolling',
        description: 'rolling update (ECS)',
        inputs: { deploymentAlarms: [], onBusy: inputs.onBusy },
        changes: [],
    };
}
/** Starts the deployment of a registered revision as planned. */
async function startStrategy(clients, ctx, plan, service, request) {
    return (0,registry/* mechanismOf */.D)(plan.mechanism).start(clients, ctx, plan, service, request);
}
/** `continue`: resumes (or rolls back) the deployment an earlier run left paused; the watch loop follows it. */
async function continueStrategy(clients, cluster, plan, service, now) {
    return (0,registry/* mechanismOf */.D)(plan.mechanism).resume(clients, cluster, plan, service, now);
}




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
    const ref = (0,image_reference/* parseImageReference */.o_)(image, `${source}: container ${container.name}'s image`);
    const by = (digest) => `${(0,image_reference/* imageName */.tO)(ref)}@${digest}`;
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
    const ecr = await resolveEcrTarget(ref, deps);
    const detail = ecr && (await (0,aws_errors/* unlessNotFound */.CA)(describeImage(ecr, ref.repository, { imageTag: ref.tag ?? 'latest' })));
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
    const ref = (0,image_reference/* parseImageReference */.o_)(image, what);
    const ecr = ref.digest ? await resolveEcrTarget(ref, deps) : undefined;
    if (!ecr || !ref.digest)
        return;
    const found = await (0,aws_errors/* unlessNotFound */.CA)(describeImage(ecr, ref.repository, { imageDigest: ref.digest }));
    if (found)
        return;
    throw refusal(from, `${what} runs ${image}, which ECR no longer has (repository ${ref.repository}): the rollout would fail pulling it`);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/common/problems.ts
var problems = __webpack_require__(7657);
;// CONCATENATED MODULE: ./src/deploy/settings-model.ts
// The service settings given as JSON, checked against the ECS API model the SDK ships: the SDK would drop a member it
// does not know without a word (as for task definitions, see taskdef/validate.ts). Here, on the pipeline's path, and
// not where the inputs are read, so the entry does not load the SDK.




/** Throws naming the first member of `volume-configurations` that UpdateService's model does not have or type. */
function checkSettingsModel(settings) {
    ;
    (settings.volumeConfigurations ?? []).forEach((item, i) => {
        const problem = (0,validate/* modelProblems */.QW)(item, client_ecs_dist_cjs/* ServiceVolumeConfiguration$ */.uEA)[0];
        if (problem) {
            throw new errors/* UserError */.yo(`Input \`volume-configurations\`, item ${i + 1} (${item.name}): ${(0,problems/* problemEntry */.WO)(problem)}. Nothing was changed.`);
        }
    });
}

// EXTERNAL MODULE: ./src/common/workspace-path.ts
var workspace_path = __webpack_require__(7682);
// EXTERNAL MODULE: ./src/settings/placeholder-values.ts
var placeholder_values = __webpack_require__(3039);
;// CONCATENATED MODULE: ./src/engine/pipeline.ts




























/** ${PR_NUMBER} and friends, for a pull request's preview. */
function previewPlaceholders(preview) {
    return preview ? { PR_NUMBER: String(preview.pr), PREVIEW: `pr-${preview.pr}` } : {};
}
function newServiceReport(where, service, plan) {
    return {
        cluster: where.cluster,
        service: service.serviceName ?? '',
        region: where.region,
        status: 'failed',
        reason: '',
        strategy: plan.description,
        previousTaskDefinition: service.taskDefinition ?? '',
        notes: [],
    };
}
/**
 * Renders and validates the service's task definition with `image` and fills its report (notes, changes); `log`
 * false re-renders quietly once the build has replaced the planned image reference by the pushed digest.
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
        throw new errors/* UserError */.yo("Input `verify-url` (and the other verify-* inputs, or the environment's verify block) needs `wait: true`: the release is checked once the deployment reaches it.");
    if (verification?.testUrls.length && plan.mechanism === 'rolling')
        throw new errors/* UserError */.yo(`Input \`verify-test-url\`: ${report.service} rolls (${plan.description}), so no test listener ever routes to the new revision. Use \`verify-url\`, or a blue-green, canary, linear or CodeDeploy strategy.`);
    const current = service.taskDefinition ? await describeTaskDefinition(ecs, service.taskDefinition) : undefined;
    const rendered = pinned
        ? existingTaskDefinition(pinned.taskDefinition, pinned.tags)
        : await (0,taskdef_render/* renderTaskDefinition */.P)({
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
    if (log) {
        for (const note of rendered.notes)
            log.info((0,report_text/* logSafe */.sN)(`${prefixOf(inputs, report)}${note}`));
        report.notes.push(...rendered.notes);
    }
    if (inputs.serviceSettings) {
        checkSettingsModel(inputs.serviceSettings);
        (0,settings_service/* checkVolumesAtLaunch */.gL)(inputs.serviceSettings, rendered.request);
    }
    report.containers = rendered.containers;
    if (promoted)
        report.promoted = promotedOf(promoted, rendered.containers);
    report.rendered = rendered.request;
    report.changes = [
        ...(current ? describeChanges(rendered.request, current.taskDefinition) : []),
        ...serviceChanges(service, inputs.desiredCount, inputs.deploymentCircuitBreaker, inputs.serviceSettings),
        ...plan.changes,
    ];
    return { service, plan, report, rendered, current, verification, ...(pinned && { pinned }) };
}
function onlyImage(promoted) {
    const images = Object.values(promoted?.images ?? {});
    return images.length === 1 ? images[0] : undefined;
}
const prefixOf = (inputs, report) => inputs.services.length > 1 ? `${report.service}: ` : '';
/** CodePipeline's files (artifacts-dir), for the image that is (or, in a dry run, would be) deployed. */
async function writeArtifacts(inputs, git, { report, rendered, service }, image) {
    if (!inputs.artifactsDir || !image)
        return;
    const dir = inputs.services.length > 1 ? external_node_path_default().join(inputs.artifactsDir, report.service) : inputs.artifactsDir;
    const written = await writePipelineArtifacts(await (0,workspace_path/* insideWorkspace */.C)('artifacts-dir', dir, git.workspace), pipelineArtifacts(rendered.request, rendered.containers, image, service));
    report.notes.push(`wrote ${written.map((f) => external_node_path_default().basename(f)).join(', ')} to ${dir} for CodePipeline`);
}
/** Registers the rendered task definition unless a revision already has its content. */
async function register(clients, inputs, prepared, log) {
    const { report, pinned } = prepared;
    const registered = pinned
        ? pinnedRegistration(pinned)
        : await registerIfChanged(clients.ecs, prepared.rendered.request, prepared.current);
    Object.assign(report, { taskDefinitionArn: registered.arn, registered: registered.registered });
    const prefix = prefixOf(inputs, report);
    log.info(pinned
        ? `${prefix}nothing to register: deploying ${registered.family}:${registered.revision} as it is (task-definition-arn)`
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
    return current && sameTaskDefinition(rendered.request, current.taskDefinition, current.tags)
        ? current.taskDefinition.taskDefinitionArn
        : undefined;
}
/**
 * Starts the rollout of a prepared service. For a preview, the pull request's copy of the service is
 * created or updated first, and its rollout is the one followed.
 */
async function start(clients, inputs, git, { clock, signal, log }, prepared, preview) {
    const { report, registered } = prepared;
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
        prepared.service = await (0,deploy_service/* findService */.L)(clients.ecs, inputs.cluster, created.serviceName, report.region);
        Object.assign(report, { service: created.serviceName, ...(created.url && { url: created.url }) });
    }
    const rollout = await startStrategy(clients, { clock, signal, timeoutMs: inputs.timeoutMinutes * 60_000, log: log.info }, prepared.plan, prepared.service, {
        cluster: inputs.cluster,
        taskDefinitionArn: registered.arn,
        ...(inputs.desiredCount !== undefined && { desiredCount: inputs.desiredCount }),
        forceNewDeployment: inputs.forceNewDeployment,
        deploymentCircuitBreaker: inputs.deploymentCircuitBreaker,
        ...(inputs.serviceSettings && { settings: inputs.serviceSettings }),
        containers: prepared.rendered.request.containerDefinitions ?? [],
    });
    report.startedAt = rollout.startedAt;
    const revision = `${registered.family}:${registered.revision}`;
    if (!rollout.deploymentId) {
        Object.assign(report, { status: 'succeeded', reason: `Nothing to deploy: ${rollout.unchangedReason}.` });
    }
    else {
        report.deploymentId = rollout.deploymentId;
        log.info(rollout.started
            ? `${report.service}: started deployment ${rollout.deploymentId} of ${revision}`
            : `${report.service}: following deployment ${rollout.deploymentId}, already rolling out ${revision}`);
        if (!inputs.wait)
            Object.assign(report, { status: 'succeeded', reason: 'Deployment started; not waiting for it (wait: false).' });
    }
    return rollout;
}
/** Fills a service's report from its rollout's result, with the causes of a failure and their log lines. */
async function conclude(clients, inputs, report, containers, result, deadline) {
    Object.assign(report, {
        status: result.outcome,
        reason: result.reason,
        timeline: result.timeline,
        recentEvents: result.recentEvents,
        ...(result.rollback !== undefined && { rollback: result.rollback }),
        ...(result.stoppedTasksError !== undefined && { stoppedTasksError: result.stoppedTasksError }),
        ...(result.progress && { progress: result.progress }),
    });
    if (result.outcome === 'succeeded' || result.outcome === 'paused')
        return;
    const eventCause = causeOfEvents(result.recentEvents);
    if (eventCause)
        report.eventCause = eventCause;
    // The log lines are best effort: after the deadline they are not read.
    if (deadline.passed()) {
        report.failures = groupFailures(result.stoppedTasks);
        return;
    }
    report.failures = await attachLogs((region) => clients.logsIn(region), groupFailures(result.stoppedTasks), containers, inputs.logLines);
}
/** The results a failure part-way had reached, keyed by the error it threw (which goes on unchanged). */
const partials = new WeakMap();
/** What the pipeline had done when it threw `error`, if the error came from it. */
function partialResult(error) {
    return typeof error === 'object' && error !== null ? partials.get(error) : undefined;
}
/**
 * Deploys the services and returns what it did; a failure part-way throws the error unchanged, with what was done so
 * far for `partialResult` (so it is still reported).
 */
async function deploy(inputs, git, ports, where, preview, promotion) {
    return recorded((done) => deploySteps(inputs, git, ports, where, done, preview, promotion));
}
/** Runs `steps` on a result of its own and returns it; a throw carries what was done for `partialResult`. */
async function recorded(steps) {
    // Owned by this call alone: the steps add to it, and it is returned or attached to the error.
    const done = { services: [], reports: [] };
    try {
        await steps(done);
        return done;
    }
    catch (error) {
        if (typeof error === 'object' && error !== null)
            partials.set(error, done);
        throw error;
    }
}
/**
 * The image checks made before anything changes: the build's read-only plan, or the image to deploy looked up; and
 * for `task-definition-arn`, the revision and every image it names.
 */
async function checkImages(inputs, clients, region, imageDeps, log, git) {
    // Tags take the template's placeholders (`${SHORT_SHA}`, `${REF_NAME}`, vars), the image's own excepted.
    const values = (0,placeholder_values/* placeholderValues */.m)(inputs, '', git, region, undefined);
    const buildInputs = inputs.build && {
        ...inputs.build,
        tags: inputs.build.tags.map((tag) => (0,placeholders/* fillTextPlaceholders */.rD)(tag, values, 'tags')),
    };
    const imagePlan = buildInputs ? await log.group('Image', () => planImageBuild(buildInputs, imageDeps)) : undefined;
    if (!buildInputs && inputs.image)
        await checkImageExists(inputs.image, imageDeps);
    const pinned = inputs.taskDefinitionArn
        ? await pinnedRevision(clients.ecs, inputs.taskDefinitionArn, region)
        : undefined;
    for (const image of new Set(pinned?.taskDefinition.containerDefinitions?.map((c) => c.image ?? '')))
        if (image)
            await checkImageExists(image, imageDeps);
    return { imagePlan, pinned };
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
/**
 * Everything that can be checked is, before anything changes: services and strategies, the image (or the build's
 * plan), every task definition rendered and validated, deployments in flight; then the build and push, then every
 * registration, then the updates. A mistake in one service leaves them all as they were; a dry run stops before the
 * build and changes nothing.
 */
async function deploySteps(inputs, git, ports, where, done, preview, promotion) {
    const { clock, signal, log, deadline } = ports;
    // Each phase (reading, the build, each wait) may take timeout-minutes; no request outlives its phase (plus the grace).
    const phase = () => deadline.restart(inputs.timeoutMinutes * 60_000);
    phase();
    const clients = ports.aws(where.region, deadline);
    const found = await log.group('Services', () => Promise.all(inputs.services.map(async (name) => {
        const service = await (0,deploy_service/* findService */.L)(clients.ecs, inputs.cluster, name, where.region);
        log.info(`${service.serviceName} in ${inputs.cluster}: running ${(0,aws_arn/* taskDefinitionRevision */.MZ)(service.taskDefinition)}, ${service.runningCount}/${service.desiredCount} tasks`);
        // A preview is a plain copy of the service, without its blue/green set-up: it rolls.
        const plan = preview
            ? rollingPlan(inputs.strategy)
            : await planStrategy(clients, inputs.cluster, service, inputs.strategy, {
                circuitBreaker: inputs.deploymentCircuitBreaker,
                workspace: git.workspace,
            });
        (0,settings_service/* checkServiceSettings */.V9)(service, inputs.serviceSettings ?? {}, plan.mechanism);
        log.info(`  strategy: ${plan.description}`);
        return { service, plan, report: newServiceReport(where, service, plan) };
    })));
    done.services = found.map((f) => f.service);
    done.reports = found.map((f) => f.report);
    if (inputs.strategy.continueAction) {
        await resume(clients, inputs, git, ports, found, phase, deadline);
        return;
    }
    // Everything that can be checked is checked before anything changes: the image (build planned read-only, or the
    // image to deploy looked up), every task definition rendered and validated, other deployments in flight.
    const imageDeps = imageDepsOf(clients, git, ports, deadline);
    const promoted = promotion && (await log.group('Promotion', () => readPromotion(promotion, where, ports, imageDeps, deadline)));
    if (promoted) {
        done.promotedFrom = promotion.from;
        const images = [...new Set(promoted.flatMap((p) => Object.values(p.images)))];
        if (images.length === 1)
            done.image = images[0];
    }
    const { imagePlan, pinned } = await checkImages(inputs, clients, where.region, imageDeps, log, git);
    if (pinned) {
        log.info(`task-definition-arn: ${pinned.taskDefinition.family}:${pinned.taskDefinition.revision}, deployed as it is`);
    }
    const plannedImage = imagePlan ? imagePlan.reference : inputs.image;
    if (plannedImage)
        done.image = plannedImage;
    const checked = await log.group('Task definition', () => Promise.all(found.map((f, i) => prepare(clients, inputs, git, f, f.report, plannedImage, preview, log, promoted?.[i], pinned))));
    const waitContext = { clock, signal, timeoutMs: inputs.timeoutMinutes * 60_000, log: log.info };
    if (inputs.dryRun) {
        await Promise.all(checked.map((p) => writeArtifacts(inputs, git, p, plannedImage)));
        const imageNote = imagePlan && dryRunImageNote(imagePlan);
        for (const p of checked) {
            const { report } = p;
            for (const change of report.changes ?? [])
                log.info((0,report_text/* logSafe */.sN)(`  ${change}`));
            if (imageNote)
                report.notes.push(imageNote);
            const busy = preview ? undefined : await deploymentInFlight(clients, p.plan, p.service, unchangedRevision(p));
            if (busy)
                report.notes.push(`busy with ${busy.what}: a deploy would ${busy.paused || p.plan.inputs.onBusy === 'fail' ? 'fail' : 'wait for it'} (on-busy: ${p.plan.inputs.onBusy})`);
            const count = report.changes?.length ?? 0;
            Object.assign(report, {
                status: 'planned',
                reason: `Dry run: ${count ? `${count} change(s)` : 'no change'}; nothing was built, pushed, registered or deployed.`,
            });
        }
        if (imageNote)
            log.info(imageNote);
        return;
    }
    // A preview deploys its own copy of the service: the base service's deployments are not in its way.
    if (!preview) {
        phase();
        for (const p of checked)
            p.service = await checkIdle(clients, waitContext, inputs.cluster, p.plan, p.service, unchangedRevision(p));
    }
    // Nothing is deployed when the build or push fails: it throws before any task definition is registered.
    phase();
    const built = imagePlan && (await carryOutImageBuild(imagePlan, imageDeps));
    if (built)
        done.builtImage = built;
    const image = built ? built.reference : inputs.image;
    if (image)
        done.image = image;
    phase();
    const final = image === plannedImage
        ? checked
        : await Promise.all(checked.map((p, i) => prepare(clients, inputs, git, p, p.report, image, preview, undefined, promoted?.[i])));
    const prepared = await log.group('Register', async () => {
        await Promise.all(final.map((p) => writeArtifacts(inputs, git, p, image)));
        const registered = [];
        for (const p of final)
            registered.push(await register(clients, inputs, p, log));
        return registered;
    });
    const [first] = prepared;
    if (inputs.runTask && first) {
        phase();
        first.report.runTaskArns = await log.group('One-off task', () => runOneOffTask({
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
    }
    const started = [];
    phase();
    for (const p of prepared)
        started.push({ p, rollout: await start(clients, inputs, git, ports, p, preview) });
    const waiting = started.filter(({ rollout }) => rollout.deploymentId && inputs.wait);
    if (!waiting.length)
        return keepRevisions(clients, inputs, prepared, log, deadline);
    phase();
    const results = await log.group('Rollout', () => (0,watch/* waitForDeployments */.f)(watchOptions(clients, inputs, ports), waiting.map(({ p, rollout }) => ({
        service: p.report.service,
        rollout,
        targetTaskDefinition: p.registered.arn,
        priorEventIds: (p.service.events ?? []).flatMap((e) => (e.id ? [e.id] : [])),
        ...(p.verification && {
            verify: releaseCheck(p.verification, ports, {
                cluster: inputs.cluster,
                service: p.report.service,
                taskDefinition: p.registered.arn,
                image,
            }, deadline),
        }),
    }))));
    await Promise.all(waiting.map(({ p }, i) => conclude(clients, inputs, p.report, p.rendered.request.containerDefinitions ?? [], results[i], deadline)));
    await keepRevisions(clients, inputs, prepared, log, deadline);
}
/** `keep-revisions`, once every service succeeded: each family deployed keeps its newest N and what is in use. */
async function keepRevisions(clients, inputs, prepared, log, deadline) {
    const keep = inputs.keepRevisions;
    if (keep === undefined || prepared.some((p) => p.report.status !== 'succeeded'))
        return;
    if (deadline.passed())
        return log.info("keep-revisions was skipped: the run's deadline had passed.");
    for (const family of new Set(prepared.map((p) => p.registered.family))) {
        const gone = await pruneRevisions(clients.ecs, inputs.cluster, family, keep, log);
        for (const p of prepared.filter((p) => p.registered.family === family))
            if (gone.length)
                p.report.notes.push(`deregistered ${gone.join(', ')} (keep-revisions: ${keep})`);
    }
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
/**
 * `continue`: resumes (or rolls back) the deployments an earlier run left paused at `wait-until`, and follows
 * them to their end. Nothing is built, rendered or registered.
 */
async function resume(clients, inputs, git, ports, found, phase, deadline) {
    const { clock, log } = ports;
    // Checked before anything changes: the release a paused run verified through the test listener is verified again
    // while it goes on, and in production at the end.
    const verifications = new Map();
    if ((0,verify/* wantsVerification */.n)(inputs.verify) && inputs.strategy.continueAction !== 'rollback')
        for (const { report } of found)
            verifications.set(report, planVerification(inputs.verify, (0,placeholder_values/* placeholderValues */.m)(inputs, report.service, git, report.region, undefined), new Set(Object.keys(inputs.vars))));
    const resumed = await Promise.all(found.map(async (f) => ({
        ...f,
        rollout: await continueStrategy(clients, inputs.cluster, f.plan, f.service, clock.now()),
    })));
    const verb = inputs.strategy.continueAction === 'rollback' ? 'rolling back' : 'continuing';
    resumed.forEach(({ rollout, report }) => {
        Object.assign(report, {
            taskDefinitionArn: rollout.targetTaskDefinition,
            previousTaskDefinition: rollout.previousTaskDefinition,
            startedAt: rollout.startedAt,
        });
        if (rollout.deploymentId)
            report.deploymentId = rollout.deploymentId;
        log.info(`${report.service}: ${verb} deployment ${rollout.deploymentId} of ${(0,aws_arn/* taskDefinitionRevision */.MZ)(rollout.targetTaskDefinition)}`);
    });
    phase();
    const results = await log.group('Rollout', () => (0,watch/* waitForDeployments */.f)(watchOptions(clients, inputs, ports), resumed.map(({ rollout, report, service }) => {
        const verification = verifications.get(report);
        return {
            service: report.service,
            rollout,
            targetTaskDefinition: rollout.targetTaskDefinition,
            priorEventIds: (service.events ?? []).flatMap((e) => (e.id ? [e.id] : [])),
            ...(verification && {
                verify: releaseCheck(verification, ports, {
                    cluster: inputs.cluster,
                    service: report.service,
                    taskDefinition: rollout.targetTaskDefinition,
                }, deadline),
            }),
        };
    })));
    await Promise.all(resumed.map(async ({ rollout, report }, i) => {
        const described = deadline.passed()
            ? undefined
            : await describeTaskDefinition(clients.ecs, rollout.targetTaskDefinition).catch(() => undefined);
        await conclude(clients, inputs, report, described?.taskDefinition.containerDefinitions ?? [], results[i], deadline);
    }));
}

// EXTERNAL MODULE: ./src/settings/inputs.ts + 2 modules
var settings_inputs = __webpack_require__(9303);
;// CONCATENATED MODULE: ./src/engine/standalone.ts










/** Registers (or takes) the revision and runs the one-off task, without any service; see `runsAlone`. */
function runAlone(inputs, git, ports, where) {
    return recorded((done) => aloneSteps(inputs, git, ports, where, done));
}
async function aloneSteps(inputs, git, ports, where, done) {
    const { clock, signal, log, deadline } = ports;
    // The template may come from the config file's environment: checked once the plan has settled it.
    if (inputs.registerOnly && !inputs.taskDefinition) {
        throw new errors/* UserError */.yo('Input `register-only` needs `task-definition`: the template to render and register (no service is read to start from).');
    }
    if (!inputs.taskDefinition && !inputs.taskDefinitionArn) {
        throw new errors/* UserError */.yo('Input `run-task` without a service needs `task-definition` (a template to register and run) or `task-definition-arn` (a revision to run).');
    }
    deadline.restart(inputs.timeoutMinutes * 60_000);
    const clients = ports.aws(where.region, deadline);
    const report = {
        ...where,
        service: '',
        status: 'failed',
        reason: '',
        strategy: inputs.registerOnly ? 'register only' : 'one-off task',
        notes: [],
    };
    done.reports = [report];
    const imageDeps = imageDepsOf(clients, git, ports, deadline);
    // Checked before anything changes, as a deploy: the image (or the build's plan), the revision, the task's network.
    const { imagePlan, pinned } = await checkImages(inputs, clients, where.region, imageDeps, log, git);
    const render = (image) => pinned
        ? Promise.resolve(existingTaskDefinition(pinned.taskDefinition, pinned.tags))
        : (0,taskdef_render/* renderTaskDefinition */.P)({
            templatePath: inputs.taskDefinition ?? '',
            ...(image !== undefined && { image }),
            containers: inputs.containers,
            environment: inputs.environmentVariables,
            secrets: inputs.secrets,
            placeholders: (0,placeholder_values/* placeholderValues */.m)(inputs, '', git, where.region, image),
        });
    const plannedImage = imagePlan ? imagePlan.reference : inputs.image;
    if (plannedImage)
        done.image = plannedImage;
    let rendered = await log.group('Task definition', () => render(plannedImage));
    for (const note of rendered.notes)
        log.info((0,report_text/* logSafe */.sN)(note));
    const family = rendered.request.family ?? '';
    const latest = pinned ?? (await (0,aws_errors/* unlessNotFound */.CA)(describeTaskDefinition(clients.ecs, family)));
    Object.assign(report, {
        service: family,
        notes: rendered.notes,
        containers: rendered.containers,
        rendered: rendered.request,
        changes: latest && !pinned ? describeChanges(rendered.request, latest.taskDefinition) : [],
    });
    const container = inputs.runTask ? runContainer(inputs, rendered.request, rendered.containers) : undefined;
    if (inputs.dryRun) {
        for (const change of report.changes ?? [])
            log.info((0,report_text/* logSafe */.sN)(`  ${change}`));
        Object.assign(report, {
            status: 'planned',
            reason: `Dry run: ${report.changes?.length ? `${report.changes.length} change(s)` : 'no change'} to ${family}; nothing was built, pushed, registered or run.`,
        });
        return;
    }
    const built = imagePlan && (await carryOutImageBuild(imagePlan, imageDeps));
    if (built)
        done.builtImage = built;
    const image = built ? built.reference : inputs.image;
    if (image)
        done.image = image;
    if (image !== plannedImage)
        rendered = await render(image);
    const registered = pinned
        ? pinnedRegistration(pinned)
        : await log.group('Register', () => registerIfChanged(clients.ecs, rendered.request, latest));
    const revision = `${registered.family}:${registered.revision}`;
    Object.assign(report, { taskDefinitionArn: registered.arn, registered: registered.registered });
    log.info(pinned
        ? `running ${revision} as it is (task-definition-arn)`
        : registered.registered
            ? `registered ${revision}`
            : `no change to register: ${revision} already has this content`);
    for (const change of report.changes ?? [])
        log.info((0,report_text/* logSafe */.sN)(`  ${change}`));
    let ran = '';
    if (inputs.runTask && container) {
        deadline.restart(inputs.timeoutMinutes * 60_000);
        const command = commandArguments(inputs.runTask);
        report.runTaskArns = await log.group('One-off task', () => runOneOffTask({
            ecs: clients.ecs,
            logsIn: (region) => clients.logsIn(region),
            cluster: inputs.cluster,
            taskDefinitionArn: registered.arn,
            containers: rendered.request.containerDefinitions ?? [],
            container,
            command,
            ...(inputs.runTaskOptions && { options: inputs.runTaskOptions }),
            timeoutMs: inputs.timeoutMinutes * 60_000,
            clock,
            signal,
            log: log.info,
            logLines: inputs.logLines,
        }));
        ran = `; the one-off task (${command.join(' ')}) exited 0`;
    }
    Object.assign(report, {
        status: 'succeeded',
        reason: inputs.registerOnly
            ? `Registered ${revision}, not deployed (register-only)${ran}.`
            : `Ran ${revision} on its own${ran}.`,
    });
}
/**
 * The container the one-off task runs in, checked now; and for an awsvpc task definition with no service to borrow
 * a network from, the subnets it needs.
 */
function runContainer(inputs, request, withImage) {
    const names = (request.containerDefinitions ?? []).map((c) => c.name ?? '');
    const container = inputs.runTaskContainer ?? withImage[0] ?? names[0] ?? '';
    if (!names.includes(container)) {
        throw new errors/* UserError */.yo(`Input \`run-task-container\` "${container}" is not a container of the task definition (${names.join(', ')}).`);
    }
    if (request.networkMode === 'awsvpc' && !inputs.runTaskOptions?.subnets?.length) {
        throw new errors/* UserError */.yo(`Input \`run-task-subnets\` is needed to run the one-off task without a service: task definition ${request.family} uses the awsvpc network mode, so the task needs its subnets (and \`run-task-security-groups\`).`);
    }
    return container;
}

// EXTERNAL MODULE: ./src/report/status.ts
var report_status = __webpack_require__(6934);
;// CONCATENATED MODULE: ./src/engine/run-report.ts









const SEVERITY = ['failed', 'rolled-back', 'timed-out', 'paused', 'planned', 'succeeded', 'skipped'];
/** The run's status: the worst of its services'. */
function overallStatus(statuses) {
    return SEVERITY.find((s) => statuses.includes(s)) ?? 'succeeded';
}
const ICON = {
    succeeded: '✅',
    failed: '❌',
    'rolled-back': '↩️',
    'timed-out': '⏱️',
    paused: '⏸️',
    skipped: '⏭️',
    planned: '📝',
};
function revisionName(taskDefinitionArn) {
    return taskDefinitionArn?.split('/').pop() ?? '—';
}
function consoleServiceUrl(region, cluster, service) {
    const c = encodeURIComponent(cluster.split('/').pop() ?? cluster);
    const s = encodeURIComponent(service.split('/').pop() ?? service);
    return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${c}/services/${s}/deployments?region=${region}`;
}
function failureLines(failure) {
    const lines = [
        `**${summaryText(failure.cause.summary)}**${failure.tasks > 1 ? ` (${failure.tasks} tasks)` : ''}`,
        '',
        `Fix: ${failure.cause.fix}`,
        '',
        `Evidence: ${summaryText(describeStoppedTask(failure.example))}`,
        '',
    ];
    if (failure.logLines?.length) {
        lines.push(`Last ${failure.logLines.length} log lines of ${failure.container} (${summaryText(failure.logSource ?? '')}):`, '', summaryCode(failure.logLines.join('\n')), '');
    }
    else if (failure.logError) {
        lines.push(`Logs: ${summaryText(failure.logError)}`, '');
    }
    return lines;
}
function diagnosis(report) {
    const lines = ['#### Why it failed', '', summaryText(report.reason), ''];
    if (report.rollback)
        lines.push(`Rollback: ${summaryText(report.rollback)}`, '');
    for (const failure of report.failures ?? [])
        lines.push(...failureLines(failure));
    if (report.stoppedTasksError)
        lines.push(`Stopped tasks: ${report.stoppedTasksError}`, '');
    if (!report.failures?.length && report.eventCause) {
        lines.push(`**${summaryText(report.eventCause.summary)}**`, '', `Fix: ${report.eventCause.fix}`, '');
    }
    if (report.recentEvents?.length) {
        lines.push('Latest service events:', '', ...report.recentEvents.map((e) => `- ${summaryText(e)}`), '');
    }
    return lines;
}
function revisionChange(report) {
    const changed = report.previousTaskDefinition && report.previousTaskDefinition !== report.taskDefinitionArn;
    const revision = changed
        ? `${revisionName(report.previousTaskDefinition)} → ${revisionName(report.taskDefinitionArn)}`
        : `${revisionName(report.taskDefinitionArn)} (unchanged)`;
    return `${revision}${report.registered ? ' (registered by this run)' : ''}`;
}
/** One service's part of the summary: why it failed (first), what was deployed, then the details. */
function serviceSection(report, run, single) {
    const lines = [];
    if (isFailure(report.status))
        lines.push(...diagnosis(report));
    else
        lines.push(summaryText(report.reason), '');
    const rows = [
        ['Service', `[${report.service}](${consoleServiceUrl(report.region, report.cluster, report.service)})`],
    ];
    if (single)
        rows.push(...environmentRows(run), ['Cluster', report.cluster], ['Region', report.region]);
    if (report.taskDefinitionArn)
        rows.push(['Task definition', revisionChange(report)]);
    if (report.promoted)
        rows.push(...promotionRows(report.promoted));
    else if (single && run.image)
        rows.push(['Image', `\`${run.image}\``]);
    if (report.containers?.length)
        rows.push(['Containers', summaryText(report.containers.join(', '))]);
    rows.push(['Strategy', report.strategy], ...strategyRows(report.progress, report.startedAt ?? report.timeline?.[0]?.at ?? 0), ['Result', report.status]);
    if (single)
        rows.push(['Duration', `${run.durationSeconds} s`]);
    if (report.deploymentId)
        rows.push(['Deployment', report.deploymentId]);
    if (single && run.runUrl)
        rows.push(['Run', run.runUrl]);
    lines.push(keyValueTable(rows), '');
    if (single && run.builtImage)
        lines.push(imageSummarySection(run.builtImage), '');
    if (report.notes.length)
        lines.push('#### Notes', '', ...report.notes.map((n) => `- ${summaryText(n)}`), '');
    if (report.changes?.length) {
        const open = report.status === 'planned' ? '<details open>' : '<details>';
        lines.push(`${open}<summary>What changes (${report.changes.length})</summary>`, '', ...report.changes.map((c) => `- ${summaryText(c)}`), '', '</details>', '');
    }
    if (report.timeline?.length) {
        const start = report.startedAt ?? report.timeline[0]?.at ?? 0;
        lines.push('<details><summary>Rollout timeline</summary>', '', '| elapsed | event |', '| --- | --- |', ...foldTimeline(report.timeline).map((t) => `| ${formatElapsed(t.at - start)} | ${timelineText(t, start)} |`), '', '</details>', '');
    }
    return lines;
}
/** A timeline line; a folded one says how often it came and until when. */
function timelineText(line, start) {
    const text = summaryText(line.message);
    return line.count > 1 ? `${text} (×${line.count}, the last at ${formatElapsed(line.lastAt - start)})` : text;
}
/** Where a promoted service's images came from, and each image by digest. */
function promotionRows(promoted) {
    const images = Object.entries(promoted.images).map(([container, image]) => `${summaryText(container)}: \`${image}\``);
    return [
        [
            'Promoted from',
            `${promoted.environment} (${summaryText(promoted.service)}, ${revisionName(promoted.taskDefinition)})`,
        ],
        ['Images', images.join('<br>')],
    ];
}
/** The promoted images as the `promoted-images` output: `container=image` lines, `service: ` first when there are several. */
function promotedImageLines(run) {
    return run.services.flatMap((s) => Object.entries(s.promoted?.images ?? {}).map(([container, image]) => `${run.services.length > 1 ? `${s.service}: ` : ''}${container}=${image}`));
}
function environmentRows(run) {
    const rows = [];
    if (run.environment)
        rows.push(['Environment', `${run.environment}${run.environmentReason ? ` (${run.environmentReason})` : ''}`]);
    if (run.environmentUrl)
        rows.push(['URL', run.environmentUrl]);
    return rows;
}
/** The job summary as Markdown: what was deployed, how it went and, on failure, why. */
function renderSummary(run) {
    const [only] = run.services;
    if (run.services.length === 1 && only) {
        return [
            `## ${ICON[only.status]} ECS deploy: ${only.service} ${only.status}`,
            '',
            ...serviceSection(only, run, true),
        ].join('\n');
    }
    const failedCount = run.services.filter((s) => isFailure(s.status)).length;
    const title = run.services.length
        ? `${run.services.length} services, ${failedCount ? `${failedCount} not deployed` : run.status === 'planned' || run.status === 'paused' ? run.status : 'all deployed'}`
        : `${run.environment ? `${run.environment} ` : ''}${run.status}`;
    const lines = [`## ${ICON[run.status]} ECS deploy: ${title}`, ''];
    if (run.reason)
        lines.push(summaryText(run.reason), '');
    if (run.services.length) {
        lines.push('| service | task definition | result | |', '| --- | --- | --- | --- |', ...run.services.map((s) => `| ${s.service} | ${escapeCell(s.taskDefinitionArn ? revisionChange(s) : '—')} | ${ICON[s.status]} ${s.status} | ${summaryText(s.reason)} |`), '');
    }
    const rows = [...environmentRows(run), ['Cluster', run.cluster], ['Region', run.region]];
    if (run.promotedFrom)
        rows.push(['Promoted from', run.promotedFrom]);
    if (run.image)
        rows.push(['Image', `\`${run.image}\``]);
    rows.push(['Duration', `${run.durationSeconds} s`]);
    if (run.runUrl)
        rows.push(['Run', run.runUrl]);
    lines.push(keyValueTable(rows), '');
    if (run.builtImage)
        lines.push(imageSummarySection(run.builtImage), '');
    if (run.removed?.length)
        lines.push('### Removed', '', ...run.removed.map((r) => `- ${r}`), '');
    for (const report of run.services)
        lines.push(`### ${report.service}`, '', ...serviceSection(report, run, false));
    return lines.join('\n');
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
 * Carries out the plan and returns how it ended, with the services' reports and the image the pipeline returned; when
 * it throws, `doneSoFar(error)` gives what was done, so a failure part-way still reports it. GitHub deployment statuses and the preview comment follow it.
 */
async function carryOut(plan, git, ports, report) {
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
        const result = (0,settings_inputs/* runsAlone */.Gx)(inputs)
            ? await runAlone(inputs, git, ports, report)
            : await deploy(inputs, git, ports, report, preview, plan.promotion);
        reports = result.reports;
        status = overallStatus(reports.map((s) => s.status));
        environmentUrl =
            environment?.url ??
                reports.find((s) => s.url)?.url ??
                (await loadBalancerUrl(ports, report.region, result.services[0]));
        return { status, reason: '', ...(environmentUrl && { environmentUrl }), ...pipelineReport(result) };
    }
    catch (error) {
        reports = partialResult(error)?.reports ?? [];
        throw error;
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
 * Which services ended how, never why: a reason may quote an answer or a command's output, and anyone who can read
 * the repository reads a deployment status, unmasked.
 */
function failureDescription(reports) {
    const failed = reports.filter((s) => (0,report_status/* isFailure */.N)(s.status));
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
/** What the pipeline had done when it threw `error`, for the report of a run that failed part-way. */
function doneSoFar(error) {
    const partial = partialResult(error);
    return partial ? pipelineReport(partial) : {};
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

/***/ 3825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EG: () => (/* binding */ describeBuildFailure),
/* harmony export */   a8: () => (/* binding */ dockerNotInstalled),
/* harmony export */   aY: () => (/* binding */ pushProblem),
/* harmony export */   lx: () => (/* binding */ repositoryMissing),
/* harmony export */   u7: () => (/* binding */ dockerEngineProblem)
/* harmony export */ });
/* unused harmony exports ECR_PUSH_PERMISSIONS, dockerfileInstructions, lineOfLegacyStep */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

/** How many lines of the failing step an error message shows. */
const TAIL_LINES = 20;
const ECR_PUSH_PERMISSIONS = [
    'ecr:BatchCheckLayerAvailability',
    'ecr:InitiateLayerUpload',
    'ecr:UploadLayerPart',
    'ecr:CompleteLayerUpload',
    'ecr:PutImage',
];
function dockerNotInstalled() {
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('Docker is not installed on this runner (no `docker` on PATH): use a runner that has Docker (ubuntu-latest does), or omit `build` and deploy an existing `image`.');
}
/** A UserError when docker's output says the engine cannot be reached; undefined for anything else. */
function dockerEngineProblem(output) {
    const line = findLine(output, /Cannot connect to the Docker daemon/i);
    if (line !== undefined) {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The Docker daemon is not running (docker said: ${line}): start it before this step, or use a runner where Docker runs (ubuntu-latest does).`);
    }
    const denied = findLine(output, /permission denied while trying to connect to the docker (?:daemon|API)/i);
    if (denied !== undefined) {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`This user may not use the Docker daemon (docker said: ${denied}): add the runner's user to the docker group, or run the job as a user that may.`);
    }
    return undefined;
}
/** The Dockerfile's instructions with their start lines (comments, blank lines, continuations and heredocs skipped). */
function dockerfileInstructions(text) {
    const lines = text.split(/\r?\n/);
    const escape = /^#\s*escape\s*=\s*`/i.test(lines.find((line) => line.trim() !== '') ?? '') ? '`' : '\\';
    const instructions = [];
    let i = 0;
    while (i < lines.length) {
        const first = (lines[i] ?? '').trim();
        if (first === '' || first.startsWith('#')) {
            i++;
            continue;
        }
        const start = i;
        const parts = [];
        let current = first;
        for (;;) {
            const continued = current.endsWith(escape);
            parts.push(continued ? current.slice(0, -1) : current);
            i++;
            if (!continued)
                break;
            // Docker drops comment and blank lines inside a continuation.
            while (i < lines.length && /^\s*(#.*)?$/.test(lines[i] ?? ''))
                i++;
            if (i >= lines.length)
                break;
            current = (lines[i] ?? '').trim();
        }
        const joined = parts.join(' ').replace(/\s+/g, ' ').trim();
        const heredoc = /<<(-?)["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(joined);
        if (heredoc?.[2]) {
            const end = heredoc[2];
            while (i < lines.length && (heredoc[1] ? (lines[i] ?? '').trim() : lines[i]) !== end)
                i++;
            i++;
        }
        instructions.push({ line: start + 1, keyword: (joined.split(' ')[0] ?? '').toUpperCase(), text: joined });
    }
    return instructions;
}
/**
 * The Dockerfile line of the step a legacy build names (`Step 3/5 : RUN make`): the 3rd instruction when its
 * keyword agrees, else the first instruction with the same text.
 */
function lineOfLegacyStep(step, stepText, instructions) {
    const normalised = stepText.replace(/\s+/g, ' ').trim();
    const keyword = (normalised.split(' ')[0] ?? '').toUpperCase();
    const byIndex = instructions[step - 1];
    if (byIndex && byIndex.keyword === keyword)
        return byIndex.line;
    const sameText = (instruction) => instruction.keyword === keyword &&
        instruction.text.slice(keyword.length).trim() === normalised.slice(keyword.length).trim();
    return instructions.find(sameText)?.line;
}
/**
 * Turns a failed build's log into a message that says where it failed and shows the failing step's last lines.
 * Understands BuildKit's `Dockerfile:12` block, the legacy builder's `Step 3/5 : RUN …`, and parse errors.
 */
function describeBuildFailure(lines, dockerfile, exitCode) {
    let startLine;
    let instruction;
    let tail;
    const errorStep = lastMatch(lines, /^#(\d+) ERROR:/);
    const legacyStep = lastMatch(lines, /^Step (\d+)\/\d+ : (.*)$/);
    if (errorStep || lines.some((line) => /^#\d+ /.test(line))) {
        // BuildKit: the source block names the file and line (`Dockerfile:12` then a dashed rule), `>>>` marks it.
        for (let i = lines.length - 2; i >= 0; i--) {
            const located = /^\s*(\S+):(\d+)\s*$/.exec(lines[i] ?? '');
            if (located?.[2] && /^-{5,}\s*$/.test(lines[i + 1] ?? '')) {
                startLine = Number(located[2]);
                break;
            }
        }
        const marked = lines.findLast((line) => /^\s*\d+ \| >>> /.test(line));
        instruction = marked?.replace(/^\s*\d+ \| >>> /, '').trim();
        if (errorStep?.match[1]) {
            const prefix = `#${errorStep.match[1]} `;
            tail = lines
                .filter((line) => line.startsWith(prefix))
                .map((line) => line.slice(prefix.length).replace(/^\d+\.\d+ /, ''))
                .filter((line) => !/^\[.*\] /.test(line) || line.includes('ERROR'));
            if (instruction === undefined) {
                const header = lines.find((line) => line.startsWith(prefix) && /\] /.test(line));
                instruction = header?.replace(/^#\d+ \[[^\]]*\] /, '');
            }
        }
        else {
            tail = [...lines];
        }
        const summary = lines.findLast((line) => /^ERROR: /.test(line));
        tail = tail.slice(-TAIL_LINES);
        if (summary !== undefined && !tail.includes(summary))
            tail.push(summary);
    }
    else if (legacyStep?.match[1]) {
        instruction = legacyStep.match[2]?.trim();
        if (dockerfile.text !== undefined && instruction !== undefined) {
            startLine = lineOfLegacyStep(Number(legacyStep.match[1]), instruction, dockerfileInstructions(dockerfile.text));
        }
        tail = lines.slice(legacyStep.index + 1).filter((line) => !/^ ---> /.test(line) && line.trim() !== '');
        tail = tail.slice(-TAIL_LINES);
    }
    else {
        tail = lines.filter((line) => line.trim() !== '').slice(-TAIL_LINES);
    }
    const parseError = findLine(lines.join('\n'), /dockerfile parse error (?:on )?line (\d+)/i);
    if (parseError !== undefined && startLine === undefined) {
        startLine = Number(/line (\d+)/i.exec(parseError)?.[1]);
    }
    instruction = instruction?.replace(/\s+/g, ' ');
    const where = startLine !== undefined
        ? ` at ${dockerfile.path}:${startLine}${instruction ? ` (${instruction})` : ''}`
        : instruction
            ? ` at step ${instruction}`
            : ` (exit code ${exitCode})`;
    const shown = tail.map((line) => `  ${line}`).join('\n');
    return {
        message: `Docker build failed${where}${shown ? `:\n${shown}` : '.'}`,
        ...(startLine !== undefined && { startLine }),
    };
}
/**
 * A UserError saying what went wrong and how to fix it when a push (legacy `docker push`, or buildx `--push`) failed
 * for a reason the user can fix; undefined when the output shows none of them.
 */
function pushProblem(output, context) {
    const immutable = /tag invalid: The image tag '([^']+)' already exists/i.exec(output) ??
        /The image tag '([^']+)' already exists/i.exec(output) ??
        /ImageTagAlreadyExistsException/.exec(output);
    if (immutable) {
        const tag = immutable[1];
        const named = tag !== undefined ? `The tag "${tag}"` : 'A tag';
        const fix = tag === context.sha
            ? 'set skip-build-if-exists: true to deploy the image already pushed for this commit, or push a unique tag'
            : 'push a unique tag instead (the commit sha is one; remove this tag from tags)';
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${named} already exists in ${context.repository} for another image, and the repository's tags are immutable: ${fix}.`);
    }
    const missing = findLine(output, /name unknown: The repository with name '[^']+' does not exist/i) ??
        findLine(output, /repository with name '[^']+' (?:does not exist|not found)/i) ??
        findLine(output, /RepositoryNotFoundException/);
    if (missing !== undefined) {
        return context.ecr !== undefined
            ? repositoryMissing(repositoryPath(context.repository), context.ecr)
            : new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The repository ${context.repository} does not exist (registry said: ${missing.trim()}): create it first.`);
    }
    const denied = findLine(output, /denied|not authorized|\b403\b|forbidden|unauthorized|\b401\b|no basic auth credentials|authorization token has expired/i);
    if (denied !== undefined) {
        const said = denied.trim();
        if (context.ecr !== undefined) {
            return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Pushing to ${context.repository} was denied (registry said: ${said}): the role this job runs as needs ${ECR_PUSH_PERMISSIONS.join(', ')} on that repository (and ecr:GetAuthorizationToken).`);
        }
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Pushing to ${context.repository} was denied (registry said: ${said}): check registry-username and registry-password, and that this account may push to that repository.`);
    }
    return undefined;
}
function repositoryMissing(repository, registryLabel) {
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`ECR repository ${repository} does not exist in ${registryLabel}: create it, or set create-repository: true.`);
}
function repositoryPath(name) {
    return name.slice(name.indexOf('/') + 1);
}
function findLine(output, pattern) {
    return output.split(/\r?\n/).find((line) => pattern.test(line));
}
function lastMatch(lines, pattern) {
    for (let index = lines.length - 1; index >= 0; index--) {
        const match = pattern.exec(lines[index] ?? '');
        if (match)
            return { index, match };
    }
    return undefined;
}


/***/ }),

/***/ 9261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkDocker: () => (/* binding */ checkDocker),
/* harmony export */   docker: () => (/* binding */ docker),
/* harmony export */   dockerLogin: () => (/* binding */ dockerLogin),
/* harmony export */   hasBuildx: () => (/* binding */ hasBuildx),
/* harmony export */   lastLine: () => (/* binding */ lastLine),
/* harmony export */   logoutRegistries: () => (/* binding */ logoutRegistries)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _common_exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3644);
/* harmony import */ var _diagnose_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3825);



/**
 * Every docker command goes through here: an argument array, never a shell; a missing docker becomes a UserError, one
 * stopped by `signal` (the run's deadline) a NoAnswer naming it.
 */
async function docker(args, options = {}) {
    let result;
    try {
        result = await (0,_common_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .execCommand */ .N)('docker', args, options);
    }
    catch (error) {
        if (/Unable to locate executable file/i.test((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)))
            throw (0,_diagnose_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerNotInstalled */ .a8)();
        throw error;
    }
    if (result.stopped)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NoAnswer */ .W_(`docker ${args[0] ?? ''} did not finish before the run's deadline (timeout-minutes, or the job was cancelled): it was stopped.`);
    return result;
}
/** Fails with a clear message when docker is missing or its daemon cannot be reached. */
async function checkDocker(log, signal) {
    const result = await docker(['version', '--format', '{{.Server.Version}}'], { silent: true, signal });
    if (result.exitCode === 0) {
        log.info(`Docker engine ${result.stdout.trim()}`);
        return;
    }
    const output = `${result.stderr}\n${result.stdout}`;
    throw ((0,_diagnose_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerEngineProblem */ .u7)(output) ??
        new Error(`\`docker version\` failed with exit code ${result.exitCode}: ${output.trim() || 'no output'}`));
}
/** Whether the buildx plugin is there (`docker buildx version` succeeds). */
async function hasBuildx(signal) {
    const result = await docker(['buildx', 'version'], { silent: true, signal });
    return result.exitCode === 0;
}
/**
 * `docker login` with the password on stdin only (never argv), registered as a secret first.
 * Tells `loggedIn` of the registry, for logoutRegistries() at the end, unless `remember` is false (logout: false).
 */
async function dockerLogin(registry, username, password, options) {
    options.log.secret(password);
    const result = await docker(['login', '--username', username, '--password-stdin', registry], {
        input: password,
        silent: true,
        signal: options.signal,
    });
    if (result.exitCode !== 0) {
        const output = `${result.stderr}\n${result.stdout}`;
        throw ((0,_diagnose_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerEngineProblem */ .u7)(output) ??
            new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`docker login to ${registry} failed (${lastLine(output)}): ${options.hint}`));
    }
    options.log.info(`Logged in to ${registry} as ${username}.`);
    if (options.remember)
        options.loggedIn?.(registry);
}
/** At the end of a run (the action's post step): `docker logout` of every registry it logged in to. Never throws; warns instead. */
async function logoutRegistries(registries, log) {
    for (const registry of registries) {
        try {
            const result = await docker(['logout', registry], { silent: true });
            if (result.exitCode === 0)
                log.info(`Logged out of ${registry}.`);
            else
                log.warning(`docker logout ${registry} failed: ${lastLine(`${result.stderr}\n${result.stdout}`)}`);
        }
        catch (error) {
            log.warning(`docker logout ${registry} failed: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
        }
    }
}
function lastLine(output) {
    return (output
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .at(-1) ?? 'no output');
}


/***/ })

};

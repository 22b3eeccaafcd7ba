export const id = 239;
export const ids = [239];
export const modules = {

/***/ 2239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPlan: () => (/* binding */ runPlan)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3110);
// EXTERNAL MODULE: ./src/common/git-context.ts
var git_context = __webpack_require__(9723);
// EXTERNAL MODULE: ./src/config/index.ts + 3 modules
var src_config = __webpack_require__(1085);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/engine/plan-step.ts
// The plan step (`mode: plan`, `ecs-deploy-action plan`): which environments this ref deploys, as a matrix. It reads the
// config file and the event only: no AWS client is made, so it needs no credentials.


/** Plans the environments of this run and logs each one's verdict; a missing config file is a bad input. */
async function planStep(settings, log) {
    const { inputs, git, event } = settings;
    const config = await (0,src_config/* loadConfig */.Z9)(inputs.config ?? src_config/* DEFAULT_CONFIG_FILE */.Cu, { workspace: git.workspace, required: true });
    // required: true, so there is a config or loadConfig threw.
    const plan = (0,src_config/* planEnvironments */.aI)(config, event, inputs.environment);
    for (const v of plan.verdicts)
        log.info((0,report_text/* logSafe */.sN)(`${v.deploys ? '✅' : '⏭️'} ${v.environment}: ${v.reason}`));
    log.info(plan.environments.length
        ? `Deploys ${plan.environments.join(', ')} (${plan.matrix.include.length} matrix entr${plan.matrix.include.length === 1 ? 'y' : 'ies'}).`
        : 'Deploys nothing: no environment takes this ref.');
    return plan;
}

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/github/index.ts + 2 modules
var github = __webpack_require__(4112);
;// CONCATENATED MODULE: ./src/engine/plan-summary.ts

/** The plan step's job summary: each environment, whether this ref deploys it (and where), and why. */
function renderPlanSummary(plan) {
    const where = (environment) => plan.matrix.include
        .filter((e) => e.environment === environment)
        .map((e) => e.region ?? 'the job’s region')
        .join(', ');
    // Names and regions are checked by the config's validator; the reason holds the ref, outside text.
    const rows = plan.verdicts.map((v) => `| ${v.environment} | ${v.deploys ? `✅ ${where(v.environment)}` : '⏭️ no'} | ${(0,report_text/* summaryText */.g5)(v.reason)} |`);
    return [
        '### Deploy plan',
        '',
        plan.environments.length
            ? `This run deploys ${plan.environments.map(report_text/* summaryText */.g5).join(', ')}.`
            : 'This run deploys nothing: no environment takes this ref.',
        '',
        '| Environment | Deploys | Why |',
        '| --- | --- | --- |',
        ...rows,
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/action/plan.ts
// `mode: plan` on the runner: the matrix and the environments as step outputs, and the plan as the job summary.






/** Plans the run and publishes the outputs `matrix`, `any` and `result` (with `environments`); throws a UserError on bad input. */
async function runPlan(inputs, log) {
    const plan = await planStep({ inputs, git: (0,git_context/* readGitContext */.e)(), event: (0,github/* readRunEvent */.lV)() }, log);
    core/* setOutput */.uH('matrix', JSON.stringify(plan.matrix));
    core/* setOutput */.uH('any', String(plan.environments.length > 0));
    core/* setOutput */.uH('result', JSON.stringify({ environments: plan.environments }));
    try {
        await core/* summary */.z.addRaw(renderPlanSummary(plan), true).write();
    }
    catch (error) {
        core/* warning */.$e(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}


/***/ }),

/***/ 8943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QH: () => (/* binding */ ownerRepo),
/* harmony export */   S4: () => (/* binding */ allPages),
/* harmony export */   dZ: () => (/* binding */ describeGitHubError),
/* harmony export */   gj: () => (/* binding */ isPermissionError),
/* harmony export */   md: () => (/* binding */ PAGE_SIZE)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

const PAGE_SIZE = 100;
function ownerRepo(git) {
    const [owner = '', repo = ''] = git.repository.split('/');
    return { owner, repo };
}
/** The token may not do this: GitHub answers 403, or 404 for what it hides from the token. */
function isPermissionError(error) {
    const status = error.status;
    return status === 403 || status === 404 || /Resource not accessible by integration/i.test((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error));
}
/** `Not Found (HTTP 404)`: the first line of Octokit's message, and the status. */
function describeGitHubError(error) {
    const status = error.status;
    const message = (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)
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


/***/ }),

/***/ 4112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Eg: () => (/* reexport */ createDeploymentTracker),
  Wy: () => (/* reexport */ previewComment),
  lV: () => (/* reexport */ github_event/* readRunEvent */.E),
  dX: () => (/* reexport */ upsertPreviewComment)
});

// UNUSED EXPORTS: previewCommentMarker, runEventFrom

// EXTERNAL MODULE: ./src/github/api.ts
var api = __webpack_require__(8943);
;// CONCATENATED MODULE: ./src/github/deployments.ts

const DESCRIPTION_MAX = 140;
/**
 * Records the deploy as a GitHub deployment with statuses. The deployment is created by the first status.
 * Without permission, it warns once and does nothing more: a deploy never fails for its GitHub record.
 */
function createDeploymentTracker(octokit, git, options, warn) {
    const repo = (0,api/* ownerRepo */.QH)(git);
    let deploymentId;
    let disabled = false;
    async function attempt(what, call) {
        if (disabled)
            return;
        try {
            await call();
        }
        catch (error) {
            const why = `${what} for environment ${options.environment}: ${(0,api/* describeGitHubError */.dZ)(error)}.`;
            if (!(0,api/* isPermissionError */.gj)(error))
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
            const deployments = await (0,api/* allPages */.S4)((page) => octokit.rest.repos.listDeployments({ ...repo, environment: options.environment, per_page: api/* PAGE_SIZE */.md, page }));
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
        (0,markdown/* keyValueTable */.z)(rows),
        ...(facts.detail ? ['', facts.detail] : []),
    ].join('\n');
}
/**
 * Writes this service's preview comment on the pull request: updates the comment holding its marker that the token's
 * identity wrote, or adds one. Without permission it warns and returns undefined.
 */
async function upsertPreviewComment(octokit, git, comment, warn) {
    const repo = (0,api/* ownerRepo */.QH)(git);
    const marker = previewCommentMarker(comment.service);
    const body = comment.body.startsWith(marker) ? comment.body : `${marker}\n${comment.body}`;
    try {
        const comments = await (0,api/* allPages */.S4)((page) => octokit.rest.issues.listComments({ ...repo, issue_number: comment.pr, per_page: api/* PAGE_SIZE */.md, page }));
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
        const fix = (0,api/* isPermissionError */.gj)(error)
            ? ' Give the job `permissions: pull-requests: write` to get the preview URL as a comment.'
            : ' The deploy itself is not affected.';
        warn(`Could not write the preview comment on pull request #${comment.pr}: ${(0,api/* describeGitHubError */.dZ)(error)}.${fix}`);
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





/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ escapeCell),
/* harmony export */   z: () => (/* binding */ keyValueTable)
/* harmony export */ });
/** A Markdown table cell: pipes escaped, newlines folded, so a message cannot break the table. */
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
/** A two-column name/value table whose first pair is its header row (GitHub shows it bold), so no row is empty. */
function keyValueTable(rows) {
    const row = ([k, v]) => `| ${k} | ${escapeCell(v)} |`;
    const [header, ...body] = rows;
    return header ? [row(header), '| --- | --- |', ...body.map(row)].join('\n') : '';
}


/***/ })

};

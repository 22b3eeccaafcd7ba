export const id = 721;
export const ids = [721,261];
export const modules = {

/***/ 8663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L3: () => (/* binding */ getAuthorizationToken),
/* harmony export */   MD: () => (/* binding */ describeRepository),
/* harmony export */   hu: () => (/* binding */ describeImage),
/* harmony export */   vB: () => (/* binding */ createRepository)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);

/** The SDK package, loaded by the first call (clients.ts). */
const sdk = () => __webpack_require__.e(/* import() */ 249).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
const REPOSITORY = { RepositoryNotFoundException: 'repository' };
const registryOf = (r) => (r.registryId !== undefined ? { registryId: r.registryId } : {});
async function getAuthorizationToken(registry) {
    const input = registry.registryId !== undefined ? { registryIds: [registry.registryId] } : {};
    const response = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecr:GetAuthorizationToken', async () => registry.client.send(new (await sdk()).GetAuthorizationTokenCommand(input)), { on: registry.label });
    return response.authorizationData?.[0];
}
/** The repository; a NotFound('repository') when there is none by that name. */
async function describeRepository(registry, repositoryName) {
    const found = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecr:DescribeRepositories', async () => registry.client.send(new (await sdk()).DescribeRepositoriesCommand({ repositoryNames: [repositoryName], ...registryOf(registry) })), { on: registry.label, missing: REPOSITORY });
    return found.repositories?.[0];
}
async function createRepository(registry, input) {
    const created = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecr:CreateRepository', async () => registry.client.send(new (await sdk()).CreateRepositoryCommand({ ...input, ...registryOf(registry) })), {
        on: registry.label,
    });
    return created.repository;
}
/** The image with this tag or digest; a NotFound('repository') or NotFound('image') when either is missing. */
async function describeImage(registry, repositoryName, image) {
    const response = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecr:DescribeImages', async () => registry.client.send(new (await sdk()).DescribeImagesCommand({ repositoryName, imageIds: [image], ...registryOf(registry) })), { on: registry.label, missing: { ...REPOSITORY, ImageNotFoundException: 'image' } });
    return response.imageDetails?.[0];
}


/***/ }),

/***/ 2319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ capacityLogLines),
/* harmony export */   Q: () => (/* binding */ capacitySection)
/* harmony export */ });
/** Hours in AWS's pricing month. */
const MONTH_HOURS = 730;
const usd = (n) => (n === 0 ? '$0' : `$${n < 1 ? n.toFixed(4) : n.toFixed(2)}`);
const signed = (n, text) => n > 0 ? `+${text(n)}` : n < 0 ? `−${text(-n)}` : text(0);
const figure = (n) => String(Math.round(n * 1000) / 1000);
function row(label, f, month) {
    const hour = f.usdPerHour === undefined ? '—' : usd(f.usdPerHour);
    const perMonth = !month || f.usdPerHour === undefined ? '—' : usd(f.usdPerHour * MONTH_HOURS);
    return `| ${label} | ${f.tasks} | ${figure(f.vcpu)} | ${figure(f.memoryGb)} GB | ${hour} | ${perMonth} |`;
}
function changeRow(now, after) {
    const priced = now.usdPerHour !== undefined && after.usdPerHour !== undefined;
    const cost = (hours) => priced ? signed(((after.usdPerHour ?? 0) - (now.usdPerHour ?? 0)) * hours, usd) : '—';
    return `| change | ${signed(after.tasks - now.tasks, figure)} | ${signed(after.vcpu - now.vcpu, figure)} | ${signed(after.memoryGb - now.memoryGb, figure)} GB | ${cost(1)} | ${cost(MONTH_HOURS)} |`;
}
/** The summary's section: steady state before and after, the change, and the peak during the rollout. */
function capacitySection(c) {
    return [
        '#### Capacity and cost (estimate)',
        '',
        '| | tasks | vCPU | memory | per hour | per month (730 h) |',
        '| --- | --- | --- | --- | --- | --- |',
        row('now', c.now, true),
        row('after the deploy', c.after, true),
        changeRow(c.now, c.after),
        row('peak during the rollout', c.peak, false),
        '',
        `Peak: ${c.peakWhy}. Runs on ${c.launch}. Prices: ${c.prices}.`,
        '',
        'An estimate of compute only (USD): storage beyond 20 GB, data transfer, load balancers, logs, taxes and savings plans are not counted.',
        '',
    ];
}
/** The log's lines. */
function capacityLogLines(c) {
    const cost = (f) => (f.usdPerHour === undefined ? '' : `, ${usd(f.usdPerHour)}/h`);
    const fleet = (f) => `${f.tasks} task${f.tasks === 1 ? '' : 's'}, ${figure(f.vcpu)} vCPU, ${figure(f.memoryGb)} GB${cost(f)}`;
    return [
        `capacity (estimate): now ${fleet(c.now)}; after ${fleet(c.after)}; peak ${fleet(c.peak)} (${c.peakWhy})`,
        `  on ${c.launch}; prices: ${c.prices}`,
    ];
}


/***/ }),

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

/***/ 2721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  assembleReport: () => (/* binding */ assembleReport),
  consoleServiceUrl: () => (/* binding */ consoleServiceUrl),
  isFailure: () => (/* reexport */ report_status/* isFailure */.N),
  overallStatus: () => (/* binding */ overallStatus),
  promotedImageLines: () => (/* binding */ promotedImageLines),
  renderSummary: () => (/* binding */ renderSummary),
  revisionName: () => (/* binding */ revisionName),
  withPart: () => (/* binding */ withPart)
});

// EXTERNAL MODULE: ./src/report/drift-table.ts
var drift_table = __webpack_require__(9220);
// EXTERNAL MODULE: ./src/image/index.ts + 6 modules
var src_image = __webpack_require__(5894);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/deploy/tasks.ts
var tasks = __webpack_require__(4909);
// EXTERNAL MODULE: ./src/deploy/clock.ts
var clock = __webpack_require__(3941);
// EXTERNAL MODULE: ./src/mechanisms/index.ts + 2 modules
var mechanisms = __webpack_require__(4581);
// EXTERNAL MODULE: ./src/report/status.ts
var report_status = __webpack_require__(6934);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/report/timeline.ts
/** ECS's routine load-balancer events, which repeat once per task and drown the rest of a rollout. */
const ROUTINE = /\b(?:de)?registered \d+ targets? in\b|\bhas begun draining connections on \d+ tasks?\b/;
/**
 * The timeline with each kind of routine event (the same message but for its count) shown once, where it
 * first came, with how many times it came; every other line stays as it was, in order.
 */
function foldTimeline(timeline) {
    const lines = [];
    const byKind = new Map();
    for (const entry of timeline) {
        const kind = ROUTINE.test(entry.message) ? entry.message.replace(/\b\d+ (?=targets?\b|tasks?\b)/g, 'N ') : undefined;
        const folded = kind === undefined ? undefined : byKind.get(kind);
        if (folded) {
            folded.count++;
            folded.lastAt = entry.at;
            continue;
        }
        const line = { ...entry, count: 1, lastAt: entry.at };
        if (kind !== undefined)
            byKind.set(kind, line);
        lines.push(line);
    }
    return lines;
}

// EXTERNAL MODULE: ./src/capacity/section.ts
var section = __webpack_require__(2319);
;// CONCATENATED MODULE: ./src/analysis/chart.ts
// The canary analysis in the job summary: one Mermaid xychart per check (the new revision, the old one and the limit
// over the bake) and a table of the decisions with their figures. Every word in it goes through summaryText.



/** A chart's title: the check as written, with nothing that could end the quoted string or the code block. */
const title = (text) => text.replace(/["`\\\r\n]/g, "'").slice(0, 80);
/** In the unit the limit was written in: response times in ms. */
function scaled(value, ms) {
    if (value === undefined || !Number.isFinite(value))
        return '0';
    return String(Math.round((ms ? value * 1000 : value) * 100) / 100);
}
const LINES = [
    { name: 'new revision', pick: (j) => j.fresh },
    { name: 'old revision', pick: (j) => j.old },
    { name: 'limit', pick: (j) => j.limit },
];
function chart(report, check) {
    const rows = report.decisions.flatMap((d) => d.judgements.filter((j) => j.check === check).map((j) => ({ d, j })));
    const points = rows.filter(({ j }) => j.fresh !== undefined);
    if (!points.length)
        return [];
    const start = report.decisions[0]?.at ?? 0;
    const ms = /\b[pP]\d/.test(check) && !/^[A-Za-z]+\(/.test(check);
    const series = (pick) => `[${points.map(({ j }) => scaled(pick(j), ms)).join(', ')}]`;
    // A Mermaid line cannot have gaps: the old revision and the limit are drawn only where every read has them.
    const lines = LINES.filter(({ pick }) => points.every(({ j }) => pick(j) !== undefined));
    const missing = LINES.filter((line) => !lines.includes(line)).map(({ name }) => name);
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${title(check)}"`,
        `  x-axis "time into the bake" [${points.map(({ d }) => `"${(0,clock/* formatElapsed */.C7)(d.at - start)}"`).join(', ')}]`,
        `  y-axis "${ms ? 'ms' : check.startsWith('5xx') ? '%' : 'value'}"`,
        ...lines.map(({ pick }) => `  line ${series(pick)}`),
        '```',
        '',
        `Lines, in order: ${lines.map(({ name }) => name).join(', ')}.` +
            (missing.length ? ` Not drawn (no figure at every read): ${missing.join(', ')}.` : ''),
        '',
    ];
}
/** The analysis's part of a service's summary. */
function analysisSection(report) {
    const last = report.decisions.at(-1);
    const lines = ['#### Canary analysis', '', (0,report_text/* summaryText */.g5)(`Compared: ${report.compared}.`), ''];
    if (!last)
        return [...lines, 'No read was made: the rollout ended before both revisions took traffic.', ''];
    lines.push('Each chart: the figures at each read, over the rollout so far.', '');
    for (const check of report.checks)
        lines.push(...chart(report, check));
    const start = report.decisions[0]?.at ?? 0;
    lines.push('| at | decision | requests (new) | figures |', '| --- | --- | --- | --- |', ...report.decisions.map((d) => `| ${(0,clock/* formatElapsed */.C7)(d.at - start)} | ${d.action === 'rollback' ? 'roll back' : d.action === 'hold' ? 'wait' : 'go on'} (${d.verdict}) | ${d.judgements[0]?.requests ?? 0} | ${(0,markdown/* escapeCell */.k)(d.judgements.map((j) => (0,report_text/* summaryText */.g5)(j.why)).join('<br>'))} |`), '');
    return lines;
}

;// CONCATENATED MODULE: ./src/engine/run-report.ts












/** The run's report assembled from its steps' parts, in the order they came. */
function assembleReport(parts) {
    return parts.reduce((done, { reports, each, ...run }) => ({
        ...done,
        ...run,
        reports: (reports ?? done.reports).map((report, i) => withPart(report, each?.[i])),
    }), { services: [], reports: [] });
}
/** A service's report with a step's part added. */
function withPart(report, part) {
    return part ? { ...report, ...part, notes: [...report.notes, ...(part.notes ?? [])] } : report;
}
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
        `**${(0,report_text/* summaryText */.g5)(failure.cause.summary)}**${failure.tasks > 1 ? ` (${failure.tasks} tasks)` : ''}`,
        '',
        `Fix: ${failure.cause.fix}`,
        '',
        `Evidence: ${(0,report_text/* summaryText */.g5)((0,tasks/* describeStoppedTask */.us)(failure.example))}`,
        '',
    ];
    if (failure.logLines?.length) {
        lines.push(`Last ${failure.logLines.length} log lines of ${failure.container} (${(0,report_text/* summaryText */.g5)(failure.logSource ?? '')}):`, '', (0,report_text/* summaryCode */.gC)(failure.logLines.join('\n')), '');
    }
    else if (failure.logError) {
        lines.push(`Logs: ${(0,report_text/* summaryText */.g5)(failure.logError)}`, '');
    }
    return lines;
}
function diagnosis(report) {
    const lines = ['#### Why it failed', '', (0,report_text/* summaryText */.g5)(report.reason), ''];
    if (report.rollback)
        lines.push(`Rollback: ${(0,report_text/* summaryText */.g5)(report.rollback)}`, '');
    for (const failure of report.failures ?? [])
        lines.push(...failureLines(failure));
    if (report.stoppedTasksError)
        lines.push(`Stopped tasks: ${report.stoppedTasksError}`, '');
    if (!report.failures?.length && report.eventCause) {
        lines.push(`**${(0,report_text/* summaryText */.g5)(report.eventCause.summary)}**`, '', `Fix: ${report.eventCause.fix}`, '');
    }
    if (report.recentEvents?.length) {
        lines.push('Latest service events:', '', ...report.recentEvents.map((e) => `- ${(0,report_text/* summaryText */.g5)(e)}`), '');
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
    if ((0,report_status/* isFailure */.N)(report.status))
        lines.push(...diagnosis(report));
    else
        lines.push((0,report_text/* summaryText */.g5)(report.reason), '');
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
        rows.push(['Containers', (0,report_text/* summaryText */.g5)(report.containers.join(', '))]);
    rows.push(['Strategy', report.strategy], ...(0,mechanisms/* strategyRows */.xM)(report.progress, report.startedAt ?? report.timeline?.[0]?.at ?? 0), ['Result', report.status]);
    if (single)
        rows.push(['Duration', `${run.durationSeconds} s`]);
    if (report.deploymentId)
        rows.push(['Deployment', report.deploymentId]);
    if (single && run.runUrl)
        rows.push(['Run', run.runUrl]);
    lines.push((0,markdown/* keyValueTable */.z)(rows), '');
    if (single && run.builtImage)
        lines.push((0,src_image/* imageSummarySection */.NE)(run.builtImage), '');
    if (report.analysis)
        lines.push(...analysisSection(report.analysis));
    if (report.notes.length)
        lines.push('#### Notes', '', ...report.notes.map((n) => `- ${(0,report_text/* summaryText */.g5)(n)}`), '');
    if (report.changes?.length) {
        const open = report.status === 'planned' ? '<details open>' : '<details>';
        lines.push(`${open}<summary>What changes (${report.changes.length})</summary>`, '', ...report.changes.map((c) => `- ${(0,report_text/* summaryText */.g5)(c)}`), '', '</details>', '');
    }
    if (report.capacity)
        lines.push(...(0,section/* capacitySection */.Q)(report.capacity));
    if (report.timeline?.length) {
        const start = report.startedAt ?? report.timeline[0]?.at ?? 0;
        lines.push('<details><summary>Rollout timeline</summary>', '', '| elapsed | event |', '| --- | --- |', ...foldTimeline(report.timeline).map((t) => `| ${(0,clock/* formatElapsed */.C7)(t.at - start)} | ${timelineText(t, start)} |`), '', '</details>', '');
    }
    return lines;
}
/** A timeline line; a folded one says how often it came and until when. */
function timelineText(line, start) {
    const text = (0,report_text/* summaryText */.g5)(line.message);
    return line.count > 1 ? `${text} (×${line.count}, the last at ${(0,clock/* formatElapsed */.C7)(line.lastAt - start)})` : text;
}
/** Where a promoted service's images came from, and each image by digest. */
function promotionRows(promoted) {
    const images = Object.entries(promoted.images).map(([container, image]) => `${(0,report_text/* summaryText */.g5)(container)}: \`${image}\``);
    return [
        [
            'Promoted from',
            `${promoted.environment} (${(0,report_text/* summaryText */.g5)(promoted.service)}, ${revisionName(promoted.taskDefinition)})`,
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
/** A drift check's summary: per service, its running revision and the drift table. */
function driftSummary(run) {
    const drifted = run.services.filter((s) => s.drift?.length);
    const title = drifted.length ? `drift on ${drifted.map((s) => s.service).join(', ')}` : 'no drift';
    const lines = [`## ${drifted.length ? '⚠️' : '✅'} ECS drift check: ${title}`, ''];
    const rows = [...environmentRows(run), ['Cluster', run.cluster], ['Region', run.region]];
    if (run.runUrl)
        rows.push(['Run', run.runUrl]);
    lines.push((0,markdown/* keyValueTable */.z)(rows), '');
    for (const s of run.services) {
        lines.push(`### ${s.service}: ${revisionName(s.taskDefinitionArn)}`, '', (0,report_text/* summaryText */.g5)(s.reason), '');
        if (s.drift?.length)
            lines.push((0,drift_table/* driftTable */.I)(s.drift), '');
    }
    return lines.join('\n');
}
/** The job summary as Markdown: what was deployed, how it went and, on failure, why. */
function renderSummary(run) {
    const [only] = run.services;
    if (only?.drift)
        return driftSummary(run);
    if (run.services.length === 1 && only) {
        return [
            `## ${ICON[only.status]} ECS deploy: ${only.service} ${only.status}`,
            '',
            ...serviceSection(only, run, true),
        ].join('\n');
    }
    const failedCount = run.services.filter((s) => (0,report_status/* isFailure */.N)(s.status)).length;
    const title = run.services.length
        ? `${run.services.length} services, ${failedCount ? `${failedCount} not deployed` : run.status === 'planned' || run.status === 'paused' ? run.status : 'all deployed'}`
        : `${run.environment ? `${run.environment} ` : ''}${run.status}`;
    const lines = [`## ${ICON[run.status]} ECS deploy: ${title}`, ''];
    if (run.reason)
        lines.push((0,report_text/* summaryText */.g5)(run.reason), '');
    if (run.services.length) {
        lines.push('| service | task definition | result | |', '| --- | --- | --- | --- |', ...run.services.map((s) => `| ${s.service} | ${(0,markdown/* escapeCell */.k)(s.taskDefinitionArn ? revisionChange(s) : '—')} | ${ICON[s.status]} ${s.status} | ${(0,report_text/* summaryText */.g5)(s.reason)} |`), '');
    }
    const rows = [...environmentRows(run), ['Cluster', run.cluster], ['Region', run.region]];
    if (run.promotedFrom)
        rows.push(['Promoted from', run.promotedFrom]);
    if (run.image)
        rows.push(['Image', `\`${run.image}\``]);
    rows.push(['Duration', `${run.durationSeconds} s`]);
    if (run.runUrl)
        rows.push(['Run', run.runUrl]);
    lines.push((0,markdown/* keyValueTable */.z)(rows), '');
    if (run.builtImage)
        lines.push((0,src_image/* imageSummarySection */.NE)(run.builtImage), '');
    if (run.removed?.length)
        lines.push('### Removed', '', ...run.removed.map((r) => `- ${r}`), '');
    for (const report of run.services)
        lines.push(`### ${report.service}`, '', ...serviceSection(report, run, false));
    return lines.join('\n');
}


/***/ }),

/***/ 8461:
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
/* harmony export */   LOGOUT_TIMEOUT_MS: () => (/* binding */ LOGOUT_TIMEOUT_MS),
/* harmony export */   checkDocker: () => (/* binding */ checkDocker),
/* harmony export */   docker: () => (/* binding */ docker),
/* harmony export */   dockerLogin: () => (/* binding */ dockerLogin),
/* harmony export */   hasBuildx: () => (/* binding */ hasBuildx),
/* harmony export */   lastLine: () => (/* binding */ lastLine),
/* harmony export */   logoutRegistries: () => (/* binding */ logoutRegistries)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _common_exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3644);
/* harmony import */ var _build_failures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8461);



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
            throw (0,_build_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerNotInstalled */ .a8)();
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
    throw ((0,_build_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerEngineProblem */ .u7)(output) ??
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
        throw ((0,_build_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerEngineProblem */ .u7)(output) ??
            new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`docker login to ${registry} failed (${lastLine(output)}): ${options.hint}`));
    }
    options.log.info(`Logged in to ${registry} as ${username}.`);
    if (options.remember)
        options.loggedIn?.(registry);
}
/** How long the post step gives one `docker logout`: a daemon that does not answer must not hold the job. */
const LOGOUT_TIMEOUT_MS = 30_000;
/** At the end of a run (the action's post step): `docker logout` of every registry it logged in to. Never throws; warns instead. */
async function logoutRegistries(registries, log, timeoutMs = LOGOUT_TIMEOUT_MS) {
    for (const registry of registries) {
        try {
            const result = await docker(['logout', registry], { silent: true, signal: AbortSignal.timeout(timeoutMs) });
            if (result.exitCode === 0)
                log.info(`Logged out of ${registry}.`);
            else
                log.warning(`docker logout ${registry} failed: ${lastLine(`${result.stderr}\n${result.stdout}`)}`);
        }
        catch (error) {
            const why = error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NoAnswer */ .W_ ? `no answer in ${timeoutMs / 1000} s, it was stopped` : (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
            log.warning(`docker logout ${registry} failed: ${why}`);
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


/***/ }),

/***/ 5894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vS: () => (/* reexport */ carryOutImageBuild),
  CK: () => (/* reexport */ checkImageExists),
  NE: () => (/* reexport */ imageSummarySection),
  L7: () => (/* reexport */ planImageBuild)
});

// UNUSED EXPORTS: buildAndPushImage, imageName, imageSummaryRows, logoutRegistries, parseImageReference, registryKind

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/image/build-command.ts
var build_command = __webpack_require__(7853);
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

// EXTERNAL MODULE: ./src/image/build-failures.ts
var build_failures = __webpack_require__(8461);
// EXTERNAL MODULE: ./src/image/docker.ts
var docker = __webpack_require__(9261);
// EXTERNAL MODULE: ./src/image/repository.ts
var image_repository = __webpack_require__(29);
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
        buildArgs: (0,build_command/* effectiveBuildArgs */.t1)(inputs.buildArgs, git).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
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

// EXTERNAL MODULE: ./src/image/reference.ts
var image_reference = __webpack_require__(3564);
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
    (0,build_command/* parseLabels */.Xy)(inputs.labels ?? []);
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
    const ecr = inputs.push ? await (0,image_repository/* resolveEcrTarget */.sy)(ref, deps) : undefined;
    let createRepository = false;
    let reused;
    if (ecr) {
        const found = await (0,image_repository/* findRepository */.W1)(ecr, ref.repository, { create: inputs.createRepository }, log);
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
        log.info(`build.skip-build-if-exists: ${name} is not in ECR, where the action can look images up, so the image is always built.`);
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
        const args = (0,build_command/* buildArgs */.CH)(inputs, {
            repository: name,
            tags,
            ...(dockerfile !== undefined && { dockerfile }),
            git,
            created: new Date(now()).toISOString(),
            buildKey: plan.key,
            mounts,
        }, { buildx, ...(metadataFile !== undefined && { metadataFile }) });
        if (ecr && plan.createRepository) {
            await (0,image_repository/* createRepository */.vB)(ecr, ref.repository, { create: true, scanOnPush: inputs.scanOnPush, immutableTags: inputs.immutableTags }, log);
        }
        log.info(`Image ${name}, tags ${tags.join(', ')}`);
        await login(inputs, ref.registry, ecr, deps, signal);
        if (!buildx && inputs.cacheFrom.length > 0)
            await pullCacheImages(inputs.cacheFrom, log, signal);
        const pushContext = { repository: name, sha: git.sha, ecr: ecr?.label };
        const buildKit = !buildx && (0,build_command/* needsBuildKit */.c4)({ mounts });
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
        const detail = await (0,image_repository/* describeImage */.hu)(ecr, repository, digest !== undefined ? { imageDigest: digest } : { imageTag: tag }).catch((error) => {
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
    const kept = tags.filter((tag) => tag === sha || !(0,image_repository/* isTagImmutable */.j1)(tag, repository));
    if (kept.length < tags.length) {
        log.info(`${name} has immutable tags, so a branch or tag name could be pushed only once: tagging with the commit sha only (set tags to choose others).`);
    }
    return kept;
}
/** The commit's image built with this key, found by its reuse tag; says in the log why it is reused or rebuilt. */
async function existingImage(ecr, repository, name, keyTag, key, log) {
    const detail = await (0,image_repository/* describeImage */.hu)(ecr, repository, { imageTag: keyTag });
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
        const credentials = ecr.credentials ?? (await (0,image_repository/* ecrCredentials */.dQ)(ecr, log));
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
            throw ((0,build_failures/* dockerEngineProblem */.u7)(output) ??
                (0,build_failures/* pushProblem */.aY)(output, context) ??
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
    const engine = (0,build_failures/* dockerEngineProblem */.u7)(output);
    if (engine)
        throw engine;
    // buildx pushes within the build: a failure after pushing started (or naming the push) is a push failure.
    if (pushing && /failed to push|pushing (?:layers|manifest)|failed commit on ref/i.test(output)) {
        const problem = (0,build_failures/* pushProblem */.aY)(output, pushContext);
        if (problem)
            throw problem;
    }
    const text = dockerfile !== undefined ? await (0,promises_.readFile)(dockerfile, 'utf8').catch(() => undefined) : undefined;
    const shownPath = dockerfile !== undefined ? annotationPath(dockerfile) : 'Dockerfile';
    const failure = (0,build_failures/* describeBuildFailure */.EG)(lines, { path: shownPath, text }, exitCode);
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

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/image/summary.ts

/** The "Image" rows of the job summary: what was deployed, and what building it cost. */
function imageSummaryRows(built) {
    const rows = [
        ['Reference', `\`${built.reference}\``],
        ['Digest', built.digest ? `\`${built.digest}\`` : 'not pushed'],
        ['Tags', built.tags.length ? built.tags.map((tag) => `\`${tag}\``).join(', ') : '—'],
    ];
    if (built.sizeBytes !== undefined)
        rows.push(['Size', `${formatBytes(built.sizeBytes)} (compressed, as stored in ECR)`]);
    if (built.reused) {
        rows.push(['Build', 'skipped: the image for this commit was already pushed, and is reused']);
    }
    else {
        rows.push([
            'Build',
            `${formatSeconds(built.buildSeconds)} with ${built.builder === 'buildx' ? 'docker buildx' : 'docker build'}`,
        ]);
        rows.push(['Push', built.digest ? formatSeconds(built.pushSeconds) : 'not pushed (push: false)']);
    }
    return rows;
}
/** A markdown "### Image" section for the job summary. */
function imageSummarySection(built) {
    return ['### Image', '', (0,markdown/* keyValueTable */.z)(imageSummaryRows(built))].join('\n');
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
function formatSeconds(seconds) {
    if (seconds < 60)
        return `${seconds.toFixed(1)} s`;
    const minutes = Math.floor(seconds / 60);
    return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

// EXTERNAL MODULE: ./src/aws/ecr.ts
var aws_ecr = __webpack_require__(8663);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/image/exists.ts
// Before anything changes: the image to deploy (no build) must be in its registry, or ECS would only find out when a
// task fails to start. ECR is asked (DescribeImages); other registries are not checked, and the log says so.





/** Throws a UserError naming the image and its repository when ECR does not have it; logs when it cannot tell. */
async function checkImageExists(image, deps) {
    const ref = (0,image_reference/* parseImageReference */.o_)(image);
    const ecr = await (0,image_repository/* resolveEcrTarget */.sy)(ref, deps);
    if (!ecr) {
        deps.log.info(`${image} is not in ECR: whether it exists was not checked (${ref.registry} is another registry).`);
        return;
    }
    // Docker pulls by digest when both are given; no tag at all means `latest`.
    const id = ref.digest !== undefined ? { imageDigest: ref.digest } : { imageTag: ref.tag ?? 'latest' };
    const named = id.imageDigest !== undefined ? `digest ${id.imageDigest}` : `tag ${id.imageTag}`;
    const fix = `push it first, or set \`build\` to build and push it in this run.`;
    try {
        if (await (0,aws_ecr/* describeImage */.hu)(ecr, ref.repository, id))
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








/***/ }),

/***/ 29:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W1: () => (/* binding */ findRepository),
/* harmony export */   dQ: () => (/* binding */ ecrCredentials),
/* harmony export */   hu: () => (/* binding */ describeImage),
/* harmony export */   j1: () => (/* binding */ isTagImmutable),
/* harmony export */   sy: () => (/* binding */ resolveEcrTarget),
/* harmony export */   vB: () => (/* binding */ createRepository)
/* harmony export */ });
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/* harmony import */ var _aws_ecr_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8663);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1922);
/* harmony import */ var _build_failures_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8461);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3564);






/**
 * The ECR registry behind the image's host, or undefined when it is another registry.
 * An ECR host gives the account and region (a client for another region comes from `ecrClientFor`); with a custom
 * ECR endpoint, the host is ECR's when GetAuthorizationToken's proxyEndpoint names it (see registryKind).
 */
async function resolveEcrTarget(ref, deps) {
    const { clients } = deps;
    const kind = (0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .registryKind */ .IL)(ref.registry, deps.env ?? process.env);
    if (kind === 'other')
        return undefined;
    const ecrHost = (0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .parseEcrHost */ .wl)(ref.registry);
    if (ecrHost) {
        const client = ecrHost.region === clients.region
            ? clients.ecr
            : (deps.ecrClientFor ?? ((region) => (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__.createClients)(region).ecr))(ecrHost.region);
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
        deps.log.info(`${ref.registry} is treated as a registry other than ECR: ECR's endpoint did not answer (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}).`);
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
    const data = await _aws_ecr_js__WEBPACK_IMPORTED_MODULE_1__/* .getAuthorizationToken */ .L3(target);
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
    return { registry: (0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .endpointHost */ .GN)(data.proxyEndpoint), username: decoded.slice(0, colon), password };
}
/**
 * Looks the repository up without changing anything; a UserError when it is missing and `create` is not set.
 * `repository` is undefined when the role may not describe repositories and need not create one: the push will tell.
 */
async function findRepository(target, repositoryName, options, log) {
    try {
        const repository = await _aws_ecr_js__WEBPACK_IMPORTED_MODULE_1__/* .describeRepository */ .MD(target, repositoryName);
        if (repository)
            return { repository, missing: false };
    }
    catch (error) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAccessDenied */ .w7)(error) && !options.create) {
            log.debug(`Not allowed to describe ${repositoryName}; the push will show whether it exists: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`);
            return { missing: false };
        }
        if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(error, 'repository'))
            throw error;
    }
    if (!options.create)
        throw (0,_build_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .repositoryMissing */ .lx)(repositoryName, target.label);
    return { missing: true };
}
/** Creates the repository (create-repository: true) and says so. */
async function createRepository(target, repositoryName, options, log) {
    const created = await _aws_ecr_js__WEBPACK_IMPORTED_MODULE_1__/* .createRepository */ .vB(target, {
        repositoryName,
        imageScanningConfiguration: { scanOnPush: options.scanOnPush },
        imageTagMutability: options.immutableTags ? 'IMMUTABLE' : 'MUTABLE',
    });
    log.info(`Created ECR repository ${repositoryName} in ${target.label} (scan on push: ${options.scanOnPush}, tags ${options.immutableTags ? 'immutable' : 'mutable'}).`);
    return created;
}
/** The image with this tag or digest, or undefined when the image (or the repository) does not exist. */
async function describeImage(target, repositoryName, image) {
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .unlessNotFound */ .CA)(_aws_ecr_js__WEBPACK_IMPORTED_MODULE_1__/* .describeImage */ .hu(target, repositoryName, image));
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


/***/ }),

/***/ 4581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  JA: () => (/* reexport */ checkIdle),
  LP: () => (/* binding */ continueStrategy),
  BR: () => (/* reexport */ deploymentInFlight),
  De: () => (/* reexport */ registry/* mechanismOf */.D),
  X: () => (/* binding */ planStrategy),
  Zu: () => (/* binding */ rollingPlan),
  mV: () => (/* binding */ startStrategy),
  xM: () => (/* reexport */ strategyRows)
});

// UNUSED EXPORTS: readStrategyInputs

// EXTERNAL MODULE: ./src/mechanisms/registry.ts + 17 modules
var registry = __webpack_require__(4485);
// EXTERNAL MODULE: ./src/settings/strategy.ts
var strategy = __webpack_require__(9524);
// EXTERNAL MODULE: ./src/deploy/clock.ts
var clock = __webpack_require__(3941);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/mechanisms/strategy-rows.ts


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
        shown.push(`${weight} % (${(0,clock/* formatElapsed */.C7)(point.at - start)})`);
        last = weight;
    }
    return shown.length > 1 ? shown.join(' → ') : undefined;
}
/**
 * The summary table rows of a blue/green, canary or linear deployment: traffic steps with their times, stages,
 * hooks, alarms, and where it waits. `start` is when the rollout began (the timeline's zero).
 */
function strategyRows(progress, start) {
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
        rows.push(['Stages', progress.stages.map((s) => `${s.stage} ${(0,clock/* formatElapsed */.C7)(s.at - start)}`).join(' → ')]);
    if (progress.hooks.length)
        rows.push(['Lifecycle hooks', progress.hooks.map((h) => `${(0,report_text/* summaryText */.g5)(h.name)} ${h.status}`).join(', ')]);
    const alarms = progress.alarms;
    if (alarms?.names.length)
        rows.push([
            'Alarms',
            alarms.names.map((n) => (alarms.triggered.includes(n) ? `${(0,report_text/* summaryText */.g5)(n)} → ALARM` : (0,report_text/* summaryText */.g5)(n))).join(', '),
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
async function continueStrategy(clients, cluster, plan, service, now, dryRun = false) {
    return (0,registry/* mechanismOf */.D)(plan.mechanism).resume(clients, cluster, plan, service, now, dryRun);
}





/***/ }),

/***/ 9220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ driftTable),
/* harmony export */   N: () => (/* binding */ driftComment)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5655);

/** `| path | live | repository |`, one row per difference. */
function driftTable(drift) {
    const cell = (text) => (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryText */ .g5)(text);
    return [
        '| path | live | repository |',
        '| --- | --- | --- |',
        ...drift.map((d) => `| ${cell(d.path)} | ${cell(d.live)} | ${cell(d.repo)} |`),
    ].join('\n');
}
/** A service's drift as a pull request comment: the table, or that there is none, for the commit checked. */
function driftComment(report, git, runUrl) {
    const commit = `[\`${git.sha.slice(0, 7)}\`](${git.serverUrl}/${git.repository}/commit/${git.sha})`;
    const drift = report.drift ?? [];
    return [
        `### ${drift.length ? '⚠️ Drift on' : '✅ No drift on'} ${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryText */ .g5)(report.service)}`,
        '',
        (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryText */ .g5)(report.reason),
        '',
        ...(drift.length ? [driftTable(drift), ''] : []),
        `Checked at ${commit}${runUrl ? ` ([logs](${runUrl}))` : ''}.`,
    ].join('\n');
}


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

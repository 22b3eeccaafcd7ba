export const id = 967;
export const ids = [967];
export const modules = {

/***/ 967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  carryOut: () => (/* binding */ carryOut),
  doneSoFar: () => (/* binding */ doneSoFar)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/github/index.ts + 4 modules
var github = __webpack_require__(6531);
// EXTERNAL MODULE: ./src/pipeline.ts + 8 modules
var pipeline = __webpack_require__(985);
// EXTERNAL MODULE: ./src/inputs.ts + 2 modules
var src_inputs = __webpack_require__(8623);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/deploy/pinned.ts
var deploy_pinned = __webpack_require__(3685);
// EXTERNAL MODULE: ./src/deploy/register.ts
var register = __webpack_require__(7450);
// EXTERNAL MODULE: ./src/deploy/run-task.ts
var run_task = __webpack_require__(4902);
// EXTERNAL MODULE: ./src/image/index.ts + 6 modules
var src_image = __webpack_require__(9636);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/taskdef/index.ts + 11 modules
var taskdef = __webpack_require__(975);
;// CONCATENATED MODULE: ./src/standalone.ts










/** Registers (or takes) the revision and runs the one-off task, without any service; see `runsAlone`. */
function runAlone(inputs, git, ports, where) {
    return (0,pipeline/* recorded */.t2)((done) => aloneSteps(inputs, git, ports, where, done));
}
async function aloneSteps(inputs, git, ports, where, done) {
    const { clock, signal, log } = ports;
    // The template may come from the config file's environment: checked once the plan has settled it.
    if (inputs.registerOnly && !inputs.taskDefinition) {
        throw new errors/* UserError */.yo('Input `register-only` needs `task-definition`: the template to render and register (no service is read to start from).');
    }
    if (!inputs.taskDefinition && !inputs.taskDefinitionArn) {
        throw new errors/* UserError */.yo('Input `run-task` without a service needs `task-definition` (a template to register and run) or `task-definition-arn` (a revision to run).');
    }
    const deadline = new aws_clients.RunDeadline(signal);
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
    const imageDeps = {
        clients,
        git,
        now: clock.now,
        log,
        loggedIn: ports.loggedIn,
        ecrClientFor: (region) => ports.aws(region, deadline).ecr,
    };
    // Checked before anything changes, as a deploy: the image (or the build's plan), the revision, the task's network.
    const buildInputs = inputs.build;
    const imagePlan = buildInputs && (await log.group('Image', () => (0,src_image/* planImageBuild */.L7)(buildInputs, imageDeps)));
    if (!buildInputs && inputs.image)
        await (0,src_image/* checkImageExists */.CK)(inputs.image, imageDeps);
    const pinned = inputs.taskDefinitionArn
        ? await (0,deploy_pinned/* pinnedRevision */.a)(clients.ecs, inputs.taskDefinitionArn, where.region)
        : undefined;
    for (const image of new Set(pinned?.taskDefinition.containerDefinitions?.map((c) => c.image ?? '')))
        if (image)
            await (0,src_image/* checkImageExists */.CK)(image, imageDeps);
    const render = (image) => pinned
        ? Promise.resolve((0,taskdef/* existingTaskDefinition */.Yd)(pinned.taskDefinition, pinned.tags))
        : (0,taskdef/* renderTaskDefinition */.P9)({
            templatePath: inputs.taskDefinition ?? '',
            ...(image !== undefined && { image }),
            containers: inputs.containers,
            environment: inputs.environmentVariables,
            secrets: inputs.secrets,
            placeholders: (0,pipeline/* placeholderValues */.m_)(inputs, '', git, where.region, image),
        });
    const plannedImage = imagePlan ? imagePlan.reference : inputs.image;
    if (plannedImage)
        done.image = plannedImage;
    let rendered = await log.group('Task definition', () => render(plannedImage));
    for (const note of rendered.notes)
        log.info((0,report_text/* logSafe */.sN)(note));
    const family = rendered.request.family ?? '';
    const latest = pinned ?? (await (0,aws_errors/* unlessNotFound */.CA)((0,register/* describeTaskDefinition */.o)(clients.ecs, family)));
    Object.assign(report, {
        service: family,
        notes: rendered.notes,
        containers: rendered.containers,
        rendered: rendered.request,
        changes: latest && !pinned ? (0,taskdef/* describeChanges */.DT)(rendered.request, latest.taskDefinition) : [],
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
    const built = imagePlan && (await (0,src_image/* carryOutImageBuild */.vS)(imagePlan, imageDeps));
    if (built)
        done.builtImage = built;
    const image = built ? built.reference : inputs.image;
    if (image)
        done.image = image;
    if (image !== plannedImage)
        rendered = await render(image);
    const registered = pinned
        ? (0,deploy_pinned/* pinnedRegistration */.I)(pinned)
        : await log.group('Register', () => (0,register/* registerIfChanged */.L)(clients.ecs, rendered.request, latest));
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
        const command = (0,run_task/* commandArguments */.w)(inputs.runTask);
        report.runTaskArns = await log.group('One-off task', () => (0,run_task/* runOneOffTask */.U)({
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

// EXTERNAL MODULE: ./src/preview/index.ts + 10 modules
var src_preview = __webpack_require__(8243);
// EXTERNAL MODULE: ./src/deploy/tasks.ts
var tasks = __webpack_require__(4909);
// EXTERNAL MODULE: ./src/deploy/clock.ts
var clock = __webpack_require__(3941);
// EXTERNAL MODULE: ./src/mechanisms/index.ts + 2 modules
var mechanisms = __webpack_require__(6671);
// EXTERNAL MODULE: ./src/report/status.ts
var report_status = __webpack_require__(6934);
;// CONCATENATED MODULE: ./src/run-report.ts








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
        lines.push('<details><summary>Rollout timeline</summary>', '', '| elapsed | event |', '| --- | --- |', ...report.timeline.map((t) => `| ${formatElapsed(t.at - start)} | ${summaryText(t.message)} |`), '', '</details>', '');
    }
    return lines;
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
        const serviceName = (0,src_preview/* previewServiceName */.j3)(service, preview.pr);
        const lines = await (0,src_preview/* destroyPreview */.LW)({
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
        const swept = await (0,src_preview/* sweepPreviews */.GP)({
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
        ? (0,github/* createDeploymentTracker */.Eg)(octokit, git, {
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
                await comment(octokit, git, preview, (0,src_preview/* previewServiceName */.j3)(service, preview.pr), 'destroyed', clock, report, warn);
        }
        return { status: 'succeeded', reason: `The previews of pull request #${preview.pr} are removed.`, removed };
    }
    await tracker?.inProgress();
    // Until the services say otherwise (a throw part-way leaves it so).
    let status = 'failed';
    let environmentUrl;
    let reports = [];
    try {
        const result = (0,src_inputs/* runsAlone */.Gx)(inputs)
            ? await runAlone(inputs, git, ports, report)
            : await (0,pipeline/* deploy */.gg)(inputs, git, ports, report, preview, plan.promotion);
        reports = result.reports;
        status = overallStatus(reports.map((s) => s.status));
        environmentUrl =
            environment?.url ??
                reports.find((s) => s.url)?.url ??
                (await loadBalancerUrl(ports, report.region, result.services[0]));
        return { status, reason: '', ...(environmentUrl && { environmentUrl }), ...pipelineReport(result) };
    }
    catch (error) {
        reports = (0,pipeline/* partialResult */.L2)(error)?.reports ?? [];
        throw error;
    }
    finally {
        if (status === 'succeeded')
            await tracker?.success(environmentUrl);
        // A paused deployment stays in progress on GitHub: the run that continues it says how it ended.
        else if (status !== 'paused')
            await tracker?.failure(report.runUrl, reports.find((s) => (0,report_status/* isFailure */.N)(s.status))?.reason);
        if (preview && octokit && !inputs.dryRun) {
            for (const s of reports)
                await comment(octokit, git, preview, s.service, s.status === 'succeeded' ? 'deployed' : 'failed', clock, report, warn, s.url);
        }
    }
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
    const partial = (0,pipeline/* partialResult */.L2)(error);
    return partial ? pipelineReport(partial) : {};
}
/** The load balancer address a service answers on, if it has one; never fails the deploy. */
async function loadBalancerUrl(ports, region, service) {
    if (!service?.loadBalancers?.length)
        return undefined;
    return (0,src_preview/* environmentUrl */.fw)(ports.aws(region).elbv2, service).catch(() => undefined);
}
async function comment(octokit, git, preview, service, status, clock, report, warn, url) {
    const body = (0,github/* previewComment */.Wy)({
        service,
        status,
        sha: preview.headSha,
        time: new Date(clock.now()),
        ...(url && { url }),
        ...(report.runUrl && { runUrl: report.runUrl }),
    }, git);
    await (0,github/* upsertPreviewComment */.dX)(octokit, git, { pr: preview.pr, service, body }, warn);
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
    return (0,github/* createDeploymentTracker */.Eg)(octokit, git, deployment, warn).inactive();
}


/***/ })

};

export const id = 175;
export const ids = [175];
export const modules = {

/***/ 4175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDeploy: () => (/* binding */ runDeploy),
/* harmony export */   runPlan: () => (/* binding */ runPlan)
/* harmony export */ });
/* harmony import */ var _engine_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2592);
/* harmony import */ var _command_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2681);


/** What triggered the run, as the config file's environments see it: a push of the ref, or the pull request of --pr. */
function runEvent(args, ref, git) {
    if (args.pr === undefined)
        return { name: 'push', ref };
    const action = args.previewAction === 'destroy' ? 'closed' : 'synchronize';
    return (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_0__/* .runEventFrom */ .aH)('pull_request', `refs/pull/${args.pr}/merge`, {
        action,
        number: args.pr,
        pull_request: { number: args.pr, head: { sha: git.sha } },
    });
}
function settingsOf(args, io, log) {
    const values = { ...args.inputs };
    if (args.command === 'render' || args.command === 'diff')
        values['dry-run'] = 'true';
    if (args.command === 'drift')
        values.mode = 'drift';
    if (args.previewAction)
        values.preview = args.previewAction;
    // The runner's default github.token has no meaning here: a token comes from --github-token or GITHUB_TOKEN.
    if (values['github-token'] === undefined && io.env.GITHUB_TOKEN)
        values['github-token'] = io.env.GITHUB_TOKEN;
    const { git, ref } = (0,_command_context_js__WEBPACK_IMPORTED_MODULE_1__/* .ciContext */ .UN)(io.env, {
        ...(args.ref !== undefined && { ref: args.ref }),
        ...(io.cwd !== undefined && { cwd: io.cwd }),
    });
    return { inputs: (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_0__/* .getInputs */ .GP)((name) => values[name] ?? '', log), git, event: runEvent(args, ref, git), env: io.env };
}
const exitCode = (result) => (result.failure === 'bad-input' ? 2 : result.failure ? 1 : 0);
async function runDeploy(args, io, log, out) {
    const settings = settingsOf(args, io, log);
    if (args.command === 'render') {
        // Only render loads @aws-sdk/client-ecs, for the API model its templates are checked against (not the clients).
        if (await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_0__/* .rendersOffline */ .pG)(settings)) {
            const rendered = await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_0__/* .render */ .XX)(settings, log);
            const data = rendered.length === 1
                ? rendered[0]?.taskDefinition
                : Object.fromEntries(rendered.map((r) => [r.service, r.taskDefinition]));
            out(`${JSON.stringify(data, null, 2)}\n`);
            return 0;
        }
    }
    const registries = [];
    const ports = {
        log,
        clock: io.clock ?? _engine_index_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml,
        signal: io.signal ?? new AbortController().signal,
        deadline: io.deadline,
        // Without --offline the engine makes the AWS clients, once the plan needs them.
        aws: args.offline
            ? () => {
                throw (0,_command_context_js__WEBPACK_IMPORTED_MODULE_1__/* .offlineError */ ._P)(args.command);
            }
            : undefined,
        github: settings.inputs.githubToken
            ? await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_0__/* .gitHubClient */ .XB)(settings.inputs.githubToken, io.env, io.deadline)
            : undefined,
        outputs: () => undefined,
        summary: async () => undefined,
        loggedIn: (registry) => void (registries.includes(registry) || registries.push(registry)),
    };
    let result;
    try {
        result = await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_0__/* .deploy */ .gg)(settings, ports);
    }
    finally {
        if (registries.length)
            await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_0__/* .logoutRegistries */ .kL)(registries, log);
    }
    const services = result.report?.services ?? [];
    if (result.failure) {
        for (const line of (0,_command_context_js__WEBPACK_IMPORTED_MODULE_1__/* .failureLogLines */ .IN)(services))
            log.info(line);
        log.error(result.message ?? 'failed');
    }
    if (args.json) {
        const report = result.report;
        const document = {
            status: report?.status ?? result.status ?? 'failed',
            reason: report?.reason || result.message,
            image: report?.image,
            environment: report?.environment,
            environmentUrl: report?.environmentUrl,
            durationSeconds: report?.durationSeconds,
            services: services.map(({ rendered: _rendered, timeline: _timeline, ...s }) => ({
                ...s,
                ...(args.command === 'render' && { taskDefinition: _rendered }),
            })),
        };
        out(`${JSON.stringify(document, null, 2)}\n`);
    }
    else if (args.command === 'render' && !result.failure) {
        out(`${JSON.stringify(services.length === 1 ? services[0]?.rendered : Object.fromEntries(services.map((s) => [s.service, s.rendered])), null, 2)}\n`);
    }
    else if (args.command === 'drift' && services.every((s) => s.drift)) {
        for (const s of services)
            out(`${s.service}:${s.drift?.length ? `\n${s.drift.map((d) => `  ${d.path}: live ${d.live}, repository ${d.repo}`).join('\n')}` : ' no drift'}\n`);
    }
    else if (args.command === 'diff' && !result.failure) {
        for (const s of services)
            out(`${s.service}: ${s.changes?.length ? `\n${s.changes.map((c) => `  ${c}`).join('\n')}` : 'no change'}\n`);
    }
    return exitCode(result);
}
/** `plan`: the matrix JSON on stdout (data), each environment's verdict on stderr. */
async function runPlan(args, io, log, out) {
    const plan = await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_0__/* .planStep */ .ek)(settingsOf(args, io, log), log);
    out(`${JSON.stringify(plan.matrix, null, 2)}\n`);
    return 0;
}


/***/ })

};

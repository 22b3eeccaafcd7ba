export const id = 490;
export const ids = [490];
export const modules = {

/***/ 2090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ findService)
/* harmony export */ });
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1922);



/**
 * Returns the service, checked to be one this action can deploy (ECS or CODE_DEPLOY controller, an ECS Express Mode
 * service among the ECS ones: the mechanism registry tells it by what ECS marks on it); throws a UserError saying why not.
 */
async function findService(ecs, cluster, name, region) {
    const where = `cluster "${cluster}" (region ${region})`;
    let response;
    try {
        response = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeServices */ .Ge)(ecs, { cluster, services: [name], include: ['TAGS'] });
    }
    catch (error) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error, 'cluster')) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Cluster "${cluster}" was not found in region ${region}: check the \`cluster\` input and AWS_REGION.`);
        }
        throw error;
    }
    const service = response.services?.[0];
    if (!service) {
        const reason = response.failures?.[0]?.reason ?? 'MISSING';
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Service "${name}" was not found in ${where} (${reason}): check the \`service\` and \`cluster\` inputs; this action updates existing services, create it first.`);
    }
    if (service.status !== 'ACTIVE') {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Service "${name}" in ${where} is ${service.status}, not ACTIVE: it is being deleted or was deleted. Create it again or pick another service.`);
    }
    // ECS services roll out (rolling, or ECS's own blue/green, canary, linear); CODE_DEPLOY ones through CodeDeploy.
    const controller = service.deploymentController?.type ?? 'ECS';
    if (controller === 'EXTERNAL') {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Service "${name}" uses the EXTERNAL deployment controller: its task sets are managed by another tool, so this action cannot roll it out.`);
    }
    return service;
}


/***/ }),

/***/ 7450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ registerIfChanged),
/* harmony export */   o: () => (/* binding */ describeTaskDefinition)
/* harmony export */ });
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _taskdef_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5705);



async function describeTaskDefinition(ecs, taskDefinition) {
    const response = await _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTaskDefinition */ .oh(ecs, taskDefinition);
    if (!response.taskDefinition)
        throw new Error(`ecs:DescribeTaskDefinition returned nothing for ${taskDefinition}`);
    return { taskDefinition: response.taskDefinition, tags: response.tags ?? [] };
}
/** The family's newest revision, or undefined when the family has none yet. */
async function latestRevision(ecs, family) {
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .unlessNotFound */ .CA)(describeTaskDefinition(ecs, family));
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
    if (current && (0,_taskdef_index_js__WEBPACK_IMPORTED_MODULE_2__/* .sameTaskDefinition */ .JL)(request, current.taskDefinition, current.tags)) {
        return toRegistered(current.taskDefinition, false);
    }
    const latest = request.family ? await latestRevision(ecs, request.family) : undefined;
    if (latest && latest.taskDefinition.taskDefinitionArn !== current?.taskDefinition.taskDefinitionArn) {
        if ((0,_taskdef_index_js__WEBPACK_IMPORTED_MODULE_2__/* .sameTaskDefinition */ .JL)(request, latest.taskDefinition, latest.tags))
            return toRegistered(latest.taskDefinition, false);
    }
    const registered = await _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .registerTaskDefinition */ .eQ(ecs, request);
    if (!registered)
        throw new Error('ecs:RegisterTaskDefinition returned no task definition');
    return toRegistered(registered, true);
}


/***/ }),

/***/ 6781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ waitForDeployment),
/* harmony export */   f: () => (/* binding */ waitForDeployments)
/* harmony export */ });
/* harmony import */ var _aws_arn_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1626);
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1922);
/* harmony import */ var _deploy_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3941);
/* harmony import */ var _deploy_ecs_rollback_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3043);
/* harmony import */ var _deploy_tasks_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4909);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4485);
/* harmony import */ var _report_text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5655);









const DEFAULT_POLL_INTERVALS = [1000, 2000, 2000, 3000, 4000, 5000];
/** After a poll that saw the rollout move, the next one comes sooner: ends follow moves (a last task starts, a breaker trips). */
const FOLLOW_UP_MS = 1000;
/** Failed polls in a row (throttling, network) tolerated before giving up. */
const MAX_POLL_FAILURES = 5;
const RECENT_EVENTS = 5;
/** Service deployments are read when the deployments list changes, and at least every this many polls. */
const SERVICE_DEPLOYMENT_EVERY = 3;
const VISIBILITY_TIMEOUT_MS = 60_000;
/** A service deployment created this long before the followed deployment still counts as its own (ECS stamps both). */
const CREATED_TOLERANCE_MS = 1000;
function countsLine(d) {
    const revision = (0,_aws_arn_js__WEBPACK_IMPORTED_MODULE_8__/* .taskDefinitionRevision */ .MZ)(d.taskDefinition);
    return `${revision}: running ${d.runningCount ?? 0}/${d.desiredCount ?? 0}, pending ${d.pendingCount ?? 0}, failed ${d.failedTasks ?? 0}`;
}
async function describeServices(ecs, cluster, names) {
    const services = new Map();
    for (const service of await _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeServicesByName */ .Qm(ecs, cluster, names)) {
        // A name or an ARN may have been asked for; both lead to the same service.
        const asked = names.find((n) => n === service.serviceName || n === service.serviceArn);
        if (asked)
            services.set(asked, service);
    }
    return services;
}
/** The service deployments asked for; undefined when AWS denies ecs:DescribeServiceDeployments. */
async function describeServiceDeployments(ecs, arns) {
    try {
        return await _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeServiceDeployments */ .Pr(ecs, arns);
    }
    catch (error) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isAccessDenied */ .w7)(error))
            return undefined;
        throw error;
    }
}
/** What changes in a service's deployments list when a rollout moves on (completes, fails, rolls back). */
function deploymentsSignature(service) {
    return (service?.deployments ?? []).map((d) => `${d.id}:${d.status}:${d.rolloutState}`).join(',');
}
/** What the watch loop keeps for one service: what it has shown, and the evidence it gathered. */
class Follower {
    target;
    options;
    started;
    prefix;
    timeline = [];
    stoppedTasks = [];
    seenEvents;
    /** Events from before the rollout: an earlier deployment's "steady state" says nothing about this one. */
    priorEvents;
    seenTasks = new Set();
    /** Whether the last poll saw the rollout move (deployments, counts, status): the end may be near. */
    moved = false;
    lastCounts = '';
    lastStatus = '';
    knownFailed = 0;
    recentEvents = [];
    deployment;
    /** Whether DescribeServices has listed the followed deployment: until then nothing it shows is a verdict on it. */
    visible;
    notedInvisible = false;
    /** The service deployment shown to be this rollout's, and those shown to be earlier rollouts'. */
    serviceDeploymentArn;
    earlier = new Set();
    /** The stages whose verification ran; and whether it failed after the deployment had succeeded (nothing to stop). */
    verifiedStages = new Set();
    failedAfterSuccess = false;
    /** The analysis has decided for good (rolled back, or let the rollout go on past its bake). */
    analysisSettled = false;
    lastAnalysis;
    /** The rollout followed the way its mechanism needs (rolling, ECS-native, CodeDeploy). */
    watch;
    constructor(target, options, started, prefix) {
        this.target = target;
        this.options = options;
        this.started = started;
        this.prefix = prefix;
        this.seenEvents = new Set(target.priorEventIds);
        this.priorEvents = new Set(target.priorEventIds);
        const { since, serviceDeploymentArn } = target.rollout;
        // A rollout already under way was found in DescribeServices; one this run started is known from UpdateService only.
        this.visible = !target.rollout.started;
        if (since === undefined)
            this.serviceDeploymentArn = serviceDeploymentArn;
        const { ecs, codedeploy, cluster } = options;
        this.watch = (0,_registry_js__WEBPACK_IMPORTED_MODULE_6__/* .mechanismOf */ .D)(target.rollout.mechanism).watch({
            ecs,
            codedeploy,
            cluster,
            service: target.service,
            rollout: target.rollout,
            targetTaskDefinition: target.targetTaskDefinition,
        });
    }
    note(message, at = this.options.clock.now()) {
        this.timeline.push({ at, message });
        this.options.log((0,_report_text_js__WEBPACK_IMPORTED_MODULE_7__/* .logSafe */ .sN)(`[${(0,_deploy_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .formatElapsed */ .C7)(at - this.started)}] ${this.prefix}${message}`));
    }
    /** Where the rollout stands, for a timeout or cancellation message. */
    get standing() {
        return this.watch.standing(this.lastStatus, this.lastCounts) || 'no tasks yet';
    }
    /** Whether this rollout's service deployment is known (not just a candidate). */
    get knowsServiceDeployment() {
        return this.serviceDeploymentArn !== undefined;
    }
    /** The service deployment to read: this rollout's, else a candidate (UpdateService's answer, then what the service names now). */
    serviceDeploymentToRead(service) {
        if (this.serviceDeploymentArn)
            return this.serviceDeploymentArn;
        // A resumed or CodeDeploy rollout: its service deployment, if any, was given for certain.
        if (this.target.rollout.since === undefined)
            return undefined;
        return [this.target.rollout.serviceDeploymentArn, service?.currentServiceDeployment].find((arn) => arn && !this.earlier.has(arn));
    }
    /**
     * The service deployment if it is this rollout's: created at or after the followed deployment, and either the one
     * UpdateService returned or named while the followed deployment is the service's PRIMARY. ECS may name the previous
     * one for a few seconds after an update: that one is never a verdict on this rollout.
     */
    claim(sd, deployment) {
        const arn = sd?.serviceDeploymentArn;
        if (!sd || !arn)
            return undefined;
        if (arn === this.serviceDeploymentArn)
            return sd;
        const { since, serviceDeploymentArn: returned } = this.target.rollout;
        const created = (sd.createdAt ?? sd.startedAt)?.getTime();
        if (since !== undefined && created !== undefined && created < since - CREATED_TOLERANCE_MS) {
            this.earlier.add(arn);
            return undefined;
        }
        if (arn !== returned && deployment?.status !== 'PRIMARY')
            return undefined;
        this.serviceDeploymentArn = arn;
        return sd;
    }
    /** Until DescribeServices lists the deployment UpdateService returned, waits (bounded) instead of judging. */
    notVisibleYet() {
        const limit = this.options.visibilityTimeoutMs ?? VISIBILITY_TIMEOUT_MS;
        const id = this.target.rollout.deploymentId;
        if (this.options.clock.now() - this.started >= limit) {
            return this.concluded({
                outcome: 'failed',
                reason: `ECS has not shown deployment ${id} of ${this.target.service} ${Math.round(limit / 1000)} s after UpdateService returned it`,
            });
        }
        if (!this.notedInvisible)
            this.note(`ECS does not list deployment ${id} yet (it is eventually consistent); waiting for it`);
        this.notedInvisible = true;
        return undefined;
    }
    /** Shows what is new in this poll and judges it; undefined while the rollout goes on. */
    async observe(observed) {
        const { ecs, cluster, clock } = this.options;
        const { rollout } = this.target;
        const { serviceDeployment: candidate, ...seen } = observed;
        const serviceDeployment = this.claim(candidate, observed.deployment);
        const snapshot = { ...seen, ...(serviceDeployment && { serviceDeployment }) };
        this.deployment = snapshot.deployment ?? this.deployment;
        this.recentEvents = (snapshot.service.events ?? [])
            .filter((e) => !e.id || !this.priorEvents.has(e.id))
            .slice(0, RECENT_EVENTS);
        // Events come newest first; show the unseen ones oldest first.
        for (const event of (snapshot.service.events ?? []).filter((e) => e.id && !this.seenEvents.has(e.id)).reverse()) {
            this.seenEvents.add(event.id ?? '');
            this.note(event.message ?? '', Math.max(event.createdAt?.getTime() ?? clock.now(), this.started));
        }
        const own = this.watch.observeOwn(clock.now());
        if (own) {
            this.lastStatus = own.status;
            this.track(own.lines);
            return this.concluded(await this.verified(await this.analysed(own.verdict, snapshot), snapshot));
        }
        if (snapshot.deployment)
            this.visible = true;
        else if (!this.visible)
            return this.notVisibleYet();
        const sd = snapshot.serviceDeployment;
        const status = sd ? [sd.status, sd.lifecycleStage].filter(Boolean).join(' / ') : '';
        if (status && status !== this.lastStatus) {
            this.note(`service deployment ${status}`);
            this.lastStatus = status;
            this.moved = true;
        }
        if (sd)
            this.track(this.watch.track(sd, clock.now()));
        if (snapshot.deployment) {
            const counts = countsLine(snapshot.deployment);
            if (counts !== this.lastCounts) {
                this.note(counts);
                this.lastCounts = counts;
                this.moved = true;
            }
            const failed = snapshot.deployment.failedTasks ?? 0;
            if (failed > this.knownFailed && rollout.deploymentId) {
                this.knownFailed = failed;
                const stopped = await (0,_deploy_tasks_js__WEBPACK_IMPORTED_MODULE_5__/* .stoppedTasksOf */ .bd)(ecs, cluster, this.target.service, rollout.deploymentId, this.seenTasks).catch((error) => {
                    this.note((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error));
                    return [];
                });
                for (const task of stopped)
                    this.seenTasks.add(task.taskArn);
                this.stoppedTasks.push(...stopped);
                for (const line of (0,_deploy_tasks_js__WEBPACK_IMPORTED_MODULE_5__/* .describeStoppedTasks */ .D1)(stopped))
                    this.note(line);
            }
        }
        return this.concluded(await this.verified(await this.analysed(this.watch.judge(snapshot), snapshot), snapshot));
    }
    /**
     * The verdict once the canary analysis had its say: a failing metric rolls the release back (the action gave up on
     * it); a rollout paused at a hook goes on once the analysis passed, and stays paused while it is inconclusive.
     */
    async analysed(verdict, snapshot) {
        const analysis = this.target.analysis;
        if (!analysis || this.analysisSettled)
            return verdict;
        const paused = verdict?.outcome === 'paused';
        const phase = this.watch.analysisPhase(snapshot);
        const final = paused || phase === 'after' || verdict !== undefined;
        const decision = await analysis.observe(phase, final, () => this.watch.trafficTargets(snapshot.service), this.options.clock.now());
        if (!decision)
            return verdict;
        // Each read is in the analysis's report; the log says what changed.
        if (decision.reason !== this.lastAnalysis)
            this.note(decision.reason);
        this.lastAnalysis = decision.reason;
        if (decision.action === 'rollback') {
            this.analysisSettled = true;
            // A rollout ECS already completed has nothing left to stop: the previous revision is deployed again.
            if (verdict?.outcome === 'succeeded')
                this.failedAfterSuccess = true;
            return { outcome: 'failed', reason: decision.reason, gaveUp: true };
        }
        if (!final)
            return verdict;
        if (decision.action === 'hold') {
            if (paused)
                return undefined;
            this.analysisSettled = true;
            (this.options.warn ?? this.options.log)((0,_report_text_js__WEBPACK_IMPORTED_MODULE_7__/* .logSafe */ .sN)(decision.reason));
            return verdict;
        }
        this.analysisSettled = true;
        if (!paused)
            return verdict;
        const line = await this.watch.proceed(snapshot);
        if (line === undefined)
            return verdict;
        this.note(line);
        return undefined;
    }
    /**
     * The verdict once the release is verified where the rollout stands: through the test listener as soon as it routes to
     * the new revision, in production once the rollout succeeded. A failed check is a failure the action gave up on, so
     * it is rolled back (with rollback-on-failure) like any other.
     */
    async verified(verdict, snapshot) {
        const check = this.target.verify;
        if (!check)
            return verdict;
        if (check.stages.includes('test') && !this.verifiedStages.has('test') && this.watch.onTestTraffic(snapshot)) {
            const failed = await this.verify(check, 'test');
            if (failed)
                return failed;
        }
        if (verdict?.outcome !== 'succeeded' || !check.stages.includes('production'))
            return verdict;
        const failed = await this.verify(check, 'production');
        if (failed)
            this.failedAfterSuccess = true;
        return failed ?? verdict;
    }
    async verify(check, stage) {
        this.verifiedStages.add(stage);
        this.note(stage === 'test' ? 'verifying the release through the test listener' : 'verifying the release');
        const outcome = await check.run(stage);
        for (const line of outcome.lines)
            this.note(line);
        if (outcome.ok)
            return undefined;
        return { outcome: 'failed', reason: outcome.reason ?? 'the verification failed', gaveUp: true };
    }
    /** Notes the tracker's lines; any of them means the rollout moved. */
    track(lines) {
        for (const line of lines)
            this.note(line);
        if (lines.length)
            this.moved = true;
    }
    concluded(verdict) {
        if (verdict)
            this.note(`${verdictWord(verdict.outcome)}: ${verdict.reason}`);
        return verdict;
    }
    /** The result, after asking for a rollback when the action gave up and was told to. */
    async finish(verdict, rollbackWanted) {
        const { ecs, cluster, rollbackOnFailure } = this.options;
        const { rollout, service } = this.target;
        let rollback;
        if (rollbackWanted && rollbackOnFailure && rollout.started) {
            // Only a service deployment shown to be this rollout's is stopped; else the previous revision is redeployed.
            const { serviceDeploymentArn: _candidate, ...known } = rollout;
            const ours = { ...known, ...(this.serviceDeploymentArn && { serviceDeploymentArn: this.serviceDeploymentArn }) };
            // A deployment that succeeded has nothing left to stop: its verification failing redeploys the previous release.
            let redeployed;
            const asked = this.failedAfterSuccess
                ? this.watch.redeployPrevious(known).then(({ line, revision }) => ((redeployed = revision), line))
                : this.watch.rollBack(ours);
            rollback = await asked.catch((error) => `the rollback could not be requested: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
            this.note(rollback);
            // Only what ECS reached is reported as done: the redeployment is followed within the run's time.
            if (redeployed) {
                const reached = await (0,_deploy_ecs_rollback_js__WEBPACK_IMPORTED_MODULE_4__/* .followRollback */ .u)(ecs, { cluster, service, previousTaskDefinition: redeployed }, { clock: this.options.clock, until: this.started + this.options.timeoutMs, signal: this.options.signal });
                this.note(reached);
                rollback = `${rollback}; ${reached}`;
            }
        }
        const starter = this.watch.taskStarter();
        let stoppedTasksError;
        // The stopped tasks are diagnosis, best effort: after the deadline they are not listed.
        if (verdict.outcome !== 'succeeded' && verdict.outcome !== 'paused' && starter && this.options.deadline?.passed())
            stoppedTasksError = "the stopped tasks were not listed: the run's deadline had passed";
        else if (verdict.outcome !== 'succeeded' && verdict.outcome !== 'paused' && starter) {
            try {
                this.stoppedTasks.push(...(await (0,_deploy_tasks_js__WEBPACK_IMPORTED_MODULE_5__/* .stoppedTasksOf */ .bd)(ecs, cluster, service, starter, this.seenTasks)));
            }
            catch (error) {
                stoppedTasksError = (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error);
            }
        }
        return {
            ...verdict,
            service,
            timeline: this.timeline,
            stoppedTasks: this.stoppedTasks,
            recentEvents: this.recentEvents.map((e) => e.message ?? '').reverse(),
            ...(rollback !== undefined && { rollback }),
            ...(stoppedTasksError !== undefined && { stoppedTasksError }),
            ...(this.deployment && { deployment: this.deployment }),
            ...(this.watch.progress && { progress: this.watch.progress }),
            ...(this.target.analysis && { analysis: this.target.analysis.report }),
        };
    }
}
/**
 * Follows each service's rollout until ECS says it succeeded or failed, the time runs out, or the job is
 * cancelled: one poll loop for all of them, with batched reads. Logs each new service event and count
 * change; on timeout or cancellation asks for rollbacks when told to. Never throws for a rollout's
 * outcome: that is its result, returned in the order of `targets`.
 */
async function waitForDeployments(options, targets) {
    const { clock, signal } = options;
    const intervals = options.pollIntervals ?? DEFAULT_POLL_INTERVALS;
    const started = clock.now();
    const deadline = started + options.timeoutMs;
    const results = new Map();
    const followers = targets.map((t) => new Follower(t, options, started, targets.length > 1 ? `${t.service}: ` : ''));
    const active = () => followers.filter((f) => !results.has(f));
    let failuresInARow = 0;
    const signatures = new Map();
    // Without ecs:DescribeServiceDeployments the rollout is followed through DescribeServices alone, after one warning.
    let serviceDeploymentsDenied = false;
    const giveUp = async (outcome, why) => {
        for (const follower of active()) {
            follower.note(why);
            results.set(follower, await follower.finish({ outcome, reason: `${why} (${follower.standing})` }, true));
        }
    };
    for (let poll = 0; active().length; poll++) {
        if (signal?.aborted) {
            await giveUp('failed', 'the job was cancelled while the rollout was in progress');
            break;
        }
        if (clock.now() >= deadline) {
            await giveUp('timed-out', `the rollout did not finish within ${(0,_deploy_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .describeLimit */ .XW)(options.timeoutMs)}`);
            break;
        }
        try {
            const services = await describeServices(options.ecs, options.cluster, active().map((f) => f.target.service));
            // Service deployments add detail (rollback states, stages) but cost a call: for a rolling update, read them
            // when something moved; a blue/green, canary or linear deployment moves through its stages unseen otherwise.
            // A candidate (not yet shown to be this rollout's) is read on every poll until it is settled.
            const toRead = new Map();
            for (const f of active()) {
                const service = services.get(f.target.service);
                const signature = deploymentsSignature(service);
                f.moved = signatures.get(f.target.service) !== signature;
                signatures.set(f.target.service, signature);
                const arn = serviceDeploymentsDenied ? undefined : f.serviceDeploymentToRead(service);
                const due = f.moved ||
                    f.watch.readsServiceDeploymentEveryPoll ||
                    poll % SERVICE_DEPLOYMENT_EVERY === 0 ||
                    !f.knowsServiceDeployment;
                if (arn && due)
                    toRead.set(f, arn);
            }
            const arns = [...new Set(toRead.values())];
            let serviceDeployments = new Map();
            if (arns.length) {
                const described = await describeServiceDeployments(options.ecs, arns);
                if (described)
                    serviceDeployments = described;
                else {
                    serviceDeploymentsDenied = true;
                    (options.warn ?? options.log)('AWS denied ecs:DescribeServiceDeployments: following the rollout through DescribeServices alone (no lifecycle stages, traffic or rollback states). Grant ecs:DescribeServiceDeployments to see them (README, "IAM permissions").');
                }
            }
            // A mechanism followed through its own API (CodeDeploy) reads it too.
            await Promise.all(active().map((f) => f.watch.read()));
            failuresInARow = 0;
            await Promise.all(active().map(async (follower) => {
                const { service: name, rollout } = follower.target;
                const service = services.get(name);
                if (!service)
                    throw new Error(`service ${name} disappeared from cluster ${options.cluster} during the rollout`);
                const deployment = service.deployments?.find((d) => d.id === rollout.deploymentId);
                const read = toRead.get(follower);
                const serviceDeployment = read ? serviceDeployments.get(read) : undefined;
                const verdict = await follower.observe({
                    service,
                    ...(deployment && { deployment }),
                    ...(serviceDeployment && { serviceDeployment }),
                });
                if (verdict)
                    results.set(follower, await follower.finish(verdict, verdict.gaveUp === true));
            }));
        }
        catch (error) {
            if (++failuresInARow >= MAX_POLL_FAILURES)
                throw error;
            options.log((0,_report_text_js__WEBPACK_IMPORTED_MODULE_7__/* .logSafe */ .sN)(`[${(0,_deploy_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .formatElapsed */ .C7)(clock.now() - started)}] could not read the rollout's state (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}); trying again`));
        }
        if (!active().length)
            break;
        const scheduled = intervals[Math.min(poll, intervals.length - 1)] ?? 5000;
        await clock.sleep(active().some((f) => f.moved) ? Math.min(FOLLOW_UP_MS, scheduled) : scheduled, signal);
    }
    return followers.map((f) => results.get(f));
}
/** Follows one service's rollout (see waitForDeployments). */
async function waitForDeployment(options) {
    const [result] = await waitForDeployments(options, [options]);
    return result;
}
function verdictWord(outcome) {
    return {
        succeeded: 'succeeded',
        failed: 'failed',
        'rolled-back': 'rolled back',
        'timed-out': 'timed out',
        paused: 'paused',
    }[outcome];
}


/***/ }),

/***/ 1506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ STRATEGY_KEYS),
/* harmony export */   J1: () => (/* binding */ OWNED_KEYS),
/* harmony export */   dg: () => (/* binding */ READ_ONLY_KEYS),
/* harmony export */   oQ: () => (/* binding */ FIXED_KEYS),
/* harmony export */   sS: () => (/* binding */ DEFINITION_SHAPE)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(212);
/* harmony import */ var _taskdef_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5921);
// The service definition file is a CreateService body (as ecspresso's ecs-service-def.json): its keys, read from the
// ECS API model @aws-sdk/client-ecs ships, and which of them this action owns, cannot change, or leaves to the strategy.


function structShape(reference) {
    const shape = (0,_taskdef_model_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeOf */ .F5)(reference);
    if (shape.kind !== 'struct')
        throw new Error('@aws-sdk/client-ecs: expected a structure schema');
    return shape;
}
/** CreateService's members; none is required here (the action supplies the ones CreateService requires). */
const DEFINITION_SHAPE = { ...structShape(_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .CreateServiceRequest$ */ .dbk), required: [] };
/** What the action sets itself, with where the user sets it instead. */
const OWNED_KEYS = {
    serviceName: "the `service` input (or the environment's `services` in the config file)",
    cluster: "the `cluster` input (or the environment's `cluster` in the config file)",
    taskDefinition: 'the revision this action renders and registers (the `task-definition` input names its template)',
    clientToken: 'none: the action makes its own requests',
};
/**
 * Members UpdateService cannot change (CreateService only) or the action will not (the deployment controller): taken
 * when they equal the running service's, as in `describe-services` output, refused otherwise.
 */
const FIXED_KEYS = {
    deploymentController: (s) => s.deploymentController,
    launchType: (s) => s.launchType,
    schedulingStrategy: (s) => s.schedulingStrategy,
    role: (s) => s.roleArn,
};
/** The deployment configuration's strategy members: the `strategy` input and its options set them. */
const STRATEGY_KEYS = [
    'strategy',
    'bakeTimeInMinutes',
    'lifecycleHooks',
    'linearConfiguration',
    'canaryConfiguration',
];
/** Members DescribeServices returns that CreateService does not take (serviceArn, status, deployments, events, …). */
const READ_ONLY_KEYS = structShape(_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .Service$ */ .Sgz).members.filter((key) => !DEFINITION_SHAPE.members.includes(key));


/***/ }),

/***/ 6187:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ describeChanges),
/* harmony export */   JJ: () => (/* binding */ shownValue),
/* harmony export */   JL: () => (/* binding */ sameTaskDefinition),
/* harmony export */   z: () => (/* binding */ taskDefinitionDifferences)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _clean_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3497);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8516);
/* harmony import */ var _plain_values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7);




const SECRET_LOOKING = /PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL/i;
/**
 * True when registering `request` would produce the same content as `current`: read-only keys, key and
 * list order, empty values and the defaults ECS fills in do not count. Tags count when `currentTags` is given.
 */
function sameTaskDefinition(request, current, currentTags) {
    return ((0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(comparable(request), comparable(current)) &&
        (currentTags === undefined || (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(compact(request.tags), compact(currentTags))));
}
/**
 * What registering `request` would change compared with `current`, one line each, such as
 * `containerDefinitions[web].image: a → b`. Values of secret-looking environment variables are not shown.
 */
function describeChanges(request, current) {
    return taskDefinitionDifferences(request, current).map(({ path, before, after, item, masked }) => item
        ? `${path}: ${before === undefined ? 'added' : 'removed'}`
        : masked
            ? `${path}: (changed)`
            : `${path}: ${shownValue(before)} → ${shownValue(after)}`);
}
/** Each difference between `current` (before) and `request` (after), as `describeChanges` finds them. */
function taskDefinitionDifferences(request, current) {
    const differences = [];
    collectChanges(comparable(current), comparable(request), '', false, differences);
    return differences;
}
function comparable(definition) {
    const { definition: kept } = (0,_clean_js__WEBPACK_IMPORTED_MODULE_1__/* .withoutReadOnlyKeys */ .d)((0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .withStringSizes */ .s6)(definition));
    const { tags: _tags, enableFaultInjection, containerDefinitions, ...rest } = kept;
    // ECS runs (and may show) a definition that names no network mode in bridge mode.
    const networkMode = typeof rest.networkMode === 'string' ? rest.networkMode : 'bridge';
    return compact({
        ...rest,
        networkMode,
        // false is the default, which DescribeTaskDefinition may or may not show.
        enableFaultInjection: enableFaultInjection || undefined,
        containerDefinitions: containerDefinitions?.map((container) => withDefaults(container, networkMode)),
    });
}
/** The container as DescribeTaskDefinition returns it: ECS fills these in when they are left out. */
function withDefaults(container, networkMode) {
    // awsvpc and host: the host port is the container's; bridge: 0, a port chosen when the task starts.
    const hostPortOf = (containerPort) => networkMode === 'bridge' ? 0 : networkMode === 'awsvpc' || networkMode === 'host' ? containerPort : undefined;
    return {
        ...container,
        essential: container.essential ?? true,
        cpu: container.cpu ?? 0,
        portMappings: container.portMappings?.map((mapping) => ({
            ...mapping,
            protocol: mapping.protocol ?? 'tcp',
            hostPort: mapping.hostPort ?? hostPortOf(mapping.containerPort),
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
    if ((0,_plain_values_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Q)(value)) {
        const entries = Object.entries(value)
            .map(([key, item]) => [key, compact(item)])
            .filter(([, item]) => item !== undefined);
        return entries.length ? Object.fromEntries(entries) : undefined;
    }
    return value ?? undefined;
}
function collectChanges(before, after, path, masked, changes) {
    if ((0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(before, after))
        return;
    if ((0,_plain_values_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Q)(before) && (0,_plain_values_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Q)(after)) {
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
                    // Secrets are shown by name only; environment variables whose name looks secret likewise.
                    const secret = masked || path.endsWith('.secrets') || (environment && SECRET_LOOKING.test(name));
                    if (was === undefined || is === undefined)
                        changes.push({ path: at, before: was, after: is, item: true, masked: secret });
                    else
                        collectChanges(was, is, at, secret, changes);
                }
                return;
            }
            // Without unique names, secret-looking variables cannot be picked out: say only that something changed.
            if (environment) {
                changes.push({ path, before, after, item: false, masked: true });
                return;
            }
            if (beforeItems.length === afterItems.length) {
                beforeItems.forEach((item, index) => collectChanges(item, afterItems[index], `${path}[${index}]`, masked, changes));
                return;
            }
        }
    }
    changes.push({ path, before, after, item: false, masked });
}
/** Whether every item has a name (`name`, or `key` for tags) and no two share one. */
function uniquelyNamed(items) {
    const names = items.map(itemName);
    return names.every((name) => name !== '') && new Set(names).size === names.length;
}
function itemName(item) {
    if (!(0,_plain_values_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Q)(item))
        return '';
    const name = item.name ?? item.key;
    return typeof name === 'string' ? name : '';
}
/** A value for a change line: text as it is, anything else as JSON, absent as `(none)`. */
function shownValue(value) {
    if (value === undefined)
        return '(none)';
    return typeof value === 'string' ? value : JSON.stringify(value);
}


/***/ }),

/***/ 5705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DT: () => (/* reexport */ compare/* describeChanges */.DT),
  Yd: () => (/* reexport */ existingTaskDefinition),
  P9: () => (/* reexport */ render/* renderTaskDefinition */.P),
  JL: () => (/* reexport */ compare/* sameTaskDefinition */.JL)
});

// EXTERNAL MODULE: ./src/taskdef/render.ts + 2 modules
var render = __webpack_require__(7131);
// EXTERNAL MODULE: ./src/taskdef/compare.ts
var compare = __webpack_require__(6187);
// EXTERNAL MODULE: ./src/taskdef/clean.ts
var clean = __webpack_require__(3497);
// EXTERNAL MODULE: ./src/taskdef/rules.ts + 1 modules
var rules = __webpack_require__(4943);
// EXTERNAL MODULE: ./src/taskdef/validate.ts
var validate = __webpack_require__(8516);
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





/***/ })

};

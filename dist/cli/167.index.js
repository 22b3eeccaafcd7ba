export const id = 167;
export const ids = [167];
export const modules = {

/***/ 7864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  serviceCommand: () => (/* binding */ serviceCommand)
});

// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/region.ts
var aws_region = __webpack_require__(7249);
// EXTERNAL MODULE: ./src/deploy/clock.ts
var deploy_clock = __webpack_require__(3941);
// EXTERNAL MODULE: ./src/deploy/service.ts
var deploy_service = __webpack_require__(3432);
// EXTERNAL MODULE: ./src/aws/arn.ts
var aws_arn = __webpack_require__(1626);
// EXTERNAL MODULE: ./src/aws/ecs.ts
var aws_ecs = __webpack_require__(1032);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/deploy/rollout.ts
var deploy_rollout = __webpack_require__(5398);
// EXTERNAL MODULE: ./src/mechanisms/watch.ts
var watch = __webpack_require__(6781);
;// CONCATENATED MODULE: ./src/engine/service.ts






const revision = (arn) => (0,aws_arn/* taskDefinitionRevision */.MZ)(arn, '—');
/** `status`: the service, its deployments and its newest events, as lines (and as data for --json). */
function describeStatus(service) {
    const deployments = service.deployments ?? [];
    const events = (service.events ?? []).slice(0, 5);
    const lines = [
        `${service.serviceName} (${service.status}) in ${service.clusterArn && (0,aws_arn/* resourceName */.Iy)(service.clusterArn)}: running ${revision(service.taskDefinition)}, ${service.runningCount}/${service.desiredCount} tasks, ${service.pendingCount ?? 0} pending`,
        'deployments:',
        ...deployments.map((d) => `  ${d.status} ${d.id} ${revision(d.taskDefinition)} ${d.rolloutState ?? ''} running ${d.runningCount}/${d.desiredCount}, failed ${d.failedTasks ?? 0}${d.rolloutStateReason ? ` — ${d.rolloutStateReason}` : ''}`),
        'recent events:',
        ...events.map((e) => `  ${e.createdAt?.toISOString() ?? ''} ${e.message}`),
    ];
    const data = {
        service: service.serviceName,
        status: service.status,
        taskDefinition: service.taskDefinition,
        desiredCount: service.desiredCount,
        runningCount: service.runningCount,
        pendingCount: service.pendingCount,
        deployments: deployments.map((d) => ({
            id: d.id,
            status: d.status,
            taskDefinition: d.taskDefinition,
            rolloutState: d.rolloutState,
            runningCount: d.runningCount,
            desiredCount: d.desiredCount,
            failedTasks: d.failedTasks,
        })),
        events: events.map((e) => ({ at: e.createdAt?.toISOString(), message: e.message })),
    };
    return { lines, data };
}
/** The revision before the one the service runs: the newest ACTIVE revision of its family older than it. */
async function previousRevision(ecs, current) {
    const family = (0,aws_arn/* taskDefinitionFamily */.dm)(current);
    const number = (0,aws_arn/* revisionNumber */.P7)(current);
    if (!current || number === undefined)
        throw new errors/* UserError */.yo(`Cannot tell the revision before ${current}: give --to family:revision.`);
    const listed = await (0,aws_ecs/* listTaskDefinitions */.ad)(ecs, { familyPrefix: family, status: 'ACTIVE', sort: 'DESC' });
    // familyPrefix also matches longer family names (web → web-worker): keep this family's own revisions.
    const older = listed.find((arn) => (0,aws_arn/* taskDefinitionFamily */.dm)(arn) === family && ((0,aws_arn/* revisionNumber */.P7)(arn) ?? Infinity) < number);
    if (!older)
        throw new errors/* UserError */.yo(`${family} has no ACTIVE revision before ${number} to roll back to: give --to family:revision.`);
    return older;
}
/**
 * `rollback`: stops the rollout in flight with a rollback (where ECS can), or deploys the revision
 * before (or the one given), then follows the rollback to its end.
 */
async function rollbackService(r) {
    const service = await (0,deploy_service/* findService */.L)(r.ecs, r.cluster, r.service, r.region);
    const primary = (0,deploy_rollout/* primaryDeployment */.sg)(service);
    const inFlight = (service.deployments?.length ?? 0) > 1 && primary?.rolloutState === 'IN_PROGRESS';
    let target;
    let rollout;
    if (!r.to && inFlight && service.currentServiceDeployment) {
        const arn = service.currentServiceDeployment;
        target = service.deployments?.find((d) => d.status === 'ACTIVE')?.taskDefinition ?? '';
        await (0,aws_ecs/* stopServiceDeployment */.dD)(r.ecs, arn);
        r.log(`stopped the rollout of ${revision(primary?.taskDefinition)} with a rollback to ${revision(target)}`);
        // StopServiceDeployment names no new deployment: the rollback is the primary one ECS shows for the target.
        const after = await (0,aws_ecs/* describeService */.Jv)(r.ecs, r.cluster, r.service);
        const following = after && (0,deploy_rollout/* primaryDeployment */.sg)(after);
        rollout = {
            ...(following?.id && following.taskDefinition === target && { deploymentId: following.id }),
            previousTaskDefinition: service.taskDefinition ?? '',
            started: false,
            startedAt: r.clock.now(),
        };
    }
    else {
        target =
            r.to ??
                (inFlight
                    ? (service.deployments?.find((d) => d.status === 'ACTIVE')?.taskDefinition ?? '')
                    : await previousRevision(r.ecs, service.taskDefinition ?? ''));
        // Followed through UpdateService's own answer: DescribeServices may not show the new deployment for a while.
        const started = await (0,deploy_rollout/* startRollout */.wz)(r.ecs, service, { cluster: r.cluster, taskDefinitionArn: target, forceNewDeployment: false, deploymentCircuitBreaker: 'keep' }, r.clock.now());
        r.log(started.started
            ? `rolling back from ${revision(service.taskDefinition)} to ${revision(target)}`
            : `already on ${revision(target)}`);
        // Followed as this run's own (rollbackOnFailure is off: a rollback is not rolled back in turn).
        rollout = started;
        if (!started.deploymentId) {
            const primaryNow = (0,deploy_rollout/* primaryDeployment */.sg)((await (0,aws_ecs/* describeService */.Jv)(r.ecs, r.cluster, r.service)) ?? service);
            if (primaryNow?.id)
                rollout.deploymentId = primaryNow.id;
        }
    }
    r.startWait?.();
    return (0,watch/* waitForDeployment */.K)({
        ecs: r.ecs,
        cluster: r.cluster,
        service: r.service,
        rollout,
        targetTaskDefinition: target,
        priorEventIds: (service.events ?? []).flatMap((e) => (e.id ? [e.id] : [])),
        timeoutMs: r.timeoutMs,
        rollbackOnFailure: false,
        clock: r.clock,
        ...(r.signal && { signal: r.signal }),
        log: r.log,
    });
}

// EXTERNAL MODULE: ./src/cli/main.ts + 5 modules
var main = __webpack_require__(5244);
;// CONCATENATED MODULE: ./src/cli/service.ts
// `status` and `rollback`: a service read (and rolled back) through ECS, so this module loads the AWS SDK.







async function serviceCommand(args, io, log, out) {
    const clock = io.clock ?? deploy_clock/* systemClock */.ml;
    const region = (0,aws_region/* resolveRegion */.Z)(args.inputs.region || undefined, io.env);
    const cluster = args.inputs.cluster ?? 'default';
    const service = args.inputs.service;
    if (!service)
        throw new errors/* UserError */.yo(`${args.command} needs --service.`);
    if (args.offline)
        throw (0,main/* offlineError */._P)(args.command);
    const timeoutMs = Number(args.inputs['timeout-minutes'] ?? 30) * 60_000;
    // Every call carries the run's deadline: the reads, the rollback request, the wait (which has the whole timeout).
    const deadline = io.deadline ?? new aws_clients.RunDeadline(io.signal, undefined, clock.now);
    deadline.restart(timeoutMs);
    const clients = (0,aws_clients.createClients)(region, deadline);
    const { ecs } = clients;
    try {
        if (args.command === 'status') {
            const status = describeStatus(await (0,deploy_service/* findService */.L)(ecs, cluster, service, region));
            out(args.json ? `${JSON.stringify(status.data, null, 2)}\n` : `${status.lines.join('\n')}\n`);
            return 0;
        }
        const result = await rollbackService({
            ecs,
            cluster,
            service,
            region,
            ...(args.to !== undefined && { to: args.to }),
            clock,
            timeoutMs,
            ...(io.signal && { signal: io.signal }),
            log: (line) => log.info(line),
            startWait: () => deadline.restart(timeoutMs),
        });
        if (args.json)
            out(`${JSON.stringify({ status: result.outcome, reason: result.reason }, null, 2)}\n`);
        else
            log.info(`${result.outcome}: ${result.reason}`);
        return result.outcome === 'succeeded' ? 0 : 1;
    }
    finally {
        clients.destroy();
    }
}


/***/ }),

/***/ 8715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ yamlData),
/* harmony export */   n: () => (/* binding */ lineOfKey)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);


/** How many times aliases may expand, in all: far above any real file, far below a "billion laughs". */
const MAX_ALIAS_COUNT = 100;
/**
 * The data of a parsed YAML document. A document whose aliases expand past MAX_ALIAS_COUNT is refused, naming
 * `source` and the line of its first alias, instead of the yaml package's bare "Excessive alias count".
 */
function yamlData(doc, source, text) {
    try {
        return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (error) {
        if (!(error instanceof ReferenceError) || !/alias/i.test(error.message))
            throw error;
        let offset = 0;
        (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
            Alias(_, node) {
                offset = node.range?.[0] ?? 0;
                return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
            },
        });
        const line = text.slice(0, offset).split('\n').length;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${source}:${line}: its YAML aliases expand more than ${MAX_ALIAS_COUNT} times (the first alias is on this line); ` +
            'refused, as such a file can exhaust memory. Write the values out, or use fewer aliases.');
    }
}
/** The line of a key path: the key's own line for a mapping entry, the item's line in a list. */
function lineOfKey(doc, lines, keyPath) {
    if (!keyPath.length)
        return undefined;
    const last = keyPath[keyPath.length - 1];
    const parent = keyPath.length > 1 ? doc.getIn(keyPath.slice(0, -1), true) : doc.contents;
    let node;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(parent))
        node = parent.items.find((pair) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && String(pair.key.value) === String(last))?.key;
    else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(parent) && typeof last === 'number')
        node = parent.items[last];
    else
        node = parent;
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line;
}


/***/ }),

/***/ 64:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   Q: () => (/* binding */ isPlainObject)
/* harmony export */ });
/** Helpers for the plain values a parsed template or an SDK response is made of. */
/** An object literal, not a list or Date; works across realms (structuredClone, jest's vm). */
function isPlainObject(value) {
    return Object.prototype.toString.call(value) === '[object Object]';
}
/** What a value is without quoting it, for a whole file that may be anything (a secret, /proc/self/environ). */
function kindOf(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}


/***/ })

};

export const id = 864;
export const ids = [864];
export const modules = {

/***/ 7864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeStatus: () => (/* binding */ describeStatus),
/* harmony export */   rollbackService: () => (/* binding */ rollbackService),
/* harmony export */   serviceStatus: () => (/* binding */ serviceStatus)
/* harmony export */ });
/* harmony import */ var _aws_arn_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1626);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/* harmony import */ var _common_deadline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(673);
/* harmony import */ var _deploy_find_service_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2090);
/* harmony import */ var _mechanisms_registry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7192);
/* harmony import */ var _mechanisms_watch_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6781);






const revision = (arn) => (0,_aws_arn_js__WEBPACK_IMPORTED_MODULE_5__/* .taskDefinitionRevision */ .MZ)(arn, '—');
/** The service, its deployments and its newest events, as lines (and as data for --json). */
function describeStatus(service) {
    const deployments = service.deployments ?? [];
    const events = (service.events ?? []).slice(0, 5);
    const lines = [
        `${service.serviceName} (${service.status}) in ${service.clusterArn && (0,_aws_arn_js__WEBPACK_IMPORTED_MODULE_5__/* .resourceName */ .Iy)(service.clusterArn)}: running ${revision(service.taskDefinition)}, ${service.runningCount}/${service.desiredCount} tasks, ${service.pendingCount ?? 0} pending`,
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
/** Runs `command` with the AWS clients of the region (the port's, else made here and closed after), under the deadline. */
async function withClients(request, ports, command) {
    // Every call carries the command's deadline: the reads, the rollback request, the wait (which has the whole timeout).
    const deadline = ports.deadline ?? new _common_deadline_js__WEBPACK_IMPORTED_MODULE_1__/* .RunDeadline */ .sQ(ports.signal, undefined, ports.clock.now);
    deadline.restart(request.timeoutMs);
    const clients = ports.aws ? ports.aws(request.region, deadline) : (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__.createClients)(request.region, deadline);
    try {
        return await command(clients, deadline);
    }
    finally {
        if (!ports.aws)
            clients.destroy();
    }
}
/** `status`: the service, its deployments and its newest events. */
async function serviceStatus(request, ports) {
    return withClients(request, ports, async ({ ecs }) => describeStatus(await (0,_deploy_find_service_js__WEBPACK_IMPORTED_MODULE_2__/* .findService */ .L)(ecs, request.cluster, request.service, request.region)));
}
/**
 * `rollback`: the service's mechanism stops the rollout in flight with a rollback (where it can), or deploys the
 * revision before (or the one given); then the rollback is followed to its end.
 */
async function rollbackService(r, ports) {
    return withClients(r, ports, async (clients, deadline) => {
        const service = await (0,_deploy_find_service_js__WEBPACK_IMPORTED_MODULE_2__/* .findService */ .L)(clients.ecs, r.cluster, r.service, r.region);
        const { targetTaskDefinition, ...rollout } = await (0,_mechanisms_registry_js__WEBPACK_IMPORTED_MODULE_3__/* .mechanismFor */ .J)(service, {
            deploymentAlarms: [],
            onBusy: 'fail',
        }).rollBackService(clients, service, { cluster: r.cluster, to: r.to, now: ports.clock.now(), log: ports.log });
        // The wait has the whole timeout.
        deadline.restart(r.timeoutMs);
        // Followed as this run's own (rollbackOnFailure is off: a rollback is not rolled back in turn).
        return (0,_mechanisms_watch_js__WEBPACK_IMPORTED_MODULE_4__/* .waitForDeployment */ .K)({
            ecs: clients.ecs,
            cluster: r.cluster,
            service: r.service,
            rollout,
            targetTaskDefinition,
            priorEventIds: (service.events ?? []).flatMap((e) => (e.id ? [e.id] : [])),
            timeoutMs: r.timeoutMs,
            rollbackOnFailure: false,
            clock: ports.clock,
            ...(ports.signal && { signal: ports.signal }),
            log: ports.log,
        });
    });
}


/***/ })

};

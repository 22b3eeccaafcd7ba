export const id = 184;
export const ids = [184];
export const modules = {

/***/ 6184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  describeStatus: () => (/* binding */ describeStatus),
  rollbackService: () => (/* binding */ rollbackService),
  serviceFiles: () => (/* binding */ serviceFiles),
  serviceStatus: () => (/* binding */ serviceStatus)
});

// EXTERNAL MODULE: ./src/aws/arn.ts
var aws_arn = __webpack_require__(1626);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/common/deadline.ts
var common_deadline = __webpack_require__(673);
// EXTERNAL MODULE: ./src/deploy/find-service.ts
var find_service = __webpack_require__(2090);
// EXTERNAL MODULE: ./src/deploy/register.ts
var register = __webpack_require__(7450);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/taskdef/clean.ts
var clean = __webpack_require__(3497);
// EXTERNAL MODULE: ./src/servicedef/service-keys.ts
var service_keys = __webpack_require__(1506);
;// CONCATENATED MODULE: ./src/servicedef/from-service.ts



const TASK_DEFINITION_FILE = '.aws/task-definition.json';
const SERVICE_DEFINITION_FILE = '.aws/service-definition.json';
/** Members the action sets itself, or only DescribeServices shows: not part of the written definition. */
const LEFT_OUT = new Set(['serviceName', 'cluster', 'taskDefinition', 'clientToken', 'role']);
/** What the running service is, as a CreateService body (its strategy is the config's business, not the file's). */
function serviceDefinitionOf(service) {
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
    const source = {
        ...service,
        ...(primary?.volumeConfigurations?.length && { volumeConfigurations: primary.volumeConfigurations }),
        ...(primary?.serviceConnectConfiguration && { serviceConnectConfiguration: primary.serviceConnectConfiguration }),
        ...(primary?.vpcLatticeConfigurations?.length && { vpcLatticeConfigurations: primary.vpcLatticeConfigurations }),
    };
    const definition = {};
    for (const key of service_keys/* DEFINITION_SHAPE */.sS.members) {
        const value = source[key];
        if (LEFT_OUT.has(key) || value === undefined || value === null || (Array.isArray(value) && !value.length))
            continue;
        definition[key] = key === 'deploymentConfiguration' ? withoutStrategy(value) : value;
    }
    return definition;
}
function withoutStrategy(configuration) {
    return Object.fromEntries(Object.entries(configuration).filter(([key]) => !service_keys/* STRATEGY_KEYS */.BS.includes(key)));
}
/** JSON a template loader reads back as it is: `${NAME}` in a value is escaped, or it would be taken as a placeholder. */
function templateJson(value) {
    return `${JSON.stringify(value, null, 2).replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '$$$${$1}')}\n`;
}
/** A YAML scalar for a name: ECS names and regions are plain words; anything else is quoted as JSON. */
const scalar = (text) => (/^[A-Za-z0-9_./:-]+$/.test(text) ? text : JSON.stringify(text));
/** The three files of `init`. */
function initFiles(request) {
    const { definition } = (0,clean/* withoutReadOnlyKeys */.d)({ ...request.taskDefinition });
    const template = {
        ...definition,
        ...(request.taskDefinitionTags.length && { tags: request.taskDefinitionTags }),
    };
    const name = request.service.serviceName ?? '';
    const config = [
        '# yaml-language-server: $schema=https://raw.githubusercontent.com/org/ecs-deploy-action/v1/schema/ecs-deploy.schema.json',
        `# Written by \`ecs-deploy-action init\` from service ${scalar(name)} in cluster ${scalar(request.cluster)}.`,
        '# Add `branches: [main]` to deploy this environment on a push; the `environment` input names it otherwise.',
        'environments:',
        `  ${scalar(request.environment)}:`,
        `    cluster: ${scalar(request.cluster)}`,
        `    services: [${scalar(name)}]`,
        ...(request.region ? [`    region: ${scalar(request.region)}`] : []),
        `    task-definition: ${TASK_DEFINITION_FILE}`,
        `    service-definition: ${SERVICE_DEFINITION_FILE}`,
        '',
    ].join('\n');
    return [
        { path: TASK_DEFINITION_FILE, text: templateJson(template) },
        { path: SERVICE_DEFINITION_FILE, text: templateJson(serviceDefinitionOf(request.service)) },
        { path: types/* DEFAULT_CONFIG_FILE */.Cu, text: config },
    ];
}

// EXTERNAL MODULE: ./src/mechanisms/registry.ts + 17 modules
var registry = __webpack_require__(4485);
// EXTERNAL MODULE: ./src/mechanisms/watch.ts
var watch = __webpack_require__(6781);
;// CONCATENATED MODULE: ./src/engine/service-commands.ts









const revision = (arn) => (0,aws_arn/* taskDefinitionRevision */.MZ)(arn, '—');
/** The service, its deployments and its newest events, as lines (and as data for --json). */
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
/** Runs `command` with the AWS clients of the region (the port's, else made here and closed after), under the deadline. */
async function withClients(request, ports, command) {
    // Every call carries the command's deadline: the reads, the rollback request, the wait (which has the whole timeout).
    const deadline = ports.deadline ?? new common_deadline/* RunDeadline */.sQ(ports.signal, undefined, ports.clock.now);
    deadline.restart(request.timeoutMs);
    const clients = ports.aws ? ports.aws(request.region, deadline) : (0,aws_clients.createClients)(request.region, deadline);
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
    return withClients(request, ports, async ({ ecs }) => describeStatus(await (0,find_service/* findService */.L)(ecs, request.cluster, request.service, request.region)));
}
/**
 * `rollback`: the service's mechanism stops the rollout in flight with a rollback (where it can), or deploys the
 * revision before (or the one given); then the rollback is followed to its end.
 */
async function rollbackService(r, ports) {
    return withClients(r, ports, async (clients, deadline) => {
        const service = await (0,find_service/* findService */.L)(clients.ecs, r.cluster, r.service, r.region);
        const { targetTaskDefinition, ...rollout } = await (0,registry/* mechanismFor */.J)(service, {
            deploymentAlarms: [],
            onBusy: 'fail',
        }).rollBackService(clients, service, { cluster: r.cluster, to: r.to, now: ports.clock.now(), log: ports.log });
        // The wait has the whole timeout.
        deadline.restart(r.timeoutMs);
        // Followed as this run's own (rollbackOnFailure is off: a rollback is not rolled back in turn).
        return (0,watch/* waitForDeployment */.K)({
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
/** `init`: the files that say what the service runs now (task definition, service definition, config file). */
async function serviceFiles(r, ports) {
    return withClients(r, ports, async ({ ecs }) => {
        const found = await (0,find_service/* findService */.L)(ecs, r.cluster, r.service, r.region);
        if (!found.taskDefinition)
            throw new errors/* UserError */.yo(`Service ${r.service} in ${r.cluster} runs no task definition to write.`);
        const described = await (0,register/* describeTaskDefinition */.o)(ecs, found.taskDefinition);
        return initFiles({
            cluster: r.cluster,
            environment: r.environment,
            ...(r.regionGiven && { region: r.region }),
            service: found,
            taskDefinition: described.taskDefinition,
            taskDefinitionTags: described.tags,
        });
    });
}


/***/ })

};

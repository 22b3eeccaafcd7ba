export const id = 764;
export const ids = [764,261,201];
export const modules = {

/***/ 1626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ functionName),
/* harmony export */   Iy: () => (/* binding */ resourceName),
/* harmony export */   MZ: () => (/* binding */ taskDefinitionRevision),
/* harmony export */   P7: () => (/* binding */ revisionNumber),
/* harmony export */   a: () => (/* binding */ resourceId),
/* harmony export */   dm: () => (/* binding */ taskDefinitionFamily)
/* harmony export */ });
/* unused harmony exports parseArn, lastPart */
// One place that reads ARNs: arn:<partition>:<service>:<region>:<account>:<resource>, where the resource is
// `type/id…` for ECS (task-definition/web:12, service/cluster/web, task/cluster/id) and ELB (targetgroup/name/id),
// and `type:id` for some others.
/** The parts of an ARN, or undefined when `text` is not one (a plain name, `family:revision`). */
function parseArn(text) {
    const match = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(text);
    if (!match)
        return undefined;
    const [, partition = '', service = '', region = '', account = '', resource = ''] = match;
    return { partition, service, region, account, resource };
}
/** The last path part of an ARN's resource, or the text itself when it is a name: `web:12` of a task definition, `web` of a service. */
function lastPart(nameOrArn) {
    const resource = parseArn(nameOrArn)?.resource ?? nameOrArn;
    return resource.slice(resource.lastIndexOf('/') + 1);
}
/** `family:revision` of a task definition ARN (or of `family:revision` itself); `fallback` when there is none. */
function taskDefinitionRevision(arn, fallback = '?') {
    return arn ? lastPart(arn) : fallback;
}
/** The family of a task definition ARN or `family:revision`: `web` of `…:task-definition/web:12`. */
function taskDefinitionFamily(arn) {
    return lastPart(arn).replace(/:\d+$/, '');
}
/** The revision number of a task definition ARN or `family:revision`, or undefined when it names none. */
function revisionNumber(arn) {
    const match = /:(\d+)$/.exec(lastPart(arn));
    return match ? Number(match[1]) : undefined;
}
/** The name of a cluster, service or task from its ARN (or the name itself): `web` of `…:service/prod/web`. */
const resourceName = lastPart;
/** An ARN's resource without its type: `blue/0123456789abcdef` of a target group's ARN; the text itself when it is no ARN. */
function resourceId(arn) {
    const resource = parseArn(arn)?.resource ?? arn;
    return resource.slice(resource.indexOf('/') + 1);
}
/** A Lambda function's name from its ARN (`…:function:my-hook`, with an optional `:alias`), or the text itself. */
function functionName(arn) {
    const resource = parseArn(arn)?.resource ?? arn;
    return /^function:([^:]+)/.exec(resource)?.[1] ?? resource;
}


/***/ }),

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CONNECTION_TIMEOUT_MS: () => (/* binding */ CONNECTION_TIMEOUT_MS),
/* harmony export */   GRACE_MS: () => (/* reexport safe */ _common_deadline_js__WEBPACK_IMPORTED_MODULE_2__.g3),
/* harmony export */   REQUEST_TIMEOUT_MS: () => (/* binding */ REQUEST_TIMEOUT_MS),
/* harmony export */   RunDeadline: () => (/* reexport safe */ _common_deadline_js__WEBPACK_IMPORTED_MODULE_2__.sQ),
/* harmony export */   createClients: () => (/* binding */ createClients),
/* harmony export */   resolveRegion: () => (/* reexport safe */ _region_js__WEBPACK_IMPORTED_MODULE_1__.Z)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(212);
/* harmony import */ var _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7507);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8249);
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(303);
/* harmony import */ var _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(586);
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1279);
/* harmony import */ var _http_proxy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7856);
/* harmony import */ var _region_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7249);
/* harmony import */ var _common_deadline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(673);










const USER_AGENT = ['ecs-deploy-action', '1'];
/** Time to open a connection, and for one attempt's answer: a silent endpoint is an error, never a hang. */
const CONNECTION_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 30_000;
/**
 * Node's HTTP handler with timeouts, whose every attempt also carries the run's deadline as its abort signal, and goes
 * through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY names the endpoint.
 */
class DeadlineHandler extends _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_3__.NodeHttpHandler {
    deadline;
    timeouts;
    proxied = new Map();
    constructor(deadline, timeouts) {
        super({ ...timeouts, throwOnRequestTimeout: true });
        this.deadline = deadline;
        this.timeouts = timeouts;
    }
    async handle(request, options = {}) {
        const abortSignal = this.deadline?.signal(options.abortSignal) ?? options.abortSignal;
        const withDeadline = { ...options, ...(abortSignal && { abortSignal }) };
        const agent = (0,_http_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .proxyConfigured */ .$o)() ? await (0,_http_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .proxyAgentFor */ .H2)(endpointOf(request)) : undefined;
        if (!agent)
            return super.handle(request, withDeadline);
        let handler = this.proxied.get(agent);
        if (!handler) {
            handler = new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_3__.NodeHttpHandler({
                ...this.timeouts,
                throwOnRequestTimeout: true,
                httpAgent: agent,
                httpsAgent: agent,
            });
            this.proxied.set(agent, handler);
        }
        return handler.handle(request, withDeadline);
    }
    destroy() {
        super.destroy();
        for (const handler of this.proxied.values())
            handler.destroy();
    }
}
/** The URL a request goes to, for NO_PROXY (host and port are what it matches). */
function endpointOf(request) {
    return `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}/`;
}
/**
 * Makes every AWS client in one place, each on first use (a run that builds nothing needs no ECR client).
 * Endpoints come from the SDK's own AWS_ENDPOINT_URL* variables, so the local stack is reached exactly as AWS is.
 * Every request has a connection and request timeout, and `deadline` (when given) as its abort signal.
 */
function createClients(region, deadline, timeouts = { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }) {
    const requestHandler = new DeadlineHandler(deadline, timeouts);
    const config = { region, maxAttempts: 6, retryMode: 'adaptive', customUserAgent: [USER_AGENT], requestHandler };
    let ecs;
    let ecr;
    let logs;
    let elbv2;
    let codedeploy;
    const logsElsewhere = new Map();
    const logsHere = () => (logs ??= new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_4__/* .CloudWatchLogsClient */ .TFr(config));
    return {
        region,
        get ecs() {
            return (ecs ??= new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_5__/* .ECSClient */ .Zgc(config));
        },
        get ecr() {
            return (ecr ??= new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_6__/* .ECRClient */ .S70(config));
        },
        get logs() {
            return logsHere();
        },
        logsIn(other) {
            if (!other || other === region)
                return logsHere();
            const name = (0,_region_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveRegion */ .Z)(other);
            const client = logsElsewhere.get(name) ?? new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_4__/* .CloudWatchLogsClient */ .TFr({ ...config, region: name });
            logsElsewhere.set(name, client);
            return client;
        },
        get elbv2() {
            return (elbv2 ??= new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_7__/* .ElasticLoadBalancingV2Client */ .MlD(config));
        },
        get codedeploy() {
            return (codedeploy ??= new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_8__/* .CodeDeployClient */ .cHd(config));
        },
        destroy: () => requestHandler.destroy(),
    };
}


/***/ }),

/***/ 8663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L3: () => (/* binding */ getAuthorizationToken),
/* harmony export */   MD: () => (/* binding */ describeRepository),
/* harmony export */   hu: () => (/* binding */ describeImage),
/* harmony export */   vB: () => (/* binding */ createRepository)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8249);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
// The ECR calls the action makes, each named by the IAM action it needs and the registry (`on`) it asks;
// failures are explained (errors.ts), and a missing repository or image is a NotFound.


const REPOSITORY = { RepositoryNotFoundException: 'repository' };
const registryOf = (r) => (r.registryId !== undefined ? { registryId: r.registryId } : {});
async function getAuthorizationToken(registry) {
    const input = registry.registryId !== undefined ? { registryIds: [registry.registryId] } : {};
    const response = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecr:GetAuthorizationToken', () => registry.client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .GetAuthorizationTokenCommand */ .Eu6(input)), { on: registry.label });
    return response.authorizationData?.[0];
}
/** The repository; a NotFound('repository') when there is none by that name. */
async function describeRepository(registry, repositoryName) {
    const found = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecr:DescribeRepositories', () => registry.client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .DescribeRepositoriesCommand */ .pE_({ repositoryNames: [repositoryName], ...registryOf(registry) })), { on: registry.label, missing: REPOSITORY });
    return found.repositories?.[0];
}
async function createRepository(registry, input) {
    const created = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecr:CreateRepository', () => registry.client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .CreateRepositoryCommand */ .WTe({ ...input, ...registryOf(registry) })), {
        on: registry.label,
    });
    return created.repository;
}
/** The image with this tag or digest; a NotFound('repository') or NotFound('image') when either is missing. */
async function describeImage(registry, repositoryName, image) {
    const response = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecr:DescribeImages', () => registry.client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .DescribeImagesCommand */ .ji5({ repositoryName, imageIds: [image], ...registryOf(registry) })), { on: registry.label, missing: { ...REPOSITORY, ImageNotFoundException: 'image' } });
    return response.imageDetails?.[0];
}


/***/ }),

/***/ 1032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C0: () => (/* binding */ listServiceDeployments),
/* harmony export */   Ge: () => (/* binding */ describeServices),
/* harmony export */   Jv: () => (/* binding */ describeService),
/* harmony export */   Pr: () => (/* binding */ describeServiceDeployments),
/* harmony export */   Qm: () => (/* binding */ describeServicesByName),
/* harmony export */   S8: () => (/* binding */ stopTask),
/* harmony export */   T2: () => (/* binding */ deregisterTaskDefinition),
/* harmony export */   TD: () => (/* binding */ listServices),
/* harmony export */   Vk: () => (/* binding */ listTasks),
/* harmony export */   ZZ: () => (/* binding */ runTask),
/* harmony export */   aU: () => (/* binding */ updateServiceLooking),
/* harmony export */   ad: () => (/* binding */ listTaskDefinitions),
/* harmony export */   bU: () => (/* binding */ updateService),
/* harmony export */   dD: () => (/* binding */ stopServiceDeployment),
/* harmony export */   eQ: () => (/* binding */ registerTaskDefinition),
/* harmony export */   hs: () => (/* binding */ deleteService),
/* harmony export */   oh: () => (/* binding */ describeTaskDefinition),
/* harmony export */   sR: () => (/* binding */ createService),
/* harmony export */   wN: () => (/* binding */ continueServiceDeployment),
/* harmony export */   yz: () => (/* binding */ describeTasks)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(212);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
// The ECS calls the action makes, each named by the IAM action it needs; failures are explained (errors.ts).


const CLUSTER = { ClusterNotFoundException: 'cluster' };
const SERVICE = { ...CLUSTER, ServiceNotFoundException: 'service', ServiceNotActiveException: 'service' };
/** DescribeServices and DescribeTasks take at most this many names; DescribeServiceDeployments 20. */
const SERVICES_PER_CALL = 10;
const TASKS_PER_CALL = 100;
const SERVICE_DEPLOYMENTS_PER_CALL = 20;
function chunks(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
/** DescribeServices for one batch of at most 10 names; a missing cluster is a NotFound('cluster'). */
function describeServices(ecs, input) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:DescribeServices', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeServicesCommand */ .H7c(input)), { missing: CLUSTER });
}
/** The services found among `names` (any number, asked in batches), by name and by ARN as asked. */
async function describeServicesByName(ecs, cluster, names, include) {
    const answers = await Promise.all(chunks(names, SERVICES_PER_CALL).map((services) => describeServices(ecs, { cluster, services, ...(include && { include }) })));
    return answers.flatMap((a) => a.services ?? []);
}
/** One service as ECS describes it now, or undefined when the cluster has none by that name. */
async function describeService(ecs, cluster, service) {
    return (await describeServices(ecs, { cluster, services: [service] })).services?.[0];
}
/** Every service ARN of the cluster. */
async function listServices(ecs, cluster) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:ListServices', async () => {
        const arns = [];
        for await (const page of (0,_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .paginateListServices */ .wjm)({ client: ecs, pageSize: 100 }, { cluster }))
            arns.push(...(page.serviceArns ?? []));
        return arns;
    }, { missing: CLUSTER });
}
async function updateService(ecs, input) {
    return (await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:UpdateService', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .UpdateServiceCommand */ .kZr(input)), { missing: SERVICE }))
        .service;
}
/** How many times `updateServiceLooking` sends an update that ECS answered with a server error and did not apply. */
const UPDATE_ATTEMPTS = 3;
/**
 * UpdateService, never sent again blindly: ECS may apply an update and still answer 5xx, where the SDK's retry would
 * start a second deployment. After such an answer the service is read, and `applied` (given what DescribeServices
 * shows) says whether the update took; it is sent again only when it did not.
 */
async function updateServiceLooking(ecs, input, applied) {
    for (let attempt = 1;; attempt++) {
        const sent = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:UpdateService', async () => {
            try {
                return { service: (await ecs.send(withoutServerErrorRetry(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .UpdateServiceCommand */ .kZr(input)))).service };
            }
            catch (error) {
                if (error instanceof OutcomeUnknown && attempt < UPDATE_ATTEMPTS)
                    return { unknown: error.answer };
                throw error instanceof OutcomeUnknown ? error.answer : error;
            }
        }, { missing: SERVICE });
        if (!('unknown' in sent))
            return sent.service;
        const now = await describeService(ecs, input.cluster, input.service);
        if (now && applied(now))
            return now;
    }
}
/** A server error the SDK must not retry on its own: the request may have been carried out. */
class OutcomeUnknown extends Error {
    answer;
    name = 'OutcomeUnknown';
    constructor(answer) {
        super('the call answered a server error, so it may have been carried out');
        this.answer = answer;
    }
}
/** `command`, whose 5xx answers reach the caller as OutcomeUnknown (which no retry strategy takes for transient). */
function withoutServerErrorRetry(command) {
    command.middlewareStack.add((next) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            const status = error.$metadata?.httpStatusCode ?? 0;
            throw status >= 500 ? new OutcomeUnknown(error) : error;
        }
    }, { step: 'deserialize', priority: 'high', name: 'outcomeUnknownOnServerError' });
    return command;
}
async function createService(ecs, input) {
    return (await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:CreateService', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .CreateServiceCommand */ .JkR(input)))).service;
}
async function deleteService(ecs, cluster, service) {
    return (await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:DeleteService', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DeleteServiceCommand */ .o6q({ cluster, service, force: true })), {
        missing: SERVICE,
    })).service;
}
/** The service deployments asked for (any number, asked in batches of 20), by ARN. */
async function describeServiceDeployments(ecs, arns) {
    const answers = await Promise.all(chunks(arns, SERVICE_DEPLOYMENTS_PER_CALL).map((serviceDeploymentArns) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:DescribeServiceDeployments', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeServiceDeploymentsCommand */ .A6p({ serviceDeploymentArns })))));
    return new Map(answers.flatMap((a) => a.serviceDeployments ?? []).map((sd) => [sd.serviceDeploymentArn ?? '', sd]));
}
async function listServiceDeployments(ecs, input) {
    return ((await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:ListServiceDeployments', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .ListServiceDeploymentsCommand */ .jz8(input))))
        .serviceDeployments ?? []);
}
async function continueServiceDeployment(ecs, input) {
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:ContinueServiceDeployment', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .ContinueServiceDeploymentCommand */ .LrH(input)));
}
/** Stops a service deployment with a rollback to the revision it replaces. */
async function stopServiceDeployment(ecs, serviceDeploymentArn) {
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:StopServiceDeployment', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .StopServiceDeploymentCommand */ .a8L({ serviceDeploymentArn, stopType: 'ROLLBACK' })));
}
/** A task definition with its tags; a NotFound('task definition') when there is no such revision or family. */
async function describeTaskDefinition(ecs, taskDefinition) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:DescribeTaskDefinition', async () => {
        try {
            return await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition, include: ['TAGS'] }));
        }
        catch (error) {
            // ECS answers a ClientException, told apart from other ones only by its message.
            const e = error;
            if (e.name === 'ClientException' && /Unable to describe task definition/.test(e.message)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFound */ .Mk('task definition', `ecs:DescribeTaskDefinition found no task definition ${taskDefinition}: ${e.message}`, { cause: error });
            }
            throw error;
        }
    });
}
async function registerTaskDefinition(ecs, input) {
    return (await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:RegisterTaskDefinition', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .RegisterTaskDefinitionCommand */ .$Hl(input))))
        .taskDefinition;
}
async function deregisterTaskDefinition(ecs, taskDefinition) {
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:DeregisterTaskDefinition', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DeregisterTaskDefinitionCommand */ .sjB({ taskDefinition })));
}
/** Every task definition ARN that matches, in the order asked (`sort`). */
async function listTaskDefinitions(ecs, input) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:ListTaskDefinitions', async () => {
        const arns = [];
        for await (const page of (0,_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .paginateListTaskDefinitions */ .XPO)({ client: ecs, pageSize: 100 }, input))
            arns.push(...(page.taskDefinitionArns ?? []));
        return arns;
    });
}
/** Every task ARN that matches. */
async function listTasks(ecs, input) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:ListTasks', async () => {
        const arns = [];
        for await (const page of (0,_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .paginateListTasks */ ._rc)({ client: ecs, pageSize: TASKS_PER_CALL }, input))
            arns.push(...(page.taskArns ?? []));
        return arns;
    });
}
/** The tasks asked for (any number, asked in batches of 100). */
async function describeTasks(ecs, cluster, arns) {
    const tasks = [];
    for (const batch of chunks(arns, TASKS_PER_CALL)) {
        const described = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:DescribeTasks', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeTasksCommand */ .z8X({ cluster, tasks: batch })));
        tasks.push(...(described.tasks ?? []));
    }
    return tasks;
}
async function runTask(ecs, input) {
    const started = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:RunTask', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .RunTaskCommand */ ._eD(input)));
    return { tasks: started.tasks ?? [], failures: started.failures ?? [] };
}
async function stopTask(ecs, cluster, task, reason) {
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:StopTask', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .StopTaskCommand */ .PP1({ cluster, task, reason })));
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ unlessNotFound),
/* harmony export */   Mk: () => (/* binding */ NotFound),
/* harmony export */   ZH: () => (/* binding */ awsErrorName),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   uF: () => (/* binding */ awsCall),
/* harmony export */   w7: () => (/* binding */ isAccessDenied)
/* harmony export */ });
/* unused harmony export explainAwsError */
/* harmony import */ var _common_deadline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(673);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);


const ACCESS_DENIED = ['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'AuthorizationError'];
const EXPIRED = ['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired'];
const INVALID_CREDENTIALS = ['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidSignatureException'];
const THROTTLED = ['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded'];
const NETWORK = ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH'];
/** AWS said the thing the call named does not exist; `what` says which kind of thing (`cluster`, `service`, `listener`…). */
class NotFound extends _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
    what;
    name = 'NotFound';
    constructor(what, message, options) {
        super(message, options);
        this.what = what;
    }
}
/**
 * Turns an AWS SDK error into one message that names the API call and the fix, keeping the SDK error as `cause`.
 * `permission` is the IAM action of the call (ecs:UpdateService), which is also what a denied caller must be granted;
 * `on` names the resource when the call's target is not obvious (an ECR registry). An error named in `missing` is a
 * NotFound saying what was not found.
 */
function explainAwsError(error, permission, options = {}) {
    if (error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo || error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsError */ .Gy || error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NoAnswer */ .W_ || !(error instanceof Error))
        return error;
    const e = error;
    const name = e.name ?? '';
    const detail = e.message ? `: ${e.message}` : '';
    const cause = { cause: error };
    const what = options.missing?.[name];
    if (what)
        return new NotFound(what, `${permission} found no such ${what}${detail}`, cause);
    if (ACCESS_DENIED.includes(name)) {
        const on = options.on ? ` on ${options.on}` : '';
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`AWS denied ${permission}${on}${detail}. Grant ${permission} to the role this workflow uses (README, "IAM permissions").`, cause);
    }
    if (EXPIRED.includes(name)) {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The AWS credentials have expired (${permission} answered ${name}). Configure credentials right before this step, or lengthen the session (role-duration-seconds of aws-actions/configure-aws-credentials).`, cause);
    }
    if (INVALID_CREDENTIALS.includes(name)) {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`AWS did not accept the credentials (${permission} answered ${name}${detail}). Check the access key, secret and session token, or the role that aws-actions/configure-aws-credentials assumes.`, cause);
    }
    if (name === 'CredentialsProviderError') {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`No AWS credentials were found. Add aws-actions/configure-aws-credentials before this step (OIDC role or access keys).`, cause);
    }
    if (THROTTLED.includes(name)) {
        const attempts = e.$metadata?.attempts ?? 1;
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsError */ .Gy(`AWS kept throttling ${permission} (${attempts} attempts)${detail}. Try again later, or deploy fewer services at once.`, cause);
    }
    const code = e.code ?? error.cause?.code ?? '';
    if (NETWORK.includes(code) || name === 'TimeoutError') {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsError */ .Gy(`Could not reach AWS for ${permission} (${code || name})${detail}. Check the network, AWS_REGION and any AWS_ENDPOINT_URL* variables.`, cause);
    }
    if (name === 'AbortError') {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NoAnswer */ .W_(`AWS did not answer ${permission} before the run's deadline (timeout-minutes, or the job was cancelled).`, cause);
    }
    if (name === 'InvalidParameterException' || name === 'ClientException' || name === 'ValidationException') {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${permission} was refused${detail}`, cause);
    }
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsError */ .Gy(`${permission} failed (${name || 'error'})${detail}`, cause);
}
/** Whether AWS refused a call for lack of permission (the SDK's error, or one explainAwsError made from it). */
function isAccessDenied(error) {
    const sdk = error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo || error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsError */ .Gy ? error.cause : error;
    return sdk instanceof Error && ACCESS_DENIED.includes(sdk.name);
}
/** Runs one AWS call, turning its failure into an explained error (a NotFound for the error names in `missing`). */
async function awsCall(permission, call, options = {}) {
    try {
        return await (0,_common_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .waitingFor */ .Fz)(permission, call);
    }
    catch (error) {
        throw explainAwsError(error, permission, options);
    }
}
/** The call's answer, or undefined when it failed with a NotFound. */
async function unlessNotFound(call) {
    try {
        return await call;
    }
    catch (error) {
        if (error instanceof NotFound)
            return undefined;
        throw error;
    }
}
/** Whether `error` is a NotFound for a `what` (`cluster`, `service`…). */
function isNotFound(error, what) {
    return error instanceof NotFound && (what === undefined || error.what === what);
}
/** The name of the SDK error behind an explained one (`PriorityInUseException`), for callers that tell AWS's refusals apart. */
function awsErrorName(error) {
    const sdk = error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo || error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsError */ .Gy ? error.cause : error;
    return sdk instanceof Error ? sdk.name : undefined;
}


/***/ }),

/***/ 9860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ ecsAppSpec),
/* harmony export */   y: () => (/* binding */ appSpecDocument)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
// The AppSpec CodeDeploy's console writes for an ECS service, shared by the generated AppSpec and CodePipeline's files.

/** AppSpec content for an ECS service behind a load balancer; CodeDeploy fills in <TASK_DEFINITION>. */
function ecsAppSpec(containerName, containerPort) {
    return {
        version: 0.0,
        Resources: [
            {
                TargetService: {
                    Type: 'AWS::ECS::Service',
                    Properties: {
                        TaskDefinition: '<TASK_DEFINITION>',
                        LoadBalancerInfo: { ContainerName: containerName, ContainerPort: containerPort },
                    },
                },
            },
        ],
    };
}
/** A YAML document of `content` with `version: 0.0` as CodeDeploy writes it (a plain number would print as 0). */
function appSpecDocument(content) {
    const document = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo(content);
    const version = document.get('version', true);
    if (version)
        version.minFractionDigits = 1;
    return document;
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

/***/ 4283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ rollBackEcs),
/* harmony export */   u: () => (/* binding */ followRollback)
/* harmony export */ });
/* harmony import */ var _aws_arn_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1626);
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);




/**
 * Asks ECS for a rollback to the revision the service ran before: StopServiceDeployment where the rollout has a service
 * deployment shown to be its own; else (or when StopServiceDeployment is denied) by updating the service to the previous
 * task definition. Returns a line for the log and summary.
 */
async function rollBackEcs(ecs, cluster, service, rollout) {
    const previous = (0,_aws_arn_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionRevision */ .MZ)(rollout.previousTaskDefinition);
    let denied = '';
    if (rollout.serviceDeploymentArn) {
        try {
            await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .stopServiceDeployment */ .dD)(ecs, rollout.serviceDeploymentArn);
            return `requested a rollback to ${previous} (StopServiceDeployment ROLLBACK)`;
        }
        catch (error) {
            // A policy without ecs:StopServiceDeployment: redeploying the previous revision is the README's promised fallback.
            if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAccessDenied */ .w7)(error))
                throw error;
            denied = 'AWS denied ecs:StopServiceDeployment, so ';
        }
    }
    await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .updateService */ .bU)(ecs, { cluster, service, taskDefinition: rollout.previousTaskDefinition });
    return `${denied}asked ECS to roll the service back to ${previous} by redeploying it`;
}
/** Pause between two reads of a rollback being followed. */
const FOLLOW_MS = 2000;
/**
 * Follows the redeployment of `previousTaskDefinition` until ECS completes or fails it, or `until` (the run's
 * deadline) or the signal stops the wait; returns what ECS reached, in words.
 */
async function followRollback(ecs, where, wait) {
    const previous = (0,_aws_arn_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionRevision */ .MZ)(where.previousTaskDefinition);
    let standing = 'ECS had not listed it yet';
    while (wait.clock.now() < wait.until && !wait.signal?.aborted) {
        try {
            const service = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeService */ .Jv)(ecs, where.cluster, where.service);
            const primary = service?.deployments?.find((d) => d.status === 'PRIMARY');
            if (primary?.taskDefinition === where.previousTaskDefinition) {
                const counts = `${primary.runningCount ?? 0} of ${primary.desiredCount ?? 0} tasks running`;
                if (primary.rolloutState === 'FAILED')
                    return `the rollback to ${previous} failed: ${primary.rolloutStateReason ?? 'no reason given'} (${counts})`;
                const others = (service?.deployments ?? []).filter((d) => d !== primary).length;
                if (primary.rolloutState === 'COMPLETED' && !others)
                    return `ECS rolled the service back to ${previous} (${counts})`;
                standing = `${primary.rolloutState ?? 'IN_PROGRESS'}, ${counts}`;
            }
        }
        catch (error) {
            standing = `could not read it: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`;
        }
        await wait.clock.sleep(Math.min(FOLLOW_MS, Math.max(0, wait.until - wait.clock.now())), wait.signal);
    }
    return `the rollback to ${previous} had not finished when the run's time ran out (${standing})`;
}


/***/ }),

/***/ 5398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C3: () => (/* binding */ circuitBreakerConfiguration),
/* harmony export */   ib: () => (/* binding */ isNative),
/* harmony export */   sg: () => (/* binding */ primaryDeployment),
/* harmony export */   wz: () => (/* binding */ startRollout),
/* harmony export */   zY: () => (/* binding */ mergeConfiguration)
/* harmony export */ });
/* unused harmony export serviceUpdate */
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _settings_service_members_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6084);
/* harmony import */ var _settings_service_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6322);




/** The service's deployment configuration with the circuit breaker set as asked; undefined when it stays as it is. */
function circuitBreakerConfiguration(current, mode) {
    if (mode === 'keep')
        return undefined;
    const wanted = { enable: mode !== 'disable', rollback: mode === 'rollback' };
    const now = current?.deploymentCircuitBreaker;
    if (now?.enable === wanted.enable && now?.rollback === wanted.rollback)
        return undefined;
    // UpdateService replaces the whole configuration, so the rest of it (a threshold too) is carried over.
    return { ...current, deploymentCircuitBreaker: { ...now, ...wanted } };
}
/** The configuration with `wanted` members set (undefined ones removed); undefined when nothing changes. */
function mergeConfiguration(current, wanted) {
    if (!wanted)
        return undefined;
    const merged = Object.fromEntries(Object.entries({ ...current, ...wanted }).filter(([, v]) => v !== undefined));
    return sameValue(merged, current ?? {}) ? undefined : merged;
}
/** Deep equality of plain API values, whatever the order of their keys. */
function sameValue(a, b) {
    const sorted = (v) => Array.isArray(v)
        ? v.map(sorted)
        : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v)
                .filter(([, x]) => x !== undefined)
                .sort(([x], [y]) => x.localeCompare(y))
                .map(([k, x]) => [k, sorted(x)]))
            : v;
    return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}
/** Whether the configuration deploys with ECS's own blue/green, canary or linear strategy. */
function isNative(configuration) {
    return (configuration?.strategy ?? 'ROLLING') !== 'ROLLING';
}
function primaryDeployment(service) {
    return service.deployments?.find((d) => d.status === 'PRIMARY');
}
/** What UpdateService must change, or undefined when the service already is as asked. */
function serviceUpdate(service, request) {
    const withBreaker = circuitBreakerConfiguration(service.deploymentConfiguration, request.deploymentCircuitBreaker);
    const base = withBreaker ?? service.deploymentConfiguration;
    const breaker = request.settings && (0,_settings_service_js__WEBPACK_IMPORTED_MODULE_2__/* .breakerUpdate */ .o6)(base?.deploymentCircuitBreaker, request.settings);
    const early = request.settings && (0,_settings_service_js__WEBPACK_IMPORTED_MODULE_2__/* .earlySuccessUpdate */ .WB)(service.deploymentConfiguration, request.settings);
    const alarms = request.settings && (0,_settings_service_members_js__WEBPACK_IMPORTED_MODULE_3__/* .alarmsUpdate */ .gC)(service, request.settings.definition);
    const wanted = {
        // The service definition's alarms, under the strategy's (the `deployment-alarms` input's).
        ...(alarms && { alarms }),
        ...request.deploymentConfiguration,
        ...(request.settings && (0,_settings_service_js__WEBPACK_IMPORTED_MODULE_2__/* .percentagesUpdate */ .TU)(service, request.settings)),
        ...(breaker && { deploymentCircuitBreaker: breaker }),
        ...(early && { earlySuccessCriteria: early }),
    };
    const deploymentConfiguration = mergeConfiguration(base, wanted) ?? withBreaker;
    const settings = request.settings ? (0,_settings_service_js__WEBPACK_IMPORTED_MODULE_2__/* .settingsUpdate */ .Xp)(service, request.settings) : {};
    const changesRevision = service.taskDefinition !== request.taskDefinitionArn;
    const changesCount = request.desiredCount !== undefined && request.desiredCount !== service.desiredCount;
    const changesSettings = Object.keys(settings).length > 0;
    if (!changesRevision && !changesCount && !deploymentConfiguration && !changesSettings && !request.forceNewDeployment)
        return undefined;
    return {
        cluster: request.cluster,
        service: service.serviceName,
        taskDefinition: request.taskDefinitionArn,
        ...(request.desiredCount !== undefined && { desiredCount: request.desiredCount }),
        ...(request.forceNewDeployment && { forceNewDeployment: true }),
        ...(deploymentConfiguration && { deploymentConfiguration }),
        ...settings,
    };
}
/**
 * Starts the rolling update, or finds the rollout of this revision that is already under way (a re-run
 * while it rolls), or reports that the service already runs it.
 */
async function startRollout(ecs, service, request, now) {
    if (service.deploymentController?.type === 'CODE_DEPLOY') {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Service "${service.serviceName}" uses the CODE_DEPLOY deployment controller: its rollouts go through AWS CodeDeploy (blue/green with an appspec), not an ECS update of its task definition.`);
    }
    const previousTaskDefinition = service.taskDefinition ?? '';
    const update = serviceUpdate(service, request);
    const native = isNative(update?.deploymentConfiguration ?? service.deploymentConfiguration);
    const mechanism = native ? { mechanism: 'ecs-native' } : {};
    if (!update) {
        const primary = primaryDeployment(service);
        if (primary?.rolloutState === 'IN_PROGRESS' && primary.taskDefinition === request.taskDefinitionArn) {
            const startedAt = (primary.createdAt ?? new Date(now)).getTime();
            return {
                ...followed(primary, service.currentServiceDeployment),
                ...mechanism,
                previousTaskDefinition,
                started: false,
                startedAt,
                since: startedAt,
            };
        }
        return {
            previousTaskDefinition,
            started: false,
            startedAt: now,
            unchangedReason: 'the service already runs this task definition with these settings',
        };
    }
    // The new deployment is taken from UpdateService's answer: DescribeServices may not show it for a few seconds.
    // An update ECS applied but answered with a server error shows as a new primary deployment of the revision asked for.
    const before = primaryDeployment(service)?.id;
    const updated = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .updateServiceLooking */ .aU)(ecs, { ...update, cluster: request.cluster, service: update.service ?? '' }, (now) => {
        const primary = primaryDeployment(now);
        return primary?.id !== before && primary?.taskDefinition === request.taskDefinitionArn;
    });
    const primary = updated && primaryDeployment(updated);
    return {
        ...(primary && followed(primary, updated?.currentServiceDeployment)),
        ...mechanism,
        previousTaskDefinition,
        started: true,
        startedAt: now,
        since: primary?.createdAt?.getTime() ?? now,
    };
}
function followed(primary, serviceDeploymentArn) {
    return {
        ...(primary.id !== undefined && { deploymentId: primary.id }),
        ...(serviceDeploymentArn !== undefined && { serviceDeploymentArn }),
    };
}


/***/ }),

/***/ 4909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ taskId),
/* harmony export */   D1: () => (/* binding */ describeStoppedTasks),
/* harmony export */   bd: () => (/* binding */ stoppedTasksOf),
/* harmony export */   us: () => (/* binding */ describeStoppedTask)
/* harmony export */ });
/* unused harmony export toStoppedTask */
/* harmony import */ var _aws_arn_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1626);
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);



function taskId(taskArn) {
    return (0,_aws_arn_js__WEBPACK_IMPORTED_MODULE_2__/* .resourceName */ .Iy)(taskArn);
}
function toStoppedTask(task) {
    const taskArn = task.taskArn ?? '';
    return {
        taskId: taskId(taskArn),
        taskArn,
        ...(task.taskDefinitionArn !== undefined && { taskDefinitionArn: task.taskDefinitionArn }),
        ...(task.stoppedReason !== undefined && { stoppedReason: task.stoppedReason }),
        ...(task.stopCode !== undefined && { stopCode: task.stopCode }),
        ...(task.stoppedAt !== undefined && { stoppedAt: task.stoppedAt.getTime() }),
        containers: (task.containers ?? []).map((c) => ({
            name: c.name ?? '?',
            ...(c.exitCode !== undefined && { exitCode: c.exitCode }),
            ...(c.reason !== undefined && { reason: c.reason }),
            ...(c.healthStatus !== undefined && { healthStatus: c.healthStatus }),
        })),
    };
}
/** One line saying why a task stopped: reason, then each container's exit code and reason. */
function describeStoppedTask(task) {
    const containers = task.containers
        .filter((c) => c.exitCode !== undefined || c.reason)
        .map((c) => `${c.name}: ${c.exitCode !== undefined ? `exit code ${c.exitCode}` : ''}${c.reason ? `${c.exitCode !== undefined ? ', ' : ''}${c.reason}` : ''}`);
    const code = task.stopCode ? ` [${task.stopCode}]` : '';
    return `task ${task.taskId} stopped: ${task.stoppedReason ?? 'no reason given'}${code}${containers.length ? ` — ${containers.join('; ')}` : ''}`;
}
/** One line per distinct way the tasks stopped: tasks that stopped alike are counted, not repeated. */
function describeStoppedTasks(tasks) {
    const alike = new Map();
    for (const task of tasks) {
        const how = describeStoppedTask(task).slice(`task ${task.taskId} `.length);
        alike.set(how, [...(alike.get(how) ?? []), task.taskId]);
    }
    return [...alike].map(([how, ids]) => ids.length === 1 ? `task ${ids[0]} ${how}` : `${ids.length} tasks ${how} (${ids.join(', ')})`);
}
/**
 * The service's stopped tasks that `startedBy` (an ECS deployment or CodeDeploy task set id) started, leaving out those
 * in `seen` (ECS keeps stopped tasks for about an hour), oldest first. ListTasks takes `startedBy` only as its sole
 * filter, so the service's stopped tasks are listed and each task's own `startedBy` picks them; the other deployments'
 * tasks are added to `seen`, so the next call does not describe them again.
 * Throws "could not read the stopped tasks: …" when ECS does not answer, so a diagnosis never mistakes that for none.
 */
async function stoppedTasksOf(ecs, cluster, service, startedBy, seen) {
    try {
        const arns = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .listTasks */ .Vk)(ecs, { cluster, serviceName: service, desiredStatus: 'STOPPED' });
        const tasks = await (0,_aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTasks */ .yz)(ecs, cluster, arns.filter((arn) => !seen.has(arn)));
        for (const task of tasks)
            if (task.startedBy !== startedBy && task.taskArn)
                seen.add(task.taskArn);
        return tasks
            .filter((t) => t.startedBy === startedBy)
            .map(toStoppedTask)
            .sort((a, b) => (a.stoppedAt ?? 0) - (b.stoppedAt ?? 0));
    }
    catch (error) {
        throw new Error(`could not read the stopped tasks: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`, { cause: error });
    }
}


/***/ }),

/***/ 6764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xr: () => (/* binding */ assembleReport),
  N6: () => (/* reexport */ report_status/* isFailure */.N),
  gX: () => (/* binding */ overallStatus),
  PR: () => (/* binding */ promotedImageLines),
  Br: () => (/* binding */ renderSummary),
  Qz: () => (/* binding */ withPart)
});

// UNUSED EXPORTS: consoleServiceUrl, revisionName

// EXTERNAL MODULE: ./src/image/index.ts + 6 modules
var src_image = __webpack_require__(5894);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/deploy/tasks.ts
var tasks = __webpack_require__(4909);
// EXTERNAL MODULE: ./src/deploy/clock.ts
var clock = __webpack_require__(3941);
// EXTERNAL MODULE: ./src/mechanisms/index.ts + 2 modules
var mechanisms = __webpack_require__(6671);
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
    if (report.notes.length)
        lines.push('#### Notes', '', ...report.notes.map((n) => `- ${(0,report_text/* summaryText */.g5)(n)}`), '');
    if (report.changes?.length) {
        const open = report.status === 'planned' ? '<details open>' : '<details>';
        lines.push(`${open}<summary>What changes (${report.changes.length})</summary>`, '', ...report.changes.map((c) => `- ${(0,report_text/* summaryText */.g5)(c)}`), '', '</details>', '');
    }
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

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nt: () => (/* binding */ hasBuildx),
/* harmony export */   T3: () => (/* binding */ docker),
/* harmony export */   a1: () => (/* binding */ dockerLogin),
/* harmony export */   dN: () => (/* binding */ checkDocker),
/* harmony export */   fM: () => (/* binding */ lastLine),
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


/***/ }),

/***/ 2531:
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
/* harmony import */ var _diagnose_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3825);
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
        throw (0,_diagnose_js__WEBPACK_IMPORTED_MODULE_4__/* .repositoryMissing */ .lx)(repositoryName, target.label);
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
// EXTERNAL MODULE: ./src/image/ecr.ts
var image_ecr = __webpack_require__(2531);
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
    const ecr = inputs.push ? await (0,image_ecr/* resolveEcrTarget */.sy)(ref, deps) : undefined;
    let createRepository = false;
    let reused;
    if (ecr) {
        const found = await (0,image_ecr/* findRepository */.W1)(ecr, ref.repository, { create: inputs.createRepository }, log);
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
    await (0,docker/* checkDocker */.dN)(log, signal);
    const buildx = await (0,docker/* hasBuildx */.Nt)(signal);
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
            await (0,image_ecr/* createRepository */.vB)(ecr, ref.repository, { create: true, scanOnPush: inputs.scanOnPush, immutableTags: inputs.immutableTags }, log);
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
    const result = await log.group(`Build image ${name}`, () => (0,docker/* docker */.T3)(args, {
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
        const detail = await (0,image_ecr/* describeImage */.hu)(ecr, repository, digest !== undefined ? { imageDigest: digest } : { imageTag: tag }).catch((error) => {
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
    const kept = tags.filter((tag) => tag === sha || !(0,image_ecr/* isTagImmutable */.j1)(tag, repository));
    if (kept.length < tags.length) {
        log.info(`${name} has immutable tags, so a branch or tag name could be pushed only once: tagging with the commit sha only (set tags to choose others).`);
    }
    return kept;
}
/** The commit's image built with this key, found by its reuse tag; says in the log why it is reused or rebuilt. */
async function existingImage(ecr, repository, name, keyTag, key, log) {
    const detail = await (0,image_ecr/* describeImage */.hu)(ecr, repository, { imageTag: keyTag });
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
        const credentials = ecr.credentials ?? (await (0,image_ecr/* ecrCredentials */.dQ)(ecr, log));
        await (0,docker/* dockerLogin */.a1)(credentials.registry, credentials.username, credentials.password, {
            remember: inputs.logout,
            log,
            loggedIn,
            signal,
            hint: `ECR refused the token it had just issued for ${ecr.label}; check that the registry answers at ${credentials.registry}.`,
        });
    }
    else if (inputs.registryUsername && inputs.registryPassword) {
        await (0,docker/* dockerLogin */.a1)(registry, inputs.registryUsername, inputs.registryPassword, {
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
            const result = await (0,docker/* docker */.T3)(['pull', source], { log, signal });
            if (result.exitCode !== 0) {
                log.warning(`cache-from: could not pull ${source} (${(0,docker/* lastLine */.fM)(`${result.stderr}\n${result.stdout}`)}); building without it.`);
            }
        }
    });
}
/** Legacy builder: `docker push` every tag; returns the digest docker reports. */
async function pushTags(name, tags, context, log, signal) {
    let digest;
    for (const tag of tags) {
        const result = await (0,docker/* docker */.T3)(['push', `${name}:${tag}`], { log, signal });
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
    const ecr = await (0,image_ecr/* resolveEcrTarget */.sy)(ref, deps);
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

/***/ 5621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ untilIdle)
/* harmony export */ });
/* harmony import */ var _deploy_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3941);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);


const POLL_MS = 5000;
/** Resolves once `probe` finds nothing in flight; throws, having changed nothing, when told not to wait or when waiting fails. */
async function untilIdle(ctx, service, onBusy, probe) {
    const deadline = ctx.clock.now() + ctx.timeoutMs;
    let logged = false;
    for (let busy = await probe(); busy; busy = await probe()) {
        if (busy.paused) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Service "${service}" has ${busy.what}, paused at ${busy.paused} (an earlier run's \`wait-until\`?): nothing was changed. Resolve it first: run this action with \`continue: true\` or \`continue: rollback\`.`);
        }
        if (onBusy === 'fail') {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Service "${service}" is busy with ${busy.what}: nothing was changed. Run again once it has finished, or set \`on-busy: wait\` to have the action wait for it.`);
        }
        if (ctx.signal?.aborted)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The job was cancelled while waiting for ${busy.what} of service "${service}" to finish: nothing was changed.`);
        if (ctx.clock.now() >= deadline) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Service "${service}" was still busy with ${busy.what} after ${(0,_deploy_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLimit */ .XW)(ctx.timeoutMs)} (on-busy: wait): nothing was changed.`);
        }
        if (!logged)
            ctx.log(`${service}: ${busy.what} is in flight; waiting for it to finish (on-busy: wait)`);
        logged = true;
        await ctx.clock.sleep(POLL_MS, ctx.signal);
    }
}


/***/ }),

/***/ 6671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  JA: () => (/* reexport */ checkIdle),
  LP: () => (/* binding */ continueStrategy),
  BR: () => (/* reexport */ deploymentInFlight),
  X: () => (/* binding */ planStrategy),
  Zu: () => (/* binding */ rollingPlan),
  mV: () => (/* binding */ startStrategy),
  xM: () => (/* reexport */ strategyRows)
});

// UNUSED EXPORTS: mechanismOf, readStrategyInputs

// EXTERNAL MODULE: ./src/mechanisms/registry.ts + 15 modules
var registry = __webpack_require__(9033);
// EXTERNAL MODULE: ./src/settings/strategy.ts + 1 modules
var strategy = __webpack_require__(2964);
// EXTERNAL MODULE: ./src/deploy/clock.ts
var clock = __webpack_require__(3941);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
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
async function continueStrategy(clients, cluster, plan, service, now) {
    return (0,registry/* mechanismOf */.D)(plan.mechanism).resume(clients, cluster, plan, service, now);
}





/***/ }),

/***/ 9033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ mechanismFor),
  D: () => (/* binding */ mechanismOf)
});

// EXTERNAL MODULE: ./src/aws/arn.ts
var aws_arn = __webpack_require__(1626);
// EXTERNAL MODULE: ./src/settings/service.ts
var settings_service = __webpack_require__(6322);
;// CONCATENATED MODULE: ./src/deploy/progress.ts

function newProgress() {
    return { stages: [], traffic: [], hooks: [] };
}
/** A hook's name for people: the Lambda function's name, or `PAUSE`. */
function hookName(hook) {
    if (hook.targetType === 'PAUSE')
        return 'PAUSE';
    return hook.targetArn ? (0,aws_arn/* functionName */.AQ)(hook.targetArn) : (hook.hookId ?? '?');
}
/** The PAUSE hook a service deployment waits at, if any (not `resumed`, which a continue just answered). */
function awaitingHook(sd, resumed) {
    return sd?.lifecycleHookDetails?.find((h) => h.targetType === 'PAUSE' && h.status === 'AWAITING_ACTION' && h.hookId !== resumed);
}
/** `production 10 %, test 100 %` on the new revision, or undefined when ECS reports no weights. */
function describeTraffic(point) {
    const parts = [
        point.production !== undefined && `production ${point.production} %`,
        point.test !== undefined && `test ${point.test} %`,
    ].filter(Boolean);
    return parts.length ? parts.join(', ') : undefined;
}
/** The traffic on a service deployment's target revision. */
function trafficOf(sd) {
    const target = sd.targetServiceRevision;
    return {
        ...(target?.requestedProductionTrafficWeight !== undefined && {
            production: target.requestedProductionTrafficWeight,
        }),
        ...(target?.requestedTestTrafficWeight !== undefined && { test: target.requestedTestTrafficWeight }),
    };
}
/** Remembers the last value of each thing shown, so each change is shown once. */
class Seen {
    values = new Map();
    changed(key, value) {
        if (this.values.get(key) === value)
            return false;
        this.values.set(key, value);
        return true;
    }
}

;// CONCATENATED MODULE: ./src/deploy/verdict.ts



/**
 * How many stopped tasks of the new revision mean "crash loop" when ECS's circuit breaker is off: ECS's own rule, with
 * the threshold the service configures (deploymentCircuitBreaker.thresholdConfiguration) when it has one.
 */
function crashLoopThreshold(service, desiredCount) {
    return (0,settings_service/* failureThreshold */.QB)(desiredCount, service.deploymentConfiguration?.deploymentCircuitBreaker?.thresholdConfiguration);
}
function describeRevision(taskDefinitionArn) {
    return (0,aws_arn/* taskDefinitionRevision */.MZ)(taskDefinitionArn, 'unknown revision');
}
/** Why a service deployment failed, most specific first: the alarm that fired, the hook that failed, ECS's words. */
function failureCause(sd) {
    const stage = sd.lifecycleStage ? ` during ${sd.lifecycleStage}` : '';
    const triggered = sd.alarms?.triggeredAlarmNames ?? [];
    if (triggered.length) {
        return `CloudWatch alarm${triggered.length > 1 ? 's' : ''} ${triggered.join(', ')} went to ALARM${stage}.`;
    }
    const hook = sd.lifecycleHookDetails?.find((h) => h.status === 'FAILED' || h.status === 'TIMED_OUT');
    if (hook) {
        return hook.targetType === 'PAUSE'
            ? `nobody continued the paused deployment before its PAUSE hook timed out${stage}.`
            : `lifecycle hook ${hookName(hook)} ${hook.status === 'FAILED' ? 'failed' : 'timed out'}${stage} (${hook.targetArn ?? hook.hookId}).`;
    }
    return (sd.rollback?.reason ?? sd.statusReason ?? 'the deployment failed').replace(/\.?$/, '.');
}
/** Where a paused deployment waits, what traffic the new revision has, and how to go on. */
function pausedVerdict(sd, hookId, expiresAt, timeoutAction) {
    const traffic = describeTraffic(trafficOf(sd));
    const expires = expiresAt
        ? ` If nobody does, ECS will ${(timeoutAction ?? 'ROLLBACK') === 'CONTINUE' ? 'go on' : 'roll back'} by itself at ${expiresAt.toISOString()}.`
        : '';
    return {
        outcome: 'paused',
        reason: `the deployment is paused at ${sd.lifecycleStage ?? 'a lifecycle hook'}${traffic ? ` (new revision: ${traffic})` : ''}${hookId ? `, hook ${hookId}` : ''}. Run this action with \`continue: true\` to go on, or \`continue: rollback\` to roll back.${expires}`,
    };
}
/** Judges a service deployment's own status; undefined while it is still rolling. */
function judgeServiceDeployment(sd, resumed) {
    const because = sd.statusReason ? `: ${sd.statusReason}` : '';
    const failedBecause = failureCause(sd);
    const pause = awaitingHook(sd, resumed);
    if (pause && (sd.status === 'IN_PROGRESS' || sd.status === 'PENDING'))
        return pausedVerdict(sd, pause.hookId, pause.expiresAt, pause.timeoutAction);
    switch (sd.status) {
        case 'SUCCESSFUL':
            return { outcome: 'succeeded', reason: sd.statusReason ?? 'deployment completed' };
        case 'ROLLBACK_REQUESTED':
        case 'ROLLBACK_IN_PROGRESS':
            return { outcome: 'rolled-back', reason: `${failedBecause} ECS is rolling back to the previous revision.` };
        case 'ROLLBACK_SUCCESSFUL':
            return { outcome: 'rolled-back', reason: `${failedBecause} ECS rolled back to the previous revision.` };
        case 'ROLLBACK_FAILED':
            return { outcome: 'failed', reason: `the rollback failed too${because}` };
        case 'STOPPED':
        case 'STOP_REQUESTED':
            return { outcome: 'failed', reason: `the deployment was stopped${because}` };
        default:
            return undefined;
    }
}
/**
 * ECS completed a rolling deployment before all its tasks ran, as the service's early success criteria allow: a
 * success from that moment (ECS goes on starting the rest), saying what was still starting and draining.
 */
function completedEarly(service, deployment) {
    const criteria = service.deploymentConfiguration?.earlySuccessCriteria;
    const desired = deployment.desiredCount ?? 0;
    const running = deployment.runningCount ?? 0;
    if (!criteria?.enable || running >= desired)
        return undefined;
    const draining = (service.deployments ?? [])
        .filter((d) => d.id !== deployment.id)
        .reduce((sum, d) => sum + (d.runningCount ?? 0) + (d.pendingCount ?? 0), 0);
    return {
        outcome: 'succeeded',
        reason: `ECS completed the deployment early, at ${criteria.healthyPercent} % healthy (early success criteria): ${running} of ${desired} new tasks running, ${desired - running} still starting${draining ? `, ${draining} old task${draining === 1 ? '' : 's'} still draining` : ''}`,
    };
}
/** Another actor's deployment took over the service: not this run's to roll back, and not a success of this run. */
function replacedBy(primary) {
    return {
        outcome: 'failed',
        reason: `another deployment replaced this one: ${primary.id} of ${describeRevision(primary.taskDefinition)} is now the service's primary deployment, started by someone else; nothing was rolled back`,
    };
}
/**
 * Decides whether the followed rollout has ended and how. Pure: the watch loop feeds it snapshots, once ECS has
 * listed the followed deployment (before that, nothing is a verdict on it).
 * Success needs the new revision to be primary and complete; any rollback is a failure.
 */
function judge(snapshot, targetTaskDefinition, options = {}) {
    const { service, deployment, serviceDeployment } = snapshot;
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
    // Not PRIMARY without having failed: a newer deployment, which ECS did not start to roll this one back.
    const rollingBack = serviceDeployment?.status?.startsWith('ROLLBACK_') === true;
    if (deployment &&
        primary &&
        deployment.status !== 'PRIMARY' &&
        deployment.rolloutState !== 'FAILED' &&
        !rollingBack) {
        return deployment.rolloutState === 'COMPLETED'
            ? { outcome: 'succeeded', reason: deployment.rolloutStateReason ?? 'the deployment completed' }
            : replacedBy(primary);
    }
    if (serviceDeployment) {
        const verdict = judgeServiceDeployment(serviceDeployment, options.resumed);
        if (verdict?.outcome === 'succeeded' && deployment)
            return completedEarly(service, deployment) ?? verdict;
        if (verdict)
            return verdict;
    }
    if (!deployment)
        return primary ? replacedBy(primary) : undefined;
    if (deployment.rolloutState === 'FAILED') {
        const reason = deployment.rolloutStateReason ?? 'ECS marked the deployment FAILED';
        const rolledBack = primary && primary.id !== deployment.id && primary.taskDefinition !== targetTaskDefinition;
        return rolledBack
            ? { outcome: 'rolled-back', reason: `${reason} ECS rolled back to ${describeRevision(primary.taskDefinition)}.` }
            : { outcome: 'failed', reason };
    }
    const settled = deployment.status === 'PRIMARY' &&
        deployment.runningCount === deployment.desiredCount &&
        (deployment.pendingCount ?? 0) === 0 &&
        (deployment.rolloutState === 'COMPLETED' ||
            (deployment.rolloutState === undefined && service.deployments?.length === 1));
    if (settled && !(options.untilServiceDeploymentEnds && serviceDeployment)) {
        return { outcome: 'succeeded', reason: deployment.rolloutStateReason ?? 'the service reached a steady state' };
    }
    if (deployment.status === 'PRIMARY' && deployment.rolloutState === 'COMPLETED') {
        const early = completedEarly(service, deployment);
        if (early)
            return early;
    }
    const breakerOn = service.deploymentConfiguration?.deploymentCircuitBreaker?.enable === true;
    const failed = deployment.failedTasks ?? 0;
    if (!breakerOn && failed >= crashLoopThreshold(service, deployment.desiredCount ?? 1)) {
        return {
            outcome: 'failed',
            reason: `tasks of ${describeRevision(deployment.taskDefinition)} keep stopping (${failed} failed to start or crashed) and ECS's circuit breaker is off, so ECS would retry forever`,
            gaveUp: true,
        };
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codedeploy/dist-cjs/index.js
var dist_cjs = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/codedeploy.ts
// The CodeDeploy calls the action makes, each named by the IAM action it needs; failures are explained (errors.ts).


/** The application, or undefined when there is none by that name. */
async function getApplication(codedeploy, applicationName) {
    const found = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_errors/* awsCall */.uF)('codedeploy:GetApplication', () => codedeploy.send(new dist_cjs/* GetApplicationCommand */.eOh({ applicationName })), {
        missing: { ApplicationDoesNotExistException: 'application' },
    }));
    return found ? (found.application ?? { applicationName }) : undefined;
}
/** The deployment group, or undefined when the application has none by that name. */
async function getDeploymentGroup(codedeploy, applicationName, deploymentGroupName) {
    const found = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_errors/* awsCall */.uF)('codedeploy:GetDeploymentGroup', () => codedeploy.send(new dist_cjs/* GetDeploymentGroupCommand */.WOp({ applicationName, deploymentGroupName })), {
        missing: { DeploymentGroupDoesNotExistException: 'deployment group' },
    }));
    return found?.deploymentGroupInfo;
}
/** The deployment config, or undefined when there is none by that name. */
async function getDeploymentConfig(codedeploy, deploymentConfigName) {
    const found = await (0,aws_errors/* unlessNotFound */.CA)((0,aws_errors/* awsCall */.uF)('codedeploy:GetDeploymentConfig', () => codedeploy.send(new dist_cjs/* GetDeploymentConfigCommand */.z2K({ deploymentConfigName })), {
        missing: { DeploymentConfigDoesNotExistException: 'deployment config' },
    }));
    return found?.deploymentConfigInfo;
}
async function getDeployment(codedeploy, deploymentId) {
    const response = await (0,aws_errors/* awsCall */.uF)('codedeploy:GetDeployment', () => codedeploy.send(new dist_cjs/* GetDeploymentCommand */.Tvn({ deploymentId })));
    return response.deploymentInfo ?? { deploymentId };
}
/** The ids of the group's deployments in these statuses, newest first (one page: the newest is what is asked for). */
async function listDeployments(codedeploy, group, statuses) {
    const listed = await (0,aws_errors/* awsCall */.uF)('codedeploy:ListDeployments', () => codedeploy.send(new dist_cjs/* ListDeploymentsCommand */.sr8({
        applicationName: group.application,
        deploymentGroupName: group.deploymentGroup,
        includeOnlyStatuses: statuses,
    })));
    return listed.deployments ?? [];
}
/** Starts a deployment; returns its id. */
async function createDeployment(codedeploy, input) {
    return (await (0,aws_errors/* awsCall */.uF)('codedeploy:CreateDeployment', () => codedeploy.send(new dist_cjs/* CreateDeploymentCommand */.ttP(input))))
        .deploymentId;
}
/** Lets a deployment waiting in Ready reroute production traffic. */
async function continueDeployment(codedeploy, deploymentId) {
    await (0,aws_errors/* awsCall */.uF)('codedeploy:ContinueDeployment', () => codedeploy.send(new dist_cjs/* ContinueDeploymentCommand */.Md$({ deploymentId, deploymentWaitType: 'READY_WAIT' })));
}
async function stopDeployment(codedeploy, deploymentId, rollback) {
    await (0,aws_errors/* awsCall */.uF)('codedeploy:StopDeployment', () => codedeploy.send(new dist_cjs/* StopDeploymentCommand */.NzN({ deploymentId, autoRollbackEnabled: rollback })));
}
/** The deployment's target ids (an ECS deployment has one: the service). */
async function listDeploymentTargets(codedeploy, deploymentId) {
    return ((await (0,aws_errors/* awsCall */.uF)('codedeploy:ListDeploymentTargets', () => codedeploy.send(new dist_cjs/* ListDeploymentTargetsCommand */.$9V({ deploymentId })))).targetIds ?? []);
}
/** The ECS target of a deployment: its task sets and lifecycle events. */
async function getEcsTarget(codedeploy, deploymentId, targetId) {
    const response = await (0,aws_errors/* awsCall */.uF)('codedeploy:GetDeploymentTarget', () => codedeploy.send(new dist_cjs/* GetDeploymentTargetCommand */.Oxg({ deploymentId, targetId })));
    return response.deploymentTarget?.ecsTarget;
}

;// CONCATENATED MODULE: ./src/mechanisms/codedeploy/application.ts



const clusterName = aws_arn/* resourceName */.Iy;
/**
 * Finds the application and deployment group of the service: the inputs', else the names the ECS console
 * gives them (AppECS-<cluster>-<service>, DgpECS-<cluster>-<service>). Throws saying which input to set.
 */
async function findDeploymentGroup(codedeploy, cluster, service, inputs) {
    const name = service.serviceName ?? '';
    const conventional = `the name the ECS console gives it for service ${name} in cluster ${clusterName(cluster)}`;
    const application = inputs.codedeployApplication ?? `AppECS-${clusterName(cluster)}-${name}`;
    const deploymentGroup = inputs.codedeployDeploymentGroup ?? `DgpECS-${clusterName(cluster)}-${name}`;
    const app = await getApplication(codedeploy, application);
    if (!app) {
        throw new errors/* UserError */.yo(inputs.codedeployApplication
            ? `CodeDeploy application "${application}" was not found: check the \`codedeploy-application\` input (and the region).`
            : `CodeDeploy application "${application}" (${conventional}) was not found: set \`codedeploy-application\` and \`codedeploy-deployment-group\` to the ones that deploy service ${name}.`);
    }
    const info = await getDeploymentGroup(codedeploy, application, deploymentGroup);
    if (!info) {
        throw new errors/* UserError */.yo(inputs.codedeployDeploymentGroup
            ? `CodeDeploy deployment group "${deploymentGroup}" was not found in application "${application}": check the \`codedeploy-deployment-group\` input.`
            : `CodeDeploy deployment group "${deploymentGroup}" (${conventional}) was not found in application "${application}": set \`codedeploy-deployment-group\`.`);
    }
    const services = info.ecsServices ?? [];
    if (!services.some((s) => s.serviceName === name && clusterName(s.clusterName ?? '') === clusterName(cluster))) {
        const deploys = services.map((s) => `${s.clusterName}/${s.serviceName}`).join(', ') || 'no ECS service';
        throw new errors/* UserError */.yo(`CodeDeploy deployment group "${deploymentGroup}" deploys ${deploys}, not ${clusterName(cluster)}/${name}: set \`codedeploy-deployment-group\` to the group of this service.`);
    }
    return { application, deploymentGroup, info };
}
const PREDEFINED = 'CodeDeployDefault.ECSAllAtOnce, ECSCanary10Percent5Minutes, ECSCanary10Percent15Minutes, ECSLinear10PercentEvery1Minutes, ECSLinear10PercentEvery3Minutes';
/**
 * The deployment config for the strategy: `codedeploy-config`, else CodeDeploy's predefined one for it;
 * undefined leaves the deployment group's own. Throws when the inputs ask for steps no predefined config has.
 */
function deploymentConfigName(inputs) {
    const { strategy } = inputs;
    const custom = inputs.codedeployConfig;
    const steps = ['canaryPercent', 'canaryBakeMinutes', 'stepPercent', 'stepBakeMinutes'].find((k) => inputs[k] !== undefined);
    if (custom && steps) {
        const input = steps.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        throw new errors/* UserError */.yo(`Inputs \`codedeploy-config\` and \`${input}\` exclude each other: the deployment config sets the traffic steps.`);
    }
    if (custom)
        return custom;
    switch (strategy) {
        case undefined:
            return undefined;
        case 'rolling':
            throw new errors/* UserError */.yo("This service uses the CODE_DEPLOY deployment controller: CodeDeploy deploys blue/green (all at once, canary or linear), never rolling. Set `strategy: blue-green`, `canary` or `linear`, or leave `strategy` out to use the deployment group's config.");
        case 'blue-green':
            return 'CodeDeployDefault.ECSAllAtOnce';
        case 'canary': {
            const percent = inputs.canaryPercent ?? 10;
            const minutes = inputs.canaryBakeMinutes ?? 5;
            if (percent === 10 && (minutes === 5 || minutes === 15))
                return `CodeDeployDefault.ECSCanary10Percent${minutes}Minutes`;
            throw noPredefined(`canary ${percent} % for ${minutes} min`, `TimeBasedCanary,timeBasedCanary={canaryPercentage=${percent},canaryInterval=${minutes}}`, '10 % for 5 or 15 minutes');
        }
        case 'linear': {
            const percent = inputs.stepPercent ?? 10;
            const minutes = inputs.stepBakeMinutes ?? 1;
            if (percent === 10 && (minutes === 1 || minutes === 3))
                return `CodeDeployDefault.ECSLinear10PercentEvery${minutes}Minutes`;
            throw noPredefined(`linear ${percent} % every ${minutes} min`, `TimeBasedLinear,timeBasedLinear={linearPercentage=${percent},linearInterval=${minutes}}`, '10 % every 1 or 3 minutes');
        }
    }
}
function noPredefined(asked, routing, predefined) {
    return new errors/* UserError */.yo(`CodeDeploy has no predefined config for ${asked} (its ECS configs shift ${predefined}). Create one — aws deploy create-deployment-config --deployment-config-name my-config --compute-platform ECS --traffic-routing-config 'type=${routing}' — and name it in \`codedeploy-config\`.`);
}
/** Checks that a named deployment config exists and is for ECS. */
async function checkDeploymentConfig(codedeploy, name) {
    const info = await getDeploymentConfig(codedeploy, name);
    if (!info)
        throw new errors/* UserError */.yo(`CodeDeploy deployment config "${name}" does not exist: check \`codedeploy-config\`; the predefined ECS configs are ${PREDEFINED}.`);
    if (info.computePlatform && info.computePlatform !== 'ECS') {
        throw new errors/* UserError */.yo(`CodeDeploy deployment config "${name}" is for ${info.computePlatform}, not ECS: name an ECS config in \`codedeploy-config\` (${PREDEFINED}).`);
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/common/appspec-template.ts
var appspec_template = __webpack_require__(9860);
// EXTERNAL MODULE: ./src/common/suggest.ts
var suggest = __webpack_require__(8687);
// EXTERNAL MODULE: ./src/common/problems.ts
var common_problems = __webpack_require__(7657);
// EXTERNAL MODULE: ./src/taskdef/values.ts
var values = __webpack_require__(64);
// EXTERNAL MODULE: ./src/common/workspace-path.ts
var workspace_path = __webpack_require__(7682);
// EXTERNAL MODULE: ./src/common/yaml-data.ts
var yaml_data = __webpack_require__(8715);
;// CONCATENATED MODULE: ./src/mechanisms/codedeploy/appspec.ts
// The AppSpec of an ECS deployment through CodeDeploy: read as users write it (appspec.yml / appspec.json),
// or generated from the service; checked against the AppSpec reference for ECS before CodeDeploy sees it.









/** The lifecycle hooks CodeDeploy runs for ECS (Lambda functions), in order. */
const ECS_HOOKS = [
    'BeforeInstall',
    'AfterInstall',
    'AfterAllowTestTraffic',
    'BeforeAllowTraffic',
    'AfterAllowTraffic',
];
const expect = (what, test) => (value, path, problems) => {
    if (!test(value))
        problems.push({ path, message: `expected ${what}, found ${(0,common_problems/* describedValue */.fl)(value)}` });
};
const appspec_text = expect('a string', (v) => typeof v === 'string' && v.trim() !== '');
const port = expect('a port number (1-65535)', (v) => Number.isInteger(v) && v >= 1 && v <= 65535);
const count = expect('a whole number', (v) => Number.isInteger(v) && v >= 0);
const oneOf = (...values) => expect(`one of ${values.join(', ')}`, (v) => values.includes(v));
function list(item) {
    return (value, path, problems) => {
        if (!Array.isArray(value))
            return void problems.push({ path, message: `expected a list, found ${(0,common_problems/* describedValue */.fl)(value)}` });
        value.forEach((v, i) => item(v, `${path}[${i}]`, problems));
    };
}
/** An object with these keys (a `!` suffix marks required ones); unknown keys are named, with the likely one. */
function object(fields) {
    const keys = Object.keys(fields).map((k) => k.replace(/!$/, ''));
    return (value, path, problems) => {
        const at = (name) => (path ? `${path}.${name}` : name);
        if (!(0,values/* isPlainObject */.Q)(value))
            return void problems.push({
                path: path || 'the top level',
                message: `expected an object, found ${(0,common_problems/* describedValue */.fl)(value)}`,
            });
        for (const [key, check] of Object.entries(fields)) {
            const name = key.replace(/!$/, '');
            if (value[name] !== undefined)
                check(value[name], at(name), problems);
            else if (key.endsWith('!'))
                problems.push({ path: at(name), message: 'missing (required)' });
        }
        for (const key of Object.keys(value).filter((k) => !keys.includes(k))) {
            problems.push({ path: at(key), message: (0,suggest/* unknownKey */.a)(key, keys) });
        }
    };
}
/** One `Name: value` entry of a list, as Resources and Hooks hold them. */
function single(value, path, problems) {
    const entries = (0,values/* isPlainObject */.Q)(value) ? Object.entries(value) : [];
    const [entry] = entries;
    if (entries.length !== 1 || !entry)
        return void problems.push({
            path,
            message: `expected one \`Name: value\` entry, found ${entries.length > 1 ? `${entries.length} keys` : (0,common_problems/* describedValue */.fl)(value)}`,
        });
    return entry;
}
const properties = object({
    'TaskDefinition!': appspec_text,
    LoadBalancerInfo: object({ 'ContainerName!': appspec_text, 'ContainerPort!': port }),
    PlatformVersion: appspec_text,
    NetworkConfiguration: object({
        'AwsvpcConfiguration!': object({
            'Subnets!': list(appspec_text),
            SecurityGroups: list(appspec_text),
            AssignPublicIp: oneOf('ENABLED', 'DISABLED'),
        }),
    }),
    CapacityProviderStrategy: list(object({ 'CapacityProvider!': appspec_text, Base: count, Weight: count })),
});
const resource = object({ 'Type!': oneOf('AWS::ECS::Service'), 'Properties!': properties });
const version = (value, path, problems) => {
    if (value !== 0 && value !== '0.0')
        problems.push({ path, message: `expected 0.0, found ${(0,common_problems/* describedValue */.fl)(value)}` });
};
const resources = (value, path, problems) => {
    if (!Array.isArray(value) || value.length !== 1) {
        return void problems.push({
            path,
            message: `expected a list with the one ECS service (- TargetService: …), found ${Array.isArray(value) ? `${value.length} entries` : (0,common_problems/* describedValue */.fl)(value)}`,
        });
    }
    const entry = single(value[0], `${path}[0]`, problems);
    if (entry)
        resource(entry[1], `${path}[0].${entry[0]}`, problems);
};
const hooks = (value, path, problems) => {
    if (!Array.isArray(value))
        return void problems.push({
            path,
            message: `expected a list (- BeforeInstall: MyFunction), found ${(0,common_problems/* describedValue */.fl)(value)}`,
        });
    value.forEach((hook, i) => {
        const entry = single(hook, `${path}[${i}]`, problems);
        if (!entry)
            return;
        const [event, fn] = entry;
        if (!ECS_HOOKS.includes(event)) {
            problems.push({
                path: `${path}[${i}].${event}`,
                message: `not an ECS lifecycle hook; ${(0,suggest/* didYouMean */.au)(event, ECS_HOOKS, 'ECS has')}`,
            });
        }
        appspec_text(fn, `${path}[${i}].${event}`, problems);
    });
};
const appSpec = object({ 'version!': version, 'Resources!': resources, Hooks: hooks });
/** Every problem of an ECS AppSpec, each with its path. */
function appSpecProblems(spec) {
    const problems = [];
    appSpec(spec, '', problems);
    return problems;
}
/** Parses and checks an AppSpec (YAML or JSON); throws one error naming every problem with its path. */
function parseAppSpec(content, source) {
    const document = (0,dist/* parseDocument */.Tp)(content, { prettyErrors: false });
    const [error] = document.errors;
    if (error) {
        const line = content.slice(0, error.pos[0]).split('\n').length;
        throw new common_problems/* ProblemsError */.FQ(source, [
            { path: '', line, message: `not valid YAML or JSON: ${error.message.split('\n')[0]}` },
        ]);
    }
    const spec = (0,yaml_data/* yamlData */.O)(document, source, content);
    const problems = appSpecProblems(spec);
    if (problems.length)
        throw new common_problems/* ProblemsError */.FQ(source, problems, 'See the AppSpec reference for ECS: https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html#reference-appspec-file-structure-resources-ecs');
    return describeSpec(document, source);
}
function describeSpec(document, source) {
    const spec = document.toJS();
    const [name, target] = Object.entries(spec.Resources[0] ?? {})[0] ?? ['TargetService', undefined];
    const balancer = target?.Properties.LoadBalancerInfo;
    return {
        source,
        document,
        resource: name,
        ...(balancer && { containerName: balancer.ContainerName, containerPort: balancer.ContainerPort }),
        hooks: (spec.Hooks ?? []).flatMap((h) => Object.entries(h).map(([event, fn]) => ({ event, function: fn }))),
    };
}
/** Reads the `appspec` input's file, relative to the workspace. */
async function loadAppSpec(path, workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
    const fullPath = await (0,workspace_path/* insideWorkspace */.C)('appspec', path, workspace);
    let content;
    try {
        content = await (0,promises_.readFile)(fullPath, 'utf8');
    }
    catch (error) {
        const { code, message } = error;
        throw new errors/* UserError */.yo(`appspec ${path} ${code === 'ENOENT' ? 'not found' : `cannot be read (${message})`} at ${fullPath}. The \`appspec\` input is relative to the workspace: check the path, or leave it out to have the AppSpec made from the service's load balancer.`);
    }
    return parseAppSpec(content, `appspec ${path}`);
}
/** The AppSpec CodeDeploy's console writes for the service: its container and port from the load balancer. */
function generateAppSpec(service) {
    const balancer = service.loadBalancers?.find((lb) => lb.containerName && lb.containerPort);
    if (!balancer?.containerName || !balancer.containerPort) {
        throw new errors/* UserError */.yo(`Service "${service.serviceName}" has no load balancer with a container name and port to write the AppSpec from: give the \`appspec\` input (an appspec.yml with Resources → TargetService → Properties → LoadBalancerInfo).`);
    }
    const document = (0,appspec_template/* appSpecDocument */.y)((0,appspec_template/* ecsAppSpec */.g)(balancer.containerName, balancer.containerPort));
    return describeSpec(document, `the AppSpec generated from service ${service.serviceName}`);
}
/** The AppSpec text for CreateDeployment, with the new task definition set in. */
function appSpecContent(spec, taskDefinitionArn) {
    const document = spec.document.clone();
    document.setIn(['Resources', 0, spec.resource, 'Properties', 'TaskDefinition'], taskDefinitionArn);
    return String(document);
}
/** The AppSpec's container must be in the new task definition, with that port: CodeDeploy would fail at Install. */
function checkContainer(spec, containers) {
    if (!spec.containerName || !containers.length)
        return;
    const container = containers.find((c) => c.name === spec.containerName);
    const where = `${spec.source}, Resources[0].${spec.resource}.Properties.LoadBalancerInfo`;
    if (!container) {
        throw new errors/* UserError */.yo(`${where}.ContainerName: the task definition has no container "${spec.containerName}" (it has ${containers.map((c) => c.name).join(', ')}).`);
    }
    const ports = (container.portMappings ?? []).map((p) => p.containerPort);
    if (spec.containerPort !== undefined && !ports.includes(spec.containerPort)) {
        throw new errors/* UserError */.yo(`${where}.ContainerPort: container ${spec.containerName} maps no port ${spec.containerPort} (it maps ${ports.join(', ') || 'none'}).`);
    }
}
/** The task definition an AppSpec (as CodeDeploy returns it) deploys, for telling a re-run from another deploy. */
function appSpecTaskDefinition(content) {
    const spec = (0,dist/* parseDocument */.Tp)(content ?? '').toJS();
    const resource = Object.values(spec?.Resources?.[0] ?? {})[0];
    return resource?.Properties?.TaskDefinition;
}

;// CONCATENATED MODULE: ./src/mechanisms/codedeploy/deployment.ts

/** Statuses of a deployment that has not ended; CodeDeploy runs one at a time per group. */
const ACTIVE_STATUSES = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];

/** The group's newest deployment in one of these statuses, if any. */
async function findDeployment(codedeploy, group, statuses) {
    const [newest] = await listDeployments(codedeploy, group, statuses);
    return newest ? getDeployment(codedeploy, newest) : undefined;
}
/** Starts a deployment of the AppSpec; returns its id. */
async function deployment_createDeployment(codedeploy, group, appSpec, config, description) {
    const deploymentId = await createDeployment(codedeploy, {
        applicationName: group.application,
        deploymentGroupName: group.deploymentGroup,
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec } },
        ...(config !== undefined && { deploymentConfigName: config }),
        description,
    });
    return deploymentId ?? '';
}
/** Lets a Ready deployment reroute production traffic, or stops it with a rollback. */
async function resumeDeployment(codedeploy, deploymentId, action) {
    if (action === 'continue')
        await continueDeployment(codedeploy, deploymentId);
    else
        await stopDeployment(codedeploy, deploymentId, true);
}

;// CONCATENATED MODULE: ./src/mechanisms/codedeploy/observe.ts



/** Reads the deployment and its ECS target; `targetId` caches the target's id between polls. */
async function readCodeDeploy(codedeploy, deploymentId, cache) {
    const deployment = await getDeployment(codedeploy, deploymentId);
    if (!cache.targetId && deployment.status !== 'Created' && deployment.status !== 'Queued') {
        const [targetId] = await listDeploymentTargets(codedeploy, deploymentId);
        if (targetId)
            cache.targetId = targetId;
    }
    if (!cache.targetId)
        return { deployment };
    const targetId = cache.targetId;
    const target = await getEcsTarget(codedeploy, deploymentId, targetId);
    return { deployment, ...(target && { target }) };
}
/** The replacement (green) task set's id: its tasks are started by it, so their stop reasons can be found. */
function greenTaskSet(state) {
    return state?.target?.taskSetsInfo?.find((t) => t.taskSetLabel === 'Green')?.identifer;
}
/** Follows a CodeDeploy deployment from poll to poll: a line for each change of status, lifecycle event and traffic. */
class CodeDeployTracker {
    progress = newProgress();
    seen = new Seen();
    update(state, at) {
        const lines = [];
        const { deployment, target } = state;
        if (deployment.status && this.seen.changed('status', deployment.status))
            lines.push(`CodeDeploy deployment ${deployment.deploymentId}: ${deployment.status}`);
        for (const event of target?.lifecycleEvents ?? []) {
            const name = event.lifecycleEventName ?? '?';
            if (!event.status || event.status === 'Pending' || !this.seen.changed(`event ${name}`, event.status))
                continue;
            if (event.status === 'InProgress')
                this.progress.stages.push({ at, stage: name });
            const message = event.status === 'Failed' && event.diagnostics?.message ? ` — ${event.diagnostics.message}` : '';
            lines.push(`${name}: ${event.status}${message}`);
        }
        const sets = target?.taskSetsInfo ?? [];
        const green = sets.find((t) => t.taskSetLabel === 'Green');
        if (green?.trafficWeight !== undefined) {
            const words = sets
                .map((t) => `${(t.taskSetLabel ?? '?').toLowerCase()} ${t.trafficWeight ?? 0} % (${t.runningCount ?? 0}/${t.desiredCount ?? 0} running)`)
                .join(', ');
            if (this.seen.changed('traffic', String(green.trafficWeight)))
                this.progress.traffic.push({ at, production: green.trafficWeight });
            if (this.seen.changed('task sets', words))
                lines.push(`task sets: ${words}`);
        }
        return lines;
    }
}
/** The last ECS lifecycle event before CodeDeploy waits to delete the original task set. */
const LAST_TRAFFIC_EVENT = 'AfterAllowTraffic';
/**
 * Whether the deployment has done all it does for the release: production traffic all on the replacement (green) task
 * set, and every lifecycle event up to AfterAllowTraffic through (Succeeded; Skipped where there is nothing to do).
 * CodeDeploy then stays InProgress for the group's termination wait before deleting the original task set, and a
 * StopDeployment with rollback would move the traffic back: the release already serves.
 */
function trafficShifted(state) {
    const events = state.target?.lifecycleEvents ?? [];
    const last = events.findIndex((e) => e.lifecycleEventName === LAST_TRAFFIC_EVENT);
    const green = state.target?.taskSetsInfo?.find((t) => t.taskSetLabel === 'Green');
    return (green?.trafficWeight === 100 &&
        last >= 0 &&
        events[last]?.status === 'Succeeded' &&
        events.slice(0, last).every((e) => e.status === 'Succeeded' || e.status === 'Skipped'));
}
/** "after N min": when CodeDeploy deletes the original task set, from the deployment group's blue/green settings. */
function terminationWait(deployment) {
    const minutes = deployment.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes;
    return minutes ? `after ${minutes} min (the deployment group's termination wait)` : 'shortly';
}
/** Why a CodeDeploy deployment failed: the failed lifecycle event's diagnostics, else CodeDeploy's error. */
function codedeployCause(state) {
    const failed = state.target?.lifecycleEvents?.find((e) => e.status === 'Failed');
    const error = state.deployment.errorInformation;
    const message = failed?.diagnostics?.message ?? error?.message ?? 'CodeDeploy gave no reason';
    const code = error?.code ? ` [${error.code}]` : '';
    return `${failed ? `${failed.lifecycleEventName} failed: ` : ''}${message.replace(/\.?$/, '.')}${code}`;
}
/** Judges a CodeDeploy deployment; undefined while it goes on. `resumed` is `ready` when this run continued it from Ready. */
function judgeCodeDeploy(state, resumed) {
    const { deployment } = state;
    const id = deployment.deploymentId;
    const rollback = deployment.rollbackInfo;
    const rolledBack = Boolean(rollback?.rollbackDeploymentId || rollback?.rollbackMessage);
    const back = rollback?.rollbackDeploymentId
        ? ` CodeDeploy rolled back (deployment ${rollback.rollbackDeploymentId}).`
        : ' CodeDeploy rolled back.';
    switch (deployment.status) {
        case 'Succeeded':
            return { outcome: 'succeeded', reason: `CodeDeploy deployment ${id} succeeded` };
        case 'Failed':
            return rolledBack
                ? { outcome: 'rolled-back', reason: `CodeDeploy deployment ${id} failed: ${codedeployCause(state)}${back}` }
                : { outcome: 'failed', reason: `CodeDeploy deployment ${id} failed: ${codedeployCause(state)}` };
        case 'Stopped': {
            const why = deployment.errorInformation?.message
                ? `: ${deployment.errorInformation.message.replace(/\.$/, '')}`
                : '';
            return rolledBack
                ? { outcome: 'rolled-back', reason: `CodeDeploy deployment ${id} was stopped${why}.${back}` }
                : { outcome: 'failed', reason: `CodeDeploy deployment ${id} was stopped${why}.` };
        }
        case 'Ready': {
            if (resumed === 'ready')
                return undefined;
            const wait = deployment.blueGreenDeploymentConfiguration?.deploymentReadyOption?.waitTimeInMinutes;
            const expires = wait ? ` If nobody does, CodeDeploy stops it ${wait} min after it became Ready.` : '';
            return {
                outcome: 'paused',
                reason: `CodeDeploy deployment ${id} is Ready: the new task set takes test traffic, production traffic stays on the old one. Run this action with \`continue: true\` to reroute production traffic, or \`continue: rollback\` to stop it and roll back.${expires}`,
            };
        }
        case 'InProgress':
        case 'Baking':
            return trafficShifted(state)
                ? {
                    outcome: 'succeeded',
                    reason: `CodeDeploy deployment ${id} shifted all production traffic to the new task set and every lifecycle hook succeeded; CodeDeploy terminates the original task set ${terminationWait(deployment)}, then marks the deployment Succeeded.`,
                }
                : undefined;
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/mechanisms/codedeploy/rollback.ts




/**
 * Stops the deployment with CodeDeploy's auto-rollback to `previous`, unless its production traffic has all shifted
 * with every hook succeeded: then only the original task set's deletion is left, and a rollback would revert a
 * release that already serves. Reads the deployment first, so a shift completed since the last poll counts.
 * Returns a line for the log and summary.
 */
async function rollBackCodeDeployment(codedeploy, deploymentId, previous) {
    const state = await readCodeDeploy(codedeploy, deploymentId, {});
    if (trafficShifted(state)) {
        return `did not stop CodeDeploy deployment ${deploymentId}: all production traffic is on the new task set and every lifecycle hook succeeded, so a rollback would revert a release that already serves (CodeDeploy terminates the original task set ${terminationWait(state.deployment)})`;
    }
    await stopDeployment(codedeploy, deploymentId, true);
    return `stopped CodeDeploy deployment ${deploymentId} with a rollback to ${previous} (StopDeployment, autoRollbackEnabled)`;
}
/**
 * A new CodeDeploy deployment of `previous` (all at once) with the AppSpec of `deploymentId`, which succeeded before its
 * release failed verification: a finished deployment cannot be stopped. Returns a line for the log and summary.
 */
async function redeployPreviousRevision(codedeploy, deploymentId, previous) {
    const done = await getDeployment(codedeploy, deploymentId);
    const content = done.revision?.appSpecContent?.content;
    if (!done.applicationName || !done.deploymentGroupName || !content)
        throw new Error(`CodeDeploy deployment ${deploymentId} shows no application, group or AppSpec to deploy ${previous} with`);
    const spec = parseAppSpec(content, `the AppSpec of CodeDeploy deployment ${deploymentId}`);
    const revision = (0,aws_arn/* taskDefinitionRevision */.MZ)(previous);
    const id = await deployment_createDeployment(codedeploy, { application: done.applicationName, deploymentGroup: done.deploymentGroupName }, appSpecContent(spec, previous), 'CodeDeployDefault.ECSAllAtOnce', `ecs-deploy-action: rollback to ${revision}`);
    return `rolled back to ${revision} with CodeDeploy deployment ${id} (CreateDeployment, all at once): ${deploymentId} had already succeeded, so there was nothing to stop`;
}

// EXTERNAL MODULE: ./src/aws/ecs.ts
var aws_ecs = __webpack_require__(1032);
// EXTERNAL MODULE: ./src/mechanisms/busy.ts
var busy = __webpack_require__(5621);
;// CONCATENATED MODULE: ./src/mechanisms/codedeploy/start.ts







const deployedBy = (d) => appSpecTaskDefinition(d.revision?.appSpecContent?.content);
function describeInFlight(d) {
    const what = `CodeDeploy deployment ${d.deploymentId} of ${(0,aws_arn/* taskDefinitionRevision */.MZ)(deployedBy(d))} (${d.status})`;
    return { what, ...(d.status === 'Ready' && { paused: 'Ready' }) };
}
/**
 * Deploys the new revision through CodeDeploy with the AppSpec (the task definition set in), once any other
 * deployment of the group has ended (`on-busy`); a re-run while the same revision deploys follows that one.
 */
async function startCodeDeployment(clients, ctx, plan, service, request, onBusy) {
    const { codedeploy } = clients;
    const name = service.serviceName ?? '';
    const base = { mechanism: 'codedeploy', previousTaskDefinition: service.taskDefinition ?? '' };
    if (request.containers)
        checkContainer(plan.appSpec, request.containers);
    const active = await findDeployment(codedeploy, plan.group, ACTIVE_STATUSES);
    if (active?.deploymentId && active.status !== 'Ready' && deployedBy(active) === request.taskDefinitionArn) {
        return {
            ...base,
            deploymentId: active.deploymentId,
            started: false,
            startedAt: active.createTime?.getTime() ?? ctx.clock.now(),
        };
    }
    let first = true;
    await (0,busy/* untilIdle */.F)(ctx, name, onBusy, async () => {
        const found = first ? active : await findDeployment(codedeploy, plan.group, ACTIVE_STATUSES);
        first = false;
        return found ? describeInFlight(found) : undefined;
    });
    // CodeDeploy keeps the count and settings of the service; only the task definition is CodeDeploy's to change.
    const settings = serviceOnlyUpdate(service, request);
    if (settings)
        await (0,aws_ecs/* updateService */.bU)(clients.ecs, { cluster: request.cluster, service: name, ...settings });
    if (service.taskDefinition === request.taskDefinitionArn && !request.forceNewDeployment) {
        return {
            ...base,
            started: false,
            startedAt: ctx.clock.now(),
            unchangedReason: settings
                ? 'the service already runs this task definition (its settings were updated)'
                : 'the service already runs this task definition',
        };
    }
    const content = appSpecContent(plan.appSpec, request.taskDefinitionArn);
    const deploymentId = await deployment_createDeployment(codedeploy, plan.group, content, plan.config, `ecs-deploy-action: ${(0,aws_arn/* taskDefinitionRevision */.MZ)(request.taskDefinitionArn)}`);
    return { ...base, deploymentId, started: true, startedAt: ctx.clock.now() };
}
/**
 * What UpdateService changes on a CODE_DEPLOY service beside CodeDeploy's deployment: the desired count and the
 * settings such a service takes there (checked up front by checkServiceSettings); undefined when nothing differs.
 */
function serviceOnlyUpdate(service, request) {
    const percentages = request.settings && (0,settings_service/* percentagesUpdate */.TU)(service, request.settings);
    const update = {
        ...(request.desiredCount !== undefined &&
            request.desiredCount !== service.desiredCount && { desiredCount: request.desiredCount }),
        ...(percentages && { deploymentConfiguration: { ...service.deploymentConfiguration, ...percentages } }),
        ...(request.settings && (0,settings_service/* settingsUpdate */.Xp)(service, request.settings)),
    };
    return Object.keys(update).length ? update : undefined;
}
/** Reroutes production traffic for the deployment an earlier run left Ready, or stops it with a rollback. */
async function continueCodeDeployment(codedeploy, plan, service, action, now) {
    const ready = await findDeployment(codedeploy, plan.group, ['Ready']);
    if (!ready?.deploymentId) {
        throw new errors/* UserError */.yo(`Input \`continue\`: deployment group "${plan.group.deploymentGroup}" has no deployment waiting at Ready for service "${service.serviceName}": nothing was changed.`);
    }
    await resumeDeployment(codedeploy, ready.deploymentId, action);
    return {
        deploymentId: ready.deploymentId,
        mechanism: 'codedeploy',
        resumed: 'ready',
        previousTaskDefinition: service.taskDefinition ?? '',
        started: true,
        startedAt: now,
        targetTaskDefinition: deployedBy(ready) ?? '',
    };
}

;// CONCATENATED MODULE: ./src/mechanisms/codedeploy/mechanism.ts









async function planCodeDeploy(clients, cluster, service, inputs, options) {
    const { codedeploy } = clients;
    if (inputs.deploymentAlarms.length) {
        throw new errors/* UserError */.yo('Input `deployment-alarms` sets ECS deployment alarms, which CODE_DEPLOY services do not use: add the alarms to the CodeDeploy deployment group (alarmConfiguration, and autoRollbackConfiguration with DEPLOYMENT_STOP_ON_ALARM).');
    }
    if (inputs.bakeMinutes !== undefined) {
        throw new errors/* UserError */.yo("Input `bake-minutes` is for ECS's own blue/green: with CodeDeploy the old task set's wait is the deployment group's terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes.");
    }
    if (options.circuitBreaker && options.circuitBreaker !== 'keep') {
        throw new errors/* UserError */.yo('Input `deployment-circuit-breaker` applies to ECS rolling updates; a CODE_DEPLOY service rolls back through its deployment group (autoRollbackConfiguration).');
    }
    const config = deploymentConfigName(inputs);
    const group = await findDeploymentGroup(codedeploy, cluster, service, inputs);
    if (inputs.codedeployConfig)
        await checkDeploymentConfig(codedeploy, inputs.codedeployConfig);
    if (inputs.waitUntil && inputs.waitUntil !== 'POST_TEST_TRAFFIC_SHIFT') {
        throw new errors/* UserError */.yo(`Input \`wait-until\`: a CodeDeploy deployment can wait only at Ready, once test traffic reaches the new task set, not at ${inputs.waitUntil}: set \`wait-until: ready\`.`);
    }
    const ready = group.info.blueGreenDeploymentConfiguration?.deploymentReadyOption;
    if (inputs.waitUntil && ready?.actionOnTimeout !== 'STOP_DEPLOYMENT') {
        throw new errors/* UserError */.yo(`Input \`wait-until\`: deployment group "${group.deploymentGroup}" reroutes traffic by itself (deploymentReadyOption ${ready?.actionOnTimeout ?? 'CONTINUE_DEPLOYMENT'}), so its deployments never wait at Ready. Set the group's blueGreenDeploymentConfiguration.deploymentReadyOption to actionOnTimeout STOP_DEPLOYMENT with waitTimeInMinutes (how long it may wait), or drop \`wait-until\`.`);
    }
    const appSpec = inputs.appspec ? await loadAppSpec(inputs.appspec, options.workspace) : generateAppSpec(service);
    const hooks = appSpec.hooks.length
        ? `, hooks ${appSpec.hooks.map((h) => `${h.event} → ${h.function}`).join(', ')}`
        : '';
    const shown = config ?? `${group.info.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce'} (the deployment group's)`;
    return {
        mechanism: 'codedeploy',
        description: `CodeDeploy ${shown}: application ${group.application}, deployment group ${group.deploymentGroup}${hooks}${inputs.waitUntil ? ', waiting at Ready' : ''}`,
        inputs,
        codedeploy: { group, appSpec, ...(config !== undefined && { config }) },
        changes: [],
    };
}
function codedeployPlan(plan) {
    if (!plan.codedeploy)
        throw new Error('a CodeDeploy deployment needs the CodeDeploy plan (planStrategy)');
    return plan.codedeploy;
}
class CodeDeployWatch {
    ctx;
    readsServiceDeploymentEveryPoll = false;
    tracker = new CodeDeployTracker();
    /** What this poll read, until observed; the last state observed; the ECS target's id once known. */
    fresh;
    state;
    cache = {};
    constructor(ctx) {
        this.ctx = ctx;
    }
    get progress() {
        return this.tracker.progress;
    }
    async read() {
        const { deploymentId } = this.ctx.rollout;
        if (!deploymentId)
            return;
        const { codedeploy } = this.ctx;
        if (!codedeploy)
            throw new Error('following a CodeDeploy deployment needs the CodeDeploy client (WatchOptions.codedeploy)');
        this.fresh = await readCodeDeploy(codedeploy, deploymentId, this.cache);
    }
    observeOwn(at) {
        const state = this.fresh;
        if (!state)
            return undefined;
        this.fresh = undefined;
        this.state = state;
        const { deployment } = state;
        const running = state.target?.lifecycleEvents?.find((e) => e.status === 'InProgress')?.lifecycleEventName;
        const lines = this.tracker.update(state, at);
        const verdict = judgeCodeDeploy(state, this.ctx.rollout.resumed);
        if (verdict?.outcome === 'paused') {
            const wait = deployment.blueGreenDeploymentConfiguration?.deploymentReadyOption?.waitTimeInMinutes;
            this.tracker.progress.paused = {
                stage: 'Ready',
                ...(deployment.deploymentId && { deploymentId: deployment.deploymentId }),
                ...(wait && { timeoutAction: `STOP after ${wait} min` }),
            };
        }
        return { status: `CodeDeploy ${deployment.status}${running ? ` at ${running}` : ''}`, lines, verdict };
    }
    track(_serviceDeployment, _at) {
        return [];
    }
    /** At Ready, or once AfterAllowTestTraffic is over and production traffic not yet rerouted (AllowTraffic not begun). */
    onTestTraffic() {
        const state = this.state;
        if (!state)
            return false;
        if (state.deployment.status === 'Ready')
            return true;
        if (state.deployment.status !== 'InProgress')
            return false;
        const events = state.target?.lifecycleEvents ?? [];
        const status = (name) => events.find((e) => e.lifecycleEventName === name)?.status;
        return status('AfterAllowTestTraffic') === 'Succeeded' && status('AllowTraffic') === 'Pending';
    }
    /** Before CodeDeploy names a deployment, ECS's view is all there is. */
    judge(snapshot) {
        const { resumed } = this.ctx.rollout;
        return judge(snapshot, this.ctx.targetTaskDefinition, { ...(resumed && { resumed }) });
    }
    standing(status, counts) {
        return [status, counts].filter(Boolean).join('; ');
    }
    /** The replacement (green) task set starts the new tasks. */
    taskStarter() {
        return greenTaskSet(this.state);
    }
    // A CODE_DEPLOY service is rolled back by CodeDeploy only: ECS refuses UpdateService's task definition for it.
    async rollBack(rollout) {
        const { codedeploy, deploymentId } = this.ours(rollout);
        return rollBackCodeDeployment(codedeploy, deploymentId, (0,aws_arn/* taskDefinitionRevision */.MZ)(rollout.previousTaskDefinition));
    }
    async redeployPrevious(rollout) {
        const { codedeploy, deploymentId } = this.ours(rollout);
        return redeployPreviousRevision(codedeploy, deploymentId, rollout.previousTaskDefinition);
    }
    ours(rollout) {
        const { codedeploy } = this.ctx;
        if (!rollout.deploymentId || !codedeploy)
            throw new Error('this run started no CodeDeploy deployment to roll back (a CODE_DEPLOY service is rolled back by CodeDeploy)');
        return { codedeploy, deploymentId: rollout.deploymentId };
    }
}
const codedeploy = {
    name: 'codedeploy',
    plan: planCodeDeploy,
    async inFlight(clients, _cluster, plan, service, target) {
        const active = await findDeployment(clients.codedeploy, codedeployPlan(plan).group, ACTIVE_STATUSES);
        if (!active || (active.status !== 'Ready' && target !== undefined && deployedBy(active) === target))
            return { service };
        return { service, inFlight: describeInFlight(active) };
    },
    start: (clients, ctx, plan, service, request) => startCodeDeployment(clients, ctx, codedeployPlan(plan), service, request, plan.inputs.onBusy),
    resume: (clients, _cluster, plan, service, now) => continueCodeDeployment(clients.codedeploy, codedeployPlan(plan), service, plan.inputs.continueAction ?? 'continue', now),
    watch: (ctx) => new CodeDeployWatch(ctx),
};

// EXTERNAL MODULE: ./src/deploy/rollout.ts
var rollout = __webpack_require__(5398);
;// CONCATENATED MODULE: ./src/mechanisms/ecs-native-config.ts


const ECS_STRATEGY = {
    rolling: 'ROLLING',
    'blue-green': 'BLUE_GREEN',
    canary: 'CANARY',
    linear: 'LINEAR',
};
const NAME_OF = {
    ROLLING: 'rolling',
    BLUE_GREEN: 'blue-green',
    CANARY: 'canary',
    LINEAR: 'linear',
};
/** ECS's defaults when canaryConfiguration / linearConfiguration leave a member out. */
const ECS_DEFAULTS = { canaryPercent: 5, canaryBakeTimeInMinutes: 10, stepPercent: 10, stepBakeTimeInMinutes: 6 };
/** The strategy an ECS-controlled service uses now. */
function configuredStrategy(service) {
    return NAME_OF[service.deploymentConfiguration?.strategy ?? 'ROLLING'] ?? 'rolling';
}
/**
 * The deployment configuration members the strategy inputs ask for, relative to what the service has:
 * strategy and its settings, alarms, the PAUSE hook of `wait-until`. Members not returned stay as they are.
 */
function strategyConfiguration(current, inputs) {
    const wanted = {};
    const strategy = inputs.strategy ?? NAME_OF[current?.strategy ?? 'ROLLING'] ?? 'rolling';
    if (inputs.strategy !== undefined) {
        wanted.strategy = ECS_STRATEGY[inputs.strategy];
        // Each strategy's own settings are valid only with it, so the others' are dropped.
        wanted.canaryConfiguration = undefined;
        wanted.linearConfiguration = undefined;
        if (strategy === 'rolling')
            wanted.bakeTimeInMinutes = undefined;
    }
    if (strategy !== 'rolling') {
        // BLUE_GREEN needs a bake time: the service's, else none.
        wanted.bakeTimeInMinutes = inputs.bakeMinutes ?? current?.bakeTimeInMinutes ?? 0;
    }
    if (strategy === 'canary') {
        wanted.canaryConfiguration = {
            ...current?.canaryConfiguration,
            ...(inputs.canaryPercent !== undefined && { canaryPercent: inputs.canaryPercent }),
            ...(inputs.canaryBakeMinutes !== undefined && { canaryBakeTimeInMinutes: inputs.canaryBakeMinutes }),
        };
    }
    if (strategy === 'linear') {
        wanted.linearConfiguration = {
            ...current?.linearConfiguration,
            ...(inputs.stepPercent !== undefined && { stepPercent: inputs.stepPercent }),
            ...(inputs.stepBakeMinutes !== undefined && { stepBakeTimeInMinutes: inputs.stepBakeMinutes }),
        };
    }
    if (inputs.deploymentAlarms.length)
        wanted.alarms = { alarmNames: inputs.deploymentAlarms, enable: true, rollback: true };
    const hooks = strategy === 'rolling' ? undefined : pauseHooks(current?.lifecycleHooks, inputs.waitUntil);
    if (hooks)
        wanted.lifecycleHooks = hooks;
    return wanted;
}
/**
 * Lifecycle hooks with the one PAUSE hook `wait-until` asks for. Pausing is the action's to manage: without
 * `wait-until`, PAUSE hooks are removed (a deployment would otherwise stop at them with nobody to continue it);
 * Lambda hooks pass through. Undefined when the hooks stay as they are.
 */
function pauseHooks(current, waitUntil) {
    const others = (current ?? []).filter((h) => h.targetType !== 'PAUSE');
    const wanted = waitUntil ? [...others, { targetType: 'PAUSE', lifecycleStages: [waitUntil] }] : others;
    const same = JSON.stringify(wanted) === JSON.stringify(current ?? []);
    return same ? undefined : wanted;
}
/** The configuration's strategy in words, for the log and the summary: `canary: 10 % for 5 min, then 100 %`. */
function describeConfiguration(configuration) {
    const strategy = NAME_OF[configuration?.strategy ?? 'ROLLING'] ?? 'rolling';
    const bake = configuration?.bakeTimeInMinutes ? `, bake ${configuration.bakeTimeInMinutes} min` : '';
    switch (strategy) {
        case 'rolling':
            return 'rolling update (ECS)';
        case 'blue-green':
            return `blue/green (ECS): all traffic at once${bake}`;
        case 'canary': {
            const c = configuration?.canaryConfiguration;
            return `canary (ECS): ${c?.canaryPercent ?? ECS_DEFAULTS.canaryPercent} % for ${c?.canaryBakeTimeInMinutes ?? ECS_DEFAULTS.canaryBakeTimeInMinutes} min, then 100 %${bake}`;
        }
        case 'linear': {
            const l = configuration?.linearConfiguration;
            return `linear (ECS): ${l?.stepPercent ?? ECS_DEFAULTS.stepPercent} % more every ${l?.stepBakeTimeInMinutes ?? ECS_DEFAULTS.stepBakeTimeInMinutes} min${bake}`;
        }
    }
}
const ADVANCED = {
    alternateTargetGroupArn: 'a second target group for the new revision',
    productionListenerRule: 'the listener rule (Application Load Balancer) or listener (Network Load Balancer) that carries production traffic',
    roleArn: 'a role ECS assumes to change them (AmazonECSInfrastructureRolePolicyForLoadBalancers)',
};
/** `app` or `net` and whether it is a rule, from an ELB listener (rule) ARN; undefined for any other text. */
function listenerKind(arn) {
    const match = /:elasticloadbalancing:[^:]*:\d{12}:(listener|listener-rule)\/(app|net)\//.exec(arn ?? '');
    return match ? { balancer: match[2], rule: match[1] === 'listener-rule' } : undefined;
}
/** An ALB's listener where ECS needs its rule, or production and test on different load balancer kinds. */
function listenerProblems(lb) {
    const a = lb.advancedConfiguration;
    const members = { productionListenerRule: a?.productionListenerRule, testListenerRule: a?.testListenerRule };
    const problems = [];
    for (const [member, arn] of Object.entries(members)) {
        if (listenerKind(arn)?.balancer === 'app' && !listenerKind(arn)?.rule)
            problems.push(`target group ${targetGroupName(lb)}'s ${member} is an Application Load Balancer listener, not a listener rule`);
    }
    const production = listenerKind(a?.productionListenerRule)?.balancer;
    const test = listenerKind(a?.testListenerRule)?.balancer;
    if (production && test && production !== test)
        problems.push(`target group ${targetGroupName(lb)} has its production and test listeners on different kinds of load balancer`);
    return problems;
}
/** Whether ECS shifts this service's traffic through a Network Load Balancer (its production listener is one). */
function behindNetworkLoadBalancer(service) {
    return (service.loadBalancers ?? []).some((lb) => listenerKind(lb.advancedConfiguration?.productionListenerRule)?.balancer === 'net');
}
const targetGroupName = (lb) => (lb.targetGroupArn ? (0,aws_arn/* resourceId */.a)(lb.targetGroupArn) : '?');
/**
 * Checks that the service has what ECS needs to shift traffic for a blue-green, canary or linear deployment:
 * a load balancer whose target groups have advancedConfiguration, or Service Connect. Throws saying what is
 * missing and how to add it.
 */
function checkNativeSupport(service, strategy) {
    if (strategy === 'rolling')
        return;
    const name = `Service "${service.serviceName}"`;
    const orRolling = 'or deploy with `strategy: rolling`.';
    const balancers = service.loadBalancers ?? [];
    const classic = balancers.find((lb) => lb.loadBalancerName && !lb.targetGroupArn);
    if (classic) {
        throw new errors/* UserError */.yo(`${name} cannot use \`strategy: ${strategy}\`: its Classic Load Balancer ${classic.loadBalancerName} cannot shift traffic between revisions. Move the service to an Application or Network Load Balancer target group, ${orRolling}`);
    }
    const serviceConnect = service.deployments?.some((d) => d.serviceConnectConfiguration?.enabled === true) === true;
    if (!balancers.length && !serviceConnect) {
        throw new errors/* UserError */.yo(`${name} cannot use \`strategy: ${strategy}\`: it has neither a load balancer nor Service Connect, so ECS has no traffic to shift between revisions. Attach an Application or Network Load Balancer target group (with advancedConfiguration) or enable Service Connect, ${orRolling}`);
    }
    const problems = balancers.flatMap((lb) => {
        const missing = Object.keys(ADVANCED).filter((key) => !lb.advancedConfiguration?.[key]);
        return missing.length ? [`target group ${targetGroupName(lb)} lacks ${missing.join(', ')}`] : [];
    });
    const wrongKind = balancers.flatMap((lb) => listenerProblems(lb));
    if (wrongKind.length) {
        throw new errors/* UserError */.yo(`${name} cannot use \`strategy: ${strategy}\`: ${wrongKind.join('; ')}. ECS's rule (AdvancedConfiguration): productionListenerRule and testListenerRule name a listener rule for an Application Load Balancer and a listener for a Network Load Balancer. Fix loadBalancers[].advancedConfiguration, ${orRolling}`);
    }
    if (problems.length) {
        const how = Object.entries(ADVANCED)
            .map(([key, what]) => `${key} — ${what}`)
            .join('; ');
        throw new errors/* UserError */.yo(`${name} cannot use \`strategy: ${strategy}\`: ECS shifts traffic through loadBalancers[].advancedConfiguration, and ${problems.join('; ')}. Set it on the service (aws ecs update-service --load-balancers, or LoadBalancers[].AdvancedConfiguration in CloudFormation): ${how}; testListenerRule is optional, for test traffic. Or deploy with \`strategy: rolling\`.`);
    }
}

;// CONCATENATED MODULE: ./src/mechanisms/ecs-controlled.ts







async function describeServiceDeployment(ecs, arn) {
    return (await (0,aws_ecs/* describeServiceDeployments */.Pr)(ecs, [arn])).get(arn);
}
/** The deployment in flight on the service, other than one of `target` (which a re-run follows instead). */
async function inFlight(ecs, service, target) {
    const primary = (0,rollout/* primaryDeployment */.sg)(service);
    if (primary?.rolloutState !== 'IN_PROGRESS' || primary.taskDefinition === target)
        return undefined;
    const since = primary.createdAt ? ` since ${primary.createdAt.toISOString()}` : '';
    const what = `deployment ${primary.id} of ${(0,aws_arn/* taskDefinitionRevision */.MZ)(primary.taskDefinition)} (IN_PROGRESS${since})`;
    const arn = service.currentServiceDeployment;
    const sd = arn && (0,rollout/* isNative */.ib)(service.deploymentConfiguration) ? await describeServiceDeployment(ecs, arn) : undefined;
    const paused = awaitingHook(sd) ? (sd?.lifecycleStage ?? 'a lifecycle hook') : undefined;
    return { what, ...(paused && { paused }) };
}
/**
 * Updates the service with the new revision and the strategy's configuration, once any other deployment in
 * flight has finished (`on-busy: wait`) — or fails having changed nothing (`on-busy: fail`, or a paused one).
 */
async function startEcsDeployment(ecs, ctx, service, request, inputs) {
    let current = service;
    let fresh = true;
    const name = service.serviceName ?? '';
    await (0,busy/* untilIdle */.F)(ctx, name, inputs.onBusy, async () => {
        // The service as found first, then as it is on each later round.
        if (!fresh) {
            current = (await (0,aws_ecs/* describeService */.Jv)(ecs, request.cluster, name)) ?? current;
        }
        fresh = false;
        return inFlight(ecs, current, request.taskDefinitionArn);
    });
    return (0,rollout/* startRollout */.wz)(ecs, current, request, ctx.clock.now());
}
/** Continues (or rolls back) the service deployment an earlier run left paused at its PAUSE hook. */
async function continueEcsDeployment(ecs, cluster, service, action, now) {
    const name = service.serviceName ?? '';
    const listed = await (0,aws_ecs/* listServiceDeployments */.C0)(ecs, { cluster, service: name, status: ['PENDING', 'IN_PROGRESS'] });
    const arns = listed.flatMap((sd) => (sd.serviceDeploymentArn ? [sd.serviceDeploymentArn] : []));
    const described = arns.length ? [...(await (0,aws_ecs/* describeServiceDeployments */.Pr)(ecs, arns)).values()] : [];
    const paused = described.find((sd) => awaitingHook(sd));
    const hook = awaitingHook(paused);
    if (!paused?.serviceDeploymentArn || !hook?.hookId) {
        const now = described[0]
            ? `its deployment in flight is at ${described[0].lifecycleStage ?? described[0].status}`
            : 'it has no deployment in flight';
        throw new errors/* UserError */.yo(`Input \`continue\`: service "${name}" has no deployment paused at a lifecycle hook (${now}): nothing was changed.`);
    }
    const arn = paused.serviceDeploymentArn;
    const hookId = hook.hookId;
    await (0,aws_ecs/* continueServiceDeployment */.wN)(ecs, {
        serviceDeploymentArn: arn,
        hookId,
        action: action === 'continue' ? 'CONTINUE' : 'ROLLBACK',
    });
    const primary = (0,rollout/* primaryDeployment */.sg)(service);
    const source = service.deployments?.find((d) => d.status === 'ACTIVE');
    return {
        ...(primary?.id && { deploymentId: primary.id }),
        serviceDeploymentArn: arn,
        mechanism: 'ecs-native',
        resumed: hookId,
        previousTaskDefinition: source?.taskDefinition ?? '',
        started: true,
        startedAt: now,
        targetTaskDefinition: primary?.taskDefinition ?? service.taskDefinition ?? '',
    };
}
const CODEDEPLOY_ONLY = {
    appspec: 'appspec',
    codedeployApplication: 'codedeploy-application',
    codedeployDeploymentGroup: 'codedeploy-deployment-group',
    codedeployConfig: 'codedeploy-config',
};
/** Checks the strategy inputs against an ECS-controlled service (its load balancer for blue/green) and settles the plan. */
async function planEcs(_clients, _cluster, service, inputs, _options) {
    const name = service.serviceName ?? '';
    const stray = Object.keys(CODEDEPLOY_ONLY).find((key) => inputs[key] !== undefined);
    if (stray) {
        throw new errors/* UserError */.yo(`Input \`${CODEDEPLOY_ONLY[stray]}\` applies to services with the CODE_DEPLOY deployment controller; service "${name}" uses ECS (for ECS's own blue/green, canary or linear, set \`strategy\`).`);
    }
    const strategy = inputs.strategy ?? configuredStrategy(service);
    checkNativeSupport(service, strategy);
    const configuration = strategyConfiguration(service.deploymentConfiguration, inputs);
    const after = (0,rollout/* mergeConfiguration */.zY)(service.deploymentConfiguration, configuration) ?? service.deploymentConfiguration;
    return {
        mechanism: strategy === 'rolling' ? 'rolling' : 'ecs-native',
        description: `${describeConfiguration(after)}${inputs.waitUntil ? `, pausing at ${inputs.waitUntil}` : ''}${strategy !== 'rolling' && behindNetworkLoadBalancer(service) ? NLB_NOTE : ''}`,
        inputs,
        configuration,
        changes: configurationChanges(service.deploymentConfiguration, after),
    };
}
// AWS's guide (Network Load Balancer resources for blue/green, linear and canary deployments): NLB weights settle late.
const NLB_NOTE = '; behind a Network Load Balancer, ECS adds 10 min to each traffic shift stage';
/** What the configuration change does, in words. */
function configurationChanges(before, after) {
    const changes = [];
    const strategyBefore = describeConfiguration(before);
    const strategyAfter = describeConfiguration(after);
    if (strategyBefore !== strategyAfter)
        changes.push(`service deployment strategy: ${strategyBefore} → ${strategyAfter}`);
    const alarms = (c) => c?.alarms?.enable ? `${c.alarms.alarmNames?.join(', ')}${c.alarms.rollback ? ' (roll back on ALARM)' : ''}` : 'none';
    if (alarms(before) !== alarms(after))
        changes.push(`service deployment alarms: ${alarms(before)} → ${alarms(after)}`);
    const pauses = (c) => (c?.lifecycleHooks ?? [])
        .filter((h) => h.targetType === 'PAUSE')
        .flatMap((h) => h.lifecycleStages ?? [])
        .join(', ') || 'none';
    if (pauses(before) !== pauses(after))
        changes.push(`service deployment PAUSE hooks: ${pauses(before)} → ${pauses(after)}`);
    return changes;
}
/** The parts of a mechanism the ECS-controlled ones share: all but how a rollout is followed. */
const ecsControlled = {
    plan: planEcs,
    async inFlight(clients, cluster, _plan, service, target, reread) {
        // The service as found first, then as it is on each later round.
        const current = reread
            ? ((await (0,aws_ecs/* describeService */.Jv)(clients.ecs, cluster, service.serviceName ?? '')) ?? service)
            : service;
        return { service: current, inFlight: await inFlight(clients.ecs, current, target) };
    },
    start(clients, ctx, plan, service, request) {
        const { containers: _containers, ...ecsRequest } = request;
        return startEcsDeployment(clients.ecs, ctx, service, { ...ecsRequest, ...(plan.configuration && { deploymentConfiguration: plan.configuration }) }, plan.inputs);
    },
    resume(clients, cluster, plan, service, now) {
        return continueEcsDeployment(clients.ecs, cluster, service, plan.inputs.continueAction ?? 'continue', now);
    },
};

;// CONCATENATED MODULE: ./src/mechanisms/ecs-native-tracker.ts

/**
 * Follows an ECS-native (blue/green, canary, linear) service deployment from poll to poll: returns a line for
 * each change of traffic, hook, alarm and circuit breaker state, and keeps what the summary shows.
 */
class NativeTracker {
    progress = newProgress();
    seen = new Seen();
    update(sd, at) {
        const lines = [];
        if (sd.lifecycleStage && this.seen.changed('stage', sd.lifecycleStage))
            this.progress.stages.push({ at, stage: sd.lifecycleStage });
        const traffic = trafficOf(sd);
        const words = describeTraffic(traffic);
        if (words && this.seen.changed('traffic', words)) {
            this.progress.traffic.push({ at, ...traffic });
            lines.push(`traffic on the new revision: ${words}`);
        }
        for (const hook of sd.lifecycleHookDetails ?? []) {
            const name = hookName(hook);
            if (!this.seen.changed(`hook ${hook.hookId ?? name}`, hook.status ?? ''))
                continue;
            const known = this.progress.hooks.find((h) => h.name === name);
            if (known)
                known.status = hook.status ?? '';
            else
                this.progress.hooks.push({ name, status: hook.status ?? '' });
            lines.push(`lifecycle hook ${name}: ${hook.status}`);
        }
        const alarms = sd.alarms;
        if (alarms?.alarmNames?.length) {
            const triggered = alarms.triggeredAlarmNames ?? [];
            this.progress.alarms = { names: alarms.alarmNames, triggered };
            if (this.seen.changed('alarms', `${alarms.status}:${triggered.join(',')}`)) {
                lines.push(triggered.length
                    ? `CloudWatch alarm ${triggered.join(', ')} went to ALARM`
                    : `alarms ${alarms.alarmNames.join(', ')}: ${alarms.status ?? 'unknown'}`);
            }
        }
        const breaker = sd.deploymentCircuitBreaker;
        if (breaker?.status && breaker.status !== 'DISABLED') {
            const state = `${breaker.status}${breaker.failureCount ? ` (${breaker.failureCount}/${breaker.threshold ?? '?'} failed tasks)` : ''}`;
            if (this.seen.changed('breaker', state))
                lines.push(`circuit breaker: ${state}`);
        }
        return lines;
    }
}

// EXTERNAL MODULE: ./src/deploy/rollback.ts
var rollback = __webpack_require__(4283);
;// CONCATENATED MODULE: ./src/mechanisms/rolling.ts



class RollingWatch {
    ctx;
    readsServiceDeploymentEveryPoll = false;
    constructor(ctx) {
        this.ctx = ctx;
    }
    get progress() {
        return undefined;
    }
    async read() { }
    observeOwn() {
        return undefined;
    }
    track(_serviceDeployment, _at) {
        return [];
    }
    onTestTraffic(_snapshot) {
        return false;
    }
    judge(snapshot) {
        const { resumed } = this.ctx.rollout;
        return judge(snapshot, this.ctx.targetTaskDefinition, { ...(resumed && { resumed }) });
    }
    standing(_status, counts) {
        return counts;
    }
    taskStarter() {
        return this.ctx.rollout.deploymentId;
    }
    rollBack(rollout) {
        return (0,rollback/* rollBackEcs */.a)(this.ctx.ecs, this.ctx.cluster, this.ctx.service, rollout);
    }
    redeployPrevious(rollout) {
        const { serviceDeploymentArn: _done, ...previous } = rollout;
        return (0,rollback/* rollBackEcs */.a)(this.ctx.ecs, this.ctx.cluster, this.ctx.service, previous);
    }
}
const rolling = { name: 'rolling', ...ecsControlled, watch: (ctx) => new RollingWatch(ctx) };

;// CONCATENATED MODULE: ./src/mechanisms/ecs-native.ts





/** The stages after test traffic shifted to the new revision, until the old one goes. */
const ON_TEST_TRAFFIC = new Set([
    'POST_TEST_TRAFFIC_SHIFT',
    'PRODUCTION_TRAFFIC_SHIFT',
    'POST_PRODUCTION_TRAFFIC_SHIFT',
    'BAKE_TIME',
]);
class NativeWatch extends RollingWatch {
    readsServiceDeploymentEveryPoll = true;
    tracker = new NativeTracker();
    get progress() {
        return this.tracker.progress;
    }
    track(serviceDeployment, at) {
        return this.tracker.update(serviceDeployment, at);
    }
    /** Test traffic is all on the new revision from the end of TEST_TRAFFIC_SHIFT until clean-up. */
    onTestTraffic({ serviceDeployment: sd }) {
        if (sd?.status !== 'IN_PROGRESS' || !sd.lifecycleStage)
            return false;
        if (sd.lifecycleStage === 'TEST_TRAFFIC_SHIFT')
            return trafficOf(sd).test === 100;
        return ON_TEST_TRAFFIC.has(sd.lifecycleStage);
    }
    judge(snapshot) {
        const { resumed } = this.ctx.rollout;
        const verdict = judge(snapshot, this.ctx.targetTaskDefinition, {
            untilServiceDeploymentEnds: true,
            ...(resumed && { resumed }),
        });
        if (verdict?.outcome === 'paused' && snapshot.serviceDeployment)
            this.tracker.progress.paused = pausedAt(snapshot.serviceDeployment, resumed);
        return verdict;
    }
    standing(status, counts) {
        return [status, counts].filter(Boolean).join('; ');
    }
}
function pausedAt(sd, resumed) {
    const hook = awaitingHook(sd, resumed);
    return {
        stage: sd.lifecycleStage ?? 'a lifecycle hook',
        ...(hook?.hookId && { hookId: hook.hookId }),
        ...(hook?.expiresAt && { expiresAt: hook.expiresAt.getTime() }),
        ...(hook?.timeoutAction && { timeoutAction: hook.timeoutAction }),
        ...(sd.serviceDeploymentArn && { serviceDeploymentArn: sd.serviceDeploymentArn }),
    };
}
const ecsNative = {
    name: 'ecs-native',
    ...ecsControlled,
    watch: (ctx) => new NativeWatch(ctx),
};

;// CONCATENATED MODULE: ./src/mechanisms/registry.ts




const MECHANISMS = { rolling: rolling, 'ecs-native': ecsNative, codedeploy: codedeploy };
/** The mechanism by its name; a rollout without one is a rolling update. */
function mechanismOf(name) {
    return MECHANISMS[name ?? 'rolling'];
}
/** The mechanism that deploys the service: its deployment controller's, and for ECS the strategy asked for or configured. */
function mechanismFor(service, inputs) {
    if (service.deploymentController?.type === 'CODE_DEPLOY')
        return codedeploy;
    return (inputs.strategy ?? configuredStrategy(service)) === 'rolling' ? rolling : ecsNative;
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

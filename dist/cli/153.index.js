export const id = 153;
export const ids = [153,201];
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
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(212);
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
 * A client whose SDK package is loaded on its first request. Every run talks to ECS; the other packages cost about
 * 750 KiB of code to evaluate and several MB at every start, so a rolling deploy loads only those it calls. Requests
 * are all the action makes of a client (`send`); the clients share one request handler, destroyed with the run.
 */
function onFirstRequest(load, config) {
    let client;
    const send = async (...args) => (await (client ??= load().then((Client) => new Client(config)))).send(...args);
    return { send };
}
/**
 * Makes every AWS client in one place, each on first use (a run that builds nothing needs no ECR client).
 * Endpoints come from the SDK's own AWS_ENDPOINT_URL* variables, so the local stack is reached exactly as AWS is.
 * Every request has a connection and request timeout, and `deadline` (when given) as its abort signal.
 */
function createClients(region, deadline, timeouts = { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }) {
    const requestHandler = new DeadlineHandler(deadline, timeouts);
    const config = {
        region,
        maxAttempts: 6,
        retryMode: 'adaptive',
        customUserAgent: [USER_AGENT],
        requestHandler,
    };
    let ecs;
    let ecr;
    let logs;
    let elbv2;
    let codedeploy;
    let cloudwatch;
    const logsElsewhere = new Map();
    const logsClient = (settings) => onFirstRequest(async () => (await __webpack_require__.e(/* import() */ 303).then(__webpack_require__.t.bind(__webpack_require__, 2684, 19))).CloudWatchLogsClient, settings);
    const logsHere = () => (logs ??= logsClient(config));
    return {
        region,
        get ecs() {
            return (ecs ??= new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__/* .ECSClient */ .Zgc(config));
        },
        get ecr() {
            return (ecr ??= onFirstRequest(async () => (await __webpack_require__.e(/* import() */ 249).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19))).ECRClient, config));
        },
        get logs() {
            return logsHere();
        },
        logsIn(other) {
            if (!other || other === region)
                return logsHere();
            const name = (0,_region_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveRegion */ .Z)(other);
            const client = logsElsewhere.get(name) ?? logsClient({ ...config, region: name });
            logsElsewhere.set(name, client);
            return client;
        },
        get elbv2() {
            return (elbv2 ??= onFirstRequest(async () => (await __webpack_require__.e(/* import() */ 586).then(__webpack_require__.t.bind(__webpack_require__, 586, 19))).ElasticLoadBalancingV2Client, config));
        },
        get codedeploy() {
            return (codedeploy ??= onFirstRequest(async () => (await __webpack_require__.e(/* import() */ 507).then(__webpack_require__.t.bind(__webpack_require__, 7507, 19))).CodeDeployClient, config));
        },
        get cloudwatch() {
            return (cloudwatch ??= onFirstRequest(async () => (await __webpack_require__.e(/* import() */ 85).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19))).CloudWatchClient, config));
        },
        destroy: () => requestHandler.destroy(),
    };
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
/* harmony export */   X3: () => (/* binding */ describeExpressGatewayService),
/* harmony export */   ZZ: () => (/* binding */ runTask),
/* harmony export */   aU: () => (/* binding */ updateServiceLooking),
/* harmony export */   ad: () => (/* binding */ listTaskDefinitions),
/* harmony export */   bU: () => (/* binding */ updateService),
/* harmony export */   dD: () => (/* binding */ stopServiceDeployment),
/* harmony export */   eQ: () => (/* binding */ registerTaskDefinition),
/* harmony export */   hs: () => (/* binding */ deleteService),
/* harmony export */   oh: () => (/* binding */ describeTaskDefinition),
/* harmony export */   s1: () => (/* binding */ retag),
/* harmony export */   sR: () => (/* binding */ createService),
/* harmony export */   wN: () => (/* binding */ continueServiceDeployment),
/* harmony export */   x8: () => (/* binding */ updateExpressGatewayService),
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
/** An Express Mode service (its ARN is its ECS service's) with its active configurations; a NotFound('service') when there is none. */
async function describeExpressGatewayService(ecs, serviceArn) {
    return (await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:DescribeExpressGatewayService', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeExpressGatewayServiceCommand */ .UMo({ serviceArn })), { missing: { ...CLUSTER, ResourceNotFoundException: 'service' } })).service;
}
/** Updates an Express Mode service's configuration: ECS registers a revision from it and starts a deployment. */
async function updateExpressGatewayService(ecs, input) {
    return (await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:UpdateExpressGatewayService', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .UpdateExpressGatewayServiceCommand */ .omG(input)), {
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
/** Sets `tags` on a resource and removes `tagKeys` from it (either may be empty). */
async function retag(ecs, resourceArn, tags, tagKeys) {
    if (tags.length)
        await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:TagResource', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .TagResourceCommand */ .eqU({ resourceArn, tags })));
    if (tagKeys.length)
        await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ecs:UntagResource', () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .UntagResourceCommand */ .RP$({ resourceArn, tagKeys })));
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

/***/ 3043:
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
    const mechanism = request.mechanism ? { mechanism: request.mechanism } : {};
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
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Service "${service}" has ${busy.what}, paused at ${busy.paused} (an earlier run's \`wait-until\`?): nothing was changed. Resolve it first: run this action with \`mode: continue\` or \`mode: rollback-paused\`.`);
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

/***/ 4485:
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
        reason: `the deployment is paused at ${sd.lifecycleStage ?? 'a lifecycle hook'}${traffic ? ` (new revision: ${traffic})` : ''}${hookId ? `, hook ${hookId}` : ''}. Run this action with \`mode: continue\` to go on, or \`mode: rollback-paused\` to roll back.${expires}`,
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

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/codedeploy.ts

/** The SDK package, loaded by the first call (clients.ts). */
const sdk = () => __webpack_require__.e(/* import() */ 507).then(__webpack_require__.t.bind(__webpack_require__, 7507, 19));
/** The application, or undefined when there is none by that name. */
async function getApplication(codedeploy, applicationName) {
    const found = await (0,errors/* unlessNotFound */.CA)((0,errors/* awsCall */.uF)('codedeploy:GetApplication', async () => codedeploy.send(new (await sdk()).GetApplicationCommand({ applicationName })), {
        missing: { ApplicationDoesNotExistException: 'application' },
    }));
    return found ? (found.application ?? { applicationName }) : undefined;
}
/** The deployment group, or undefined when the application has none by that name. */
async function getDeploymentGroup(codedeploy, applicationName, deploymentGroupName) {
    const found = await (0,errors/* unlessNotFound */.CA)((0,errors/* awsCall */.uF)('codedeploy:GetDeploymentGroup', async () => codedeploy.send(new (await sdk()).GetDeploymentGroupCommand({ applicationName, deploymentGroupName })), {
        missing: { DeploymentGroupDoesNotExistException: 'deployment group' },
    }));
    return found?.deploymentGroupInfo;
}
/** The deployment config, or undefined when there is none by that name. */
async function getDeploymentConfig(codedeploy, deploymentConfigName) {
    const found = await (0,errors/* unlessNotFound */.CA)((0,errors/* awsCall */.uF)('codedeploy:GetDeploymentConfig', async () => codedeploy.send(new (await sdk()).GetDeploymentConfigCommand({ deploymentConfigName })), {
        missing: { DeploymentConfigDoesNotExistException: 'deployment config' },
    }));
    return found?.deploymentConfigInfo;
}
async function getDeployment(codedeploy, deploymentId) {
    const response = await (0,errors/* awsCall */.uF)('codedeploy:GetDeployment', async () => codedeploy.send(new (await sdk()).GetDeploymentCommand({ deploymentId })));
    return response.deploymentInfo ?? { deploymentId };
}
/** The ids of the group's deployments in these statuses, newest first (one page: the newest is what is asked for). */
async function listDeployments(codedeploy, group, statuses) {
    const listed = await (0,errors/* awsCall */.uF)('codedeploy:ListDeployments', async () => codedeploy.send(new (await sdk()).ListDeploymentsCommand({
        applicationName: group.application,
        deploymentGroupName: group.deploymentGroup,
        includeOnlyStatuses: statuses,
    })));
    return listed.deployments ?? [];
}
/** Starts a deployment; returns its id. */
async function createDeployment(codedeploy, input) {
    return (await (0,errors/* awsCall */.uF)('codedeploy:CreateDeployment', async () => codedeploy.send(new (await sdk()).CreateDeploymentCommand(input)))).deploymentId;
}
/** Lets a deployment waiting in Ready reroute production traffic. */
async function continueDeployment(codedeploy, deploymentId) {
    await (0,errors/* awsCall */.uF)('codedeploy:ContinueDeployment', async () => codedeploy.send(new (await sdk()).ContinueDeploymentCommand({ deploymentId, deploymentWaitType: 'READY_WAIT' })));
}
async function stopDeployment(codedeploy, deploymentId, rollback) {
    await (0,errors/* awsCall */.uF)('codedeploy:StopDeployment', async () => codedeploy.send(new (await sdk()).StopDeploymentCommand({ deploymentId, autoRollbackEnabled: rollback })));
}
/** The deployment's target ids (an ECS deployment has one: the service). */
async function listDeploymentTargets(codedeploy, deploymentId) {
    return ((await (0,errors/* awsCall */.uF)('codedeploy:ListDeploymentTargets', async () => codedeploy.send(new (await sdk()).ListDeploymentTargetsCommand({ deploymentId })))).targetIds ?? []);
}
/** The ECS target of a deployment: its task sets and lifecycle events. */
async function getEcsTarget(codedeploy, deploymentId, targetId) {
    const response = await (0,errors/* awsCall */.uF)('codedeploy:GetDeploymentTarget', async () => codedeploy.send(new (await sdk()).GetDeploymentTargetCommand({ deploymentId, targetId })));
    return response.deploymentTarget?.ecsTarget;
}

// EXTERNAL MODULE: ./src/common/errors.ts
var common_errors = __webpack_require__(1922);
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
        throw new common_errors/* UserError */.yo(inputs.codedeployApplication
            ? `CodeDeploy application "${application}" was not found: check \`codedeploy.application\` in the config (and the region).`
            : `CodeDeploy application "${application}" (${conventional}) was not found: set \`codedeploy.application\` and \`codedeploy.deployment-group\` in the config to the ones that deploy service ${name}.`);
    }
    const info = await getDeploymentGroup(codedeploy, application, deploymentGroup);
    if (!info) {
        throw new common_errors/* UserError */.yo(inputs.codedeployDeploymentGroup
            ? `CodeDeploy deployment group "${deploymentGroup}" was not found in application "${application}": check \`codedeploy.deployment-group\` in the config.`
            : `CodeDeploy deployment group "${deploymentGroup}" (${conventional}) was not found in application "${application}": set \`codedeploy.deployment-group\` in the config.`);
    }
    const services = info.ecsServices ?? [];
    if (!services.some((s) => s.serviceName === name && clusterName(s.clusterName ?? '') === clusterName(cluster))) {
        const deploys = services.map((s) => `${s.clusterName}/${s.serviceName}`).join(', ') || 'no ECS service';
        throw new common_errors/* UserError */.yo(`CodeDeploy deployment group "${deploymentGroup}" deploys ${deploys}, not ${clusterName(cluster)}/${name}: set \`codedeploy.deployment-group\` to the group of this service.`);
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
        throw new common_errors/* UserError */.yo(`Config keys \`codedeploy.config\` and \`${input}\` exclude each other: the deployment config sets the traffic steps.`);
    }
    if (custom)
        return custom;
    return strategy && PREDEFINED_CONFIG[strategy](inputs);
}
/** CodeDeploy's predefined ECS deployment config for each strategy, or why it has none. */
const PREDEFINED_CONFIG = {
    rolling: () => {
        throw new common_errors/* UserError */.yo("This service uses the CODE_DEPLOY deployment controller: CodeDeploy deploys blue/green (all at once, canary or linear), never rolling. Set `strategy: blue-green`, `canary` or `linear`, or leave `strategy` out to use the deployment group's config.");
    },
    'blue-green': () => 'CodeDeployDefault.ECSAllAtOnce',
    canary: (inputs) => {
        const percent = inputs.canaryPercent ?? 10;
        const minutes = inputs.canaryBakeMinutes ?? 5;
        if (percent === 10 && (minutes === 5 || minutes === 15))
            return `CodeDeployDefault.ECSCanary10Percent${minutes}Minutes`;
        throw noPredefined(`canary ${percent} % for ${minutes} min`, `TimeBasedCanary,timeBasedCanary={canaryPercentage=${percent},canaryInterval=${minutes}}`, '10 % for 5 or 15 minutes');
    },
    linear: (inputs) => {
        const percent = inputs.stepPercent ?? 10;
        const minutes = inputs.stepBakeMinutes ?? 1;
        if (percent === 10 && (minutes === 1 || minutes === 3))
            return `CodeDeployDefault.ECSLinear10PercentEvery${minutes}Minutes`;
        throw noPredefined(`linear ${percent} % every ${minutes} min`, `TimeBasedLinear,timeBasedLinear={linearPercentage=${percent},linearInterval=${minutes}}`, '10 % every 1 or 3 minutes');
    },
};
function noPredefined(asked, routing, predefined) {
    return new common_errors/* UserError */.yo(`CodeDeploy has no predefined config for ${asked} (its ECS configs shift ${predefined}). Create one — aws deploy create-deployment-config --deployment-config-name my-config --compute-platform ECS --traffic-routing-config 'type=${routing}' — and name it in \`codedeploy-config\`.`);
}
/** Checks that a named deployment config exists and is for ECS. */
async function checkDeploymentConfig(codedeploy, name) {
    const info = await getDeploymentConfig(codedeploy, name);
    if (!info)
        throw new common_errors/* UserError */.yo(`CodeDeploy deployment config "${name}" does not exist: check \`codedeploy.config\`; the predefined ECS configs are ${PREDEFINED}.`);
    if (info.computePlatform && info.computePlatform !== 'ECS') {
        throw new common_errors/* UserError */.yo(`CodeDeploy deployment config "${name}" is for ${info.computePlatform}, not ECS: name an ECS config in \`codedeploy.config\` (${PREDEFINED}).`);
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
// EXTERNAL MODULE: ./src/taskdef/plain-values.ts
var plain_values = __webpack_require__(7);
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
        if (!(0,plain_values/* isPlainObject */.Q)(value))
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
    const entries = (0,plain_values/* isPlainObject */.Q)(value) ? Object.entries(value) : [];
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
    const fullPath = await (0,workspace_path/* insideWorkspace */.C)('codedeploy.appspec', path, workspace);
    let content;
    try {
        content = await (0,promises_.readFile)(fullPath, 'utf8');
    }
    catch (error) {
        const { code, message } = error;
        throw new common_errors/* UserError */.yo(`appspec ${path} ${code === 'ENOENT' ? 'not found' : `cannot be read (${message})`} at ${fullPath}. Config key \`codedeploy.appspec\` is relative to the workspace: check the path, or leave it out to have the AppSpec made from the service's load balancer.`);
    }
    return parseAppSpec(content, `appspec ${path}`);
}
/** The AppSpec CodeDeploy's console writes for the service: its container and port from the load balancer. */
function generateAppSpec(service) {
    const balancer = service.loadBalancers?.find((lb) => lb.containerName && lb.containerPort);
    if (!balancer?.containerName || !balancer.containerPort) {
        throw new common_errors/* UserError */.yo(`Service "${service.serviceName}" has no load balancer with a container name and port to write the AppSpec from: give the \`appspec\` input (an appspec.yml with Resources → TargetService → Properties → LoadBalancerInfo).`);
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
        throw new common_errors/* UserError */.yo(`${where}.ContainerName: the task definition has no container "${spec.containerName}" (it has ${containers.map((c) => c.name).join(', ')}).`);
    }
    const ports = (container.portMappings ?? []).map((p) => p.containerPort);
    if (spec.containerPort !== undefined && !ports.includes(spec.containerPort)) {
        throw new common_errors/* UserError */.yo(`${where}.ContainerPort: container ${spec.containerName} maps no port ${spec.containerPort} (it maps ${ports.join(', ') || 'none'}).`);
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
                reason: `CodeDeploy deployment ${id} is Ready: the new task set takes test traffic, production traffic stays on the old one. Run this action with \`mode: continue\` to reroute production traffic, or \`mode: rollback-paused\` to stop it and roll back.${expires}`,
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

;// CONCATENATED MODULE: ./src/mechanisms/codedeploy/codedeploy-rollback.ts




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
async function continueCodeDeployment(codedeploy, plan, service, action, now, dryRun = false) {
    const ready = await findDeployment(codedeploy, plan.group, ['Ready']);
    if (!ready?.deploymentId) {
        throw new common_errors/* UserError */.yo(`\`mode: continue\`: deployment group "${plan.group.deploymentGroup}" has no deployment waiting at Ready for service "${service.serviceName}": nothing was changed.`);
    }
    if (!dryRun)
        await resumeDeployment(codedeploy, ready.deploymentId, action);
    return {
        deploymentId: ready.deploymentId,
        mechanism: 'codedeploy',
        resumed: 'ready',
        previousTaskDefinition: service.taskDefinition ?? '',
        started: !dryRun,
        startedAt: now,
        targetTaskDefinition: deployedBy(ready) ?? '',
    };
}

;// CONCATENATED MODULE: ./src/mechanisms/codedeploy/codedeploy-mechanism.ts










async function planCodeDeploy(clients, cluster, service, inputs, options) {
    const { codedeploy } = clients;
    if (inputs.deploymentAlarms.length) {
        throw new common_errors/* UserError */.yo('Config key `deployment-alarms` sets ECS deployment alarms, which CODE_DEPLOY services do not use: add the alarms to the CodeDeploy deployment group (alarmConfiguration, and autoRollbackConfiguration with DEPLOYMENT_STOP_ON_ALARM).');
    }
    if (inputs.bakeMinutes !== undefined) {
        throw new common_errors/* UserError */.yo("Config key `bake-minutes` is for ECS's own blue/green: with CodeDeploy the old task set's wait is the deployment group's terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes.");
    }
    if (options.circuitBreaker && options.circuitBreaker !== 'keep') {
        throw new common_errors/* UserError */.yo('Config key `service-settings.deployment-circuit-breaker` applies to ECS rolling updates; a CODE_DEPLOY service rolls back through its deployment group (autoRollbackConfiguration).');
    }
    const config = deploymentConfigName(inputs);
    const group = await findDeploymentGroup(codedeploy, cluster, service, inputs);
    if (inputs.codedeployConfig)
        await checkDeploymentConfig(codedeploy, inputs.codedeployConfig);
    if (inputs.waitUntil && inputs.waitUntil !== 'POST_TEST_TRAFFIC_SHIFT') {
        throw new common_errors/* UserError */.yo(`Config key \`wait-until\`: a CodeDeploy deployment can wait only at Ready, once test traffic reaches the new task set, not at ${inputs.waitUntil}: set \`wait-until: ready\`.`);
    }
    const ready = group.info.blueGreenDeploymentConfiguration?.deploymentReadyOption;
    if (inputs.waitUntil && ready?.actionOnTimeout !== 'STOP_DEPLOYMENT') {
        throw new common_errors/* UserError */.yo(`Config key \`wait-until\`: deployment group "${group.deploymentGroup}" reroutes traffic by itself (deploymentReadyOption ${ready?.actionOnTimeout ?? 'CONTINUE_DEPLOYMENT'}), so its deployments never wait at Ready. Set the group's blueGreenDeploymentConfiguration.deploymentReadyOption to actionOnTimeout STOP_DEPLOYMENT with waitTimeInMinutes (how long it may wait), or drop \`wait-until\`.`);
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
    /** The target groups of the replacement (green) and original (blue) task sets, by name, as CodeDeploy shows them. */
    trafficTargets(_service) {
        const sets = this.state?.target?.taskSetsInfo ?? [];
        const group = (label) => sets.find((t) => t.taskSetLabel === label)?.targetGroup?.name;
        const [fresh, old] = [group('Green'), group('Blue')];
        return fresh && old ? { kind: 'names', fresh, old } : undefined;
    }
    /** While production traffic is shifted onto the replacement task set, until CodeDeploy ends the deployment. */
    analysisPhase(_snapshot) {
        const state = this.state;
        if (!state)
            return 'before';
        if (['Succeeded', 'Failed', 'Stopped'].includes(state.deployment.status ?? ''))
            return 'after';
        const green = state.target?.taskSetsInfo?.find((t) => t.taskSetLabel === 'Green');
        return (green?.trafficWeight ?? 0) > 0 ? 'bake' : 'before';
    }
    /** ContinueDeployment from Ready. */
    async proceed(_snapshot) {
        const { codedeploy } = this.ctx;
        const id = this.state?.deployment.deploymentId;
        if (!codedeploy || !id || this.state?.deployment.status !== 'Ready')
            return undefined;
        await continueDeployment(codedeploy, id);
        this.ctx.rollout.resumed = 'ready';
        return `continued CodeDeploy deployment ${id} from Ready (ContinueDeployment)`;
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
        const line = await redeployPreviousRevision(codedeploy, deploymentId, rollout.previousTaskDefinition);
        return { line, revision: rollout.previousTaskDefinition };
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
    controller: 'CODE_DEPLOY',
    // It deploys what the deployment group's service runs whatever the strategy; `rolling` is refused by configure().
    strategies: { rolling: false, 'blue-green': true, canary: true, linear: true },
    testTraffic: true,
    refusesEarlySuccess: false,
    registersRevisions: true,
    peakFleet: 'both-fleets',
    configure: (inputs) => ({ deploymentConfigName: deploymentConfigName(inputs) }),
    plan: planCodeDeploy,
    async inFlight(clients, _cluster, plan, service, target) {
        const active = await findDeployment(clients.codedeploy, codedeployPlan(plan).group, ACTIVE_STATUSES);
        if (!active || (active.status !== 'Ready' && target !== undefined && deployedBy(active) === target))
            return { service };
        return { service, inFlight: describeInFlight(active) };
    },
    start: (clients, ctx, plan, service, request) => startCodeDeployment(clients, ctx, codedeployPlan(plan), service, request, plan.inputs.onBusy),
    resume: (clients, _cluster, plan, service, now, dryRun) => continueCodeDeployment(clients.codedeploy, codedeployPlan(plan), service, plan.inputs.continueAction ?? 'continue', now, dryRun),
    async rollBackService(_clients, service) {
        throw new common_errors/* UserError */.yo(`Service "${service.serviceName}" uses the CODE_DEPLOY deployment controller: its rollouts go through AWS CodeDeploy (blue/green with an appspec), not an ECS update of its task definition.`);
    },
    watch: (ctx) => new CodeDeployWatch(ctx),
};

// EXTERNAL MODULE: ./src/deploy/rollout.ts
var rollout = __webpack_require__(5398);
;// CONCATENATED MODULE: ./src/mechanisms/ecs-native-config.ts


/** ECS's defaults when canaryConfiguration / linearConfiguration leave a member out. */
const ECS_DEFAULTS = { canaryPercent: 5, canaryBakeTimeInMinutes: 10, stepPercent: 10, stepBakeTimeInMinutes: 6 };
const ECS = {
    rolling: {
        strategy: 'ROLLING',
        shiftsTraffic: false,
        own: () => ({}),
        describe: () => 'rolling update (ECS)',
    },
    'blue-green': {
        strategy: 'BLUE_GREEN',
        shiftsTraffic: true,
        own: () => ({}),
        describe: (_c, bake) => `blue/green (ECS): all traffic at once${bake}`,
    },
    canary: {
        strategy: 'CANARY',
        shiftsTraffic: true,
        own: (current, inputs) => ({
            canaryConfiguration: {
                ...current?.canaryConfiguration,
                ...(inputs.canaryPercent !== undefined && { canaryPercent: inputs.canaryPercent }),
                ...(inputs.canaryBakeMinutes !== undefined && { canaryBakeTimeInMinutes: inputs.canaryBakeMinutes }),
            },
        }),
        describe: (configuration, bake) => {
            const c = configuration?.canaryConfiguration;
            return `canary (ECS): ${c?.canaryPercent ?? ECS_DEFAULTS.canaryPercent} % for ${c?.canaryBakeTimeInMinutes ?? ECS_DEFAULTS.canaryBakeTimeInMinutes} min, then 100 %${bake}`;
        },
    },
    linear: {
        strategy: 'LINEAR',
        shiftsTraffic: true,
        own: (current, inputs) => ({
            linearConfiguration: {
                ...current?.linearConfiguration,
                ...(inputs.stepPercent !== undefined && { stepPercent: inputs.stepPercent }),
                ...(inputs.stepBakeMinutes !== undefined && { stepBakeTimeInMinutes: inputs.stepBakeMinutes }),
            },
        }),
        describe: (configuration, bake) => {
            const l = configuration?.linearConfiguration;
            return `linear (ECS): ${l?.stepPercent ?? ECS_DEFAULTS.stepPercent} % more every ${l?.stepBakeTimeInMinutes ?? ECS_DEFAULTS.stepBakeTimeInMinutes} min${bake}`;
        },
    },
};
/** The strategy of an ECS deployment configuration by its name; ROLLING when it names none (or one unknown here). */
function strategyOf(configuration) {
    const name = Object.keys(ECS).find((s) => ECS[s].strategy === configuration?.strategy);
    return name ?? 'rolling';
}
/** The strategy an ECS-controlled service uses now. */
function configuredStrategy(service) {
    return strategyOf(service.deploymentConfiguration);
}
/** Whether the configuration deploys with ECS's own blue/green, canary or linear strategy. */
function shiftsTraffic(configuration) {
    return ECS[strategyOf(configuration)].shiftsTraffic;
}
/** Whether ECS shifts traffic for the strategy asked for, or else the service's own. */
function strategyShiftsTraffic(service, inputs) {
    return ECS[inputs.strategy ?? configuredStrategy(service)].shiftsTraffic;
}
/**
 * The deployment configuration members the strategy inputs ask for, relative to what the service has:
 * strategy and its settings, alarms, the PAUSE hook of `wait-until`. Members not returned stay as they are.
 */
function strategyConfiguration(current, inputs) {
    const ecs = ECS[inputs.strategy ?? strategyOf(current)];
    const wanted = {};
    if (inputs.strategy !== undefined) {
        wanted.strategy = ecs.strategy;
        // Each strategy's own settings are valid only with it, so the others' are dropped.
        wanted.canaryConfiguration = undefined;
        wanted.linearConfiguration = undefined;
        if (!ecs.shiftsTraffic)
            wanted.bakeTimeInMinutes = undefined;
    }
    // BLUE_GREEN needs a bake time: the service's, else none.
    if (ecs.shiftsTraffic)
        wanted.bakeTimeInMinutes = inputs.bakeMinutes ?? current?.bakeTimeInMinutes ?? 0;
    Object.assign(wanted, ecs.own(current, inputs));
    if (inputs.deploymentAlarms.length)
        wanted.alarms = { alarmNames: inputs.deploymentAlarms, enable: true, rollback: true };
    const hooks = ecs.shiftsTraffic ? pauseHooks(current?.lifecycleHooks, inputs.waitUntil) : undefined;
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
    const bake = configuration?.bakeTimeInMinutes ? `, bake ${configuration.bakeTimeInMinutes} min` : '';
    return ECS[strategyOf(configuration)].describe(configuration, bake);
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
    if (!ECS[strategy].shiftsTraffic)
        return;
    const name = `Service "${service.serviceName}"`;
    const orRolling = 'or deploy with `strategy: rolling`.';
    const balancers = service.loadBalancers ?? [];
    const classic = balancers.find((lb) => lb.loadBalancerName && !lb.targetGroupArn);
    if (classic) {
        throw new common_errors/* UserError */.yo(`${name} cannot use \`strategy: ${strategy}\`: its Classic Load Balancer ${classic.loadBalancerName} cannot shift traffic between revisions. Move the service to an Application or Network Load Balancer target group, ${orRolling}`);
    }
    const serviceConnect = service.deployments?.some((d) => d.serviceConnectConfiguration?.enabled === true) === true;
    if (!balancers.length && !serviceConnect) {
        throw new common_errors/* UserError */.yo(`${name} cannot use \`strategy: ${strategy}\`: it has neither a load balancer nor Service Connect, so ECS has no traffic to shift between revisions. Attach an Application or Network Load Balancer target group (with advancedConfiguration) or enable Service Connect, ${orRolling}`);
    }
    const problems = balancers.flatMap((lb) => {
        const missing = Object.keys(ADVANCED).filter((key) => !lb.advancedConfiguration?.[key]);
        return missing.length ? [`target group ${targetGroupName(lb)} lacks ${missing.join(', ')}`] : [];
    });
    const wrongKind = balancers.flatMap((lb) => listenerProblems(lb));
    if (wrongKind.length) {
        throw new common_errors/* UserError */.yo(`${name} cannot use \`strategy: ${strategy}\`: ${wrongKind.join('; ')}. ECS's rule (AdvancedConfiguration): productionListenerRule and testListenerRule name a listener rule for an Application Load Balancer and a listener for a Network Load Balancer. Fix loadBalancers[].advancedConfiguration, ${orRolling}`);
    }
    if (problems.length) {
        const how = Object.entries(ADVANCED)
            .map(([key, what]) => `${key} — ${what}`)
            .join('; ');
        throw new common_errors/* UserError */.yo(`${name} cannot use \`strategy: ${strategy}\`: ECS shifts traffic through loadBalancers[].advancedConfiguration, and ${problems.join('; ')}. Set it on the service (aws ecs update-service --load-balancers, or LoadBalancers[].AdvancedConfiguration in CloudFormation): ${how}; testListenerRule is optional, for test traffic. Or deploy with \`strategy: rolling\`.`);
    }
}

;// CONCATENATED MODULE: ./src/mechanisms/ecs-service-rollback.ts




const revision = (arn) => (0,aws_arn/* taskDefinitionRevision */.MZ)(arn, '—');
/** The revision before the one the service runs: the newest ACTIVE revision of its family older than it. */
async function previousRevision(ecs, current) {
    const family = (0,aws_arn/* taskDefinitionFamily */.dm)(current);
    const number = (0,aws_arn/* revisionNumber */.P7)(current);
    if (!current || number === undefined)
        throw new common_errors/* UserError */.yo(`Cannot tell the revision before ${current}: give --to family:revision.`);
    const listed = await (0,aws_ecs/* listTaskDefinitions */.ad)(ecs, { familyPrefix: family, status: 'ACTIVE', sort: 'DESC' });
    // familyPrefix also matches longer family names (web → web-worker): keep this family's own revisions.
    const older = listed.find((arn) => (0,aws_arn/* taskDefinitionFamily */.dm)(arn) === family && ((0,aws_arn/* revisionNumber */.P7)(arn) ?? Infinity) < number);
    if (!older)
        throw new common_errors/* UserError */.yo(`${family} has no ACTIVE revision before ${number} to roll back to: give --to family:revision.`);
    return older;
}
/** Stops the rollout in flight with a rollback, or deploys the revision before (or the one given). */
async function rollBackEcsService(ecs, service, r) {
    const name = service.serviceName ?? '';
    const primary = (0,rollout/* primaryDeployment */.sg)(service);
    const inFlight = (service.deployments?.length ?? 0) > 1 && primary?.rolloutState === 'IN_PROGRESS';
    if (!r.to && inFlight && service.currentServiceDeployment) {
        const arn = service.currentServiceDeployment;
        const target = service.deployments?.find((d) => d.status === 'ACTIVE')?.taskDefinition ?? '';
        await (0,aws_ecs/* stopServiceDeployment */.dD)(ecs, arn);
        r.log(`stopped the rollout of ${revision(primary?.taskDefinition)} with a rollback to ${revision(target)}`);
        // StopServiceDeployment names no new deployment: the rollback is the primary one ECS shows for the target.
        const after = await (0,aws_ecs/* describeService */.Jv)(ecs, r.cluster, name);
        const following = after && (0,rollout/* primaryDeployment */.sg)(after);
        return {
            ...(following?.id && following.taskDefinition === target && { deploymentId: following.id }),
            previousTaskDefinition: service.taskDefinition ?? '',
            started: false,
            startedAt: r.now,
            targetTaskDefinition: target,
        };
    }
    const target = r.to ??
        (inFlight
            ? (service.deployments?.find((d) => d.status === 'ACTIVE')?.taskDefinition ?? '')
            : await previousRevision(ecs, service.taskDefinition ?? ''));
    // Followed through UpdateService's own answer: DescribeServices may not show the new deployment for a while.
    const started = await (0,rollout/* startRollout */.wz)(ecs, service, {
        cluster: r.cluster,
        taskDefinitionArn: target,
        forceNewDeployment: false,
        deploymentCircuitBreaker: 'keep',
        mechanism: r.mechanism,
    }, r.now);
    r.log(started.started
        ? `rolling back from ${revision(service.taskDefinition)} to ${revision(target)}`
        : `already on ${revision(target)}`);
    if (!started.deploymentId) {
        const primaryNow = (0,rollout/* primaryDeployment */.sg)((await (0,aws_ecs/* describeService */.Jv)(ecs, r.cluster, name)) ?? service);
        if (primaryNow?.id)
            started.deploymentId = primaryNow.id;
    }
    return { ...started, targetTaskDefinition: target };
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
    const sd = arn && shiftsTraffic(service.deploymentConfiguration) ? await describeServiceDeployment(ecs, arn) : undefined;
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
async function continueEcsDeployment(ecs, cluster, service, action, now, dryRun = false) {
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
        throw new common_errors/* UserError */.yo(`\`mode: continue\`: service "${name}" has no deployment paused at a lifecycle hook (${now}): nothing was changed.`);
    }
    const arn = paused.serviceDeploymentArn;
    const hookId = hook.hookId;
    if (!dryRun)
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
        started: !dryRun,
        startedAt: now,
        targetTaskDefinition: primary?.taskDefinition ?? service.taskDefinition ?? '',
    };
}
const CODEDEPLOY_ONLY = {
    appspec: 'codedeploy.appspec',
    codedeployApplication: 'codedeploy.application',
    codedeployDeploymentGroup: 'codedeploy.deployment-group',
    codedeployConfig: 'codedeploy.config',
};
/** Checks the strategy inputs against an ECS-controlled service (its load balancer for blue/green) and settles the plan. */
async function planEcs(mechanism, service, inputs) {
    const name = service.serviceName ?? '';
    const stray = Object.keys(CODEDEPLOY_ONLY).find((key) => inputs[key] !== undefined);
    if (stray) {
        throw new common_errors/* UserError */.yo(`Config key \`${CODEDEPLOY_ONLY[stray]}\` applies to services with the CODE_DEPLOY deployment controller; service "${name}" uses ECS (for ECS's own blue/green, canary or linear, set \`strategy\`).`);
    }
    const strategy = inputs.strategy ?? configuredStrategy(service);
    checkNativeSupport(service, strategy);
    const configuration = strategyConfiguration(service.deploymentConfiguration, inputs);
    const after = (0,rollout/* mergeConfiguration */.zY)(service.deploymentConfiguration, configuration) ?? service.deploymentConfiguration;
    return {
        mechanism,
        description: `${describeConfiguration(after)}${inputs.waitUntil ? `, pausing at ${inputs.waitUntil}` : ''}${strategyShiftsTraffic(service, inputs) && behindNetworkLoadBalancer(service) ? NLB_NOTE : ''}`,
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
/** The parts of a mechanism the ECS-controlled ones share: all but which strategies they deploy and how a rollout is followed. */
function ecsControlled(name) {
    return {
        name,
        controller: 'ECS',
        configure: (inputs, service) => ({
            deploymentConfiguration: strategyConfiguration(service.deploymentConfiguration, inputs),
        }),
        plan: (_clients, _cluster, service, inputs) => planEcs(name, service, inputs),
        async inFlight(clients, cluster, _plan, service, target, reread) {
            // The service as found first, then as it is on each later round.
            const current = reread
                ? ((await (0,aws_ecs/* describeService */.Jv)(clients.ecs, cluster, service.serviceName ?? '')) ?? service)
                : service;
            return { service: current, inFlight: await inFlight(clients.ecs, current, target) };
        },
        start(clients, ctx, plan, service, request) {
            const { containers: _containers, ...ecsRequest } = request;
            return startEcsDeployment(clients.ecs, ctx, service, { ...ecsRequest, mechanism: name, ...(plan.configuration && { deploymentConfiguration: plan.configuration }) }, plan.inputs);
        },
        resume(clients, cluster, plan, service, now, dryRun) {
            const action = plan.inputs.continueAction ?? 'continue';
            return continueEcsDeployment(clients.ecs, cluster, service, action, now, dryRun);
        },
        rollBackService: (clients, service, request) => rollBackEcsService(clients.ecs, service, { ...request, mechanism: name }),
    };
}

;// CONCATENATED MODULE: ./src/mechanisms/ecs-native-tracker.ts

/**
 * Follows an ECS-native (blue/green, canary, linear) service deployment from poll to poll: returns a line for
 * each change of traffic, hook, alarm and circuit breaker state, and keeps what the summary shows.
 */
class NativeTracker {
    testTraffic;
    progress = newProgress();
    seen = new Seen();
    /** `testTraffic` false: the service has no test listener (Express Mode), so ECS's test weight is no traffic to show. */
    constructor(testTraffic = true) {
        this.testTraffic = testTraffic;
    }
    update(sd, at) {
        const lines = [];
        if (sd.lifecycleStage && this.seen.changed('stage', sd.lifecycleStage))
            this.progress.stages.push({ at, stage: sd.lifecycleStage });
        const { test, ...production } = trafficOf(sd);
        const traffic = this.testTraffic && test !== undefined ? { ...production, test } : production;
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

// EXTERNAL MODULE: ./src/deploy/ecs-rollback.ts
var ecs_rollback = __webpack_require__(3043);
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
    /** Both revisions register with the service's one target group: the old one is compared by its baseline. */
    trafficTargets(service) {
        const targetGroup = service.loadBalancers?.find((lb) => lb.targetGroupArn)?.targetGroupArn;
        return targetGroup ? { kind: 'shared', targetGroup } : undefined;
    }
    /** The new revision serves once its first task runs, until the rollout ends. */
    analysisPhase({ deployment }) {
        if (!deployment || deployment.rolloutState !== 'IN_PROGRESS')
            return deployment ? 'after' : 'before';
        return (deployment.runningCount ?? 0) > 0 ? 'bake' : 'before';
    }
    async proceed(_snapshot) {
        return undefined;
    }
    standing(_status, counts) {
        return counts;
    }
    taskStarter() {
        return this.ctx.rollout.deploymentId;
    }
    rollBack(rollout) {
        return (0,ecs_rollback/* rollBackEcs */.a)(this.ctx.ecs, this.ctx.cluster, this.ctx.service, rollout);
    }
    async redeployPrevious(rollout) {
        const { serviceDeploymentArn: _done, ...previous } = rollout;
        const line = await (0,ecs_rollback/* rollBackEcs */.a)(this.ctx.ecs, this.ctx.cluster, this.ctx.service, previous);
        return { line, revision: rollout.previousTaskDefinition };
    }
}
const rolling = {
    ...ecsControlled('rolling'),
    strategies: { rolling: true, 'blue-green': false, canary: false, linear: false },
    testTraffic: false,
    refusesEarlySuccess: false,
    registersRevisions: true,
    peakFleet: 'maximum-percent',
    watch: (ctx) => new RollingWatch(ctx),
};

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
    tracker;
    constructor(ctx, testTraffic = true) {
        super(ctx);
        this.tracker = new NativeTracker(testTraffic);
    }
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
    /** The service's two target groups; which is the new revision's is read from the production listener rule. */
    trafficTargets(service) {
        const lb = service.loadBalancers?.find((l) => l.targetGroupArn && l.advancedConfiguration?.alternateTargetGroupArn);
        const alternate = lb?.advancedConfiguration?.alternateTargetGroupArn;
        if (!lb?.targetGroupArn || !alternate)
            return super.trafficTargets(service);
        return {
            kind: 'pair',
            primary: lb.targetGroupArn,
            alternate,
            productionListenerRule: lb.advancedConfiguration?.productionListenerRule,
        };
    }
    /** From the first production traffic on the new revision until clean-up (blue/green: its bake on all of it). */
    analysisPhase({ serviceDeployment: sd }) {
        if (!sd || sd.status === 'PENDING')
            return 'before';
        if (sd.status !== 'IN_PROGRESS' || sd.lifecycleStage === 'CLEAN_UP')
            return 'after';
        return (trafficOf(sd).production ?? 0) > 0 ? 'bake' : 'before';
    }
    /** ContinueServiceDeployment for the hook the deployment waits at. */
    async proceed({ serviceDeployment: sd }) {
        const hook = awaitingHook(sd, this.ctx.rollout.resumed);
        if (!sd?.serviceDeploymentArn || !hook?.hookId)
            return undefined;
        await (0,aws_ecs/* continueServiceDeployment */.wN)(this.ctx.ecs, {
            serviceDeploymentArn: sd.serviceDeploymentArn,
            hookId: hook.hookId,
            action: 'CONTINUE',
        });
        this.ctx.rollout.resumed = hook.hookId;
        return `continued the deployment paused at ${sd.lifecycleStage ?? 'a lifecycle hook'} (ContinueServiceDeployment)`;
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
    ...ecsControlled('ecs-native'),
    strategies: { rolling: false, 'blue-green': true, canary: true, linear: true },
    testTraffic: true,
    // ECS's rule: early success criteria work with the rolling deployment strategy only.
    refusesEarlySuccess: true,
    registersRevisions: true,
    peakFleet: 'both-fleets',
    watch: (ctx) => new NativeWatch(ctx),
};

// EXTERNAL MODULE: ./src/settings/express-scaling.ts
var express_scaling = __webpack_require__(7469);
// EXTERNAL MODULE: ./src/settings/given.ts
var given = __webpack_require__(1860);
;// CONCATENATED MODULE: ./src/mechanisms/express.ts










/** How ECS marks a service that Express Mode created and manages. */
const isExpressService = (service) => service.resourceManagementType === 'ECS';
/** The container of an Express task definition that ECS makes from `primaryContainer`. */
const PRIMARY_CONTAINER = 'Main';
/** How often, and how long apart, the service is read for the deployment an update started (ECS is eventually consistent). */
const LOOKS = 15;
const LOOK_MS = 1000;
/** What UpdateExpressGatewayService takes beside the rendered containers (the scaling target); `on-busy` only says when to start. */
const EXPRESS_TAKES = ['serviceSettings.expressScaling', 'strategy.onBusy'];
/**
 * Refuses, in one error, every deployment setting given that an Express service cannot take: ECS manages its
 * deployment and service settings, and UpdateExpressGatewayService has no member for them (they would be ignored).
 */
function checkExpressSettings(service, inputs, options) {
    const refused = (0,given/* givenSettings */.j)({ ...options.given, strategy: inputs }).filter((s) => !EXPRESS_TAKES.includes(s.path));
    if (!refused.length)
        return;
    const one = refused.length === 1;
    const count = refused.some((s) => s.path === 'desiredCount')
        ? `; its task count is its scaling target's bounds instead (\`service-settings: { ${express_scaling/* SCALING_KEYS */.dZ.minTaskCount}: 2, ${express_scaling/* SCALING_KEYS */.dZ.maxTaskCount}: 10 }\`)`
        : '';
    throw new common_errors/* UserError */.yo(`${refused.map((s) => `\`${s.name}\``).join(', ')}: service "${service.serviceName ?? ''}" is an ECS Express Mode service, whose deployment (${describeConfiguration(service.deploymentConfiguration)}) and service settings ECS manages itself; UpdateExpressGatewayService takes only the primary container (image, environment, secrets), cpu, memory and the scaling target (\`service-settings\` express-scaling-*), so ${one ? 'it' : 'they'} would be ignored. Remove ${one ? 'it' : 'them'} for this service (an environment of its own in the config file)${count}. Nothing was changed.`);
}
/** The configuration the service runs now: the one of its task definition (the newest while it deploys). */
function runningConfiguration(configurations, service) {
    return (configurations.find((c) => c.taskDefinitionArn === service.taskDefinition) ??
        [...configurations].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0]);
}
/** The Express endpoint (the public one first), as a URL. */
function endpointOf(configuration) {
    const paths = configuration.ingressPaths ?? [];
    const endpoint = (paths.find((p) => p.accessType === 'PUBLIC') ?? paths[0])?.endpoint;
    if (!endpoint)
        return undefined;
    return /^https?:\/\//.test(endpoint) ? endpoint : `https://${endpoint}`;
}
async function planExpress(ecs, service, inputs, options) {
    const name = service.serviceName ?? '';
    checkExpressSettings(service, inputs, options);
    const how = describeConfiguration(service.deploymentConfiguration);
    const express = await (0,aws_ecs/* describeExpressGatewayService */.X3)(ecs, service.serviceArn ?? '');
    const configuration = runningConfiguration(express?.activeConfigurations ?? [], service);
    if (!configuration)
        throw new common_errors/* UserError */.yo(`Express service "${name}" has no active configuration (DescribeExpressGatewayService: ${express?.status?.statusCode ?? 'no status'}): wait until ECS has created it, then deploy again.`);
    const url = endpointOf(configuration);
    const live = configuration.scalingTarget;
    const scaling = (0,express_scaling/* scalingUpdate */.h$)(live, options.given?.serviceSettings?.expressScaling);
    const problem = scaling && (0,express_scaling/* scalingProblems */.Wt)(scaling)[0];
    if (problem)
        throw new common_errors/* UserError */.yo(`Service setting \`${problem.key}\`: with Express service "${name}"'s own scaling target (${(0,express_scaling/* scalingText */.bN)(live)}) beside the given one, ${problem.message}. Give the other member too. Nothing was changed.`);
    return {
        mechanism: 'express',
        description: `Express Mode: its configuration updated, deployed as ECS deploys Express services — ${how} (\`strategy\` does not apply)`,
        inputs,
        express: configuration,
        ...(url && { url }),
        changes: scaling ? [`Express scaling target: ${(0,express_scaling/* scalingText */.bN)(live)} → ${(0,express_scaling/* scalingText */.bN)(scaling)}`] : [],
    };
}
/** The rendered container ECS makes the Express service's primary container of: `Main`, or the only one. */
function primaryOf(name, containers) {
    const primary = containers.find((c) => c.name === PRIMARY_CONTAINER) ?? (containers.length === 1 ? containers[0] : undefined);
    if (!primary?.image)
        throw new common_errors/* UserError */.yo(`Express service "${name}": its task definition has no container named ${PRIMARY_CONTAINER} (the one ECS makes from the Express primary container): the template must keep it.`);
    return primary;
}
const listed = (items) => (items?.length ? items : undefined);
/** What UpdateExpressGatewayService must change to run the rendered containers, or undefined when nothing would. */
function expressUpdate(service, current, request) {
    const name = service.serviceName ?? '';
    const main = primaryOf(name, request.containers ?? []);
    const before = current.primaryContainer;
    const environment = listed(main.environment);
    const secrets = listed(main.secrets);
    const primaryContainer = {
        ...before,
        image: main.image,
        ...((environment || before?.environment) && { environment: environment ?? [] }),
        ...((secrets || before?.secrets) && { secrets: secrets ?? [] }),
    };
    const scalingTarget = (0,express_scaling/* scalingUpdate */.h$)(current.scalingTarget, request.settings?.expressScaling);
    const same = (a, b) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
    const changes = {
        ...(!(before?.image === primaryContainer.image &&
            same(before?.environment, primaryContainer.environment) &&
            same(before?.secrets, primaryContainer.secrets)) && { primaryContainer }),
        ...(request.cpu !== undefined && request.cpu !== current.cpu && { cpu: request.cpu }),
        ...(request.memory !== undefined && request.memory !== current.memory && { memory: request.memory }),
        ...(scalingTarget && { scalingTarget }),
    };
    if (!Object.keys(changes).length && !request.forceNewDeployment)
        return undefined;
    return { serviceArn: service.serviceArn, primaryContainer, ...changes };
}
/** The update that brings `before` back, for the members `update` sets (always the primary container). */
function restoring(update, before) {
    return {
        serviceArn: update.serviceArn,
        primaryContainer: before.primaryContainer,
        ...(update.cpu !== undefined && { cpu: before.cpu }),
        ...(update.memory !== undefined && { memory: before.memory }),
        ...(update.scalingTarget && before.scalingTarget && { scalingTarget: before.scalingTarget }),
    };
}
/** Updates the Express configuration and returns the deployment ECS started for it on the service it owns. */
async function startExpress(ecs, ctx, plan, service, request) {
    const name = service.serviceName ?? '';
    const current = plan.express;
    if (!current)
        throw new Error('an Express update needs the Express plan (planStrategy)');
    const previousTaskDefinition = service.taskDefinition ?? '';
    const now = ctx.clock.now();
    const update = expressUpdate(service, current, request);
    if (!update) {
        const primary = (0,rollout/* primaryDeployment */.sg)(service);
        if (primary?.rolloutState === 'IN_PROGRESS' && primary.taskDefinition === current.taskDefinitionArn) {
            const startedAt = (primary.createdAt ?? new Date(now)).getTime();
            return {
                ...(primary.id && { deploymentId: primary.id }),
                ...(service.currentServiceDeployment && { serviceDeploymentArn: service.currentServiceDeployment }),
                mechanism: 'express',
                previousTaskDefinition,
                started: false,
                startedAt,
                since: startedAt,
                ...(primary.taskDefinition && { targetTaskDefinition: primary.taskDefinition }),
            };
        }
        return {
            previousTaskDefinition,
            started: false,
            startedAt: now,
            unchangedReason: 'the Express service already runs this image, environment, secrets, cpu, memory and scaling target',
        };
    }
    const updated = await (0,aws_ecs/* updateExpressGatewayService */.x8)(ecs, update);
    const target = updated?.targetConfiguration?.taskDefinitionArn;
    if (!target)
        throw new Error(`UpdateExpressGatewayService answered no target configuration for service "${name}"`);
    ctx.log(`${name}: updated the Express configuration; ECS registered ${(0,aws_arn/* taskDefinitionRevision */.MZ)(target)} from it`);
    // ECS starts the deployment on the service it owns after answering: read until it shows.
    for (let look = 1; look <= LOOKS; look++) {
        const now = (await (0,aws_ecs/* describeService */.Jv)(ecs, request.cluster, name)) ?? service;
        const primary = (0,rollout/* primaryDeployment */.sg)(now);
        if (primary?.taskDefinition === target && primary.id)
            return {
                deploymentId: primary.id,
                ...(now.currentServiceDeployment && { serviceDeploymentArn: now.currentServiceDeployment }),
                mechanism: 'express',
                previousTaskDefinition,
                started: true,
                startedAt: ctx.clock.now(),
                since: primary.createdAt?.getTime() ?? ctx.clock.now(),
                targetTaskDefinition: target,
                restore: restoring(update, current),
            };
        await ctx.clock.sleep(LOOK_MS, ctx.signal);
    }
    throw new common_errors/* UserError */.yo(`Express service "${name}": ECS took the configuration update (${(0,aws_arn/* taskDefinitionRevision */.MZ)(target)}) but its service showed no deployment of it within ${(LOOKS * LOOK_MS) / 1000} s; see the service's events in the ECS console.`);
}
/**
 * The deployment ECS started, followed as ECS's canary. An Express service's revisions come from its configuration
 * only: the release before is brought back by updating the configuration to what it was, a revision ECS registers anew.
 */
class ExpressWatch extends NativeWatch {
    async redeployPrevious(rollout) {
        if (!rollout.restore)
            throw new Error("the Express configuration before this run's update is not known: deploy the previous image again");
        const updated = await (0,aws_ecs/* updateExpressGatewayService */.x8)(this.ctx.ecs, rollout.restore);
        const target = updated?.targetConfiguration?.taskDefinitionArn;
        if (!target)
            throw new Error('UpdateExpressGatewayService answered no target configuration');
        const { cpu, memory, scalingTarget } = rollout.restore;
        const members = [
            'image, environment, secrets',
            cpu || memory ? 'cpu/memory' : '',
            scalingTarget ? 'scaling target' : '',
        ];
        return {
            line: `asked ECS to bring back the Express configuration of ${(0,aws_arn/* taskDefinitionRevision */.MZ)(rollout.previousTaskDefinition)} (${members.filter(Boolean).join(', ')}); ECS registered ${(0,aws_arn/* taskDefinitionRevision */.MZ)(target)} from it`,
            revision: target,
        };
    }
}
const shared = ecsControlled('ecs-native');
const express = {
    ...shared,
    name: 'express',
    strategies: { rolling: false, 'blue-green': false, canary: false, linear: false },
    testTraffic: false,
    refusesEarlySuccess: true,
    registersRevisions: false,
    // ECS deploys an Express service as a canary: the whole new fleet beside the old one until the bake ends.
    peakFleet: 'both-fleets',
    owns: isExpressService,
    configure: () => ({}),
    plan: (clients, _cluster, service, inputs, options) => planExpress(clients.ecs, service, inputs, options),
    start: (clients, ctx, plan, service, request) => startExpress(clients.ecs, ctx, plan, service, request),
    resume(_clients, _cluster, _plan, service) {
        return Promise.reject(new common_errors/* UserError */.yo(`\`mode: continue\`: service "${service.serviceName}" is an ECS Express Mode service: ECS pauses none of its deployments, so there is nothing to continue.`));
    },
    rollBackService(clients, service, request) {
        const primary = (0,rollout/* primaryDeployment */.sg)(service);
        if (!request.to && primary?.rolloutState === 'IN_PROGRESS' && (service.deployments?.length ?? 0) > 1)
            return rollBackEcsService(clients.ecs, service, { ...request, mechanism: 'express' });
        return Promise.reject(new common_errors/* UserError */.yo(`\`rollback\`: service "${service.serviceName}" is an ECS Express Mode service with no deployment in flight: ECS makes its revisions from its Express configuration, so deploy the previous image again instead.`));
    },
    watch: (ctx) => new ExpressWatch(ctx, express.testTraffic),
};

;// CONCATENATED MODULE: ./src/mechanisms/registry.ts





const MECHANISMS = { rolling: rolling, 'ecs-native': ecsNative, codedeploy: codedeploy, express: express };
/** The mechanism by its name; a rollout without one is a rolling update. */
function mechanismOf(name) {
    return MECHANISMS[name ?? 'rolling'];
}
/**
 * The mechanism that deploys the service: its deployment controller's, and of those the one that deploys the strategy
 * asked for (or the service's own) — unless a mechanism owns the service by what ECS marks on it (Express Mode). A controller with one mechanism deploys every service of it: that mechanism says
 * which strategies it refuses.
 */
function mechanismFor(service, inputs) {
    const owner = Object.values(MECHANISMS).find((m) => m.owns?.(service));
    if (owner)
        return owner;
    const controller = service.deploymentController?.type === 'CODE_DEPLOY' ? 'CODE_DEPLOY' : 'ECS';
    const candidates = Object.values(MECHANISMS).filter((m) => m.controller === controller);
    const strategy = inputs.strategy ?? configuredStrategy(service);
    return candidates.find((m) => m.strategies[strategy]) ?? candidates[0] ?? rolling;
}


/***/ }),

/***/ 1860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ givenSettings)
/* harmony export */ });
/* harmony import */ var _express_scaling_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7469);
/* harmony import */ var _service_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6322);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2221);
// The settings a run gives of how a service deploys, each named as the user writes it (its config key), so that a
// mechanism taking only some of them (Express Mode) can refuse the rest by name. Derived from the settings table and
// ServiceSettings' names: a setting added to either is covered without a list to keep up.



const ROOTS = {
    strategy: true,
    desiredCount: true,
    deploymentCircuitBreaker: true,
    serviceSettings: true,
    serviceDefinition: true,
};
/** The table's rows of those settings. */
const ROWS = _table_js__WEBPACK_IMPORTED_MODULE_2__/* .SETTINGS */ .yy.flatMap((setting) => {
    const { config, default: byDefault } = setting;
    if (!config || !((config.into.split('.')[0] ?? '') in ROOTS))
        return [];
    return [{ path: config.into, name: config.key, byDefault, list: (0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .isRepeatable */ .su)(setting) }];
});
/** Set, and to something else than the setting's default; a list setting read empty sets nothing (`[]` in JSON does). */
const isGiven = (value, { byDefault, list }) => value !== undefined && !(list && Array.isArray(value) && !value.length) && String(value) !== byDefault;
/** The config keys of the service settings that have no row of their own (the circuit breaker's threshold, …). */
function ownKeys(member, settings) {
    if (member === 'definition' || member === 'tags')
        return [_service_js__WEBPACK_IMPORTED_MODULE_1__/* .SETTING_INPUTS */ .Fs[member]];
    const keys = member === 'expressScaling'
        ? Object.keys(settings.expressScaling ?? {}).map((m) => _express_scaling_js__WEBPACK_IMPORTED_MODULE_0__/* .SCALING_KEYS */ .dZ[m])
        : [_service_js__WEBPACK_IMPORTED_MODULE_1__/* .SETTING_INPUTS */ .Fs[member]];
    return keys.map((key) => `service-settings.${key}`);
}
/** Each deployment setting given, in the table's order, then the service settings without a row of their own. */
function givenSettings(given) {
    const rows = ROWS.filter((row) => isGiven(at(given, row.path), row)).map(({ path, name }) => ({ path, name }));
    const settings = given.serviceSettings ?? {};
    const others = Object.keys(settings)
        .filter((member) => settings[member] !== undefined && !ROWS.some((r) => r.path === `serviceSettings.${member}`))
        .flatMap((member) => ownKeys(member, settings).map((name) => ({ path: `serviceSettings.${member}`, name })));
    return [...rows, ...others].filter((s, i, all) => all.findIndex((o) => o.name === s.name) === i);
}
function at(object, path) {
    return path.split('.').reduce((value, key) => value?.[key], object);
}


/***/ }),

/***/ 7:
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

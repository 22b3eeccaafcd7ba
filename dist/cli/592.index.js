export const id = 592;
export const ids = [592,201];
export const modules = {

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

/***/ 3432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ findService)
/* harmony export */ });
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1922);



/** Returns the service, checked to be one this action can deploy (ECS or CODE_DEPLOY controller); throws a UserError saying why not. */
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


/***/ })

};

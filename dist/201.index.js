export const id = 201;
export const ids = [201];
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


/***/ })

};

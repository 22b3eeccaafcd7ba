export const id = 201;
export const ids = [201];
export const modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CONNECTION_TIMEOUT_MS: () => (/* binding */ CONNECTION_TIMEOUT_MS),
/* harmony export */   GRACE_MS: () => (/* binding */ GRACE_MS),
/* harmony export */   REQUEST_TIMEOUT_MS: () => (/* binding */ REQUEST_TIMEOUT_MS),
/* harmony export */   RunDeadline: () => (/* binding */ RunDeadline),
/* harmony export */   createClients: () => (/* binding */ createClients),
/* harmony export */   resolveRegion: () => (/* reexport safe */ _region_js__WEBPACK_IMPORTED_MODULE_0__.Z)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(212);
/* harmony import */ var _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7507);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8249);
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(303);
/* harmony import */ var _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(586);
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1279);
/* harmony import */ var _region_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7249);








const USER_AGENT = ['ecs-deploy-action', '1'];
/** Time to open a connection, and for one attempt's answer: a silent endpoint is an error, never a hang. */
const CONNECTION_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** How long the timeout path (rollback request, diagnosis reads) may take once the time is up or the job is cancelled. */
const GRACE_MS = 20_000;
/**
 * The deadline every AWS request honours. A request in flight when the time is up or the job is cancelled is aborted
 * then; one started later (the timeout path) is aborted `graceMs` after that, so a hung endpoint cannot hold the run
 * past its deadline plus the grace.
 */
class RunDeadline {
    cancelled;
    graceMs;
    now;
    at = Infinity;
    cancelledAt;
    constructor(cancelled, graceMs = GRACE_MS, now = Date.now) {
        this.cancelled = cancelled;
        this.graceMs = graceMs;
        this.now = now;
        if (cancelled?.aborted)
            this.cancelledAt = now();
        else
            cancelled?.addEventListener('abort', () => (this.cancelledAt = this.now()), { once: true });
    }
    /** Starts a phase allowed `ms` from now (each wait gets the whole timeout-minutes). */
    restart(ms) {
        this.at = this.now() + ms;
    }
    /** The signal for a request starting now, joined with the caller's own. */
    signal(own) {
        const now = this.now();
        const end = Math.min(this.at, this.cancelledAt ?? Infinity);
        const stop = now < end ? end : end + this.graceMs;
        const signals = [
            own,
            now < end ? this.cancelled : undefined,
            Number.isFinite(stop) ? AbortSignal.timeout(Math.max(0, stop - now)) : undefined,
        ];
        const present = signals.filter((s) => s !== undefined);
        return present.length > 1 ? AbortSignal.any(present) : present[0];
    }
}
/** Node's HTTP handler with timeouts, whose every attempt also carries the run's deadline as its abort signal. */
class DeadlineHandler extends _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_1__.NodeHttpHandler {
    deadline;
    constructor(deadline, timeouts) {
        super({ ...timeouts, throwOnRequestTimeout: true });
        this.deadline = deadline;
    }
    handle(request, options = {}) {
        const abortSignal = this.deadline?.signal(options.abortSignal) ?? options.abortSignal;
        return super.handle(request, { ...options, ...(abortSignal && { abortSignal }) });
    }
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
    const logsHere = () => (logs ??= new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_2__/* .CloudWatchLogsClient */ .TFr(config));
    return {
        region,
        get ecs() {
            return (ecs ??= new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .ECSClient */ .Zgc(config));
        },
        get ecr() {
            return (ecr ??= new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .ECRClient */ .S70(config));
        },
        get logs() {
            return logsHere();
        },
        logsIn(other) {
            if (!other || other === region)
                return logsHere();
            const name = (0,_region_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveRegion */ .Z)(other);
            const client = logsElsewhere.get(name) ?? new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_2__/* .CloudWatchLogsClient */ .TFr({ ...config, region: name });
            logsElsewhere.set(name, client);
            return client;
        },
        get elbv2() {
            return (elbv2 ??= new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_5__/* .ElasticLoadBalancingV2Client */ .MlD(config));
        },
        get codedeploy() {
            return (codedeploy ??= new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_6__/* .CodeDeployClient */ .cHd(config));
        },
    };
}


/***/ })

};

export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GITHUB_REQUEST_TIMEOUT_MS: () => (/* binding */ GITHUB_REQUEST_TIMEOUT_MS),
/* harmony export */   ROUTES: () => (/* binding */ ROUTES),
/* harmony export */   gitHubClient: () => (/* binding */ gitHubClient)
/* harmony export */ });
/* harmony import */ var _octokit_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4629);
/* harmony import */ var _common_deadline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(673);
/* harmony import */ var _http_fetch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(576);
// The GitHub API client (deployments, pull request comments): @octokit/core and the few REST routes this action uses,
// rather than @actions/github (its generated endpoint methods, and undici, for a handful of calls). Both doors get it from
// the engine's front (engine/index.ts), loaded only with a token.



/** Each REST method of `GitHubApi` is the route it maps to; a new method is one line here. */
const ROUTES = {
    repos: {
        createDeployment: 'POST /repos/{owner}/{repo}/deployments',
        createDeploymentStatus: 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
        listDeployments: 'GET /repos/{owner}/{repo}/deployments',
        listDeploymentStatuses: 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    },
    issues: {
        listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    },
    pulls: {
        get: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    },
};
/** No single GitHub request waits longer than this for its answer. */
const GITHUB_REQUEST_TIMEOUT_MS = 30_000;
/**
 * The API of `GITHUB_API_URL` (GitHub Enterprise Server too), authenticated with `token`. Every request has a timeout
 * and carries the run's `deadline`, and goes through HTTPS_PROXY unless NO_PROXY names the host.
 */
function gitHubClient(token, env = process.env, deadline) {
    const fetch = (url, init = {}) => (0,_common_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .waitingFor */ .Fz)(`GitHub ${init.method ?? 'GET'} ${new URL(url).pathname}`, () => (0,_common_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .withTimeout */ .wj)(GITHUB_REQUEST_TIMEOUT_MS, [deadline?.signal(), init.signal], (signal) => (0,_http_fetch_js__WEBPACK_IMPORTED_MODULE_1__/* .httpFetch */ .t)(url, { ...init, signal })));
    const octokit = new _octokit_core__WEBPACK_IMPORTED_MODULE_2__/* .Octokit */ .E({
        auth: token,
        baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
        request: { fetch },
    });
    const bind = (scope) => Object.fromEntries(Object.entries(ROUTES[scope]).map(([method, route]) => [
        method,
        (params) => octokit.request(route, params),
    ]));
    return {
        viewer: async () => (await octokit.graphql('query { viewer { login } }')).viewer,
        rest: { repos: bind('repos'), issues: bind('issues'), pulls: bind('pulls') },
    };
}


/***/ }),

/***/ 576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ httpFetch)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7856);
// `fetch` over node:http(s), for the GitHub API client and the verify checks: Node's own fetch ignores HTTPS_PROXY and
// NO_PROXY (a proxy needs undici's dispatcher, which is not bundled), this one goes through the proxy they name. The
// caller's signal (the run's deadline) aborts the request and the reading of its answer.



const MAX_REDIRECTS = 5;
const NULL_BODY = new Set([101, 204, 205, 304]);
/** The answer to `url` as a standard Response, redirects followed (unless `redirect: 'manual'`). */
async function httpFetch(input, init = {}) {
    let url = new URL(String(input));
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body ?? undefined;
    for (let redirects = 0;; redirects++) {
        const answer = await send(url, method, init.headers, body, init.signal ?? undefined);
        const location = answer.headers.location;
        const status = answer.statusCode ?? 0;
        if (status < 300 || status > 399 || !location || init.redirect === 'manual')
            return response(answer, url, await read(answer, init.signal ?? undefined));
        answer.resume();
        if (init.redirect === 'error' || redirects >= MAX_REDIRECTS)
            throw new TypeError(`fetch ${url.href}: redirected ${redirects >= MAX_REDIRECTS ? 'too often' : ''}`.trim());
        url = new URL(location, url);
        // As fetch does: 303 (and 301/302 of a POST) continue as GET without a body.
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
        }
    }
}
async function send(url, method, headers, body, signal) {
    const agent = await (0,_proxy_js__WEBPACK_IMPORTED_MODULE_2__/* .proxyAgentFor */ .H2)(url);
    const request = url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
    const head = Object.fromEntries(new Headers(headers).entries());
    return new Promise((resolve, reject) => {
        // Without a proxy, a connection of its own (agent: false): nothing idle is left to hold the process.
        const req = request(url, { method, headers: head, agent: agent ?? false, ...(signal && { signal }) }, resolve);
        req.on('error', reject);
        req.end(body);
    });
}
function read(answer, signal) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        const abort = () => {
            answer.destroy();
            reject(signal?.reason ?? new Error('aborted'));
        };
        if (signal?.aborted)
            return abort();
        signal?.addEventListener('abort', abort, { once: true });
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.on('error', reject);
        answer.on('end', () => {
            signal?.removeEventListener('abort', abort);
            resolve(Buffer.concat(chunks));
        });
    });
}
function response(answer, url, body) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers))
        for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, one);
    const status = answer.statusCode ?? 500;
    const result = new Response(NULL_BODY.has(status) ? null : body, {
        status,
        statusText: answer.statusMessage ?? '',
        headers,
    });
    Object.defineProperty(result, 'url', { value: url.href });
    return result;
}


/***/ })

};

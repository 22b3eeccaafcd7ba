export const id = 339;
export const ids = [339];
export const modules = {

/***/ 6339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ROUTES: () => (/* binding */ ROUTES),
/* harmony export */   gitHubClient: () => (/* binding */ gitHubClient)
/* harmony export */ });
/* harmony import */ var _octokit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5194);
// The GitHub API client (deployments, pull request comments): @octokit/core and the few REST routes this action uses,
// rather than @actions/github (its generated endpoint methods, and undici, for a handful of calls). The CLI uses it too.

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
/** The API of `GITHUB_API_URL` (GitHub Enterprise Server too), authenticated with `token`. */
function gitHubClient(token, env = process.env) {
    const octokit = new _octokit_core__WEBPACK_IMPORTED_MODULE_0__/* .Octokit */ .E({ auth: token, baseUrl: env.GITHUB_API_URL || 'https://api.github.com' });
    const bind = (scope) => Object.fromEntries(Object.entries(ROUTES[scope]).map(([method, route]) => [
        method,
        (params) => octokit.request(route, params),
    ]));
    return {
        viewer: async () => (await octokit.graphql('query { viewer { login } }')).viewer,
        rest: { repos: bind('repos'), issues: bind('issues'), pulls: bind('pulls') },
    };
}


/***/ })

};

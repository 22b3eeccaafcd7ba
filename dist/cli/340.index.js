export const id = 340;
export const ids = [340];
export const modules = {

/***/ 9340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gitHubClient: () => (/* reexport */ gitHubClient)
});

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 13 modules
var dist_src = __webpack_require__(5194);
;// CONCATENATED MODULE: ./src/action/github.ts
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
    const octokit = new dist_src/* Octokit */.E({ auth: token, baseUrl: env.GITHUB_API_URL || 'https://api.github.com' });
    const bind = (scope) => Object.fromEntries(Object.entries(ROUTES[scope]).map(([method, route]) => [
        method,
        (params) => octokit.request(route, params),
    ]));
    return {
        viewer: async () => (await octokit.graphql('query { viewer { login } }')).viewer,
        rest: { repos: bind('repos'), issues: bind('issues'), pulls: bind('pulls') },
    };
}

;// CONCATENATED MODULE: ./src/cli/github.ts
// The CLI's GitHub client is the action's (src/action/ is the one folder that imports the @actions and @octokit packages).



/***/ })

};

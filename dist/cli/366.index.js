export const id = 366;
export const ids = [366];
export const modules = {

/***/ 366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planStep: () => (/* binding */ planStep)
/* harmony export */ });
/* harmony import */ var _config_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1085);
/* harmony import */ var _report_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5655);
// The plan step (`mode: plan`, `ecs-deploy-action plan`): which environments this ref deploys, as a matrix. It reads the
// config file and the event only: no AWS client is made, so it needs no credentials.


/** Plans the environments of this run and logs each one's verdict; a missing config file is a bad input. */
async function planStep(settings, log) {
    const { inputs, git, event } = settings;
    const config = await (0,_config_index_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z9)(inputs.config ?? _config_index_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CONFIG_FILE */ .Cu, { workspace: git.workspace, required: true });
    // required: true, so there is a config or loadConfig threw.
    const plan = (0,_config_index_js__WEBPACK_IMPORTED_MODULE_0__/* .planEnvironments */ .aI)(config, event, inputs.environment);
    for (const v of plan.verdicts)
        log.info((0,_report_text_js__WEBPACK_IMPORTED_MODULE_1__/* .logSafe */ .sN)(`${v.deploys ? '✅' : '⏭️'} ${v.environment}: ${v.reason}`));
    log.info(plan.environments.length
        ? `Deploys ${plan.environments.join(', ')} (${plan.matrix.include.length} matrix entr${plan.matrix.include.length === 1 ? 'y' : 'ies'}).`
        : 'Deploys nothing: no environment takes this ref.');
    return plan;
}


/***/ })

};

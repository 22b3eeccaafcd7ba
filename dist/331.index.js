export const id = 331;
export const ids = [331];
export const modules = {

/***/ 6331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPlan: () => (/* binding */ runPlan)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);
/* harmony import */ var _common_git_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9723);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _engine_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8845);
// `mode: plan` on the runner: the matrix and the environments as step outputs, and the plan as the job summary.




/** Plans the run and publishes the outputs `matrix`, `any` and `result` (with `environments`); throws a UserError on bad input. */
async function runPlan(inputs, log) {
    const plan = await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_2__/* .planStep */ .ek)({ inputs, git: (0,_common_git_context_js__WEBPACK_IMPORTED_MODULE_3__/* .readGitContext */ .e)(), event: (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_2__/* .readRunEvent */ .Eg)() }, log);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('matrix', JSON.stringify(plan.matrix));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('any', String(plan.environments.length > 0));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('result', JSON.stringify({ environments: plan.environments }));
    try {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderPlanSummary */ .ON)(plan), true).write();
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not write the job summary: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
    }
}


/***/ })

};

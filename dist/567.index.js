export const id = 567;
export const ids = [567];
export const modules = {

/***/ 8948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   outputsWarning: () => (/* binding */ outputsWarning),
/* harmony export */   setOutputs: () => (/* binding */ setOutputs),
/* harmony export */   writeSummary: () => (/* binding */ writeSummary)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _engine_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8845);



/** Outputs: one value per service, comma separated in the order of the `service` input; a failed write warns. */
async function setOutputs(run) {
    try {
        await writeOutputs(run);
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(outputsWarning(error));
    }
}
/** Why the outputs are missing: GITHUB_OUTPUT could not be written (the run goes on to its summary and error). */
function outputsWarning(error) {
    return `Could not write the step's outputs to GITHUB_OUTPUT (${process.env.GITHUB_OUTPUT ?? 'unset'}): ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}. The deployment is not affected; later steps will not see its outputs.`;
}
async function writeOutputs(run) {
    const each = (value) => run.services.map((s) => value(s) ?? '').join(',');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('status', run.status);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('duration-seconds', String(run.durationSeconds));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('deployment-id', each((s) => s.deploymentId));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('task-definition-arn', each((s) => s.taskDefinitionArn));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('task-definition-revision', each((s) => s.taskDefinitionArn?.split(':').pop()));
    if (run.environmentUrl)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('environment-url', run.environmentUrl);
    const runTasks = run.services.flatMap((s) => s.runTaskArns ?? []);
    if (runTasks.length)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('run-task-arn', runTasks.join(','));
    const changes = run.services.flatMap((s) => (s.changes ?? []).map((c) => (run.services.length > 1 ? `${s.service}: ${c}` : c)));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('diff', changes.join('\n'));
    if (run.image)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('image', run.image);
    const built = run.builtImage;
    if (built) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('image-digest', built.digest);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('image-tags', built.tags.join(','));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('build-seconds', String(built.buildSeconds));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('push-seconds', String(built.pushSeconds));
    }
    if (run.promotedFrom) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('promoted-from', run.promotedFrom);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('promoted-images', (await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_2__/* .promotedImageLines */ .PR)(run)).join('\n'));
    }
}
async function writeSummary(run) {
    try {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderSummary */ .Br)(run), true).write();
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not write the job summary: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
    }
}


/***/ })

};

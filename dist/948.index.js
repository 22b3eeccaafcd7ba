export const id = 948;
export const ids = [948];
export const modules = {

/***/ 8948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAIN_OUTPUTS: () => (/* binding */ MAIN_OUTPUTS),
/* harmony export */   outputValues: () => (/* binding */ outputValues),
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
/** The outputs a later step most often reads; every other value is a member of the `result` JSON output. */
const MAIN_OUTPUTS = ['status', 'image', 'task-definition-arn', 'deployment-id', 'environment-url'];
async function writeOutputs(run) {
    const values = await outputValues(run);
    for (const name of MAIN_OUTPUTS) {
        const value = values[name];
        if (value !== undefined)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('result', JSON.stringify(values));
}
/** Every output value of a run, by the name it had as an output of its own (read as `fromJSON(…result)['name']`). */
async function outputValues(run) {
    const each = (value) => run.services.map((s) => value(s) ?? '').join(',');
    const runTasks = run.services.flatMap((s) => s.runTaskArns ?? []);
    const changes = run.services.flatMap((s) => (s.changes ?? []).map((c) => (run.services.length > 1 ? `${s.service}: ${c}` : c)));
    const built = run.builtImage;
    return {
        status: run.status,
        'duration-seconds': String(run.durationSeconds),
        'deployment-id': each((s) => s.deploymentId),
        'task-definition-arn': each((s) => s.taskDefinitionArn),
        'task-definition-revision': each((s) => s.taskDefinitionArn?.split(':').pop()),
        ...(run.environmentUrl && { 'environment-url': run.environmentUrl }),
        ...(runTasks.length && { 'run-task-arn': runTasks.join(',') }),
        diff: changes.join('\n'),
        // mode: drift: whether any service differs from the repository's files.
        ...(run.services.some((s) => s.drift) && { drift: String(run.services.some((s) => s.drift?.length)) }),
        ...(run.image && { image: run.image }),
        ...(built && {
            'image-digest': built.digest,
            'image-tags': built.tags.join(','),
            'build-seconds': String(built.buildSeconds),
            'push-seconds': String(built.pushSeconds),
        }),
        ...(run.promotedFrom && {
            'promoted-from': run.promotedFrom,
            'promoted-images': (await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_2__/* .promotedImageLines */ .PR)(run)).join('\n'),
        }),
    };
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

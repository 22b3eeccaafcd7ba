export const id = 330;
export const ids = [330];
export const modules = {

/***/ 5330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderPlanSummary: () => (/* binding */ renderPlanSummary)
/* harmony export */ });
/* harmony import */ var _report_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5655);

/** The plan step's job summary: each environment, whether this ref deploys it (and where), and why. */
function renderPlanSummary(plan) {
    const where = (environment) => plan.matrix.include
        .filter((e) => e.environment === environment)
        .map((e) => e.region ?? 'the job’s region')
        .join(', ');
    // Names and regions are checked by the config's validator; the reason holds the ref, outside text.
    const rows = plan.verdicts.map((v) => `| ${v.environment} | ${v.deploys ? `✅ ${where(v.environment)}` : '⏭️ no'} | ${(0,_report_text_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryText */ .g5)(v.reason)} |`);
    return [
        '### Deploy plan',
        '',
        plan.environments.length
            ? `This run deploys ${plan.environments.map(_report_text_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryText */ .g5).join(', ')}.`
            : 'This run deploys nothing: no environment takes this ref.',
        '',
        '| Environment | Deploys | Why |',
        '| --- | --- | --- |',
        ...rows,
        '',
    ].join('\n');
}


/***/ })

};

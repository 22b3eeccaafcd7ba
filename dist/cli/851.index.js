export const id = 851;
export const ids = [851];
export const modules = {

/***/ 5851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   serviceCommand: () => (/* binding */ serviceCommand)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _engine_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2592);
/* harmony import */ var _command_context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2681);
// `status` and `rollback`: a service read (and rolled back) through the engine, which makes the AWS clients.



async function serviceCommand(args, io, log, out) {
    const region = (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveRegion */ .Zv)(args.inputs.region || undefined, io.env);
    const service = args.inputs.service;
    if (!service)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${args.command} needs --service.`);
    if (args.offline)
        throw (0,_command_context_js__WEBPACK_IMPORTED_MODULE_2__/* .offlineError */ ._P)(args.command);
    const request = {
        cluster: args.inputs.cluster ?? 'default',
        service,
        region,
        timeoutMs: Number(args.inputs['timeout-minutes'] ?? 30) * 60_000,
    };
    const ports = {
        clock: io.clock ?? _engine_index_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .ml,
        ...(io.signal && { signal: io.signal }),
        ...(io.deadline && { deadline: io.deadline }),
        log: (line) => log.info(line),
    };
    if (args.command === 'status') {
        const status = await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceStatus */ .E6)(request, ports);
        out(args.json ? `${JSON.stringify(status.data, null, 2)}\n` : `${status.lines.join('\n')}\n`);
        return 0;
    }
    const result = await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_1__/* .rollbackService */ .e)({ ...request, ...(args.to !== undefined && { to: args.to }) }, ports);
    if (args.json)
        out(`${JSON.stringify({ status: result.outcome, reason: result.reason }, null, 2)}\n`);
    else
        log.info(`${result.outcome}: ${result.reason}`);
    return result.outcome === 'succeeded' ? 0 : 1;
}


/***/ })

};

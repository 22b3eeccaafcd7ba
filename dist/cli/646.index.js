export const id = 646;
export const ids = [646];
export const modules = {

/***/ 7646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   initCommand: () => (/* binding */ initCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1922);
/* harmony import */ var _engine_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2592);
// `init`: a running service's task definition, service definition and a config file naming it, written to the
// workspace (ecspresso's `init`), so the next deploy starts from files that say what runs now.




const exists = (file) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file).then(() => true, () => false);
async function initCommand(args, io, log, out) {
    const service = args.inputs.service;
    if (!service)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('init needs --service, the running ECS service to read (and --cluster, its cluster).');
    if (/[,\n]/.test(service))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('init reads one service: give --service once, with one name (run init again for another).');
    const cluster = args.inputs.cluster ?? 'default';
    const environment = args.inputs.environment ?? 'production';
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(environment))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--environment must be a name of letters, digits, - and _, not ${JSON.stringify(environment)}.`);
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd ?? process.cwd(), args.dir ?? '.');
    const region = (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveRegion */ .Zv)(args.inputs.region || undefined, io.env);
    const files = await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_3__/* .serviceFiles */ .BD)({ cluster, service, region, timeoutMs: 5 * 60_000, environment, regionGiven: !!args.inputs.region }, {
        clock: io.clock ?? _engine_index_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .ml,
        ...(io.signal && { signal: io.signal }),
        ...(io.deadline && { deadline: io.deadline }),
        log: (line) => log.info(line),
    });
    const there = [];
    for (const file of files)
        if (await exists(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, file.path)))
            there.push(file.path);
    if (there.length && !args.force)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`init writes no file when one exists: ${there.join(', ')} in ${dir}. Give --force to overwrite them.`);
    for (const file of files) {
        const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, file.path);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(full), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(full, file.text);
        log.info(`wrote ${file.path}${there.includes(file.path) ? ' (overwritten)' : ''}`);
    }
    if (args.json)
        out(`${JSON.stringify({ dir, written: files.map((f) => f.path) }, null, 2)}\n`);
    log.info(`Deploy with: ecs-deploy-action deploy --environment ${environment} (or the action with \`environment: ${environment}\`).`);
    return 0;
}


/***/ })

};

export const id = 36;
export const ids = [36];
export const modules = {

/***/ 8715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ yamlData),
/* harmony export */   n: () => (/* binding */ lineOfKey)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);


/** How many times aliases may expand, in all: far above any real file, far below a "billion laughs". */
const MAX_ALIAS_COUNT = 100;
/**
 * The data of a parsed YAML document. A document whose aliases expand past MAX_ALIAS_COUNT is refused, naming
 * `source` and the line of its first alias, instead of the yaml package's bare "Excessive alias count".
 */
function yamlData(doc, source, text) {
    try {
        return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (error) {
        if (!(error instanceof ReferenceError) || !/alias/i.test(error.message))
            throw error;
        let offset = 0;
        (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
            Alias(_, node) {
                offset = node.range?.[0] ?? 0;
                return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
            },
        });
        const line = text.slice(0, offset).split('\n').length;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${source}:${line}: its YAML aliases expand more than ${MAX_ALIAS_COUNT} times (the first alias is on this line); ` +
            'refused, as such a file can exhaust memory. Write the values out, or use fewer aliases.');
    }
}
/** The line of a key path: the key's own line for a mapping entry, the item's line in a list. */
function lineOfKey(doc, lines, keyPath) {
    if (!keyPath.length)
        return undefined;
    const last = keyPath[keyPath.length - 1];
    const parent = keyPath.length > 1 ? doc.getIn(keyPath.slice(0, -1), true) : doc.contents;
    let node;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(parent))
        node = parent.items.find((pair) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && String(pair.key.value) === String(last))?.key;
    else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(parent) && typeof last === 'number')
        node = parent.items[last];
    else
        node = parent;
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line;
}


/***/ }),

/***/ 1036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseConfig: () => (/* binding */ parseConfig)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _common_yaml_data_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8715);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4968);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4464);




/** Parses and validates the text of a config file; problems name `file` and their line. */
function parseConfig(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length) {
        throw new _problems_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(file, doc.errors.map((error) => ({
            path: '',
            line: lineCounter.linePos(error.pos[0]).line,
            message: `not valid YAML: ${error.message.split('\n')[0]}`,
        })));
    }
    return (0,_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .validateConfig */ .$r)((0,_common_yaml_data_js__WEBPACK_IMPORTED_MODULE_1__/* .yamlData */ .O)(doc, file, text), file, (keyPath) => (0,_common_yaml_data_js__WEBPACK_IMPORTED_MODULE_1__/* .lineOfKey */ .n)(doc, lineCounter, keyPath));
}


/***/ })

};

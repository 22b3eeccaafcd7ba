export const id = 592;
export const ids = [592];
export const modules = {

/***/ 7647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ parseChecks),
/* harmony export */   UI: () => (/* binding */ analysisSettings),
/* harmony export */   uB: () => (/* binding */ INCONCLUSIVE_CHOICES)
/* harmony export */ });
/* unused harmony exports ANALYSIS_DEFAULTS, EXPRESSION_IDS, parseCheck */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
// What the canary analysis checks, as the user writes it: `5xx-rate < 1%, p99 < +20%, Sum(MyApp/Errors) < 5`. A leaf
// (imports nothing of src/ but the error class), so the settings and the config validator read it alike.

const INCONCLUSIVE_CHOICES = ['wait', 'continue', 'rollback'];
const ANALYSIS_DEFAULTS = { intervalSeconds: 60, minRequests: 100, inconclusive: 'wait' };
/** The analysis as configured, its defaults filled in. */
function analysisSettings(given) {
    return { ...ANALYSIS_DEFAULTS, ...given };
}
/** The ids metric math may use: the target group's figures, read for the same revision. */
const EXPRESSION_IDS = ['requests', 'errors', 'latency'];
const SYNTAX = 'write a check as METRIC OP LIMIT: `5xx-rate < 1%`, `p99 < 300ms`, `p99 < +20%` (relative to the old revision), `healthy-hosts >= 2`, `Sum(MyApp/Errors) < 5`, `expr(100 * errors / requests) < 2`';
/** The checks of a list written compactly: separated by commas or new lines (not inside parentheses). */
function parseChecks(text) {
    const checks = splitChecks(text).map(parseCheck);
    if (!checks.length)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`names no check; ${SYNTAX}`);
    const names = new Set();
    for (const { name } of checks) {
        if (names.has(name))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`\`${name}\` is given twice`);
        names.add(name);
    }
    return checks;
}
function splitChecks(text) {
    const parts = [];
    let depth = 0;
    let current = '';
    for (const char of text) {
        if (char === '(')
            depth++;
        if (char === ')')
            depth = Math.max(0, depth - 1);
        if (depth === 0 && (char === ',' || char === '\n')) {
            parts.push(current);
            current = '';
        }
        else
            current += char;
    }
    parts.push(current);
    return parts.map((p) => p.trim()).filter(Boolean);
}
const CHECK = /^(.+?)\s*(<=|>=|<|>)\s*([+-]?\d+(?:\.\d+)?)\s*(%|ms|s)?$/;
const PERCENTILE = /^p(\d{1,2}(?:\.\d+)?)$/i;
/** `Stat(Namespace/MetricName)` or `Stat(Namespace/MetricName{Name=value, …})`: the last `/` ends the namespace. */
const METRIC = /^([A-Za-z][A-Za-z0-9]*|p\d{1,2}(?:\.\d+)?)\(([^(){}]+?\/[^/(){}]+?)(\{.*\})?\)$/;
const EXPRESSION = /^expr\((.+)\)$/;
const STATISTICS = ['Sum', 'Average', 'Minimum', 'Maximum', 'SampleCount'];
/** One check; a UserError naming it when it cannot be read. */
function parseCheck(written) {
    const match = CHECK.exec(written.trim());
    if (!match)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`\`${written}\` is not a check; ${SYNTAX}`);
    const [, what = '', comparison = '<', number = '', suffix = ''] = match;
    const measure = measureOf(what.trim(), written);
    const relative = /^[+-]/.test(number);
    if (relative && suffix !== '%')
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`\`${written}\`: a relative limit is a percentage of the old revision's value, like +20%`);
    const unit = measure.kind === '5xx-rate' ? '%' : measure.kind === 'percentile' ? 'ms' : '';
    if (!relative && suffix === '%' && measure.kind !== '5xx-rate')
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`\`${written}\`: only 5xx-rate is a percentage; write +N% for a limit relative to the old revision`);
    if ((suffix === 'ms' || suffix === 's') && measure.kind !== 'percentile')
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`\`${written}\`: ms and s are for response times (p95, p99)`);
    const value = Number(number);
    const limit = relative
        ? { relative: true, change: value / 100 }
        : // Response times are kept in seconds, as CloudWatch gives TargetResponseTime; a bare number is seconds too.
            { relative: false, value: suffix === 'ms' ? value / 1000 : value };
    return { name: written.trim().replace(/\s+/g, ' '), measure, comparison: comparison, limit, unit };
}
function measureOf(what, written) {
    if (/^5xx-rate$/i.test(what))
        return { kind: '5xx-rate' };
    if (/^healthy-hosts$/i.test(what))
        return { kind: 'healthy-hosts' };
    const percentile = PERCENTILE.exec(what);
    if (percentile)
        return { kind: 'percentile', percentile: Number(percentile[1]) };
    const expression = EXPRESSION.exec(what);
    if (expression) {
        const body = (expression[1] ?? '').trim();
        const ids = [...body.matchAll(/\b[a-z][A-Za-z0-9_]*\b/g)].map((m) => m[0]);
        const known = (id) => EXPRESSION_IDS.includes(id);
        if (!ids.length || !ids.every(known))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`\`${written}\`: an expression uses the target group's ${EXPRESSION_IDS.join(', ')} (e.g. \`expr(100 * errors / requests)\`)`);
        return { kind: 'expression', expression: body };
    }
    const metric = METRIC.exec(what);
    if (metric) {
        const [, stat = '', path = '', dims] = metric;
        const slash = path.lastIndexOf('/');
        const [namespace, name] = [path.slice(0, slash), path.slice(slash + 1)];
        const known = STATISTICS.find((s) => s.toLowerCase() === stat.toLowerCase());
        if (!known && !PERCENTILE.test(stat))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`\`${written}\`: ${stat} is not a statistic; use ${STATISTICS.join(', ')} or pNN`);
        return {
            kind: 'metric',
            namespace: namespace.trim(),
            metric: name.trim(),
            stat: known ?? stat.toLowerCase(),
            dimensions: dimensionsOf(dims?.slice(1, -1), written),
        };
    }
    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`\`${written}\`: ${JSON.stringify(what)} is not a metric; ${SYNTAX}`);
}
/** `{Name=value, …}`: a metric's own dimensions; ${CLUSTER}, ${SERVICE}, ${TARGET_GROUP}, ${LOAD_BALANCER} are filled in. */
function dimensionsOf(text, written) {
    const dimensions = {};
    for (const pair of (text ?? '')
        .split(/[,;]/)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const equals = pair.indexOf('=');
        if (equals < 1)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`\`${written}\`: write a dimension as Name=value`);
        dimensions[pair.slice(0, equals).trim()] = pair.slice(equals + 1).trim();
    }
    return dimensions;
}


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ resolveRegion)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
// The run's AWS region, from the input or the standard variables: a leaf, so planning a run does not load the AWS SDK.

/** Returns the region from the input or the standard variables, or throws saying how to set one. */
function resolveRegion(input, env = process.env) {
    const region = input || env.AWS_REGION || env.AWS_DEFAULT_REGION;
    if (!region) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('No AWS region: set the `region` input, or AWS_REGION (aws-actions/configure-aws-credentials sets it).');
    }
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`region "${region}" is not an AWS region name (like us-east-1).`);
    }
    return region;
}


/***/ }),

/***/ 7796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cf: () => (/* binding */ pricesFor),
/* harmony export */   Vc: () => (/* binding */ priceProblem),
/* harmony export */   ll: () => (/* binding */ PRICE_KEYS)
/* harmony export */ });
/* unused harmony exports PRICES_DATE, PRICES_SOURCE, PRICE_TABLE */
// The prices the capacity preview's estimate uses: a small table shipped with the action, dated, and the config key
// `capacity-prices` that overrides it (inline values, or a JSON/YAML file inside the workspace holding the same keys).
//
// Source: AWS Fargate pricing, https://aws.amazon.com/fargate/pricing/ (on demand, Linux/X86 and Linux/ARM, US East
// (N. Virginia)), read 2026-12-07; the x86 vCPU rate matches the example on https://aws.amazon.com/ecs/pricing/
// ($0.000011244 per vCPU-second). Fargate Spot has no fixed price: AWS publishes the current one and promises "up to a
// 70% discount off the regular Fargate price"; the table takes those 70 % off the on-demand rates, so a Spot estimate
// is the lowest it can be. Other regions get capacity figures only, unless `capacity-prices` gives their rates.
const PRICES_DATE = '2026-12-07';
const PRICES_SOURCE = 'https://aws.amazon.com/fargate/pricing/';
/** The config key's name of each rate (USD per hour of one vCPU, or of one GB of memory), Linux. */
const PRICE_KEYS = [
    'fargate-vcpu-hour',
    'fargate-gb-hour',
    'fargate-arm-vcpu-hour',
    'fargate-arm-gb-hour',
    'spot-vcpu-hour',
    'spot-gb-hour',
    'spot-arm-vcpu-hour',
    'spot-arm-gb-hour',
];
const SPOT_SHARE = 0.3;
const spot = (rate) => Math.round(rate * SPOT_SHARE * 1e8) / 1e8;
function region(x86, arm) {
    return {
        'fargate-vcpu-hour': x86[0],
        'fargate-gb-hour': x86[1],
        'fargate-arm-vcpu-hour': arm[0],
        'fargate-arm-gb-hour': arm[1],
        'spot-vcpu-hour': spot(x86[0]),
        'spot-gb-hour': spot(x86[1]),
        'spot-arm-vcpu-hour': spot(arm[0]),
        'spot-arm-gb-hour': spot(arm[1]),
    };
}
/** The shipped table, by region. */
const PRICE_TABLE = {
    'us-east-1': region([0.04048, 0.004445], [0.03238, 0.00356]),
};
/** The problem with one key of a `capacity-prices` mapping (undefined: it is a price). */
function priceProblem(key, value) {
    if (!PRICE_KEYS.includes(key))
        return `is not a price; the keys are ${PRICE_KEYS.join(', ')} (USD per hour)`;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? undefined
        : `must be a price in USD per hour (a number ≥ 0), not ${JSON.stringify(value)}`;
}
/** The region's rates: the table's, with the overrides over them. */
function pricesFor(regionName, overrides, from) {
    const table = PRICE_TABLE[regionName] ?? {};
    const shipped = `AWS's published Fargate prices for ${regionName} (${PRICES_SOURCE}, read ${PRICES_DATE}; Spot at AWS's 70 % off)`;
    const given = Object.keys(overrides ?? {}).length > 0;
    const source = !given
        ? PRICE_TABLE[regionName]
            ? shipped
            : `none: the action's table has no prices for ${regionName}; give them with the config key capacity-prices`
        : `capacity-prices${from ? ` (${from})` : ''}${PRICE_TABLE[regionName] ? `, over ${shipped}` : ''}`;
    return { prices: { ...table, ...overrides }, source };
}


/***/ }),

/***/ 7657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FQ: () => (/* binding */ ProblemsError),
/* harmony export */   WO: () => (/* binding */ problemEntry),
/* harmony export */   fl: () => (/* binding */ describedValue)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
// What every validator (config, task definition, AppSpec) reports: its problems, one error listing them all, found values.

// A word like canary or ENABLED (letters, dashes, colons: AWS::ECS::Service), or a number: safe to quote back. Anything else may be a secret.
const ENUM_LIKE = /^[A-Za-z][A-Za-z:_-]{0,39}$/;
const NUMBER_LIKE = /^-?\d{1,12}(\.\d{1,6})?$/;
/**
 * What a value is, for a message, never echoing what could be a secret: a number or a boolean as written
 * (`the number 8080`), a string only when it is an enum-like word or a number (`the string "canry"`), its kind otherwise.
 */
function describedValue(value) {
    if (value === null || value === undefined)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'number' || typeof value === 'boolean')
        return `the ${typeof value} ${String(value)}`;
    if (typeof value !== 'string')
        return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
    if (value.trim() === '')
        return 'an empty string';
    return ENUM_LIKE.test(value) || NUMBER_LIKE.test(value) ? `the string ${JSON.stringify(value)}` : 'a string';
}
/** `line 3, environments.dev.clustr: unknown key; did you mean cluster?` */
function problemEntry(problem) {
    const line = problem.line === undefined ? '' : `line ${problem.line}, `;
    return `${line}${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}
/**
 * Everything wrong with one source, so the user can fix it all in one go: the source named once, a problem a line.
 * When the source is a file (`file`, as the user gave it), each problem with a line is also one of its locations.
 */
class ProblemsError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    source;
    problems;
    constructor(source, problems, hint, file) {
        const tail = hint ? `\n${hint}` : '';
        const [only] = problems;
        const list = problems.map((problem) => `  - ${problemEntry(problem)}`).join('\n');
        super(problems.length === 1 && only
            ? `${source}, ${problemEntry(only)}${tail}`
            : `${source} has ${problems.length} problems:\n${list}${tail}`, { locations: file === undefined ? [] : problemLocations(file, source, problems) });
        this.source = source;
        this.problems = problems;
    }
}
function problemLocations(file, source, problems) {
    return problems.flatMap(({ line, column, path, message }) => line === undefined
        ? []
        : [
            {
                file,
                line,
                ...(column !== undefined && { column }),
                message: `${source}, ${path ? `${path}: ` : ''}${message}`,
            },
        ]);
}


/***/ }),

/***/ 3261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ settingName)
/* harmony export */ });
// How a message names a setting: a config-file key (a dotted path, or an environment's own key) or an input.
const ENVIRONMENT_KEYS = new Set(['artifacts-dir', 'capacity-prices']);
/** `Config key \`verify.url\`` or `Input \`run-task\``. */
function settingName(name) {
    return name.includes('.') || ENVIRONMENT_KEYS.has(name) ? `Config key \`${name}\`` : `Input \`${name}\``;
}


/***/ }),

/***/ 7682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ insideWorkspace)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1922);
/* harmony import */ var _setting_name_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3261);




/** The real path of `target`, or of its deepest existing ancestor joined with the rest (a directory yet to be made). */
async function realPathSoFar(target) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(target);
    }
    catch (error) {
        const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target);
        if (error.code !== 'ENOENT' || parent === target)
            return target;
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(await realPathSoFar(parent), node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(target));
    }
}
function isInside(root, target) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, target);
    return relative !== '..' && !relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative);
}
/**
 * The absolute path of input `input`'s `value`, relative to the workspace, once it is known to stay inside the
 * workspace after following symlinks. A job's workspace is what the workflow checked out; a path out of it (`../`,
 * absolute, or a symlink) would read the runner's files into a task definition, or write artifacts elsewhere.
 */
async function insideWorkspace(input, value, workspace) {
    const root = await realPathSoFar(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace));
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, value);
    const real = await realPathSoFar(resolved);
    const lexicallyInside = isInside(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace), resolved);
    if (lexicallyInside && isInside(root, real))
        return resolved;
    const via = lexicallyInside ? ` (through a symlink, to ${real})` : '';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${(0,_setting_name_js__WEBPACK_IMPORTED_MODULE_3__/* .settingName */ .Q)(input)} must name a path inside the workspace (${workspace}); ${value} leads outside it${via}.`);
}


/***/ }),

/***/ 7840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Milliseconds in a duration written `30m`, `12h` or `7d`; undefined when it is not written so. */
function parseDuration(text) {
    const match = /^(\d+)\s*([mhd])$/.exec(text.trim());
    if (!match?.[1] || !match[2])
        return undefined;
    const ms = Number(match[1]) * UNIT_MS[match[2]];
    return ms > 0 ? ms : undefined;
}
/** `3d 4h` style: the largest two units of an elapsed time, for reasons people read. */
function formatDuration(ms) {
    const minutes = Math.floor(ms / 60_000);
    const parts = [
        [Math.floor(minutes / 1440), 'd'],
        [Math.floor(minutes / 60) % 24, 'h'],
        [minutes % 60, 'm'],
    ];
    const first = parts.findIndex(([n]) => n > 0);
    if (first === -1)
        return '0m';
    return parts
        .slice(first, first + 2)
        .filter(([n]) => n > 0)
        .map(([n, unit]) => `${n}${unit}`)
        .join(' ');
}


/***/ }),

/***/ 3334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AL: () => (/* binding */ patternProblem),
/* harmony export */   Yn: () => (/* binding */ matchingPattern)
/* harmony export */ });
/* unused harmony export globToRegExp */
/**
 * Branch and tag patterns, in GitHub's filter pattern syntax (workflow `on.push.branches`/`tags`): `*` matches
 * any characters but `/`, `**` any characters (before a `/`, also none), `?` zero or one and `+` one or more of the
 * preceding character, `[a-z0-9]` one letter or digit listed or in a range, `\` escapes; a leading `!` excludes
 * what earlier patterns included, and a later pattern overrides an earlier one.
 */
/** What a `[ ]` may hold: letters and digits, and ranges within a-z, A-Z or 0-9. */
const SET = /^(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9]|[a-zA-Z0-9])+$/;
function escapeRegExp(c) {
    return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
function setProblem(set) {
    if (set === '')
        return 'has an empty [ ]';
    const reversed = set.match(/(.)-(.)/g)?.find((range) => range.charCodeAt(0) > range.charCodeAt(2));
    if (!SET.test(set) || reversed) {
        return `has [${set}], but a [ ] holds only letters, digits and ranges of them (a-z, A-Z, 0-9), and cannot exclude characters`;
    }
    return undefined;
}
function translate(body) {
    let source = '';
    // Whether the last piece is one character (a literal, an escaped character or a [set]) that ? and + repeat.
    let repeatable = false;
    for (let i = 0; i < body.length; i++) {
        const c = body.charAt(i);
        if (c === '*') {
            const double = body.charAt(i + 1) === '*';
            // `**/` may also match no directory at all, as `**/README.md` matches README.md.
            const slash = double && body.charAt(i + 2) === '/';
            source += slash ? '(?:.+/)?' : double ? '.*' : '[^/]*';
            i += slash ? 2 : double ? 1 : 0;
            repeatable = false;
        }
        else if (c === '?' || c === '+') {
            if (!repeatable) {
                const meaning = c === '?' ? 'zero or one' : 'one or more';
                return {
                    problem: `has a ${c} with no character before it to repeat (${c} means ${meaning} of the preceding character); write \\${c} for a ${c} itself`,
                };
            }
            source += c;
            repeatable = false;
        }
        else if (c === '[') {
            const end = body.indexOf(']', i + 1);
            if (end < 0)
                return { problem: 'has a [ without its closing ]' };
            const set = body.slice(i + 1, end);
            const problem = setProblem(set);
            if (problem)
                return { problem };
            source += `[${set}]`;
            i = end;
            repeatable = true;
        }
        else if (c === '\\') {
            if (i + 1 === body.length)
                return { problem: 'ends with a \\ that escapes nothing' };
            source += escapeRegExp(body.charAt(++i));
            repeatable = true;
        }
        else {
            source += escapeRegExp(c);
            repeatable = true;
        }
    }
    return { source };
}
function patternBody(pattern) {
    return pattern.startsWith('!') ? { exclude: true, body: pattern.slice(1) } : { exclude: false, body: pattern };
}
/** Why a pattern cannot be used, or undefined when it can. */
function patternProblem(pattern) {
    const { body } = patternBody(pattern);
    if (body === '')
        return 'is empty';
    return translate(body).problem;
}
/** The regular expression a pattern (without its leading `!`) stands for; throws on a pattern patternProblem rejects. */
function globToRegExp(pattern) {
    const translation = translate(pattern);
    if (translation.problem !== undefined)
        throw new Error(`Pattern ${JSON.stringify(pattern)} ${translation.problem}`);
    return new RegExp(`^${translation.source}$`);
}
/** The pattern that includes `name` (later patterns win; `!pattern` excludes), or undefined when none does. */
function matchingPattern(name, patterns) {
    let decided;
    for (const pattern of patterns) {
        const { exclude, body } = patternBody(pattern);
        if (globToRegExp(body).test(name))
            decided = exclude ? undefined : pattern;
    }
    return decided;
}


/***/ }),

/***/ 1085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cu: () => (/* reexport */ types/* DEFAULT_CONFIG_FILE */.Cu),
  Z9: () => (/* reexport */ loadConfig),
  aI: () => (/* reexport */ planEnvironments),
  g9: () => (/* reexport */ resolveEnvironment)
});

// UNUSED EXPORTS: ConfigError, PREVIEW_DEFAULTS, STRATEGIES, formatDuration, matchingPattern, orderingOf, parseDuration, validateConfig

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/workspace-path.ts
var workspace_path = __webpack_require__(7682);
;// CONCATENATED MODULE: ./src/config/read.ts
// Reads the config file. The YAML parser (load.ts) is loaded only when there is a file to parse.



/**
 * Reads the config file `file` (relative to the workspace). A missing file is no config, unless the user
 * named it (`required`), which is then a mistake to report.
 */
async function loadConfig(file, options) {
    const absolute = await (0,workspace_path/* insideWorkspace */.C)('config', file, options.workspace);
    let text;
    try {
        text = await (0,promises_.readFile)(absolute, 'utf8');
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw error;
        if (!options.required)
            return undefined;
        throw new errors/* UserError */.yo(`Config file ${file} was not found (looked for ${absolute}): check the \`config\` input, and that actions/checkout runs before this step.`);
    }
    const { parseConfig } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(36)]).then(__webpack_require__.bind(__webpack_require__, 1036));
    return parseConfig(text, file);
}

// EXTERNAL MODULE: ./src/config/schema.ts + 2 modules
var schema = __webpack_require__(4464);
// EXTERNAL MODULE: ./src/config/glob.ts
var glob = __webpack_require__(3334);
// EXTERNAL MODULE: ./src/common/suggest.ts
var suggest = __webpack_require__(8687);
;// CONCATENATED MODULE: ./src/config/resolve.ts



const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
function isPullRequestEvent(event) {
    return PULL_REQUEST_EVENTS.includes(event.name);
}
/**
 * Chooses the environment of a run, and says why.
 *
 * | event                          | result                                                                      |
 * | ------------------------------ | --------------------------------------------------------------------------- |
 * | pull_request + `preview`       | the pull request's own preview `pr-<N>`, a copy of `previews.base`          |
 * | pull_request without `preview` | skipped: pull requests deploy only as previews                              |
 * | workflow_dispatch + input      | the named environment, whatever the ref (a person chose it); a `protected`  |
 * |                                | one only for a ref its branches/tags take, else UserError                   |
 * | other event + input (matrix)   | the named environment, not chosen again (the plan step gave each job its    |
 * |                                | entry), if the ref is one it takes; else skipped                            |
 * | other event, no input          | the one environment whose branches/tags match the ref; none → skipped;      |
 * |                                | several → UserError naming them                                             |
 *
 * An unknown ref (empty: the CLI found no branch or tag) is a UserError wherever the ref would choose.
 */
function resolveEnvironment(config, event, selection = {}) {
    if (isPullRequestEvent(event))
        return resolvePullRequest(config, event, selection);
    if (selection.environment !== undefined)
        return resolveNamed(config, event, selection.environment);
    const ref = knownRef(config, event);
    const matches = config.environments.flatMap((environment) => {
        const match = refMatch(environment, ref);
        return match ? [{ environment, match }] : [];
    });
    if (matches.length > 1) {
        const names = matches.map(({ environment, match }) => `${environment.name} (${match})`);
        throw new errors/* UserError */.yo(`ref ${event.ref} matches more than one environment in ${config.file}: ${listing(names)}. Give each ref one environment, or plan first (\`mode: plan\`) and deploy each entry of its matrix in its own job, which names it in the \`environment\` input.`);
    }
    const [found] = matches;
    if (!found)
        return { skipped: true, reason: `ref ${event.ref} matches no environment's branches or tags in ${config.file}` };
    return {
        skipped: false,
        environment: found.environment,
        reason: `ref ${event.ref} matches ${found.environment.name}'s ${found.match}`,
    };
}
function resolveNamed(config, event, name) {
    const names = config.environments.map((e) => e.name);
    const environment = config.environments.find((e) => e.name === name);
    if (!environment) {
        const hint = (0,suggest/* suggestion */.h)(name, names);
        throw new errors/* UserError */.yo(`Input \`environment\` "${name}" is not an environment in ${config.file}${hint}${hint.endsWith('?') ? '' : '.'}`);
    }
    const chosen = `the environment input names ${name}`;
    if (event.name === 'workflow_dispatch') {
        // A person may deploy any ref to an environment they choose, but not to a protected one.
        const match = environment.protected ? refMatch(environment, knownRef(config, event)) : undefined;
        if (environment.protected && !match)
            throw new errors/* UserError */.yo(`Environment ${name} in ${config.file} is protected: only a ref its ${patternsOf(environment) || 'branches or tags (it has none)'} take deploys there, and workflow_dispatch ran on ${event.ref}. Run the workflow on such a ref, or remove \`protected: true\`.`);
        return {
            skipped: false,
            environment,
            reason: `${chosen}, chosen by workflow_dispatch on ${event.ref}${match ? `, which matches its ${match}` : ''}`,
        };
    }
    // The input is the plan's matrix entry (or a person's choice): it is not chosen among the environments again, but the
    // ref must still be one the environment takes, so a hand-written matrix of every environment cannot deploy prod from
    // develop.
    if (!environment.branches.length && !environment.tags.length)
        return { skipped: false, environment, reason: `${chosen}, which has no branches or tags` };
    const match = refMatch(environment, knownRef(config, event));
    if (match)
        return { skipped: false, environment, reason: `${chosen}, and ref ${event.ref} matches its ${match}` };
    return {
        skipped: true,
        reason: `${chosen}, but ref ${event.ref} matches none of its ${patternsOf(environment)}; plan first (mode: plan) so the matrix holds only the environments this ref deploys`,
    };
}
/** `branches (main) or tags (v*)`, the patterns an environment takes, for messages. */
function patternsOf(environment) {
    const patterns = [
        environment.branches.length ? `branches (${environment.branches.join(', ')})` : '',
        environment.tags.length ? `tags (${environment.tags.join(', ')})` : '',
    ];
    return patterns.filter(Boolean).join(' or ');
}
function resolvePullRequest(config, event, selection) {
    const pr = event.pullRequest;
    if (!pr)
        return { skipped: true, reason: `the ${event.name} event has no pull request in its payload` };
    if (!selection.preview) {
        return {
            skipped: true,
            reason: `pull request #${pr.number}: pull_request events deploy only as previews; set the preview input to give each pull request its own environment`,
        };
    }
    const previews = config.previews;
    if (!previews) {
        throw new errors/* UserError */.yo(`Input \`preview\` needs a previews: section in ${config.file}: the base environment to copy, and the domain and listener-arn that route to each preview.`);
    }
    const base = config.environments.find((e) => e.name === previews.base);
    // A preview deploys the pull request's own image with a rolling update: no promotion, no strategy options.
    const { url: _url, strategy: _strategy, production: _production, promoteFrom: _promoteFrom, strategyOptions: _strategyOptions, ...copied } = base;
    const name = `pr-${pr.number}`;
    return {
        skipped: false,
        environment: {
            ...copied,
            name,
            branches: [],
            tags: [],
            services: previews.services,
            desiredCount: previews.desiredCount,
        },
        reason: `pull request #${pr.number} gets its own preview environment ${name}, copied from ${base.name}`,
        preview: { pr: pr.number, base: base.name, config: previews },
    };
}
/** The run's ref, when the environment is chosen by it; unknown (a CI that does not say it), the run stops and says how to name it. */
function knownRef(config, event) {
    if (event.ref !== '')
        return event.ref;
    throw new errors/* UserError */.yo(`The branch or tag of this run is unknown, and ${config.file} chooses the environment by it. Name it: with the CLI, --ref refs/heads/<branch> or --ref refs/tags/<tag>; in TeamCity, which does not export the branch by default, the parameter env.TEAMCITY_BUILD_BRANCH = %teamcity.build.branch% (a VCS root without a branch specification gives "<default>", which names no branch: add one, such as +:refs/heads/*, or pass --ref); in CircleCI, CIRCLE_BRANCH or CIRCLE_TAG; in GitHub Actions, GITHUB_REF.`);
}
/** `branch pattern release/*` or `tag pattern v*` when the ref is a branch or tag the environment takes. */
function refMatch(environment, ref) {
    const [, kind, name] = /^refs\/(heads|tags)\/(.+)$/.exec(ref) ?? [];
    if (!name)
        return undefined;
    const pattern = (0,glob/* matchingPattern */.Yn)(name, kind === 'heads' ? environment.branches : environment.tags);
    return pattern === undefined ? undefined : `${kind === 'heads' ? 'branch' : 'tag'} pattern ${pattern}`;
}
function listing(items) {
    return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
}

// EXTERNAL MODULE: ./src/config/problems.ts
var problems = __webpack_require__(4968);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(7840);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
;// CONCATENATED MODULE: ./src/config/matrix.ts




/** The environments this environment must come after (its `needs`, and the one it promotes from); the one place ordering hints are read. */
function orderingOf(environment) {
    const after = [
        ...(environment.needs ?? []),
        ...(environment.promoteFrom !== undefined ? [environment.promoteFrom] : []),
    ];
    return [...new Set(after)];
}
/**
 * The environments this run deploys and why, as a matrix: every environment whose branches or tags match the ref
 * (several may; each region its own entry), or the one the `environment` input names (a workflow_dispatch choice).
 * Pull requests deploy only as previews, so they plan nothing. Entries come after the environments they need.
 */
function planEnvironments(config, event, named) {
    const verdicts = config.environments.map((environment) => verdictOf(config, event, environment, named));
    if (named !== undefined && !config.environments.some((e) => e.name === named)) {
        const hint = (0,suggest/* suggestion */.h)(named, config.environments.map((e) => e.name));
        throw new errors/* UserError */.yo(`Input \`environment\` "${named}" is not an environment in ${config.file}${hint}${hint.endsWith('?') ? '' : '.'}`);
    }
    const chosen = new Set(verdicts.filter((v) => v.deploys).map((v) => v.environment));
    const ordered = inNeedsOrder(config.environments.filter((e) => chosen.has(e.name)));
    return {
        matrix: { include: ordered.flatMap(entriesOf) },
        environments: ordered.map((e) => e.name),
        verdicts,
    };
}
function verdictOf(config, event, environment, named) {
    const verdict = (deploys, reason) => ({
        environment: environment.name,
        deploys,
        reason,
    });
    if (named !== undefined) {
        return named === environment.name
            ? verdict(true, `the environment input names it (${event.name || 'run'} on ${event.ref || 'an unknown ref'})`)
            : verdict(false, `the environment input names ${named}`);
    }
    if (isPullRequestEvent(event)) {
        const pr = event.pullRequest ? `pull request #${event.pullRequest.number}: ` : '';
        return verdict(false, `${pr}pull requests deploy only as previews (the \`preview\` input)`);
    }
    if (!environment.branches.length && !environment.tags.length)
        return verdict(false, 'it has no branches or tags; deploy it by name (workflow_dispatch and the environment input)');
    const ref = knownRef(config, event);
    const match = refMatch(environment, ref);
    return match
        ? verdict(true, `ref ${ref} matches its ${match}`)
        : verdict(false, `ref ${ref} matches none of its ${patternsOf(environment)}`);
}
/** The entries of an environment: one per account (role) and region it lists, or one without either. */
function entriesOf(environment) {
    const regions = environment.regions ?? (environment.region !== undefined ? [environment.region] : [undefined]);
    const roles = environment.rolesToAssume ?? [undefined];
    return roles.flatMap((role) => regions.map((region) => ({
        environment: environment.name,
        cluster: environment.cluster ?? 'default',
        services: environment.services.join(','),
        ...(region !== undefined && { region }),
        ...(role !== undefined && { role }),
        ...(role !== undefined && roles.length > 1 && { account: (0,schema/* accountOf */.XP)(role) }),
        ...(environment.url !== undefined && { url: environment.url }),
        needs: orderingOf(environment),
    })));
}
/** The environments with each after those it needs (the config has no cycles), otherwise in file order. */
function inNeedsOrder(environments) {
    const ordered = [];
    const byName = new Map(environments.map((e) => [e.name, e]));
    const place = (environment, seen) => {
        if (ordered.includes(environment) || seen.has(environment.name))
            return;
        seen.add(environment.name);
        for (const need of orderingOf(environment)) {
            const needed = byName.get(need);
            if (needed)
                place(needed, seen);
        }
        ordered.push(environment);
    };
    for (const environment of environments)
        place(environment, new Set());
    return ordered;
}

;// CONCATENATED MODULE: ./src/config/index.ts
// The config module's public API: read the config file, choose the environment of a run.










/***/ }),

/***/ 4968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zw: () => (/* binding */ Problems),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony export displayPath */
/* harmony import */ var _common_problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7657);
/* harmony import */ var _common_suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8687);


/** Every problem of a config file at once, the file named once, so one run shows them all (and where, as data). */
class ConfigError extends _common_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .ProblemsError */ .FQ {
    constructor(file, problems, hint) {
        super(file, problems, hint, file);
    }
}
/** `environments.dev.services[1]`; keys that are not plain words are quoted. */
function displayPath(path) {
    return path
        .map((key, i) => {
        if (typeof key === 'number')
            return `[${key}]`;
        const word = /^[\w-]+$/.test(key) ? key : `"${key}"`;
        return i ? `.${word}` : word;
    })
        .join('');
}
/** Collects problems, each naming the file, its line when known, and the key path. */
class Problems {
    file;
    locate;
    found = [];
    constructor(file, locate = () => undefined) {
        this.file = file;
        this.locate = locate;
    }
    /** Records a problem at `path`, with its line when known, and returns undefined, so readers can `return p.add(…)`. */
    add(path, problem) {
        const line = this.locate(path);
        this.found.push({ path: displayPath(path), message: problem, ...(line !== undefined && { line }) });
        return undefined;
    }
    /** A mapping whose keys are all in `keys` (any key when `keys` is omitted). */
    mapping(path, value, keys) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            return this.add(path, `must be a mapping (key: value lines), not ${(0,_common_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .describedValue */ .fl)(value)}`);
        }
        const record = value;
        for (const key of Object.keys(record)) {
            if (keys && !keys.includes(key))
                this.add([...path, key], (0,_common_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .unknownKey */ .a)(key, keys));
        }
        return record;
    }
    /** A string (a number is taken as written); `format` checks its shape and says what was expected. */
    text(path, value, format) {
        if (typeof value === 'number')
            value = String(value);
        if (typeof value !== 'string' || value.trim() === '')
            return this.add(path, `must be a string, not ${(0,_common_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .describedValue */ .fl)(value)}`);
        if (format && !format.pattern.test(value))
            return this.add(path, `must be ${format.expected}, not ${(0,_common_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .describedValue */ .fl)(value)}`);
        return value;
    }
    /** A list of strings; one string stands for a list of one. */
    list(path, value, item) {
        const items = typeof value === 'string' ? [value] : value;
        if (!Array.isArray(items) || items.length === 0) {
            return this.add(path, `must be a list of strings (or one string), not ${Array.isArray(items) ? 'an empty list' : (0,_common_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .describedValue */ .fl)(value)}`);
        }
        const read = items.map((v, i) => item(typeof value === 'string' ? path : [...path, i], v));
        return read.every((v) => v !== undefined) ? read : undefined;
    }
    integer(path, value, min, max) {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
            return this.add(path, `must be a whole number from ${min} to ${max}, not ${(0,_common_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .describedValue */ .fl)(value)}`);
        }
        return value;
    }
    boolean(path, value) {
        return typeof value === 'boolean' ? value : this.add(path, `must be true or false, not ${(0,_common_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .describedValue */ .fl)(value)}`);
    }
    choice(path, value, choices) {
        const found = choices.find((c) => c === value);
        if (found)
            return found;
        const near = typeof value === 'string' ? (0,_common_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .suggestion */ .h)(value, choices) : '';
        return this.add(path, `must be one of ${choices.join(', ')}, not ${(0,_common_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .describedValue */ .fl)(value)}${near.startsWith('; did') ? near : ''}`);
    }
    throwIfAny() {
        if (this.found.length)
            throw new ConfigError(this.file, this.found);
    }
}


/***/ }),

/***/ 4464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  XP: () => (/* binding */ accountOf),
  $r: () => (/* binding */ validateConfig)
});

// UNUSED EXPORTS: CONFIG_RULES

// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(7840);
// EXTERNAL MODULE: ./src/config/glob.ts
var glob = __webpack_require__(3334);
// EXTERNAL MODULE: ./src/common/problems.ts
var problems = __webpack_require__(7657);
// EXTERNAL MODULE: ./src/config/problems.ts
var config_problems = __webpack_require__(4968);
// EXTERNAL MODULE: ./src/common/suggest.ts
var suggest = __webpack_require__(8687);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/settings/service.ts
var service = __webpack_require__(6322);
// EXTERNAL MODULE: ./src/settings/express-scaling.ts
var express_scaling = __webpack_require__(7469);
// EXTERNAL MODULE: ./src/settings/table.ts
var table = __webpack_require__(2221);
// EXTERNAL MODULE: ./src/capacity/prices.ts
var capacity_prices = __webpack_require__(7796);
// EXTERNAL MODULE: ./src/settings/run-task-options.ts
var run_task_options = __webpack_require__(4975);
// EXTERNAL MODULE: ./src/settings/strategy.ts
var settings_strategy = __webpack_require__(9524);
// EXTERNAL MODULE: ./src/settings/values.ts
var settings_values = __webpack_require__(535);
;// CONCATENATED MODULE: ./src/config/moved-keys.ts
// The per-environment keys of the settings that left the step's inputs and are read by their inputs' readers (the
// settings table's rows with `read: 'input'`): the file takes what the input took and says what is wrong at its line.





/** The settings whose keys their inputs' readers read (`read: 'input'`), by block (`''`: the environment itself). */
const inBlock = (block) => (0,table/* configSettingsIn */.tA)('environment', block).flatMap(({ name, config, key }) => config.read === 'input' ? [{ key, name, from: config.from }] : []);
/** Config key → the input it replaces, in one block. */
const keysOf = (block) => Object.fromEntries(inBlock(block).map(({ key, name }) => [key, name]));
const FLAT = keysOf('');
const CODEDEPLOY = keysOf('codedeploy');
const RUN_TASK = keysOf('run-task');
const BUILD = keysOf('build');
const SERVICE_SETTINGS = keysOf('service-settings');
/** An input's text for a config value: a list is one item a line, a mapping `key=value` lines or JSON. */
function inputText(value, json) {
    if (json || (typeof value === 'object' && value !== null && Array.isArray(value) && value.some(isObject)))
        return JSON.stringify(value);
    if (Array.isArray(value))
        return value.map(String).join('\n');
    if (isObject(value))
        return Object.entries(value)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join('\n');
    return value === null || value === undefined ? '' : String(value);
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Reads `m`'s keys as the inputs they stand for, with `read`; a UserError it throws is a problem at the key whose
 * input it names (its input names turned into the keys), so the message points at the file's line.
 */
function asInputs(p, path, m, keys, read, given = {}) {
    const texts = new Map(Object.entries(given));
    for (const [key, input] of Object.entries(keys))
        if (m[key] !== undefined)
            texts.set(input, inputText(m[key], key === 'overrides'));
    try {
        return read((name) => texts.get(name) ?? '');
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.yo))
            throw error;
        // A message names the input, or the block's key (`run-task.tags`).
        const entries = Object.entries(keys).flatMap(([key, input]) => [
            [key, input],
            [key, `${String(path[path.length - 1])}.${key}`],
        ]);
        const named = entries.find(([, input]) => error.message.includes(`\`${input}\``));
        let message = error.message;
        for (const [key, input] of entries)
            message = message.replaceAll(`\`${input}\``, key);
        message = message.replace(/^(Inputs?|Config keys?) /, '').replace(/\.$/, '');
        const key = named?.[0];
        // "count must be…" is said at count's line as "must be…"; "launch-type and …" stays whole.
        const own = key !== undefined && message.startsWith(key) && !message.startsWith(`${key} and `);
        return p.add(key ? [...path, key] : path, own ? message.slice(key.length).replace(/^[:,]?\s*/, '') : message);
    }
}
/** The moved keys of one environment's mapping `m` (at `path`); `strategy` is the environment's. */
function readMovedKeys(p, path, m, strategy) {
    const flat = asInputs(p, path, m, FLAT, (read) => byKind(read, inBlock('')));
    const unpausable = flat?.waitUntil === undefined ? undefined : (0,settings_strategy/* cannotPause */.Ub)(strategy);
    if (unpausable)
        p.add([...path, 'wait-until'], unpausable);
    const block = (key, keys, read, given) => {
        if (m[key] === undefined)
            return undefined;
        const mapping = p.mapping([...path, key], m[key], Object.keys(keys));
        return mapping && asInputs(p, [...path, key], mapping, keys, read, given);
    };
    const codedeploy = block('codedeploy', CODEDEPLOY, (read) => byKind(read, inBlock('codedeploy')));
    // The options are read as if a command were given: the command stays an input, given per run.
    const runTask = block('run-task', RUN_TASK, (read) => defined({ ...(0,run_task_options/* readRunTaskOptions */.X)(read), container: (0,settings_values/* settingValues */.RK)(read).text('run-task-container') }), { 'run-task': 'true' });
    const build = block('build', BUILD, (read) => byKind(read, inBlock('build')));
    const settings = isObject(m['service-settings']) ? m['service-settings'] : {};
    const breaker = asInputs(p, [...path, 'service-settings'], settings, SERVICE_SETTINGS, (read) => byKind(read, inBlock('service-settings')));
    return defined({
        ...flat,
        ...breaker,
        ...(codedeploy && Object.keys(codedeploy).length && { codedeploy }),
        ...(runTask && Object.keys(runTask).length && { runTask }),
        ...(build && Object.keys(build).length && { build }),
    });
}
/** What a block reads, where its reader does not need the block's inputs together: the `from` of each. */
const PARSE = { 'wait-until': settings_strategy/* parseWaitUntil */.zs };
/**
 * The values given (only those: the inputs' defaults stay the inputs'), each read by its input's kind, range and
 * choices, at its row's `from` (its last part, inside the block's object).
 */
function byKind(read, rows) {
    const values = (0,settings_values/* settingValues */.RK)(read);
    const value = (name) => {
        const text = read(name).trim();
        const parse = PARSE[name];
        if (!text)
            return undefined;
        if (parse)
            return parse(text);
        const { kind, choices } = (0,table/* settingNamed */.A$)(name);
        if (kind === 'text')
            return choices ? values.choice(name) : values.text(name);
        return values[kind](name);
    };
    return defined(Object.fromEntries(rows.map(({ name, from }) => [from.split('.').pop(), value(name)])));
}
/** The object without its undefined members (optional properties stay absent). */
function defined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

// EXTERNAL MODULE: ./src/analysis/spec.ts
var spec = __webpack_require__(7647);
;// CONCATENATED MODULE: ./src/config/analysis.ts
// An environment's `analysis:` block: the checks (the `analysis` input's syntax, one a line or a list), how often
// they are read, the sample they need and what an inconclusive analysis does. Problems are located like every key's.



const ANALYSIS_KEYS = ['checks', 'interval', 'min-requests', 'inconclusive'];
/** Seconds between reads: CloudWatch has load balancer figures per minute; the stack's are finer. */
const INTERVAL_RANGE = { min: 1, max: 3600 };
const MIN_REQUESTS_RANGE = { min: 1, max: 1_000_000 };
function readAnalysis(p, path, value) {
    const m = p.mapping(path, value, ANALYSIS_KEYS);
    if (!m)
        return undefined;
    const at = (key) => [...path, key];
    let checks;
    // Without checks here, the `analysis` input must give them (checked when the run is planned).
    if (m.checks !== undefined) {
        const written = p.list(at('checks'), m.checks, (kp, v) => p.text(kp, v));
        try {
            if (written)
                checks = (0,spec/* parseChecks */.B2)(written.join('\n'));
        }
        catch (error) {
            p.add(at('checks'), (0,errors/* errorMessage */.gJ)(error));
        }
    }
    const number = (key, range) => {
        const v = m[key];
        if (v === undefined)
            return undefined;
        if (typeof v === 'number' && v >= range.min && v <= range.max)
            return v;
        return p.add(at(key), `must be a number from ${range.min} to ${range.max}, not ${(0,problems/* describedValue */.fl)(v)}`);
    };
    const intervalSeconds = number('interval', INTERVAL_RANGE);
    const minRequests = number('min-requests', MIN_REQUESTS_RANGE);
    const inconclusive = m.inconclusive === undefined ? undefined : p.choice(at('inconclusive'), m.inconclusive, spec/* INCONCLUSIVE_CHOICES */.uB);
    if (m.checks !== undefined && !checks)
        return undefined;
    return {
        ...(checks && { checks }),
        ...(intervalSeconds !== undefined && { intervalSeconds }),
        ...(minRequests !== undefined && { minRequests: Math.round(minRequests) }),
        ...(inconclusive !== undefined && { inconclusive }),
    };
}

// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
;// CONCATENATED MODULE: ./src/config/schema.ts














const TOP_KEYS = ['environments', 'previews'];
/** The keys that are settings, at the top of an environment or in one of its blocks (`verify`), in the table's order. */
const settingKeys = (block) => (0,table/* configSettingsIn */.tA)('environment', block).flatMap(({ config, key }) => [...(config.aliases ?? []), key]);
/** The blocks of an environment that hold settings (`verify`, `build`…), in the table's order. */
const SETTING_BLOCKS = [
    ...new Set((0,table/* configSettings */.oi)('environment').flatMap(({ config }) => config.key.includes('.') ? [config.key.split('.')[0]] : [])),
];
// promote: per-environment build and runtime settings, named like their inputs
const BUILD_KEYS = ['image', 'dockerfile', 'target', 'build-args'];
const ENVIRONMENT_KEYS = [
    'branches',
    'tags',
    ...settingKeys(),
    'url',
    'production',
    'protected',
    'regions',
    'role-to-assume',
    'needs',
    ...SETTING_BLOCKS,
    'capacity-prices',
];
/** The service deployment settings an environment may set: the table's, then the ones that are no input. */
const SERVICE_SETTING_KEYS = [
    ...settingKeys('service-settings'),
    'circuit-breaker-threshold',
    'circuit-breaker-reset-on-healthy-task',
    'early-success-healthy-percent',
    'early-success-cleanup',
    ...Object.values(express_scaling/* SCALING_KEYS */.dZ),
];
const CAPACITY_ITEM = /^[A-Za-z0-9_-]{1,255}(:\d{1,4}(:\d{1,6})?)?$/;
const VERIFY_KEYS = [...settingKeys('verify'), 'redirects'];
const PREVIEW_KEYS = [
    'base',
    'services',
    'routing',
    'domain',
    'listener-arn',
    'desired-count',
    ...(0,table/* configSettings */.oi)('previews').map(({ config }) => config.key),
];
const NAME = /^[A-Za-z0-9._-]{1,255}$/;
const ECS_NAME = /^([A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:[a-z-]+\/\S+)$/;
const VAR_NAME = table/* PLACEHOLDER_NAME */.O6.pattern;
const ENV_NAME = table/* VARIABLE_NAME */.nN.pattern;
const URL = /^https?:\/\/[^\s/]+\S*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const LISTENER_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/app\/[^/\s]+\/[0-9a-f]+\/[0-9a-f]+$/;
const EXAMPLE = 'e.g. dev: { branches: [develop], cluster: dev, services: [web] }';
/**
 * Checks a parsed config file and returns it typed, or throws a ConfigError listing every problem.
 * `locate` gives the line of a key path, for messages and annotations.
 */
function validateConfig(data, file, locate) {
    const p = new config_problems/* Problems */.Zw(file, locate);
    if (data === null || data === undefined)
        p.add([], `the file is empty; add environments: with at least one environment, ${EXAMPLE}`);
    const top = data === null || data === undefined ? undefined : p.mapping([], data, TOP_KEYS);
    const config = top && readConfig(p, top);
    p.throwIfAny();
    return config;
}
function readConfig(p, top) {
    const raw = top.environments;
    if (raw === undefined)
        p.add([], `has no environments; add at least one, ${EXAMPLE}`);
    const mapping = raw === undefined ? undefined : p.mapping(['environments'], raw);
    const entries = Object.entries(mapping ?? {});
    if (mapping && entries.length === 0)
        p.add(['environments'], `is empty; add at least one, ${EXAMPLE}`);
    const names = entries.map(([name]) => name);
    const read = entries.map(([name, value]) => readEnvironment(p, name, value, names));
    const environments = read.filter((e) => e !== undefined);
    checkNeedsCycles(p, environments);
    checkPromotions(p, names, environments);
    const previews = top.previews === undefined ? undefined : readPreviews(p, top.previews, names, environments);
    if (!mapping || environments.length !== read.length)
        return undefined;
    return { file: p.file, environments, ...(previews && { previews }) };
}
function readEnvironment(p, name, value, names) {
    const path = ['environments', name];
    if (!NAME.test(name))
        p.add(path, 'is not a usable environment name; use letters, digits, ".", "_" and "-"');
    const m = p.mapping(path, value, ENVIRONMENT_KEYS);
    if (!m)
        return undefined;
    const at = (key) => [...path, key];
    const optional = (key, read) => m[key] === undefined ? undefined : read(at(key), m[key]);
    const patterns = (key) => {
        const list = optional(key, (kp, v) => p.list(kp, v, (ip, item) => pattern(p, ip, item))) ?? [];
        // As in GitHub's filters: ! only excludes what an earlier pattern included, so a list of them alone matches nothing.
        if (list.length && list.every((item) => item.startsWith('!'))) {
            p.add(at(key), `has only ! patterns, which exclude but include nothing, so no ${key === 'tags' ? 'tag' : 'branch'} matches; put what to include first ('**', then '!…')`);
        }
        return list;
    };
    if (m.service !== undefined && m.services !== undefined) {
        p.add(path, 'has both service and services; keep one (services: [web, worker] lists several)');
    }
    const strategy = types/* STRATEGIES */.YL.find((s) => s === m.strategy);
    const settings = readSettings(p, path, m, shapedRows('environment'), strategy);
    const services = settings.services ?? [];
    if (services.length && m.cluster === undefined)
        p.add(path, 'has services but no cluster; add cluster: <the ECS cluster they run in>');
    checkPromotion(p, path, m, settings.promoteFrom);
    const url = optional('url', (kp, v) => p.text(kp, v, { pattern: URL, expected: 'an http(s) URL like https://example.com' }));
    const production = optional('production', (kp, v) => p.boolean(kp, v));
    const isProtected = optional('protected', (kp, v) => p.boolean(kp, v));
    if (m.region !== undefined && m.regions !== undefined)
        p.add(path, 'has both region and regions; keep one (regions: [us-east-1, eu-west-1] lists several)');
    const regions = optional('regions', (kp, v) => p.list(kp, v, (ip, item) => p.text(ip, item, { pattern: REGION, expected: 'an AWS region like us-east-1' })));
    if (regions && new Set(regions).size !== regions.length)
        p.add(at('regions'), 'lists a region twice');
    const rolesToAssume = optional('role-to-assume', (kp, v) => p.list(kp, v, (ip, item) => p.text(ip, item, { pattern: ROLE_ARN, expected: 'an IAM role ARN like arn:aws:iam::123456789012:role/deploy' })));
    if (rolesToAssume && new Set(rolesToAssume.map(accountOf)).size !== rolesToAssume.length)
        p.add(at('role-to-assume'), 'lists two roles of one account; give one role per AWS account');
    const needs = optional('needs', (kp, v) => p.list(kp, v, (ip, item) => neededEnvironment(p, ip, item, name, names)));
    const serviceSettings = optional('service-settings', (kp, v) => readServiceSettings(p, kp, v));
    const capacityPrices = optional('capacity-prices', (kp, v) => readCapacityPrices(p, kp, v));
    return {
        name,
        branches: patterns('branches'),
        tags: patterns('tags'),
        ...settings,
        services,
        vars: settings.vars ?? {},
        ...(url !== undefined && { url }),
        ...(production !== undefined && { production }),
        ...(isProtected !== undefined && { protected: isProtected }),
        ...(regions !== undefined && { regions }),
        ...(rolesToAssume !== undefined && { rolesToAssume }),
        ...(needs !== undefined && { needs }),
        ...optionalVerify(optional('verify', (kp, v) => readVerify(p, kp, v))),
        ...optionalAnalysis(optional('analysis', (kp, v) => readAnalysis(p, kp, v))),
        // Only the circuit breaker's mode given: no ServiceSettings of its own.
        ...(serviceSettings !== undefined && Object.keys(serviceSettings).length && { serviceSettings }),
        ...(capacityPrices !== undefined && { capacityPrices }),
        ...readMovedKeys(p, path, m, strategy),
    };
}
/** `capacity-prices`: the path of a file of rates in the workspace, or the rates themselves (USD per hour). */
function readCapacityPrices(p, path, value) {
    if (typeof value === 'string')
        return p.text(path, value);
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return p.add(path, `must be the path of a file of rates, or the rates (USD per hour) as a mapping like fargate-vcpu-hour: 0.04048; not ${(0,problems/* describedValue */.fl)(value)}`);
    const m = p.mapping(path, value, capacity_prices/* PRICE_KEYS */.ll) ?? {};
    const prices = {};
    for (const [key, rate] of Object.entries(m).filter(([key]) => capacity_prices/* PRICE_KEYS */.ll.includes(key))) {
        const problem = (0,capacity_prices/* priceProblem */.Vc)(key, rate);
        if (problem)
            p.add([...path, key], problem);
        else
            prices[key] = rate;
    }
    return prices;
}
// promote
/** An environment with promote-from deploys the images of another: it builds nothing. */
function checkPromotion(p, path, m, promoteFrom) {
    const built = BUILD_KEYS.filter((key) => m[key] !== undefined);
    if (promoteFrom !== undefined && built.length) {
        p.add([...path, built[0]], `builds nothing here: the environment has promote-from: ${promoteFrom}, so it deploys the images ${promoteFrom} runs; remove ${built.join(', ')}`);
    }
}
/** The rows of the settings read here by their shapes (not by their inputs' readers), at the top of `block`. */
function shapedRows(scope, block = '') {
    return (0,table/* configSettingsIn */.tA)(scope, block).flatMap(({ name, config, key }) => config.read === 'input' ? [] : [{ setting: (0,table/* settingNamed */.A$)(name), config, key }]);
}
/**
 * The keys of `m` that are these settings (or their aliases), in the file's order, each read by its row's shape and
 * put at its `from` (less the block's own part, `within`).
 */
function readSettings(p, path, m, rows, strategy, within = '') {
    const byKey = new Map(rows.flatMap((row) => [row.key, ...(row.config.aliases ?? [])].map((key) => [key, row])));
    const values = {};
    for (const [key, value] of Object.entries(m)) {
        const row = byKey.get(key);
        if (!row || value === undefined)
            continue;
        const read = readShape(p, [...path, key], value, row, strategy);
        const from = within ? row.config.from.slice(within.length + 1) : row.config.from;
        if (read !== undefined)
            setAt(values, from, read);
    }
    return values;
}
function setAt(object, path, value) {
    const [key, ...rest] = path.split('.');
    if (!rest.length)
        object[key] = value;
    else
        setAt((object[key] ??= {}), rest.join('.'), value);
}
/** One key's value, as its shape writes it, within its setting's range and choices; undefined with a problem. */
function readShape(p, path, value, { setting, config }, strategy) {
    const list = (pattern, expected) => p.list(path, value, (ip, item) => p.text(ip, item, { pattern, expected }));
    switch (config.shape) {
        case 'text':
            return p.text(path, value);
        case 'image': {
            const text = p.text(path, value);
            return text === undefined ? undefined : imageReference(p, path, text);
        }
        case 'ecs-name':
            return ecsName(p, path, value, 'an ECS cluster name or ARN');
        case 'ecs-names':
            return p.list(path, value, (ip, item) => ecsName(p, ip, item, 'an ECS service name or ARN'));
        case 'environment-name':
            return p.text(path, value, { pattern: NAME, expected: 'an environment name' });
        case 'region':
            return p.text(path, value, { pattern: REGION, expected: 'an AWS region like us-east-1' });
        case 'placeholders':
            return readNamedValues(p, path, value, table/* PLACEHOLDER_NAME */.O6);
        case 'variables':
            return readNamedValues(p, path, value, table/* VARIABLE_NAME */.nN);
        case 'secrets':
            return readNamedValues(p, path, value, table/* VARIABLE_NAME */.nN, true);
        case 'number':
            return numberOf(p, path, value, setting, config.when === 'same-strategy' ? { strategy } : undefined);
        case 'seconds': {
            const { min, max } = setting.range ?? { min: 0, max: Infinity };
            if (typeof value === 'number' && value >= min && value <= max)
                return value;
            return p.add(path, `must be a number of seconds from ${min} to ${max}, not ${(0,problems/* describedValue */.fl)(value)}`);
        }
        case 'boolean':
            return p.boolean(path, value);
        case 'choice':
            return p.choice(path, value, setting.choices ?? []);
        case 'upper-choice':
            return p.choice(path, value, (setting.choices ?? []).map((choice) => choice.toUpperCase()));
        case 'alarm-names':
            return list(/^.{1,255}$/, 'a CloudWatch alarm name');
        case 'urls':
            return list(URL, 'an http(s) URL like https://${ENVIRONMENT}.example.com/version');
        case 'capacity-providers':
            return capacityProviders(p, path, list(CAPACITY_ITEM, 'name:weight:base, like FARGATE_SPOT:3 or FARGATE:1:2'));
        case 'duration': {
            const text = p.text(path, value);
            return text !== undefined && (0,duration/* parseDuration */.E)(text) === undefined
                ? p.add(path, `must be a duration like 7d, 12h or 30m, not ${(0,problems/* describedValue */.fl)(text)}`)
                : text;
        }
        case 'objects':
            try {
                return (0,service/* parseVolumeConfigurations */.PX)(setting.name, JSON.stringify(value));
            }
            catch (error) {
                return p.add(path, (0,errors/* errorMessage */.gJ)(error).replace(/^(Input|Config key) `[^`]+`(, )?:? ?/, ''));
            }
        default:
            throw new Error(`config/schema.ts reads no ${config.shape} key: give ${setting.name}'s config read: 'input'`);
    }
}
function capacityProviders(p, path, items) {
    try {
        return items && (0,service/* parseCapacityProviderStrategy */.Ad)('capacity-provider-strategy', items.join('\n'));
    }
    catch (error) {
        return p.add(path, (0,errors/* errorMessage */.gJ)(error).replace(/^Input `[^`]+`: /, ''));
    }
}
function imageReference(p, path, text) {
    try {
        (0,reference/* parseImageReference */.o_)(text, JSON.stringify(text).slice(1, -1));
        return text;
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.yo))
            throw error;
        return p.add(path, error.message.replace(/^.*? is not/, `${JSON.stringify(text)} is not`).replace(/\.$/, ''));
    }
}
/** `NAME: value` pairs (placeholders, environment variables, secrets); a secret's value (where ECS reads it) cannot be empty. */
function readNamedValues(p, path, value, name, required = false) {
    const m = p.mapping(path, value);
    if (!m)
        return undefined;
    const values = {};
    for (const [key, v] of Object.entries(m)) {
        const kp = [...path, key];
        if (!name.pattern.test(key)) {
            p.add(kp, name.wrong);
            continue;
        }
        // An environment variable may be empty or written as a boolean; a secret's value is where ECS reads it from.
        const plain = !required && (typeof v === 'boolean' || typeof v === 'string');
        const text = plain
            ? String(v)
            : required && (v === null || (typeof v === 'string' && v.trim() === ''))
                ? p.add(kp, 'has no value; give the ARN of a Secrets Manager secret or an SSM parameter (name or ARN)')
                : p.text(kp, v);
        if (text !== undefined)
            values[key] = text;
    }
    return values;
}
/**
 * A number in its setting's range; with `applies`, a strategy option: only for an environment whose strategy it
 * applies to.
 */
function numberOf(p, path, value, setting, applies) {
    if (applies) {
        const { strategy } = applies;
        const names = setting.strategies ?? types/* STRATEGIES */.YL;
        const strategies = names.map((s) => `strategy: ${s}`).join(' or ');
        if (strategy === undefined)
            return p.add(path, `needs ${strategies} in this environment`);
        if (!names.includes(strategy))
            return p.add(path, `applies to ${strategies}, not strategy: ${strategy}`);
    }
    const { min = 0, max = Infinity, whole = false, step } = setting.range ?? {};
    const multiple = (n) => step === undefined || Math.abs(Math.round(n / step) * step - n) < 1e-9;
    if (typeof value !== 'number' ||
        value < min ||
        value > max ||
        (whole && !Number.isInteger(value)) ||
        !multiple(value)) {
        const kind = whole ? 'a whole number' : 'a number';
        return p.add(path, `must be ${kind} from ${min} to ${max}${step !== undefined ? ` in steps of ${step}` : ''}, not ${(0,problems/* describedValue */.fl)(value)}`);
    }
    return value;
}
/** Each promote-from names another environment of the file, with services to read, and no chain comes back. */
function checkPromotions(p, names, environments) {
    const byName = new Map(environments.map((e) => [e.name, e]));
    for (const environment of environments) {
        const from = environment.promoteFrom;
        if (from === undefined)
            continue;
        const path = ['environments', environment.name, 'promote-from'];
        if (from === environment.name) {
            p.add(path, `names ${from} itself; name the environment whose images ${from} should run (e.g. qa for prod)`);
            continue;
        }
        if (!names.includes(from)) {
            p.add(path, `${JSON.stringify(from)} is not an environment in this file${(0,suggest/* suggestion */.h)(from, names)}`);
            continue;
        }
        const source = byName.get(from);
        if (source && !source.services.length)
            p.add(path, `${from} has no services to read the images from; list them under environments.${from}.services`);
        const chain = [environment.name];
        for (let next = source; next?.promoteFrom !== undefined; next = byName.get(next.promoteFrom)) {
            chain.push(next.name);
            if (next.promoteFrom === environment.name) {
                p.add(path, `makes a cycle (${[...chain, environment.name].join(' → ')}); one environment must build its image`);
                break;
            }
            if (chain.includes(next.promoteFrom))
                break;
        }
    }
}
/** The AWS account of a role ARN (its 12 digits). */
function accountOf(roleArn) {
    return roleArn.split(':')[4] ?? '';
}
/** An item of `needs`: another environment of this file. */
function neededEnvironment(p, path, value, environment, names) {
    const need = p.text(path, value);
    if (need === undefined)
        return undefined;
    if (need === environment)
        return p.add(path, `${environment} cannot need itself`);
    if (!names.includes(need))
        return p.add(path, `${JSON.stringify(need)} is not an environment in this file${(0,suggest/* suggestion */.h)(need, names)}`);
    return need;
}
/** Following the environments' `needs` never comes back round. */
function checkNeedsCycles(p, environments) {
    const byName = new Map(environments.map((e) => [e.name, e]));
    // A cycle is reported once, at the first environment of it in file order.
    const reported = new Set();
    for (const environment of environments) {
        if (reported.has(environment.name))
            continue;
        const cycle = cycleFrom(environment.name, byName);
        if (!cycle)
            continue;
        cycle.forEach((name) => reported.add(name));
        p.add(['environments', environment.name, 'needs'], `makes a cycle (${[...cycle, cycle[0]].join(' → ')}); an environment cannot wait for one that waits for it`);
    }
}
/** The environments of a `needs` cycle through `start`, in order, or undefined when there is none. */
function cycleFrom(start, byName) {
    const path = [];
    const visit = (name) => {
        if (name === start && path.length)
            return [...path];
        if (path.includes(name))
            return undefined;
        path.push(name);
        for (const need of byName.get(name)?.needs ?? []) {
            const found = visit(need);
            if (found)
                return found;
        }
        path.pop();
        return undefined;
    };
    return visit(start);
}
const optionalAnalysis = (analysis) => (analysis ? { analysis } : {});
const optionalVerify = (verify) => (verify ? { verify } : {});
/** An environment's `verify:` block: the URLs, expectation, timing and command of the verify-* inputs. */
function readVerify(p, path, value) {
    const m = p.mapping(path, value, VERIFY_KEYS);
    if (!m)
        return undefined;
    const settings = readSettings(p, path, m, shapedRows('environment', 'verify'), undefined, 'verify');
    const redirects = m.redirects === undefined
        ? undefined
        : p.choice([...path, 'redirects'], m.redirects, ['same-origin', 'none']);
    const verify = { urls: [], testUrls: [], ...settings, ...(redirects !== undefined && { redirects }) };
    if (m.url === undefined && m['test-url'] === undefined && m.command === undefined)
        p.add(path, 'checks nothing; give url (and test-url for blue/green) or command');
    return verify;
}
/** `service-settings:` — checked like the inputs of the same names. */
function readServiceSettings(p, path, value) {
    const m = p.mapping(path, value, SERVICE_SETTING_KEYS);
    if (!m)
        return undefined;
    const get = (key, read) => m[key] === undefined ? undefined : read([...path, key], m[key]);
    const settings = readSettings(p, path, m, shapedRows('environment', 'service-settings'), undefined, 'serviceSettings');
    const own = {
        circuitBreakerThreshold: get('circuit-breaker-threshold', (kp, v) => {
            const threshold = (0,service/* parseThreshold */.B7)(v);
            return typeof threshold === 'string' ? p.add(kp, threshold) : threshold;
        }),
        resetOnHealthyTask: get('circuit-breaker-reset-on-healthy-task', (kp, v) => p.boolean(kp, v)),
        earlySuccess: earlySuccess(p, path, m['early-success-healthy-percent'], m['early-success-cleanup']),
        expressScaling: expressScaling(p, path, m),
    };
    return Object.fromEntries(Object.entries({ ...settings, ...own }).filter(([, v]) => v !== undefined));
}
/** `early-success-healthy-percent` (0–100) and `early-success-cleanup` (BLOCKING, the default, or DEFERRED). */
function earlySuccess(p, path, percent, cleanup) {
    if (percent === undefined) {
        if (cleanup !== undefined)
            p.add([...path, 'early-success-cleanup'], 'needs early-success-healthy-percent beside it');
        return undefined;
    }
    const healthyPercent = p.integer([...path, 'early-success-healthy-percent'], percent, 0, 100);
    const sourceServiceRevisionCleanup = cleanup === undefined
        ? 'BLOCKING'
        : p.choice([...path, 'early-success-cleanup'], cleanup, ['BLOCKING', 'DEFERRED']);
    if (healthyPercent === undefined || sourceServiceRevisionCleanup === undefined)
        return undefined;
    return { enable: true, healthyPercent, sourceServiceRevisionCleanup };
}
/** `express-scaling-*`: an Express service's scaling target, the members given (the service's own keep the rest). */
function expressScaling(p, path, m) {
    const whole = (member) => {
        const key = express_scaling/* SCALING_KEYS */.dZ[member];
        const { min, max } = express_scaling/* SCALING_RANGES */.vJ[member];
        return m[key] === undefined ? undefined : p.integer([...path, key], m[key], min, max);
    };
    const metric = express_scaling/* SCALING_KEYS */.dZ.autoScalingMetric;
    const target = Object.fromEntries(Object.entries({
        minTaskCount: whole('minTaskCount'),
        maxTaskCount: whole('maxTaskCount'),
        autoScalingMetric: m[metric] === undefined ? undefined : p.choice([...path, metric], m[metric], express_scaling/* SCALING_METRICS */.am),
        autoScalingTargetValue: whole('autoScalingTargetValue'),
    }).filter(([, v]) => v !== undefined));
    if (!Object.keys(target).length)
        return undefined;
    for (const problem of (0,express_scaling/* scalingProblems */.Wt)(target))
        p.add([...path, problem.key], problem.message);
    return target;
}
function pattern(p, path, value) {
    const text = p.text(path, value);
    const problem = text === undefined ? undefined : (0,glob/* patternProblem */.AL)(text);
    return problem ? p.add(path, `${JSON.stringify(text)} ${problem}`) : text;
}
function ecsName(p, path, value, what) {
    const text = p.text(path, value);
    if (text !== undefined && !ECS_NAME.test(text)) {
        return p.add(path, `${JSON.stringify(text)} is not ${what} (up to 255 letters, digits, "-" and "_")`);
    }
    return text;
}
function readPreviews(p, value, names, environments) {
    const path = ['previews'];
    const m = p.mapping(path, value, PREVIEW_KEYS);
    if (!m)
        return undefined;
    const at = (key) => [...path, key];
    const optional = (key, read) => m[key] === undefined ? undefined : read(at(key), m[key]);
    const base = m.base === undefined
        ? p.add(path, 'has no base; add base: <the environment whose services previews copy>')
        : baseEnvironment(p, m.base, names, environments);
    const services = optional('services', (kp, v) => p.list(kp, v, (ip, item) => baseService(p, ip, item, base)));
    const chosenRouting = optional('routing', (kp, v) => p.choice(kp, v, ['host', 'path']));
    const routing = chosenRouting ?? types/* PREVIEW_DEFAULTS */.mh.routing;
    const domain = optional('domain', (kp, v) => p.text(kp, v, { pattern: DOMAIN, expected: 'a DNS name like preview.example.com' }));
    const listenerArn = optional('listener-arn', (kp, v) => p.text(kp, v, {
        pattern: LISTENER_ARN,
        expected: 'an ALB listener ARN (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>)',
    }));
    if (m['listener-arn'] === undefined && (m.domain !== undefined || m.routing !== undefined)) {
        p.add(path, 'has no listener-arn; add the ARN of the ALB listener that gets one rule per preview');
    }
    const hostRouting = m.routing === undefined || chosenRouting === 'host';
    if (m['listener-arn'] !== undefined && hostRouting && m.domain === undefined) {
        p.add(path, 'has no domain; host routing gives each preview pr-<N>.<domain>: add domain, or set routing: path (previews at /pr-<N>/)');
    }
    const desiredCount = optional('desired-count', (kp, v) => p.integer(kp, v, 0, 5000));
    const { ttl, max } = readSettings(p, path, m, shapedRows('previews'));
    if (!base)
        return undefined;
    const ttlText = ttl ?? types/* PREVIEW_DEFAULTS */.mh.ttl;
    return {
        base: base.name,
        services: services ?? base.services,
        routing,
        ...(domain !== undefined && { domain: domain.toLowerCase() }),
        ...(listenerArn !== undefined && { listenerArn }),
        desiredCount: desiredCount ?? types/* PREVIEW_DEFAULTS */.mh.desiredCount,
        max: max ?? types/* PREVIEW_DEFAULTS */.mh.max,
        ttl: ttlText,
        ttlMs: (0,duration/* parseDuration */.E)(ttlText) ?? 0,
    };
}
/** The environment previews copy; undefined without a message when that environment has its own problems. */
function baseEnvironment(p, value, names, environments) {
    const path = ['previews', 'base'];
    const name = p.text(path, value);
    if (name === undefined)
        return undefined;
    if (!names.includes(name))
        return p.add(path, `${JSON.stringify(name)} is not an environment in this file${(0,suggest/* suggestion */.h)(name, names)}`);
    const base = environments.find((e) => e.name === name);
    if (!base)
        return undefined;
    if (!base.services.length)
        return p.add(path, `${name} has no services to copy; list them under environments.${name}.services`);
    return base;
}
function baseService(p, path, value, base) {
    const name = p.text(path, value);
    if (name === undefined || !base || base.services.includes(name))
        return name;
    return p.add(path, `${JSON.stringify(name)} is not one of ${base.name}'s services (${base.services.join(', ')})`);
}
/** The keys and patterns this validator accepts: config/json-schema.ts writes them into the JSON schema, a test compares. */
const CONFIG_RULES = {
    keys: {
        top: TOP_KEYS,
        environment: ENVIRONMENT_KEYS,
        previews: PREVIEW_KEYS,
        verify: VERIFY_KEYS,
        serviceSettings: SERVICE_SETTING_KEYS,
    },
    patterns: { NAME, ECS_NAME, VAR_NAME, URL, REGION, DOMAIN, LISTENER_ARN, ENV_NAME, ROLE_ARN, CAPACITY_ITEM },
};


/***/ }),

/***/ 2143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cu: () => (/* binding */ DEFAULT_CONFIG_FILE),
/* harmony export */   YL: () => (/* reexport safe */ _mechanisms_strategy_types_js__WEBPACK_IMPORTED_MODULE_0__.YL),
/* harmony export */   mh: () => (/* binding */ PREVIEW_DEFAULTS)
/* harmony export */ });
/* harmony import */ var _mechanisms_strategy_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1813);

const DEFAULT_CONFIG_FILE = '.github/ecs-deploy.yml';
const PREVIEW_DEFAULTS = { desiredCount: 1, max: 10, ttl: '7d', routing: 'host' };


/***/ }),

/***/ 3941:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C7: () => (/* binding */ formatElapsed),
/* harmony export */   XW: () => (/* binding */ describeLimit),
/* harmony export */   ml: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
    }),
};
/** A time limit in words: `45 s`, `30 min`. */
function describeLimit(ms) {
    return ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 6000) / 10} min`;
}
/** `m:ss` of a duration, for timelines. */
function formatElapsed(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}


/***/ }),

/***/ 3271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ planRun)
});

// EXTERNAL MODULE: ./src/config/index.ts + 3 modules
var src_config = __webpack_require__(1085);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/settings/inputs.ts + 2 modules
var settings_inputs = __webpack_require__(9303);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(7840);
// EXTERNAL MODULE: ./src/settings/table.ts
var table = __webpack_require__(2221);
;// CONCATENATED MODULE: ./src/engine/environment-settings.ts
// The one merge of the config file under the inputs, driven by the settings table's `config` keys: an input given wins
// over the environment's key (or the `previews:` section's), which wins over the setting's default.



/** The inputs with the environment's settings under them. */
function withEnvironment(inputs, environment) {
    const applies = {
        build: inputs.build !== undefined,
        'no-build': inputs.build === undefined,
        'same-strategy': inputs.strategy.strategy === undefined || inputs.strategy.strategy === environment.strategy,
    };
    const given = new Set(inputs.given ?? []);
    let merged = withSharedBlocks(inputs, environment);
    for (const { name, config } of (0,table/* configSettings */.oi)('environment')) {
        if (config.when && !applies[config.when])
            continue;
        const value = mergedValue(config.merge, at(inputs, config.into), at(environment, config.from), given.has(name));
        if (value !== undefined)
            merged = withValue(merged, config.into, value);
    }
    if (environment.capacityPrices !== undefined)
        merged = { ...merged, capacityPrices: environment.capacityPrices };
    // With a build, `image` is the repository to push to: the environment's when the input leaves it out.
    if (merged.build && !merged.build.image && environment.image)
        merged = { ...merged, build: { ...merged.build, image: environment.image } };
    return merged;
}
/** The previews section with the inputs given over it (`preview-ttl`, `preview-max`). */
function withPreviewInputs(previews, inputs) {
    let merged = previews;
    for (const { config } of (0,table/* configSettings */.oi)('previews')) {
        const value = mergedValue(config.merge, at(inputs, config.into), at(previews, config.from), false);
        if (value !== undefined)
            merged = withValue(merged, config.from, value);
    }
    if (inputs.previewTtl === undefined)
        return merged;
    const ttlMs = (0,duration/* parseDuration */.E)(inputs.previewTtl);
    if (ttlMs === undefined) {
        throw new errors/* UserError */.yo(`Config key \`previews.ttl\` must be a duration like 7d, 12h or 30m, not "${inputs.previewTtl}".`);
    }
    return { ...merged, ttl: inputs.previewTtl.trim(), ttlMs };
}
/** A build needs a repository to push to: the `image` input, or the environment's `image` in the config file. */
function checkBuildHasImage(inputs, environment, file) {
    if (!inputs.build || inputs.build.image)
        return;
    const where = environment !== undefined && file !== undefined ? ` (or image: in environments.${environment} of ${file})` : '';
    throw new errors/* UserError */.yo(`Input \`build\` needs \`image\`${where}: the repository to push to, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/web.`);
}
function mergedValue(rule, input, configured, named) {
    if (configured === undefined)
        return input;
    switch (rule) {
        case 'named':
            return named ? input : configured;
        case 'given':
            return input ?? configured;
        case 'non-empty':
            return Array.isArray(input) && input.length ? input : configured;
        case 'by-name':
            return { ...configured, ...input };
        case 'after':
            return [...changes(configured), ...(input ?? [])];
    }
}
function changes(values) {
    return Object.entries(values).map(([name, value]) => ({ name, value }));
}
/**
 * A block the inputs and the environment share by name (`verify`, `serviceSettings`) starts from the environment's,
 * so its keys that are no input (verify's `redirects`, the circuit breaker's settings) come along.
 */
function withSharedBlocks(inputs, environment) {
    const blocks = new Set((0,table/* configSettings */.oi)('environment').flatMap(({ config }) => {
        const [block, ...rest] = config.into.split('.');
        // Not the build's block: its keys apply only to a build, which the inputs ask for.
        return rest.length && !config.when && config.from.startsWith(`${block}.`) ? [block] : [];
    }));
    let merged = inputs;
    for (const block of blocks) {
        const configured = at(environment, block);
        if (configured === undefined)
            continue;
        // Request headers stay inputs (they carry secrets; the file is committed): none when only the file has a block.
        const empty = block === 'verify' ? { headers: {} } : {};
        merged = { ...merged, [block]: { ...empty, ...configured, ...at(inputs, block) } };
    }
    return merged;
}
function at(object, path) {
    return path.split('.').reduce((value, key) => value?.[key], object);
}
/** `object` with `value` at `path`, each object on the way copied (nothing given is changed). */
function withValue(object, path, value) {
    const [key, ...rest] = path.split('.');
    const own = object;
    const inner = rest.length ? withValue((own[key] ?? {}), rest.join('.'), value) : value;
    return { ...own, [key]: inner };
}

// EXTERNAL MODULE: ./src/common/suggest.ts
var suggest = __webpack_require__(8687);
;// CONCATENATED MODULE: ./src/promote/promotion.ts


const promotion_name = (service) => service.split('/').pop() ?? service;
/**
 * The promotion of `request.target` from another environment of `config`. Each target service takes the images of the
 * source service of the same name when every one has such a namesake; otherwise of the one at the same position in the
 * source's services, which must then list as many. Throws a UserError when they cannot be paired, or when the
 * promotion is combined with a build, an image or a preview.
 */
function planPromotion(config, request) {
    const { from, target } = request;
    const key = request.origin === 'input' ? 'Input `promote-from`' : `${config.file}: environments.${target.name}.promote-from`;
    const builds = request.build ? '`build`' : request.image ? '`image`' : undefined;
    if (builds) {
        throw new errors/* UserError */.yo(`${key} (${from}) and ${builds} exclude each other: a promotion deploys the images ${from} runs and builds nothing. Remove ${builds} from the step that deploys ${target.name}.`);
    }
    if (request.preview)
        throw new errors/* UserError */.yo(`${key} does not apply to previews: a preview deploys its pull request's build.`);
    const names = config.environments.map((e) => e.name);
    const source = config.environments.find((e) => e.name === from);
    if (!source) {
        const hint = (0,suggest/* suggestion */.h)(from, names);
        throw new errors/* UserError */.yo(`${key}: "${from}" is not an environment in ${config.file}${hint}${hint.endsWith('?') ? '' : '.'}`);
    }
    if (source.name === target.name)
        throw new errors/* UserError */.yo(`${key}: ${from} is the environment being deployed; name the one whose images it should run.`);
    if (!source.services.length || source.cluster === undefined)
        throw new errors/* UserError */.yo(`${key}: ${from} names no services (or no cluster) in ${config.file}, so there is nothing to read the images from.`);
    const byName = target.services.map((service) => source.services.find((s) => promotion_name(s) === promotion_name(service)));
    const sources = byName.every((s) => s !== undefined)
        ? byName
        : target.services.length === source.services.length
            ? source.services
            : undefined;
    if (!sources) {
        throw new errors/* UserError */.yo(`${key}: ${target.name}'s services (${target.services.join(', ')}) cannot be paired with ${from}'s (${source.services.join(', ')}): give them the same names, or list as many in the same order.`);
    }
    return {
        from: source.name,
        cluster: source.cluster,
        ...(source.region !== undefined && { region: source.region }),
        sources,
    };
}

;// CONCATENATED MODULE: ./src/engine/environment-plan.ts





const NO_SERVICE = 'Input `service` is required: the name or ARN of the ECS service to deploy (or several, comma separated).';
/** The plan without a config file: the inputs say everything. */
function planFromInputs(inputs, configFile) {
    if (inputs.promoteFrom !== undefined) {
        throw new errors/* UserError */.yo(configFile === undefined
            ? `Input \`promote-from\` names an environment of the config file (${src_config/* DEFAULT_CONFIG_FILE */.Cu}, or the \`config\` input), whose cluster and services it reads; there is no config file.`
            : `Input \`promote-from\` needs the environment this run deploys to come from ${configFile} (the \`environment\` input, or a branch or tag one of its environments takes).`);
    }
    checkBuildHasImage(inputs);
    if (inputs.preview) {
        throw new errors/* UserError */.yo(`Input \`preview\` needs a config file with a previews: section (${src_config/* DEFAULT_CONFIG_FILE */.Cu}, or the \`config\` input).`);
    }
    if (!inputs.services.length && !(0,settings_inputs/* runsAlone */.Gx)(inputs))
        throw new errors/* UserError */.yo(NO_SERVICE);
    return {
        kind: 'deploy',
        inputs: { ...inputs, cluster: inputs.cluster ?? 'default' },
        ...(inputs.environment !== undefined && { environment: { name: inputs.environment } }),
    };
}
/** Chooses what to do: which environment (and why), a preview, a sweep, or nothing for this ref. */
async function planRun(inputs, git, event) {
    const config = await (0,src_config/* loadConfig */.Z9)(inputs.config ?? src_config/* DEFAULT_CONFIG_FILE */.Cu, {
        workspace: git.workspace,
        required: inputs.config !== undefined,
    });
    if (!config)
        return planFromInputs(inputs);
    if (inputs.preview === 'sweep') {
        if (!config.previews)
            throw new errors/* UserError */.yo(`Input \`preview: sweep\` needs a previews: section in ${config.file}.`);
        const previews = withPreviewInputs(config.previews, inputs);
        const base = config.environments.find((e) => e.name === previews.base);
        return {
            kind: 'sweep',
            cluster: inputs.cluster ?? base?.cluster ?? 'default',
            ...(base?.region !== undefined && { region: base.region }),
            previews,
        };
    }
    const resolution = (0,src_config/* resolveEnvironment */.g9)(config, event, {
        ...(inputs.environment !== undefined && { environment: inputs.environment }),
        preview: inputs.preview !== undefined,
    });
    if (resolution.skipped) {
        // A skip is for a target the config file names. Services given as inputs name the target themselves (unless the
        // `environment` input gates them, as a matrix over environments does), so they are deployed as the inputs say.
        if (!inputs.services.length || inputs.environment !== undefined || inputs.preview !== undefined)
            return { kind: 'skip', reason: resolution.reason };
        return {
            ...planFromInputs(inputs, config.file),
            reason: `the \`service\` input names the target; no environment's settings apply (${resolution.reason})`,
        };
    }
    const environment = resolution.environment;
    const settled = withEnvironment(inputs, environment);
    if (!settled.services.length && !(0,settings_inputs/* runsAlone */.Gx)(inputs))
        throw new errors/* UserError */.yo(`Environment ${environment.name} in ${config.file} names no services, and the \`service\` input is empty.`);
    const pr = resolution.preview && event.pullRequest;
    checkBuildHasImage(settled, environment.name, config.file);
    const promotion = settled.promoteFrom === undefined
        ? undefined
        : planPromotion(config, {
            from: settled.promoteFrom,
            origin: inputs.promoteFrom !== undefined ? 'input' : 'config',
            target: { ...environment, services: settled.services },
            build: inputs.build !== undefined,
            image: inputs.image !== undefined,
            preview: resolution.preview !== undefined,
        });
    // One region of several is the job's (its matrix entry's `region`, or AWS_REGION): the deploy checks it is one of them.
    const region = settled.region ?? (environment.regions?.length === 1 ? environment.regions[0] : undefined);
    const regions = environment.regions && environment.regions.length > 1 ? environment.regions : undefined;
    return {
        kind: 'deploy',
        inputs: {
            ...settled,
            cluster: settled.cluster ?? 'default',
            environment: environment.name,
            ...(region !== undefined && { region }),
        },
        environment: {
            name: environment.name,
            ...(environment.url !== undefined && { url: environment.url }),
            ...(environment.production !== undefined && { production: environment.production }),
            ...(regions && { regions }),
        },
        reason: inputs.services.length
            ? `${resolution.reason}; the \`service\` input names the target, the environment fills in the rest`
            : resolution.reason,
        ...(promotion && { promotion }),
        ...(resolution.preview &&
            pr && {
            preview: {
                action: inputs.preview === 'destroy' ? 'destroy' : 'deploy',
                pr: resolution.preview.pr,
                headSha: pr.headSha,
                config: withPreviewInputs(resolution.preview.config, inputs),
            },
        }),
    };
}


/***/ }),

/***/ 2592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gg: () => (/* reexport */ deploy),
  GP: () => (/* reexport */ inputs/* getInputs */.GP),
  XB: () => (/* binding */ gitHubClient),
  kL: () => (/* binding */ logoutRegistries),
  ek: () => (/* binding */ planStep),
  XX: () => (/* binding */ render),
  pG: () => (/* binding */ rendersOffline),
  Zv: () => (/* reexport */ aws_region/* resolveRegion */.Z),
  e: () => (/* binding */ rollbackService),
  aH: () => (/* reexport */ github_event/* runEventFrom */.a),
  BD: () => (/* binding */ serviceFiles),
  E6: () => (/* binding */ serviceStatus),
  ml: () => (/* reexport */ clock/* systemClock */.ml)
});

// UNUSED EXPORTS: checkMovedInputs, failureMessage, promotedImageLines, readRunEvent, renderPlanSummary, renderSummary

// EXTERNAL MODULE: ./src/aws/region.ts
var aws_region = __webpack_require__(7249);
;// CONCATENATED MODULE: ./src/common/git-context.ts
function readGitContext(env = process.env) {
    const sha = env.GITHUB_SHA ?? '';
    return {
        sha,
        shortSha: sha.slice(0, 7),
        refName: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || '',
        repository: env.GITHUB_REPOSITORY ?? '',
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        runId: env.GITHUB_RUN_ID ?? '',
        runNumber: env.GITHUB_RUN_NUMBER ?? '',
        eventName: env.GITHUB_EVENT_NAME ?? '',
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
    };
}
/** The link to this run's log, for summaries and deployment statuses. */
function runUrl(git) {
    return git.repository && git.runId ? `${git.serverUrl}/${git.repository}/actions/runs/${git.runId}` : undefined;
}

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/engine/environment-plan.ts + 2 modules
var environment_plan = __webpack_require__(3271);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/common/deadline.ts
var common_deadline = __webpack_require__(673);
// EXTERNAL MODULE: ./src/http/proxy.ts
var proxy = __webpack_require__(7856);
// EXTERNAL MODULE: ./src/report/status.ts
var report_status = __webpack_require__(6934);
;// CONCATENATED MODULE: ./src/engine/deploy.ts
// The engine's entry point for a deploy: plain settings and ports in, a result out. Both doors (the action, the CLI) call it.
// Planning is all this module loads; carrying the plan out (the pipeline, the AWS SDK) is a chunk loaded after it.








/** The one-line error for a service: what happened, then the first cause in plain words and its fix. */
function failureMessage(report) {
    if (report.drift?.length)
        return `${report.service}: ${report.reason}`;
    const cause = report.failures?.[0]?.cause ?? report.eventCause;
    const why = cause ? ` ${cause.summary} ${cause.fix}` : '';
    // Without the stopped tasks the cause may be missing: say why rather than let it look like there were none.
    const unread = report.stoppedTasksError && !report.failures?.length
        ? ` Diagnosis incomplete: ${report.stoppedTasksError.replace(/\.$/, '')}.`
        : '';
    return `Deployment of ${report.service} ${report.status}: ${report.reason.replace(/\.$/, '')}.${why}${unread}`;
}
/** An environment of several regions deploys one of them per run: the `region` input or AWS_REGION must name one. */
function checkRegionOf(environment, region) {
    if (!environment?.regions || environment.regions.includes(region))
        return;
    throw new errors/* UserError */.yo(`Environment ${environment.name} deploys to regions ${environment.regions.join(', ')}, not ${region} (this run's \`region\` input or AWS_REGION). Deploy each region as its own entry of the plan's matrix: \`region: \${{ matrix.region }}\`.`);
}
/** Plans and carries out a run; publishes its outputs and summary through the ports, also when it fails. */
async function deploy(settings, ports) {
    const { clock, log } = ports;
    const env = settings.env ?? process.env;
    const started = clock.now();
    let report;
    // The run's deadline: each phase restarts it; every AWS and GitHub call carries it.
    const deadline = ports.deadline ?? new common_deadline/* RunDeadline */.sQ(ports.signal, undefined, clock.now);
    deadline.restart(settings.inputs.timeoutMinutes * 60_000);
    const made = [];
    try {
        const { inputs, git } = settings;
        const plan = await (0,environment_plan/* planRun */.n)(inputs, git, settings.event);
        const url = runUrl(git);
        const cluster = plan.kind === 'deploy' ? plan.inputs.cluster : plan.kind === 'sweep' ? plan.cluster : (inputs.cluster ?? '');
        const region = plan.kind === 'skip'
            ? (inputs.region ?? env.AWS_REGION ?? '')
            : (0,aws_region/* resolveRegion */.Z)(plan.kind === 'deploy' ? plan.inputs.region : (plan.region ?? inputs.region), env);
        if (plan.kind === 'deploy')
            checkRegionOf(plan.environment, region);
        const environment = plan.kind === 'deploy' && plan.environment
            ? { environment: plan.environment.name, ...(plan.reason && { environmentReason: plan.reason }) }
            : {};
        report = {
            cluster,
            region,
            status: 'failed',
            reason: '',
            durationSeconds: 0,
            services: [],
            ...(url && { runUrl: url }),
            ...environment,
        };
        const [carrying, { createClients }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(815), __webpack_require__.e(153), __webpack_require__.e(131), __webpack_require__.e(721), __webpack_require__.e(490), __webpack_require__.e(836)]).then(__webpack_require__.bind(__webpack_require__, 5836)), Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(201)]).then(__webpack_require__.bind(__webpack_require__, 201))]);
        const aws = ports.aws ??
            ((where, within = deadline) => {
                const clients = createClients(where, within);
                made.push(clients);
                return clients;
            });
        const pullRequest = settings.event.pullRequest?.number;
        const { thrown, ...outcome } = await carrying.carryOut(plan, git, { ...ports, aws, deadline }, report, pullRequest);
        // A failure part-way is reported with what was done before it.
        report = { ...report, ...outcome };
        if (thrown)
            throw thrown.error;
        const failed = report.services.filter((s) => (0,report_status/* isFailure */.N)(s.status));
        if (failed.length) {
            throw new errors/* DeploymentFailed */.Nr(failed.map(failureMessage).join('\n'), report.status);
        }
        log.info((0,report_text/* logSafe */.sN)(report.status === 'skipped'
            ? `⏭️ ${report.reason}`
            : `✅ ${report.reason || report.services.map((s) => `${s.service}: ${s.reason}`).join('; ')}`));
        return { report };
    }
    catch (error) {
        const known = error instanceof errors/* UserError */.yo ||
            error instanceof errors/* DeploymentFailed */.Nr ||
            error instanceof errors/* AwsError */.Gy ||
            error instanceof errors/* NoAnswer */.W_;
        const status = error instanceof errors/* DeploymentFailed */.Nr ? error.status : error instanceof errors/* NoAnswer */.W_ ? 'timed-out' : 'failed';
        if (report) {
            report.status = status;
            if (!(error instanceof errors/* DeploymentFailed */.Nr))
                report.reason = (0,errors/* errorMessage */.gJ)(error);
            // Services the run had not finished with share the run's error (a bad input, a failed one-off task…).
            report.services = report.services.map((s) => (s.reason ? s : { ...s, status, reason: (0,errors/* errorMessage */.gJ)(error) }));
        }
        const failure = error instanceof errors/* UserError */.yo ? 'bad-input' : error instanceof errors/* DeploymentFailed */.Nr ? 'deployment' : 'error';
        return {
            ...(report && { report }),
            failure,
            status,
            message: known ? error.message : `Unexpected error: ${(0,errors/* errorMessage */.gJ)(error)}`,
            ...((0,errors/* fileLocations */.NC)(error).length > 0 && { locations: (0,errors/* fileLocations */.NC)(error) }),
        };
    }
    finally {
        // Nothing the run opened may keep the process alive once it is over.
        for (const clients of made)
            clients.destroy();
        (0,proxy/* closeProxyAgents */.pX)();
        if (report) {
            report.durationSeconds = Math.round((clock.now() - started) / 1000);
            await ports.outputs(report);
            await ports.summary(report);
        }
    }
}

// EXTERNAL MODULE: ./src/settings/inputs.ts + 2 modules
var inputs = __webpack_require__(9303);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(5015);
// EXTERNAL MODULE: ./src/deploy/clock.ts
var clock = __webpack_require__(3941);
;// CONCATENATED MODULE: ./src/engine/index.ts





/** `mode: plan` / `plan`: the environments (and regions) the ref deploys, as a matrix. Reads the config file; no AWS. */
async function planStep(settings, log) {
    return (await __webpack_require__.e(/* import() */ 366).then(__webpack_require__.bind(__webpack_require__, 366))).planStep(settings, log);
}
/** The plan's job summary, in Markdown. */
async function renderPlanSummary(plan) {
    return (await __webpack_require__.e(/* import() */ 330).then(__webpack_require__.bind(__webpack_require__, 5330))).renderPlanSummary(plan);
}
/** Whether `render` needs no AWS (a template, no image to look up): the CLI renders those offline. */
async function rendersOffline(settings) {
    return (await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(815), __webpack_require__.e(131), __webpack_require__.e(66)]).then(__webpack_require__.bind(__webpack_require__, 9760))).rendersOffline(settings);
}
/** The task definitions rendered from a template, offline. Loads @aws-sdk/client-ecs for the API model it checks them against. */
async function render(settings, log) {
    return (await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(815), __webpack_require__.e(131), __webpack_require__.e(66)]).then(__webpack_require__.bind(__webpack_require__, 9760))).render(settings, log);
}
/** The run's job summary, in Markdown. */
async function renderSummary(run) {
    return (await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(815), __webpack_require__.e(153), __webpack_require__.e(721)]).then(__webpack_require__.bind(__webpack_require__, 2721))).renderSummary(run);
}
/** The `promoted-images` output: one `name=image` line per image promoted. */
async function promotedImageLines(run) {
    return (await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(815), __webpack_require__.e(153), __webpack_require__.e(721)]).then(__webpack_require__.bind(__webpack_require__, 2721))).promotedImageLines(run);
}
/** The GitHub API client for `token` (loads @octokit/core). */
async function gitHubClient(token, env, deadline) {
    return (await Promise.all(/* import() */[__webpack_require__.e(629), __webpack_require__.e(584)]).then(__webpack_require__.bind(__webpack_require__, 6584))).gitHubClient(token, env, deadline);
}
/** Logs docker out of the registries a run logged in to. */
async function logoutRegistries(registries, log) {
    return (await __webpack_require__.e(/* import() */ 261).then(__webpack_require__.bind(__webpack_require__, 9261))).logoutRegistries(registries, log);
}
/** `status`: the service, its deployments and its newest events, as lines and as data. */
async function serviceStatus(request, ports) {
    return (await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(815), __webpack_require__.e(153), __webpack_require__.e(131), __webpack_require__.e(490), __webpack_require__.e(184)]).then(__webpack_require__.bind(__webpack_require__, 6184))).serviceStatus(request, ports);
}
/** `rollback`: stops the rollout in flight with a rollback, or deploys the revision before (or the one given), and follows it. */
async function rollbackService(request, ports) {
    return (await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(815), __webpack_require__.e(153), __webpack_require__.e(131), __webpack_require__.e(490), __webpack_require__.e(184)]).then(__webpack_require__.bind(__webpack_require__, 6184))).rollbackService(request, ports);
}
/** `init`: the task definition, service definition and config file of a running service, as files to write. */
async function serviceFiles(request, ports) {
    return (await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(815), __webpack_require__.e(153), __webpack_require__.e(131), __webpack_require__.e(490), __webpack_require__.e(184)]).then(__webpack_require__.bind(__webpack_require__, 6184))).serviceFiles(request, ports);
}


/***/ }),

/***/ 5015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ runEventFrom)
/* harmony export */ });
/* unused harmony export readRunEvent */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);


/** The event as environment resolution sees it, from the event name, GITHUB_REF and the event payload. */
function runEventFrom(name, ref, payload) {
    const p = (payload ?? {});
    const number = p.pull_request?.number ?? p.number;
    if (!p.pull_request || number === undefined)
        return { name, ref };
    return {
        name,
        ref,
        pullRequest: {
            number,
            action: p.action ?? '',
            baseRef: p.pull_request.base?.ref ?? '',
            headRef: p.pull_request.head?.ref ?? '',
            headSha: p.pull_request.head?.sha ?? '',
        },
    };
}
/** Reads the run's event from the runner's GITHUB_EVENT_NAME, GITHUB_REF and GITHUB_EVENT_PATH. */
function readRunEvent(env = process.env) {
    const path = env.GITHUB_EVENT_PATH;
    return runEventFrom(env.GITHUB_EVENT_NAME ?? '', env.GITHUB_REF ?? '', path ? eventPayload(path) : {});
}
function eventPayload(path) {
    try {
        return JSON.parse(readFileSync(path, 'utf8'));
    }
    catch (error) {
        throw new UserError(`Could not read the event payload GITHUB_EVENT_PATH (${path}): ${errorMessage(error)}. The runner writes it as JSON; outside GitHub Actions, point GITHUB_EVENT_PATH at a JSON file or unset it.`);
    }
}


/***/ }),

/***/ 7856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ proxyConfigured),
/* harmony export */   H2: () => (/* binding */ proxyAgentFor),
/* harmony export */   pX: () => (/* binding */ closeProxyAgents)
/* harmony export */ });
const PROXY_VARIABLES = ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY'];
/** Whether any proxy variable is set, so a request may have to go through a proxy. */
function proxyConfigured(env = process.env) {
    return PROXY_VARIABLES.some((name) => env[name] || env[name.toLowerCase()]);
}
const agents = new Map();
/** The agent that tunnels a request for `url` through its proxy; undefined when it goes direct (no proxy, NO_PROXY). */
async function proxyAgentFor(url) {
    if (!proxyConfigured())
        return undefined;
    const { getProxyForUrl } = await __webpack_require__.e(/* import() */ 182).then(__webpack_require__.bind(__webpack_require__, 8182));
    const proxy = getProxyForUrl(String(url));
    if (!proxy)
        return undefined;
    let agent = agents.get(proxy);
    if (!agent) {
        const { HttpsProxyAgent } = await __webpack_require__.e(/* import() */ 643).then(__webpack_require__.bind(__webpack_require__, 5643));
        agent = new HttpsProxyAgent(proxy, { keepAlive: true });
        agents.set(proxy, agent);
    }
    return agent;
}
/** Closes the proxy agents' idle connections (the run is over). */
function closeProxyAgents() {
    for (const agent of agents.values())
        agent.destroy();
    agents.clear();
}


/***/ }),

/***/ 7853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ secretLikeBuildArgs),
/* harmony export */   CH: () => (/* binding */ buildArgs),
/* harmony export */   Xy: () => (/* binding */ parseLabels),
/* harmony export */   c4: () => (/* binding */ needsBuildKit),
/* harmony export */   mj: () => (/* binding */ secretBuildArgsWarning),
/* harmony export */   t1: () => (/* binding */ effectiveBuildArgs)
/* harmony export */ });
/* unused harmony exports BUILD_KEY_LABEL, imageLabels */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _build_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1341);


/** The image label that holds the build key (see build-key.ts). */
const BUILD_KEY_LABEL = 'org.ecs-deploy-action.build-key';
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** The build arguments docker gets: COMMIT_HASH and GIT_SHA from the commit, then the user's (which win). */
function effectiveBuildArgs(buildArgs, git) {
    const merged = new Map([
        ['COMMIT_HASH', git.sha],
        ['GIT_SHA', git.sha],
    ]);
    for (const [name, value] of Object.entries(buildArgs)) {
        if (!BUILD_ARG_NAME.test(name)) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`build-args: "${name}" is not a build argument name (letters, digits and _, not starting with a digit); write one NAME=value per line.`);
        }
        merged.set(name, value);
    }
    return [...merged];
}
const SECRET_LIKE = /TOKEN|PASSWORD|SECRET|KEY/i;
/** The build arguments whose names look like secrets (*TOKEN*, *PASSWORD*, *SECRET*, *KEY*). */
function secretLikeBuildArgs(buildArgs) {
    return Object.keys(buildArgs).filter((name) => SECRET_LIKE.test(name));
}
/**
 * The warning for build arguments that look like secrets: a build argument's value stays in the image's
 * history for anyone who can pull it, and is on the docker command line.
 */
function secretBuildArgsWarning(names) {
    return (`build-args ${names.join(', ')} look${names.length === 1 ? 's' : ''} like ${names.length === 1 ? 'a secret' : 'secrets'}: ` +
        'a build argument is kept in the image history (docker history shows it to anyone who can pull the image) and is ' +
        'on the docker command line. Pass secrets with the `build-secrets` input instead (id=value, read in the Dockerfile ' +
        'with RUN --mount=type=secret,id=<id>); the values are masked in this log.');
}
/** OCI labels that tie the image to its commit. */
function imageLabels(context) {
    const { git } = context;
    const labels = [['org.opencontainers.image.revision', git.sha]];
    // Outside GitHub (the CLI in another CI) the repository is unknown: no source beats a server's bare address.
    if (git.repository !== '')
        labels.push(['org.opencontainers.image.source', `${git.serverUrl.replace(/\/+$/, '')}/${git.repository}`]);
    labels.push(['org.opencontainers.image.created', context.created]);
    if (git.refName !== '')
        labels.push(['org.opencontainers.image.version', git.refName]);
    if (context.buildKey !== undefined)
        labels.push([BUILD_KEY_LABEL, context.buildKey]);
    return labels;
}
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
/**
 * `labels` lines `key=value` (docker/metadata-action's `labels` output), split at the first `=` (values may hold `=`).
 * Given after the action's own OCI labels, so the user's win on the same key.
 */
function parseLabels(lines) {
    return lines.map((line, index) => {
        const eq = line.indexOf('=');
        const key = eq === -1 ? line.trim() : line.slice(0, eq).trim();
        if (eq === -1 || !LABEL_KEY.test(key)) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(eq === -1
                ? `labels: line ${index + 1} "${key}" is not key=value (it has no "="); write one key=value per line, like org.opencontainers.image.title=web.`
                : `labels: line ${index + 1} has key "${key}", which is not a label key (letters, digits, . _ / -, starting with a letter or digit).`);
        }
        return [key, line.slice(eq + 1)];
    });
}
/** Whether an attestation input (provenance/sbom) asks for attestations: unset or `false` asks for none. */
function wantsAttestation(value) {
    return value !== undefined && value.trim() !== '' && value.trim().toLowerCase() !== 'false';
}
/** The legacy builder's refusals: what only buildx can do, named by input. */
function checkLegacyBuilder(inputs, context) {
    if (inputs.platforms.length > 0) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`platforms: building for ${inputs.platforms.join(',')} needs Docker Buildx, which this runner does not have: add docker/setup-buildx-action before this step, or remove platforms.`);
    }
    if (inputs.cacheTo.length > 0) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('cache-to needs Docker Buildx, which this runner does not have: add docker/setup-buildx-action before this step, or remove cache-to.');
    }
    const typed = inputs.cacheFrom.find((source) => source.includes('='));
    if (typed !== undefined) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`cache-from: "${typed}" is a Buildx cache source, but this runner has no Buildx and the legacy docker builder takes image references only (like ${context.repository}:cache): add docker/setup-buildx-action before this step, or give an image reference.`);
    }
    for (const name of ['provenance', 'sbom']) {
        if (wantsAttestation(inputs[name])) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${name}: "${inputs[name]}" asks for an attestation, which needs docker buildx; this runner does not have it: add docker/setup-buildx-action before this step, or set ${name}: false.`);
        }
    }
}
/** Whether the legacy builder must run with BuildKit (DOCKER_BUILDKIT=1): build secrets and SSH need it. */
function needsBuildKit(context) {
    return context.mounts !== undefined && (0,_build_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .hasMounts */ .Hj)(context.mounts);
}
/**
 * The arguments after `docker` for the build: `buildx build …` or the legacy `build …`.
 * Pure, so every combination is tested in a table; throws a UserError for what the chosen builder cannot do.
 */
function buildArgs(inputs, context, options) {
    const { buildx } = options;
    if (!buildx)
        checkLegacyBuilder(inputs, context);
    // BuildKit (buildx, or the legacy command with DOCKER_BUILDKIT=1) prints its progress plainly, one step a line.
    const args = buildx
        ? ['buildx', 'build', '--progress=plain']
        : needsBuildKit(context)
            ? ['build', '--progress=plain']
            : ['build'];
    if (context.dockerfile !== undefined)
        args.push('--file', context.dockerfile);
    for (const tag of context.tags)
        args.push('--tag', `${context.repository}:${tag}`);
    for (const [name, value] of effectiveBuildArgs(inputs.buildArgs, context.git))
        args.push('--build-arg', `${name}=${value}`);
    for (const [name, value] of [...imageLabels(context), ...parseLabels(inputs.labels ?? [])])
        args.push('--label', `${name}=${value}`);
    if (inputs.target)
        args.push('--target', inputs.target);
    if (inputs.platforms.length > 0)
        args.push('--platform', inputs.platforms.join(','));
    for (const source of inputs.cacheFrom)
        args.push('--cache-from', source);
    for (const destination of inputs.cacheTo)
        args.push('--cache-to', destination);
    if (context.mounts !== undefined)
        args.push(...(0,_build_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .mountArgs */ .FB)(context.mounts));
    if (inputs.noCache)
        args.push('--no-cache');
    if (inputs.pull)
        args.push('--pull');
    if (buildx) {
        // buildx's own defaults stand when unset (provenance on, sbom off); `false` turns one off, as build-push-action.
        if (inputs.provenance !== undefined && inputs.provenance.trim() !== '')
            args.push(`--provenance=${inputs.provenance.trim()}`);
        if (inputs.sbom !== undefined && inputs.sbom.trim() !== '')
            args.push(`--sbom=${inputs.sbom.trim()}`);
        if (options.metadataFile !== undefined)
            args.push('--metadata-file', options.metadataFile);
        if (inputs.push)
            args.push('--push');
        // --load keeps a local copy to look at; buildx cannot load a multi-platform image into the classic store.
        else if (inputs.platforms.length <= 1)
            args.push('--load');
    }
    args.push(inputs.build);
    return args;
}


/***/ }),

/***/ 1341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ parseBuildSecretFiles),
/* harmony export */   FB: () => (/* binding */ mountArgs),
/* harmony export */   Fr: () => (/* binding */ mountEnvironment),
/* harmony export */   Hj: () => (/* binding */ hasMounts),
/* harmony export */   Jm: () => (/* binding */ parseBuildSecrets),
/* harmony export */   Mc: () => (/* binding */ parseSsh)
/* harmony export */ });
/* unused harmony export secretVariable */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _common_workspace_path_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7682);
// Build secrets and SSH forwarding: what `docker build --secret` / `--ssh` get. A secret's value never goes into
// argv: docker reads it from an environment variable of its own process (`--secret id=…,env=…`).



// BuildKit's ids are free text, but the flag is comma separated `key=value`: a comma or `=` would split it.
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
const ID_RULE = 'letters, digits, _ . and - only';
/** The environment variable that carries secret number `index` to docker. */
function secretVariable(index) {
    return `ECS_DEPLOY_BUILD_SECRET_${index}`;
}
/**
 * `build-secrets` lines, like build-push-action's `secrets`: `id=value` (split at the first `=`; the value may hold
 * `=`), or `id` alone for the value of the environment variable of that name — as docker's own `--secret id=<id>`
 * does, and the way to keep a value off a command line (the CLI's flags) too. A value is never echoed.
 */
function parseBuildSecrets(lines, env = {}) {
    const secrets = lines.map((line, index) => {
        const eq = line.indexOf('=');
        const id = (eq === -1 ? line : line.slice(0, eq)).trim();
        checkId('build-secrets', id, index);
        if (eq !== -1)
            return { id, value: line.slice(eq + 1) };
        const value = env[id];
        if (value === undefined) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`build-secrets: line ${index + 1} is "${id}" with no value, and no environment variable ${id} is set: write id=value, or set ${id} in the environment (the step's env).`);
        }
        return { id, value };
    });
    return noRepeatedIds('build-secrets', secrets);
}
/**
 * `id=path` lines (`build-secret-files`, like build-push-action's `secret-files`): each path must be a file inside
 * the workspace, so a workflow cannot hand the runner's own files (credentials, keys) to a build by mistake.
 */
async function parseBuildSecretFiles(lines, workspace) {
    const files = [];
    for (const [index, line] of lines.entries()) {
        const eq = line.indexOf('=');
        const id = eq === -1 ? '' : line.slice(0, eq).trim();
        const given = eq === -1 ? '' : line.slice(eq + 1).trim();
        if (eq === -1 || given === '') {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`build.secret-files: line ${index + 1} is not id=path; write one id=path per line, the path relative to the workspace.`);
        }
        checkId('build-secret-files', id, index);
        if (/[,"]/.test(given)) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`build.secret-files: the path of secret "${id}" holds a comma or a quote, which docker's --secret cannot take; rename the file.`);
        }
        const absolute = await (0,_common_workspace_path_js__WEBPACK_IMPORTED_MODULE_2__/* .insideWorkspace */ .C)('build.secret-files', given, workspace);
        const isFile = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(absolute).then((info) => info.isFile(), () => false);
        if (!isFile) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`build.secret-files: secret "${id}" names ${given}, which is not a file (looked at ${absolute}): write the secret to that file in an earlier step, or fix the path.`);
        }
        files.push({ id, path: absolute });
    }
    return noRepeatedIds('build-secret-files', files);
}
/**
 * `ssh` lines: `default` (the runner's SSH agent) or `id=socket-or-key[,…]`, as docker's `--ssh` takes them. An id
 * without a path means the agent at SSH_AUTH_SOCK, which must then be set.
 */
function parseSsh(lines, env = {}) {
    for (const [index, line] of lines.entries()) {
        const id = line.split('=')[0]?.trim() ?? '';
        if (!SECRET_ID.test(id)) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`ssh: line ${index + 1} "${id}" is not an SSH id (${ID_RULE}); write \`default\` for the runner's SSH agent, or id=path to a socket or key.`);
        }
        if (!line.includes('=') && !env.SSH_AUTH_SOCK) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`ssh: "${line}" uses the runner's SSH agent, but SSH_AUTH_SOCK is not set: start an agent and add the key in an earlier step (e.g. webfactory/ssh-agent), or write ${id}=<path to the key>.`);
        }
    }
    return [...lines];
}
/** The `--secret`/`--ssh` arguments: secrets by value point docker at an environment variable, never at the value. */
function mountArgs(mounts) {
    const args = [];
    mounts.secrets.forEach(({ id }, index) => args.push('--secret', `id=${id},env=${secretVariable(index)}`));
    for (const { id, path } of mounts.secretFiles)
        args.push('--secret', `id=${id},src=${path}`);
    for (const ssh of mounts.ssh)
        args.push('--ssh', ssh);
    return args;
}
/** The environment docker needs for the secrets given by value (merged into its process's environment only). */
function mountEnvironment(mounts) {
    return Object.fromEntries(mounts.secrets.map(({ value }, index) => [secretVariable(index), value]));
}
/** Whether the build mounts anything (BuildKit is needed then). */
function hasMounts(mounts) {
    return mounts.secrets.length + mounts.secretFiles.length + mounts.ssh.length > 0;
}
function checkId(input, id, index) {
    if (!SECRET_ID.test(id)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${input}: line ${index + 1} has ${id === '' ? 'no id before "="' : `id "${id}", which is not an id (${ID_RULE})`}; the id is what the Dockerfile mounts (RUN --mount=type=secret,id=<id>).`);
    }
}
function noRepeatedIds(input, items) {
    const seen = new Set();
    for (const { id } of items) {
        if (seen.has(id))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${input}: secret id "${id}" is given twice; each id once.`);
        seen.add(id);
    }
    return items;
}


/***/ }),

/***/ 3564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GN: () => (/* binding */ endpointHost),
/* harmony export */   IL: () => (/* binding */ registryKind),
/* harmony export */   an: () => (/* binding */ imageRepository),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   tO: () => (/* binding */ imageName),
/* harmony export */   wl: () => (/* binding */ parseEcrHost)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

// The distribution grammar: algorithm-component ([+._-] algorithm-component)* ":" encoded; registries accept these three.
const DIGEST_ALGORITHM = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*$/;
const HEX_DIGITS = { sha256: 64, sha384: 96, sha512: 128 };
const TAG_MAX = 128;
// Docker's grammar: lowercase alphanumerics separated by one `.` or `_`, two `_`, or any number of `-`.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?$`);
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** Why `digest` (after `@`) is not one, or undefined when it is. */
function digestProblem(digest) {
    const colon = digest.indexOf(':');
    if (colon < 0)
        return `"${digest}" after @ is not a digest: expected algorithm:hex, like sha256:<64 hex digits>`;
    const algorithm = digest.slice(0, colon);
    const hex = digest.slice(colon + 1);
    const digits = HEX_DIGITS[algorithm];
    if (digits === undefined) {
        return DIGEST_ALGORITHM.test(algorithm)
            ? `digest algorithm "${algorithm}" is not one registries accept (sha256, sha384 or sha512)`
            : `"${algorithm}" is not a digest algorithm (lowercase letters and digits, like sha256)`;
    }
    if (!/^[a-f0-9]*$/.test(hex))
        return `a ${algorithm} digest is lowercase hex digits (0-9, a-f); "${hex}" is not`;
    if (hex.length !== digits)
        return `a ${algorithm} digest has ${digits} hex digits; "${hex}" has ${hex.length}`;
    return undefined;
}
/** Why `tag` (after the last `:`) is not one, or undefined when it is. */
function tagProblem(tag) {
    if (tag === '')
        return 'the tag after ":" is empty; give one, or leave out the ":"';
    if (tag.length > TAG_MAX)
        return `the tag has ${tag.length} characters; at most ${TAG_MAX}`;
    const bad = /[^A-Za-z0-9_.-]/.exec(tag)?.[0];
    if (bad)
        return `tag "${tag}" holds "${bad}"; a tag may only hold letters, digits, _ . and -`;
    if (/^[.-]/.test(tag))
        return `tag "${tag}" starts with "${tag[0]}"; it must start with a letter, digit or _`;
    return undefined;
}
/**
 * Splits an image reference the way Docker does: the first path component is a registry when it
 * has a `.` or a `:` or is `localhost`; otherwise the image is on Docker Hub (`nginx` → `library/nginx`).
 * A tag and a digest together (`web:1.2@sha256:…`) are valid: both are kept, and the digest alone decides
 * what is pulled (the tag is a label for people).
 * Throws a UserError naming `inputName` when the reference is not valid, saying what is wrong.
 */
function parseImageReference(ref, inputName = 'image') {
    const invalid = (why) => new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${inputName} "${ref}" is not a valid image reference: ${why}.`);
    const trimmed = ref.trim();
    if (trimmed === '')
        throw invalid('it is empty');
    if (/\s/.test(trimmed))
        throw invalid('it contains whitespace');
    const { name, tag, digest } = splitSuffixes(trimmed);
    const problem = (digest !== undefined ? digestProblem(digest) : undefined) ?? (tag !== undefined ? tagProblem(tag) : undefined);
    if (problem)
        throw invalid(problem);
    const { registry, parts, named } = splitName(name);
    if (named) {
        if (/:(?!\d+$)/.test(named.replace(/^\[[^\]]*\]/, ''))) {
            throw invalid('a tag cannot contain "/" (after a registry host, ":" is followed by a port number)');
        }
        if (!HOST.test(named))
            throw invalid(`"${named}" is not a registry host (host or host:port)`);
    }
    if (parts.length === 0 || parts.some((part) => part === ''))
        throw invalid('the repository name is missing or has an empty path component');
    for (const part of parts) {
        if (!PATH_COMPONENT.test(part)) {
            throw invalid(part.toLowerCase() !== part && PATH_COMPONENT.test(part.toLowerCase())
                ? `repository names must be lowercase ("${part}")`
                : `"${part}" may only hold lowercase letters, digits and single separators (. _ __ -) between them`);
        }
    }
    const repository = parts.join('/');
    if (registry.length + 1 + repository.length > 255)
        throw invalid('the name is longer than 255 characters');
    return { registry, repository, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}
/** The name, tag (after the last `:` past the last `/`) and digest (after `@`) of a reference, unchecked. */
function splitSuffixes(ref) {
    const at = ref.indexOf('@');
    const digest = at >= 0 ? ref.slice(at + 1) : undefined;
    const rest = at >= 0 ? ref.slice(0, at) : ref;
    const colon = rest.lastIndexOf(':');
    const tag = colon > rest.lastIndexOf('/') ? rest.slice(colon + 1) : undefined;
    const name = tag !== undefined ? rest.slice(0, colon) : rest;
    return { name, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}
/**
 * Registry and path components of a name: the first component is the registry when it has a `.` or a `:` or is
 * `localhost`, else Docker Hub (`nginx` → `library/nginx`). `named` is the registry as written, when one was.
 */
function splitName(name) {
    const parts = name.split('/');
    const first = parts[0] ?? '';
    const named = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined;
    if (named !== undefined)
        parts.shift();
    let registry = named ?? 'docker.io';
    if (DOCKER_HUB.has(registry.toLowerCase())) {
        registry = 'docker.io';
        if (parts.length === 1)
            parts.unshift('library');
    }
    return { registry, parts, ...(named !== undefined && { named }) };
}
/**
 * `registry/repository` of a reference, without tag or digest, with Docker Hub's implied parts; unchecked, so it
 * also reads a template's images that the grammar refuses (those are reported by the task definition's validation).
 */
function imageRepository(reference) {
    const { registry, parts } = splitName(splitSuffixes(reference).name);
    return `${registry}/${parts.join('/')}`;
}
/** `registry/repository`: the name to tag, push and deploy (`repo@sha256:…`). */
function imageName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
// <account>.dkr.ecr[-fips].<region>.<partition domain>, and the dual-stack <account>.dkr-ecr[-fips].<region>.on.aws.
const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.(?:amazonaws\.com(?:\.cn)?|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/;
const ECR_DUALSTACK_HOST = /^(\d{12})\.dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws$/;
/** The account and region of an Amazon ECR registry host, or undefined when the host is not ECR's. */
function parseEcrHost(host) {
    const match = ECR_HOST.exec(host.toLowerCase()) ?? ECR_DUALSTACK_HOST.exec(host.toLowerCase());
    if (!match?.[1] || !match[2])
        return undefined;
    return { accountId: match[1], region: match[2] };
}
/**
 * Which kind of registry a host is, for login and the ECR API calls:
 * - `ecr`: an Amazon ECR host (`<account>.dkr.ecr.<region>.amazonaws.com[.cn]`, FIPS, dual-stack, ISO partitions).
 * - `ecr-endpoint`: not an ECR host, but ECR is reached through a custom endpoint (AWS_ENDPOINT_URL_ECR or
 *   AWS_ENDPOINT_URL, as with a local stack). It is ECR only when GetAuthorizationToken's proxyEndpoint names
 *   this very host; the caller asks ECR and compares (see resolveEcrTarget).
 * - `other`: any other registry (Docker Hub, GHCR, a private one): registry-username/password, no ECR calls.
 */
function registryKind(host, env = process.env) {
    if (parseEcrHost(host))
        return 'ecr';
    if (host !== 'docker.io' && (env.AWS_ENDPOINT_URL_ECR || env.AWS_ENDPOINT_URL))
        return 'ecr-endpoint';
    return 'other';
}
/** The host (and port) of an ECR proxyEndpoint such as `https://123456789012.dkr.ecr.us-east-1.amazonaws.com`. */
function endpointHost(proxyEndpoint) {
    return proxyEndpoint
        .trim()
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/\/.*$/, '');
}


/***/ }),

/***/ 1813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YL: () => (/* binding */ STRATEGIES),
/* harmony export */   ou: () => (/* binding */ PAUSE_ALIASES),
/* harmony export */   x_: () => (/* binding */ PAUSE_STAGES)
/* harmony export */ });
// The strategy names and options: the one place that declares them. Every mechanism translates each name to its own
// configuration (mechanism.ts `configure`), so a name added here is a compile error in each one until it handles it.
// This file imports nothing: the settings, the config file and the mechanisms all read it.
/** `strategy`: one input whatever the mechanism (ECS rolling update, ECS-native blue/green…, CodeDeploy). */
const STRATEGIES = ['rolling', 'blue-green', 'canary', 'linear'];
/** The lifecycle stages where ECS allows a PAUSE hook (ContinueServiceDeployment resumes it). */
const PAUSE_STAGES = [
    'PRE_SCALE_UP',
    'POST_SCALE_UP',
    'POST_TEST_TRAFFIC_SHIFT',
    'PRE_PRODUCTION_TRAFFIC_SHIFT',
    'POST_PRODUCTION_TRAFFIC_SHIFT',
];
/** Friendly names for `wait-until`; `ready` is CodeDeploy's word for the same point (test traffic on the new revision). */
const PAUSE_ALIASES = {
    'scaled-up': 'POST_SCALE_UP',
    'test-traffic-shifted': 'POST_TEST_TRAFFIC_SHIFT',
    ready: 'POST_TEST_TRAFFIC_SHIFT',
    'production-traffic-shifted': 'POST_PRODUCTION_TRAFFIC_SHIFT',
};


/***/ }),

/***/ 6934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ isFailure)
/* harmony export */ });
/** Whether a deployment (or a run) with this status failed: the one definition the exit code, the summary and GitHub use. */
function isFailure(status) {
    return status === 'failed' || status === 'rolled-back' || status === 'timed-out';
}


/***/ }),

/***/ 5655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g5: () => (/* binding */ summaryText),
/* harmony export */   gC: () => (/* binding */ summaryCode),
/* harmony export */   sN: () => (/* binding */ logSafe)
/* harmony export */ });
/**
 * Outside text (service events, stop reasons, log lines, values from files) is data. These functions are the one
 * place it is made safe: for the job log, no line of it can start a workflow command; for the job summary, it
 * cannot close its code block, open a link or inject HTML.
 */
/** Every way a line ends, as the runner (and any viewer) may split them. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/;
/**
 * The text with each of its lines inert for the runner: `::command::` is read after leading whitespace,
 * and the older `##[command]` anywhere in a line. A backslash makes both plain text.
 */
function logSafe(text) {
    return text
        .split(LINE_BREAK)
        .map((line) => line.replaceAll('##[', '##\\[').replace(/^(\s*)::/, '$1\\::'))
        .join('\n');
}
/** The text as a fenced code block whose fence is longer than any run of backticks in it. */
function summaryCode(text) {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}\n${text.split(LINE_BREAK).join('\n')}\n${fence}`;
}
/** Characters an address or an image reference may hold; none of them can end a code span or a table cell. */
const REFERENCE_CHAR = String.raw `[\w.:/?#&=%~+@!$,;-]`;
/** An address (`scheme://…`, `www.…`) or anything with an `@` (image digests, e-mail addresses, mentions). */
const REFERENCE = new RegExp(String.raw `(?:[a-z][a-z0-9+.-]*://|www\.)${REFERENCE_CHAR}*|${REFERENCE_CHAR}*@${REFERENCE_CHAR}*`, 'gi');
/** Outside text that is not a reference: HTML and Markdown punctuation escaped. */
function escapeInline(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]|~]/g, '\\$&');
}
/**
 * The text as inline Markdown that renders as itself: on one line, HTML escaped, the punctuation that makes
 * code, emphasis, links, table cells or (at the start) headings and lists backslash-escaped. Addresses and
 * references with an `@` become code spans: they copy exactly as they were, yet never become a link or a mention.
 */
function summaryText(text) {
    const line = text.split(LINE_BREAK).join(' ');
    let out = '';
    let at = 0;
    for (const match of line.matchAll(REFERENCE)) {
        // A sentence's closing punctuation is not part of the address.
        const reference = match[0].replace(/[.,;:!?]+$/, '');
        if (!reference)
            continue;
        out += escapeInline(line.slice(at, match.index)) + `\`${reference}\``;
        at = match.index + reference.length;
    }
    return (out + escapeInline(line.slice(at))).replace(/^(\s*)([#+=-]|\d+[.)])/, '$1\\$2');
}


/***/ }),

/***/ 7469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wt: () => (/* binding */ scalingProblems),
/* harmony export */   am: () => (/* binding */ SCALING_METRICS),
/* harmony export */   bN: () => (/* binding */ scalingText),
/* harmony export */   dZ: () => (/* binding */ SCALING_KEYS),
/* harmony export */   h$: () => (/* binding */ scalingUpdate),
/* harmony export */   vJ: () => (/* binding */ SCALING_RANGES)
/* harmony export */ });
/** The metrics ECS scales an Express service by (the API's ExpressGatewayServiceScalingMetric; a test compares). */
const SCALING_METRICS = [
    'AVERAGE_CPU',
    'AVERAGE_MEMORY',
    'REQUEST_COUNT_PER_TARGET',
];
/** The metrics whose target value is a percentage of the tasks' CPU or memory. */
const PERCENT_METRICS = ['AVERAGE_CPU', 'AVERAGE_MEMORY'];
/** Each member's config key under `service-settings`, in the order they are shown. */
const SCALING_KEYS = {
    minTaskCount: 'express-scaling-min-tasks',
    maxTaskCount: 'express-scaling-max-tasks',
    autoScalingMetric: 'express-scaling-metric',
    autoScalingTargetValue: 'express-scaling-target',
};
/**
 * The bounds of the whole numbers. The API types them Integer and documents no range: tasks are bounded by ECS's
 * quota of 5,000 tasks per service, the target by its metric (a percentage, or requests per task).
 */
const SCALING_RANGES = {
    minTaskCount: { min: 1, max: 5000 },
    maxTaskCount: { min: 1, max: 5000 },
    autoScalingTargetValue: { min: 1, max: 2147483647 },
};
/** ECS's values for what an Express service's target leaves out (the API reference: CPU at 60 %). */
const DEFAULTS = { autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 };
/** What is wrong with a scaling target (as written, or as the service would have it), by config key; empty: nothing. */
function scalingProblems(target) {
    const problems = [];
    const { minTaskCount: min, maxTaskCount: max, autoScalingMetric: metric, autoScalingTargetValue: value } = target;
    if (min !== undefined && max !== undefined && min > max)
        problems.push({
            key: SCALING_KEYS.minTaskCount,
            message: `${min} is above ${SCALING_KEYS.maxTaskCount} (${max}); the minimum task count must not exceed the maximum`,
        });
    if (value !== undefined && value > 100 && PERCENT_METRICS.includes(metric ?? DEFAULTS.autoScalingMetric))
        problems.push({
            key: SCALING_KEYS.autoScalingTargetValue,
            message: `${value} is not a percentage; with metric ${metric ?? `${DEFAULTS.autoScalingMetric} (the default)`} the target is a share of the tasks' ${metric === 'AVERAGE_MEMORY' ? 'memory' : 'CPU'} from 1 to 100`,
        });
    return problems;
}
/**
 * The whole target to send when `wanted` changes a member of the `live` one; undefined when it changes nothing. Sent
 * whole (the live members with the wanted ones over them), so what the service ends with does not depend on how ECS
 * merges a partial target, which it does not document.
 */
function scalingUpdate(live, wanted) {
    if (!wanted)
        return undefined;
    const members = Object.keys(SCALING_KEYS);
    const current = withDefaults(live);
    if (members.every((m) => wanted[m] === undefined || wanted[m] === current[m]))
        return undefined;
    return { ...live, ...wanted };
}
/** A target in words, for the plan, the diff and the log: `2–4 tasks, AVERAGE_CPU at 60`. */
function scalingText(target) {
    const { minTaskCount: min, maxTaskCount: max, autoScalingMetric, autoScalingTargetValue } = withDefaults(target);
    const fewest = min ?? 1;
    const tasks = max === undefined ? `at least ${fewest} task${fewest === 1 ? '' : 's'}` : `${fewest}–${max} tasks`;
    const unit = PERCENT_METRICS.includes(autoScalingMetric ?? '') ? ' %' : '';
    return `${tasks}, ${autoScalingMetric} at ${autoScalingTargetValue}${unit}`;
}
const withDefaults = (target) => ({
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(target ?? {}).filter(([, v]) => v !== undefined)),
});


/***/ }),

/***/ 9303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GP: () => (/* binding */ getInputs),
  Gx: () => (/* binding */ runsAlone)
});

// UNUSED EXPORTS: checkMovedInputs, parseBoolean, parseChoice, parseEnvChanges, parseImageInput, parseInteger, parseList, parseNumber, parseSecrets, parseVars

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/settings/strategy.ts
var settings_strategy = __webpack_require__(9524);
// EXTERNAL MODULE: ./src/image/build-command.ts
var build_command = __webpack_require__(7853);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/settings/verify.ts
var settings_verify = __webpack_require__(8556);
// EXTERNAL MODULE: ./src/analysis/spec.ts
var spec = __webpack_require__(7647);
// EXTERNAL MODULE: ./src/settings/table.ts
var table = __webpack_require__(2221);
;// CONCATENATED MODULE: ./src/settings/official.ts
// The official aws-actions ECS actions' inputs in a workflow moved to this action: their names for our settings are
// read as aliases (the `aliases` of a row in settings.ts), and a value that only makes sense in the official meaning
// of a name we share is stopped with what to write instead. README "Migrating from the official actions" lists them all.


/**
 * A reader that answers a setting's name with its alias's value when only the alias is given. Both given with
 * different values is an error; each alias used is said once, with the setting's own name.
 */
function readingAliases(read, log) {
    const fromAlias = new Map();
    for (const setting of table/* SETTINGS */.yy) {
        for (const alias of setting.aliases ?? []) {
            const value = read(alias).trim();
            if (!value)
                continue;
            const own = read(setting.name).trim();
            if (own && !same(own, value, setting.kind)) {
                throw new errors/* UserError */.yo(`Inputs \`${setting.name}\` and \`${alias}\` (its official actions' name) are both given, with different values: give only \`${setting.name}\`.`);
            }
            fromAlias.set(setting.name, value);
            log.info(`Input \`${alias}\` is read as \`${setting.name}\`, its name in this action.`);
        }
    }
    return (name) => {
        const own = read(name);
        return own.trim() ? own : (fromAlias.get(name) ?? own);
    };
}
/** `true` and `TRUE` are one boolean; other values compare as written. */
function same(a, b, kind) {
    return kind === 'boolean' ? a.toLowerCase() === b.toLowerCase() : a === b;
}
const BOOLEAN_LIKE = /^(true|false|yes|no|on|off|y|n|1|0)$/i;
const TASK_DEFINITION_ARN = /^arn:aws[\w-]*:ecs:[^:]*:\d*:task-definition\//;
/**
 * Stops a value that means what the official actions mean by a name we give another meaning: `run-task: true` (their
 * switch; here the command of a one-off task) and a task definition ARN as `task-definition` (here a file's path).
 */
function checkOfficialMeanings(read) {
    const runTask = read('run-task').trim();
    if (BOOLEAN_LIKE.test(runTask)) {
        throw new errors/* UserError */.yo(`Input \`run-task\` is the command of a one-off task run before the rollout (e.g. \`run-task: npm run migrate\`), not a switch: "${runTask}" would run the command \`${runTask}\`. ` +
            `To run a migration, give its command; for amazon-ecs-deploy-task-definition's \`run-task: true\` (a standalone task), see README: One-off tasks. To run nothing, leave \`run-task\` out.`);
    }
    const taskDefinition = read('task-definition').trim();
    if (TASK_DEFINITION_ARN.test(taskDefinition)) {
        throw new errors/* UserError */.yo('Input `task-definition` is the path of a task definition file (JSON or YAML) in the workspace, not an ARN of a registered revision. ' +
            "Give the file's path, or leave `task-definition` out to start from the service's current task definition.");
    }
}

;// CONCATENATED MODULE: ./src/settings/moved.ts
// The inputs that left the step for the config file (or became a `mode`), from the settings table's `movedTo`.


/** Each moved input (and moved official alias) by its name, in the table's order. */
const moved_MOVED_INPUTS = (0,table/* movedInputs */.JI)();

// EXTERNAL MODULE: ./src/settings/run-task-options.ts
var run_task_options = __webpack_require__(4975);
// EXTERNAL MODULE: ./src/settings/service.ts
var service = __webpack_require__(6322);
// EXTERNAL MODULE: ./src/settings/values.ts
var settings_values = __webpack_require__(535);
;// CONCATENATED MODULE: ./src/settings/inputs.ts













/** Whether the run deploys no service: `register-only`, or `run-task` with no service named anywhere. */
function runsAlone(inputs) {
    return inputs.registerOnly === true || (!inputs.services.length && inputs.runTask !== undefined);
}
/** Reads and checks every input; secrets are masked and secret-like build args warned about through `log`. */
function getInputs(given, log) {
    checkOfficialMeanings(given);
    const read = withModeSwitches(readingAliases(given, log));
    const values = (0,settings_values/* settingValues */.RK)(read);
    const text = values.text;
    // Masked before anything can show them: every setting the table marks secret.
    for (const setting of table/* SETTINGS */.yy.filter((s) => s.secret)) {
        const value = read(setting.name).trim();
        if (value)
            log.secret(value);
    }
    const services = [...new Set(values.list('service'))];
    const desiredCount = values.number('desired-count');
    const region = text('region');
    const taskDefinition = text('task-definition');
    const image = text('image');
    const environment = text('environment');
    const strategy = (0,settings_strategy/* readStrategyInputs */.bd)(read);
    const wait = values.boolean('wait');
    if (!wait && (strategy.waitUntil || strategy.continueAction)) {
        throw new errors/* UserError */.yo(`${strategy.waitUntil ? 'Config key `wait-until`' : '`mode: continue`'} needs \`wait: true\`: the action follows the deployment to the pause (or to its end).`);
    }
    return {
        ...optional('cluster', text('cluster')),
        services,
        ...(taskDefinition !== undefined && { taskDefinition }),
        ...optional('serviceDefinition', text('service-definition')),
        ...(image !== undefined && { image: parseImageInput(image) }),
        containers: values.list('container'),
        environmentVariables: parseEnvChanges('environment-variables', read('environment-variables')),
        secrets: parseSecrets(read('secrets')),
        vars: parseVars(read('vars')),
        ...(desiredCount !== undefined && { desiredCount }),
        forceNewDeployment: values.boolean('force-new-deployment'),
        wait,
        timeoutMinutes: values.number('timeout-minutes'),
        rollbackOnFailure: values.boolean('rollback-on-failure'),
        deploymentCircuitBreaker: values.choice('deployment-circuit-breaker'),
        ...(region !== undefined && { region }),
        ...(environment !== undefined && { environment }),
        logLines: values.number('log-lines'),
        ...withBuild(read, image, log),
        ...optional('config', text('config')),
        ...optional('preview', values.choice('preview')),
        ...optional('previewTtl', text('preview-ttl')),
        ...optional('previewMax', values.number('preview-max')),
        ...optional('githubToken', text('github-token')),
        dryRun: values.boolean('dry-run'),
        ...optional('artifactsDir', text('artifacts-dir')),
        ...optional('runTask', text('run-task')),
        ...optional('runTaskContainer', text('run-task-container')),
        strategy,
        ...optional('promoteFrom', text('promote-from')),
        mode: runMode(read),
        ...readVerifyInputs(read, log),
        ...readAnalysisInput(text('analysis')),
        ...nonEmpty('serviceSettings', readServiceSettings(read)),
        ...optional('taskDefinitionArn', pinnedRevisionInput(read)),
        ...registerOnlyInputs(read),
        ...optional('keepRevisions', values.number('keep-revisions')),
        ...nonEmpty('runTaskOptions', (0,run_task_options/* readRunTaskOptions */.X)(read)),
        given: table/* SETTINGS */.yy.filter((s) => read(s.name).trim()).map((s) => s.name),
    };
}
/**
 * Fails, naming each moved input the workflow still gives, its new place and an example (settings/moved.ts); the
 * action's door calls it before anything runs (the CLI refuses, as flags, those that moved to the config file).
 */
function checkMovedInputs(read) {
    const message = movedMessage(Object.keys(MOVED_INPUTS).filter((name) => read(name).trim() !== ''), 'input');
    if (message)
        throw new UserError(message);
}
/** The modes that were switches before (`mode: register-only` is `register-only: true`…), read as those switches. */
function withModeSwitches(read) {
    const mode = read('mode').trim().toLowerCase();
    const switches = {
        'register-only': ['register-only', 'true'],
        continue: ['continue', 'true'],
        'rollback-paused': ['continue', 'rollback'],
    };
    const chosen = switches[mode];
    return (asked) => (chosen && asked === chosen[0] ? chosen[1] : read(asked));
}
/** `plan`, `drift`, or a deploy (the other modes are switches of one); `drift` refused beside what it cannot do. */
function runMode(read) {
    const mode = (0,settings_values/* settingValues */.RK)(read).choice('mode');
    if (mode === 'plan')
        return 'plan';
    if (mode !== 'drift')
        return 'deploy';
    const clash = ['run-task', 'preview', 'force-new-deployment'].find((name) => {
        const value = read(name).trim();
        return value !== '' && value !== 'false';
    });
    if (clash)
        throw new errors/* UserError */.yo(`\`mode: drift\` only compares the live service with the repository's files and changes nothing, so \`${clash}\` has nothing to act on: drop one of them.`);
    return 'drift';
}
/** `task-definition-arn`, refused beside the inputs that would change the revision. */
function pinnedRevisionInput(read) {
    const arn = (0,settings_values/* settingValues */.RK)(read).text('task-definition-arn');
    if (arn === undefined)
        return undefined;
    const clash = ['task-definition', 'build', 'image', 'environment-variables', 'secrets'].find((name) => read(name).trim());
    if (clash) {
        throw new errors/* UserError */.yo(`Input \`task-definition-arn\` deploys that revision as it is, so \`${clash}\` cannot change it: drop \`${clash}\`, or drop \`task-definition-arn\` to render and register a new revision.`);
    }
    return arn;
}
/** `register-only`, which registers a template and deploys nothing. */
function registerOnlyInputs(read) {
    const values = (0,settings_values/* settingValues */.RK)(read);
    if (!values.boolean('register-only'))
        return {};
    const clash = ['task-definition-arn', 'keep-revisions', 'desired-count'].find((name) => read(name).trim());
    if (clash) {
        throw new errors/* UserError */.yo(`\`mode: register-only\` registers a revision without deploying it, so \`${clash}\` has nothing to act on: drop one of them.`);
    }
    return { registerOnly: true };
}
/** `{ [name]: value }` when the object has a member, else nothing. */
function nonEmpty(name, value) {
    return Object.keys(value).length ? { [name]: value } : {};
}
/** The service deployment settings given (percentages, grace period, tags, exec, capacity providers, EBS volumes). */
function readServiceSettings(read) {
    const values = (0,settings_values/* settingValues */.RK)(read);
    const flag = (name) => {
        const value = values.choice(name);
        return value === undefined ? undefined : value === 'true';
    };
    const strategy = values.text('capacity-provider-strategy');
    const volumes = values.text('volume-configurations');
    return {
        ...optional('minimumHealthyPercent', values.number('minimum-healthy-percent')),
        ...optional('maximumPercent', values.number('maximum-percent')),
        ...optional('healthCheckGracePeriodSeconds', values.number('health-check-grace-period')),
        ...optional('propagateTags', values.choice('propagate-tags')?.toUpperCase()),
        ...optional('enableECSManagedTags', flag('enable-ecs-managed-tags')),
        ...optional('enableExecuteCommand', flag('enable-execute-command')),
        ...(strategy !== undefined && {
            capacityProviderStrategy: (0,service/* parseCapacityProviderStrategy */.Ad)('capacity-provider-strategy', strategy),
        }),
        ...(volumes !== undefined && {
            volumeConfigurations: (0,service/* parseVolumeConfigurations */.PX)('volume-configurations', volumes),
        }),
    };
}
/** The `analysis` input's checks (the rest of the analysis is the config file's). */
function readAnalysisInput(text) {
    if (text === undefined)
        return {};
    try {
        return { analysis: { checks: (0,spec/* parseChecks */.B2)(text) } };
    }
    catch (error) {
        throw new errors/* UserError */.yo(`Input \`analysis\`: ${error instanceof Error ? error.message : String(error)}.`);
    }
}
/** The verify-* inputs, when they ask for a check; each header value is masked. */
function readVerifyInputs(read, log) {
    const values = (0,settings_values/* settingValues */.RK)(read);
    const headers = (0,settings_verify/* parseHeaders */.Q)(values.lines('verify-headers'));
    for (const value of Object.values(headers))
        if (value)
            log.secret(value);
    // Only what was given: the config file's verify block fills in the rest, then the settings' defaults.
    const given = (name) => (read(name).trim() ? values.number(name) : undefined);
    const verify = {
        urls: values.lines('verify-url'),
        testUrls: values.lines('verify-test-url'),
        headers,
        ...optional('expect', values.text('verify-expect')),
        ...optional('timeoutSeconds', given('verify-timeout')),
        ...optional('intervalSeconds', given('verify-interval')),
        ...optional('command', values.text('verify-command')),
    };
    const anyGiven = Object.values(verify).some((v) => (typeof v === 'object' ? Object.keys(v).length > 0 : true));
    return anyGiven ? { verify } : {};
}
/** `{ [name]: value }`, or nothing when the value is absent (optional properties stay absent, not undefined). */
function optional(name, value) {
    return value === undefined || value === '' ? {} : { [name]: value };
}
/** The build-and-push inputs, when `build` is given; `image` then names the repository to push to. */
function withBuild(read, image, log) {
    const values = (0,settings_values/* settingValues */.RK)(read);
    const text = values.text;
    const build = text('build');
    if (build === undefined) {
        const stray = [
            'dockerfile',
            'build-args',
            'target',
            'platforms',
            'cache-from',
            'cache-to',
            'labels',
            'build-secrets',
            'build-secret-files',
            'ssh',
            'provenance',
            'sbom',
        ].filter((name) => read(name).trim());
        if (stray.length) {
            throw new errors/* UserError */.yo(`Input \`${stray[0]}\` needs \`build\` (the docker build context); without \`build\` nothing is built.`);
        }
        return {};
    }
    const buildArgs = parseVars(read('build-args'), 'build-args');
    const secretLike = (0,build_command/* secretLikeBuildArgs */.$6)(buildArgs);
    if (secretLike.length) {
        log.warning((0,build_command/* secretBuildArgsWarning */.mj)(secretLike));
        for (const name of secretLike)
            if (buildArgs[name])
                log.secret(buildArgs[name]);
    }
    const buildSecrets = values.lines('build-secrets');
    // The table masks the input as a whole; each value is masked too, as it could be shown on its own.
    for (const line of buildSecrets) {
        const value = line.slice(line.indexOf('=') + 1);
        if (line.includes('=') && value !== '')
            log.secret(value);
    }
    return {
        build: {
            build,
            // Empty when the config file's environment names the repository (checked once the plan has filled it in).
            image: image ?? '',
            dockerfile: text('dockerfile'),
            buildArgs,
            target: text('target'),
            platforms: values.list('platforms'),
            tags: values.list('tags'),
            cacheFrom: values.lines('cache-from'),
            cacheTo: values.lines('cache-to'),
            push: values.boolean('push'),
            createRepository: values.boolean('create-repository'),
            scanOnPush: values.boolean('scan-on-push'),
            immutableTags: values.boolean('immutable-tags'),
            skipBuildIfExists: values.boolean('skip-build-if-exists'),
            labels: values.lines('labels'),
            buildSecrets,
            buildSecretFiles: values.lines('build-secret-files'),
            ssh: values.lines('ssh'),
            provenance: text('provenance'),
            sbom: text('sbom'),
            noCache: values.boolean('no-cache'),
            pull: values.boolean('pull'),
            registryUsername: text('registry-username'),
            registryPassword: text('registry-password'),
            logout: values.boolean('logout'),
        },
    };
}
/**
 * Parses `KEY=value` lines, split at the first `=` only (values may hold `=`). `KEY=` is an empty value;
 * `!KEY` removes the key.
 */
function parseEnvChanges(name, value) {
    const seen = new Set();
    return (0,settings_values/* meaningfulLines */.KV)(value).map(({ line, number }) => {
        const removal = line.startsWith('!');
        const eq = line.indexOf('=');
        const key = removal ? line.slice(1).trim() : eq === -1 ? '' : line.slice(0, eq).trim();
        if (!removal && eq === -1) {
            throw new errors/* UserError */.yo(`Input \`${name}\` line ${number} is not KEY=value (it has no "="). Write KEY=value, KEY= for an empty value, or !KEY to remove it.`);
        }
        if (!table/* VARIABLE_NAME */.nN.pattern.test(key)) {
            throw new errors/* UserError */.yo(`Input \`${name}\` line ${number}: "${key}" is not a valid variable name (letters, digits, _ . -, not starting with a digit).`);
        }
        if (seen.has(key)) {
            throw new errors/* UserError */.yo(`Input \`${name}\` line ${number}: ${key} is given twice.`);
        }
        seen.add(key);
        return removal ? { name: key, remove: true } : { name: key, value: line.slice(eq + 1) };
    });
}
/** Like environment variables, but a secret's value is where ECS reads it from, so it cannot be empty. */
function parseSecrets(value) {
    const changes = parseEnvChanges('secrets', value);
    const empty = changes.find((c) => c.value === '');
    if (empty) {
        throw new errors/* UserError */.yo(`Input \`secrets\`: ${empty.name} has no value. Give the ARN of a Secrets Manager secret or an SSM parameter (name or ARN), or !${empty.name} to remove it.`);
    }
    return changes;
}
/** Parses `NAME=value` placeholder lines into a map. */
function parseVars(value, input = 'vars') {
    const vars = {};
    for (const change of parseEnvChanges(input, value)) {
        if (change.remove || change.value === undefined) {
            throw new errors/* UserError */.yo(`Input \`${input}\`: "!${change.name}" removes nothing here; give NAME=value.`);
        }
        if (!table/* PLACEHOLDER_NAME */.O6.pattern.test(change.name)) {
            throw new errors/* UserError */.yo(`Input \`${input}\`: "${change.name}" must be letters, digits and _ only.`);
        }
        vars[change.name] = change.value;
    }
    return vars;
}
/** Checks an image reference against the distribution grammar (the registry decides whether it exists). */
function parseImageInput(image) {
    (0,reference/* parseImageReference */.o_)(image, 'Input `image`');
    return image;
}


/***/ }),

/***/ 4975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ readRunTaskOptions)
/* harmony export */ });
/* unused harmony export RUN_TASK_OPTION_INPUTS */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(535);
/* harmony import */ var _common_problems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7657);
/* harmony import */ var _service_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6322);




const RUN_TASK_OPTION_INPUTS = [
    'run-task-count',
    'run-task-launch-type',
    'run-task-capacity-provider-strategy',
    'run-task-subnets',
    'run-task-security-groups',
    'run-task-assign-public-ip',
    'run-task-tags',
    'run-task-overrides',
];
/** The `run-task-*` settings given; a UserError when one is given without `run-task` or two contradict. */
function readRunTaskOptions(read) {
    const values = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .settingValues */ .RK)(read);
    const stray = RUN_TASK_OPTION_INPUTS.find((name) => read(name).trim());
    if (!values.text('run-task')) {
        if (stray)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${stray}\` needs \`run-task\`: the command the one-off task runs.`);
        return {};
    }
    const launchType = values.choice('run-task-launch-type')?.toUpperCase();
    const strategy = values.text('run-task-capacity-provider-strategy');
    if (launchType && strategy) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('Config keys `run-task.launch-type` and `run-task.capacity-provider-strategy` exclude each other (as in RunTask): give one.');
    }
    const count = values.number('run-task-count');
    const publicIp = values.choice('run-task-assign-public-ip')?.toUpperCase();
    const overrides = values.text('run-task-overrides');
    const subnets = values.list('run-task-subnets');
    const securityGroups = values.list('run-task-security-groups');
    const tags = parseTags(read('run-task-tags'));
    return {
        ...(count !== undefined && { count }),
        ...(launchType && { launchType }),
        ...(strategy && {
            capacityProviderStrategy: (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCapacityProviderStrategy */ .Ad)('run-task-capacity-provider-strategy', strategy),
        }),
        ...(subnets.length && { subnets }),
        ...(securityGroups.length && { securityGroups }),
        ...(publicIp && { assignPublicIp: publicIp }),
        ...(tags.length && { tags }),
        ...(overrides && { overrides: parseOverrides(overrides) }),
    };
}
/**
 * `KEY=value` lines (split at the first `=`), or the official action's JSON array of `{"key": …, "value": …}`, as ECS
 * takes tags: keys 1–128 characters, values up to 256.
 */
function parseTags(value) {
    if (value.trim().startsWith('['))
        return jsonTags(value);
    const seen = new Set();
    return (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .meaningfulLines */ .KV)(value).map(({ line, number }) => {
        const eq = line.indexOf('=');
        const key = eq === -1 ? '' : line.slice(0, eq).trim();
        const tag = line.slice(eq + 1).trim();
        if (!key || key.length > 128 || tag.length > 256) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Config key \`run-task.tags\` line ${number} is not KEY=value (a key of 1–128 characters, a value of at most 256).`);
        }
        if (seen.has(key))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Config key \`run-task.tags\` line ${number}: ${key} is given twice.`);
        seen.add(key);
        return { key, value: tag };
    });
}
function jsonTags(value) {
    const wrong = new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('Config key `run-task.tags` is not a JSON array of {"key": …, "value": …} (a key of 1–128 characters, a value of at most 256); or write one KEY=value a line.');
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        throw wrong;
    }
    if (!Array.isArray(parsed))
        throw wrong;
    const tags = parsed.map((item) => {
        const { key, value: tag = '' } = (typeof item === 'object' && item !== null ? item : {});
        if (typeof key !== 'string' || !key || key.length > 128 || typeof tag !== 'string' || tag.length > 256)
            throw wrong;
        return { key, value: tag };
    });
    const keys = tags.map((t) => t.key);
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice !== undefined)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Config key \`run-task.tags\`: ${twice} is given twice.`);
    return tags;
}
const OVERRIDE_KEYS = [
    'containerOverrides',
    'cpu',
    'memory',
    'taskRoleArn',
    'executionRoleArn',
    'ephemeralStorage',
    'inferenceAcceleratorOverrides',
];
const CONTAINER_OVERRIDE_KEYS = [
    'name',
    'command',
    'environment',
    'environmentFiles',
    'cpu',
    'memory',
    'memoryReservation',
    'resourceRequirements',
];
/** RunTask's `overrides` (TaskOverride), as JSON; keys checked against the API model's. */
function parseOverrides(text) {
    const input = 'Config key `run-task.overrides`';
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${input} is not valid JSON: give RunTask's overrides as an object, e.g. {"cpu": "512", "containerOverrides": [{"name": "web", "environment": [{"name": "STEP", "value": "2"}]}]}.`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${input} must be a JSON object (RunTask's overrides), not ${(0,_common_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .describedValue */ .fl)(parsed)}.`);
    }
    const unknown = Object.keys(parsed).find((k) => !OVERRIDE_KEYS.includes(k));
    if (unknown)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${input}: unknown key "${unknown}" (it takes ${OVERRIDE_KEYS.join(', ')}).`);
    const containers = parsed.containerOverrides;
    if (containers !== undefined) {
        if (!Array.isArray(containers))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${input}: containerOverrides must be a list.`);
        containers.forEach((c, i) => {
            const item = c;
            if (typeof c !== 'object' || c === null || typeof item.name !== 'string') {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${input}: containerOverrides item ${i + 1} needs "name", the container it overrides.`);
            }
            const stray = Object.keys(item).find((k) => !CONTAINER_OVERRIDE_KEYS.includes(k));
            if (stray) {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${input}: containerOverrides item ${i + 1} (${item.name}) has no key "${stray}" (it takes ${CONTAINER_OVERRIDE_KEYS.join(', ')}).`);
            }
        });
    }
    return parsed;
}


/***/ }),

/***/ 6084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TX: () => (/* binding */ definitionUpdate),
/* harmony export */   gC: () => (/* binding */ alarmsUpdate),
/* harmony export */   gR: () => (/* binding */ contains),
/* harmony export */   qu: () => (/* binding */ DEFINITION_MEMBERS),
/* harmony export */   x6: () => (/* binding */ definitionChanges)
/* harmony export */ });
const DEFINITION_MEMBERS = [
    'networkConfiguration',
    'placementConstraints',
    'placementStrategy',
    'platformVersion',
    'availabilityZoneRebalancing',
    'loadBalancers',
    'serviceRegistries',
    'serviceConnectConfiguration',
    'vpcLatticeConfigurations',
];
/** Where DescribeServices shows a member: the service, or (Service Connect, VPC Lattice) its PRIMARY deployment. */
function currentOf(service, key) {
    if (key === 'serviceConnectConfiguration' || key === 'vpcLatticeConfigurations') {
        return service.deployments?.find((d) => d.status === 'PRIMARY')?.[key];
    }
    return service[key];
}
/**
 * Whether `current` already has everything `wanted` says: a member the file leaves out is left as it is, as
 * DescribeServices fills in defaults (assignPublicIp, a load balancer's name) nobody writes.
 */
function contains(current, wanted) {
    if (Array.isArray(wanted))
        return Array.isArray(current) && current.length === wanted.length && wanted.every((w, i) => contains(current[i], w));
    if (wanted && typeof wanted === 'object') {
        if (!current || typeof current !== 'object' || Array.isArray(current))
            return false;
        return Object.entries(wanted).every(([k, w]) => w === undefined || contains(current[k], w));
    }
    return current === wanted;
}
/** The members to send in UpdateService: those given that differ from the service's. */
function definitionUpdate(service, members) {
    const update = {};
    for (const key of DEFINITION_MEMBERS) {
        const wanted = members?.[key];
        if (wanted !== undefined && !contains(currentOf(service, key), wanted))
            update[key] = wanted;
    }
    return update;
}
/** The deployment alarms to set, when given and different. */
function alarmsUpdate(service, members) {
    const wanted = members?.alarms;
    return wanted && !contains(service.deploymentConfiguration?.alarms, wanted) ? wanted : undefined;
}
const alarmsText = (alarms) => alarms?.enable ? `${alarms.alarmNames?.join(', ')}${alarms.rollback ? ' (roll back on ALARM)' : ''}` : 'none';
/** A value for a change line: short ones as they are (no member holds a secret), long ones (many subnets) named only. */
const shown = (value) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
    return text.length <= 160 ? text : 'as the service definition says';
};
/** What they change, one line each. */
function definitionChanges(service, members) {
    const alarms = alarmsUpdate(service, members);
    return [
        ...(alarms
            ? [`service deployment alarms: ${alarmsText(service.deploymentConfiguration?.alarms)} → ${alarmsText(alarms)}`]
            : []),
        ...Object.entries(definitionUpdate(service, members)).map(([key, value]) => `service ${key}: ${shown(currentOf(service, key))} → ${shown(value)}`),
    ];
}


/***/ }),

/***/ 6322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ad: () => (/* binding */ parseCapacityProviderStrategy),
/* harmony export */   B7: () => (/* binding */ parseThreshold),
/* harmony export */   Fs: () => (/* binding */ SETTING_INPUTS),
/* harmony export */   PX: () => (/* binding */ parseVolumeConfigurations),
/* harmony export */   QB: () => (/* binding */ failureThreshold),
/* harmony export */   TU: () => (/* binding */ percentagesUpdate),
/* harmony export */   V9: () => (/* binding */ checkServiceSettings),
/* harmony export */   WB: () => (/* binding */ earlySuccessUpdate),
/* harmony export */   XE: () => (/* binding */ tagsText),
/* harmony export */   Xp: () => (/* binding */ settingsUpdate),
/* harmony export */   fH: () => (/* binding */ settingsChanges),
/* harmony export */   gL: () => (/* binding */ checkVolumesAtLaunch),
/* harmony export */   o6: () => (/* binding */ breakerUpdate),
/* harmony export */   po: () => (/* binding */ tagsUpdate),
/* harmony export */   wr: () => (/* binding */ deploymentSettingsChanges)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _common_problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7657);
/* harmony import */ var _express_scaling_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7469);
/* harmony import */ var _service_members_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6084);




/** Each setting's input, for messages. */
const SETTING_INPUTS = {
    minimumHealthyPercent: 'minimum-healthy-percent',
    maximumPercent: 'maximum-percent',
    healthCheckGracePeriodSeconds: 'health-check-grace-period',
    propagateTags: 'propagate-tags',
    enableECSManagedTags: 'enable-ecs-managed-tags',
    enableExecuteCommand: 'enable-execute-command',
    capacityProviderStrategy: 'capacity-provider-strategy',
    volumeConfigurations: 'volume-configurations',
    circuitBreakerThreshold: 'circuit-breaker-threshold',
    resetOnHealthyTask: 'circuit-breaker-reset-on-healthy-task',
    earlySuccess: 'early-success-healthy-percent',
    expressScaling: 'express-scaling-min-tasks',
    definition: 'service-definition',
    tags: 'service-definition',
};
/** Settings the config file's `service-settings:` gives, with no input of their own. */
const CONFIG_ONLY = [
    'circuitBreakerThreshold',
    'resetOnHealthyTask',
    'earlySuccess',
    'expressScaling',
];
/** What UpdateService changes on a CODE_DEPLOY service (AWS: the rest goes through a CodeDeploy deployment). */
const CODE_DEPLOY_UPDATABLE = [
    'minimumHealthyPercent',
    'maximumPercent',
    'healthCheckGracePeriodSeconds',
    'propagateTags',
    'enableECSManagedTags',
    'tags',
];
/**
 * A capacity provider strategy, as `name:weight:base` lines (weight and base optional) or a JSON array of
 * `{ capacityProvider, weight, base }` (the official action's form); checked against ECS's rules.
 */
function parseCapacityProviderStrategy(input, value) {
    const text = value.trim();
    const items = text.startsWith('[') ? strategyFromJson(input, text) : strategyFromLines(input, text);
    if (!items.length)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${input}\` names no capacity provider.`);
    const names = items.map((i) => i.capacityProvider);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${input}\`: capacity provider "${twice}" is given twice.`);
    if (items.filter((i) => (i.base ?? 0) > 0).length > 1) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${input}\`: only one capacity provider may have a base above 0 (ECS's rule).`);
    }
    if (items.length > 1 && !items.some((i) => (i.weight ?? 0) > 0)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${input}\`: at least one capacity provider needs a weight above 0.`);
    }
    return items;
}
function strategyFromLines(input, text) {
    return text
        .split(/[\n,]/)
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => {
        const [name = '', weight, base, ...rest] = line.split(':').map((part) => part.trim());
        if (!/^[A-Za-z0-9_-]{1,255}$/.test(name) || rest.length) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${input}\`: "${line}" is not name:weight:base (e.g. FARGATE_SPOT:3 or FARGATE:1:2; weight and base are optional).`);
        }
        return {
            capacityProvider: name,
            ...(weight !== undefined && weight !== '' && { weight: whole(input, `${name} weight`, weight, 1000) }),
            ...(base !== undefined && base !== '' && { base: whole(input, `${name} base`, base, 100000) }),
        };
    });
}
function strategyFromJson(input, text) {
    const list = jsonArray(input, text, '[{"capacityProvider": "FARGATE_SPOT", "weight": 3}]');
    return list.map((item, i) => {
        const where = `item ${i + 1}`;
        if (!isObject(item) || typeof item.capacityProvider !== 'string' || !item.capacityProvider) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${input}\`, ${where}: needs "capacityProvider", the capacity provider's name.`);
        }
        const unknown = Object.keys(item).find((k) => !['capacityProvider', 'weight', 'base'].includes(k));
        if (unknown) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${input}\`, ${where}: unknown key "${unknown}" (the keys are capacityProvider, weight, base).`);
        }
        const { capacityProvider, weight, base } = item;
        return {
            capacityProvider,
            ...(weight !== undefined && { weight: whole(input, `${capacityProvider} weight`, weight, 1000) }),
            ...(base !== undefined && { base: whole(input, `${capacityProvider} base`, base, 100000) }),
        };
    });
}
/**
 * EBS volumes configured at launch, as UpdateService takes them: a JSON array of
 * `{ "name": …, "managedEBSVolume": { "roleArn": …, … } }`; `[]` removes them.
 */
function parseVolumeConfigurations(input, value) {
    const example = '[{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 20}}]';
    return jsonArray(input, value.trim(), example).map((item, i) => {
        const where = `Input \`${input}\`, item ${i + 1}`;
        if (!isObject(item) || typeof item.name !== 'string' || !item.name) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where}: needs "name", the task definition volume configured at launch.`);
        }
        const unknown = Object.keys(item).find((k) => k !== 'name' && k !== 'managedEBSVolume');
        if (unknown)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where}: unknown key "${unknown}" (the keys are name, managedEBSVolume).`);
        const ebs = item.managedEBSVolume;
        if (!isObject(ebs) || typeof ebs.roleArn !== 'string' || !ebs.roleArn.startsWith('arn:')) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where} (${item.name}): needs "managedEBSVolume" with "roleArn", the ARN of the infrastructure role ECS uses to manage the volume.`);
        }
        return item;
    });
}
function jsonArray(input, text, example) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${input}\` is not valid JSON: give a JSON array, e.g. ${example}.`);
    }
    if (!Array.isArray(parsed)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${input}\` must be a JSON array, not ${(0,_common_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .describedValue */ .fl)(parsed)}: e.g. ${example}.`);
    }
    return parsed;
}
function whole(input, what, value, max) {
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${input}\`: ${what} must be a whole number from 0 to ${max}, not ${(0,_common_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .describedValue */ .fl)(value)}.`);
    }
    return n;
}
/**
 * The circuit breaker's threshold as written: `2` (2 failed tasks: COUNT), `25%` (of the desired count, at least 3
 * and at most 200: BOUNDED_PERCENT), `25% unbounded` (UNBOUNDED_PERCENT). A string is what is wrong with it.
 */
function parseThreshold(value) {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    const match = /^(\d{1,10})(?:\s*(%)(?:\s+(unbounded))?)?$/i.exec(text);
    const n = Number(match?.[1]);
    if (!match || n < 1 || n > 2147483647) {
        return `${(0,_common_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .describedValue */ .fl)(value)} is not a threshold: give failed tasks (2), a share of the desired count (25%, at least 3 and at most 200 tasks) or an unbounded share (25% unbounded)`;
    }
    const type = !match[2] ? 'COUNT' : match[3] ? 'UNBOUNDED_PERCENT' : 'BOUNDED_PERCENT';
    return { type, value: n };
}
/** How many failed tasks fail a deployment of `desiredCount` tasks (ECS's rule; without a threshold, 50 % bounded). */
function failureThreshold(desiredCount, threshold) {
    const { type = 'BOUNDED_PERCENT', value = 50 } = threshold ?? {};
    if (type === 'COUNT')
        return value;
    const share = Math.ceil((desiredCount * value) / 100);
    return type === 'UNBOUNDED_PERCENT' ? Math.max(1, share) : Math.min(200, Math.max(3, share));
}
const thresholdText = (threshold) => {
    if (!threshold)
        return 'default (50 % of the desired count, 3–200 tasks)';
    if (threshold.type === 'COUNT')
        return `${threshold.value} failed task${threshold.value === 1 ? '' : 's'}`;
    return `${threshold.value} % of the desired count${threshold.type === 'BOUNDED_PERCENT' ? ', 3–200 tasks' : ', unbounded'}`;
};
const earlySuccessText = (criteria) => criteria?.enable
    ? `at ${criteria.healthyPercent} % healthy (old tasks removed ${criteria.sourceServiceRevisionCleanup === 'DEFERRED' ? 'after' : 'before'})`
    : 'off';
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Checks the settings against the service, before anything changes: what a CODE_DEPLOY service cannot change
 * through UpdateService, the percentages as ECS will have them (the given one with the service's other), early
 * success where the deployment mechanism refuses it, and an Express scaling target for a service that is none.
 */
function checkServiceSettings(service, settings, refusesEarlySuccess = false, express = false) {
    const name = service.serviceName ?? '';
    if (settings.expressScaling && !express) {
        const keys = Object.keys(settings.expressScaling).map((member) => `\`${_express_scaling_js__WEBPACK_IMPORTED_MODULE_2__/* .SCALING_KEYS */ .dZ[member]}\``);
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Service setting ${keys.join(', ')}: service "${name}" is not an ECS Express Mode service; the Express scaling target applies to Express services only (UpdateExpressGatewayService). A regular service's task count is \`desired-count\` (its auto scaling, Application Auto Scaling's, stays as it is): remove ${keys.length > 1 ? 'them' : 'it'} for this service. Nothing was changed.`);
    }
    if (settings.earlySuccess?.enable && refusesEarlySuccess) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Service setting \`early-success-healthy-percent\` applies to rolling deployments only (ECS's rule: early success criteria work with the rolling deployment strategy); service "${name}" deploys with ECS's blue/green, canary or linear strategy here. Nothing was changed.`);
    }
    if (service.deploymentController?.type === 'CODE_DEPLOY') {
        const blocked = Object.keys(settings).find((key) => settings[key] !== undefined && !CODE_DEPLOY_UPDATABLE.includes(key));
        if (blocked) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${CONFIG_ONLY.includes(blocked) ? 'Service setting' : 'Input'} \`${SETTING_INPUTS[blocked]}\` cannot be applied to service "${name}": it uses the CODE_DEPLOY deployment controller, where UpdateService changes only the desired count, deployment percentages, health check grace period, managed tags and tag propagation (the rest belongs to the CodeDeploy deployment). Nothing was changed.`);
        }
    }
    const early = settings.earlySuccess;
    const minimum = settings.minimumHealthyPercent ?? service.deploymentConfiguration?.minimumHealthyPercent ?? 100;
    if (early?.enable && (early.healthyPercent ?? 0) < minimum) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Service setting \`early-success-healthy-percent\` (${early.healthyPercent}) is below service "${name}"'s minimum healthy percent (${minimum}); ECS needs it at least as high. Nothing was changed.`);
    }
    if (settings.minimumHealthyPercent === undefined && settings.maximumPercent === undefined)
        return;
    const min = minimum;
    const max = settings.maximumPercent ?? service.deploymentConfiguration?.maximumPercent ?? 200;
    if (max <= min) {
        const given = settings.maximumPercent === undefined ? 'minimum-healthy-percent' : 'maximum-percent';
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${given}\`: service "${name}" would have maximum percent ${max} and minimum healthy percent ${min}; ECS needs the maximum above the minimum so that a rolling update can replace tasks. Nothing was changed.`);
    }
}
/** Each EBS volume configuration must name a volume of the revision that is configured at launch (ECS's rule). */
function checkVolumesAtLaunch(settings, request) {
    const atLaunch = (request.volumes ?? []).filter((v) => v.configuredAtLaunch).map((v) => v.name ?? '');
    const stray = settings.volumeConfigurations?.find((v) => !atLaunch.includes(v.name ?? ''));
    if (stray) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Config key \`service-settings.volume-configurations\`: "${stray.name}" is not a volume of task definition ${request.family} configured at launch (${atLaunch.length ? `those are: ${atLaunch.join(', ')}` : 'it has none; add one with "configuredAtLaunch": true'}). Nothing was changed.`);
    }
}
/** The members of UpdateService that change something on the service; empty when it already is as asked. */
function settingsUpdate(service, settings) {
    const differs = (key, current) => settings[key] !== undefined && JSON.stringify(settings[key]) !== JSON.stringify(current);
    return {
        ...(differs('healthCheckGracePeriodSeconds', service.healthCheckGracePeriodSeconds ?? 0) && {
            healthCheckGracePeriodSeconds: settings.healthCheckGracePeriodSeconds,
        }),
        ...(differs('propagateTags', service.propagateTags ?? 'NONE') && { propagateTags: settings.propagateTags }),
        ...(differs('enableECSManagedTags', service.enableECSManagedTags ?? false) && {
            enableECSManagedTags: settings.enableECSManagedTags,
        }),
        ...(differs('enableExecuteCommand', service.enableExecuteCommand ?? false) && {
            enableExecuteCommand: settings.enableExecuteCommand,
        }),
        ...(differs('capacityProviderStrategy', service.capacityProviderStrategy ?? []) && {
            capacityProviderStrategy: settings.capacityProviderStrategy,
        }),
        ...(differs('volumeConfigurations', currentVolumeConfigurations(service)) && {
            volumeConfigurations: settings.volumeConfigurations,
        }),
        ...(0,_service_members_js__WEBPACK_IMPORTED_MODULE_3__/* .definitionUpdate */ .TX)(service, settings.definition),
    };
}
/** The deployment percentages to set, when given and different. */
function percentagesUpdate(service, settings) {
    const current = service.deploymentConfiguration;
    const min = settings.minimumHealthyPercent;
    const max = settings.maximumPercent;
    const wanted = {
        ...(min !== undefined && min !== current?.minimumHealthyPercent && { minimumHealthyPercent: min }),
        ...(max !== undefined && max !== current?.maximumPercent && { maximumPercent: max }),
    };
    return Object.keys(wanted).length ? wanted : undefined;
}
/**
 * The circuit breaker with the threshold and reset settings on `breaker` (the one the rollout will have); undefined
 * when they are not given or already so. `enable` and `rollback` are required members, so they are carried over.
 */
function breakerUpdate(breaker, settings) {
    const threshold = settings.circuitBreakerThreshold;
    const reset = settings.resetOnHealthyTask;
    const sameThreshold = threshold === undefined ||
        (breaker?.thresholdConfiguration?.type === threshold.type &&
            breaker?.thresholdConfiguration?.value === threshold.value);
    const sameReset = reset === undefined || (breaker?.resetOnHealthyTask ?? true) === reset;
    if (sameThreshold && sameReset)
        return undefined;
    return {
        enable: breaker?.enable ?? false,
        rollback: breaker?.rollback ?? false,
        ...breaker,
        ...(threshold && { thresholdConfiguration: threshold }),
        ...(reset !== undefined && { resetOnHealthyTask: reset }),
    };
}
/** The early success criteria to set, when given and different. */
function earlySuccessUpdate(configuration, settings) {
    const wanted = settings.earlySuccess;
    const now = configuration?.earlySuccessCriteria;
    if (!wanted || earlySuccessText(wanted) === earlySuccessText(now))
        return undefined;
    return wanted;
}
/** What the circuit breaker and early success settings change, one line each. */
function deploymentSettingsChanges(configuration, breaker, settings) {
    const before = configuration?.deploymentCircuitBreaker;
    const after = breakerUpdate(breaker, settings);
    const early = earlySuccessUpdate(configuration, settings);
    const changes = [];
    if (after &&
        settings.circuitBreakerThreshold &&
        thresholdText(before?.thresholdConfiguration) !== thresholdText(after.thresholdConfiguration))
        changes.push(`service circuit breaker threshold: ${thresholdText(before?.thresholdConfiguration)} → ${thresholdText(after.thresholdConfiguration)}`);
    if (after &&
        settings.resetOnHealthyTask !== undefined &&
        (before?.resetOnHealthyTask ?? true) !== after.resetOnHealthyTask)
        changes.push(`service circuit breaker reset on healthy task: ${onOff(before?.resetOnHealthyTask ?? true)} → ${onOff(after.resetOnHealthyTask)}`);
    if (early)
        changes.push(`service early success: ${earlySuccessText(configuration?.earlySuccessCriteria)} → ${earlySuccessText(early)}`);
    return changes;
}
/** The service's EBS volume configurations: ECS shows them on its PRIMARY deployment. */
function currentVolumeConfigurations(service) {
    return service.deployments?.find((d) => d.status === 'PRIMARY')?.volumeConfigurations ?? [];
}
const strategyText = (items, service) => items?.length
    ? items.map((i) => `${i.capacityProvider}:${i.weight ?? 0}:${i.base ?? 0}`).join(', ')
    : `none (launch type ${service.launchType ?? 'EC2'})`;
const volumesText = (volumes) => volumes.length
    ? volumes
        .map((v) => `${v.name} (EBS${v.managedEBSVolume?.sizeInGiB ? ` ${v.managedEBSVolume.sizeInGiB} GiB` : ''})`)
        .join(', ')
    : 'none';
/** What the settings change on the service, one line each (the diff, dry run, the summary). */
function settingsChanges(service, settings) {
    const changes = [];
    const percentages = percentagesUpdate(service, settings);
    const current = service.deploymentConfiguration;
    if (percentages?.minimumHealthyPercent !== undefined)
        changes.push(`service minimum healthy percent: ${current?.minimumHealthyPercent ?? 100} → ${percentages.minimumHealthyPercent}`);
    if (percentages?.maximumPercent !== undefined)
        changes.push(`service maximum percent: ${current?.maximumPercent ?? 200} → ${percentages.maximumPercent}`);
    const update = settingsUpdate(service, settings);
    if (update.healthCheckGracePeriodSeconds !== undefined)
        changes.push(`service health check grace period: ${service.healthCheckGracePeriodSeconds ?? 0} s → ${update.healthCheckGracePeriodSeconds} s`);
    if (update.propagateTags !== undefined)
        changes.push(`service propagate tags: ${service.propagateTags ?? 'NONE'} → ${update.propagateTags}`);
    if (update.enableECSManagedTags !== undefined)
        changes.push(`service ECS managed tags: ${onOff(service.enableECSManagedTags)} → ${onOff(update.enableECSManagedTags)}`);
    if (update.enableExecuteCommand !== undefined)
        changes.push(`service execute command: ${onOff(service.enableExecuteCommand)} → ${onOff(update.enableExecuteCommand)}`);
    if (update.capacityProviderStrategy !== undefined)
        changes.push(`service capacity provider strategy: ${strategyText(service.capacityProviderStrategy, service)} → ${strategyText(update.capacityProviderStrategy, service)}`);
    if (update.volumeConfigurations !== undefined)
        changes.push(`service volume configurations: ${volumesText(currentVolumeConfigurations(service))} → ${volumesText(update.volumeConfigurations)}`);
    const tagging = tagsUpdate(service, settings.tags);
    if (tagging)
        changes.push(`service tags: ${tagsText(tagging)}`);
    return [...changes, ...(0,_service_members_js__WEBPACK_IMPORTED_MODULE_3__/* .definitionChanges */ .x6)(service, settings.definition)];
}
function tagsUpdate(service, wanted) {
    if (!wanted)
        return undefined;
    const have = new Map((service.tags ?? []).map((t) => [t.key ?? '', t.value ?? '']));
    const keep = new Set(wanted.map((t) => t.key));
    const tags = wanted.filter((t) => have.get(t.key ?? '') !== (t.value ?? ''));
    const tagKeys = [...have.keys()].filter((key) => !keep.has(key) && !key.startsWith('aws:'));
    return tags.length || tagKeys.length ? { tags, tagKeys } : undefined;
}
function tagsText({ tags, tagKeys }) {
    return [
        ...(tags.length ? [`set ${tags.map((t) => `${t.key}=${t.value ?? ''}`).join(', ')}`] : []),
        ...(tagKeys.length ? [`remove ${tagKeys.join(', ')}`] : []),
    ].join('; ');
}
const onOff = (value) => (value ? 'on' : 'off');


/***/ }),

/***/ 9524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ub: () => (/* binding */ cannotPause),
/* harmony export */   bd: () => (/* binding */ readStrategyInputs),
/* harmony export */   zs: () => (/* binding */ parseWaitUntil)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(535);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2221);
/* harmony import */ var _mechanisms_strategy_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1813);




/** Stages a deployment passes through but cannot pause at, with the nearest one that can. */
const UNPAUSABLE = {
    RECONCILE_SERVICE: 'PRE_SCALE_UP',
    SCALE_UP: 'POST_SCALE_UP',
    TEST_TRAFFIC_SHIFT: 'POST_TEST_TRAFFIC_SHIFT',
    PRODUCTION_TRAFFIC_SHIFT: 'POST_PRODUCTION_TRAFFIC_SHIFT',
    BAKE_TIME: 'POST_PRODUCTION_TRAFFIC_SHIFT',
    CLEAN_UP: 'POST_PRODUCTION_TRAFFIC_SHIFT',
};
/** Reads and checks the strategy inputs (`strategy`, `canary-percent`, `wait-until`, `continue`, `appspec`…). */
function readStrategyInputs(read) {
    const values = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .settingValues */ .RK)(read);
    const text = values.text;
    const strategy = values.choice('strategy');
    // A number that only means something for the strategies its row names (checked before its value).
    const number = (name) => {
        if (!read(name).trim())
            return undefined;
        requireStrategy(name, strategy, ((0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .settingNamed */ .A$)(name)?.strategies ?? _mechanisms_strategy_types_js__WEBPACK_IMPORTED_MODULE_3__/* .STRATEGIES */ .YL));
        return values.number(name);
    };
    const waitUntil = mapDefined(text('wait-until'), parseWaitUntil);
    const unpausable = waitUntil === undefined ? undefined : cannotPause(strategy);
    if (unpausable)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Config key \`wait-until\` ${unpausable}.`);
    const continueAction = parseContinue(read('continue'));
    if (continueAction !== undefined && waitUntil !== undefined) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('`mode: continue` and config key `wait-until` exclude each other: `mode: continue` resumes (or rolls back) the deployment an earlier run left paused.');
    }
    const inputs = {
        deploymentAlarms: parseAlarms(read('deployment-alarms')),
        onBusy: values.choice('on-busy'),
    };
    const optional = {
        strategy,
        bakeMinutes: number('bake-minutes'),
        canaryPercent: number('canary-percent'),
        canaryBakeMinutes: number('canary-bake-minutes'),
        stepPercent: number('step-percent'),
        stepBakeMinutes: number('step-bake-minutes'),
        waitUntil,
        continueAction,
        codedeployApplication: text('codedeploy-application'),
        codedeployDeploymentGroup: text('codedeploy-deployment-group'),
        codedeployConfig: text('codedeploy-config'),
        appspec: text('appspec'),
    };
    for (const [key, value] of Object.entries(optional))
        if (value !== undefined)
            Object.assign(inputs, { [key]: value });
    return inputs;
}
function mapDefined(value, parse) {
    return value === undefined ? undefined : parse(value);
}
function describeStrategies(names) {
    return names
        .map((n) => `\`strategy: ${n}\``)
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1');
}
/** An input that only means something for some strategies must come with one of them. */
function requireStrategy(name, strategy, appliesTo) {
    if (strategy === undefined)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${name}\` needs ${describeStrategies(appliesTo)}.`);
    if (!appliesTo.includes(strategy)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${name}\` applies to ${describeStrategies(appliesTo)}, not \`strategy: ${strategy}\`.`);
    }
}
function parseWaitUntil(value) {
    const alias = _mechanisms_strategy_types_js__WEBPACK_IMPORTED_MODULE_3__/* .PAUSE_ALIASES */ .ou[value.toLowerCase()];
    if (alias)
        return alias;
    const stage = value.toUpperCase().replaceAll('-', '_');
    const pausable = _mechanisms_strategy_types_js__WEBPACK_IMPORTED_MODULE_3__/* .PAUSE_STAGES */ .x_.find((s) => s === stage);
    if (pausable)
        return pausable;
    const instead = UNPAUSABLE[stage];
    if (instead) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Config key \`wait-until\`: ECS cannot pause a deployment at ${stage} (PAUSE hooks are not allowed there); pause at ${instead} instead.`);
    }
    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Config key \`wait-until\` must be one of ${Object.keys(_mechanisms_strategy_types_js__WEBPACK_IMPORTED_MODULE_3__/* .PAUSE_ALIASES */ .ou).join(', ')} or a stage ECS can pause at (${_mechanisms_strategy_types_js__WEBPACK_IMPORTED_MODULE_3__/* .PAUSE_STAGES */ .x_.join(', ')}), not "${value}".`);
}
function parseContinue(value) {
    const v = value.trim().toLowerCase();
    if (v === '' || v === 'false')
        return undefined;
    if (v === 'true')
        return 'continue';
    if (v === 'rollback')
        return 'rollback';
    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`continue\` must be true (let the paused deployment go on), rollback (roll it back) or false, not "${value.trim()}".`);
}
function parseAlarms(value) {
    const names = [...new Set((0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseList */ .E1)(value))];
    const long = names.find((n) => n.length > 255);
    if (long)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Config key \`deployment-alarms\`: "${long.slice(0, 40)}…" is longer than 255 characters, too long for a CloudWatch alarm name.`);
    return names;
}
/** Why `wait-until` cannot apply to `strategy` (a rolling update has no stage to pause at), or undefined when it can. */
function cannotPause(strategy) {
    return strategy === 'rolling'
        ? 'needs `strategy: blue-green`, `canary` or `linear`: a rolling update has no stage to pause at'
        : undefined;
}


/***/ }),

/***/ 535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   KV: () => (/* binding */ meaningfulLines),
/* harmony export */   RK: () => (/* binding */ settingValues)
/* harmony export */ });
/* unused harmony exports parseBoolean, parseNumber, parseInteger, parseChoice */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2221);
// Reading one input's text as a typed value, with the one message that names the input and what it must be.


function parseBoolean(name, value, fallback) {
    const v = value.trim().toLowerCase();
    if (v === '')
        return fallback;
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${name}\` must be true or false, not "${value.trim()}".`);
}
function parseNumber(name, value, min, max) {
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || n < min || n > max) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${name}\` must be a number from ${min} to ${max}, not "${value}".`);
    }
    return n;
}
function parseInteger(name, value, min, max) {
    if (!/^\d+$/.test(value)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${name}\` must be a whole number from ${min} to ${max}, not "${value}".`);
    }
    return parseNumber(name, value, min, max);
}
function parseChoice(name, value, choices) {
    const found = choices.find((c) => c === value.toLowerCase());
    if (!found) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${name}\` must be one of ${choices.join(', ')}, not "${value}".`);
    }
    return found;
}
/** Splits a comma or newline separated list, dropping blanks. */
function parseList(value) {
    return value
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
}
function settingValues(read) {
    const given = (name) => read(name).trim() || undefined;
    return {
        text: (name) => (row(name, 'text'), given(name)),
        boolean: (name) => parseBoolean(name, read(name), row(name, 'boolean').default === 'true'),
        number: (name) => {
            const { range, default: fallback } = row(name, 'number');
            const value = given(name) ?? fallback;
            if (value === undefined)
                return undefined;
            if (!range)
                throw new Error(`settings.ts: \`${name}\` has no range`);
            const n = range.whole
                ? parseInteger(name, value, range.min, range.max)
                : parseNumber(name, value, range.min, range.max);
            if (range.step !== undefined && !isMultiple(n, range.step)) {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`${name}\` must be a multiple of ${range.step}, not "${value}".`);
            }
            return n;
        },
        choice: (name) => {
            const { choices, default: fallback } = row(name, 'text');
            const value = given(name) ?? fallback;
            if (!choices)
                throw new Error(`settings.ts: \`${name}\` has no choices`);
            return value === undefined ? undefined : parseChoice(name, value, choices);
        },
        list: (name) => (row(name, 'list', 'lines'), parseList(read(name))),
        lines: (name) => (row(name, 'lines'), meaningfulLines(read(name)).map(({ line }) => line)),
    };
}
/** Non-blank, non-comment lines of a multiline input, with their 1-based line numbers. */
function meaningfulLines(value) {
    return value
        .split('\n')
        .map((line, i) => ({ line: line.trim(), number: i + 1 }))
        .filter(({ line }) => line !== '' && !line.startsWith('#'));
}
/** The setting's row, which must be of one of these kinds: a mismatch is a bug in the code that reads it. */
function row(name, ...kinds) {
    const setting = (0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .settingNamed */ .A$)(name);
    if (!setting || !kinds.includes(setting.kind))
        throw new Error(`settings.ts has no ${kinds.join('/')} setting \`${name}\``);
    return setting;
}
/** Within float error: 0.3 is a multiple of 0.1. */
function isMultiple(n, step) {
    return Math.abs(n / step - Math.round(n / step)) < 1e-9;
}


/***/ }),

/***/ 8556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseHeaders),
/* harmony export */   n: () => (/* binding */ wantsVerification)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
// The verify-* inputs as read (a leaf, so inputs.ts needs nothing of src/verify/): headers split, the rest as given.

/** Whether any verify-* input asks for a check. */
function wantsVerification(inputs) {
    return !!inputs && (inputs.urls.length > 0 || inputs.testUrls.length > 0 || inputs.command !== undefined);
}
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** `verify-headers` lines `Name: value`; a malformed line is named by its number, never echoed (values are secrets). */
function parseHeaders(lines) {
    const headers = {};
    lines.forEach((line, i) => {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        if (colon < 1 || !HEADER_NAME.test(name))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`verify-headers\`, header ${i + 1}: write each header as \`Name: value\` (a header name is letters, digits and -).`);
        headers[name] = line.slice(colon + 1).trim();
    });
    return headers;
}


/***/ })

};

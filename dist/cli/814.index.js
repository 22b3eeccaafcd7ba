export const id = 814;
export const ids = [814];
export const modules = {

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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Input \`${input}\` must name a path inside the workspace (${workspace}); ${value} leads outside it${via}.`);
}


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

/***/ 5655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sN: () => (/* binding */ logSafe)
/* harmony export */ });
/* unused harmony exports summaryCode, summaryText */
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
/* harmony export */   Xp: () => (/* binding */ settingsUpdate),
/* harmony export */   fH: () => (/* binding */ settingsChanges),
/* harmony export */   gL: () => (/* binding */ checkVolumesAtLaunch),
/* harmony export */   o6: () => (/* binding */ breakerUpdate),
/* harmony export */   wr: () => (/* binding */ deploymentSettingsChanges)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _common_problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7657);
/* harmony import */ var _service_members_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6084);



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
    definition: 'service-definition',
};
/** Settings the config file's `service-settings:` gives, with no input of their own. */
const CONFIG_ONLY = ['circuitBreakerThreshold', 'resetOnHealthyTask', 'earlySuccess'];
/** What UpdateService changes on a CODE_DEPLOY service (AWS: the rest goes through a CodeDeploy deployment). */
const CODE_DEPLOY_UPDATABLE = [
    'minimumHealthyPercent',
    'maximumPercent',
    'healthCheckGracePeriodSeconds',
    'propagateTags',
    'enableECSManagedTags',
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
 * through UpdateService, and the percentages as ECS will have them (the given one with the service's other).
 */
function checkServiceSettings(service, settings, mechanism) {
    const name = service.serviceName ?? '';
    if (settings.earlySuccess?.enable && mechanism === 'ecs-native') {
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
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input \`volume-configurations\`: "${stray.name}" is not a volume of task definition ${request.family} configured at launch (${atLaunch.length ? `those are: ${atLaunch.join(', ')}` : 'it has none; add one with "configuredAtLaunch": true'}). Nothing was changed.`);
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
        ...(0,_service_members_js__WEBPACK_IMPORTED_MODULE_2__/* .definitionUpdate */ .TX)(service, settings.definition),
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
    return [...changes, ...(0,_service_members_js__WEBPACK_IMPORTED_MODULE_2__/* .definitionChanges */ .x6)(service, settings.definition)];
}
const onOff = (value) => (value ? 'on' : 'off');


/***/ })

};

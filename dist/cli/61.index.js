export const id = 61;
export const ids = [61];
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

/***/ 6222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initCommand: () => (/* binding */ initCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/region.ts
var aws_region = __webpack_require__(7249);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/deploy/register.ts
var register = __webpack_require__(7450);
// EXTERNAL MODULE: ./src/deploy/service.ts
var deploy_service = __webpack_require__(3432);
// EXTERNAL MODULE: ./src/deploy/clock.ts
var clock = __webpack_require__(3941);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/taskdef/clean.ts
var clean = __webpack_require__(3497);
// EXTERNAL MODULE: ./src/servicedef/model.ts
var model = __webpack_require__(2619);
;// CONCATENATED MODULE: ./src/servicedef/from-service.ts



const TASK_DEFINITION_FILE = '.aws/task-definition.json';
const SERVICE_DEFINITION_FILE = '.aws/service-definition.json';
/** Members the action sets itself, or only DescribeServices shows: not part of the written definition. */
const LEFT_OUT = new Set(['serviceName', 'cluster', 'taskDefinition', 'clientToken', 'role']);
/** What the running service is, as a CreateService body (its strategy is the config's business, not the file's). */
function serviceDefinitionOf(service) {
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
    const source = {
        ...service,
        ...(primary?.volumeConfigurations?.length && { volumeConfigurations: primary.volumeConfigurations }),
        ...(primary?.serviceConnectConfiguration && { serviceConnectConfiguration: primary.serviceConnectConfiguration }),
        ...(primary?.vpcLatticeConfigurations?.length && { vpcLatticeConfigurations: primary.vpcLatticeConfigurations }),
    };
    const definition = {};
    for (const key of model/* DEFINITION_SHAPE */.sS.members) {
        const value = source[key];
        if (LEFT_OUT.has(key) || value === undefined || value === null || (Array.isArray(value) && !value.length))
            continue;
        definition[key] = key === 'deploymentConfiguration' ? withoutStrategy(value) : value;
    }
    return definition;
}
function withoutStrategy(configuration) {
    return Object.fromEntries(Object.entries(configuration).filter(([key]) => !model/* STRATEGY_KEYS */.BS.includes(key)));
}
/** JSON a template loader reads back as it is: `${NAME}` in a value is escaped, or it would be taken as a placeholder. */
function templateJson(value) {
    return `${JSON.stringify(value, null, 2).replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '$$$${$1}')}\n`;
}
/** A YAML scalar for a name: ECS names and regions are plain words; anything else is quoted as JSON. */
const scalar = (text) => (/^[A-Za-z0-9_./:-]+$/.test(text) ? text : JSON.stringify(text));
/** The three files of `init`. */
function initFiles(request) {
    const { definition } = (0,clean/* withoutReadOnlyKeys */.d)({ ...request.taskDefinition });
    const template = {
        ...definition,
        ...(request.taskDefinitionTags.length && { tags: request.taskDefinitionTags }),
    };
    const name = request.service.serviceName ?? '';
    const config = [
        '# yaml-language-server: $schema=https://raw.githubusercontent.com/org/ecs-deploy-action/v1/schema/ecs-deploy.schema.json',
        `# Written by \`ecs-deploy-action init\` from service ${scalar(name)} in cluster ${scalar(request.cluster)}.`,
        '# Add `branches: [main]` to deploy this environment on a push; the `environment` input names it otherwise.',
        'environments:',
        `  ${scalar(request.environment)}:`,
        `    cluster: ${scalar(request.cluster)}`,
        `    services: [${scalar(name)}]`,
        ...(request.region ? [`    region: ${scalar(request.region)}`] : []),
        `    task-definition: ${TASK_DEFINITION_FILE}`,
        `    service-definition: ${SERVICE_DEFINITION_FILE}`,
        '',
    ].join('\n');
    return [
        { path: TASK_DEFINITION_FILE, text: templateJson(template) },
        { path: SERVICE_DEFINITION_FILE, text: templateJson(serviceDefinitionOf(request.service)) },
        { path: types/* DEFAULT_CONFIG_FILE */.Cu, text: config },
    ];
}

;// CONCATENATED MODULE: ./src/cli/init.ts
// `init`: a running service's task definition, service definition and a config file naming it, written to the
// workspace (ecspresso's `init`), so the next deploy starts from files that say what runs now.









const exists = (file) => (0,promises_.stat)(file).then(() => true, () => false);
async function initCommand(args, io, log, out) {
    const service = args.inputs.service;
    if (!service)
        throw new errors/* UserError */.yo('init needs --service, the running ECS service to read (and --cluster, its cluster).');
    if (/[,\n]/.test(service))
        throw new errors/* UserError */.yo('init reads one service: give --service once, with one name (run init again for another).');
    const cluster = args.inputs.cluster ?? 'default';
    const environment = args.inputs.environment ?? 'production';
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(environment))
        throw new errors/* UserError */.yo(`--environment must be a name of letters, digits, - and _, not ${JSON.stringify(environment)}.`);
    const dir = external_node_path_default().resolve(io.cwd ?? process.cwd(), args.dir ?? '.');
    const region = (0,aws_region/* resolveRegion */.Z)(args.inputs.region || undefined, io.env);
    const deadline = io.deadline ?? new aws_clients.RunDeadline(io.signal, undefined, (io.clock ?? clock/* systemClock */.ml).now);
    deadline.restart(5 * 60_000);
    const clients = (0,aws_clients.createClients)(region, deadline);
    try {
        const found = await (0,deploy_service/* findService */.L)(clients.ecs, cluster, service, region);
        if (!found.taskDefinition)
            throw new errors/* UserError */.yo(`Service ${service} in ${cluster} runs no task definition to write.`);
        const described = await (0,register/* describeTaskDefinition */.o)(clients.ecs, found.taskDefinition);
        const files = initFiles({
            cluster,
            environment,
            ...(args.inputs.region && { region }),
            service: found,
            taskDefinition: described.taskDefinition,
            taskDefinitionTags: described.tags,
        });
        const there = [];
        for (const file of files)
            if (await exists(external_node_path_default().join(dir, file.path)))
                there.push(file.path);
        if (there.length && !args.force)
            throw new errors/* UserError */.yo(`init writes no file when one exists: ${there.join(', ')} in ${dir}. Give --force to overwrite them.`);
        for (const file of files) {
            const full = external_node_path_default().join(dir, file.path);
            await (0,promises_.mkdir)(external_node_path_default().dirname(full), { recursive: true });
            await (0,promises_.writeFile)(full, file.text);
            log.info(`wrote ${file.path}${there.includes(file.path) ? ' (overwritten)' : ''}`);
        }
        if (args.json)
            out(`${JSON.stringify({ dir, written: files.map((f) => f.path) }, null, 2)}\n`);
        log.info(`Deploy with: ecs-deploy-action deploy --environment ${environment} (or the action with \`environment: ${environment}\`).`);
        return 0;
    }
    finally {
        clients.destroy();
    }
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

/***/ 2143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cu: () => (/* binding */ DEFAULT_CONFIG_FILE),
/* harmony export */   YL: () => (/* binding */ STRATEGIES),
/* harmony export */   mh: () => (/* binding */ PREVIEW_DEFAULTS)
/* harmony export */ });
const STRATEGIES = ['rolling', 'blue-green', 'canary', 'linear'];
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

/***/ 7450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ registerIfChanged),
/* harmony export */   o: () => (/* binding */ describeTaskDefinition)
/* harmony export */ });
/* harmony import */ var _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1032);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _taskdef_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(801);



async function describeTaskDefinition(ecs, taskDefinition) {
    const response = await _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTaskDefinition */ .oh(ecs, taskDefinition);
    if (!response.taskDefinition)
        throw new Error(`ecs:DescribeTaskDefinition returned nothing for ${taskDefinition}`);
    return { taskDefinition: response.taskDefinition, tags: response.tags ?? [] };
}
/** The family's newest revision, or undefined when the family has none yet. */
async function latestRevision(ecs, family) {
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .unlessNotFound */ .CA)(describeTaskDefinition(ecs, family));
}
function toRegistered(taskDefinition, registered) {
    return {
        arn: taskDefinition.taskDefinitionArn ?? '',
        family: taskDefinition.family ?? '',
        revision: taskDefinition.revision ?? 0,
        registered,
    };
}
/**
 * Registers `request` unless the service's current revision or the family's newest one already has the
 * same content, so re-running a job for the same commit registers nothing.
 */
async function registerIfChanged(ecs, request, current) {
    if (current && (0,_taskdef_index_js__WEBPACK_IMPORTED_MODULE_2__/* .sameTaskDefinition */ .JL)(request, current.taskDefinition, current.tags)) {
        return toRegistered(current.taskDefinition, false);
    }
    const latest = request.family ? await latestRevision(ecs, request.family) : undefined;
    if (latest && latest.taskDefinition.taskDefinitionArn !== current?.taskDefinition.taskDefinitionArn) {
        if ((0,_taskdef_index_js__WEBPACK_IMPORTED_MODULE_2__/* .sameTaskDefinition */ .JL)(request, latest.taskDefinition, latest.tags))
            return toRegistered(latest.taskDefinition, false);
    }
    const registered = await _aws_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .registerTaskDefinition */ .eQ(ecs, request);
    if (!registered)
        throw new Error('ecs:RegisterTaskDefinition returned no task definition');
    return toRegistered(registered, true);
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

/***/ 2619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ STRATEGY_KEYS),
/* harmony export */   J1: () => (/* binding */ OWNED_KEYS),
/* harmony export */   dg: () => (/* binding */ READ_ONLY_KEYS),
/* harmony export */   oQ: () => (/* binding */ FIXED_KEYS),
/* harmony export */   sS: () => (/* binding */ DEFINITION_SHAPE)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(212);
/* harmony import */ var _taskdef_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5921);
// The service definition file is a CreateService body (as ecspresso's ecs-service-def.json): its keys, read from the
// ECS API model @aws-sdk/client-ecs ships, and which of them this action owns, cannot change, or leaves to the strategy.


function structShape(reference) {
    const shape = (0,_taskdef_model_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeOf */ .F5)(reference);
    if (shape.kind !== 'struct')
        throw new Error('@aws-sdk/client-ecs: expected a structure schema');
    return shape;
}
/** CreateService's members; none is required here (the action supplies the ones CreateService requires). */
const DEFINITION_SHAPE = { ...structShape(_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .CreateServiceRequest$ */ .dbk), required: [] };
/** What the action sets itself, with where the user sets it instead. */
const OWNED_KEYS = {
    serviceName: "the `service` input (or the environment's `services` in the config file)",
    cluster: "the `cluster` input (or the environment's `cluster` in the config file)",
    taskDefinition: 'the revision this action renders and registers (the `task-definition` input names its template)',
    clientToken: 'none: the action makes its own requests',
};
/**
 * Members UpdateService cannot change (CreateService only) or the action will not (the deployment controller): taken
 * when they equal the running service's, as in `describe-services` output, refused otherwise.
 */
const FIXED_KEYS = {
    deploymentController: (s) => s.deploymentController,
    launchType: (s) => s.launchType,
    schedulingStrategy: (s) => s.schedulingStrategy,
    role: (s) => s.roleArn,
};
/** The deployment configuration's strategy members: the `strategy` input and its options set them. */
const STRATEGY_KEYS = [
    'strategy',
    'bakeTimeInMinutes',
    'lifecycleHooks',
    'linearConfiguration',
    'canaryConfiguration',
];
/** Members DescribeServices returns that CreateService does not take (serviceArn, status, deployments, events, …). */
const READ_ONLY_KEYS = structShape(_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .Service$ */ .Sgz).members.filter((key) => !DEFINITION_SHAPE.members.includes(key));


/***/ }),

/***/ 801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DT: () => (/* reexport */ describeChanges),
  Yd: () => (/* reexport */ existingTaskDefinition),
  P9: () => (/* reexport */ render/* renderTaskDefinition */.P),
  JL: () => (/* reexport */ sameTaskDefinition)
});

// EXTERNAL MODULE: ./src/taskdef/render.ts + 2 modules
var render = __webpack_require__(7131);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/taskdef/clean.ts
var clean = __webpack_require__(3497);
// EXTERNAL MODULE: ./src/taskdef/validate.ts
var validate = __webpack_require__(8516);
// EXTERNAL MODULE: ./src/taskdef/values.ts
var values = __webpack_require__(64);
;// CONCATENATED MODULE: ./src/taskdef/compare.ts




const SECRET_LOOKING = /PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL/i;
/**
 * True when registering `request` would produce the same content as `current`: read-only keys, key and
 * list order, empty values and the defaults ECS fills in do not count. Tags count when `currentTags` is given.
 */
function sameTaskDefinition(request, current, currentTags) {
    return ((0,external_node_util_.isDeepStrictEqual)(comparable(request), comparable(current)) &&
        (currentTags === undefined || (0,external_node_util_.isDeepStrictEqual)(compact(request.tags), compact(currentTags))));
}
/**
 * What registering `request` would change compared with `current`, one line each, such as
 * `containerDefinitions[web].image: a → b`. Values of secret-looking environment variables are not shown.
 */
function describeChanges(request, current) {
    const changes = [];
    collectChanges(comparable(current), comparable(request), '', false, changes);
    return changes;
}
function comparable(definition) {
    const { definition: kept } = (0,clean/* withoutReadOnlyKeys */.d)((0,validate/* withStringSizes */.s6)(definition));
    const { tags: _tags, enableFaultInjection, containerDefinitions, ...rest } = kept;
    return compact({
        ...rest,
        // false is the default, which DescribeTaskDefinition may or may not show.
        enableFaultInjection: enableFaultInjection || undefined,
        containerDefinitions: containerDefinitions?.map((container) => withDefaults(container, rest.networkMode === 'awsvpc' || rest.networkMode === 'host')),
    });
}
/** The container as DescribeTaskDefinition returns it: ECS fills these in when they are left out. */
function withDefaults(container, hostPortIsContainerPort) {
    return {
        ...container,
        essential: container.essential ?? true,
        cpu: container.cpu ?? 0,
        portMappings: container.portMappings?.map((mapping) => ({
            ...mapping,
            protocol: mapping.protocol ?? 'tcp',
            hostPort: mapping.hostPort ?? (hostPortIsContainerPort ? mapping.containerPort : undefined),
        })),
        healthCheck: container.healthCheck && { interval: 30, timeout: 5, retries: 3, ...container.healthCheck },
    };
}
/** `value` without null, undefined, empty lists and empty objects; lists of named items (or tags) sorted by name. */
function compact(value) {
    if (Array.isArray(value)) {
        // Array.from makes a list of this realm: isDeepStrictEqual compares prototypes, and clones may come from another.
        const items = Array.from(value, compact).filter((item) => item !== undefined);
        if (!items.length)
            return undefined;
        return uniquelyNamed(items) ? items.sort((a, b) => itemName(a).localeCompare(itemName(b))) : items;
    }
    if ((0,values/* isPlainObject */.Q)(value)) {
        const entries = Object.entries(value)
            .map(([key, item]) => [key, compact(item)])
            .filter(([, item]) => item !== undefined);
        return entries.length ? Object.fromEntries(entries) : undefined;
    }
    return value ?? undefined;
}
function collectChanges(before, after, path, masked, changes) {
    if ((0,external_node_util_.isDeepStrictEqual)(before, after))
        return;
    if ((0,values/* isPlainObject */.Q)(before) && (0,values/* isPlainObject */.Q)(after)) {
        for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) {
            collectChanges(before[key], after[key], path ? `${path}.${key}` : key, masked, changes);
        }
        return;
    }
    if (Array.isArray(before) || Array.isArray(after)) {
        const [beforeItems, afterItems] = [before ?? [], after ?? []];
        if (Array.isArray(beforeItems) && Array.isArray(afterItems)) {
            const environment = path.endsWith('.environment');
            if (uniquelyNamed(beforeItems) && uniquelyNamed(afterItems)) {
                const beforeByName = new Map(beforeItems.map((item) => [itemName(item), item]));
                const afterByName = new Map(afterItems.map((item) => [itemName(item), item]));
                for (const name of new Set([...afterByName.keys(), ...beforeByName.keys()])) {
                    const [was, is] = [beforeByName.get(name), afterByName.get(name)];
                    const at = `${path}[${name}]`;
                    if (was === undefined || is === undefined)
                        changes.push(`${at}: ${was === undefined ? 'added' : 'removed'}`);
                    // Secrets are shown by name only; environment variables whose name looks secret likewise.
                    else
                        collectChanges(was, is, at, masked || path.endsWith('.secrets') || (environment && SECRET_LOOKING.test(name)), changes);
                }
                return;
            }
            // Without unique names, secret-looking variables cannot be picked out: say only that something changed.
            if (environment) {
                changes.push(`${path}: (changed)`);
                return;
            }
            if (beforeItems.length === afterItems.length) {
                beforeItems.forEach((item, index) => collectChanges(item, afterItems[index], `${path}[${index}]`, masked, changes));
                return;
            }
        }
    }
    changes.push(masked ? `${path}: (changed)` : `${path}: ${shown(before)} → ${shown(after)}`);
}
/** Whether every item has a name (`name`, or `key` for tags) and no two share one. */
function uniquelyNamed(items) {
    const names = items.map(itemName);
    return names.every((name) => name !== '') && new Set(names).size === names.length;
}
function itemName(item) {
    if (!(0,values/* isPlainObject */.Q)(item))
        return '';
    const name = item.name ?? item.key;
    return typeof name === 'string' ? name : '';
}
function shown(value) {
    if (value === undefined)
        return '(none)';
    return typeof value === 'string' ? value : JSON.stringify(value);
}

// EXTERNAL MODULE: ./src/taskdef/rules.ts + 1 modules
var rules = __webpack_require__(4943);
;// CONCATENATED MODULE: ./src/taskdef/existing.ts



/** The revision as a request (what it was registered with), checked against ECS's rules; it gets no image. */
function existingTaskDefinition(taskDefinition, tags) {
    const source = `task definition ${taskDefinition.family}:${taskDefinition.revision}`;
    const { definition } = (0,clean/* withoutReadOnlyKeys */.d)({ ...taskDefinition, ...(tags.length && { tags }) });
    const request = (0,validate/* checkedRequest */.lr)(definition, source);
    (0,rules/* checkEcsRules */.pl)(request, source);
    return { request, containers: [], notes: [] };
}

;// CONCATENATED MODULE: ./src/taskdef/index.ts





/***/ })

};

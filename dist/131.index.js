export const id = 131;
export const ids = [131];
export const modules = {

/***/ 3497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ withoutReadOnlyKeys)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5921);

/** The definition without the keys only DescribeTaskDefinition returns, and which of them it had. */
function withoutReadOnlyKeys(definition) {
    const dropped = Object.keys(definition).filter((key) => _model_js__WEBPACK_IMPORTED_MODULE_0__/* .READ_ONLY_KEYS */ .dg.includes(key) && definition[key] !== undefined);
    const kept = Object.entries(definition).filter(([key]) => !_model_js__WEBPACK_IMPORTED_MODULE_0__/* .READ_ONLY_KEYS */ .dg.includes(key));
    return { definition: Object.fromEntries(kept), dropped };
}


/***/ }),

/***/ 5921:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F5: () => (/* binding */ shapeOf),
/* harmony export */   dg: () => (/* binding */ READ_ONLY_KEYS),
/* harmony export */   iS: () => (/* binding */ REQUEST_SHAPE)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);

// Members ECS rejects when absent although the model leaves them optional (`image` is checked after it is filled in).
const ALSO_REQUIRED = { ContainerDefinition: ['name'] };
const SCALARS = { 0: 'string', 1: 'number', 2: 'boolean' };
/**
 * Decodes a reference in Smithy's static schema encoding (as read by @smithy/core's NormalizedSchema):
 * numbers are simple types, with bit 64 for "list of" and bit 128 for "map of strings to";
 * arrays are [0 simple | 1 list | 2 map | 3 struct | 4 union, namespace, name, traits, ...].
 */
function shapeOf(reference) {
    const schema = resolved(reference);
    if (typeof schema === 'number') {
        if (schema >= 128)
            return { kind: 'map', value: schema & 0b0011_1111 };
        if (schema >= 64)
            return { kind: 'list', member: schema & 0b0011_1111 };
        return { kind: SCALARS[schema] ?? 'any' };
    }
    if (!Array.isArray(schema))
        return { kind: 'any' };
    const [id, , name, , fourth, fifth, requiredCount] = schema;
    switch (id) {
        case 0:
            return shapeOf(fourth);
        case 1:
            return { kind: 'list', member: fourth };
        case 2:
            return { kind: 'map', value: fifth };
        case 3:
        case 4: {
            const members = fourth;
            const required = members.slice(0, typeof requiredCount === 'number' ? requiredCount : 0);
            return {
                kind: 'struct',
                name: String(name),
                members,
                memberSchemas: fifth,
                required: [...required, ...(ALSO_REQUIRED[String(name)] ?? [])],
            };
        }
        default:
            return { kind: 'any' };
    }
}
/** Follows lazy references `() => schema` and member wrappers `[schema, traits]` to the schema itself. */
function resolved(reference) {
    let schema = reference;
    for (;;) {
        if (typeof schema === 'function')
            schema = schema();
        else if (Array.isArray(schema) && schema.length === 2)
            schema = schema[0];
        else
            return schema;
    }
}
function structShape(reference) {
    const shape = shapeOf(reference);
    if (shape.kind !== 'struct')
        throw new Error('@aws-sdk/client-ecs: expected a structure schema');
    return shape;
}
const REQUEST_SHAPE = structShape(_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .RegisterTaskDefinitionRequest$ */ .fSK);
/** Keys DescribeTaskDefinition returns that RegisterTaskDefinition does not take (taskDefinitionArn, revision, …). */
const READ_ONLY_KEYS = structShape(_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .TaskDefinition$ */ .TAv).members.filter((key) => !REQUEST_SHAPE.members.includes(key));


/***/ }),

/***/ 5184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ct: () => (/* binding */ fillPlaceholders),
/* harmony export */   Nf: () => (/* binding */ markedPlaceholders),
/* harmony export */   o2: () => (/* binding */ placeholderNames),
/* harmony export */   rD: () => (/* binding */ fillTextPlaceholders),
/* harmony export */   u7: () => (/* binding */ unmarked)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _common_problems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7657);
/* harmony import */ var _common_setting_name_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3261);




const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const PLACEHOLDER = new RegExp(`(\\$?)\\$\\{(${NAME})\\}`, 'g');
// Placeholders become private-use characters of the same length: the parser then takes them anywhere
// (even unquoted where a number goes), and the positions it reports stay those of the user's text.
const ESCAPE = '\uE003';
const DOLLAR = '\uE000';
const OPEN = '\uE001';
const CLOSE = '\uE002';
const MARKED = new RegExp(`(${ESCAPE}?)${DOLLAR}${OPEN}(${NAME})${CLOSE}`, 'g');
/** `text` with `${NAME}` and `$${NAME}` marked, each character for one. */
function markedPlaceholders(text) {
    return text.replace(PLACEHOLDER, (_, escape, name) => `${escape ? ESCAPE : ''}${DOLLAR}${OPEN}${name}${CLOSE}`);
}
/** `text` as the user wrote it, for parser messages that quote the marked text. */
function unmarked(text) {
    return text
        .replace(/[\uE000\uE003]/g, '$')
        .replaceAll(OPEN, '{')
        .replaceAll(CLOSE, '}');
}
/**
 * Fills the placeholders in the scalars of `doc`, parsed from `marked`, so a value is never parsed as
 * syntax (quotes and backslashes in it need no escaping). Placeholders in comments are ignored.
 * Throws one error listing every unknown placeholder.
 */
function fillPlaceholders(doc, marked, values, source, file) {
    const unknown = [];
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Scalar(_key, node) {
            if (typeof node.value !== 'string' || !node.value.includes(OPEN))
                return;
            const [start, end] = node.range ?? [0, 0];
            for (const match of marked.slice(start, end).matchAll(MARKED)) {
                const name = match[2] ?? '';
                if (!match[1] && !Object.hasOwn(values, name))
                    unknown.push({ name, line: lineAt(marked, start + match.index) });
            }
            const filled = node.value.replace(MARKED, (_, escape, name) => escape ? `\${${name}}` : (values[name] ?? ''));
            // An unquoted, untagged scalar gets the type its filled-in text has, so `cpu: ${CPU}` is a number.
            node.value = node.type === 'PLAIN' && !node.tag ? plainValue(filled) : filled;
        },
    });
    const [first] = unknown;
    if (!first)
        return;
    const known = Object.keys(values).join(', ') || '(none)';
    const example = first.name;
    throw new _common_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .ProblemsError */ .FQ(source, unknown.map(({ name, line }) => ({ path: '', line, message: `unknown placeholder \${${name}}` })), `Known: ${known}. Add ${unknown.length === 1 ? 'it' : 'them'} to the \`vars\` of the environment in the config file (${example}: value), ` +
        `or write $\${${example}} for a literal \${${example}}.`, file);
}
/**
 * `text` (one input's value, not a document) with its `${NAME}` placeholders filled and `$${NAME}` kept as a literal
 * `${NAME}`; an unknown placeholder is a UserError naming `input` and the known ones.
 */
function fillTextPlaceholders(text, values, input, 
/** How a value goes in at `offset` of `text` (as it is by default). */
encode = (_name, value) => value) {
    const unknown = [...text.matchAll(PLACEHOLDER)].filter((m) => !m[1] && !Object.hasOwn(values, m[2] ?? ''));
    const [first] = unknown;
    if (first) {
        const names = [...new Set(unknown.map((m) => `\${${m[2]}}`))].join(', ');
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${(0,_common_setting_name_js__WEBPACK_IMPORTED_MODULE_3__/* .settingName */ .Q)(input)}: unknown placeholder ${names}. Known: ${Object.keys(values).join(', ') || '(none)'}. ` +
            `Add it to the \`vars\` of the environment in the config file (${first[2]}: value), or write $\${${first[2]}} for a literal \${${first[2]}}.`);
    }
    return text.replace(PLACEHOLDER, (_, escape, name, offset) => escape ? `\${${name}}` : encode(name, values[name] ?? '', offset));
}
/** The names of the `${NAME}` placeholders in `text` (not the `$${NAME}` literals). */
function placeholderNames(text) {
    return [...text.matchAll(PLACEHOLDER)].filter((m) => !m[1]).map((m) => m[2] ?? '');
}
function plainValue(text) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text);
    return doc.errors.length === 0 && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(doc.contents) ? doc.contents.value : text;
}
function lineAt(text, offset) {
    return text.slice(0, offset).split('\n').length;
}


/***/ }),

/***/ 442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ problemsError)
/* harmony export */ });
/* harmony import */ var _common_problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7657);

/** One error for everything wrong with a task definition; each problem starts with the JSON path of the field to fix. */
function problemsError(source, problems, hint) {
    return new _common_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .ProblemsError */ .FQ(source, problems.map((message) => ({ path: '', message })), hint);
}


/***/ }),

/***/ 7131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ renderTaskDefinition)
});

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/taskdef/problems.ts
var taskdef_problems = __webpack_require__(442);
;// CONCATENATED MODULE: ./src/taskdef/apply.ts



/**
 * Puts the image, environment variables and secrets on the chosen containers of `request`, in place.
 * Returns the names of the containers that got the image, and how they were chosen.
 */
function applyChanges(request, changes, source) {
    const definitions = request.containerDefinitions ?? [];
    const { chosen, note } = chosenContainers(definitions, changes, source);
    for (const container of chosen) {
        if (changes.image)
            container.image = changes.image;
        if (changes.environment?.length) {
            container.environment = withChanges(container.environment, changes.environment, ({ name, value }) => ({
                name,
                value: value ?? '',
            }));
        }
        if (changes.secrets?.length) {
            container.secrets = withChanges(container.secrets, changes.secrets, ({ name, value }) => ({
                name,
                valueFrom: value ?? '',
            }));
        }
    }
    const promoted = changes.images ? promotedContainers(definitions, changes.images, source) : undefined;
    const problems = definitions.flatMap((container, index) => containerProblems(container, index));
    if (problems.length)
        throw (0,taskdef_problems/* problemsError */.$)(source, problems);
    const containers = promoted?.containers ?? (changes.image ? chosen.map(({ name }) => name ?? '') : []);
    return { containers, notes: [...(note ? [note] : []), ...(promoted?.notes ?? [])] };
}
/** The containers named by the `container` input, else the only one, else those running `image`'s repository. */
function chosenContainers(definitions, { image, containers = [], environment = [], secrets = [] }, source) {
    const names = definitions.map(({ name }) => name ?? '');
    const wanted = containers.filter((name) => name !== '');
    if (wanted.length) {
        const missing = wanted.filter((name) => !names.includes(name));
        if (missing.length) {
            throw new errors/* UserError */.yo(`${source} has no container named ${missing.map((name) => `"${name}"`).join(', ')} ` +
                `(from the \`container\` input). Its containers: ${names.join(', ')}.`);
        }
        return { chosen: definitions.filter(({ name }) => wanted.includes(name ?? '')) };
    }
    if (!image && !environment.length && !secrets.length)
        return { chosen: [] };
    const what = image ? 'the image goes' : 'environment variables and secrets go';
    if (definitions.length === 1)
        return { chosen: definitions, note: `${what} to container ${names[0]}, the only one` };
    if (image) {
        const repository = (0,reference/* imageRepository */.an)(image);
        const matching = definitions.filter(({ image: current }) => current && (0,reference/* imageRepository */.an)(current) === repository);
        if (matching.length) {
            const chosenNames = matching.map(({ name }) => name).join(', ');
            return { chosen: matching, note: `${what} to ${chosenNames}: the container(s) running ${repository}` };
        }
        throw new errors/* UserError */.yo(`${source} has containers ${names.join(', ')}, and none of them runs an image from ${repository}. ` +
            'Set the `container` input to the container(s) that get the image.');
    }
    throw new errors/* UserError */.yo(`${source} has containers ${names.join(', ')}. ` +
        'Set the `container` input to say which of them get the environment variables and secrets.');
}
/** Puts each promoted image on the container of its name; the containers it has no image for keep theirs. */
function promotedContainers(definitions, images, source) {
    const containers = definitions.filter(({ name }) => name !== undefined && images[name] !== undefined);
    const names = definitions.map(({ name }) => name ?? '');
    if (!containers.length) {
        throw new errors/* UserError */.yo(`${source} has containers ${names.join(', ')}, and the promoted images are for ${Object.keys(images).join(', ')}: no container name in common. Name the containers alike in both environments.`);
    }
    for (const container of containers)
        container.image = images[container.name];
    const kept = names.filter((name) => images[name] === undefined);
    const unused = Object.keys(images).filter((name) => !names.includes(name));
    return {
        containers: containers.map(({ name }) => name),
        notes: [
            ...(kept.length
                ? [`kept the images of ${kept.join(', ')}: the promoted environment has no container of that name`]
                : []),
            ...(unused.length ? [`not promoted: ${unused.join(', ')}, which this task definition has no container for`] : []),
        ],
    };
}
/** `entries` with each change applied by name: replaced where it was (every duplicate), appended when new. */
function withChanges(entries, changes, entry) {
    let result = [...(entries ?? [])];
    for (const change of changes) {
        const exists = result.some(({ name }) => name === change.name);
        if (change.remove)
            result = result.filter(({ name }) => name !== change.name);
        else if (exists)
            result = result.map((existing) => (existing.name === change.name ? entry(change) : existing));
        else
            result.push(entry(change));
    }
    return result;
}
function containerProblems(container, index) {
    const at = `containerDefinitions[${index}] (${container.name})`;
    const problems = [];
    if (!container.image) {
        problems.push(`${at}.image: missing (required); set it in the template, or have the \`image\` input fill it in ` +
            '(the `container` input says which containers get it)');
    }
    const environment = new Set(container.environment?.map(({ name }) => name));
    for (const { name } of container.secrets ?? []) {
        if (environment.has(name)) {
            problems.push(`${at}: ${name} is both an environment variable and a secret, which ECS rejects; remove one`);
        }
    }
    return problems;
}

// EXTERNAL MODULE: ./src/taskdef/clean.ts
var clean = __webpack_require__(3497);
// EXTERNAL MODULE: ./src/taskdef/template-file.ts
var template_file = __webpack_require__(3387);
// EXTERNAL MODULE: ./src/taskdef/rules.ts + 1 modules
var rules = __webpack_require__(4943);
// EXTERNAL MODULE: ./src/taskdef/validate.ts
var validate = __webpack_require__(8516);
;// CONCATENATED MODULE: ./src/taskdef/duplicate-keys.ts
/** `[1] and [4]`, `[1], [2] and [4]`. */
function positions(indexes) {
    const shown = indexes.map((i) => `[${i}]`);
    return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : (shown[0] ?? '');
}
function duplicates(list, at) {
    const where = new Map();
    (list ?? []).forEach(({ name }, index) => {
        if (name !== undefined)
            where.set(name, [...(where.get(name) ?? []), index]);
    });
    return [...where]
        .filter(([, indexes]) => indexes.length > 1)
        .map(([name, indexes]) => `${at}: ${name} is set ${indexes.length === 2 ? 'twice' : `${indexes.length} times`}, at ${positions(indexes)}; ECS would keep only one, silently: remove the others`);
}
/** Each container's environment variable or secret named more than once, with every position it has. */
function duplicateKeyProblems(request) {
    return (request.containerDefinitions ?? []).flatMap((container, index) => {
        const at = `containerDefinitions[${index}]${container.name ? ` (${container.name})` : ''}`;
        return [
            ...duplicates(container.environment, `${at}.environment`),
            ...duplicates(container.secrets, `${at}.secrets`),
        ];
    });
}

;// CONCATENATED MODULE: ./src/taskdef/render.ts







/** The RegisterTaskDefinition request: the template (or current definition), checked, with the changes applied, as ECS would take it. */
async function renderTaskDefinition(options) {
    const { source, definition, note, file } = await startingPoint(options);
    const { definition: cleaned, dropped } = (0,clean/* withoutReadOnlyKeys */.d)(definition);
    const request = (0,validate/* checkedRequest */.lr)(cleaned, source, file);
    const duplicated = duplicateKeyProblems(request);
    if (duplicated.length)
        throw (0,taskdef_problems/* problemsError */.$)(source, duplicated);
    const applied = applyChanges(request, options, source);
    (0,rules/* checkEcsRules */.pl)(request, source);
    const notes = [
        ...(note ? [note] : []),
        ...(dropped.length ? [`dropped read-only keys: ${dropped.join(', ')}`] : []),
        ...applied.notes,
    ];
    return { request, containers: applied.containers, notes };
}
async function startingPoint(options) {
    const { templatePath, current, currentTags } = options;
    if (templatePath !== undefined) {
        const source = `task definition ${templatePath}`;
        const { definition, lineOf } = await (0,template_file/* readTemplate */.xV)(templatePath, options.placeholders);
        const file = { path: templatePath, lineOf };
        // Old pipelines passed the family beside the file (`--family`): the service's own family is the one meant.
        if (definition.family === undefined && current?.family) {
            const note = `family: ${current.family}, from the service's current revision ${current.family}:${current.revision} (${templatePath} names none)`;
            return { source, definition: { family: current.family, ...definition }, note, file };
        }
        return { source, definition, file };
    }
    if (!current)
        throw new Error('renderTaskDefinition needs templatePath or current');
    // A copy: the changes are applied in place.
    const definition = structuredClone({ ...current });
    if (currentTags?.length)
        definition.tags = currentTags;
    return { source: `current task definition ${current.family}:${current.revision}`, definition };
}


/***/ }),

/***/ 4943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pl: () => (/* binding */ checkEcsRules)
});

// UNUSED EXPORTS: RULES, executionRoleNeeded, fargateNetworkMode, fargateSize

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/taskdef/images.ts


/** Each container image that is not a valid reference (ECS would accept it and fail every task at pull time). */
function imageProblems(request) {
    return (request.containerDefinitions ?? []).flatMap((container, index) => {
        if (typeof container.image !== 'string')
            return [];
        try {
            (0,reference/* parseImageReference */.o_)(container.image, `containerDefinitions[${index}]${container.name ? ` (${container.name})` : ''}.image`);
            return [];
        }
        catch (error) {
            if (!(error instanceof errors/* UserError */.yo))
                throw error;
            return [error.message.replace(/\.$/, '')];
        }
    });
}

// EXTERNAL MODULE: ./src/taskdef/problems.ts
var taskdef_problems = __webpack_require__(442);
;// CONCATENATED MODULE: ./src/taskdef/rules.ts


/**
 * Throws one error listing what ECS would refuse in the (rendered) request: the rules that span several fields,
 * which the key and type check of the API model cannot see. EC2-only definitions get no Fargate rules.
 */
function checkEcsRules(request, source) {
    const problems = RULES.flatMap((rule) => rule(request));
    if (problems.length)
        throw (0,taskdef_problems/* problemsError */.$)(source, problems);
}
const RULES = [fargateNetworkMode, fargateSize, executionRoleNeeded, imageProblems];
const onFargate = (request) => request.requiresCompatibilities?.includes('FARGATE') ?? false;
function fargateNetworkMode(request) {
    if (!onFargate(request) || request.networkMode === 'awsvpc')
        return [];
    const found = request.networkMode
        ? 'Fargate runs only awsvpc'
        : 'not set (ECS takes bridge), and Fargate runs only awsvpc';
    return [`networkMode: ${found}; set "networkMode": "awsvpc"`];
}
/** Memory (MiB) ECS accepts for each task cpu (units) on Fargate. */
const FARGATE_MEMORY = {
    256: { from: 512, to: 2048, step: 512, text: '512, 1024 or 2048' },
    512: { from: 1024, to: 4096, step: 1024, text: '1024 to 4096 in steps of 1024' },
    1024: { from: 2048, to: 8192, step: 1024, text: '2048 to 8192 in steps of 1024' },
    2048: { from: 4096, to: 16384, step: 1024, text: '4096 to 16384 in steps of 1024' },
    4096: { from: 8192, to: 30720, step: 1024, text: '8192 to 30720 in steps of 1024' },
    8192: { from: 16384, to: 61440, step: 4096, text: '16384 to 61440 in steps of 4096' },
    16384: { from: 32768, to: 122880, step: 8192, text: '32768 to 122880 in steps of 8192' },
};
function fargateSize(request) {
    if (!onFargate(request))
        return [];
    const missing = ['cpu', 'memory'].filter((key) => !request[key]);
    if (missing.length) {
        return missing.map((key) => `${key}: missing; Fargate needs task-level cpu and memory, e.g. "cpu": "256", "memory": "512"`);
    }
    const cpu = units(request.cpu ?? '', 'vcpu');
    const memory = units(request.memory ?? '', 'gb');
    const allowed = cpu === undefined ? undefined : FARGATE_MEMORY[cpu];
    if (!allowed)
        return [`cpu: not a Fargate size; use one of ${Object.keys(FARGATE_MEMORY).join(', ')} (CPU units)`];
    const fits = memory !== undefined &&
        memory >= allowed.from &&
        memory <= allowed.to &&
        (memory - allowed.from) % allowed.step === 0;
    return fits ? [] : [`memory: does not go with cpu ${cpu} on Fargate; use ${allowed.text} (MiB)`];
}
/** "256", "0.25 vCPU" → 256; "512", "1 GB" → 1024 (the forms RegisterTaskDefinition converts); undefined otherwise. */
function units(value, unit) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
    if (!match)
        return undefined;
    const [, amount = '', suffix = ''] = match;
    if (suffix === '')
        return Number(amount);
    return suffix.toLowerCase() === unit ? Number(amount) * 1024 : undefined;
}
const PRIVATE_ECR = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;
/** What ECS does with the task execution role: on Fargate pull private ECR images and send awslogs; anywhere read secrets. */
const ROLE_USES = [
    {
        field: 'image',
        use: 'pulling a private ECR image on Fargate',
        applies: (c, fargate) => fargate && PRIVATE_ECR.test(c.image ?? ''),
    },
    {
        field: 'logConfiguration.logDriver',
        use: 'the awslogs driver on Fargate',
        applies: (c, fargate) => fargate && c.logConfiguration?.logDriver === 'awslogs',
    },
    { field: 'secrets', use: 'secrets (valueFrom)', applies: (c) => Boolean(c.secrets?.length) },
    {
        field: 'logConfiguration.secretOptions',
        use: 'log driver secrets (secretOptions)',
        applies: (c) => Boolean(c.logConfiguration?.secretOptions?.length),
    },
    {
        field: 'repositoryCredentials',
        use: 'private registry credentials',
        applies: (c) => Boolean(c.repositoryCredentials),
    },
];
function executionRoleNeeded(request) {
    if (request.executionRoleArn)
        return [];
    const fargate = onFargate(request);
    return (request.containerDefinitions ?? []).flatMap((container, index) => ROLE_USES.filter(({ applies }) => applies(container, fargate)).map(({ field, use }) => `${containerPath(container, index)}.${field}: ECS needs a task execution role for ${use}; ` +
        'set executionRoleArn (e.g. the ARN of ecsTaskExecutionRole)'));
}
function containerPath(container, index) {
    return `containerDefinitions[${index}] (${container.name})`;
}


/***/ }),

/***/ 3387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ loadDocument),
/* harmony export */   xV: () => (/* binding */ readTemplate)
/* harmony export */ });
/* unused harmony export loadTemplate */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1922);
/* harmony import */ var _common_workspace_path_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7682);
/* harmony import */ var _common_setting_name_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3261);
/* harmony import */ var _common_yaml_data_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8715);
/* harmony import */ var _placeholders_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5184);
/* harmony import */ var _plain_values_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7);









/**
 * Reads a task definition template (JSON or YAML), fills its placeholders and unwraps
 * `aws ecs describe-task-definition` output, whose tags become the definition's `tags`.
 */
async function loadTemplate(path, placeholders, workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
    return (await readTemplate(path, placeholders, workspace)).definition;
}
/** loadTemplate, with the lines of its keys. */
async function readTemplate(path, placeholders, workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
    const { data, lineOf } = await loadDocument(path, placeholders, workspace, TASK_DEFINITION);
    const wrapper = (0,_plain_values_js__WEBPACK_IMPORTED_MODULE_8__/* .isPlainObject */ .Q)(data) && 'taskDefinition' in data ? ['taskDefinition'] : [];
    return {
        definition: unwrapped(data, `task definition ${path}`),
        lineOf: (problemPath) => lineOf([...wrapper, ...keysOf(problemPath)]),
    };
}
const TASK_DEFINITION = { input: 'task-definition', what: 'task definition' };
/** Reads a template file of the workspace (JSON or YAML) and fills its placeholders; errors name `kind` and the line. */
async function loadDocument(path, placeholders, workspace, kind) {
    const source = `${kind.what} ${path}`;
    const marked = (0,_placeholders_js__WEBPACK_IMPORTED_MODULE_7__/* .markedPlaceholders */ .Nf)(await templateText(path, workspace, kind));
    // One parser for both: YAML 1.2 reads JSON, and unlike JSON.parse on Node 20 it says where the error is.
    // Errors give the line, never the file's text: the file may not be what it should be (and hold secrets).
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(marked, { lineCounter, prettyErrors: false });
    const [error] = doc.errors;
    if (error) {
        const format = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.extname)(path).toLowerCase() === '.json' ? 'JSON' : 'YAML';
        const { line, col } = lineCounter.linePos(error.pos[0]);
        const message = `${source}:${line}: is not valid ${format} (column ${col}): ${(0,_placeholders_js__WEBPACK_IMPORTED_MODULE_7__/* .unmarked */ .u7)(error.message.split('\n')[0] ?? '')}`;
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(message, { locations: [{ file: path, line, column: col, message }] });
    }
    (0,_placeholders_js__WEBPACK_IMPORTED_MODULE_7__/* .fillPlaceholders */ .Ct)(doc, marked, placeholders, source, path);
    return {
        data: (0,_common_yaml_data_js__WEBPACK_IMPORTED_MODULE_6__/* .yamlData */ .O)(doc, source, marked),
        lineOf(keyPath) {
            const offset = offsetOf(doc, keyPath);
            return offset === undefined ? undefined : lineCounter.linePos(offset).line;
        },
    };
}
/** `containerDefinitions[0] (web).image` as keys: containerDefinitions, 0, image (the ` (web)` label dropped). */
function keysOf(path) {
    return [...path.replace(/ \([^)]*\)/g, '').matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
}
/** Where the deepest of `keys` that the document has starts (a key where the path names one missing: its parent's). */
function offsetOf(doc, keys) {
    for (let depth = keys.length; depth > 0; depth--) {
        const parent = depth === 1 ? doc.contents : doc.getIn(keys.slice(0, depth - 1), true);
        const last = keys[depth - 1];
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(parent)) {
            const pair = parent.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(item.key) && item.key.value === last);
            if (pair && (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(pair.key) && pair.key.range)
                return pair.key.range[0];
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(parent) && typeof last === 'number') {
            const item = parent.items[last];
            if (item && typeof item === 'object' && 'range' in item && Array.isArray(item.range))
                return item.range[0];
        }
    }
    return undefined;
}
/** A task definition family (letters, digits, `-`, `_`), with or without `:revision`: no file extension, no folder. */
const FAMILY_LIKE = /^[A-Za-z0-9_-]{1,255}(:\d+)?$/;
async function templateText(path, workspace, kind) {
    const fullPath = await (0,_common_workspace_path_js__WEBPACK_IMPORTED_MODULE_4__/* .insideWorkspace */ .C)(kind.input, path, workspace);
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(fullPath, 'utf8');
    }
    catch (error) {
        const { code, message } = error;
        const reason = code === 'ENOENT' ? 'not found' : `cannot be read (${message})`;
        // The official deploy action also took a family name here (`web`, `web:42`): a missing file named like one is that.
        const family = kind === TASK_DEFINITION && code === 'ENOENT' && FAMILY_LIKE.test(path)
            ? ` If "${path}" is a task definition family, leave \`task-definition\` out: the service's current task definition is the starting point.`
            : '';
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${kind.what} ${path} ${reason} at ${fullPath}. ${(0,_common_setting_name_js__WEBPACK_IMPORTED_MODULE_5__/* .settingName */ .Q)(kind.input)} is relative to the workspace ` +
            `(GITHUB_WORKSPACE, else the working directory): check the path, and that the repository is checked out.${family}`);
    }
}
function unwrapped(value, source) {
    if (!(0,_plain_values_js__WEBPACK_IMPORTED_MODULE_8__/* .isPlainObject */ .Q)(value)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${source}: the top level must be an object (a RegisterTaskDefinition request or the output of ` +
            `\`aws ecs describe-task-definition\`), found ${(0,_plain_values_js__WEBPACK_IMPORTED_MODULE_8__/* .kindOf */ .I)(value)}.`);
    }
    if (!('taskDefinition' in value))
        return value;
    const { taskDefinition, tags, ...rest } = value;
    const extra = Object.keys(rest);
    if (extra.length) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${source} looks like \`aws ecs describe-task-definition\` output (it has taskDefinition) but also has ` +
            `${extra.join(', ')}; that output has only taskDefinition and tags. Remove the other keys.`);
    }
    if (!(0,_plain_values_js__WEBPACK_IMPORTED_MODULE_8__/* .isPlainObject */ .Q)(taskDefinition)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${source}, taskDefinition: expected an object, found ${(0,_plain_values_js__WEBPACK_IMPORTED_MODULE_8__/* .kindOf */ .I)(taskDefinition)}.`);
    }
    return tags === undefined ? taskDefinition : { ...taskDefinition, tags };
}


/***/ }),

/***/ 8516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QW: () => (/* binding */ modelProblems),
/* harmony export */   lr: () => (/* binding */ checkedRequest),
/* harmony export */   s6: () => (/* binding */ withStringSizes)
/* harmony export */ });
/* harmony import */ var _common_suggest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8687);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5921);
/* harmony import */ var _common_problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7657);
/* harmony import */ var _plain_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7);




/**
 * The definition checked against the RegisterTaskDefinition API model at every depth: unknown keys,
 * value types and required keys. null means "not set" and is dropped. Throws listing every problem.
 */
function checkedRequest(definition, source, file) {
    const problems = [];
    const request = checked(withStringSizes(definition), _model_js__WEBPACK_IMPORTED_MODULE_0__/* .REQUEST_SHAPE */ .iS, '', problems);
    if (Array.isArray(definition.containerDefinitions) && definition.containerDefinitions.length === 0) {
        problems.push({ path: 'containerDefinitions', message: 'empty; add at least one container' });
    }
    if (problems.length) {
        const located = file ? problems.map((p) => ({ ...p, ...lineOf(file, p.path) })) : problems;
        throw new _common_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .ProblemsError */ .FQ(source, located, undefined, file?.path);
    }
    return request;
}
function lineOf(file, path) {
    const line = file.lineOf(path);
    return line === undefined ? {} : { line };
}
/** What is wrong with `value` as one shape of the ECS API model (a schema @aws-sdk/client-ecs exports, `Name$`). */
function modelProblems(value, schema, path = '') {
    const problems = [];
    checked(value, (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeOf */ .F5)(schema), path, problems);
    return problems;
}
/** The API takes task-level cpu and memory as strings ("256", "1 vCPU"); people write numbers. */
function withStringSizes(definition) {
    const copy = { ...definition };
    for (const key of ['cpu', 'memory']) {
        if (typeof copy[key] === 'number')
            copy[key] = String(copy[key]);
    }
    return copy;
}
function checked(value, shape, path, problems) {
    switch (shape.kind) {
        case 'any':
            return value;
        case 'struct':
            return (0,_plain_values_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Q)(value) ? checkedStruct(value, shape, path, problems) : mismatch('an object');
        case 'map':
            if (!(0,_plain_values_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Q)(value))
                return mismatch('an object');
            return Object.fromEntries(present(value).map(([key, item]) => [key, checked(item, (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeOf */ .F5)(shape.value), `${path}.${key}`, problems)]));
        case 'list':
            if (!Array.isArray(value))
                return mismatch('a list');
            return value.map((item, index) => checked(item, (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeOf */ .F5)(shape.member), `${path}[${index}]${label(item)}`, problems));
        default:
            return typeof value === shape.kind ? value : mismatch(`a ${shape.kind}`);
    }
    function mismatch(expected) {
        problems.push({
            path,
            message: `expected ${expected}, found ${(0,_common_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .describedValue */ .fl)(value)}${quotingHint(value, shape.kind)}`,
        });
        return value;
    }
}
function checkedStruct(value, shape, path, problems) {
    const result = {};
    for (const [key, item] of present(value)) {
        const at = path ? `${path}.${key}` : key;
        const index = shape.members.indexOf(key);
        if (index < 0)
            problems.push({ path: at, message: (0,_common_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .unknownKey */ .a)(key, shape.members) });
        else
            result[key] = checked(item, (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeOf */ .F5)(shape.memberSchemas[index]), at, problems);
    }
    for (const key of shape.required) {
        if (result[key] === undefined)
            problems.push({ path: path ? `${path}.${key}` : key, message: 'missing (required)' });
    }
    return result;
}
function present(value) {
    return Object.entries(value).filter(([, item]) => item !== null && item !== undefined);
}
/** ` (web)` after a list index, when the item has a name. */
function label(item) {
    return (0,_plain_values_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Q)(item) && typeof item.name === 'string' ? ` (${item.name})` : '';
}
function quotingHint(value, expected) {
    if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
        return '; put it in quotes';
    if (typeof value !== 'string' || value.trim() === '')
        return '';
    const unquoted = expected === 'number' ? !Number.isNaN(Number(value)) : expected === 'boolean' && /^(true|false)$/.test(value);
    return unquoted ? '; remove the quotes' : '';
}


/***/ })

};

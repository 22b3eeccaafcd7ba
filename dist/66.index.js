export const id = 66;
export const ids = [66];
export const modules = {

/***/ 1626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ functionName),
/* harmony export */   Iy: () => (/* binding */ resourceName),
/* harmony export */   MZ: () => (/* binding */ taskDefinitionRevision),
/* harmony export */   P7: () => (/* binding */ revisionNumber),
/* harmony export */   a: () => (/* binding */ resourceId),
/* harmony export */   dm: () => (/* binding */ taskDefinitionFamily)
/* harmony export */ });
/* unused harmony exports parseArn, lastPart */
// One place that reads ARNs: arn:<partition>:<service>:<region>:<account>:<resource>, where the resource is
// `type/id…` for ECS (task-definition/web:12, service/cluster/web, task/cluster/id) and ELB (targetgroup/name/id),
// and `type:id` for some others.
/** The parts of an ARN, or undefined when `text` is not one (a plain name, `family:revision`). */
function parseArn(text) {
    const match = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(text);
    if (!match)
        return undefined;
    const [, partition = '', service = '', region = '', account = '', resource = ''] = match;
    return { partition, service, region, account, resource };
}
/** The last path part of an ARN's resource, or the text itself when it is a name: `web:12` of a task definition, `web` of a service. */
function lastPart(nameOrArn) {
    const resource = parseArn(nameOrArn)?.resource ?? nameOrArn;
    return resource.slice(resource.lastIndexOf('/') + 1);
}
/** `family:revision` of a task definition ARN (or of `family:revision` itself); `fallback` when there is none. */
function taskDefinitionRevision(arn, fallback = '?') {
    return arn ? lastPart(arn) : fallback;
}
/** The family of a task definition ARN or `family:revision`: `web` of `…:task-definition/web:12`. */
function taskDefinitionFamily(arn) {
    return lastPart(arn).replace(/:\d+$/, '');
}
/** The revision number of a task definition ARN or `family:revision`, or undefined when it names none. */
function revisionNumber(arn) {
    const match = /:(\d+)$/.exec(lastPart(arn));
    return match ? Number(match[1]) : undefined;
}
/** The name of a cluster, service or task from its ARN (or the name itself): `web` of `…:service/prod/web`. */
const resourceName = lastPart;
/** An ARN's resource without its type: `blue/0123456789abcdef` of a target group's ARN; the text itself when it is no ARN. */
function resourceId(arn) {
    const resource = parseArn(arn)?.resource ?? arn;
    return resource.slice(resource.indexOf('/') + 1);
}
/** A Lambda function's name from its ARN (`…:function:my-hook`, with an optional `:alias`), or the text itself. */
function functionName(arn) {
    const resource = parseArn(arn)?.resource ?? arn;
    return /^function:([^:]+)/.exec(resource)?.[1] ?? resource;
}


/***/ }),

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

/***/ 9760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   render: () => (/* binding */ render),
/* harmony export */   rendersOffline: () => (/* binding */ rendersOffline)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _settings_placeholder_values_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3039);
/* harmony import */ var _environment_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3271);
/* harmony import */ var _preview_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9144);
/* harmony import */ var _taskdef_render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7131);





/** Whether `render` can work from the settings alone: a template, and no image to build first. */
function rendersOffline(settings) {
    return settings.inputs.taskDefinition !== undefined && !settings.inputs.build;
}
/** Renders every service's task definition from the template; logs the notes (what was set, what was dropped). */
async function render(settings, log) {
    const { inputs, git } = settings;
    const templatePath = inputs.taskDefinition;
    if (templatePath === undefined || inputs.build)
        throw new Error('render() needs a template and no build: use the dry-run deploy otherwise');
    const plan = await (0,_environment_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .planRun */ .n)(inputs, git, settings.event);
    if (plan.kind !== 'deploy')
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(plan.kind === 'skip' ? `Nothing to render: ${plan.reason}.` : 'render renders services, not a preview sweep.');
    if (plan.promotion) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Environment ${plan.environment?.name ?? ''} is promoted from ${plan.promotion.from}: its images are the ones ${plan.promotion.from}'s services run, which only ECS can say. Use \`diff\` (or a dry run) to render it with them.`);
    }
    if (plan.reason)
        log.info(plan.environment ? `Environment ${plan.environment.name}: ${plan.reason}` : `No environment: ${plan.reason}`);
    const env = settings.env ?? process.env;
    // The region only fills ${AWS_REGION}: none is needed to render.
    const region = plan.inputs.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? '';
    const preview = plan.preview;
    const rendered = [];
    for (const service of plan.inputs.services) {
        const result = await (0,_taskdef_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTaskDefinition */ .P)({
            templatePath,
            ...(plan.inputs.image !== undefined && { image: plan.inputs.image }),
            containers: plan.inputs.containers,
            environment: plan.inputs.environmentVariables,
            secrets: plan.inputs.secrets,
            placeholders: {
                ...(0,_settings_placeholder_values_js__WEBPACK_IMPORTED_MODULE_4__/* .placeholderValues */ .m)(plan.inputs, service, git, region, plan.inputs.image),
                ...(preview && { PR_NUMBER: String(preview.pr), PREVIEW: `pr-${preview.pr}` }),
            },
        });
        if (preview && result.request.family)
            result.request.family = (0,_preview_names_js__WEBPACK_IMPORTED_MODULE_2__/* .previewFamily */ .bc)(result.request.family, preview.pr);
        for (const note of result.notes)
            log.info(plan.inputs.services.length > 1 ? `${service}: ${note}` : note);
        rendered.push({ service, taskDefinition: result.request });
    }
    return rendered;
}


/***/ }),

/***/ 9144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ shortName),
/* harmony export */   IT: () => (/* binding */ targetGroupName),
/* harmony export */   Po: () => (/* binding */ isPreviewFamily),
/* harmony export */   XO: () => (/* binding */ previewPathPatterns),
/* harmony export */   bc: () => (/* binding */ previewFamily),
/* harmony export */   j3: () => (/* binding */ previewServiceName),
/* harmony export */   pE: () => (/* binding */ previewHost)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_arn_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1626);


const ECS_NAME_MAX = 255;
const TARGET_GROUP_NAME_MAX = 32;
/** The last part of a name or ARN (`arn:…:service/dev/web` → `web`). */
function shortName(nameOrArn) {
    return (0,_aws_arn_js__WEBPACK_IMPORTED_MODULE_1__/* .resourceName */ .Iy)(nameOrArn);
}
/** `<name>-pr-<N>`, kept to ECS's rules for service and family names: 255 letters, digits, - and _. */
function withPrSuffix(name, pr) {
    const suffix = `-pr-${pr}`;
    return (shortName(name)
        .replace(/[^A-Za-z0-9_-]/g, '-')
        .slice(0, ECS_NAME_MAX - suffix.length) + suffix);
}
/** The preview's ECS service name: `<service>-pr-<N>`. */
function previewServiceName(service, pr) {
    return withPrSuffix(service, pr);
}
/** A task definition family of the preview's own, so its revisions never mix with the base environment's. */
function previewFamily(family, pr) {
    return withPrSuffix(family, pr);
}
/** Whether a family is the preview family of pull request `pr` (and so may be deregistered with it). */
function isPreviewFamily(family, pr) {
    return family.endsWith(`-pr-${pr}`);
}
/**
 * The preview's target group name: ELB allows 32 characters, so `pr-<N>-<hash>`, where the hash of cluster
 * and service keeps two services' previews of one pull request apart, and is the same on every run.
 */
function targetGroupName(cluster, serviceName, pr) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`${shortName(cluster)}/${serviceName}`)
        .digest('hex');
    const prefix = `pr-${pr}-`;
    return prefix + hash.slice(0, Math.min(8, TARGET_GROUP_NAME_MAX - prefix.length));
}
function previewHost(pr, domain) {
    return `pr-${pr}.${domain}`;
}
function previewPathPatterns(pr) {
    return [`/pr-${pr}`, `/pr-${pr}/*`];
}


/***/ }),

/***/ 3039:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ placeholderValues)
/* harmony export */ });
/** Values a template's ${PLACEHOLDERS} can use. */
function placeholderValues(inputs, service, git, region, image) {
    return {
        GITHUB_SHA: git.sha,
        SHORT_SHA: git.shortSha,
        COMMIT_HASH: git.sha,
        REF_NAME: git.refName,
        GITHUB_REF_NAME: git.refName,
        RUN_NUMBER: git.runNumber,
        GITHUB_RUN_NUMBER: git.runNumber,
        RUN_ID: git.runId,
        REPOSITORY: git.repository,
        CLUSTER: inputs.cluster,
        SERVICE: service,
        AWS_REGION: region,
        ENVIRONMENT: inputs.environment ?? '',
        ...(image !== undefined && { IMAGE: image }),
        ...inputs.vars,
    };
}


/***/ }),

/***/ 7:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   Q: () => (/* binding */ isPlainObject)
/* harmony export */ });
/** Helpers for the plain values a parsed template or an SDK response is made of. */
/** An object literal, not a list or Date; works across realms (structuredClone, jest's vm). */
function isPlainObject(value) {
    return Object.prototype.toString.call(value) === '[object Object]';
}
/** What a value is without quoting it, for a whole file that may be anything (a secret, /proc/self/environ). */
function kindOf(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}


/***/ })

};

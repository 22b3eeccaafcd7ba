export const id = 261;
export const ids = [261];
export const modules = {

/***/ 3644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ execCommand)
/* harmony export */ });
/* unused harmony export KILL_AFTER_MS */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(673);
// Every external command (docker, verify-command) runs here: an argument array, never a shell, in a process group of
// its own, so the run's deadline can stop it and everything it started.


/** How long a stopped command's process group has between SIGTERM and SIGKILL. */
const KILL_AFTER_MS = 2_000;
/**
 * Runs a command with an argument array (no shell) and returns its exit code and output; never throws on a non-zero
 * exit. A command that cannot be started throws `Unable to locate executable file: <command>`.
 */
function execCommand(command, args, options = {}) {
    return (0,_deadline_js__WEBPACK_IMPORTED_MODULE_1__/* .waitingFor */ .Fz)(`${command} ${args[0] ?? ''}`.trim(), () => run(command, args, options));
}
function run(command, args, options) {
    const show = options.silent ? undefined : options.log;
    show?.info(`[command]${command} ${args.join(' ')}`);
    const onLine = show || options.onLine ? (line) => (show?.info(line), options.onLine?.(line)) : undefined;
    return new Promise((resolve, reject) => {
        if (options.signal?.aborted)
            return resolve({ exitCode: 1, stdout: '', stderr: '', stopped: true });
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, {
            ...(options.cwd !== undefined && { cwd: options.cwd }),
            env: { ...process.env, ...options.env },
            stdio: ['pipe', 'pipe', 'pipe'],
            // Its own process group: the whole group is stopped, so nothing it started outlives the run.
            detached: true,
        });
        let stdout = '';
        let stderr = '';
        let stopped = false;
        let killTimer;
        const kill = (signal) => {
            try {
                if (child.pid !== undefined)
                    process.kill(-child.pid, signal);
            }
            catch {
                // The group is gone already.
            }
        };
        const stop = () => {
            stopped = true;
            kill('SIGTERM');
            killTimer = setTimeout(() => kill('SIGKILL'), KILL_AFTER_MS);
        };
        options.signal?.addEventListener('abort', stop, { once: true });
        const partial = { stdout: '', stderr: '' };
        const lines = (stream) => (data) => {
            const text = data.toString();
            if (stream === 'stdout')
                stdout += text;
            else
                stderr += text;
            if (!onLine)
                return;
            const parts = (partial[stream] + text).split(/\r?\n/);
            partial[stream] = parts.pop() ?? '';
            parts.forEach(onLine);
        };
        child.stdout.on('data', lines('stdout'));
        child.stderr.on('data', lines('stderr'));
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
        child.on('error', (error) => {
            options.signal?.removeEventListener('abort', stop);
            reject(error.code === 'ENOENT' ? new Error(`Unable to locate executable file: ${command}`) : error);
        });
        child.on('close', (code, signal) => {
            clearTimeout(killTimer);
            options.signal?.removeEventListener('abort', stop);
            // The group may hold a process that ignored SIGTERM and outlived its leader.
            if (stopped)
                kill('SIGKILL');
            for (const rest of [partial.stdout, partial.stderr])
                if (rest)
                    onLine?.(rest);
            resolve({
                exitCode: code ?? (signal ? 128 + (signalNumber(signal) ?? 0) : 1),
                stdout,
                stderr,
                ...(stopped && { stopped: true }),
            });
        });
    });
}
function signalNumber(signal) {
    return { SIGTERM: 15, SIGKILL: 9, SIGINT: 2 }[signal];
}


/***/ }),

/***/ 8461:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EG: () => (/* binding */ describeBuildFailure),
/* harmony export */   a8: () => (/* binding */ dockerNotInstalled),
/* harmony export */   aY: () => (/* binding */ pushProblem),
/* harmony export */   lx: () => (/* binding */ repositoryMissing),
/* harmony export */   u7: () => (/* binding */ dockerEngineProblem)
/* harmony export */ });
/* unused harmony exports ECR_PUSH_PERMISSIONS, dockerfileInstructions, lineOfLegacyStep */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

/** How many lines of the failing step an error message shows. */
const TAIL_LINES = 20;
const ECR_PUSH_PERMISSIONS = [
    'ecr:BatchCheckLayerAvailability',
    'ecr:InitiateLayerUpload',
    'ecr:UploadLayerPart',
    'ecr:CompleteLayerUpload',
    'ecr:PutImage',
];
function dockerNotInstalled() {
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('Docker is not installed on this runner (no `docker` on PATH): use a runner that has Docker (ubuntu-latest does), or omit `build` and deploy an existing `image`.');
}
/** A UserError when docker's output says the engine cannot be reached; undefined for anything else. */
function dockerEngineProblem(output) {
    const line = findLine(output, /Cannot connect to the Docker daemon/i);
    if (line !== undefined) {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The Docker daemon is not running (docker said: ${line}): start it before this step, or use a runner where Docker runs (ubuntu-latest does).`);
    }
    const denied = findLine(output, /permission denied while trying to connect to the docker (?:daemon|API)/i);
    if (denied !== undefined) {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`This user may not use the Docker daemon (docker said: ${denied}): add the runner's user to the docker group, or run the job as a user that may.`);
    }
    return undefined;
}
/** The Dockerfile's instructions with their start lines (comments, blank lines, continuations and heredocs skipped). */
function dockerfileInstructions(text) {
    const lines = text.split(/\r?\n/);
    const escape = /^#\s*escape\s*=\s*`/i.test(lines.find((line) => line.trim() !== '') ?? '') ? '`' : '\\';
    const instructions = [];
    let i = 0;
    while (i < lines.length) {
        const first = (lines[i] ?? '').trim();
        if (first === '' || first.startsWith('#')) {
            i++;
            continue;
        }
        const start = i;
        const parts = [];
        let current = first;
        for (;;) {
            const continued = current.endsWith(escape);
            parts.push(continued ? current.slice(0, -1) : current);
            i++;
            if (!continued)
                break;
            // Docker drops comment and blank lines inside a continuation.
            while (i < lines.length && /^\s*(#.*)?$/.test(lines[i] ?? ''))
                i++;
            if (i >= lines.length)
                break;
            current = (lines[i] ?? '').trim();
        }
        const joined = parts.join(' ').replace(/\s+/g, ' ').trim();
        const heredoc = /<<(-?)["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(joined);
        if (heredoc?.[2]) {
            const end = heredoc[2];
            while (i < lines.length && (heredoc[1] ? (lines[i] ?? '').trim() : lines[i]) !== end)
                i++;
            i++;
        }
        instructions.push({ line: start + 1, keyword: (joined.split(' ')[0] ?? '').toUpperCase(), text: joined });
    }
    return instructions;
}
/**
 * The Dockerfile line of the step a legacy build names (`Step 3/5 : RUN make`): the 3rd instruction when its
 * keyword agrees, else the first instruction with the same text.
 */
function lineOfLegacyStep(step, stepText, instructions) {
    const normalised = stepText.replace(/\s+/g, ' ').trim();
    const keyword = (normalised.split(' ')[0] ?? '').toUpperCase();
    const byIndex = instructions[step - 1];
    if (byIndex && byIndex.keyword === keyword)
        return byIndex.line;
    const sameText = (instruction) => instruction.keyword === keyword &&
        instruction.text.slice(keyword.length).trim() === normalised.slice(keyword.length).trim();
    return instructions.find(sameText)?.line;
}
/**
 * Turns a failed build's log into a message that says where it failed and shows the failing step's last lines.
 * Understands BuildKit's `Dockerfile:12` block, the legacy builder's `Step 3/5 : RUN …`, and parse errors.
 */
function describeBuildFailure(lines, dockerfile, exitCode) {
    let startLine;
    let instruction;
    let tail;
    const errorStep = lastMatch(lines, /^#(\d+) ERROR:/);
    const legacyStep = lastMatch(lines, /^Step (\d+)\/\d+ : (.*)$/);
    if (errorStep || lines.some((line) => /^#\d+ /.test(line))) {
        // BuildKit: the source block names the file and line (`Dockerfile:12` then a dashed rule), `>>>` marks it.
        for (let i = lines.length - 2; i >= 0; i--) {
            const located = /^\s*(\S+):(\d+)\s*$/.exec(lines[i] ?? '');
            if (located?.[2] && /^-{5,}\s*$/.test(lines[i + 1] ?? '')) {
                startLine = Number(located[2]);
                break;
            }
        }
        const marked = lines.findLast((line) => /^\s*\d+ \| >>> /.test(line));
        instruction = marked?.replace(/^\s*\d+ \| >>> /, '').trim();
        if (errorStep?.match[1]) {
            const prefix = `#${errorStep.match[1]} `;
            tail = lines
                .filter((line) => line.startsWith(prefix))
                .map((line) => line.slice(prefix.length).replace(/^\d+\.\d+ /, ''))
                .filter((line) => !/^\[.*\] /.test(line) || line.includes('ERROR'));
            if (instruction === undefined) {
                const header = lines.find((line) => line.startsWith(prefix) && /\] /.test(line));
                instruction = header?.replace(/^#\d+ \[[^\]]*\] /, '');
            }
        }
        else {
            tail = [...lines];
        }
        const summary = lines.findLast((line) => /^ERROR: /.test(line));
        tail = tail.slice(-TAIL_LINES);
        if (summary !== undefined && !tail.includes(summary))
            tail.push(summary);
    }
    else if (legacyStep?.match[1]) {
        instruction = legacyStep.match[2]?.trim();
        if (dockerfile.text !== undefined && instruction !== undefined) {
            startLine = lineOfLegacyStep(Number(legacyStep.match[1]), instruction, dockerfileInstructions(dockerfile.text));
        }
        tail = lines.slice(legacyStep.index + 1).filter((line) => !/^ ---> /.test(line) && line.trim() !== '');
        tail = tail.slice(-TAIL_LINES);
    }
    else {
        tail = lines.filter((line) => line.trim() !== '').slice(-TAIL_LINES);
    }
    const parseError = findLine(lines.join('\n'), /dockerfile parse error (?:on )?line (\d+)/i);
    if (parseError !== undefined && startLine === undefined) {
        startLine = Number(/line (\d+)/i.exec(parseError)?.[1]);
    }
    instruction = instruction?.replace(/\s+/g, ' ');
    const where = startLine !== undefined
        ? ` at ${dockerfile.path}:${startLine}${instruction ? ` (${instruction})` : ''}`
        : instruction
            ? ` at step ${instruction}`
            : ` (exit code ${exitCode})`;
    const shown = tail.map((line) => `  ${line}`).join('\n');
    return {
        message: `Docker build failed${where}${shown ? `:\n${shown}` : '.'}`,
        ...(startLine !== undefined && { startLine }),
    };
}
/**
 * A UserError saying what went wrong and how to fix it when a push (legacy `docker push`, or buildx `--push`) failed
 * for a reason the user can fix; undefined when the output shows none of them.
 */
function pushProblem(output, context) {
    const immutable = /tag invalid: The image tag '([^']+)' already exists/i.exec(output) ??
        /The image tag '([^']+)' already exists/i.exec(output) ??
        /ImageTagAlreadyExistsException/.exec(output);
    if (immutable) {
        const tag = immutable[1];
        const named = tag !== undefined ? `The tag "${tag}"` : 'A tag';
        const fix = tag === context.sha
            ? 'set skip-build-if-exists: true to deploy the image already pushed for this commit, or push a unique tag'
            : 'push a unique tag instead (the commit sha is one; remove this tag from tags)';
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${named} already exists in ${context.repository} for another image, and the repository's tags are immutable: ${fix}.`);
    }
    const missing = findLine(output, /name unknown: The repository with name '[^']+' does not exist/i) ??
        findLine(output, /repository with name '[^']+' (?:does not exist|not found)/i) ??
        findLine(output, /RepositoryNotFoundException/);
    if (missing !== undefined) {
        return context.ecr !== undefined
            ? repositoryMissing(repositoryPath(context.repository), context.ecr)
            : new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The repository ${context.repository} does not exist (registry said: ${missing.trim()}): create it first.`);
    }
    const denied = findLine(output, /denied|not authorized|\b403\b|forbidden|unauthorized|\b401\b|no basic auth credentials|authorization token has expired/i);
    if (denied !== undefined) {
        const said = denied.trim();
        if (context.ecr !== undefined) {
            return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Pushing to ${context.repository} was denied (registry said: ${said}): the role this job runs as needs ${ECR_PUSH_PERMISSIONS.join(', ')} on that repository (and ecr:GetAuthorizationToken).`);
        }
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Pushing to ${context.repository} was denied (registry said: ${said}): check registry-username and registry-password, and that this account may push to that repository.`);
    }
    return undefined;
}
function repositoryMissing(repository, registryLabel) {
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`ECR repository ${repository} does not exist in ${registryLabel}: create it, or set create-repository: true.`);
}
function repositoryPath(name) {
    return name.slice(name.indexOf('/') + 1);
}
function findLine(output, pattern) {
    return output.split(/\r?\n/).find((line) => pattern.test(line));
}
function lastMatch(lines, pattern) {
    for (let index = lines.length - 1; index >= 0; index--) {
        const match = pattern.exec(lines[index] ?? '');
        if (match)
            return { index, match };
    }
    return undefined;
}


/***/ }),

/***/ 9261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LOGOUT_TIMEOUT_MS: () => (/* binding */ LOGOUT_TIMEOUT_MS),
/* harmony export */   checkDocker: () => (/* binding */ checkDocker),
/* harmony export */   docker: () => (/* binding */ docker),
/* harmony export */   dockerLogin: () => (/* binding */ dockerLogin),
/* harmony export */   hasBuildx: () => (/* binding */ hasBuildx),
/* harmony export */   lastLine: () => (/* binding */ lastLine),
/* harmony export */   logoutRegistries: () => (/* binding */ logoutRegistries)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _common_exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3644);
/* harmony import */ var _build_failures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8461);



/**
 * Every docker command goes through here: an argument array, never a shell; a missing docker becomes a UserError, one
 * stopped by `signal` (the run's deadline) a NoAnswer naming it.
 */
async function docker(args, options = {}) {
    let result;
    try {
        result = await (0,_common_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .execCommand */ .N)('docker', args, options);
    }
    catch (error) {
        if (/Unable to locate executable file/i.test((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)))
            throw (0,_build_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerNotInstalled */ .a8)();
        throw error;
    }
    if (result.stopped)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NoAnswer */ .W_(`docker ${args[0] ?? ''} did not finish before the run's deadline (timeout-minutes, or the job was cancelled): it was stopped.`);
    return result;
}
/** Fails with a clear message when docker is missing or its daemon cannot be reached. */
async function checkDocker(log, signal) {
    const result = await docker(['version', '--format', '{{.Server.Version}}'], { silent: true, signal });
    if (result.exitCode === 0) {
        log.info(`Docker engine ${result.stdout.trim()}`);
        return;
    }
    const output = `${result.stderr}\n${result.stdout}`;
    throw ((0,_build_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerEngineProblem */ .u7)(output) ??
        new Error(`\`docker version\` failed with exit code ${result.exitCode}: ${output.trim() || 'no output'}`));
}
/** Whether the buildx plugin is there (`docker buildx version` succeeds). */
async function hasBuildx(signal) {
    const result = await docker(['buildx', 'version'], { silent: true, signal });
    return result.exitCode === 0;
}
/**
 * `docker login` with the password on stdin only (never argv), registered as a secret first.
 * Tells `loggedIn` of the registry, for logoutRegistries() at the end, unless `remember` is false (logout: false).
 */
async function dockerLogin(registry, username, password, options) {
    options.log.secret(password);
    const result = await docker(['login', '--username', username, '--password-stdin', registry], {
        input: password,
        silent: true,
        signal: options.signal,
    });
    if (result.exitCode !== 0) {
        const output = `${result.stderr}\n${result.stdout}`;
        throw ((0,_build_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerEngineProblem */ .u7)(output) ??
            new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`docker login to ${registry} failed (${lastLine(output)}): ${options.hint}`));
    }
    options.log.info(`Logged in to ${registry} as ${username}.`);
    if (options.remember)
        options.loggedIn?.(registry);
}
/** How long the post step gives one `docker logout`: a daemon that does not answer must not hold the job. */
const LOGOUT_TIMEOUT_MS = 30_000;
/** At the end of a run (the action's post step): `docker logout` of every registry it logged in to. Never throws; warns instead. */
async function logoutRegistries(registries, log, timeoutMs = LOGOUT_TIMEOUT_MS) {
    for (const registry of registries) {
        try {
            const result = await docker(['logout', registry], { silent: true, signal: AbortSignal.timeout(timeoutMs) });
            if (result.exitCode === 0)
                log.info(`Logged out of ${registry}.`);
            else
                log.warning(`docker logout ${registry} failed: ${lastLine(`${result.stderr}\n${result.stdout}`)}`);
        }
        catch (error) {
            const why = error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NoAnswer */ .W_ ? `no answer in ${timeoutMs / 1000} s, it was stopped` : (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
            log.warning(`docker logout ${registry} failed: ${why}`);
        }
    }
}
function lastLine(output) {
    return (output
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .at(-1) ?? 'no output');
}


/***/ })

};

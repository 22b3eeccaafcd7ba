#!/usr/bin/env bash
# The local test stack (see /work/shared/TESTING.md): Docker engine, registry with htpasswd auth,
# moto server and the scenario server (ECS / ECR / CodeDeploy with time).
#
#   test/stack/stack.sh start [--time-scale N]   start what is missing, write .stack/env and .stack/env.json;
#                                 the clock runs N times faster (a 5-minute canary bake takes 5/N minutes); on a
#                                 running stack --time-scale only sets the scale (POST /_clock)
#   test/stack/stack.sh stop      stop what start started (by PID, with children); safe to repeat
#   test/stack/stack.sh env       print .stack/env (use: eval "$(test/stack/stack.sh env)")
#   test/stack/stack.sh status    say what is running
#   test/stack/stack.sh reset     reset the scenario server and moto to an empty state
#   test/stack/stack.sh seed FILE  create a seed file's cluster, services, repositories, CodeDeploy application
#                                 (test/stack/seeds/*.yml; see test/stack/README.md)
#   test/stack/stack.sh push-sample REPO TAG [COMMIT]   build test/stack/sample-app, push it to
#                                 the local registry as REPO:TAG, print the digest
#
# Everything binds 127.0.0.1 on ports the OS picks. State, logs and PIDs live in .stack/ at the
# repository root (override with STACK_STATE_DIR). STACK_TIME_SCALE sets the scenario server's
# default time scale (scenario seconds per real second, default 1). The scenario server records every
# distinct AWS response in .stack/responses.jsonl (STACK_RECORD_DIR moves it) for the model conformance
# check, which reads the API models from moto's botocore (STACK_BOTOCORE_DATA in env.json).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STATE=${STACK_STATE_DIR:-$ROOT/.stack}
MOTO_SERVER=${MOTO_SERVER:-/root/.pyenv/versions/3.11.7/bin/moto_server}
BUSYBOX=${BUSYBOX:-/bin/busybox}
REGISTRY_BIN=${REGISTRY_BIN:-/usr/bin/docker-registry}
REGISTRY_USER=AWS # ECR's docker user name, so base64("AWS:" + password) is a real ECR-style token
INSTALL_HINT='apt-get install -y docker.io docker-registry busybox-static apache2-utils'
START_TIMEOUT=${STACK_START_TIMEOUT:-30}

log() { printf 'stack: %s\n' "$*" >&2; }
die() { printf 'stack: error: %s\n' "$*" >&2; exit 1; }

# --- prerequisites -------------------------------------------------------------------------------

require_binaries() {
  local missing=()
  command -v docker >/dev/null || missing+=("docker (package docker.io)")
  command -v dockerd >/dev/null || [[ -x /usr/sbin/dockerd ]] || missing+=("dockerd (package docker.io)")
  [[ -x $REGISTRY_BIN ]] || missing+=("$REGISTRY_BIN (package docker-registry)")
  command -v htpasswd >/dev/null || missing+=("htpasswd (package apache2-utils)")
  [[ -x $BUSYBOX ]] && file_is_static "$BUSYBOX" || missing+=("static $BUSYBOX (package busybox-static)")
  command -v node >/dev/null || missing+=("node (Node.js 20+)")
  [[ -x $MOTO_SERVER ]] || command -v moto_server >/dev/null || missing+=("moto_server (pip install 'moto[server]', or set MOTO_SERVER)")
  if ((${#missing[@]})); then
    printf 'stack: error: missing: %s\n' "${missing[@]}" >&2
    die "install them: $INSTALL_HINT"
  fi
  [[ -x $MOTO_SERVER ]] || MOTO_SERVER=$(command -v moto_server)
}

# A dynamically linked busybox cannot run in a FROM scratch image: no ELF program header of type PT_INTERP.
file_is_static() {
  node -e '
    const b = require("fs").readFileSync(process.argv[1])
    if (b.readUInt32BE(0) !== 0x7f454c46 || b[4] !== 2) process.exit(1)
    const off = Number(b.readBigUInt64LE(0x20)), size = b.readUInt16LE(0x36), count = b.readUInt16LE(0x38)
    for (let i = 0; i < count; i++) if (b.readUInt32LE(off + i * size) === 3) process.exit(1)' "$1" 2>/dev/null
}

# --- process helpers -----------------------------------------------------------------------------

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# Starts "$@" in the background in its own session, logging to .stack/NAME.log, records NAME.pid.
start_bg() {
  local name=$1; shift
  setsid "$@" >"$STATE/$name.log" 2>&1 </dev/null &
  echo $! >"$STATE/$name.pid"
}

# wait_until NAME PID CHECK...: polls CHECK until it succeeds; fails with the log tail when the
# process dies or START_TIMEOUT passes.
wait_until() {
  local name=$1 pid=$2; shift 2
  local deadline=$((SECONDS + START_TIMEOUT))
  until "$@"; do
    if ! alive "$pid"; then fail_start "$name" "exited during startup"; fi
    if ((SECONDS >= deadline)); then fail_start "$name" "not ready after ${START_TIMEOUT}s"; fi
    sleep 0.1
  done
}

fail_start() {
  log "$1 $2; last lines of $STATE/$1.log:"
  tail -n 30 "$STATE/$1.log" >&2 || true
  stop_all
  exit 1
}

descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

# Stops the process recorded in NAME.pid and all its descendants: TERM, then KILL after a grace time.
stop_one() {
  local name=$1 pidfile="$STATE/$1.pid" pid pids deadline
  [[ -f $pidfile ]] || return 0
  pid=$(<"$pidfile")
  if alive "$pid"; then
    pids="$pid $(descendants "$pid" | tr '\n' ' ')"
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 15))
    while alive "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# --- components ----------------------------------------------------------------------------------

# Each start_X launches X in the background; wait_ready waits for all of them afterwards, so the
# slow ones (dockerd, moto) come up in parallel.
start_docker() {
  if docker_ready; then
    log "docker engine already answers: reusing it"
    return
  fi
  local dockerd_bin
  dockerd_bin=$(command -v dockerd || echo /usr/sbin/dockerd)
  log "starting dockerd"
  start_bg dockerd "$dockerd_bin" --host unix:///var/run/docker.sock
}

docker_ready() { docker info >/dev/null 2>&1; }

start_registry() {
  local dir="$STATE/registry" port
  port=$(free_port)
  REGISTRY_PASSWORD=$(node -e 'console.log(require("crypto").randomBytes(18).toString("base64url"))')
  rm -rf "$dir"
  mkdir -p "$dir/data"
  htpasswd -Bbn "$REGISTRY_USER" "$REGISTRY_PASSWORD" >"$dir/htpasswd"
  cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: info
  fields:
    service: registry
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: 127.0.0.1:$port
  secret: $(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: stack-registry
    path: $dir/htpasswd
EOF
  log "starting registry on 127.0.0.1:$port"
  start_bg registry "$REGISTRY_BIN" serve "$dir/config.yml"
  REGISTRY_PORT=$port
}

start_moto() {
  local port
  port=$(free_port)
  log "starting moto_server on 127.0.0.1:$port"
  start_bg moto "$MOTO_SERVER" -H 127.0.0.1 -p "$port"
  MOTO_PORT=$port
}

start_scenario() {
  rm -f "$STATE/scenario.port" "${STACK_RECORD_DIR:-$STATE}/responses.jsonl"
  LB_PORT=$(free_port)
  LB_TEST_PORT=$(free_port)
  mkdir -p "$STATE/docker-config"
  log "starting scenario server (load balancer listeners on 127.0.0.1:$LB_PORT, test 127.0.0.1:$LB_TEST_PORT)"
  STACK_LB_PORT=$LB_PORT STACK_LB_TEST_PORT=$LB_TEST_PORT \
    STACK_CONTAINER_LABEL="$STATE" STACK_DOCKER_CONFIG="$STATE/docker-config" \
    STACK_RECORD_DIR="${STACK_RECORD_DIR:-$STATE}" \
    STACK_REGISTRY="127.0.0.1:$REGISTRY_PORT" \
    STACK_REGISTRY_USER="$REGISTRY_USER" \
    STACK_REGISTRY_PASSWORD="$REGISTRY_PASSWORD" \
    STACK_MOTO_URL="http://127.0.0.1:$MOTO_PORT" \
    STACK_PORT_FILE="$STATE/scenario.port" \
    start_bg scenario node "$HERE/scenario-server.mjs"
}

wait_ready() {
  local pid
  if pid=$(cat "$STATE/dockerd.pid" 2>/dev/null); then wait_until dockerd "$pid" docker_ready; fi
  wait_until registry "$(<"$STATE/registry.pid")" port_open "$REGISTRY_PORT"
  wait_until moto "$(<"$STATE/moto.pid")" port_open "$MOTO_PORT"
  wait_until scenario "$(<"$STATE/scenario.pid")" test -s "$STATE/scenario.port"
  SCENARIO_PORT=$(<"$STATE/scenario.port")
}

prepare_sample_app() {
  cmp -s "$BUSYBOX" "$HERE/sample-app/busybox" || cp "$BUSYBOX" "$HERE/sample-app/busybox"
  chmod 755 "$HERE/sample-app/busybox"
}

# The AWS API models (service-2.json.gz) of the botocore that moto runs on; empty when python cannot say.
botocore_data() {
  local python
  python=$(head -n 1 "$MOTO_SERVER" | sed -n 's/^#! *//p')
  [[ -n $python ]] || return 0
  $python -c 'import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), "data"))' 2>/dev/null || true
}

write_env() {
  local scenario="http://127.0.0.1:$SCENARIO_PORT" moto="http://127.0.0.1:$MOTO_PORT"
  STACK_ENV_AWS_ENDPOINT_URL_ECS=$scenario \
    STACK_ENV_AWS_ENDPOINT_URL_ECR=$scenario \
    STACK_ENV_AWS_ENDPOINT_URL_CODEDEPLOY=$scenario \
    STACK_ENV_AWS_ENDPOINT_URL_CLOUDWATCH=$scenario \
    STACK_ENV_AWS_ENDPOINT_URL=$moto \
    STACK_ENV_AWS_REGION=us-east-1 \
    STACK_ENV_AWS_DEFAULT_REGION=us-east-1 \
    STACK_ENV_AWS_ACCESS_KEY_ID=test \
    STACK_ENV_AWS_SECRET_ACCESS_KEY=test \
    STACK_ENV_AWS_EC2_METADATA_DISABLED=true \
    STACK_ENV_STACK_REGISTRY="127.0.0.1:$REGISTRY_PORT" \
    STACK_ENV_STACK_REGISTRY_USER=$REGISTRY_USER \
    STACK_ENV_STACK_REGISTRY_PASSWORD=$REGISTRY_PASSWORD \
    STACK_ENV_STACK_SCENARIO_URL=$scenario \
    STACK_ENV_STACK_MOTO_URL=$moto \
    STACK_ENV_STACK_LB_URL="http://127.0.0.1:$LB_PORT" \
    STACK_ENV_STACK_LB_TEST_URL="http://127.0.0.1:$LB_TEST_PORT" \
    STACK_ENV_STACK_SAMPLE_APP="$HERE/sample-app" \
    STACK_ENV_STACK_STATE_DIR="$STATE" \
    STACK_ENV_STACK_RECORD_DIR="${STACK_RECORD_DIR:-$STATE}" \
    STACK_ENV_STACK_BOTOCORE_DATA="$(botocore_data)" \
    node -e '
      const fs = require("fs"), dir = process.argv[1]
      const env = Object.fromEntries(Object.entries(process.env)
        .filter(([k]) => k.startsWith("STACK_ENV_")).map(([k, v]) => [k.slice(10), v]).sort())
      const quote = (v) => "\x27" + v.replace(/\x27/g, "\x27\\\x27\x27") + "\x27"
      fs.writeFileSync(dir + "/env", Object.entries(env).map(([k, v]) => `export ${k}=${quote(v)}`).join("\n") + "\n")
      fs.writeFileSync(dir + "/env.json", JSON.stringify(env, null, 2) + "\n")' "$STATE"
}

# --- commands ------------------------------------------------------------------------------------

# The sample app's containers the listeners started (labelled with this stack's state directory).
remove_containers() {
  docker_ready || return 0
  local ids
  ids=$(docker ps -aq --filter "label=ecs-deploy-stack=$STATE" 2>/dev/null || true)
  [[ -z $ids ]] && return 0
  log "removing the sample app's containers"
  # shellcheck disable=SC2086
  docker rm -f $ids >/dev/null 2>&1 || true
}

stop_all() {
  stop_one scenario
  remove_containers
  stop_one moto
  stop_one registry
  stop_one dockerd
  rm -f "$STATE/env" "$STATE/env.json" "$STATE/scenario.port"
}

cmd_start() {
  local scale=
  while (($#)); do
    case $1 in
      --time-scale) scale=${2:-}; shift 2 || shift ;;
      --time-scale=*) scale=${1#*=}; shift ;;
      *) die "start: unknown argument \"$1\"; usage: stack.sh start [--time-scale N]" ;;
    esac
  done
  if [[ -n $scale || ${STACK_TIME_SCALE+set} ]]; then
    scale=${scale:-$STACK_TIME_SCALE}
    [[ $scale =~ ^[0-9]+([.][0-9]+)?$ ]] && [[ ! $scale =~ ^0+([.]0+)?$ ]] ||
      die "--time-scale: \"$scale\" is not a positive number (scenario seconds per real second, e.g. --time-scale 20)"
    export STACK_TIME_SCALE=$scale
  fi
  require_binaries
  mkdir -p "$STATE"
  if [[ -f $STATE/env.json ]] && alive "$(cat "$STATE/scenario.pid" 2>/dev/null)"; then
    if [[ -n $scale ]]; then
      set_time_scale "$scale"
      log "already running; time scale now $scale"
    else
      log "already running (stop it first to restart); env in $STATE/env"
    fi
    return
  fi
  stop_all # leftovers of a half-started stack
  prepare_sample_app
  start_docker
  start_registry
  start_moto
  start_scenario
  wait_ready
  write_env
  log "ready: source $STATE/env (or read $STATE/env.json)"
}

set_time_scale() {
  # shellcheck disable=SC1091
  source "$STATE/env"
  node -e '
    fetch(process.env.STACK_SCENARIO_URL + "/_clock", { method: "POST", body: JSON.stringify({ scale: Number(process.argv[1]) }) })
      .then(async (r) => { if (!r.ok) throw new Error("POST /_clock: " + r.status + " " + (await r.text())) })
      .catch((e) => { console.error(e.message); process.exit(1) })' "$1"
}

cmd_env() {
  [[ -f $STATE/env ]] || die "local stack not running: run test/stack/stack.sh start"
  cat "$STATE/env"
}

cmd_status() {
  local name pid rc=0
  for name in dockerd registry moto scenario; do
    pid=$(cat "$STATE/$name.pid" 2>/dev/null || true)
    if alive "$pid"; then echo "$name: running (pid $pid)"
    elif [[ $name == dockerd ]] && docker_ready; then echo "dockerd: not ours, reused"
    else echo "$name: not running"; rc=1; fi
  done
  return $rc
}

cmd_reset() {
  # shellcheck disable=SC1091
  source "$STATE/env" 2>/dev/null || die "local stack not running: run test/stack/stack.sh start"
  node -e '
    const post = (url) => fetch(url, { method: "POST" }).then((r) => { if (!r.ok) throw new Error(url + ": " + r.status) })
    Promise.all([post(process.env.STACK_SCENARIO_URL + "/_reset"), post(process.env.STACK_MOTO_URL + "/moto-api/reset")])
      .catch((e) => { console.error(e.message); process.exit(1) })'
}

cmd_push_sample() {
  (($# >= 2)) || die "usage: stack.sh push-sample REPO TAG [COMMIT]"
  # shellcheck disable=SC1091
  source "$STATE/env" 2>/dev/null || die "local stack not running: run test/stack/stack.sh start"
  local ref="$STACK_REGISTRY/$1:$2" commit=${3:-$2}
  export DOCKER_CONFIG="$STATE/docker-config" # keep the machine's ~/.docker/config.json as it is
  printf '%s' "$STACK_REGISTRY_PASSWORD" | docker login -u "$STACK_REGISTRY_USER" --password-stdin "$STACK_REGISTRY" >&2
  docker build -q --build-arg "COMMIT_HASH=$commit" -t "$ref" "$STACK_SAMPLE_APP" >&2
  docker push "$ref" >&2
  docker inspect --format '{{index .RepoDigests 0}}' "$ref"
}

case ${1:-} in
  start) shift; cmd_start "$@" ;;
  stop) mkdir -p "$STATE"; stop_all; log "stopped" ;;
  env) cmd_env ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  push-sample) shift; cmd_push_sample "$@" ;;
  seed) shift; exec node --no-warnings "$HERE/seed.mjs" "$@" ;;
  *) die "usage: $0 start [--time-scale N]|stop|env|status|reset|seed FILE|push-sample REPO TAG [COMMIT]" ;;
esac

#!/usr/bin/env bash
# Runs a command with the local stack up: starts it when it is not running, and stops it afterwards
# (also on failure) only when it was started here.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
started_here=0
if ! bash "$here/stack.sh" status >/dev/null 2>&1 || [ ! -f "${STACK_STATE_DIR:-$root/.stack}/env.json" ]; then
  bash "$here/stack.sh" start
  started_here=1
fi
stop() { if [ "$started_here" = 1 ]; then bash "$here/stack.sh" stop; fi; }
trap stop EXIT
"$@"

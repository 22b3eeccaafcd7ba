#!/usr/bin/env bash
# `npm run demo`: installs what the local stack needs, starts it, deploys the sample app through the
# bundled action (dist/index.js), shows the job summary, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash test/stack/install.sh
[ -f dist/index.js ] || npm run bundle
started_here=0
if [ ! -f .stack/env.json ]; then
  bash test/stack/stack.sh start
  started_here=1
fi
stop() { if [ "$started_here" = 1 ]; then bash test/stack/stack.sh stop; fi; }
trap stop EXIT
node --no-warnings test/stack/demo.mjs

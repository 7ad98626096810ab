#!/usr/bin/env bash
# Builds the npm package (wasm) and serves the demo console on localhost, printing its URL.
#
#   bash scripts/serve.sh            http://127.0.0.1:8080/ (or a free port when 8080 is taken)
#   PORT=9000 bash scripts/serve.sh
#
# build-wasm.sh installs what the build needs first (scripts/setup.sh --wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-wasm.sh
exec node scripts/serve.mjs "$@"

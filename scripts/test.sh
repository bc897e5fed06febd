#!/usr/bin/env bash
# Builds hmicfrs-track with its tests and runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --test
# markdownlint-cli2 checks the Markdown papers; it comes from the npm registry
# and needs the machine's Node 20 (the test says it is skipped without it).
if command -v npm >/dev/null && [[ ! -x build/test/tools/node_modules/.bin/markdownlint-cli2 ]]; then
  npm install --silent --no-audit --no-fund --prefix build/test/tools markdownlint-cli2@0.22.1
fi
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHMICFRS_BUILD_TESTS=ON
cmake --build build/test -j2
ctest --test-dir build/test --output-on-failure -j2

#!/usr/bin/env bash
# Builds hmicfrs-track with its tests and runs the whole suite twice: as
# built for use, and under AddressSanitizer and UndefinedBehaviorSanitizer.
# Both halves run even when the first fails; the script fails if either did,
# and says how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS=0
trap 'echo "== scripts/test.sh took $((SECONDS / 60)) min $((SECONDS % 60)) s"' EXIT

bash scripts/install-deps.sh --test
# markdownlint-cli2 checks the Markdown papers; it comes from the npm registry
# and needs the machine's Node 20 (the test says it is skipped without it).
if command -v npm >/dev/null && [[ ! -x build/tools/node_modules/.bin/markdownlint-cli2 ]]; then
  npm install --silent --no-audit --no-fund --prefix build/tools markdownlint-cli2@0.22.1
fi

failed=()
echo "== the suite, built as scripts/run-example.sh builds for use (Release)"
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Release -DHMICFRS_BUILD_TESTS=ON
cmake --build build/test -j2
ctest --test-dir build/test --output-on-failure -j2 || failed+=("Release")

echo "== the suite under AddressSanitizer and UndefinedBehaviorSanitizer"
# -O1, as AddressSanitizer advises, and line tables only (-g1), which is all a sanitizer's report needs: half the
# compile time of -O2 -g, for the same checks.
cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DHMICFRS_BUILD_TESTS=ON -DHMICFRS_SANITIZE=ON
cmake --build build/sanitize -j2
ctest --test-dir build/sanitize --output-on-failure -j2 || failed+=("sanitized")

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "== tests failed in: ${failed[*]}" >&2
  exit 1
fi

#!/usr/bin/env bash
# Builds hmicfrs-track and runs its main job on the bundled example register.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DHMICFRS_BUILD_TESTS=OFF
cmake --build build/release -j2

tool=build/release/src/hmicfrs-track
echo "== hmicfrs-track validate --data examples/west-midlands"
"$tool" validate --data examples/west-midlands
echo
echo "== hmicfrs-track report --data examples/west-midlands --committee 2022-03 (also in build/papers/, as HTML)"
mkdir -p build/papers
"$tool" report --data examples/west-midlands --committee 2022-03 -o build/papers/2022-03.html
"$tool" report --data examples/west-midlands --committee 2022-03

#!/usr/bin/env bash
# Builds hmicfrs-track and runs its main job on the bundled example register.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DHMICFRS_BUILD_TESTS=OFF
cmake --build build/release -j2

echo "== hmicfrs-track validate --data examples/west-midlands"
build/release/src/hmicfrs-track validate --data examples/west-midlands

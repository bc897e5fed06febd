#!/usr/bin/env bash
# The benchmark, in one command: installs what is missing (as root), builds
# hmicfrs-track and the yaml-cpp floor in Release, generates the registers and
# runs bench/run.py. Extra arguments go to run.py (--runs, --sizes).
#   bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
if ! /usr/bin/python3 -c 'import yaml; assert yaml.__with_libyaml__' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml
fi
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DHMICFRS_BUILD_TESTS=OFF -DHMICFRS_BUILD_BENCH=ON >/dev/null
cmake --build build/bench -j2 --target hmicfrs-track hmicfrs_yaml_floor hmicfrs_measure
python3 bench/run.py build/bench build/bench/registers "$@"

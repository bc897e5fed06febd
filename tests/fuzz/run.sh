#!/usr/bin/env bash
# Builds the libFuzzer target with clang and runs it for SECONDS (default 60)
# on JOBS processes (default 1), from a seed corpus of every YAML file in the
# repository, the trackers `import` reads, the recorded regressions and generated large inputs
# (tests/fuzz/seeds.py). The corpus grows in
# build/fuzz/corpus; an input that crashes or hangs lands in
# build/fuzz/artifacts: copy it into tests/fuzz-regressions/ once fixed.
#   bash tests/fuzz/run.sh 3600 2
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
jobs=${2:-1}
build=build/fuzz

command -v clang++ >/dev/null || { echo "the fuzzer needs clang++ (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHMICFRS_FUZZ=ON \
  -DHMICFRS_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target hmicfrs_load_fuzzer

mkdir -p "$build/corpus" "$build/seeds" "$build/artifacts"
find examples tests/fixtures data -name '*.yaml' -exec cp {} "$build/seeds/" \;
find tests/fixtures/import \( -name '*.csv' -o -name '*.xlsx' \) -exec cp {} "$build/seeds/" \;  # trackers to import
python3 tests/fuzz/seeds.py "$build/seeds"  # large but legal inputs: many findings, long values
cp tests/fuzz-regressions/* "$build/seeds/" 2>/dev/null || true

parallel=()
[[ $jobs -gt 1 ]] && parallel=(-jobs="$jobs" -workers="$jobs")  # each job logs to build/fuzz/fuzz-N.log
dictionary=$(realpath tests/fuzz/yaml.dict)
cd "$build"
# An input that takes over 10 s is a hang; over 2 s it is reported as slow (slow-unit-*): both become regressions.
./tests/fuzz/hmicfrs_load_fuzzer corpus seeds -dict="$dictionary" -max_total_time="$seconds" -timeout=10 \
  -report_slow_units=2 -max_len=262144 -rss_limit_mb=2048 -artifact_prefix=artifacts/ -print_final_stats=1 \
  "${parallel[@]}"

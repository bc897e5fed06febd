#!/usr/bin/env bash
# Builds a libFuzzer target with clang and runs it for SECONDS (default 60)
# on JOBS processes (default 1). TARGET is `load` (the default,
# hmicfrs_load_fuzzer: every file of a register, the parse cache, import) or
# `edit` (hmicfrs_edit_fuzzer: a history entry added to an inspection file).
# Both start from a seed corpus of every YAML file in the repository, the
# trackers `import` reads, the recorded regressions and generated large inputs
# (tests/fuzz/seeds.py). The corpus grows in build/fuzz/corpus (corpus-edit
# for `edit`); an input that crashes or hangs lands in build/fuzz/artifacts:
# copy it into tests/fuzz-regressions/ once fixed. The build runs
# HMICFRS_FUZZ_JOBS (default 2) compilations at once. `collect`
# (hmicfrs_collect_fuzzer: a returned workbook or CSV file collected) starts
# from the workbooks chase writes for the West Midlands example, filled in
# by tests/fuzz/returned_seeds.py, and those sheets as CSV (corpus-collect).
#   bash tests/fuzz/run.sh 3600 2
#   HMICFRS_FUZZ_JOBS=1 bash tests/fuzz/run.sh 1200 1 edit
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
jobs=${2:-1}
target=${3:-load}
build=build/fuzz
case $target in
  load) corpus=corpus ;;
  edit) corpus=corpus-edit ;;
  collect) corpus=corpus-collect ;;
  *) echo "unknown fuzz target '$target': load, edit or collect" >&2; exit 2 ;;
esac
fuzzer=hmicfrs_${target}_fuzzer

command -v clang++ >/dev/null || { echo "the fuzzer needs clang++ (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHMICFRS_FUZZ=ON \
  -DHMICFRS_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"${HMICFRS_FUZZ_JOBS:-2}" --target "$fuzzer"
if [[ $target == collect ]]; then
  cmake --build "$build" -j"${HMICFRS_FUZZ_JOBS:-2}" --target hmicfrs-track
  rm -rf "$build/seeds-collect" && mkdir -p "$build/seeds-collect"
  "$build/src/hmicfrs-track" --data examples/west-midlands --as-of 2022-03-10 chase --format xlsx \
    -o "$build/seeds-collect/returned"
  /usr/bin/python3 tests/fuzz/returned_seeds.py "$build/seeds-collect"
fi

mkdir -p "$build/$corpus" "$build/seeds" "$build/artifacts"
find examples tests/fixtures data -name '*.yaml' -exec cp {} "$build/seeds/" \;
find tests/fixtures/import \( -name '*.csv' -o -name '*.xlsx' \) -exec cp {} "$build/seeds/" \;  # trackers to import
python3 tests/fuzz/seeds.py "$build/seeds"  # large but legal inputs: many findings, long values
cp tests/fuzz-regressions/* "$build/seeds/" 2>/dev/null || true

parallel=()
[[ $jobs -gt 1 ]] && parallel=(-jobs="$jobs" -workers="$jobs")  # each job logs to build/fuzz/fuzz-N.log
dictionary=$(realpath tests/fuzz/yaml.dict)
cd "$build"
# An input that takes over 10 s is a hang; over 2 s it is reported as slow (slow-unit-*): both become regressions.
seed_dirs=(seeds)
rss_limit=2048
if [[ $target == collect ]]; then
  seed_dirs=(seeds-collect)
  # Each input loads the register afresh, on threads started for it, and the words a thread interns are kept
  # for the life of the process (model/text.cpp): a few tens of KiB an input, which a run of the tool never repeats.
  rss_limit=8192
fi
"./tests/fuzz/$fuzzer" "$corpus" "${seed_dirs[@]}" -dict="$dictionary" -max_total_time="$seconds" -timeout=10 \
  -report_slow_units=2 -max_len=262144 -rss_limit_mb="$rss_limit" -artifact_prefix=artifacts/ -print_final_stats=1 \
  "${parallel[@]}"

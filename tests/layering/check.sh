#!/usr/bin/env bash
# check.sh BUILD_DIR PROBE:HEADER:EXPECT...: builds each probe of
# tests/layering/CMakeLists.txt and checks that it fails for want of HEADER
# (EXPECT "fails") or compiles (EXPECT "compiles").
set -uo pipefail
build=$1
shift
failed=0
for probe in "$@"; do
  IFS=: read -r target header expect <<<"$probe"
  output=$(cmake --build "$build" --target "$target" 2>&1)
  status=$?
  if [[ $expect == compiles ]]; then
    if [[ $status -ne 0 ]]; then
      echo "FAIL: $target should compile (an allowed include):"
      echo "$output" | tail -5
      failed=1
    else
      echo "ok: $target compiles"
    fi
  elif [[ $status -eq 0 ]]; then
    echo "FAIL: $target compiled: the build does not stop $header from being included there"
    failed=1
  elif grep -Eq "$header(: No such file or directory|' file not found)" <<<"$output"; then
    echo "ok: $target: $(grep -Eo "[^ ]*$header(: No such file or directory|' file not found)" <<<"$output" | head -1)"
  else
    echo "FAIL: $target failed, but not for want of $header:"
    echo "$output" | tail -5
    failed=1
  fi
done
exit $failed

#!/usr/bin/env bash
# Checks the golden Markdown papers with real tools:
#   paper_markdown_test.sh pandoc          every pipe table becomes a <table> (pandoc -f gfm -t html)
#   paper_markdown_test.sh lint TOOLS_DIR  markdownlint-cli2 passes with .markdownlint-cli2.jsonc
# Exits 77 (skipped) when the tool is missing; scripts/test.sh installs both.
set -euo pipefail
cd "$(dirname "$0")/.."

papers=(tests/golden/report-*-md/stdout)
[[ ${#papers[@]} -gt 0 && -f ${papers[0]} ]] || { echo "no golden Markdown papers found"; exit 1; }

case "${1:-}" in
  pandoc)
    command -v pandoc >/dev/null || { echo "SKIPPED: pandoc is not installed (apt-get install pandoc)"; exit 77; }
    for paper in "${papers[@]}"; do
      tables=$(grep -c '^| ---' "$paper" || true)
      converted=$(pandoc -f gfm -t html "$paper" | grep -c '<table>' || true)
      echo "$paper: $tables pipe tables, $converted HTML tables"
      [[ $tables -gt 0 && $tables -eq $converted ]] || { echo "FAIL: not every table converted"; exit 1; }
      if pandoc -f gfm -t html "$paper" | grep -q '<script'; then echo "FAIL: a script element"; exit 1; fi
    done
    ;;
  lint)
    tool="${MARKDOWNLINT_CLI2:-${2:-}/node_modules/.bin/markdownlint-cli2}"
    [[ -x "$tool" ]] || tool=$(command -v markdownlint-cli2 || true)
    [[ -n "$tool" ]] || { echo "SKIPPED: markdownlint-cli2 is not installed (needs Node 20 and npm)"; exit 77; }
    tool=$(realpath "$tool")
    # markdownlint-cli2 reads .markdownlint-cli2.jsonc from the directory of the files it lints.
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    cp .markdownlint-cli2.jsonc "$work/"
    for paper in "${papers[@]}"; do cp "$paper" "$work/$(basename "$(dirname "$paper")").md"; done
    (cd "$work" && "$tool" ./*.md)
    ;;
  *)
    echo "usage: $0 pandoc | lint TOOLS_DIR" >&2
    exit 2
    ;;
esac

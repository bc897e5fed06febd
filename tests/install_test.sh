#!/bin/bash
# What `cmake --install` and the Debian package deliver, checked from a build tree.
#
#   install_test.sh layout  BUILD SOURCE   install into a temporary prefix: the binary runs, the manual
#                                          page covers every command and option, completion completes
#   install_test.sh manpage BUILD          `man --warnings -l` renders the installed page without a warning
#   install_test.sh package BUILD          CPack's .deb: its dependencies and files; with CI=true as root,
#                                          `apt-get install` it, run it, and remove it again
#
# Exit 77 (skipped) when the tool a mode needs (man) is missing.
set -u
mode=$1 build=$2 source=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

install_into() {
    cmake --install "$build" --prefix "$1" >/dev/null || {
        echo "FAIL: cmake --install $build --prefix $1" >&2
        exit 1
    }
}

# Every command of `--help`, and every option of each command's help, is in the manual page.
check_manpage_covers_help() {
    local binary=$1 page=$2 command option
    for command in $("$binary" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && /^  [^ ]/ { sub(/,$/, "", $1); print $1 }'); do
        grep -q "^\.SS $command\b" "$page" || fail "the manual page has no section for '$command'"
        for option in $("$binary" "$command" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
            grep -qF -- "${option//-/\\-}" "$page" || fail "the manual page does not mention $command $option"
        done
    done
}

# Prints what completing the words given (the last one being completed) offers, one per line, sorted.
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    _hmicfrs_track 2>/dev/null
    printf '%s\n' "${COMPREPLY[@]}" | sort
}

expect_completion() {
    local expected=$1
    shift
    local actual
    actual=$(complete_words "$@")
    [[ $actual == "$expected" ]] || fail "completing '$*' offers [${actual//$'\n'/ }], not [${expected//$'\n'/ }]"
}

case $mode in
layout)
    prefix=$work/prefix
    install_into "$prefix"
    for file in bin/hmicfrs-track share/man/man1/hmicfrs-track.1.gz \
        share/bash-completion/completions/hmicfrs-track share/doc/hmicfrs-track/copyright; do
        [[ -f $prefix/$file ]] || fail "cmake --install did not install $file"
    done
    version=$("$prefix/bin/hmicfrs-track" --version) || fail "the installed binary's --version failed"
    [[ $version =~ ^hmicfrs-track\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version printed '$version'"
    # libzip and libxlsxwriter are opened when a command first needs them (src/lazy/), not at every start.
    needed=$(objdump -p "$prefix/bin/hmicfrs-track" | awk '$1 == "NEEDED" { print $2 }' | tr '\n' ' ')
    [[ $needed == *libzip* || $needed == *libxlsxwriter* ]] &&
        fail "the binary loads libzip or libxlsxwriter at every start: it needs $needed"
    # It needs nothing beside it: run it away from the source tree.
    (cd "$work" && "$prefix/bin/hmicfrs-track" validate --data "$source/examples/west-midlands" >/dev/null) ||
        fail "the installed binary does not validate the example register"

    zcat "$prefix/share/man/man1/hmicfrs-track.1.gz" >"$work/page.1"
    check_manpage_covers_help "$prefix/bin/hmicfrs-track" "$work/page.1"

    export PATH=$prefix/bin:$PATH
    # shellcheck source=/dev/null
    source "$prefix/share/bash-completion/completions/hmicfrs-track"
    example=$source/examples/west-midlands
    expect_completion "report" hmicfrs-track rep
    expect_completion $'changes\nchase\ncollect\ncommittees' hmicfrs-track c
    expect_completion $'--stale\n--status' hmicfrs-track list --st
    expect_completion $'--rag' hmicfrs-track list --r
    expect_completion $'docx\nhtml\njson\nmd\npdf\ntext\nxlsx' hmicfrs-track report --format ''
    expect_completion $'csv\njson\nmd\ntext\nxlsx' hmicfrs-track list --format ''
    expect_completion $'red,amber\nred,green\nred,unrated' hmicfrs-track list --rag red,
    expect_completion $'2021-12\n2022-03' hmicfrs-track --data "$example" report --committee ''
    expect_completion $'2022-03' hmicfrs-track report --data "$example" --committee 2022
    expect_completion $'peel-2021-22/AFI1\npeel-2021-22/AFI10\npeel-2021-22/AFI11\npeel-2021-22/AFI12' \
        hmicfrs-track --data "$example" show peel-2021-22/AFI1
    expect_completion $'jtai-solihull-2022' hmicfrs-track --data "$example" list --inspection jtai
    # update: finding ids (not inspections), its options, and findings for --by.
    expect_completion $'peel-2021-22/AFI1\npeel-2021-22/AFI10\npeel-2021-22/AFI11\npeel-2021-22/AFI12' \
        hmicfrs-track --data "$example" update peel-2021-22/AFI1
    expect_completion $'--data\n--date\n--dry-run\n--due' hmicfrs-track update peel-2021-22/AFI1 --d
    expect_completion $'peel-2021-22/AFI12' hmicfrs-track --data "$example" update peel-2021-22/AFI1 --status \
        superseded --by peel-2021-22/AFI12
    expect_completion $'achieved\nawaiting-sign-off' hmicfrs-track update peel-2021-22/AFI1 --status a
    # collect: its option; import: --add beside --as-of.
    expect_completion $'--data\n--dry-run' hmicfrs-track collect --d
    expect_completion $'--add\n--as-of' hmicfrs-track import tracker.csv --a
    expect_completion $'mental-health-criminal-justice-2021/R1\nmental-health-criminal-justice-2021/R2\nmental-health-criminal-justice-2021/R3\nmental-health-criminal-justice-2021/R4\nmental-health-criminal-justice-2021/R5' \
        hmicfrs-track --data "$example" show mental-health-criminal-justice-2021/
    # Portfolios by id, in a comma-separated list; owners quoted as the shell reads them back; PEEL cycles by id.
    expect_completion $'people\nprofessional-standards\npublic-protection' hmicfrs-track --data "$example" list --portfolio p
    expect_completion $'crime,security\ncrime,strategy' hmicfrs-track --data "$example" rag --portfolio crime,s
    expect_completion $'Director\\ of\\ Commercial\\ Services\nDirector\\ of\\ People' \
        hmicfrs-track --data "$example" list --owner Dir
    expect_completion $'Assistant\\ Chief\\ Constable\\ \\(Local\\ Policing\\)' \
        hmicfrs-track --data "$example" chase --owner 'Assistant\ Chief\ Constable\ (L'
    expect_completion $'2014\n2015\n2016\n2017\n2018-19\n2021-22\n2023-25\n2025-27' hmicfrs-track --data "$example" peel --cycle ''
    expect_completion $'2018-19' hmicfrs-track --data "$example" peel --cycle 2021 --compare 2018
    expect_completion $'peel-framework' hmicfrs-track schema p
    # Inside a register, discovery finds the data as the program does.
    (cd "$example" && expect_completion $'2021-12' hmicfrs-track changes --committee 2021)
    ;;
manpage)
    command -v man >/dev/null || {
        echo "SKIP: man is not installed (Debian: man-db)"
        exit 77
    }
    install_into "$work/prefix"
    page=$work/prefix/share/man/man1/hmicfrs-track.1.gz
    MANWIDTH=80 man --warnings -l "$page" >"$work/rendered" 2>"$work/warnings" || fail "man -l $page failed"
    [[ -s $work/warnings ]] && fail "man --warnings -l: $(cat "$work/warnings")"
    grep -q "EXIT STATUS" "$work/rendered" || fail "the rendered page has no EXIT STATUS section"
    ;;
package)
    (cd "$build" && cpack -G DEB -B "$work/package" >"$work/cpack.log" 2>&1) || {
        cat "$work/cpack.log" >&2
        fail "cpack -G DEB failed"
        exit 1
    }
    deb=$(ls "$work"/package/hmicfrs-track_*.deb)
    depends=$(dpkg-deb -f "$deb" Depends)
    for library in libyaml-cpp0.7 libfmt9 libzip4 libxlsxwriter4 libxxhash0 libpugixml1v5 libstdc++6 libc6; do
        [[ $depends == *"$library "* ]] || fail "the package does not depend on $library: $depends"
    done
    contents=$(dpkg-deb -c "$deb")
    for file in ./usr/bin/hmicfrs-track ./usr/share/man/man1/hmicfrs-track.1.gz \
        ./usr/share/bash-completion/completions/hmicfrs-track ./usr/share/doc/hmicfrs-track/changelog.gz \
        ./usr/share/doc/hmicfrs-track/data-format.md ./usr/share/doc/hmicfrs-track/yaml-primer.md \
        ./usr/share/doc/hmicfrs-track/import.md \
        ./usr/share/hmicfrs-track/schemas/inspection.schema.json; do
        [[ $contents == *" $file"* ]] || fail "the package lacks $file"
    done
    # Debian's own checks: no error and no warning (information tags aside).
    if command -v lintian >/dev/null; then
        lintian --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1 || true
        if grep -E '^[EW]: ' "$work/lintian.log"; then fail "lintian reports errors or warnings"; fi
    else
        echo "note: lintian is not installed (apt-get install lintian): the package's Debian checks were skipped"
    fi
    if [[ ${CI:-} == true && $(id -u) == 0 ]]; then
        apt-get install -y "$deb" >"$work/apt.log" 2>&1 || {
            cat "$work/apt.log" >&2
            fail "apt-get install $deb failed"
        }
        /usr/bin/hmicfrs-track --version || fail "the installed package's hmicfrs-track --version failed"
        apt-get remove -y hmicfrs-track >/dev/null 2>&1 || fail "apt-get remove hmicfrs-track failed"
    else
        # Off CI, do not touch the machine's packages: unpack and run it instead.
        echo "note: apt-get install of the package runs only with CI=true as root"
        dpkg-deb -x "$deb" "$work/unpacked"
        "$work/unpacked/usr/bin/hmicfrs-track" --version || fail "the packaged hmicfrs-track --version failed"
    fi
    ;;
*)
    echo "usage: $0 layout|manpage|package BUILD [SOURCE]" >&2
    exit 2
    ;;
esac
exit $((failures > 0))

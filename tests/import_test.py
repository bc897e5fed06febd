#!/usr/bin/env python3
"""Moving in: `import` on trackers made the way forces make them.

    import_test.py BINARY

- The fixtures of tests/fixtures/import/ (an Excel tracker with merged
  headers, a heading row, a blank row, dates as dates, numbers and text, an
  updates cell of three dated lines and a row with no reference; a
  Windows-1252 CSV export with semicolons) import with their mappings, exit 0,
  and give exactly the files, standard output and diagnostics of
  tests/golden-import/<case>/; the registers written validate without errors;
  a second import gives the same bytes.
- `import --guess` writes, for each, the mapping in its golden; without --map
  the import uses that guess and its register validates; the guess given back
  with --map gives the same register.
- Round trip: `list --format csv` of the minimal, pillar-era and West
  Midlands examples, imported back with tests/fixtures/import/list-map.yaml,
  lists the same CSV.
- Refusals: a refused row is exit 1 and writes nothing; an existing
  non-empty directory, a directory inside a register, an .xls file, --guess
  with --into and no --into are exit 2 and write nothing; a missing tracker is
  exit 3; a directory that cannot be created is exit 3.

Goldens are rewritten with HMICFRS_UPDATE_GOLDEN=1.
"""

import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "import")
GOLDEN = os.path.join(ROOT, "tests", "golden-import")
UPDATE = os.environ.get("HMICFRS_UPDATE_GOLDEN") == "1"
AS_OF = "2022-03-24"
CASES = {"tracker-xlsx": ("tracker.xlsx", "tracker-map.yaml"), "tracker-1252-csv": ("tracker-1252.csv",
                                                                                  "tracker-1252-map.yaml")}


def run(binary, cwd, *args, as_of=AS_OF):
    return subprocess.run([binary, *(["--as-of", as_of] if as_of else []), *args], cwd=cwd, capture_output=True,
                          env=dict(os.environ, HMICFRS_TRACK_CACHE="0", NO_COLOR="1"))


def files_under(directory):
    out = {}
    for base, _, names in os.walk(directory):
        for name in names:
            path = os.path.join(base, name)
            with open(path, "rb") as f:
                out[os.path.relpath(path, directory)] = f.read()
    return out


def compare(case, name, actual, problems):
    """`actual` against tests/golden-import/CASE/NAME, or written there."""
    path = os.path.join(GOLDEN, case, name)
    if UPDATE:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(actual)
        return
    if not os.path.exists(path):
        problems.append(f"{case}: no golden {name} (run with HMICFRS_UPDATE_GOLDEN=1)")
        return
    with open(path, "rb") as f:
        if f.read() != actual:
            problems.append(f"{case}: {name} differs from its golden")


def main():
    binary = os.path.abspath(sys.argv[1])
    problems = []
    work = tempfile.mkdtemp(prefix="hmicfrs-import-")
    try:
        for name in os.listdir(FIXTURES):
            shutil.copy(os.path.join(FIXTURES, name), work)

        for case, (tracker, mapping) in CASES.items():
            result = run(binary, work, "import", tracker, "--map", mapping, "--into", case)
            if result.returncode != 0:
                problems.append(f"{case}: import exit {result.returncode}\n{result.stderr.decode()}")
                continue
            compare(case, "stdout", result.stdout, problems)
            compare(case, "stderr", result.stderr, problems)
            written = files_under(os.path.join(work, case))
            for path, content in sorted(written.items()):
                compare(case, os.path.join("register", path), content, problems)
            if not UPDATE:
                golden = files_under(os.path.join(GOLDEN, case, "register"))
                if set(golden) != set(written):
                    problems.append(f"{case}: wrote {sorted(written)}, the goldens are {sorted(golden)}")
            again = run(binary, work, "import", tracker, "--map", mapping, "--into", case + "-again")
            if files_under(os.path.join(work, case + "-again")) != written or again.stdout.replace(
                    b"-again", b"") != result.stdout:
                problems.append(f"{case}: a second import differs from the first")
            check = run(binary, work, "--data", case, "validate")
            if check.returncode != 0:
                problems.append(f"{case}: the register does not validate\n{check.stdout.decode()}")

            guess = run(binary, work, "import", "--guess", tracker)
            if guess.returncode != 0:
                problems.append(f"{case}: --guess exit {guess.returncode}\n{guess.stderr.decode()}")
            compare(case, "guess.yaml", guess.stdout, problems)
            guessed = run(binary, work, "import", tracker, "--into", case + "-guessed")
            if guessed.returncode != 0 or run(binary, work, "--data", case + "-guessed", "validate").returncode != 0:
                problems.append(f"{case}: without --map the import fails or does not validate\n"
                                f"{guessed.stderr.decode()}")
            # The guess is a mapping as it stands: given back with --map, the same register.
            with open(os.path.join(work, case + "-guess.yaml"), "wb") as f:
                f.write(guess.stdout)
            mapped = run(binary, work, "import", tracker, "--map", case + "-guess.yaml", "--into", case + "-mapped")
            if mapped.returncode != 0 or files_under(os.path.join(work, case + "-mapped")) != files_under(
                    os.path.join(work, case + "-guessed")):
                problems.append(f"{case}: the guess given as --map gives another register\n{mapped.stderr.decode()}")

        # Round trip: a register's list, imported back, lists the same.
        for example in ("minimal", "pillar-era", "west-midlands"):
            data = os.path.join(ROOT, "examples", example)
            listed = run(binary, work, "--data", data, "list", "--format", "csv").stdout
            with open(os.path.join(work, f"{example}.csv"), "wb") as f:
                f.write(listed)
            result = run(binary, work, "import", f"{example}.csv", "--map", "list-map.yaml", "--into",
                         f"{example}-again")
            if result.returncode != 0:
                problems.append(f"round trip {example}: import exit {result.returncode}\n{result.stderr.decode()}")
                continue
            back = run(binary, work, "--data", f"{example}-again", "list", "--format", "csv").stdout
            if back != listed or listed.count(b"\n") < 2:
                problems.append(f"round trip {example}: the imported register lists differently")

        # A refused row: exit 1, nothing written, the cell named.
        with open(os.path.join(work, "bad.csv"), "w", encoding="utf-8") as f:
            f.write("Report,Ref,Recommendation,Status\nCustody 2019,R1,Review it,Compete\nCustody 2019,R2,Do it,Open\n")
        refused = run(binary, work, "import", "bad.csv", "--into", "bad")
        if refused.returncode != 1 or os.path.exists(os.path.join(work, "bad")):
            problems.append(f"a refused row: exit {refused.returncode}, or something was written")
        if b"bad.csv:2:4: error: D2 (Status): 'Compete' is not a status" not in refused.stderr or \
                b"Nothing written: 1 of 2 rows refused" not in refused.stderr:
            problems.append(f"a refused row is not reported as it should be:\n{refused.stderr.decode()}")

        # Statuses without dates: known as at the day --as-of gives, and never as at today when it gives none.
        undated = run(binary, work, "import", "tracker.xlsx", "--map", "tracker-map.yaml", "--into", "undated",
                      as_of=None)
        expected = (b"hmicfrs-track: tracker.xlsx: rows 6-7 and 10-11 of the tracker give a status, rating or note with "
                    b"no date. Say by which day they were known with --as-of YYYY-MM-DD")
        if undated.returncode != 2 or expected not in undated.stderr or os.path.exists(os.path.join(work, "undated")):
            problems.append(f"an import of undated statuses without --as-of: exit {undated.returncode}, or "
                            f"something written\n{undated.stderr.decode()}")

        # Usage errors and failures write nothing.
        os.makedirs(os.path.join(work, "full"))
        with open(os.path.join(work, "full", "keep.txt"), "w") as f:
            f.write("mine\n")
        with open(os.path.join(work, "old.xls"), "wb") as f:
            f.write(b"\xd0\xcf\x11\xe0")
        for args, status in [(["tracker.xlsx", "--into", "full"], 2),
                             (["tracker.xlsx", "--into", "west-midlands-again/inside"], 2),
                             (["old.xls", "--into", "x1"], 2),
                             (["--guess", "tracker.xlsx", "--into", "x2"], 2),
                             (["tracker.xlsx"], 2),
                             (["missing.csv", "--into", "x3"], 3),
                             (["tracker.xlsx", "--into", "no/such/parent/x4"], 3)]:
            result = run(binary, work, "import", *args)
            if result.returncode != status:
                problems.append(f"import {' '.join(args)}: exit {result.returncode}, expected {status}\n"
                                f"{result.stderr.decode()}")
        for name in ("x1", "x2", "x3", "no", "west-midlands-again/inside"):
            if os.path.exists(os.path.join(work, name)):
                problems.append(f"{name} was written by a refused import")
        if os.listdir(os.path.join(work, "full")) != ["keep.txt"]:
            problems.append("an import into a non-empty directory touched it")
    finally:
        shutil.rmtree(work)

    for problem in problems:
        print("FAIL:", problem)
    if UPDATE:
        print("goldens rewritten in", GOLDEN)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

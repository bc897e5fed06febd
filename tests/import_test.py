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
- A force's tracker as python3-openpyxl writes it (force-tracker.xlsx: a
  title and a protective marking above the header, report headings merged
  across above report names merged down, a key row, a formula column with
  no saved values, dates as dates, text, "TBC" and quarters, BRAG ratings
  and the statuses trackers use) imports with no mapping and no edit: every
  finding row and report heading is in the register, each value exactly as
  asserted here, and the notes say what was passed over; re-saved by
  LibreOffice Calc (its formulas then stored), it gives the same register.
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


# The force tracker's rows: (row, id, status, rating, due) as the register must hold them; each report's heading
# and short name; the notes that say what the import passed over.
FORCE_FINDINGS = [
    (6, "peel-2021-22/AFI1", "closed", "blue", "2023-03-31"),  # Archived, Blue
    (7, "peel-2021-22/AFI2", "closed", None, "2023-03-31"),  # Complete, G (a rating of open findings)
    (8, "peel-2021-22/AFI3", "open", "amber", "2025-06"),  # On track, A, Q2 2025
    (9, "peel-2021-22/AFI4", "open", "red", "2024-12"),  # Off track, R, Q3 24/25
    (11, "custody-2019/Rec1", "achieved", "blue", "2020-12-31"),  # Discharged, Blue
    (12, "custody-2019/Rec2", "open", "red", None),  # Not started, R, TBC
    (13, "custody-2019/AFI1", "closed", None, "2020-06"),  # Implemented, G, formatted mmm-yy
    (15, "vawg-2021/Rec3", "open", "amber", "2023-03"),  # Ongoing, Amber, Mar-23
    (16, "vawg-2021/Rec4", "open", "green", "2023-09-30"),  # In progress, Green
    (17, "vawg-2021/Rec5", "closed", "blue", "2024-03-31"),  # Completed, Blue
]
FORCE_REPORTS = {
    "peel-2021-22": ("PEEL 2021/22: An inspection of the effectiveness, efficiency and legitimacy of Kingsmere "
                     "Constabulary", "PEEL 2021/22", "peel"),
    "custody-2019": ("Custody 2019: Report on an unannounced inspection visit to police custody suites in Kingsmere",
                     "Custody 2019", "custody"),
    "vawg-2021": ("Police response to violence against women and girls: final inspection report (national thematic)",
                  "VAWG 2021", "national-thematic"),
}
FORCE_NOTES = [
    "force-tracker.xlsx[HMICFRS Tracker]:1:1: note: rows 1-2, above the header row, are not read as findings: "
    "'Kingsmere Constabulary \u2013 HMICFRS recommendations and areas\u2026', 'OFFICIAL \u2013 SENSITIVE' "
    "[spreadsheet-format]",
    "force-tracker.xlsx[HMICFRS Tracker]:5:1: note: row 5 is read as the heading of report 'peel-2021-22', whose rows "
    "follow it: its text is the report's title, and 'PEEL 2021/22', as its rows name it, its short name "
    "[spreadsheet-format]",
    "force-tracker.xlsx[HMICFRS Tracker]:6:10: note: 10 cells hold a formula whose value the workbook does not store "
    "(J6:J9, J11:J13, J15:J17), read as empty: the program that wrote it did not work the value out; open the file in "
    "Excel or LibreOffice and save it to store the values [spreadsheet-format]",
    "force-tracker.xlsx[HMICFRS Tracker]:19:1: note: row 19 is not read: it is one value with no finding below it, "
    "such as a key or a footnote: 'Key: Blue = complete; Green = on track; Amber = at risk of missing its target "
    "date; Red = off track\u2026' [spreadsheet-format]",
]


def check_force_tracker(binary, work, problems):
    """force-tracker.xlsx, imported with the guessed mapping and no edit: every row and heading, exactly."""
    import yaml
    result = run(binary, work, "import", "force-tracker.xlsx", "--into", "force", as_of="2025-06-30")
    if result.returncode != 0:
        problems.append(f"force tracker: import exit {result.returncode}\n{result.stderr.decode()}")
        return
    stderr = result.stderr.decode()
    for note in FORCE_NOTES:
        if note not in stderr.splitlines():
            problems.append(f"force tracker: no note\n  {note}\nin\n{stderr}")
    compare("force-tracker-xlsx", "stdout", result.stdout, problems)
    compare("force-tracker-xlsx", "stderr", result.stderr, problems)
    register = os.path.join(work, "force")
    written = files_under(register)
    for path, content in sorted(written.items()):
        compare("force-tracker-xlsx", os.path.join("register", path), content, problems)
    found = []
    for report, (title, short_name, kind) in FORCE_REPORTS.items():
        with open(os.path.join(register, "inspections", report + ".yaml"), encoding="utf-8") as f:
            text = f.read()
        inspection = yaml.safe_load(text)
        if (inspection["title"], inspection.get("short_name"), inspection["type"]) != (title, short_name, kind):
            problems.append(f"force tracker: {report} is titled {inspection['title']!r}, short name "
                            f"{inspection.get('short_name')!r}, type {inspection['type']}")
        rows = [int(line.split()[-1]) for line in text.splitlines() if line.startswith("  # row ")]
        for row, finding in zip(rows, inspection["findings"]):
            last = finding["history"][-1]
            found.append((row, f"{report}/{finding['ref']}", last.get("status"), last.get("rag"),
                          str(finding["due"]) if "due" in finding else None))
            if finding["ref"] == "AFI1" and report == "peel-2021-22":
                dated = [(str(e["date"]), e.get("note")) for e in finding["history"] if "date" in e]
                if dated != [("2022-06-14", "THRIVE+ training started for all call handlers\n"
                                            "This covers both control rooms."),
                             ("2022-12-02", "Audit shows the tool used on 96% of calls; proposed for closure")]:
                    problems.append(f"force tracker: peel-2021-22/AFI1's updates are {dated}")
            if finding["ref"] == "Rec2" and finding.get("text") != "**Target Date:** TBC":
                problems.append(f"force tracker: custody-2019/Rec2's text is {finding.get('text')!r}")
    if sorted(found) != FORCE_FINDINGS:
        problems.append(f"force tracker: the register holds\n  {sorted(found)}\nnot\n  {FORCE_FINDINGS}")
    with open(os.path.join(register, "hmicfrs-track.yaml"), encoding="utf-8") as f:
        config = yaml.safe_load(f)
    if [r["id"] for r in config["ratings"]] != ["red", "amber", "green", "blue"]:
        problems.append(f"force tracker: ratings {config['ratings']}")
    # Re-saved by LibreOffice, as a liaison officer told to store the formulas' values would: the same register.
    if shutil.which("soffice") is None:
        print("note: no LibreOffice (libreoffice-calc-nogui), so the re-saved tracker is not imported")
    else:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(work, "libreoffice-profile"),
                        "--headless", "--convert-to", "xlsx", "--outdir", os.path.join(work, "resaved"),
                        os.path.join(work, "force-tracker.xlsx")], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=300)
        resaved = run(binary, os.path.join(work, "resaved"), "import", "force-tracker.xlsx", "--into", "force",
                      as_of="2025-06-30")
        if resaved.returncode != 0 or files_under(os.path.join(work, "resaved", "force")) != written:
            problems.append(f"force tracker: re-saved by LibreOffice, it imports otherwise\n{resaved.stderr.decode()}")
        if b"formula" in resaved.stderr:
            problems.append("force tracker: re-saved by LibreOffice, its formulas still have no values")
    guess = run(binary, work, "import", "--guess", "force-tracker.xlsx")
    compare("force-tracker-xlsx", "guess.yaml", guess.stdout, problems)
    for line in ["  rating: BRAG  # column H: its header says 'brag'",
                 "  updates: Position Statement  # column I: its cells start with dates",
                 "# 'Q2 2025' is read as its quarter's last month, 2025-06: a quarter of the calendar year.",
                 "# 'Q3 24/25' is read as its quarter's last month, 2024-12: a quarter of the financial year (Q1 is "
                 "April to June).",
                 "    Archived: closed", "    Off track: open", "    Blue: blue"]:
        if line not in guess.stdout.decode().splitlines():
            problems.append(f"force tracker: the guess has no line {line!r}")


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

        check_force_tracker(binary, work, problems)

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
            # Without a mapping, the guess reads the reports' ids from the finding ids, the names as their titles:
            # the same findings under the same ids.
            guessed = run(binary, work, "import", f"{example}.csv", "--into", f"{example}-guessed")
            again = run(binary, work, "--data", f"{example}-guessed", "list", "--format", "csv").stdout
            ids = [line.split(b",")[0] for line in listed.splitlines()]
            if guessed.returncode != 0 or [line.split(b",")[0] for line in again.splitlines()] != ids:
                problems.append(f"round trip {example} with the guessed mapping: exit {guessed.returncode}, or other "
                                f"ids\n{guessed.stderr.decode()}")

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

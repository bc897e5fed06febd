#!/usr/bin/env python3
"""The Excel exports, opened as a portfolio lead's spreadsheet would open them (python3-openpyxl).

    excel_test.py BINARY

For `list`, `rag` and the March 2022 paper's tracker of the West Midlands
example: the sheets expected, the header row frozen and filtered over the
whole table but its totals row, dates as dates (a month or year as its first
day), shown as much of them as the register knows ("d mmmm yyyy", "mmmm yyyy", "yyyy"),
counts as numbers and shares as percentages, rating cells filled and worded,
the same rows and values as the CSV of the same view, and the same bytes when
written twice. A register whose ratings are named as no sheet may be, and whose
title reads as Excel's escapes, gives workbooks that open, with legal sheet
names and the title as written (read back by openpyxl and LibreOffice Calc).
Exits 77 (skipped) when python3-openpyxl is missing."""

import csv
import datetime
import io
import os
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
REGISTER = os.path.join(ROOT, "examples", "west-midlands")
FINDING_COLUMNS = ["Finding", "Report", "Type", "RAG", "Title", "Owner", "Portfolio", "Due", "Overdue", "Status",
                   "Last update", "Latest note"]


def run(binary, *args):
    return subprocess.run([binary, "--data", REGISTER, "--as-of", "2022-03-31", *args], check=True,
                          capture_output=True).stdout


def sheet_rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


# Titles that read as Excel's escapes of characters, which must read back as written. openpyxl's reader drops
# every "x005F_" it meets (not what Excel does), so the second, an escaped underscore, is read back by Calc alone.
ESCAPE_LIKE = "Text_x000D_with _x0041_ inside"
UNDERSCORE_LIKE = "An escaped underscore _x005F_ stays as written"
# Ratings named as no sheet may be: apostrophes at both ends, and beyond 31 UTF-16 units with emoji.
LABELS = {"red": "'Won't do'", "amber": "\u00dcberf\u00e4llig \u2014 wartet auf Entscheidung \U0001F600\U0001F600"}


def check_register_words(binary, work, problems):
    """A register's words as sheet names and cells: every workbook opens, every sheet name is one Excel
    allows, and a title that looks like an escape reads back as the register holds it, in openpyxl and in
    LibreOffice Calc."""
    import shutil

    import openpyxl

    register = os.path.join(work, "words")
    shutil.copytree(os.path.join(ROOT, "examples", "four-colour"), register)
    config = os.path.join(register, "hmicfrs-track.yaml")
    text = open(config, encoding="utf-8").read()
    for rating, label in LABELS.items():
        text = text.replace(f"  - id: {rating}\n", f"  - id: {rating}\n    label: \"{label}\"\n", 1)
    open(config, "w", encoding="utf-8").write(text)
    with open(os.path.join(register, "inspections", "escapes.yaml"), "w", encoding="utf-8") as out:
        out.write("id: escapes\ntype: other\ntitle: Escapes\npublished: 2024-01-10\nfindings:\n"
                  f"  - ref: R1\n    type: afi\n    title: \"{ESCAPE_LIKE}\"\n    portfolio: custody\n"
                  "    owner: Head of Custody\n    history:\n      - date: 2024-02-01\n        status: open\n"
                  "        rag: amber\n        note: Started\n"
                  f"  - ref: R2\n    type: afi\n    title: \"{UNDERSCORE_LIKE}\"\n    portfolio: custody\n"
                  "    owner: Head of Custody\n    history:\n      - date: 2024-02-01\n        status: open\n"
                  "        rag: amber\n        note: Started\n")
    paper = os.path.join(work, "words-paper.xlsx")
    listed = os.path.join(work, "words-list.xlsx")
    for target, args in ((paper, ["report", "--committee", "2024-06"]), (listed, ["list"])):
        result = subprocess.run([binary, "--data", register, "--as-of", "2024-06-14", *args, "-o", target],
                                capture_output=True, text=True)
        if result.returncode != 0:
            problems.append(f"words: {' '.join(args)} exited {result.returncode}: {result.stderr}")
            return
    names = openpyxl.load_workbook(paper).sheetnames
    for name in names:
        units = len(name.encode("utf-16-le")) // 2
        if name.startswith("'") or name.endswith("'") or units > 31 or any(c in name for c in "[]:*?/\\"):
            problems.append(f"words: the sheet name {name!r} is not one Excel allows")
    if len({name.casefold() for name in names}) != len(names):
        problems.append(f"words: sheet names {names} are not unique ignoring case")
    rows = sheet_rows(openpyxl.load_workbook(listed)["Findings"])
    titles = [row[4] for row in rows if row[0] == "escapes/R1"]
    if titles != [ESCAPE_LIKE]:
        problems.append(f"words: openpyxl reads the title as {titles}, not {ESCAPE_LIKE!r}")
    calc = os.path.join(work, "calc")
    subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(work, "calc-profile"), "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", calc, listed],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    converted = os.path.join(calc, "words-list.csv")
    if not os.path.exists(converted):
        problems.append("words: LibreOffice Calc did not open the list (is libreoffice-calc-nogui installed?)")
        return
    calc_titles = [row[4] for row in csv.reader(open(converted, encoding="utf-8")) if row[0].startswith("escapes/")]
    if calc_titles != [ESCAPE_LIKE, UNDERSCORE_LIKE]:
        problems.append(f"words: LibreOffice Calc reads the titles as {calc_titles}, not "
                        f"{[ESCAPE_LIKE, UNDERSCORE_LIKE]}")
    print(f"words: sheets {names}; the titles read back as written")


def check_table_sheet(sheet, problems):
    """Frozen header, a filter over every column and every row but a last one of totals."""
    name = sheet.title
    if sheet.freeze_panes != "A2":
        problems.append(f"{name}: the header row is not frozen ({sheet.freeze_panes})")
    totals = 1 if sheet.cell(sheet.max_row, 1).value == "Total" else 0
    last = f"{chr(ord('A') + sheet.max_column - 1)}{sheet.max_row - totals}"
    if sheet.auto_filter.ref != f"A1:{last}":
        problems.append(f"{name}: filter on {sheet.auto_filter.ref}, expected A1:{last}")


def check_findings(sheet, csv_rows, problems):
    rows = sheet_rows(sheet)
    if rows[0] != FINDING_COLUMNS:
        problems.append(f"{sheet.title}: columns {rows[0]}")
        return
    if csv_rows[0] != FINDING_COLUMNS:
        problems.append(f"{sheet.title}: the CSV's columns are {csv_rows[0]}, the sheet's {FINDING_COLUMNS}")
        return
    by_id = {row[0]: row for row in csv_rows[1:]}
    for index, row in enumerate(rows[1:], start=2):
        finding, due, last_update = row[0], row[7], row[10]
        expected = by_id[finding]
        if row[3] != expected[3] or row[4] != expected[4]:
            problems.append(f"{sheet.title} row {index}: rating or title differ from the CSV's")
        if due is not None:
            if not isinstance(due, datetime.datetime):
                problems.append(f"{sheet.title} row {index}: due {due!r} is not a date")
            elif not expected[7].startswith(due.strftime("%Y-%m")):
                problems.append(f"{sheet.title} row {index}: due {due:%Y-%m-%d}, CSV {expected[7]}")
            elif sheet.cell(index, 8).number_format != {10: "d mmmm yyyy", 7: "mmmm yyyy", 4: "yyyy"}[len(expected[7])]:
                problems.append(f"{sheet.title} row {index}: due {expected[7]} shown as "
                                f"{sheet.cell(index, 8).number_format}")
        if last_update is not None and not isinstance(last_update, datetime.datetime):
            problems.append(f"{sheet.title} row {index}: last update {last_update!r} is not a date")
        rating = sheet.cell(index, 4)
        if rating.value in ("Red", "Amber", "Green") and rating.fill.fgColor.rgb in (None, "00000000"):
            problems.append(f"{sheet.title} row {index}: the {rating.value} cell is not filled")


def main():
    binary = os.path.abspath(sys.argv[1])
    try:
        import openpyxl
    except ImportError:
        print("SKIPPED: needs python3-openpyxl (apt-get install python3-openpyxl)")
        return 77
    problems = []
    with tempfile.TemporaryDirectory() as work:
        def workbook(name, *args):
            path = os.path.join(work, name)
            run(binary, *args, "-o", path)
            again = os.path.join(work, "again-" + name)
            run(binary, *args, "--format", "xlsx", "-o", again)
            if open(path, "rb").read() != open(again, "rb").read():
                problems.append(f"{name}: two runs gave different bytes")
            return openpyxl.load_workbook(path)

        listed = workbook("list.xlsx", "list")
        csv_list = list(csv.reader(io.StringIO(run(binary, "list", "--format", "csv").decode("utf-8"))))
        if listed.sheetnames != ["Findings"]:
            problems.append(f"list: sheets {listed.sheetnames}")
        check_table_sheet(listed["Findings"], problems)
        check_findings(listed["Findings"], csv_list, problems)
        listed_ids = [row[0] for row in sheet_rows(listed["Findings"])[1:]]
        if listed_ids != [row[0] for row in csv_list[1:]]:
            problems.append(f"list: findings {listed_ids} are not the CSV's")

        rag = workbook("rag.xlsx", "rag")
        csv_rag = list(csv.reader(io.StringIO(run(binary, "rag", "--format", "csv").decode("utf-8"))))
        sheet = rag["By portfolio"]
        check_table_sheet(sheet, problems)
        expected = [csv_rag[0]] + [[row[0]] + [int(value) for value in row[1:]] for row in csv_rag[1:]]
        if sheet_rows(sheet) != expected:
            problems.append(f"rag: {sheet_rows(sheet)} is not the CSV's {expected} with numbers as numbers")

        tracker = workbook("tracker.xlsx", "report", "--committee", "2022-03")
        # The tracker section's tables, then the red section's, as the paper has them.
        if tracker.sheetnames != ["By portfolio", "By status", "By report", "Overdue", "Stale", "Red"]:
            problems.append(f"tracker: sheets {tracker.sheetnames}")
        for sheet in tracker.worksheets:
            check_table_sheet(sheet, problems)
        by_report = sheet_rows(tracker["By report"])
        peel = next(row for row in by_report if row[0].startswith("PEEL 2021/22"))
        # 17 counted (AFI11 is counted with the 2018/19 finding it repeats); of the 4 closed, AFI8 and NF3 closed,
        # NF1 and NF5 no longer monitored: 2 done, 2 of 17 is 12%.
        if peel[1] != datetime.datetime(2021, 10, 1) or peel[2:] != [17, 13, 4, 2, 0.12]:
            problems.append(f"tracker: PEEL 2021/22 row {peel}")
        if tracker["By report"].cell(3, 7).number_format != "0%":
            problems.append("tracker: % complete is not shown as a percentage")
        red = sheet_rows(tracker["Red"])
        red_ids = [row[0] for row in red[1:]]
        csv_red = [row[0] for row in csv_list[1:] if row[3] == "Red"]
        if red_ids != csv_red:
            problems.append(f"tracker: red findings {red_ids}, list says {csv_red}")
        check_findings(tracker["Red"], csv_list, problems)
        check_register_words(binary, work, problems)
    for problem in problems:
        print("FAIL: " + problem)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

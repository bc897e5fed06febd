#!/usr/bin/env python3
"""Seeds for the collect fuzzer: the workbooks chase wrote into DIR/returned, each also filled in as an owner would
(a rating, a status, a note, a date), and their Updates sheets as CSV files, filled and not.

    returned_seeds.py DIR
"""

import csv
import datetime
import glob
import os
import shutil
import sys

import openpyxl


def main():
    out = sys.argv[1]
    for path in sorted(glob.glob(os.path.join(out, "returned", "*.xlsx"))):
        stem = os.path.splitext(os.path.basename(path))[0]
        shutil.copy(path, os.path.join(out, f"{stem}.xlsx"))
        book = openpyxl.load_workbook(path)
        sheet = book["Updates"]
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        with open(os.path.join(out, f"{stem}.csv"), "w", newline="") as blank:
            csv.writer(blank).writerows(rows)
        headers = rows[0]
        for n, row in enumerate(sheet.iter_rows(min_row=2)):
            row[headers.index("New rating")].value = ["Red", "amber", "GREEN"][n % 3]
            row[headers.index("New status")].value = ["Open", "Closed", "Awaiting sign-off"][n % 3]
            row[headers.index("Update note")].value = f"Progress reviewed, {n}\nsecond line"
            row[headers.index("Date of update")].value = datetime.datetime(2022, 3, 12 + n)
        book.save(os.path.join(out, f"{stem}-filled.xlsx"))
        filled = [[cell.value for cell in row] for row in sheet.iter_rows()]
        for row in filled[1:]:
            row[headers.index("Date of update")] = row[headers.index("Date of update")].strftime("%d/%m/%Y")
        with open(os.path.join(out, f"{stem}-filled.csv"), "w", newline="") as written:
            csv.writer(written).writerows(filled)
    # The harness's own findings: one with no history, one updated on its today (2022-06-30).
    with open(os.path.join(out, "extra.csv"), "w", newline="") as extra:
        csv.writer(extra).writerows([["Finding", "Due", "Last entry", "New rating", "New status", "Update note",
                                      "Date of update"],
                                     ["fuzz-extra/R1", "", "none", "Red", "", "Begun", "01/03/2022"],
                                     ["fuzz-extra/R1", "", "2022-02-01", "Amber", "", "Stale", ""],
                                     ["fuzz-extra/R2", "13/09/2022", "2022-06-30", "Green", "Closed", "", ""]])
    shutil.rmtree(os.path.join(out, "returned"))


if __name__ == "__main__":
    main()

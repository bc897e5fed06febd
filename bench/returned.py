#!/usr/bin/env python3
"""Writes the workbooks owners return for `collect` to read in the benchmark: WORKBOOKS of ROWS rows each, every row
a different open finding of the register, filled in (a rating and a note, no date: recorded as at the day collected),
in the shape `chase --format xlsx` writes (an Updates sheet, the record sheet hmicfrs-track). Round N's workbooks
name the finding's last entry as round N-1 left it, so that each round records one more entry per row.

    bench/returned.py REGISTER OUT_DIR ROUND [--workbooks 43] [--rows 50]
"""

import argparse
import datetime
import glob
import json
import os
import shutil

import openpyxl
import yaml

HEADERS = ["Owner", "Finding", "Last entry", "New rating", "New status", "Update note", "Date of update"]


def chosen(register, workbooks, rows):
    """WORKBOOKS lists of ROWS (finding id, owner, last entry, entries), from the inspection files in order: open
    findings that repeat none, whose last entry an update as at today can follow."""
    today = datetime.date.today()
    picked, current = [], []
    for path in sorted(glob.glob(os.path.join(register, "inspections", "**", "*.yaml"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            inspection = yaml.load(f, Loader=yaml.CSafeLoader)
        for finding in inspection.get("findings") or []:
            history = finding.get("history") or []
            statuses = [e["status"] for e in history if "status" in e]
            if finding.get("repeats") or (statuses and statuses[-1] != "open"):
                continue
            last = history[-1] if history else None
            day = (last.get("date") or last.get("as_at")) if last else None
            # Its update goes last: none after today, nor after an entry of today (what is known as at a day
            # goes before what happened on it).
            if day is not None and (day > today or (day == today and "as_at" not in last)):
                continue
            stamp = "none" if last is None else ("as at " if "as_at" in last else "") + day.isoformat()
            current.append((f"{inspection['id']}/{finding['ref']}", finding.get("owner", ""), stamp, len(history)))
            if len(current) == rows:
                picked.append(current)
                current = []
                if len(picked) == workbooks:
                    return picked
    raise SystemExit(f"{register}: fewer than {workbooks * rows} findings to update")


def write(out, picked, round_number, force, committee):
    today = datetime.date.today().isoformat()
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    for n, rows in enumerate(picked):
        book = openpyxl.Workbook()
        updates = book.active
        updates.title = "Updates"
        updates.append(HEADERS)
        record = book.create_sheet("hmicfrs-track")
        record.sheet_state = "hidden"
        record.append(["Key", "Value", "Last entry", "Entries", "Row"])
        record.append(["workbook", "hmicfrs-track updates, version 1"])
        record.append(["force", force])
        record.append(["committee", committee])
        record.append(["as of", today])
        for r, (finding, owner, stamp, entries) in enumerate(rows):
            # After round 0, each round has added an entry as at today to every finding.
            if round_number > 0:
                stamp, entries = f"as at {today}", entries + round_number
            updates.append([owner, finding, stamp, ["Red", "Amber", "Green"][r % 3], None,
                            f"Round {round_number}: progress reviewed at the board", None])
            record.append(["finding", finding, stamp, str(entries), str(r + 2)])
        book.save(os.path.join(out, f"owner-{n + 1:02d}.xlsx"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("register")
    parser.add_argument("out")
    parser.add_argument("round", type=int)
    parser.add_argument("--workbooks", type=int, default=43)
    parser.add_argument("--rows", type=int, default=50)
    args = parser.parse_args()
    cached = os.path.join(args.out + ".chosen.json")
    if os.path.exists(cached) and args.round > 0:
        picked = json.load(open(cached))
    else:
        picked = chosen(args.register, args.workbooks, args.rows)
        json.dump(picked, open(cached, "w"))
    with open(os.path.join(args.register, "hmicfrs-track.yaml"), encoding="utf-8") as f:
        config = yaml.load(f, Loader=yaml.CSafeLoader)
    write(args.out, picked, args.round, config["force"]["name"], config["committee"]["name"])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The quarterly loop on a copy of the West Midlands example: `chase --format xlsx -o DIR`
writes a workbook per owner, owners fill them in, `collect` records their updates.

    collect_test.py BINARY

- The workbooks: one per owner chased for the March 2022 paper, named as the
  messages are; an 'Updates' sheet, protected, whose four update columns alone
  are unlocked, with drop-down lists of the register's own ratings and statuses
  and dates only in the date column; a hidden 'hmicfrs-track' sheet naming the
  force and committee and, per row, its finding, last entry and entry count.
- Three owners answer: two fill their workbooks with python3-openpyxl, one of
  them then re-saved by LibreOffice; the third's Updates sheet is saved as CSV
  by LibreOffice. `collect` applies exactly their rows: the summary, the commit
  line, and a diff that only adds lines; the register's files differ from the
  copy by exactly the new entries (read back as YAML); the March 2022 paper now
  shows the new ratings and notes.
- Run again, every update is skipped as already applied, nothing written.
- Refused, exit 1, with the exact diagnostics and every file of the register
  unchanged: a changed locked cell, a workbook from another register, a word
  the register does not have, a formula in a note (as openpyxl saves it, with
  no value, and as LibreOffice saves it, with one).
- A finding updated after its workbook was written is a conflict: reported
  with both versions, not applied, exit 0.
"""

import datetime
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
import yaml

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
AS_OF = "2022-03-10"
PEEL = "inspections/peel/peel-2021-22.yaml"
problems = []


def expect(what, got, wanted):
    if got != wanted:
        problems.append(f"{what}:\n  got    {got!r}\n  wanted {wanted!r}")


def run(binary, register, *args):
    return subprocess.run([binary, "--data", register, *args], capture_output=True, text=True)


def snapshot(register):
    out = {}
    for path in sorted(glob.glob(os.path.join(register, "**", "*"), recursive=True)):
        if os.path.isfile(path):
            out[os.path.relpath(path, register)] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return out


def fill(path, rows):
    """Fills the Updates sheet as an owner would: {finding id: {column header: value}}."""
    book = openpyxl.load_workbook(path)
    sheet = book["Updates"]
    headers = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        finding = row[headers.index("Finding")].value
        for header, value in rows.get(finding, {}).items():
            row[headers.index(header)].value = value
    book.save(path)


def libreoffice(paths, to, out):
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", to, "--outdir", out, *paths],
                   capture_output=True, check=True, timeout=300,
                   env={**os.environ, "HOME": out})


def check_workbook_shape(path, register_words, lists=False, rating="RAG"):
    book = openpyxl.load_workbook(path)
    expect(f"{path}: sheets", [(s.title, s.sheet_state) for s in book.worksheets],
           [("Updates", "visible"), ("hmicfrs-track", "hidden")] + ([("Lists", "hidden")] if lists else []))
    sheet = book["Updates"]
    headers = [c.value for c in sheet[1]]
    expect(f"{path}: headers", headers,
           ["Owner", "Email", "Finding", "Title", "Due", rating, "Latest note", "The paper will show", "Last entry",
            "New rating", "New status", "Update note", "Date of update"])
    expect(f"{path}: protected", sheet.protection.sheet, True)
    unlocked = sorted({headers[c.column - 1] for row in sheet.iter_rows(min_row=2) for c in row
                       if not c.protection.locked})
    expect(f"{path}: unlocked columns", unlocked, ["Date of update", "New rating", "New status", "Update note"])
    validations = {}
    for validation in sheet.data_validations.dataValidation:
        column = headers[openpyxl.utils.column_index_from_string(str(validation.sqref)[0]) - 1]
        validations[column] = (validation.type, validation.formula1)
    expect(f"{path}: validations", validations, register_words)
    record = list(book["hmicfrs-track"].iter_rows(values_only=True))
    expect(f"{path}: record head", record[:5],
           [("Key", "Value", "Last entry", "Entries", "Row"),
            ("workbook", "hmicfrs-track updates, version 1", None, None, None),
            ("force", "West Midlands Police", None, None, None),
            ("committee", "Joint Audit Committee", None, None, None),
            ("as of", AS_OF, None, None, None)])
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    expect(f"{path}: record rows", [r[:3] + r[4:] for r in record[5:]],
           [("finding", r[2], r[8], str(n + 2)) for n, r in enumerate(rows)])
    return rows


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as scratch:
        register = os.path.join(scratch, "register")
        shutil.copytree(os.path.join(ROOT, "examples", "west-midlands"), register)
        before = snapshot(register)
        books = os.path.join(scratch, "returned")
        result = run(binary, register, "--as-of", AS_OF, "chase", "--format", "xlsx", "-o", books)
        expect("chase", (result.returncode, result.stdout), (0, f"6 workbooks written to {books}\n"))
        expect("workbooks", sorted(os.listdir(books)),
               ["assistant-chief-constable-crime.xlsx", "chief-superintendent-force-contact.xlsx",
                "director-of-commercial-services.xlsx", "director-of-people.xlsx",
                "head-of-criminal-justice-services.xlsx", "head-of-public-protection.xlsx"])
        words = {"New rating": ("list", '"Red,Amber,Green"'),
                 "New status": ("list", '"Open,Awaiting sign-off,Closed,Achieved,Declined,Not monitored"'),
                 "Date of update": ("date", "36526")}
        crime = os.path.join(books, "assistant-chief-constable-crime.xlsx")
        rows = check_workbook_shape(crime, words)
        expect("crime's findings", [(r[2], r[5], r[8]) for r in rows],
               [("peel-2021-22/AFI3", "Red", "2022-02-21"), ("peel-2021-22/AFI4", "Amber", "2021-11-08"),
                ("peel-2021-22/NF4", "Green", "2021-11-08")])
        expect("crime's record of entries", [r[3] for r in
                                              list(openpyxl.load_workbook(crime)["hmicfrs-track"].values)[5:]],
               ["2", "1", "1"])
        expect("chase into the register", snapshot(register), before)

        # The refusals first, each on a copy of a workbook: nothing written, exit 1, the diagnostics exact.
        def refused(name, change, stderr):
            path = os.path.join(scratch, name)
            shutil.copy(crime, path)
            change(path)
            result = run(binary, register, "collect", path)
            expect(f"{name}: refused", (result.returncode, result.stdout, result.stderr), (1, "", stderr))
            expect(f"{name}: register unchanged", snapshot(register), before)

        def locked(path):
            book = openpyxl.load_workbook(path)
            book["Updates"]["C3"] = "peel-2021-22/AFI5"
            book["Updates"]["J3"] = "Green"
            book.save(path)

        refused("locked.xlsx", locked,
                f"{scratch}/locked.xlsx[Updates]:3:3: error: C3 (Finding) says 'peel-2021-22/AFI5', but the workbook "
                "was written with 'peel-2021-22/AFI4' there: a locked cell was changed, or rows were moved; put it "
                "back, or take a fresh workbook from chase [returned-workbook]\n"
                "1 error, 0 warnings\nhmicfrs-track: nothing written: 1 problem in the returned files; fix them, and run "
                "collect again\n")
        refused("purple.xlsx", lambda p: fill(p, {"peel-2021-22/AFI3": {"New rating": "Purple"}}),
                f"{scratch}/purple.xlsx[Updates]:2:10: error: J2 (New rating): 'Purple' is not a rating of this "
                "register (its ratings: Red, Amber and Green) [returned-update]\n"
                "1 error, 0 warnings\nhmicfrs-track: nothing written: 1 problem in the returned files; fix them, and run "
                "collect again\n")
        formula = '=HYPERLINK("http://example.invalid/","Click")'
        refused("formula.xlsx", lambda p: fill(p, {"peel-2021-22/AFI3": {"Update note": formula}}),
                f"{scratch}/formula.xlsx[Updates]:2:12: error: L2 (Update note): holds a formula, which collect does "
                "not take: type the update as text [returned-update]\n"
                "1 error, 0 warnings\nhmicfrs-track: nothing written: 1 problem in the returned files; fix them, and run "
                "collect again\n")

        # Another register's workbook.
        other = os.path.join(scratch, "other")
        run(binary, os.path.join(ROOT, "examples", "four-colour"), "chase", "--format", "xlsx", "-o", other)
        foreign = sorted(glob.glob(os.path.join(other, "*.xlsx")))[0]
        result = run(binary, register, "collect", foreign)
        expect("another register's workbook: status", result.returncode, 1)
        expect("another register's workbook: message", result.stderr.splitlines()[0],
               f"{foreign}[hmicfrs-track]:3:2: error: the workbook was written from another register, for Kingsmere "
               "Constabulary and its Joint Independent Audit Committee; this register is West Midlands Police's, for its "
               "Joint Audit Committee: collect it into the register chase wrote it from [returned-workbook]")
        expect("another register's workbook: register unchanged", snapshot(register), before)

        # Owners answer: two in openpyxl, one of those re-saved by LibreOffice, one saved as CSV by LibreOffice.
        fill(crime, {"peel-2021-22/AFI3": {"New rating": "Amber", "Update note": "Audit shows 82% compliance",
                                           "Date of update": datetime.datetime(2022, 3, 12)}})
        people = os.path.join(books, "director-of-people.xlsx")
        people_rows = check_workbook_shape(people, words)
        expect("people's findings", [(r[2], r[5]) for r in people_rows], [("peel-2021-22/NF6", "Green")])
        fill(people, {"peel-2021-22/NF6": {"New status": "Awaiting sign-off",
                                           "Update note": "Wellbeing plan delivered;\nevidence sent to HMICFRS",
                                           "Date of update": datetime.datetime(2022, 3, 14)}})
        contact = os.path.join(books, "chief-superintendent-force-contact.xlsx")
        contact_rows = check_workbook_shape(contact, words)
        expect("force contact's findings", [(r[2], r[5]) for r in contact_rows], [("peel-2021-22/AFI9", "Amber")])
        # A word in any case, and a date typed as text, day first.
        fill(contact, {"peel-2021-22/AFI9": {"New rating": "red", "Update note": "Call-back audit under way",
                                             "Date of update": "15/03/2022"}})
        resaved = os.path.join(scratch, "resaved")
        os.mkdir(resaved)
        libreoffice([people], "xlsx", resaved)
        libreoffice([contact], "csv:Text - txt - csv (StarCalc):44,34,76,1", resaved)
        os.remove(people)
        os.remove(contact)
        shutil.move(os.path.join(resaved, "director-of-people.xlsx"), people)
        csv = os.path.join(books, "chief-superintendent-force-contact.csv")
        shutil.move(os.path.join(resaved, "chief-superintendent-force-contact.csv"), csv)

        returned = sorted(glob.glob(os.path.join(books, "*")))
        result = run(binary, register, "collect", *returned)
        expect("collect: status", result.returncode, 0)
        expect("collect: stderr", result.stderr, "")
        out = result.stdout.split("\n")
        expect("collect: summary", out[0],
               "3 updates from 3 owners, 0 conflicts, 8 skipped (8 empty, 0 already applied)")
        expect("collect: commit message", out[-3:],
               ["Commit message:", f"Record 3 updates from 3 owners, collected {datetime.date.today().isoformat()}",
                ""])
        diff = [line for line in out[2:-3] if line]
        expect("collect: diff removes nothing", [line for line in diff if line.startswith("-")
                                                 and not line.startswith("--- a/")], [])
        added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++ b/")]
        expect("collect: lines added", added,
               ["      - date: 2022-03-12", "        rag: amber", "        note: Audit shows 82% compliance",
                "      - date: 2022-03-15", "        rag: red", "        note: Call-back audit under way",
                "      - date: 2022-03-14", "        status: awaiting-sign-off", "        note: |-",
                "          Wellbeing plan delivered;", "          evidence sent to HMICFRS"])
        after = snapshot(register)
        changed = sorted(name for name in after if after[name] != before.get(name))
        expect("collect: files changed", changed, sorted({PEEL}))
        # Read back: every finding as before but for its one new entry.
        old = yaml.safe_load(open(os.path.join(ROOT, "examples", "west-midlands", PEEL)))
        new = yaml.safe_load(open(os.path.join(register, PEEL)))
        grown = {}
        for was, now in zip(old["findings"], new["findings"]):
            if was != now:
                expect(f"{was['ref']}: only history grows", {**now, "history": was.get("history")}, was)
                expect(f"{was['ref']}: history kept", now["history"][:len(was.get("history", []))],
                       was.get("history", []))
                grown[was["ref"]] = now["history"][len(was.get("history", [])):]
        expect("collect: new entries", grown.get("AFI3"),
               [{"date": datetime.date(2022, 3, 12), "rag": "amber", "note": "Audit shows 82% compliance"}])
        expect("collect: findings updated", len(grown), 3)

        # The March 2022 paper shows them: the ratings moved in its window, the red one listed with its note.
        paper = json.loads(run(binary, register, "report", "--committee", "2022-03", "--format", "json").stdout)
        moves = {m["id"]: (m["from"], m["to"]) for m in paper["tracker"]["rag_moves"]}
        expect("the paper's moves", (moves.get("peel-2021-22/AFI3"), moves.get("peel-2021-22/AFI9")),
               (("red", "amber"), ("amber", "red")))
        red = {f["id"]: (f["latest_note"], f["latest_note_date"]) for f in paper["red"]}
        expect("the paper's red findings", (red.get("peel-2021-22/AFI9"), "peel-2021-22/AFI3" in red),
               (("Call-back audit under way", "2022-03-15"), False))

        # Again: all applied already.
        written = snapshot(register)
        result = run(binary, register, "collect", *returned)
        expect("collect again", (result.returncode, result.stdout.split("\n")[0]),
               (0, "0 updates from 0 owners, 0 conflicts, 11 skipped (8 empty, 3 already applied); nothing to write"))
        expect("collect again: unchanged", snapshot(register), written)

        # A conflict: AFI4 updated after its workbook was written, and its row filled in too.
        result = run(binary, register, "update", "peel-2021-22/AFI4", "--note", "Review findings due", "--date",
                     "2022-03-16")
        expect("update", result.returncode, 0)
        late = os.path.join(scratch, "late.xlsx")
        shutil.copy(crime, late)
        fill(late, {"peel-2021-22/AFI4": {"New rating": "Green", "Update note": "All done",
                                          "Date of update": datetime.datetime(2022, 3, 17)}})
        written = snapshot(register)
        result = run(binary, register, "collect", late)
        expect("conflict", (result.returncode, result.stdout, result.stderr),
               (0, "0 updates from 0 owners, 1 conflict, 2 skipped (1 empty, 1 already applied); nothing to write\n",
                f"{late}[Updates]:2:3: note: peel-2021-22/AFI3's last entry is this row's update: skipped, as "
                "already applied [returned-update]\n"
                f"{late}[Updates]:3:3: warning: peel-2021-22/AFI4 changed after the workbook was written (its last "
                "entry then: 2021-11-08); its last entry now, dated 2022-03-16 at "
                f"{register}/{PEEL}:179, says \"Review findings due\"; the row's update, Green: \"All done\", is not "
                "applied: if it still holds, record it with `hmicfrs-track update` [update-conflict]\n"
                "0 errors, 1 warning\n"))
        expect("conflict: unchanged", snapshot(register), written)

        # A formula as LibreOffice saves it: with its value, and its text.
        with_value = os.path.join(scratch, "formula-value")
        os.mkdir(with_value)
        source = os.path.join(scratch, "formula.xlsx")
        libreoffice([source], "xlsx", with_value)
        result = run(binary, register, "collect", os.path.join(with_value, "formula.xlsx"))
        expect("formula with a value", (result.returncode, result.stderr.splitlines()[0]),
               (1, f"{with_value}/formula.xlsx[Updates]:2:12: error: L2 (Update note): holds a formula "
                   "(=HYPERLINK(\"http://example.invalid/\",\"Click\")), which collect does not take: type the update "
                   "as text [returned-update]"))
        expect("formula with a value: unchanged", snapshot(register), written)

        # Ratings whose words are longer than a drop-down list of Excel's own holds (255 characters), one with a
        # comma: the list comes from a hidden sheet. And `chase -o FILE.xlsx`, every owner in one workbook.
        long_words = os.path.join(scratch, "long-words")
        shutil.copytree(os.path.join(ROOT, "examples", "west-midlands"), long_words)
        labels = ["Red: not on track, and the committee is told of it in full at every meeting until it is",
                  "Amber: on track, with some risk to delivery that the owner is managing, as the note says",
                  "Green: on track or delivered, with the evidence held by the owner for the inspectorate"]
        config_path = os.path.join(long_words, "hmicfrs-track.yaml")
        # Its ratings declared in place of the meanings it gives the usual ones.
        lines = open(config_path).read().split("\n")
        start = lines.index("rag:")
        del lines[start:lines.index("", start)]
        open(config_path, "w").write("\n".join(lines))
        with open(config_path, "a") as config:
            config.write("ratings:\n")
            for rating, label, colour in zip(["red", "amber", "green"], labels, ["red", "amber", "green"]):
                config.write(f"  - id: {rating}\n    label: \"{label}\"\n    meaning: {rating}\n    colour: {colour}\n")
                config.write("    attention: true\n" if rating == "red" else "")
        result = run(binary, long_words, "validate")
        expect("long words: valid", (result.returncode, result.stdout), (0, "0 errors, 0 warnings\n"))
        everyone = os.path.join(scratch, "everyone.xlsx")
        result = run(binary, long_words, "--as-of", AS_OF, "chase", "-o", everyone)
        expect("chase -o FILE.xlsx", (result.returncode, result.stderr), (0, ""))
        long_rows = check_workbook_shape(everyone, {**words, "New rating": ("list", "'Lists'!$A$1:$A$3")}, lists=True,
                                         rating="Rating")
        expect("every owner's findings in one workbook", len(long_rows), 11)
        book = openpyxl.load_workbook(everyone)
        expect("the lists sheet", (book["Lists"].sheet_state, [r[0] for r in book["Lists"].iter_rows(values_only=True)]),
               ("hidden", labels))
        fill(everyone, {"peel-2021-22/AFI3": {"New rating": labels[1], "Date of update": datetime.datetime(2022, 3, 12)}})
        before_long = snapshot(long_words)
        result = run(binary, long_words, "collect", everyone)
        expect("collect from one workbook of every owner", (result.returncode, result.stdout.split("\n")[0]),
               (0, "1 update from 1 owner, 0 conflicts, 10 skipped (10 empty, 0 already applied)"))
        expect("the long word recorded as its id",
               [line for line in result.stdout.split("\n") if line.startswith("+ ")],
               ["+      - date: 2022-03-12", "+        rag: amber"])
        after_long = snapshot(long_words)
        expect("long words: files changed", sorted(n for n in after_long if after_long[n] != before_long[n]), [PEEL])

    for problem in problems:
        print("FAIL: " + problem)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

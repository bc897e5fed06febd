#!/usr/bin/env python3
"""`chase` three weeks before the March 2022 meeting of the West Midlands example,
as the liaison officer would use it.

    chase_test.py BINARY

- Per owner, it lists exactly the findings the March 2022 paper shows as red,
  overdue or stale (taken from the paper's own JSON), plus those due by its
  cut-off and the unrated ones, and no other.
- `--format eml -o DIR` writes one message per owner that Python's `email`
  package parses: Date, From, Subject, a To for each owner the configuration
  gives an address, UTF-8 text naming each of the owner's findings; lines
  within 998 characters, CRLF endings. Written twice, the same bytes.
- DIR must be new or empty; without -o, or into the data directory, it is a
  usage error (exit 2), and nothing is written.
- Each message matches its golden in tests/golden-eml/west-midlands-2022-03-10/
  (rewritten with HMICFRS_UPDATE_GOLDEN=1).
- `-o FILE.xlsx` writes one workbook of every owner's findings, which python3-openpyxl opens (checked when it
  is installed); collect_test.py fills such workbooks in.
"""

import email
import email.policy
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
REGISTER = os.path.join(ROOT, "examples", "west-midlands")
AS_OF = "2022-03-10"
GOLDEN = os.path.join(ROOT, "tests", "golden-eml", "west-midlands-2022-03-10")


def run(binary, *args, check=True):
    result = subprocess.run([binary, "--data", REGISTER, "--as-of", AS_OF, *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"failed: {args}\n{result.stderr}")
    return result


def main():
    binary = sys.argv[1]
    problems = []
    chase = json.loads(run(binary, "chase", "--format", "json").stdout)
    if chase["meeting"] != "2022-03" or chase["until"] != "2022-03-31":
        problems.append(f"the window is not the March 2022 paper's: {chase['meeting']} until {chase['until']}")
    chased = {f["id"]: group["name"] for group in chase["groups"] for f in group["findings"]}

    # What the paper itself shows as red, overdue or stale, as of its cut-off.
    paper = json.loads(subprocess.run([binary, "--data", REGISTER, "report", "--committee", "2022-03", "--format",
                                       "json"], capture_output=True, text=True, check=True).stdout)
    listed = {f["id"] for f in paper["red"] + paper["tracker"]["overdue"] + paper["tracker"]["stale"]}
    if not listed:
        problems.append("the paper lists no red, overdue or stale finding: the test proves nothing")
    missing = listed - set(chased)
    if missing:
        problems.append(f"the paper shows these, but chase does not ask about them: {sorted(missing)}")
    for group in chase["groups"]:
        for f in group["findings"]:
            reasons = f["reasons"]
            if not any(reasons.values()):
                problems.append(f"{f['id']} is chased for no reason")
            if f["id"] not in listed and not (reasons["due_soon"] or reasons["unrated"]):
                problems.append(f"{f['id']} is chased, but the paper will not show it and it is neither due nor unrated")
            owner = f["owner"] or "Awaiting allocation"
            if owner != group["name"]:
                problems.append(f"{f['id']} is owned by {owner} but listed under {group['name']}")

    with tempfile.TemporaryDirectory() as scratch:
        first, second = os.path.join(scratch, "mail"), os.path.join(scratch, "again")
        written = run(binary, "chase", "--format", "eml", "-o", first).stdout
        run(binary, "chase", "--format", "eml", "-o", second)
        files = sorted(os.listdir(first))
        if written != f"{len(files)} messages written to {first}\n":
            problems.append(f"unexpected report of what was written: {written!r}")
        if len(files) != len(chase["groups"]):
            problems.append(f"{len(files)} messages for {len(chase['groups'])} owners")
        if os.environ.get("HMICFRS_UPDATE_GOLDEN") == "1":
            shutil.rmtree(GOLDEN, ignore_errors=True)
            shutil.copytree(first, GOLDEN)
        if sorted(os.listdir(GOLDEN)) != files:
            problems.append(f"the messages are {files}, the goldens {sorted(os.listdir(GOLDEN))}")
        for name in set(files) & set(os.listdir(GOLDEN)):
            if open(os.path.join(first, name), "rb").read() != open(os.path.join(GOLDEN, name), "rb").read():
                problems.append(f"{name} differs from its golden in {GOLDEN}")
        addresses = {"Assistant Chief Constable (Crime)": "acc.crime@example.org",
                     "Head of Public Protection": "public.protection@example.org"}
        seen_to = set()
        for name in files:
            raw = open(os.path.join(first, name), "rb").read()
            if raw != open(os.path.join(second, name), "rb").read():
                problems.append(f"{name} differs between two runs")
            if b"\n" in raw.replace(b"\r\n", b""):
                problems.append(f"{name}: a line does not end CRLF")
            if any(len(line) > 998 for line in raw.split(b"\r\n")):
                problems.append(f"{name}: a line is longer than 998 characters")
            message = email.message_from_bytes(raw, policy=email.policy.default)
            for header in ("Date", "From", "Subject", "Message-ID"):
                if not message[header]:
                    problems.append(f"{name}: no {header}")
            if message["From"] and message["From"].addresses[0].addr_spec != "hmicfrs.liaison@example.org":
                problems.append(f"{name}: From is {message['From']}")
            body = message.get_body(("plain",)).get_content()
            group = next((g for g in chase["groups"] if body.startswith(f"To {g['name']},")), None)
            if group is None:
                problems.append(f"{name}: the body does not open with an owner: {body[:60]!r}")
                continue
            for f in group["findings"]:
                if f"{f['id']}: " not in body:
                    problems.append(f"{name}: {f['id']} is not in the message")
            expected = addresses.get(group["name"])
            if expected:
                seen_to.add(group["name"])
                if not message["To"] or message["To"].addresses[0].addr_spec != expected:
                    problems.append(f"{name}: To is {message['To']}, not {expected}")
        if not seen_to:
            problems.append("no message went to an owner with an address: the To check proves nothing")

        # A directory that holds files, no -o, the data directory: refused, nothing written.
        refused = [run(binary, "chase", "--format", "eml", "-o", first, check=False),
                   run(binary, "chase", "--format", "eml", check=False),
                   run(binary, "chase", "--format", "eml", "-o", os.path.join(REGISTER, "mail"), check=False)]
        for result in refused:
            if result.returncode != 2 or not result.stderr:
                problems.append(f"not refused with exit 2: {result.args[5:]} gave {result.returncode}")
        if os.path.exists(os.path.join(REGISTER, "mail")):
            problems.append("a message directory was written into the register")
        if sorted(os.listdir(first)) != files:
            problems.append("a refused run changed the directory")

        try:
            import openpyxl
        except ImportError:
            openpyxl = None
        if openpyxl is not None:
            workbook = os.path.join(scratch, "chase.xlsx")
            run(binary, "chase", "-o", workbook)
            rows = list(openpyxl.load_workbook(workbook)["Updates"].iter_rows(values_only=True))
            if rows[0][:3] != ("Owner", "Email", "Finding"):
                problems.append(f"the workbook's header is {rows[0]}")
            if sorted(r[2] for r in rows[1:]) != sorted(chased):
                problems.append("the workbook's findings are not the chased ones")

    # The hostile register: owners with markup, accents and a formula's sign; every message still parses
    # to the headers written, and no more.
    hostile = os.path.join(ROOT, "tests", "fixtures", "hostile")
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "mail")
        result = subprocess.run([binary, "--data", hostile, "--as-of", AS_OF, "chase", "--format", "eml", "-o", out],
                                capture_output=True, text=True)
        if result.returncode != 0:
            problems.append(f"the hostile register's messages failed: {result.stderr}")
        names = sorted(os.listdir(out)) if os.path.isdir(out) else []
        if not names:
            problems.append("no message for the hostile register: the check proves nothing")
        for name in names:
            if not name.endswith(".eml") or "/" in name or name.startswith("."):
                problems.append(f"an odd file name: {name!r}")
            message = email.message_from_bytes(open(os.path.join(out, name), "rb").read(), policy=email.policy.default)
            headers = sorted(message.keys())
            allowed = {"Date", "From", "To", "Subject", "Message-ID", "X-Unsent", "MIME-Version", "Content-Type",
                       "Content-Transfer-Encoding"}
            if not set(headers) <= allowed or len(headers) != len(set(headers)):
                problems.append(f"{name}: unexpected headers {headers}")
            message.get_body(("plain",)).get_content()

    for problem in problems:
        print(problem)
    print(f"{len(chased)} findings for {len(chase['groups'])} owners; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Prints every meeting's paper of every bundled register to PDF with the
tool (report -o paper.pdf, which has headless Chromium print the HTML paper)
and checks what a committee member receives:

- A4 pages numbered "Page X of Y", the paper's running head on every page,
  the expected number of pages (give or take one), no date or file:// address
  from the browser (pdf_checks.py);
- the register's protective marking at the top and foot of every page, and
  nothing else in the margins of a register without one;
- no heading left at the foot of a page, and no page holding nothing but one
  bullet of a list;
- the PDF's CreationDate and ModDate (pdfinfo) are the meeting's date, at
  midnight UTC, and every D: date in the file is that day: no clock reaches it;
  every offset of its cross-reference table still points at its object; the
  same paper printed twice gives the same bytes (with the same Chromium).

    print_html_test.py BINARY
Exits 77 (skipped) when chromium or poppler-utils is missing."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import pdf_checks

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
# Register, meeting, pages expected.
PAPERS = [
    ("examples/west-midlands", "2021-12", 9),
    ("examples/west-midlands", "2022-03", 11),
    ("examples/four-colour", "2024-03", 4),
    ("examples/four-colour", "2024-06", 11),
    ("examples/minimal", "2022-03", 3),
    ("examples/old-style", "2017-06", 7),
    ("examples/old-style", "2017-09", 7),
    ("examples/pillar-era", "2017-06", 4),
    ("examples/pillar-era", "2018-03", 6),
]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    return None


def xref_problems(data):
    """Each in-use entry of the PDF's cross-reference table(s) against the object at its offset."""
    problems = []
    start = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
    if start is None:
        return ["no startxref at the end"]
    offset = int(start.group(1))
    if not data.startswith(b"xref", offset):
        return [f"startxref {offset} does not point at 'xref'"]
    position = offset + 4
    while True:
        header = re.compile(rb"\s*(\d+) (\d+)\s*").match(data, position)
        if header is None:
            break
        first, count = int(header.group(1)), int(header.group(2))
        position = header.end()
        for index in range(count):
            entry = data[position:position + 20]
            position += 20
            fields = entry.split()
            if len(fields) == 3 and fields[2] == b"n":
                at, generation = int(fields[0]), int(fields[1])
                if not re.match(rb"%d %d obj" % (first + index, generation), data[at:at + 24]):
                    problems.append(f"object {first + index} is not at offset {at}")
    return problems


def check_dates(pdf, day, problems):
    """pdfinfo's CreationDate and ModDate are `day` at midnight UTC, and no other D: date is in the file."""
    info = subprocess.run(["pdfinfo", "-isodates", pdf], check=True, capture_output=True, text=True)
    for key in ("CreationDate", "ModDate"):
        found = re.search(rf"^{key}:\s+(\S+)", info.stdout, re.M)
        if found is None or found.group(1) != f"{day}T00:00:00Z":
            problems.append(f"{key} {found.group(1) if found else 'missing'}, expected {day}T00:00:00Z")
    if info.stderr.strip():
        problems.append(f"pdfinfo complains: {info.stderr.strip()}")
    data = open(pdf, "rb").read()
    stamp = day.replace("-", "").encode()
    others = sorted({d.decode() for d in re.findall(rb"D:(\d{8})", data) if d != stamp})
    if others:
        problems.append(f"other dates in the file: {others}")
    problems += xref_problems(data)


def main():
    binary = os.path.abspath(sys.argv[1])
    if chromium() is None or shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        print("SKIPPED: needs chromium and poppler-utils (apt-get install chromium poppler-utils)")
        return 77
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        for register, meeting, expected in PAPERS:
            register = os.path.join(ROOT, register)
            name = f"{os.path.basename(register)}-{meeting}"
            pdf = os.path.join(work, name + ".pdf")

            def report(*more):
                return subprocess.run([binary, "--data", register, "report", "--committee", meeting, *more],
                                      check=True, capture_output=True, text=True).stdout

            paper = json.loads(report("--format", "json"))
            headings, items = pdf_checks.paper_text(report("--format", "html"))
            marking = pdf_checks.marking_of(register)
            report("-o", pdf)
            pages, text, problems = pdf_checks.pdf_problems(pdf, pdf_checks.running_head(paper), expected,
                                                            marking=marking, headings=headings, items=items)
            if "file://" in text:
                problems.append("a file:// address is printed")
            if re.search(r"\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}", text):
                problems.append("the browser's date and time are printed")
            check_dates(pdf, paper["meeting"]["date"], problems)
            if (register, meeting) == (os.path.join(ROOT, "examples/west-midlands"), "2022-03"):
                again = os.path.join(work, name + "-again.pdf")
                report("--format", "pdf", "-o", again)
                if open(pdf, "rb").read() != open(again, "rb").read():
                    problems.append("printed twice, the bytes differ")
            print(f"{name}: {pages} pages" + (f", marked {marking}" if marking else "")
                  + ("" if not problems else ": " + "; ".join(problems)))
            failures += len(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

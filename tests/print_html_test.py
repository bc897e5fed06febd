#!/usr/bin/env python3
"""Prints each bundled register's paper to PDF with headless Chromium, as the
README's recipe does, and checks what a committee member receives: A4 pages
numbered "Page X of Y", the paper's running head on every page, the expected
number of pages (give or take one), no date or file:// header from the
browser, and no numbered heading left alone at the foot of a page.

    print_html_test.py BINARY
Exits 77 (skipped) when chromium or pdftotext is missing."""

import os
import re
import shutil
import subprocess
import sys
import tempfile

import pdf_checks

# Register, meeting, running head, pages expected.
PAPERS = [
    ("examples/west-midlands", "2022-03", "HMICFRS Update · Joint Audit Committee · 31 March 2022 · Agenda item 08", 10),
    ("examples/four-colour", "2024-06",
     "HMICFRS Inspections and Recommendations · Joint Independent Audit Committee · 26 June 2024 · Agenda item 11", 11),
]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    return None


def main():
    binary = os.path.abspath(sys.argv[1])
    browser = chromium()
    if browser is None or shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        print("SKIPPED: needs chromium and poppler-utils (apt-get install chromium poppler-utils)")
        return 77
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        for register, meeting, head, expected in PAPERS:
            html = os.path.join(work, meeting + ".html")
            pdf = os.path.join(work, meeting + ".pdf")
            subprocess.run([binary, "--data", os.path.join(root, register), "report", "--committee", meeting,
                            "-o", html], check=True)
            # The README's recipe; --no-sandbox only because tests may run as root.
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            "--print-to-pdf=" + pdf, html], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=120)
            pages, text, problems = pdf_checks.pdf_problems(pdf, head, expected)
            if "file://" in text:
                problems.append("a file:// address is printed")
            if re.search(r"\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}", text):
                problems.append("the browser's date and time are printed")
            print(f"{register} {meeting}: {pages} pages" + ("" if not problems else ": " + "; ".join(problems)))
            failures += len(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

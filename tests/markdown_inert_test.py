#!/usr/bin/python3
"""The Markdown paper stays inert when pandoc converts it.

    markdown_inert_test.py BINARY REGISTER MEETING

Writes the meeting's paper from a register whose user text tries every known
way to make Markdown live (tests/fixtures/hostile-markdown/), converts it
with `pandoc -f markdown` and `pandoc -f gfm`, and parses the HTML: no
element may have an on...= attribute, and no href, src or other attribute
may hold a javascript:, data: or vbscript: address. Links to web and mail
addresses must survive. Exits 77 (skipped) when pandoc is missing.
"""

import html.parser
import shutil
import subprocess
import sys

if shutil.which("pandoc") is None:
    print("SKIP: pandoc is not installed (Debian: pandoc)")
    sys.exit(77)

binary, register, meeting = sys.argv[1:4]
paper = subprocess.run([binary, "--data", register, "report", "--committee", meeting, "--format", "md"],
                       capture_output=True, text=True, check=True).stdout


class Attributes(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []  # (tag, name, value)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            self.found.append((tag, name.lower(), (value or "").strip().lower()))


failures = []
for reader in ("markdown", "gfm"):
    converted = subprocess.run(["pandoc", "-f", reader, "-t", "html"], input=paper, capture_output=True, text=True,
                               check=True).stdout
    parser = Attributes()
    parser.feed(converted)
    for tag, name, value in parser.found:
        if name.startswith("on"):
            failures.append(f"{reader}: <{tag} {name}=...> is an event handler")
        if value.replace("\t", "").replace("\n", "").startswith(("javascript:", "data:", "vbscript:")):
            failures.append(f"{reader}: <{tag} {name}=\"{value}\"> is a live address")
    links = {value for tag, name, value in parser.found if tag == "a" and name == "href"}
    for kept in ("https://example.org/ok", "mailto:liaison@example.org"):
        if kept not in links:
            failures.append(f"{reader}: the link to {kept} was lost")
    print(f"{reader}: {len(parser.found)} attributes checked, links: {sorted(links)}")

for failure in failures:
    print(f"FAIL: {failure}", file=sys.stderr)
sys.exit(1 if failures else 0)

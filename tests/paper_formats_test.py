#!/usr/bin/env python3
"""Every format of the paper states the same answers, and its prose the numbers its tables show.

    paper_formats_test.py BINARY

For every meeting of every register in examples/, and for a copy of the
four-colour register whose amber is marked `attention` (so that the red
section lists red and amber findings):

- the Markdown, text, HTML, Word and JSON papers give the same numbered
  section titles, in the same order, and list the same findings in the red
  section; the tracker's total row (Markdown, text, HTML, Word, the Excel
  tracker) and the JSON's tracker total are `rag --as-of CUT-OFF`'s total;
- the JSON's red, overdue and stale findings are those `list` gives at the
  cut-off (`--open --rag` the ratings marked `attention`, `--overdue`,
  `--stale`), but for the repeats it shows with an earlier finding's state;
- in the Markdown paper, each count the prose states, numbers in words
  included, is the number its table shows: the tracker's sentence against the
  total row and the table by status, the movement's sentence against its
  tables, the overdue and red counts against their lists, the PEEL findings'
  and each reviewed report's sentence against their tables, reports published
  against their list; and each report's "% complete" is its done findings'
  share of its findings.

Exits 77 (skipped) when python3-docx or python3-openpyxl is missing."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import docx
    import openpyxl
except ImportError:
    print("SKIP: python3-docx and python3-openpyxl are needed")
    sys.exit(77)

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CLOSED_STATUSES = ("closed", "achieved", "superseded", "declined", "not-monitored")  # SPEC §2: closed, however
ID = re.compile(r"^([a-z0-9][a-z0-9-]*/[A-Za-z0-9-]+)")

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number(word):
    """A count as a paper writes it ("thirty-three", "none", "no", "12") as a number."""
    word = word.lower()
    if word in ("no", "none"):
        return 0
    if word.isdigit():
        return int(word)
    if word in UNITS:
        return UNITS.index(word)
    tens, _, unit = word.partition("-")
    return TENS.index(tens) * 10 + (UNITS.index(unit) if unit else 0)


NUMBER = r"(no|none|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|[a-z]+teen|one|two|" \
         r"three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def run(binary, *args, env=None):
    result = subprocess.run([binary, *args], capture_output=True, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: exit {result.returncode}: {result.stderr.decode()}")
    return result.stdout.decode("utf-8")


# ---- Each format read as blocks: ("h2" | "h3" | "p" | "table", text or rows), in order.

def markdown_blocks(text):
    blocks = []
    for line in text.splitlines():
        if line.startswith("## "):
            blocks.append(("h2", line[3:]))
        elif line.startswith("### "):
            blocks.append(("h3", line[4:]))
        elif line.startswith("| "):
            cells = [c.strip().replace("\\", "") for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])]
            if all(re.fullmatch(r"-+:?|:?-+", c) for c in cells):
                continue
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(cells)
            else:
                blocks.append(("table", [cells]))
        elif line.strip():
            blocks.append(("p", line.replace("\\", "")))
    return blocks


def html_blocks(text):
    blocks = []
    for level, body in re.findall(r"<(h2|h3|p|tr)[^>]*>(.*?)</\1>", text, re.S):
        if level == "tr":
            cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", body, re.S)]
            cells = [c.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", '"') for c in cells]
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(cells)
            else:
                blocks.append(("table", [cells]))
        else:
            plain = re.sub(r"<[^>]+>", "", body).replace("&amp;", "&").replace("&#39;", "'").strip()
            blocks.append((level, plain))
    return blocks


def word_blocks(path):
    document = docx.Document(path)
    body = document.element.body
    blocks = []
    paragraphs = {p._p: p for p in document.paragraphs}
    tables = {t._tbl: t for t in document.tables}
    for child in body.iterchildren():
        if child in paragraphs:
            p = paragraphs[child]
            style = p.style.name
            kind = "h2" if style == "Heading 2" else "h3" if style == "Heading 3" else "p"
            if p.text.strip():
                blocks.append((kind, p.text.strip()))
        elif child in tables:
            blocks.append(("table", [[c.text.strip() for c in row.cells] for row in tables[child].rows]))
    return blocks


def text_titles(text):
    """The text paper's section titles: a line "N. Title" underlined with dashes."""
    lines = text.splitlines()
    return [line for i, line in enumerate(lines[:-1])
            if re.match(r"^\d+\. [A-Z]", line) and re.fullmatch(r"-+", lines[i + 1])]


def text_total_row(text, section_title):
    """The first "Total" row after the section's title, as numbers."""
    lines = text.splitlines()
    start = lines.index(section_title)
    for line in lines[start:]:
        if line.startswith("Total "):
            return [int(v) for v in line.split()[1:]]
    return None


def paper_names(register):
    """The names the paper gives findings of reports with a `short_name` ("Custody 2019 Recommendation 2"), to their
    ids: the short name, the type's label and the ref without its leading letters, as docs/data-format.md says."""
    import yaml
    labels = {"cause-of-concern": "Cause of concern", "recommendation": "Recommendation", "afi": "AFI",
              "not-formal": "Not formal"}
    names = {}
    for folder, _, files in os.walk(os.path.join(register, "inspections")):
        for name in files:
            if not name.endswith((".yaml", ".yml")):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                inspection = yaml.safe_load(f)
            if not inspection.get("short_name"):
                continue
            for finding in inspection.get("findings") or []:
                ref = str(finding["ref"])
                m = re.match(r"^[A-Za-z]+[-.]?(\d.*)$", ref)
                number = m.group(1) if m else ref
                names[f"{inspection['short_name']} {labels[finding['type']]} {number}"] = f"{inspection['id']}/{ref}"
    return names


def named_id(heading, names):
    """The finding a heading "name: title" or "id: title" names."""
    m = ID.match(heading)
    if m:
        return m.group(1)
    return next((names[n] for n in sorted(names, key=len, reverse=True) if heading.startswith(n + ": ")), None)


def text_red_ids(text, section_title, names):
    lines = text.splitlines()
    start = lines.index(section_title)
    out = []
    for line in lines[start + 1:]:
        m = re.match(r"^\d+\.\d+\. (.*)$", line)
        if m and named_id(m.group(1), names):
            out.append(named_id(m.group(1), names))
    return out


# ---- What the blocks say

def sections(blocks):
    """The blocks by numbered section title, in order."""
    out = {}
    current = None
    for kind, value in blocks:
        if kind == "h2" and re.match(r"^\d+\. ", value):
            current = value
            out[current] = []
        elif current is not None:
            out[current].append((kind, value))
    return out


def section_of(by_title, section_id, titles_by_id):
    return by_title[titles_by_id[section_id]]


def red_ids(blocks, names):
    headings = [re.sub(r"^\d+\.\d+\. ", "", v) for k, v in blocks if k == "h3" and re.match(r"^\d+\.\d+\. ", v)]
    return [named_id(h, names) for h in headings if named_id(h, names)]


def first_table_after(blocks, predicate):
    seen = False
    for kind, value in blocks:
        if seen and kind == "table":
            return value
        if not seen and predicate(kind, value):
            seen = True
    return None


def reviewed_findings(blocks, sentence):
    """The findings a report under review gives after its counting sentence, each a block of fields, as a table of
    its name and rating: a cause of concern ("See its recommendations") or a repeat ("Tracked as") marked as such."""
    table = [["Finding", "Rating"]]
    after = blocks[blocks.index(("p", sentence)) + 1:]
    for kind, value in after:
        if kind in ("h2", "h3"):
            break
        m = re.match(r"^- \*\*Finding:\*\* (.*)$", value)
        if m:
            table.append([m.group(1), ""])
        m = re.match(r"^- \*\*Rating:\*\* (.*)$", value)
        if m and len(table) > 1:
            rating = m.group(1)
            table[-1][1] = rating
            if rating == "See its recommendations":
                table[-1][0] = "Cause of concern: " + table[-1][0]
        if re.match(r"^- \*\*Links:\*\* Repeats ", value) and len(table) > 1:
            table[-1][0] += " (tracked as an earlier finding)"
    return table


def total_row(table):
    return [int(v) for v in next(r for r in table if r[0] == "Total")[1:] if v != ""]


def as_at_only(register, window):
    """(id, date) of each finding whose every entry in the window gives a state as at a date (`as_at`)."""
    import yaml
    found = []
    after, until = window["after"] or "0000", window["until"]
    for folder, _, files in os.walk(os.path.join(register, "inspections")):
        for name in sorted(files):
            if not name.endswith(".yaml"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                inspection = yaml.safe_load(f)
            for finding in inspection.get("findings") or []:
                entries = [e for e in finding.get("history") or []
                           if after < str(e.get("date", e.get("as_at"))) <= until]
                if entries and all("as_at" in e for e in entries):
                    found.append((f"{inspection['id']}/{finding['ref']}", str(entries[-1]["as_at"])))
    return found


def no_dated_as_at(name, markdown, register, window, problems):
    """No line of the paper says a state known only as at a day happened on it ("Rated on 8 June 2017")."""
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    only = as_at_only(register, window)
    for when in sorted({when for _, when in only}):
        y, m, d = when.split("-")
        words = f"{int(d)} {months[int(m) - 1]} {y}"
        findings = [finding for finding, day in only if day == when]
        for line in markdown.splitlines():
            if any(finding in line for finding in findings) or line.startswith(("- **Why ", "- **Latest update")):
                for said in ("Rated on " + words, "Updated on " + words, "**Latest update:** " + words):
                    if said in line:
                        problems.append(f"{name}: a state known only as at {words} is told as dated: {line!r}")


class Case:
    def __init__(self, binary, register, meeting, work):
        self.name = f"{os.path.basename(register)} {meeting}"
        self.binary, self.register, self.meeting, self.work = binary, register, meeting, work
        self.problems = []

    def report(self, *args, env=None):
        return run(self.binary, "--data", self.register, "report", "--committee", self.meeting, *args, env=env)

    def check(self, what, got, expected):
        if got != expected:
            self.problems.append(f"{self.name}: {what}: {got!r}, expected {expected!r}")

    def run(self):
        paper = json.loads(self.report("--format", "json"))
        titles = [f"{s['number']}. {s['title']}" for s in paper["sections"]]
        titles_by_id = {s["id"]: f"{s['number']}. {s['title']}" for s in paper["sections"]}
        cut_off = paper["meeting"]["cut_off"]
        rag = json.loads(run(self.binary, "--data", self.register, "rag", "--as-of", paper["as_of"], "--format", "json"))
        # The counts give the ratings' ids first, in the vocabulary's order, then "unrated".
        keys = list(rag["total"])
        ratings = keys[:keys.index("unrated")]
        # The total row of a table by rating: open ratings (those of both kinds among them), unrated, open, closed
        # ratings, closed, total.
        marks = {r["id"]: r["marks"] for r in rag.get("ratings", [])}
        open_ratings = [r for r in ratings if marks.get(r, "open") in ("open", "both")]
        closed_ratings = [r for r in ratings if marks.get(r) in ("closed", "both")]
        t = rag["total"]
        # A rating of both kinds has a column on each side: its open findings, then its closed ones.
        closed_of = t.get("closed_by_rating", {})
        expected_row = [t[r] - closed_of.get(r, 0) for r in open_ratings] + [t["unrated"], t["open"]] + \
                       [closed_of[r] if marks.get(r) == "both" else t[r] for r in closed_ratings] + \
                       [t["closed"], t["total"]]
        if paper["as_of"] != cut_off:
            self.problems.append(f"{self.name}: the paper is as of {paper['as_of']}, its cut-off {cut_off}")
        if "tracker" in paper:
            self.check("JSON tracker total", paper["tracker"]["total"], rag["total"])
            for flag in ("overdue", "stale"):
                self.check(f"JSON tracker {flag}", [f["id"] for f in paper["tracker"][flag]],
                           self.listed(paper["as_of"], f"--{flag}"))
        json_red = [f["id"] for f in paper.get("red", [])]
        # The red section lists, after the outstanding ones, the closed findings so rated, not to be implemented.
        json_red_listed = json_red + [f["id"] for f in paper.get("red_not_implemented", [])]
        names = paper_names(self.register)
        if "red" in paper:
            # A register that declares no ratings has the default ones, of which red needs attention.
            attention = self.attention_ids() or ["red"]
            self.check("JSON red findings and list's", json_red,
                       self.listed(paper["as_of"], "--open", "--rag", ",".join(attention)))

        md_text = self.report("--format", "md")
        md = markdown_blocks(md_text)
        no_dated_as_at(self.name, md_text, self.register, paper["window"], self.problems)
        html = html_blocks(self.report("--format", "html"))
        word_path = os.path.join(self.work, "paper.docx")
        self.report("-o", word_path)
        word = word_blocks(word_path)
        text = self.report("--format", "text", env={**os.environ, "COLUMNS": "400"})
        for fmt, blocks in (("Markdown", md), ("HTML", html), ("Word", word)):
            by_title = sections(blocks)
            self.check(f"{fmt} section titles", list(by_title), titles)
            if "red" in titles_by_id:
                self.check(f"{fmt} red findings", red_ids(section_of(by_title, "red", titles_by_id), names),
                           json_red_listed)
            if "tracker" in titles_by_id:
                tracker = section_of(by_title, "tracker", titles_by_id)
                table = next(v for k, v in tracker if k == "table")
                self.check(f"{fmt} tracker total row", total_row(table), expected_row)
        self.check("text section titles", text_titles(text), titles)
        if "red" in titles_by_id:
            self.check("text red findings", text_red_ids(text, titles_by_id["red"], names), json_red_listed)
        if "tracker" in titles_by_id:
            self.check("text tracker total row", text_total_row(text, titles_by_id["tracker"]), expected_row)
        workbook = openpyxl.load_workbook(self.report_to("tracker.xlsx"))
        if "tracker" in titles_by_id:
            rows = [list(r) for r in workbook["By portfolio"].iter_rows(values_only=True)]
            self.check("Excel tracker total row", [v for v in next(r for r in rows if r[0] == "Total")[1:]],
                       expected_row)
        if "red" in titles_by_id:
            priorities = {g["label"] for g in paper["tracker"]["by_priority"]} if "tracker" in paper else set()
            red_sheet = [s for s in workbook.sheetnames if s not in ("By portfolio", "By status", "By report",
                                                                    "Overdue", "Stale")
                         and not s.startswith("By ") and s not in priorities]
            self.check("Excel red sheets", len(red_sheet), 1)
            ids = [r[0] for r in workbook[red_sheet[0]].iter_rows(min_row=2, values_only=True)]
            self.check("Excel red findings", ids, json_red_listed)
        self.prose_against_tables(sections(md), titles_by_id, paper, names)

    def listed(self, as_of, *filters):
        """The ids `list` gives at the paper's date, but for the repeats it shows with an earlier finding's state."""
        found = json.loads(run(self.binary, "--data", self.register, "list", "--as-of", as_of, *filters,
                               "--format", "json"))["findings"]
        return [f["id"] for f in found if "tracked_as" not in f]

    def attention_ids(self):
        """The ratings the register marks `attention`, read from its configuration's text."""
        with open(os.path.join(self.register, "hmicfrs-track.yaml"), encoding="utf-8") as f:
            text = f.read()
        return re.findall(r"- id: (\S+)\n(?:    [^\n]*\n)*?    attention: true", text)

    def report_to(self, name):
        path = os.path.join(self.work, name)
        self.report("-o", path)
        return path

    def prose_against_tables(self, by_title, titles_by_id, paper, names):
        """Each count the Markdown prose states against its table's."""
        if "tracker" in titles_by_id:
            self.tracker_prose(section_of(by_title, "tracker", titles_by_id), paper, names)
        if "red" in titles_by_id:
            blocks = section_of(by_title, "red", titles_by_id)
            said = next(v for k, v in blocks if k == "p" and "assessed" in v)
            m = re.match(rf"^{NUMBER} outstanding findings? (?:is|are) assessed", said, re.I)
            count = number(m.group(1)) if m else 0
            closed = next((v for k, v in blocks if k == "p" and "will not be implemented" in v), "")
            m = re.match(rf"^{NUMBER} declined findings? (?:is|are) assessed", closed, re.I)
            count += number(m.group(1)) if m else 0
            self.check("red: the count the prose gives", count, len(red_ids(blocks, names)))
        if "peel" in titles_by_id and paper["peel"] and paper["peel"]["findings"]:
            blocks = section_of(by_title, "peel", titles_by_id)
            sentences = [v for k, v in blocks if k == "p" and re.match(r"^Of the report(?:s'|'s) ", v)]
            self.check("PEEL: sentences counting its findings", len(sentences), 1)
            for value in sentences:
                m = re.match(rf"^Of the report(?:s'|'s) {NUMBER} findings?", value)
                table = first_table_after(blocks, lambda k, v: v == value)
                self.check("PEEL: findings said and listed", number(m.group(1)), len(table) - 1)
                self.counts_sentence(f"PEEL: {value}", value, table, paper["peel"]["findings_counts"])
        if "review" in titles_by_id:
            blocks = section_of(by_title, "review", titles_by_id)
            sentences = [v for k, v in blocks
                         if k == "p" and re.match(rf"^(?:Published [^.]*\. )?{NUMBER} findings?\b", v, re.I)]
            self.check("review: sentences counting findings", len(sentences), len(paper["review"]))
            for value, report in zip(sentences, paper["review"]):
                m = re.match(rf"^(?:Published [^.]*\. )?{NUMBER} findings?\b", value, re.I)
                self.check(f"review: findings of {report['id']} said", number(m.group(1)), len(report["findings"]))
                if report["findings"]:
                    table = reviewed_findings(blocks, value)
                    # The prose counts open findings by rating: a closed one's rating is not among them.
                    for row, finding in zip(table[1:], report["findings"]):
                        if finding["status"] not in ("open", "awaiting-sign-off"):
                            row[1] = ""
                    self.check(f"review: findings of {report['id']} listed", len(table) - 1, len(report["findings"]))
                    self.counts_sentence(f"review: {value}", value, table, report["counts"])
        if "published" in titles_by_id:
            blocks = section_of(by_title, "published", titles_by_id)
            said = blocks[0][1] if blocks and blocks[0][0] == "p" else ""
            m = re.match(rf"^Since the last committee, {NUMBER} reports? (?:has|have) been published", said)
            listed = len(paper.get("published", [])) + len(paper.get("published_peel", []))
            self.check("published: the count the prose gives", number(m.group(1)) if m else 0, listed)

    def counts_sentence(self, what, sentence, findings_table, counts):
        """ "N open (...) and M closed (...)" against query's counts and a findings table's rating column."""
        m = re.search(rf"{NUMBER} open(?: \(([^)]*)\))? and {NUMBER} closed", sentence)
        if not m:
            self.problems.append(f"{self.name}: {what}: no counts")
            return
        self.check(f"{what}: open", number(m.group(1)), counts["open"])
        self.check(f"{what}: closed", number(m.group(3)), counts["closed"])
        header = findings_table[0]
        column = header.index("RAG") if "RAG" in header else header.index("Rating")
        title = header.index("Title") if "Title" in header else header.index("Finding")
        # A finding counted elsewhere says so in its title, and is not in the counts.
        words = [row[column].lower() for row in findings_table[1:] if not row[title].endswith("counted there)")
                 and "(tracked as " not in row[title] and not row[title].startswith("Cause of concern:")
                 and not row[title].endswith("(counted through its recommendations)")]
        said = 0
        for part in (m.group(2) or "").split(", "):
            if not part:
                continue
            n, _, rating = part.partition(" ")
            if rating == "not yet rated":
                rating = "unrated"
            said += number(n)
            self.check(f"{what}: {rating}", number(n), words.count(rating))
        self.check(f"{what}: open by rating add up", said, counts["open"])

    def tracker_prose(self, blocks, paper, names):
        said = next(v for k, v in blocks if k == "p" and "the register holds" in v)
        m = re.search(rf"holds {NUMBER} findings?(?: \(([^)]*)\))?: {NUMBER} open(?: \(([^)]*)\))? and {NUMBER} closed"
                      rf"(?: \(([^)]*)\))?", said)
        if not m:
            self.problems.append(f"{self.name}: tracker: the sentence {said!r} does not read as counts")
            return
        total, not_formal, opened, open_parts, closed, closed_parts = m.groups()
        table = next(v for k, v in blocks if k == "table")
        header, row = table[0], next(r for r in table if r[0] == "Total")
        cell = {h: int(v) for h, v in zip(header[1:], row[1:])}
        self.check("tracker: findings said and totalled", number(total), cell["Total"])
        self.check("tracker: open said and totalled", number(opened), cell["Open"])
        self.check("tracker: closed said and totalled", number(closed), cell["Closed"])
        self.check("tracker: not-formal items said", number(re.match(NUMBER, not_formal or "no").group(1)),
                   paper["tracker"]["total"]["not_formal"])
        labels = {h.lower(): h for h in header[1:]}
        for part in (open_parts or "").split(", "):
            if part:
                n, _, rating = part.partition(" ")
                key = "unrated" if rating == "not yet rated" else rating
                self.check(f"tracker: {rating} said and totalled", number(n), cell[labels[key]])
        # The table by status: its rows add up to its total and to the findings; those of the closed statuses to the
        # closed, each as the prose's breakdown says ("three closed, two not monitored") and as query counted.
        by_status = first_table_after(blocks, lambda k, v: k == "h3" and v == "By status")
        statuses = {r[0]: int(r[1]) for r in by_status[1:] if r[0] != "Total"}
        status_total = int(next(r for r in by_status if r[0] == "Total")[1])
        self.check("by status: rows add up to the total", sum(statuses.values()), status_total)
        self.check("by status: total and findings", status_total, cell["Total"])
        labels_by_key = {g["key"]: g["label"] for g in paper["tracker"]["by_status"]}
        closings = paper["tracker"]["total"]["closed_by_status"]
        self.check("by status: the closed statuses' rows and the closed said",
                   sum(statuses.get(labels_by_key[k], 0) for k in CLOSED_STATUSES if k in labels_by_key),
                   number(closed))
        said_ways = {}
        for group in (closed_parts or "").split("; "):
            for part in group.split(", ") if group else []:
                n, _, word = part.partition(" ")
                said_ways[word] = number(n)
        for key, n in closings.items():
            label = labels_by_key[key]
            self.check(f"by status: {label} and the JSON", statuses.get(label), n)
            if len(closings) > 1 or key != "closed":
                self.check(f"tracker: {label} said", said_ways.get(label[0].lower() + label[1:]), n)
        # The table by report: its rows add up to its total; "Done" is what query counted as done; "% complete" its
        # share of the report's findings.
        by_report = first_table_after(blocks, lambda k, v: k == "h3" and v == "By report")
        head = by_report[0]
        rows = [r for r in by_report[1:] if r[0] != "Total"]
        total_row_ = next(r for r in by_report if r[0] == "Total")
        for column in ("Findings", "Open", "Closed", "Done"):
            self.check(f"by report: {column} adds up", sum(int(r[head.index(column)]) for r in rows),
                       int(total_row_[head.index(column)]))
        self.check("by report: findings totalled", int(total_row_[head.index("Findings")]), cell["Total"])
        self.check("by report: done", int(total_row_[head.index("Done")]), paper["tracker"]["total"]["completed"])
        for r, group in zip(rows, paper["tracker"]["by_report"]):
            findings, done = int(r[head.index("Findings")]), int(r[head.index("Done")])
            self.check(f"by report: done of {group['key']}", done, group["completed"])
            share = f"{(100 * done + findings // 2) // findings}%" if findings else "-"
            self.check(f"by report: % complete of {group['key']}", r[head.index("% complete")], share)

        opening = r"^Since the last committee(?:, counting the changes the register dates)?:"
        movement = next(v for k, v in blocks if k == "p" and re.match(opening, v))
        m = re.match(rf"{opening} {NUMBER} findings? added; {NUMBER} ratings? changed(?: \([^)]*\))?; "
                     rf"{NUMBER} closed", movement)
        if not m:
            self.problems.append(f"{self.name}: movement: {movement!r} does not read as counts")
            return
        added, moved, closed_now = (number(g) for g in m.groups())
        self.check("movement: added said and in the JSON", added, len(paper["tracker"]["new"]))
        self.check("movement: ratings changed said and in the JSON", moved,
                   sum(m["count"] for m in paper["tracker"]["rag_move_counts"]))
        after = [b for b in blocks[blocks.index(("p", movement)) + 1:]]
        until_heading = after[:next((i for i, b in enumerate(after) if b[0] == "h3"), len(after))]
        moves = [v for k, v in until_heading if k == "table" and v[0][:4] == ["Finding", "From", "To", "Title"]]
        self.check("movement: ratings changed said and listed", moved, len(moves[0]) - 1 if moves else 0)
        self.check("movement: the re-rated findings listed and in the JSON",
                   [names.get(r[0], r[0]) for r in moves[0][1:]] if moves else [],
                   [m["id"] for m in paper["tracker"]["rag_moves"]])
        closures = first_table_after(blocks, lambda k, v: k == "h3" and v == "Closed since the last committee")
        listed = len(closures) - 1 if closures and closures[0][1] == "Now" else 0
        self.check("movement: closed said and listed", closed_now, listed)
        self.check("movement: the closed findings listed and in the JSON",
                   [names.get(r[0], r[0]) for r in closures[1:]] if listed else [],
                   [c["id"] for c in paper["tracker"]["closed"]])
        # States recorded only as at a date: the sentence's count is the answer's, and none of those findings is
        # among the changes unless a dated entry of the window changed it.
        as_at = next((v for k, v in blocks if k == "p" and v.startswith("The state")), "")
        m = re.match(rf"^The states? of {NUMBER} findings? (?:was|were) recorded as at", as_at)
        self.check("movement: states recorded as at a date, said and in the JSON", number(m.group(1)) if m else 0,
                   sum(c["count"] for c in paper["tracker"]["recorded_as_at"]))
        told = {c["id"] for key in ("rag_moves", "closed", "allocated", "targets_moved") for c in paper["tracker"][key]}
        told |= set(paper["tracker"]["new"])
        for finding, when in as_at_only(self.register, paper["window"]):
            if finding in told:
                self.problems.append(f"{self.name}: {finding}, known only as at {when} in the window, is told as a change")

        overdue = next((v for k, v in blocks if k == "p" and "past" in v and "due date" in v), "")
        m = re.match(rf"^{NUMBER} open findings? (?:is|are) past", overdue, re.I)
        if not m and overdue != "No open finding is past its due date.":
            self.problems.append(f"{self.name}: overdue: {overdue!r} does not read as a count")
        said_overdue = number(m.group(1)) if m else 0
        self.check("overdue: said and in the JSON", said_overdue, len(paper["tracker"]["overdue"]))


def cases(work):
    registers = []
    for name in sorted(os.listdir(os.path.join(ROOT, "examples"))):
        path = os.path.join(ROOT, "examples", name)
        if os.path.exists(os.path.join(path, "committees.yaml")):
            registers.append(path)
    # Four colours with amber needing attention too: the red section lists red and amber.
    amber = os.path.join(work, "four-colour-amber-attention")
    shutil.copytree(os.path.join(ROOT, "examples", "four-colour"), amber)
    config = os.path.join(amber, "hmicfrs-track.yaml")
    with open(config, encoding="utf-8") as f:
        text = f.read()
    marked = text.replace("  - id: amber\n", "  - id: amber\n    attention: true\n")
    assert marked != text
    with open(config, "w", encoding="utf-8") as f:
        f.write(marked)
    registers.append(amber)
    for register in registers:
        with open(os.path.join(register, "committees.yaml"), encoding="utf-8") as f:
            for meeting in re.findall(r"^\s*- id: (\S+)", f.read(), re.M):
                yield register, meeting


def main():
    binary = os.path.abspath(sys.argv[1])
    problems = []
    with tempfile.TemporaryDirectory() as work:
        checked = []
        for register, meeting in cases(work):
            case = Case(binary, register, meeting, work)
            try:
                case.run()
            except (RuntimeError, StopIteration, ValueError, KeyError, AttributeError, TypeError) as error:
                if os.environ.get("DEBUG"):
                    raise
                case.problems.append(f"{case.name}: {type(error).__name__}: {error}")
            problems += case.problems
            checked.append(case.name)
        amber_title = next(s["title"] for s in json.loads(
            run(binary, "--data", os.path.join(work, "four-colour-amber-attention"), "report", "--committee",
                "2024-06", "--format", "json"))["sections"] if s["id"] == "red")
        if amber_title != "Outstanding findings assessed red or amber":
            problems.append(f"four colours, amber marked: the red section is titled {amber_title!r}")
    for problem in problems:
        print("FAIL: " + problem)
    print(f"{len(checked)} papers: {', '.join(checked)}; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

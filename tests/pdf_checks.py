"""What a committee member receives, read back from a paper printed to PDF
(with poppler-utils): A4 pages numbered "Page X of Y", the running head on
every page, the expected number of pages give or take one, the section
headings in order, the protective marking at the top and foot of every page
(and none where the register has none), no heading alone at the foot of a
page, and no page holding nothing but one bullet of a list. Shared by the
HTML and Word print tests.

Each page's lines are read with their places (pdftotext -bbox-layout): those
in the top margin are its header, those in the bottom margin its footer, and
the rest its body."""

import datetime
import html.parser
import os
import re
import subprocess
import xml.etree.ElementTree as ElementTree

XHTML = "{http://www.w3.org/1999/xhtml}"
# The page's margins as the papers set them (HTML: 20 mm at the top, 18 mm at the foot; Word: 20 mm), in points,
# less a little, so that the body's first and last lines are never taken for the header or footer.
TOP_BAND = 54.0
FOOT_BAND = 48.0
BULLETS = "•◦▪‣∙·-"


def marking_of(register):
    """The register's protective marking (hmicfrs-track.yaml's top-level `marking`), or ''."""
    with open(os.path.join(register, "hmicfrs-track.yaml"), encoding="utf-8") as config:
        found = re.search(r"^marking:\s*(\S[^#\n]*?)\s*(#.*)?$", config.read(), re.M)
    return found.group(1) if found else ""


def running_head(paper):
    """The running head a paper prints, from its JSON: title, committee, meeting date and agenda item."""
    day = datetime.date.fromisoformat(paper["meeting"]["date"])
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    head = f"{paper['title']} · {paper['committee']} · {day.day} {months[day.month - 1]} {day.year}"
    return head + (f" · Agenda item {paper['meeting']['agenda_item']}" if paper["meeting"]["agenda_item"] else "")


def section_titles(text):
    """The numbered section headings ("3. Inspection activity ...") in the order they appear."""
    return [line.strip() for line in text.splitlines() if re.match(r"^\d+\. \S", line.strip())]


def normal(text):
    """Text with its white space collapsed and list markers taken off, as it reads on a page."""
    words = [word for word in text.split() if word.strip(BULLETS)]
    return " ".join(words)


class PaperText(html.parser.HTMLParser):
    """The headings and list items of an HTML paper, as text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings, self.items = [], []
        self._open = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3", "h4", "li"):
            self._open, self._text = tag, []

    def handle_endtag(self, tag):
        if tag == self._open:
            (self.items if tag == "li" else self.headings).append(normal("".join(self._text)))
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._text.append(data)


def paper_text(html_text):
    """(headings, list items) of an HTML paper."""
    parser = PaperText()
    parser.feed(html_text)
    return parser.headings, parser.items


def page_lines(pdf):
    """Each page's height and its lines, as (top, bottom, text), top to bottom."""
    layout = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True, capture_output=True,
                            text=True).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", layout))
    pages = []
    for page in root.iter(f"{XHTML}page"):
        lines = []
        for line in page.iter(f"{XHTML}line"):
            text = " ".join(word.text or "" for word in line.iter(f"{XHTML}word"))
            lines.append((float(line.get("yMin")), float(line.get("yMax")), text))
        lines.sort(key=lambda line: (line[0], line[1]))
        pages.append((float(page.get("height")), lines))
    return pages


def rows(lines):
    """Lines side by side (a table's cells, a footer's parts) joined into one row each, top to bottom."""
    out = []
    for top, bottom, text in lines:
        if out and top < out[-1][1] - 2:
            out[-1] = (out[-1][0], max(out[-1][1], bottom), out[-1][2] + " " + text)
        else:
            out.append((top, bottom, text))
    return [normal(text) for _, _, text in out]


def holds(band, phrase):
    """Whether the words of `phrase` are among the band's text, whole."""
    return re.search(r"(?<!\S)" + re.escape(phrase) + r"(?!\S)", band) is not None


def layout_problems(pdf, head, marking=None, headings=(), items=()):
    """The pages' header, footer and body against what each must hold: the running head and the marking above,
    "Page X of Y" and the marking below (nothing else in the margins when `marking` is empty; not checked when
    it is None), no heading as the body's last line but on the last page, and no body that is one of `items`
    alone."""
    problems = []
    pages = page_lines(pdf)
    headings = {normal(h) for h in headings if normal(h)}
    items = {normal(i) for i in items if normal(i)}
    for number, (height, lines) in enumerate(pages, start=1):
        top = " ".join(text for start, _, text in lines if start < TOP_BAND)
        foot = " ".join(text for _, end, text in lines if end > height - FOOT_BAND)
        body = rows([line for line in lines if line[0] >= TOP_BAND and line[1] <= height - FOOT_BAND])
        if not holds(top, head):
            problems.append(f"page {number} has no running head")
        if not holds(foot, f"Page {number} of {len(pages)}"):
            problems.append(f"page {number} has no 'Page {number} of {len(pages)}'")
        if marking:
            for where, band in (("top", top), ("foot", foot)):
                if not holds(band, marking):
                    problems.append(f"page {number} has no marking '{marking}' at its {where}")
        elif marking is not None:
            left = normal(foot.replace(f"Page {number} of {len(pages)}", "").replace(head, ""))
            left += normal(top.replace(head, ""))
            if left:
                problems.append(f"page {number} has '{left}' in its margins, and the register has no marking")
        if not body:
            problems.append(f"page {number} is empty")
            continue
        ending = {body[-1], " ".join(body[-2:])}
        if number < len(pages) and ending & headings:
            problems.append(f"page {number} ends with the heading '{body[-1]}'")
        if " ".join(body) in items:
            problems.append(f"page {number} holds nothing but the bullet '{' '.join(body)}'")
    return problems


def pdf_problems(pdf, head, expected_pages, expected_sections=None, marking=None, headings=(), items=()):
    """Returns (pages, text, problems) for the PDF at `pdf`."""
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
    problems = []
    if abs(pages - expected_pages) > 1:
        problems.append(f"{pages} pages, expected {expected_pages} ± 1")
    if size is None or abs(float(size.group(1)) - 595.3) > 2 or abs(float(size.group(2)) - 841.9) > 2:
        problems.append("not A4: " + (size.group(0) if size else "no page size"))
    problems += layout_problems(pdf, head, marking, headings, items)
    if expected_sections is not None and section_titles(text) != expected_sections:
        problems.append(f"sections {section_titles(text)}, expected {expected_sections}")
    return pages, text, problems

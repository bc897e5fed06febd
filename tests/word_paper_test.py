#!/usr/bin/env python3
"""The Word paper (report -o paper.docx), as a clerk and a committee member get it.

    word_paper_test.py BINARY

- Written twice, the bytes are the same; its XML parts match the goldens in
  tests/golden-word/ (HMICFRS_UPDATE_GOLDEN=1 rewrites them).
- python3-docx opens it and finds the headings in Word's heading styles, the
  tables with a repeated header row, and the rating cells worded and shaded.
- Every part of every paper written, and of every golden, is well-formed XML;
  the paper of a register written to break out of its text (tests/fixtures/
  hostile-markdown) links only to web addresses.
- A template made with python3-docx lends its styles: its Heading 1 font is
  the paper's, and the styles it lacks are added.
- LibreOffice converts every example paper to PDF, which is A4 with the
  running head, "Page X of Y", the expected number of pages (give or take
  one), the sections in the order the Markdown paper has them, the register's
  marking at the top and foot of every page (nothing else in the margins of a
  register without one), no heading left at the foot of a page and no page
  holding nothing but one bullet of a list (pdf_checks.py).
- Laid out in Liberation Sans (Arial's metrics) and in DejaVu Sans, the
  paper's tables break no id, date, rating or status word, nor any word of up
  to 20 characters.
Exits 77 (skipped) when python3-docx, LibreOffice or poppler-utils is missing."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import pdf_checks

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
GOLDEN = os.path.join(ROOT, "tests", "golden-word", "west-midlands-2022-03")
# Register, meeting, pages expected when LibreOffice lays it out; the first two are checked in full (their parts,
# python3-docx, the tables' words in each font), every one for its layout.
PAPERS = [
    ("examples/west-midlands", "2022-03", 9),
    ("examples/four-colour", "2024-06", 9),
    ("examples/west-midlands", "2021-12", 7),
    ("examples/four-colour", "2024-03", 4),
    ("examples/minimal", "2022-03", 2),
    ("examples/old-style", "2017-06", 5),
    ("examples/old-style", "2017-09", 5),
    ("examples/pillar-era", "2017-06", 4),
    ("examples/pillar-era", "2018-03", 5),
]
IN_FULL = 2
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def report(binary, register, meeting, target, fmt=None):
    command = [binary, "--data", register, "report", "--committee", meeting, "-o", target]
    if fmt:
        command += ["--format", fmt]
    subprocess.run(command, check=True)


def compare_parts(docx, problems):
    """Each XML part against its golden; the parts' list too."""
    update = os.environ.get("HMICFRS_UPDATE_GOLDEN") == "1"
    with zipfile.ZipFile(docx) as archive:
        names = archive.namelist()
        if update:
            shutil.rmtree(GOLDEN, ignore_errors=True)
        for name in names:
            path = os.path.join(GOLDEN, name)
            content = archive.read(name).decode("utf-8")
            if update:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as out:
                    out.write(content)
            elif not os.path.exists(path):
                problems.append(f"part {name} has no golden")
            elif open(path, encoding="utf-8").read() != content:
                problems.append(f"part {name} differs from its golden")
    expected = sorted(os.path.relpath(os.path.join(d, f), GOLDEN) for d, _, fs in os.walk(GOLDEN) for f in fs)
    if sorted(names) != expected:
        problems.append(f"parts {sorted(names)}, golden {expected}")


def parts_not_well_formed(docx):
    """The parts of a Word file (every part is XML) that do not parse, with why."""
    import xml.etree.ElementTree as ElementTree

    out = []
    with zipfile.ZipFile(docx) as archive:
        for name in archive.namelist():
            try:
                ElementTree.fromstring(archive.read(name))
            except ElementTree.ParseError as error:
                out.append(f"{name}: {error}")
    return out


def goldens_not_well_formed():
    """The golden Word parts that do not parse as XML."""
    import xml.etree.ElementTree as ElementTree

    out = []
    for directory, _, files in os.walk(os.path.dirname(GOLDEN)):
        for name in files:
            path = os.path.join(directory, name)
            try:
                ElementTree.parse(path)
            except ElementTree.ParseError as error:
                out.append(f"{os.path.relpath(path, ROOT)}: {error}")
    return out


def check_with_python_docx(docx, sections, problems):
    import docx as python_docx  # python3-docx

    document = python_docx.Document(docx)
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    if not headings or headings[0][0] != "Heading 1":
        problems.append(f"the first heading is {headings[:1]}, not a Heading 1")
    level2 = [text for style, text in headings if style == "Heading 2"]
    if level2 != sections:
        problems.append(f"Heading 2 paragraphs {level2}, expected {sections}")
    if not document.tables:
        problems.append("no tables")
    rated = 0
    for table in document.tables:
        header = table.rows[0]._tr
        if header.find(f"{W}trPr/{W}tblHeader") is None:
            problems.append(f"a table's header row does not repeat: {[c.text for c in table.rows[0].cells]}")
        if header.find(f"{W}trPr") is None or table._tbl.find(f"{W}tblPr/{W}tblBorders") is None:
            problems.append("a table without borders")
        for row in table.rows[1:]:
            for cell in row.cells:
                shading = cell._tc.find(f"{W}tcPr/{W}shd")
                if shading is not None:
                    rated += 1
                    if not cell.text.strip():
                        problems.append("a shaded cell with no word in it")
    if rated == 0:
        problems.append("no rating cell is shaded")
    section = document.sections[0]
    if round(section.page_width.mm) != 210 or round(section.page_height.mm) != 297:
        problems.append(f"page {section.page_width.mm:.0f} x {section.page_height.mm:.0f} mm, not A4")


def check_template(binary, work, problems):
    """A clerk's template: its fonts win, and the paper's own styles are added to it."""
    import docx as python_docx
    from docx.shared import Pt

    register = os.path.join(work, "templated")
    shutil.copytree(os.path.join(ROOT, "examples", "west-midlands"), register)
    template = python_docx.Document()
    heading = template.styles["Heading 1"]
    heading.font.name = "Georgia"
    heading.font.size = Pt(20)
    os.makedirs(os.path.join(register, "templates"))
    template.save(os.path.join(register, "templates", "committee.docx"))
    config = os.path.join(register, "hmicfrs-track.yaml")
    text = open(config, encoding="utf-8").read().replace("paper:\n", "paper:\n  word_template: templates/committee.docx\n", 1)
    open(config, "w", encoding="utf-8").write(text)
    subprocess.run([binary, "--data", register, "validate"], check=True, stdout=subprocess.DEVNULL)
    target = os.path.join(work, "templated.docx")
    report(binary, register, "2022-03", target)
    styles = zipfile.ZipFile(target).read("word/styles.xml").decode("utf-8")
    if 'w:ascii="Georgia"' not in styles:
        problems.append("the template's Heading 1 font is not in the paper's styles")
    for added in ("TableText", "FieldList"):
        if f'w:styleId="{added}"' not in styles:
            problems.append(f"the style {added}, which the template lacks, was not added")
    problems += [f"templated: not well-formed: {part}" for part in parts_not_well_formed(target)]
    paper = python_docx.Document(target)
    if paper.styles["Heading 1"].font.name != "Georgia":
        problems.append("python-docx does not read Georgia as the paper's Heading 1 font")


def check_hostile(binary, work, problems):
    """User text that tries to become markup stays text: every part parses, every link is a web address."""
    import xml.etree.ElementTree as ElementTree

    target = os.path.join(work, "hostile.docx")
    report(binary, os.path.join(ROOT, "tests", "fixtures", "hostile-markdown"), "2022-03", target)
    with zipfile.ZipFile(target) as archive:
        for name in archive.namelist():
            try:
                root = ElementTree.fromstring(archive.read(name))
            except ElementTree.ParseError as error:
                problems.append(f"hostile: {name} is not well-formed XML: {error}")
                continue
            for relationship in root.iter("{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"):
                if relationship.get("TargetMode") == "External" and not re.match(r"https?://",
                                                                                  relationship.get("Target")):
                    problems.append(f"hostile: a link to {relationship.get('Target')}")


# The fonts LibreOffice sets a paper's Arial in on Debian: Liberation Sans where fonts-liberation2 is installed
# (Arial's metrics), else DejaVu Sans (wider). The second is forced with a fontconfig that knows no other font.
FONT_SETUPS = [("LiberationSans", None), ("DejaVuSans", "/usr/share/fonts/truetype/dejavu")]
# An id, which must stay whole however long: inspection/ref.
ID = re.compile(r"^[a-z0-9][a-z0-9-]*/[A-Za-z0-9.-]+$")
DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?\W*$")


def tables_only(docx, target):
    """The paper with every block but its tables taken out, saved at `target`: its tables lay out as they do in
    the paper (their widths are fixed), and nothing else can break a word. Returns the words of the tables that
    must stay whole, and those that may break only after a hyphen of their own, as any line may."""
    import docx as python_docx

    document = python_docx.Document(docx)
    body = document.element.body
    for child in list(body):
        if child.tag not in (f"{W}tbl", f"{W}sectPr"):
            body.remove(child)
    document.save(target)
    whole, at_hyphens = [], []
    for table in document.tables:
        for column in table.columns:
            texts = [cell.text for cell in column.cells]
            # A column of short cells (ids, dates, ratings, statuses, counts) must never wrap at all.
            short = all(len(text) <= 20 for text in texts)
            for word in (word for text in texts for word in text.split()):
                if short or ID.match(word) or DATE.match(word) or "-" not in word.strip("-"):
                    if len(word) <= 20 or ID.match(word):
                        whole.append(word)
                elif len(word) <= 20:
                    at_hyphens.append(word)
    return whole, at_hyphens


def pdf_words(pdf):
    """The words of a PDF as poppler sets them out (pdftotext -bbox), never joined across a hyphen or a cell."""
    import html

    page = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True, text=True).stdout
    return [html.unescape(word) for word in re.findall(r"<word [^>]*>([^<]*)</word>", page)]


def check_words_whole(docx, work, problems):
    """Laid out by LibreOffice in each font that stands in for Arial, no table breaks an id, a date, a rating
    or status word, or any word of up to 20 characters for want of room: each such word of the tables is a
    whole word of the PDF as many times as the tables hold it (a compound in running text may still break
    after its own hyphen, as any line may)."""
    from collections import Counter

    stem = os.path.splitext(os.path.basename(docx))[0]
    tables = os.path.join(work, f"{stem}-tables.docx")
    whole, at_hyphens = tables_only(docx, tables)
    for font, only_directory in FONT_SETUPS:
        environment = dict(os.environ)
        if only_directory:
            config = os.path.join(work, f"fonts-{font}.conf")
            # Arial, as any family asked for, resolves to DejaVu Sans (not to another DejaVu face).
            with open(config, "w", encoding="utf-8") as out:
                out.write(f'<?xml version="1.0"?>\n<fontconfig><dir>{only_directory}</dir>'
                          f'<cachedir>{work}/fontconfig-cache</cachedir>'
                          '<match target="pattern"><edit name="family" mode="prepend" binding="strong">'
                          '<string>DejaVu Sans</string></edit></match></fontconfig>\n')
            environment["FONTCONFIG_FILE"] = config
        folder = os.path.join(work, font)
        os.makedirs(folder, exist_ok=True)
        pdf = convert_to_pdf(tables, folder, environment, os.path.join(work, f"profile-{font}"))
        listed = subprocess.run(["pdffonts", pdf], check=True, capture_output=True, text=True).stdout
        faces = sorted({line.split()[0].split("+")[-1] for line in listed.splitlines()[2:] if line.strip()})
        if not faces or any(not face.startswith(font) for face in faces):
            problems.append(f"{stem}: laid out in {faces}, not {font} alone")
            continue
        laid_out = Counter(pdf_words(pdf))
        broken = sorted(word for word, count in Counter(whole).items() if laid_out[word] < count)
        for word, count in Counter(at_hyphens).items():
            # Each break after a hyphen of its own gives two words of the PDF, the first ending with it.
            splits = [(word[:i + 1], word[i + 1:]) for i, c in enumerate(word[:-1]) if c == "-"]
            split = sum(min(laid_out[a], laid_out[b]) for a, b in splits)
            if laid_out[word] + split < count:
                broken.append(word)
        if broken:
            problems.append(f"{stem} in {font}: broken in a table cell: {sorted(broken)}")
        print(f"{stem} in {font}: {len(whole) + len(at_hyphens)} words of the tables checked")


def paper(binary, register, meeting, fmt):
    """The paper in a text format, as the binary writes it to standard output."""
    return subprocess.run([binary, "--data", register, "report", "--committee", meeting, "--format", fmt],
                          check=True, capture_output=True, text=True).stdout


def markdown_sections(binary, register, meeting):
    return [line[3:] for line in paper(binary, register, meeting, "md").splitlines() if line.startswith("## ")]


def convert_to_pdf(docx, outdir, environment=None, profile=None):
    """The PDF LibreOffice lays `docx` (a path, or a list of them, converted by one LibreOffice) out as, in `outdir`;
    a profile of its own for each fontconfig."""
    profile = "file://" + (profile or os.path.join(outdir, "libreoffice-profile"))
    paths = docx if isinstance(docx, list) else [docx]
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", outdir] + paths, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=600, env=environment)
    pdfs = [os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + ".pdf") for path in paths]
    missing = [path for path, pdf in zip(paths, pdfs) if not os.path.exists(pdf)]
    if missing:
        raise RuntimeError(f"LibreOffice wrote no PDF of {', '.join(missing)}")
    return pdfs[0]


def main():
    binary = os.path.abspath(sys.argv[1])
    # --no-layout (the sanitized suite): LibreOffice's layout of the paper depends on the bytes written, not on how
    # the binary was built, so it is checked once, as built for use; everything else runs with this binary.
    layout = "--no-layout" not in sys.argv[2:]
    try:
        import docx  # noqa: F401  python3-docx
    except ImportError:
        print("SKIPPED: needs python3-docx (apt-get install python3-docx)")
        return 77
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        print("SKIPPED: needs LibreOffice and poppler-utils (apt-get install libreoffice-writer-nogui poppler-utils)")
        return 77
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        def docx_of(register, meeting):
            return os.path.join(work, f"{os.path.basename(register)}-{meeting}.docx")

        # Every paper laid out by one LibreOffice: its start is most of the time a conversion takes.
        if layout:
            for register, meeting, _ in PAPERS:
                report(binary, os.path.join(ROOT, register), meeting, docx_of(register, meeting))
            convert_to_pdf([docx_of(register, meeting) for register, meeting, _ in PAPERS], work)
        for index, (register, meeting, expected_pages) in enumerate(PAPERS):
            in_full = index < IN_FULL
            if not in_full and not layout:
                continue
            docx_path = docx_of(register, meeting)
            register = os.path.join(ROOT, register)
            problems = []
            report(binary, register, meeting, docx_path)
            if in_full:
                again = os.path.join(work, f"{meeting}-again.docx")
                report(binary, register, meeting, again, "docx")
                if open(docx_path, "rb").read() != open(again, "rb").read():
                    problems.append("two runs gave different bytes")
                if register.endswith("west-midlands") and meeting == "2022-03":
                    compare_parts(docx_path, problems)
                problems += [f"not well-formed: {part}" for part in parts_not_well_formed(docx_path)]
            sections = markdown_sections(binary, register, meeting)
            if in_full:
                check_with_python_docx(docx_path, sections, problems)
            pages = "layout not checked"
            if layout:
                pdf = os.path.splitext(docx_path)[0] + ".pdf"
                headings, items = pdf_checks.paper_text(paper(binary, register, meeting, "html"))
                pages, _, pdf_problems = pdf_checks.pdf_problems(
                    pdf, pdf_checks.running_head(json.loads(paper(binary, register, meeting, "json"))),
                    expected_pages, sections, marking=pdf_checks.marking_of(register), headings=headings,
                    items=items)
                pages = f"{pages} pages"
                problems += pdf_problems
                if in_full:
                    check_words_whole(docx_path, work, problems)
            print(f"{os.path.basename(register)} {meeting}: {pages}"
                  + ("" if not problems else ": " + "; ".join(problems)))
            failures += len(problems)
        problems = [f"golden not well-formed: {part}" for part in goldens_not_well_formed()]
        check_hostile(binary, work, problems)
        check_template(binary, work, problems)
        print("template: " + ("styles taken" if not problems else "; ".join(problems)))
        failures += len(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

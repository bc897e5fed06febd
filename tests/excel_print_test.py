#!/usr/bin/env python3
"""Every Excel workbook the tool writes, printed: set up as Excel reads it (python3-openpyxl) and printed to PDF by
LibreOffice Calc (read back with poppler-utils).

    excel_print_test.py BINARY

For each workbook (`list`, `rag`, `rag --by report`, the paper's tracker and `chase`) of the West Midlands and
four-colour examples, every sheet:

- is set up landscape on A4, fitted one page wide and any number of pages long (fitToWidth 1, fitToHeight 0), with
  its header row as the print titles (1:1);
- has the page header "&L<force> — HMICFRS findings as of <date in words>" (with "&R<marking>" when the register
  sets one) and the footer "&CPage &P of &N" (and "&R<marking>"), exactly, and no clock code (&D, &T);
- has its totals row (first cell "Total") bold in every cell and outside the filter, which covers the header and
  data rows only;
- has each row at least as high as 15 points a line of its most wrapped cell, the lines counted as a spreadsheet
  wraps the text in the column's width, in the widths src/render/font_widths.cpp holds.

Printed to PDF, every page is landscape A4; every page carries the page header (force, as-of date), "Page N of M"
and the marking (four-colour's OFFICIAL); every page shows a sheet's whole header row, its last column's heading
too (one page wide, the header row repeated), the sheets in order, each on at least one page; and no page shows
the day the test runs (what Excel's &D prints).

A register whose force's name holds '&' ("Avon & Somerset Constabulary") prints the name as written: the header
holds it as "&&", Excel's escape.

Exits 77 (skipped) without python3-openpyxl, LibreOffice or poppler-utils."""

import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
LINE_POINTS = 15
DIGIT_PIXELS = 7
EM_PIXELS = 11 * 96 / 72
PADDING = 2
UNKNOWN_ADVANCE = 2400

# (register, as of, committee, force, date in words, marking, inspectorate)
REGISTERS = [
    ("examples/west-midlands", "2022-03-31", "2022-03", "West Midlands Police", "31 March 2022", None, "HMICFRS"),
    ("examples/four-colour", "2024-06-14", "2024-06", "Kingsmere Constabulary", "14 June 2024", "OFFICIAL",
     "HMICFRS"),
]


def font_advances():
    """Each character's advance in 1/2048 em, (regular, bold), from the table the writer measures with."""
    text = open(os.path.join(ROOT, "src", "render", "font_widths.cpp"), encoding="utf-8").read()
    return {int(code, 16): (int(regular), int(bold))
            for code, regular, bold in re.findall(r"\{0x([0-9A-F]+), (\d+), (\d+)\}", text)}


ADVANCES = font_advances()


def measured(text, bold):
    return sum(ADVANCES.get(ord(c), (UNKNOWN_ADVANCE, UNKNOWN_ADVANCE))[1 if bold else 0] for c in text)


def wrapped_lines(text, width, bold):
    """The lines a spreadsheet wraps `text` into in a column `width` digits wide: at spaces, a word wider than
    the column broken between characters, and at each line break."""
    room = max(1.0, width * DIGIT_PIXELS - PADDING) * 2048 / EM_PIXELS
    space = measured(" ", bold)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0
        for word in paragraph.split(" "):
            wide = measured(word, bold)
            if used > 0 and used + space + wide <= room:
                used += space + wide
                continue
            if used > 0:
                lines += 1
            while wide > room:
                kept = 0
                while kept < len(word) and measured(word[:kept + 1], bold) <= room:
                    kept += 1
                word = word[max(kept, 1):]
                wide = measured(word, bold)
                lines += 1
            used = wide
    return lines


def column_letter(index):
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def header_footer_xml(path):
    """Each sheet's <oddHeader> and <oddFooter> as written, by sheet part, with XML's escapes undone."""
    out = {}
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if re.match(r"xl/worksheets/sheet\d+\.xml$", name):
                part = archive.read(name).decode("utf-8")
                found = {}
                for element in ("oddHeader", "oddFooter"):
                    match = re.search(rf"<{element}>(.*?)</{element}>", part, re.S)
                    found[element] = (match.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                                      if match else None)
                out[int(re.search(r"(\d+)", name.rsplit("/", 1)[1]).group(1))] = found
    return out


def check_setup(label, path, title, marking, problems):
    """The page setup, header and footer, totals, filter and row heights of every sheet, in openpyxl's terms."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    parts = header_footer_xml(path)
    escaped_title = title.replace("&", "&&")
    header = "&L" + escaped_title + (f"&R{marking}" if marking else "")
    footer = "&CPage &P of &N" + (f"&R{marking}" if marking else "")
    for index, sheet in enumerate(book.worksheets, start=1):
        name = f"{label}: {sheet.title}"
        setup = sheet.page_setup
        if setup.orientation != "landscape":
            problems.append(f"{name}: orientation {setup.orientation}")
        if str(setup.paperSize) != "9":
            problems.append(f"{name}: paper size {setup.paperSize}, not A4 (9)")
        if not sheet.sheet_properties.pageSetUpPr.fitToPage:
            problems.append(f"{name}: not fitted to pages")
        # fitToWidth is 1 when not written, as the schema has it (and libxlsxwriter leaves it out).
        if (setup.fitToWidth or 1) != 1 or setup.fitToHeight != 0:
            problems.append(f"{name}: fitted {setup.fitToWidth} wide and {setup.fitToHeight} tall, not 1 and 0")
        if sheet.print_title_rows != "$1:$1" and sheet.print_title_rows != "1:1":
            problems.append(f"{name}: print titles {sheet.print_title_rows}, not the header row")
        written = parts.get(index, {})
        if written.get("oddHeader") != header:
            problems.append(f"{name}: header {written.get('oddHeader')!r}, expected {header!r}")
        if written.get("oddFooter") != footer:
            problems.append(f"{name}: footer {written.get('oddFooter')!r}, expected {footer!r}")
        for text in (written.get("oddHeader") or "", written.get("oddFooter") or ""):
            if re.search(r"(?<!&)&[DT]", text.replace("&&", "")):
                problems.append(f"{name}: a clock code in {text!r}")
            if len(text) > 255:
                problems.append(f"{name}: {len(text)} characters in {text!r}, more than Excel's 255")
        # openpyxl gives each section's text with Excel's codes as written.
        if sheet.oddHeader.left.text != escaped_title or sheet.oddFooter.center.text != "Page &P of &N":
            problems.append(f"{name}: openpyxl reads the header as {sheet.oddHeader.left.text!r}, the footer as "
                            f"{sheet.oddFooter.center.text!r}")
        if (sheet.oddHeader.right.text, sheet.oddFooter.right.text) != (marking, marking):
            problems.append(f"{name}: openpyxl reads the marking as {sheet.oddHeader.right.text!r} above and "
                            f"{sheet.oddFooter.right.text!r} below, not {marking!r}")
        # Totals: bold, below the filter.
        rows = list(sheet.iter_rows())
        last_column = column_letter(sheet.max_column)
        totals = [row for row in rows[1:] if row[0].value == "Total"]
        data_end = sheet.max_row - len(totals)
        if totals and totals[-1][0].row != sheet.max_row:
            problems.append(f"{name}: the totals row is not the last")
        for row in totals:
            if not all(cell.font.b for cell in row):
                problems.append(f"{name}: the totals row {row[0].row} is not bold in every cell")
        if sheet.auto_filter.ref != f"A1:{last_column}{data_end}":
            problems.append(f"{name}: filter on {sheet.auto_filter.ref}, expected A1:{last_column}{data_end}")
        for row in rows[1:data_end]:
            if any(cell.font.b for cell in row):
                problems.append(f"{name}: data row {row[0].row} is bold")
                break
        # Row heights: every line of every wrapped cell shown.
        for row in rows:
            lines = 1
            for cell in row:
                if cell.alignment.wrap_text and isinstance(cell.value, str):
                    width = sheet.column_dimensions[cell.column_letter].width
                    lines = max(lines, wrapped_lines(cell.value, width, bool(cell.font.b)))
            height = sheet.row_dimensions[row[0].row].height
            if lines > 1 and (height is None or height < min(409, LINE_POINTS * lines)):
                problems.append(f"{name}: row {row[0].row} is {height} points high for {lines} lines")
    return book


def convert_to_pdf(paths, outdir):
    """Prints each workbook of `paths` to PDF with LibreOffice Calc, in `outdir`: one run, with a profile of its
    own."""
    profile = "file://" + os.path.join(outdir, "libreoffice-profile")
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", outdir, *paths], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=600)


def check_printed(label, path, book, title, marking, problems):
    """The workbook printed to PDF: landscape A4 pages, each with the page header and footer and a sheet's whole
    header row, the sheets in order; no page shows the day the test runs."""
    pdf = os.path.splitext(path)[0] + ".pdf"
    if not os.path.exists(pdf):
        problems.append(f"{label}: LibreOffice Calc wrote no PDF")
        return 0
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", pdf], check=True, capture_output=True,
                          text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    if len(sizes) != pages:
        problems.append(f"{label}: pdfinfo gives {len(sizes)} page sizes for {pages} pages")
    for number, (width, height) in enumerate(sizes, start=1):
        if abs(float(width) - 841.9) > 2 or abs(float(height) - 595.3) > 2:
            problems.append(f"{label}: page {number} is {width} x {height} points, not landscape A4")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    today = datetime.date.today()
    clocks = {today.strftime("%d/%m/%Y"), today.strftime("%d/%m/%y"), today.isoformat(),
              f"{today.day} {today.strftime('%B %Y')}", today.strftime("%m/%d/%y")}
    # A hidden sheet (the record of a workbook owners return) is not printed.
    headers = [[str(cell.value) for cell in sheet[1]] for sheet in book.worksheets if sheet.sheet_state == "visible"]
    sheet = 0
    seen = set()
    for number, page in enumerate(text.split("\f")[:pages], start=1):
        flat = " ".join(page.split())
        words = set(flat.split())
        if title not in flat:
            problems.append(f"{label}: page {number} has no header {title!r}")
        if not re.search(rf"Page {number} of {pages}\b", flat):
            problems.append(f"{label}: page {number} has no 'Page {number} of {pages}'")
        if marking and marking not in words:
            problems.append(f"{label}: page {number} has no marking {marking}")
        if marking and flat.count(marking) < 2:
            problems.append(f"{label}: page {number} has the marking {marking} once, not in both header and footer")
        for clock in clocks:
            if clock in flat:
                problems.append(f"{label}: page {number} shows today's date ({clock})")

        def shows(columns):
            return all(word in words for heading in columns for word in heading.split())

        # The page's sheet, whose whole header row it shows (one page wide, the row repeated): the first sheet not
        # yet printed when it shows that one's header row (sheets may share one), else the sheet before it.
        if sheet not in seen and shows(headers[sheet]):
            pass
        elif sheet + 1 < len(headers) and shows(headers[sheet + 1]):
            sheet += 1
        elif not shows(headers[sheet]):
            problems.append(f"{label}: page {number} does not show the whole header row of "
                            f"{book.worksheets[sheet].title!r} or the sheet after it")
            break
        seen.add(sheet)
    if len(seen) != len(headers) and not any("does not show the whole header" in p for p in problems):
        missing = [book.worksheets[i].title for i in range(len(headers)) if i not in seen]
        problems.append(f"{label}: no page shows the whole header row of {missing}")
    return pages


def write(binary, register, as_of, args, path):
    subprocess.run([binary, "--data", register, "--as-of", as_of, *args, "-o", path], check=True,
                   capture_output=True)


def main():
    binary = os.path.abspath(sys.argv[1])
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print("SKIPPED: needs python3-openpyxl (apt-get install python3-openpyxl)")
        return 77
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        print("SKIPPED: needs LibreOffice Calc and poppler-utils (apt-get install libreoffice-calc-nogui "
              "poppler-utils)")
        return 77
    problems = []
    with tempfile.TemporaryDirectory() as work:
        ampersand = os.path.join(work, "ampersand")
        shutil.copytree(os.path.join(ROOT, "examples", "four-colour"), ampersand)
        config = os.path.join(ampersand, "hmicfrs-track.yaml")
        text = open(config, encoding="utf-8").read().replace("name: Kingsmere Constabulary",
                                                             "name: Avon & Somerset Constabulary", 1)
        open(config, "w", encoding="utf-8").write(text)
        # A report whose findings fill pages: some notes wrap to several lines.
        with open(os.path.join(ampersand, "inspections", "many.yaml"), "w", encoding="utf-8") as out:
            out.write("id: many\ntype: other\ntitle: A thematic inspection of many things\npublished: 2024-01-10\n"
                      "findings:\n")
            for n in range(1, 121):
                note = " ".join(["Progress reviewed at the board and recorded in the action log"] * (n % 7))
                out.write(f"  - ref: R{n}\n    type: recommendation\n    title: Recommendation number {n} of many\n"
                          "    portfolio: custody\n    owner: Head of Custody\n    history:\n"
                          "      - date: 2024-02-01\n        status: open\n        rag: amber\n"
                          f"        note: \"Started. {note}\"\n")
        registers = REGISTERS + [(ampersand, "2024-06-14", "2024-06", "Avon & Somerset Constabulary",
                                  "14 June 2024", "OFFICIAL", "HMICFRS")]
        workbooks = []
        for register, as_of, committee, force, date, marking, inspectorate in registers:
            kinds = [("list", ["list"], "HMICFRS findings"),
                     ("rag", ["rag"], "HMICFRS findings"),
                     ("rag-report", ["rag", "--by", "report"], "HMICFRS findings"),
                     ("tracker", ["report", "--committee", committee], f"{inspectorate} findings"),
                     ("chase", ["chase"], "HMICFRS findings to chase")]
            if register == ampersand:
                kinds = kinds[:1]
            for kind, args, what in kinds:
                label = f"{os.path.basename(register)} {kind}"
                path = os.path.join(work, f"{os.path.basename(register)}-{kind}.xlsx")
                write(binary, os.path.join(ROOT, register), as_of, args, path)
                workbooks.append((label, path, f"{force} \u2014 {what} as of {date}", marking))
        convert_to_pdf([path for _, path, _, _ in workbooks], work)
        for label, path, title, marking in workbooks:
            before = len(problems)
            book = check_setup(label, path, title, marking, problems)
            pages = check_printed(label, path, book, title, marking, problems)
            print(f"{label}: {len(book.worksheets)} sheets, {pages} pages"
                  + ("" if len(problems) == before else f", {len(problems) - before} problems"))
    for problem in problems:
        print("FAIL: " + problem)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

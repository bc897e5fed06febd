#!/usr/bin/env python3
"""Prints papers to PDF as a committee member's copier would see them, and
checks that every rating stays apart in grey: the HTML paper printed by
headless Chromium, and the Word paper laid out by LibreOffice, each rendered by
`pdftoppm` in colour and with `-gray`. For each colour the paper gives a
rating (in the chart, its key and the table cells) and the chart's "Unrated"
series, the pixels of that colour in the colour rendering are found and their
grey read from the grey rendering; any two colours' greys must differ by at
least 40 of 255.

The registers: the bundled ones (the default red, amber and green; the
four-colour example's red, amber, white and green), and the four-colour
register with its ratings recoloured to the other sets of named colours a
force uses (HTML only: Word fills the same colours): blue, red, amber and
green; red, orange, yellow and green.

    greyscale_test.py BINARY
Exits 77 (skipped) when chromium, LibreOffice or poppler-utils is missing."""

import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
APART = 40
PIXELS = 40  # fewer than this many pixels of a colour: it is not really on the page

# Name, register, meeting, colour substitutions in the four-colour example's configuration, and whether the Word
# paper is printed too (the bundled registers'; Word fills the same colours as HTML).
PAPERS = [
    ("red, amber, green", "examples/west-midlands", "2022-03", None, True),
    ("red, amber, white, green", "examples/four-colour", "2024-06", None, True),
    ("blue, red, amber, green", "examples/four-colour", "2024-06", {"colour: white": "colour: blue"}, False),
    ("red, orange, yellow, green", "examples/four-colour", "2024-06",
     {"colour: amber": "colour: orange", "colour: white": "colour: yellow"}, False),
]


def chromium():
    return next((name for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)


def read_pnm(path):
    """(width, height, channels, bytes) of a binary PPM (P6) or PGM (P5) as pdftoppm writes them."""
    data = open(path, "rb").read()
    fields, at = [], 0
    while len(fields) < 4:
        while data[at:at + 1].isspace():
            at += 1
        if data[at:at + 1] == b"#":
            at = data.index(b"\n", at)
            continue
        end = at
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    magic, width, height = fields[0], int(fields[1]), int(fields[2])
    return width, height, 3 if magic == b"P6" else 1, data[at + 1:]


def greys_of(pdf, colours, work):
    """For each '#rrggbb' of `colours`: (pixels found, median grey) over every page of `pdf`."""
    found = {colour: [] for colour in colours}
    subprocess.run(["pdftoppm", "-r", "50", pdf, os.path.join(work, "colour")], check=True)
    subprocess.run(["pdftoppm", "-r", "50", "-gray", pdf, os.path.join(work, "grey")], check=True)
    for name in sorted(os.listdir(work)):
        if not name.startswith("colour-"):
            continue
        width, height, _, rgb = read_pnm(os.path.join(work, name))
        _, _, _, grey = read_pnm(os.path.join(work, name.replace("colour-", "grey-").replace(".ppm", ".pgm")))
        for colour in colours:
            # The colour's three bytes, where they start a pixel.
            for match in re.finditer(b"(?=" + re.escape(bytes.fromhex(colour[1:])) + b")", rgb):
                if match.start() % 3 == 0:
                    found[colour].append(grey[match.start() // 3])
    for name in os.listdir(work):
        if name.endswith((".ppm", ".pgm")):
            os.remove(os.path.join(work, name))
    return {colour: (len(greys), sorted(greys)[len(greys) // 2] if greys else None) for colour, greys in found.items()}


def rating_colours(html):
    """{colour: name} of the chart's series (its key, patterns resolved) and of the rating cells' fills."""
    patterns = dict(re.findall(r'<pattern id="(series\d+)"[^>]*><rect [^>]*fill="(#[0-9a-f]{6})"', html))
    named = {}
    for fill, name in re.findall(r'<rect [^>]*fill="([^"]+)" stroke="#555" stroke-width="0.5"/><text [^>]*>([^<]+)'
                                 r'</text>', html):
        url = re.fullmatch(r"url\(#(series\d+)\)", fill)
        named[patterns[url.group(1)] if url else fill] = name
    for fill in re.findall(r'<td[^>]* style="background: (#[0-9a-f]{6});', html):
        named.setdefault(fill, "a rating's cells")
    return named


def check(label, pdf, colours, work):
    """The problems of `pdf`: a colour not found, or two colours too near in grey."""
    measured = greys_of(pdf, colours, work)
    problems = []
    for colour, (pixels, _) in measured.items():
        if pixels < PIXELS:
            problems.append(f"{colours[colour]} ({colour}) has {pixels} pixels on the pages")
    shown = sorted((grey, colour) for colour, (pixels, grey) in measured.items() if pixels >= PIXELS)
    for (grey_a, a), (grey_b, b) in zip(shown, shown[1:]):
        if grey_b - grey_a < APART:
            problems.append(f"{colours[a]} ({a}) and {colours[b]} ({b}) print as greys {grey_a} and {grey_b}")
    print(f"{label}: " + ", ".join(f"{colours[c]} {g}" for g, c in shown) +
          ("" if not problems else "\n  FAIL: " + "\n  FAIL: ".join(problems)))
    return problems


def main():
    binary = os.path.abspath(sys.argv[1])
    browser = chromium()
    if browser is None or not shutil.which("pdftoppm") or not shutil.which("soffice"):
        print("SKIPPED: needs chromium, poppler-utils and LibreOffice (apt-get install chromium poppler-utils "
              "libreoffice-writer-nogui)")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as work:
        for name, register, meeting, recolour, word in PAPERS:
            data = os.path.join(ROOT, register)
            if recolour:
                data = os.path.join(work, "register")
                shutil.rmtree(data, ignore_errors=True)
                shutil.copytree(os.path.join(ROOT, register), data)
                config = os.path.join(data, "hmicfrs-track.yaml")
                text = open(config, encoding="utf-8").read()
                for old, new in recolour.items():
                    assert old in text, old
                    text = text.replace(old, new)
                open(config, "w", encoding="utf-8").write(text)
            html, docx = os.path.join(work, "paper.html"), os.path.join(work, "paper.docx")
            for path in (html, docx) if word else (html,):
                subprocess.run([binary, "--no-cache", "--data", data, "report", "--committee", meeting, "-o", path],
                               check=True)
            colours = rating_colours(open(html, encoding="utf-8").read())
            pdf = os.path.join(work, "paper.pdf")
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            "--print-to-pdf=" + pdf, html], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=120)
            failures += check(f"{name}, HTML", pdf, colours, work)
            if not word:
                continue
            subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to",
                            "pdf", "--outdir", work, docx], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=300)
            failures += check(f"{name}, Word", pdf, colours, work)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

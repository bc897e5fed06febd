"""What a committee member receives, read back from a paper printed to PDF
(with poppler-utils): A4 pages numbered "Page X of Y", the running head on
every page, the expected number of pages give or take one, the section
headings in order, and no numbered heading alone at the foot of a page.
Shared by the HTML and Word print tests."""

import re
import subprocess


def section_titles(text):
    """The numbered section headings ("3. Inspection activity ...") in the order they appear."""
    return [line.strip() for line in text.splitlines() if re.match(r"^\d+\. \S", line.strip())]


def pdf_problems(pdf, head, expected_pages, expected_sections=None):
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
    for number, page in enumerate(text.split("\f")[:pages], start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if f"Page {number} of {pages}" not in lines:
            problems.append(f"page {number} has no 'Page {number} of {pages}'")
        if head not in lines:
            problems.append(f"page {number} has no running head")
        body = [line for line in lines if line != head and not line.startswith("Page ")]
        if number < pages and body and re.match(r"^\d+\.(\d+\.)? \S", body[-1]):
            problems.append(f"page {number} ends with the heading '{body[-1]}'")
    if expected_sections is not None and section_titles(text) != expected_sections:
        problems.append(f"sections {section_titles(text)}, expected {expected_sections}")
    return pages, text, problems

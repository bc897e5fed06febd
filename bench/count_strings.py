#!/usr/bin/python3
"""How much of a register is words: the files' bytes, and the number and
bytes (UTF-8) of the text values they hold, as PyYAML's C loader reads them.
Whatever keeps every one of those values in memory needs at least that much;
bench/README.md compares it with the peak RSS goal.

    /usr/bin/python3 bench/count_strings.py DIR
"""

import os
import sys

import yaml


def strings(value):
    """The count and UTF-8 bytes of the text values within `value`."""
    if isinstance(value, str):
        return 1, len(value.encode("utf-8"))
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    count = size = 0
    for item in items:
        c, s = strings(item)
        count, size = count + c, size + s
    return count, size


def main():
    files = file_bytes = count = size = findings = entries = 0
    for folder, _, names in os.walk(sys.argv[1]):
        for name in sorted(names):
            if not name.endswith((".yaml", ".yml")):
                continue
            path = os.path.join(folder, name)
            files += 1
            file_bytes += os.path.getsize(path)
            with open(path, encoding="utf-8") as f:
                document = yaml.load(f, Loader=yaml.CSafeLoader)
            c, s = strings(document)
            count, size = count + c, size + s
            if isinstance(document, dict):
                for finding in document.get("findings") or []:
                    findings += 1
                    entries += len(finding.get("history") or [])
    print(f"{files} files, {file_bytes} bytes; {count} text values, {size} bytes "
          f"({100 * size / max(file_bytes, 1):.0f}% of the files); {findings} findings, {entries} history entries")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""What a user would write instead of hmicfrs-track: load every inspection
with PyYAML's C loader (Debian's python3-yaml) and count open findings by RAG
as of a date.

    /usr/bin/python3 bench/count_open.py DIR [AS_OF]
"""

import collections
import glob
import os
import sys

import yaml

root = sys.argv[1]
as_of = sys.argv[2] if len(sys.argv) > 2 else "2030-01-01"
counts = collections.Counter()
for path in sorted(glob.glob(os.path.join(root, "inspections", "**", "*.yaml"), recursive=True)):
    with open(path, encoding="utf-8") as f:
        inspection = yaml.load(f, Loader=yaml.CSafeLoader)
    for finding in inspection.get("findings") or []:
        status, rag = "open", None
        for entry in finding.get("history") or []:
            if str(entry["date"]) > as_of:
                break
            status = entry.get("status", status)
            rag = entry.get("rag", rag)
        counts[rag if status in ("open", "awaiting-sign-off") else "closed"] += 1
print(dict(sorted((str(k), v) for k, v in counts.items())))

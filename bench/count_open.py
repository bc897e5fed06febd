#!/usr/bin/python3
"""What a user would write instead of hmicfrs-track: load every inspection
with PyYAML (Debian's python3-yaml) and count open findings by RAG as of a
date. By default with the C loader over libyaml (CSafeLoader); with --pure,
with yaml.safe_load, the pure-Python loader most scripts call.

    /usr/bin/python3 bench/count_open.py DIR [AS_OF] [--pure]
"""

import collections
import glob
import os
import sys

import yaml

pure = "--pure" in sys.argv
arguments = [a for a in sys.argv[1:] if a != "--pure"]
root = arguments[0]
as_of = arguments[1] if len(arguments) > 1 else "2030-01-01"
loader = yaml.SafeLoader if pure else yaml.CSafeLoader
counts = collections.Counter()
for path in sorted(glob.glob(os.path.join(root, "inspections", "**", "*.yaml"), recursive=True)):
    with open(path, encoding="utf-8") as f:
        inspection = yaml.load(f, Loader=loader)
    for finding in inspection.get("findings") or []:
        status, rag = "open", None
        for entry in finding.get("history") or []:
            # Dated, or known as at a day (`collect` records an undated row's state so).
            if str(entry.get("date", entry.get("as_at"))) > as_of:
                break
            status = entry.get("status", status)
            rag = entry.get("rag", rag)
        counts[rag if status in ("open", "awaiting-sign-off") else "closed"] += 1
print(dict(sorted((str(k), v) for k, v in counts.items())))

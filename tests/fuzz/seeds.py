#!/usr/bin/python3
"""Writes seeds that reach large but legal inputs, so that the fuzzer explores
what grows with the input (work that must stay n log n), not only short files:

    seeds.py DIRECTORY
"""
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
head = "id: big\ntype: peel\ntitle: T\npublished: 2021-10\ngradings: {cycle: 2021-22, areas: {preventing-crime: good}}\n"


def write(name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)


finding = ("  - ref: R{0}\n    type: {1}\n    title: Finding {0}\n    portfolio: crime\n"
           "    related: [R{2}, X{0}]\n    history:\n      - date: 2022-01-{3:02}\n        status: open\n"
           "        rag: red\n        note: Update {0}, with a comma\n")
write("many-findings.yaml", head + "findings:\n" + "".join(
    finding.format(i, "afi" if i % 3 else "cause-of-concern", (i * 7) % 500, 1 + i % 28) for i in range(500)))
write("long-title.yaml", head + "findings:\n  - ref: R1\n    type: afi\n    title: " + "w" * 60000 + "\n")
write("long-summary.yaml", head + "summary: |\n" + "".join(f"  - [l{i}]: https://x/{i} {{a}} *b* ::: c\n"
                                                            for i in range(2000)))
write("many-portfolios.yaml", "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\nportfolios:\n" +
      "".join(f"  - {{id: p{i}, name: P{i}}}\n" for i in range(2000)))
write("many-meetings.yaml", "meetings:\n" + "".join(f"  - {{id: m{i}, date: 20{10 + i // 12:02}-{1 + i % 12:02}-15}}\n"
                                                   for i in range(120)))
write("many-areas.yaml", "cycles:\n  - id: custom\n    name: Custom\n    scale: five-point\n    areas:\n" +
      "".join(f"      - {{id: a{i}, short: A{i}}}\n" for i in range(2000)))

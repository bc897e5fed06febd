#!/usr/bin/env python3
"""Writes a synthetic hmicfrs-track register: FORCES forces with about
FINDINGS findings each, shaped like examples/west-midlands (every inspection
type, PEEL gradings, findings with multi-line text, owners, portfolios and one
to six dated history entries). The same seed always writes the same files,
and the register validates without errors or warnings.

    bench/generate.py OUT_DIR --forces 43 --findings 2326 [--seed 1]
"""

import argparse
import os
import random
import shutil

INSPECTION_TYPES = ["national-thematic", "joint-thematic", "jtai", "child-protection", "custody",
                    "crime-data-integrity", "super-complaint", "home-secretary-commission", "other"]
PEEL_AREAS = ["preventing-crime", "recording-data", "treatment-of-public", "disrupting-soc", "good-use-of-resources",
              "responding-to-public", "managing-offenders", "positive-workplace", "investigating-crime",
              "supporting-victims", "protecting-vulnerable-people"]
PEEL_NOT_GRADED = ["strategic-policing-requirement", "armed-threats"]
GRADES = ["outstanding", "good", "adequate", "requires-improvement", "inadequate"]
PORTFOLIOS = [("crime", "Crime"), ("public-protection", "Public Protection"), ("local-policing", "Local Policing"),
              ("force-contact", "Force Contact"), ("criminal-justice", "Criminal Justice"), ("people", "People"),
              ("professional-standards", "Professional Standards"), ("security", "Security"),
              ("strategy", "Strategy and Finance"), ("forensics", "Forensic Services")]
OWNERS = ["Assistant Chief Constable (Crime)", "Head of Public Protection", "Assistant Chief Constable (Local Policing)",
          "Chief Superintendent (Force Contact)", "Head of Criminal Justice Services", "Director of People",
          "Head of Professional Standards", "Assistant Chief Constable (Security)", "Director of Commercial Services",
          "Head of Forensic Services", "Deputy Chief Constable"]
WORDS = ("the force should make sure that its officers and staff record assess review improve supervise victims "
         "investigations safeguarding referrals demand capacity capability training data quality partners timely "
         "consistent evidence outcomes risk vulnerable children domestic abuse custody detainees governance plan "
         "monitor standards national guidance local policing response contact control room digital forensics "
         "intelligence offenders suspects wellbeing vetting workforce leaders oversight performance").split()
NOTES = ["Allocated to the portfolio lead", "Action plan agreed at the governance board", "Progress reviewed; on track",
         "Audit under way", "Evidence gathered for internal scrutiny", "Delayed by demand; plan revised",
         "Training delivered to response teams", "Evidence submitted to HMICFRS", "Signed off by HMICFRS"]


def sentence(rng, low, high):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:])


def date(year, month, day):
    return f"{year:04d}-{month:02d}-{day:02d}"


def add_months(year, month, months):
    month += months
    year += (month - 1) // 12
    return year, (month - 1) % 12 + 1


def history(rng, year, month, earlier_ids):
    """One to six entries, oldest first: open and rated, moving, perhaps closing."""
    entries = []
    count = rng.randint(1, 6)
    rag = rng.choice(["red", "amber", "amber", "green"])
    for k in range(count):
        year, month = add_months(year, month, rng.randint(1, 3))
        day = rng.randint(1, 28)
        if k == 0:
            entries.append(f"      - {{date: {date(year, month, day)}, status: open, rag: {rag}, note: {rng.choice(NOTES)}}}")
        elif k == count - 1 and count >= 4:
            end = rng.choice(["closed", "closed", "not-monitored", "superseded" if earlier_ids else "closed"])
            extra = f", by: {rng.choice(earlier_ids)}" if end == "superseded" else ""
            entries.append(f"      - {{date: {date(year, month, day)}, status: {end}{extra}, note: {rng.choice(NOTES)}}}")
        else:
            rag = rng.choice(["red", "amber", "green"])
            status = ", status: awaiting-sign-off" if rng.random() < 0.15 else ""
            entries.append(f"      - {{date: {date(year, month, day)}{status}, rag: {rag}, note: {rng.choice(NOTES)}}}")
    return entries


def finding(rng, ref, kind, year, month, earlier_ids, area=None):
    portfolio = rng.choice(PORTFOLIOS)[0]
    lines = [f"  - ref: {ref}", f"    type: {kind}"]
    if kind == "recommendation" and rng.random() < 0.3:
        lines.append("    scope: all-forces")
    if area:
        lines.append(f"    area: {area}")
    lines.append(f"    title: {sentence(rng, 6, 14)}")
    lines.append("    text: |")
    for _ in range(rng.randint(2, 6)):
        lines.append(f"      {sentence(rng, 8, 14)}.")
    lines.append(f"    owner: {rng.choice(OWNERS)}")
    lines.append(f"    portfolio: {portfolio}")
    due_year, due_month = add_months(year, month, rng.randint(4, 18))
    lines.append(f"    due: {due_year:04d}-{due_month:02d}")
    lines.append("    history:")
    lines.extend(history(rng, year, month, earlier_ids))
    return lines


def inspection(rng, force, number, kind, findings, earlier_ids):
    year = rng.randint(2017, 2022)
    month = rng.randint(1, 12)
    ident = f"{force}-{kind}-{number}"
    lines = [f"id: {ident}", f"type: {kind}", f"title: {sentence(rng, 5, 10)}", "inspectorates: [HMICFRS]"]
    if kind in ("national-thematic", "joint-thematic"):
        lines.append(f"other_forces: [{', '.join(f'Force {rng.randint(1, 43)}' for _ in range(rng.randint(2, 6)))}]")
    lines.append(f"fieldwork: {{week_commencing: {monday(rng, year, month)}}}")
    pub_year, pub_month = add_months(year, month, rng.randint(2, 5))
    lines.append(f"published: {date(pub_year, pub_month, rng.randint(1, 28))}")
    lines.append("summary: |")
    for _ in range(rng.randint(3, 8)):
        lines.append(f"  {sentence(rng, 10, 18)}.")
    ids = []
    if kind == "peel":
        lines.append("gradings:")
        lines.append("  cycle: 2021-22")
        lines.append("  areas:")
        for area in PEEL_AREAS:
            lines.append(f"    {area}:")
            lines.append(f"      grade: {rng.choice(GRADES)}")
            lines.append(f"      narrative: {sentence(rng, 15, 30)}.")
        for area in PEEL_NOT_GRADED:
            lines.append(f"    {area}: not-graded")
    lines.append("findings:")
    for n in range(1, findings + 1):
        kind_of_finding = "afi" if kind == "peel" else rng.choice(["recommendation", "recommendation", "afi", "not-formal"])
        ref = f"{'AFI' if kind_of_finding == 'afi' else 'R'}{n}"
        area = rng.choice(PEEL_AREAS) if kind == "peel" else None
        lines.extend(finding(rng, ref, kind_of_finding, pub_year, pub_month, earlier_ids, area))
        ids.append(f"{ident}/{ref}")
    return ident, "\n".join(lines) + "\n", ids


def monday(rng, year, month):
    import datetime
    day = datetime.date(year, month, rng.randint(1, 21))
    return (day - datetime.timedelta(days=day.weekday())).isoformat()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--forces", type=int, default=1)
    parser.add_argument("--findings", type=int, default=1000, help="findings per force")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    shutil.rmtree(args.out, ignore_errors=True)
    portfolios = "\n".join(f"  - {{id: {pid}, name: {name}, lead: {rng.choice(OWNERS)}}}" for pid, name in PORTFOLIOS)
    write(os.path.join(args.out, "hmicfrs-track.yaml"),
          f"schema_version: 1\nforce: {{name: Synthetic forces ({args.forces})}}\n"
          f"committee: {{name: Joint Audit Committee}}\nportfolios:\n{portfolios}\n")
    meetings = []
    for year in range(2018, 2024):
        for month in (3, 6, 9, 12):
            meetings.append(f"  - {{id: {year}-{month:02d}, date: {date(year, month, 28)}, agenda_item: \"06\"}}")
    write(os.path.join(args.out, "committees.yaml"), "meetings:\n" + "\n".join(meetings) + "\n")

    total = 0
    for f in range(1, args.forces + 1):
        force = f"force-{f:02d}"
        remaining = args.findings
        number = 0
        earlier_ids = []
        while remaining > 0:
            number += 1
            kind = "peel" if number == 1 else rng.choice(INSPECTION_TYPES)
            count = min(remaining, 18 if kind == "peel" else rng.randint(3, 25))
            ident, text, ids = inspection(rng, force, number, kind, count, earlier_ids)
            write(os.path.join(args.out, "inspections", force, f"{ident}.yaml"), text)
            earlier_ids = ids  # a finding may be superseded by one of the inspection written before it: never a cycle
            remaining -= count
            total += count
    print(f"{args.out}: {args.forces} forces, {total} findings")


if __name__ == "__main__":
    main()

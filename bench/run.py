#!/usr/bin/env python3
"""Runs the benchmark: registers of 1,000, 10,000 and 100,000 findings
(bench/generate.py), and on each, RUNS times:
  - hmicfrs-track validate, and report --committee (wall time, peak RSS);
  - the floor: a bare single-threaded yaml-cpp event pass (bench/yaml_floor.cpp);
  - what a user would write instead: PyYAML's CSafeLoader counting open
    findings by RAG (bench/count_open.py, with /usr/bin/python3).
Prints medians with min and max, the ratios, and whether each goal of the
issue is met. Use bench/run.sh, which builds what this needs.

    bench/run.py BUILD_DIR WORK_DIR [--runs 7] [--sizes 1000,10000,100000]
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys

AS_OF = "2030-01-01"
SHAPES = {1000: (1, 1000), 10000: (43, 233), 100000: (43, 2326)}  # findings: (forces, findings per force)


def measure(measurer, command):
    """Wall seconds and peak RSS in MiB of one run, taken by bench/measure.cpp; the run must succeed."""
    result = subprocess.run([measurer] + command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
    wall, rss_kib = result.stdout.split()
    return float(wall), int(rss_kib) / 1024


def summary(samples):
    walls = [w for w, _ in samples]
    return {"median": statistics.median(walls), "min": min(walls), "max": max(walls),
            "rss": statistics.median(r for _, r in samples)}


def tree_bytes(root):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(root) for f in files)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build")
    parser.add_argument("work")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    tool = os.path.join(args.build, "src", "hmicfrs-track")
    floor = os.path.join(args.build, "bench", "hmicfrs_yaml_floor")
    measurer = os.path.join(args.build, "bench", "hmicfrs_measure")
    here = os.path.dirname(os.path.abspath(__file__))

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; "
          f"{args.runs} runs each, median (min to max).\n")
    print("| findings | files | MB | what | wall ms | min to max ms | peak RSS MiB |")
    print("|---:|---:|---:|---|---:|---|---:|")
    results = {}
    for size in [int(s) for s in args.sizes.split(",")]:
        forces, per_force = SHAPES[size]
        register = os.path.join(args.work, f"register-{size}")
        subprocess.run([sys.executable, os.path.join(here, "generate.py"), register, "--forces", str(forces),
                        "--findings", str(per_force)], check=True, stdout=subprocess.DEVNULL)
        files = sum(len(f) for _, _, f in os.walk(register))
        megabytes = tree_bytes(register) / 1e6
        commands = {
            "validate": [tool, "--data", register, "--as-of", AS_OF, "validate"],
            "report": [tool, "--data", register, "report", "--committee", "2023-12", "--format", "html"],
            "floor": [floor, register],
            "python": ["/usr/bin/python3", os.path.join(here, "count_open.py"), register, AS_OF],
        }
        measure(measurer, commands["validate"])  # warm the page cache
        row = {name: summary([measure(measurer, cmd) for _ in range(args.runs)]) for name, cmd in commands.items()}
        results[size] = {"row": row, "mb": megabytes}
        for name, s in row.items():
            print(f"| {size:,} | {files:,} | {megabytes:.1f} | {name} | {s['median'] * 1000:.0f} | "
                  f"{s['min'] * 1000:.0f} to {s['max'] * 1000:.0f} | {s['rss']:.0f} |")

    print("\n| findings | validate / floor | python / validate | report / floor |")
    print("|---:|---:|---:|---:|")
    for size, r in results.items():
        row = r["row"]
        print(f"| {size:,} | {row['validate']['median'] / row['floor']['median']:.2f} | "
              f"{row['python']['median'] / row['validate']['median']:.1f} | "
              f"{row['report']['median'] / row['floor']['median']:.2f} |")

    print("\nGoals:")
    checks = []
    if 1000 in results:
        report = results[1000]["row"]["report"]["median"] * 1000
        checks.append((f"1,000 findings: report median {report:.0f} ms < 60 ms", report < 60))
    if 100000 in results:
        row = results[100000]["row"]
        ratio = row["validate"]["median"] / row["floor"]["median"]
        checks.append((f"100,000 findings: validate / floor = {ratio:.2f} <= 0.8", ratio <= 0.8))
        python = row["python"]["median"] / row["validate"]["median"]
        checks.append((f"100,000 findings: python / validate = {python:.1f} >= 3", python >= 3))
        rss = row["validate"]["rss"]
        total = results[100000]["mb"] * 1e6 / 2**20
        checks.append((f"100,000 findings: validate peak RSS {rss:.0f} MiB < files {total:.0f} MiB", rss < total))
    if 10000 in results and 100000 in results:
        for name in ("validate", "report"):
            growth = results[100000]["row"][name]["median"] / results[10000]["row"][name]["median"]
            checks.append((f"{name} 100k / 10k = {growth:.2f} <= 10.5", growth <= 10.5))
    for text, ok in checks:
        print(f"- {'PASS' if ok else 'FAIL'}: {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""check.py SOURCE_DIR BUILD_DIR LAYER:HEADER:EXPECT...

Compiles, for each probe, a file that includes HEADER with every distinct
command line of every target built from LAYER's sources (read from
BUILD_DIR's compile_commands.json), and checks that each compilation fails for
want of HEADER (EXPECT "fails") or succeeds (EXPECT "compiles").

The staging folders hold links, through which "hmicfrs/model/../render/x.hpp"
would reach a header the layer may not use, and a quoted "../render/x.hpp"
would reach another layer's private header: so no #include in src/ or
include/ may hold "..". Exits 1 on any probe or include that does not hold.
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor


def with_probe(arguments, directory, source, probe, scratch):
    """The command line compiling `probe` in place of `source`, its output and dependency files in `scratch`."""
    swapped = []
    replace_next = None
    for argument in arguments:
        if replace_next:
            swapped.append(replace_next)
            replace_next = None
        elif argument in ("-o", "-MF", "-MT"):
            swapped.append(argument)
            replace_next = os.path.join(scratch, "probe.d" if argument == "-MF" else "probe.o")
        elif os.path.realpath(os.path.join(directory, argument)) == source:
            swapped.append(probe)
        else:
            swapped.append(argument)
    return swapped


def commands_by_layer(source_dir, build_dir):
    """{layer: {(target, shape): (arguments, directory, source)}}: each distinct compile command of the targets
    built from src/<layer>/."""
    with open(os.path.join(build_dir, "compile_commands.json"), encoding="utf-8") as file:
        entries = json.load(file)
    layers = {}
    src = os.path.join(os.path.realpath(source_dir), "src") + os.sep
    for entry in sorted(entries, key=lambda e: e["file"]):
        path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
        arguments = entry.get("arguments") or shlex.split(entry["command"])
        output = arguments[arguments.index("-o") + 1]
        target = re.search(r"CMakeFiles/([^/]+)\.dir/", output).group(1)
        if path.startswith(src) and os.sep in path[len(src):]:
            layer = path[len(src):].split(os.sep)[0]
        elif target.startswith("layering_"):
            layer = target[len("layering_"):]
        else:
            continue
        # Two sources of a target compiled alike give one command to probe with.
        shape = tuple(with_probe(arguments, entry["directory"], path, "probe.cpp", ""))
        layers.setdefault(layer, {}).setdefault((target, shape), (arguments, entry["directory"], path))
    return layers


def compile_probe(command, header, scratch_root):
    arguments, directory, source = command
    scratch = tempfile.mkdtemp(dir=scratch_root)
    probe = os.path.join(scratch, "probe.cpp")
    with open(probe, "w", encoding="utf-8") as file:
        file.write(f"#include <{header}>\n")
    swapped = with_probe(arguments, directory, source, probe, scratch)
    result = subprocess.run(swapped, cwd=directory, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def includes_climbing_out(source_dir):
    """Every #include in src/ and include/ that holds "..", as "path:line: text"."""
    found = []
    for part in ("src", "include"):
        for folder, _, files in os.walk(os.path.join(source_dir, part)):
            for name in sorted(files):
                if not name.endswith((".cpp", ".hpp")):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as file:
                    for number, line in enumerate(file, 1):
                        if re.match(r"\s*#\s*include\b.*\.\.", line):
                            found.append(f"{os.path.relpath(path, source_dir)}:{number}: {line.strip()}")
    return found


def judge(target, layer, header, expect, status, output):
    """"ok: ..." or "FAIL: ..." for one compilation of a probe."""
    missing = re.search(re.escape(header) + r"(: No such file or directory|' file not found)", output)
    if expect == "compiles" and status == 0:
        return f"ok: {header} compiles in {target}"
    if expect == "compiles":
        return f"FAIL: {header} should compile in {target} (an allowed include):\n{output[-600:]}"
    if status == 0:
        return f"FAIL: {header} compiled in {target}: the build does not stop {layer} from including it"
    if missing:
        return f"ok: {header} not found in {target}"
    return f"FAIL: {header} failed in {target}, but not for want of that header:\n{output[-600:]}"


def main():
    source_dir, build_dir, *probes = sys.argv[1:]
    layers = commands_by_layer(source_dir, build_dir)
    verdicts = []
    jobs = []
    with tempfile.TemporaryDirectory() as scratch, ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for probe in probes:
            layer, header, expect = probe.split(":")
            commands = layers.get(layer)
            if not commands:
                verdicts.append(f"FAIL: no compile command of a target built from src/{layer}/ in "
                                "compile_commands.json")
                continue
            for (target, _), command in sorted(commands.items()):
                jobs.append((target, layer, header, expect, pool.submit(compile_probe, command, header, scratch)))
        for target, layer, header, expect, job in jobs:
            verdicts.append(judge(target, layer, header, expect, *job.result()))
    verdicts += [f"FAIL: an include climbs out of its folder: {found}" for found in includes_climbing_out(source_dir)]
    for verdict in verdicts:
        print(verdict)
    failed = sum(verdict.startswith("FAIL") for verdict in verdicts)
    print(f"{len(verdicts) - failed} held, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

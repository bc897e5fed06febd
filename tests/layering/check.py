#!/usr/bin/env python3
"""check.py SOURCE_DIR BUILD_DIR LAYER:HEADER:EXPECT...

Compiles, for each probe, a file that includes HEADER with the command line of
every target built from LAYER's sources (read from BUILD_DIR's
compile_commands.json), and checks that each compilation fails for want of
HEADER (EXPECT "fails") or succeeds (EXPECT "compiles"). Exits 1 on any probe
that does not hold.
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile


def commands_by_layer(source_dir, build_dir):
    """{layer: {target: one compile command (argument list, directory)}} for targets built from src/<layer>/."""
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
        layers.setdefault(layer, {}).setdefault(target, (arguments, entry["directory"], path))
    return layers


def compile_probe(command, header, scratch):
    arguments, directory, source = command
    probe = os.path.join(scratch, "probe.cpp")
    with open(probe, "w", encoding="utf-8") as file:
        file.write(f"#include <{header}>\n")
    swapped = []
    replace_next = None
    for argument in arguments:
        if replace_next:
            swapped.append(replace_next)
            replace_next = None
        elif argument in ("-o", "-MF", "-MT"):
            swapped.append(argument)
            replace_next = os.path.join(scratch, "probe.o" if argument != "-MF" else "probe.d")
        elif os.path.realpath(os.path.join(directory, argument)) == source:
            swapped.append(probe)
        else:
            swapped.append(argument)
    result = subprocess.run(swapped, cwd=directory, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def main():
    source_dir, build_dir, *probes = sys.argv[1:]
    layers = commands_by_layer(source_dir, build_dir)
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        for probe in probes:
            layer, header, expect = probe.split(":")
            targets = layers.get(layer)
            if not targets:
                print(f"FAIL: no compile command of a target built from src/{layer}/ in compile_commands.json")
                failed = True
                continue
            for target, command in sorted(targets.items()):
                status, output = compile_probe(command, header, scratch)
                missing = re.search(re.escape(header) + r"(: No such file or directory|' file not found)", output)
                if expect == "compiles" and status == 0:
                    print(f"ok: {header} compiles in {target}")
                elif expect == "compiles":
                    print(f"FAIL: {header} should compile in {target} (an allowed include):\n{output[-600:]}")
                    failed = True
                elif status == 0:
                    print(f"FAIL: {header} compiled in {target}: the build does not stop {layer} from including it")
                    failed = True
                elif missing:
                    print(f"ok: {header} not found in {target}")
                else:
                    print(f"FAIL: {header} failed in {target}, but not for want of that header:\n{output[-600:]}")
                    failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

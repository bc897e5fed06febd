#!/usr/bin/env python3
"""decoder_digest_test.py SOURCE_DIR COMPILE_CATALOGUE GENERATED_CATALOGUE

The parse cache keys its entries by a digest of every source that shapes what
decoding gives (cmake/DecodingSources.cmake). Runs the build's digest step on
a copy of the sources: unchanged, it must give the digest the build compiled
in; with include/hmicfrs/model/enums.hpp changed, a different one.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def decoding_sources(root):
    result = subprocess.run(["cmake", f"-DROOT={root}", "-P", os.path.join(root, "cmake", "DecodingSources.cmake")],
                            capture_output=True, text=True, check=True)
    return result.stderr.split()


def digest(compiler, root, scratch):
    output = os.path.join(scratch, "catalogue.cpp")
    subprocess.run([compiler, os.path.join(root, "data", "peel-cycles.yaml"), output, *decoding_sources(root)],
                   check=True)
    with open(output, encoding="utf-8") as file:
        return re.search(r'decoder_digest\(\) \{ return "([0-9a-f]{16})"', file.read()).group(1)


def main():
    source_dir, compiler, generated = sys.argv[1:]
    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = os.path.join(scratch, "tree")
        for part in ("src", "include", "cmake", "data"):
            shutil.copytree(os.path.join(source_dir, part), os.path.join(copy, part))
        listed = [os.path.relpath(path, copy) for path in decoding_sources(copy)]
        for expected in ("include/hmicfrs/model/enums.hpp", "include/hmicfrs/load/loader.hpp",
                         "include/hmicfrs/diag/diagnostic.hpp", "include/hmicfrs/util/utf8.hpp",
                         "src/load/decode.cpp", "src/load/decode.hpp", "src/model/enums.cpp"):
            if expected not in listed:
                failures.append(f"{expected} is not among the decoding sources")
        for path in listed:
            if not re.match(r"(src|include/hmicfrs)/(load|model|diag|util)/", path):
                failures.append(f"{path} is among the decoding sources, but decoding does not read it")

        before = digest(compiler, copy, scratch)
        with open(generated, encoding="utf-8") as file:
            built = re.search(r'decoder_digest\(\) \{ return "([0-9a-f]{16})"', file.read()).group(1)
        if before != built:
            failures.append(f"the copy's digest {before} is not the build's {built}: the test runs another step")

        with open(os.path.join(copy, "include/hmicfrs/model/enums.hpp"), "a", encoding="utf-8") as file:
            file.write("// A change to the header that defines the record layout's enumerations.\n")
        after = digest(compiler, copy, scratch)
        if after == before:
            failures.append(f"changing include/hmicfrs/model/enums.hpp left the digest at {before}")
        print(f"digest of the sources: {before}; with enums.hpp changed: {after}; {len(listed)} files")
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

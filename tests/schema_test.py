#!/usr/bin/python3
"""Checks register files against the JSON Schemas in schemas/ with a real
validator (Debian's python3-jsonschema, Draft 2020-12).

    schema_test.py valid DIR...          every YAML file of each register must pass
    schema_test.py invalid DIR BINARY    every file under DIR/inspections must fail the
                                         schema, and `BINARY validate --strict` too

YAML is read as editors read it (YAML 1.2: a date stays text). Exits 77,
skipped, when jsonschema or PyYAML is missing.
"""

import datetime
import glob
import json
import os
import sys

try:
    import jsonschema
    import yaml
except ImportError as missing:
    print(f"SKIPPED: {missing.name} is not installed (apt-get install python3-jsonschema python3-yaml)")
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, "..", "schemas")


def kind_of(relative):
    parts = relative.split(os.sep)
    if relative == "hmicfrs-track.yaml":
        return "config"
    if relative == "committees.yaml":
        return "committees"
    if parts[0] == "inspections":
        return "inspection"
    if parts[0] == "peel-frameworks":
        return "peel-framework"
    return None


def as_text(value):
    """PyYAML follows YAML 1.1 and reads 2022-03-31 as a date; editors, and
    hmicfrs-track, read it as text."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(as_text(k)): as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_text(v) for v in value]
    return value


def validator(kind):
    with open(os.path.join(SCHEMAS, f"{kind}.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors_of(path, kind):
    with open(path, encoding="utf-8") as f:
        document = as_text(yaml.safe_load(f))
    return [f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(kind).iter_errors(document)]


def files_validate_rejects(root, binary):
    """The files that `hmicfrs-track validate --strict` reports a problem in."""
    import subprocess
    run = subprocess.run([binary, "--data", root, "validate", "--strict", "--format", "json"],
                         capture_output=True, text=True)
    if run.returncode != 1:
        sys.exit(f"validate --strict should exit 1 on {root}, not {run.returncode}")
    return {os.path.relpath(d["file"], root) for d in json.loads(run.stdout)}


def main():
    mode = sys.argv[1]
    dirs = sys.argv[2:] if mode == "valid" else sys.argv[2:3]
    rejected = files_validate_rejects(dirs[0], sys.argv[3]) if mode == "invalid" else set()
    failures = 0
    checked = 0
    for root in dirs:
        for path in sorted(glob.glob(os.path.join(root, "**", "*.yaml"), recursive=True)):
            relative = os.path.relpath(path, root)
            kind = kind_of(relative)
            if kind is None or (mode == "invalid" and kind != "inspection"):
                continue
            checked += 1
            errors = errors_of(path, kind)
            if mode == "valid" and errors:
                failures += 1
                print("\n".join(errors))
            elif mode == "invalid":
                if not errors:
                    failures += 1
                    print(f"{path}: passed the schema, but it should not")
                elif relative not in rejected:
                    failures += 1
                    print(f"{path}: validate --strict passed it, but it should not")
                else:
                    print(f"{relative}: {errors[0].split(': ', 1)[1]}")
    print(f"{checked} files checked, {failures} failures")
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main())

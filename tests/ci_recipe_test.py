#!/usr/bin/python3
"""Runs the commands of the CI recipes in examples/ci/ as the CI services would.

    ci_recipe_test.py SOURCE_DIR BINARY [--build-from-source]

A register repository is laid out as the recipes ask (the register in data/,
the GitHub files in .github/, the tool's source as the submodule
hmicfrs-track/), first with the example register, then with each of three
defects: an impossible date, and two that would lose data unless validate
fails on them (a note split by an unquoted comma, a misspelt `findings:`).
The steps are read from the recipe files themselves, so what is tested is
what a force copies. With --build-from-source, the valid register's run of
each recipe takes the tool's source from a clean clone of SOURCE_DIR's
repository (as the checkout of the submodule would) and runs the recipe's
own build: the packages script, CMake, the install into tools/, then the
later steps with that build on PATH (GitHub's $GITHUB_PATH is honoured as
Actions does). The two recipes' build commands are the same (checked), so
the tool is compiled once: GitLab's build commands run in the repository
GitHub's built in, emptied of all but the source and the build directory,
and install the up-to-date build into tools/ again. Without it, and for the
defects, BINARY stands in for the build. Only apt-get lines (installing git
and jq, which the test needs anyway) are left out.

For GitHub: the steps run under bash -eo pipefail as Actions runs them; the
problem matcher's expression, applied to the validation step's output, must
find every error and warning with a path that exists in the repository; the
artifact directory holds each meeting's paper. For GitLab: the job's script
runs likewise; the Code Quality report names each problem's file and line.
For pre-commit: the hook's entry passes on the example and fails on the defect.

Exits 77 (skipped) when PyYAML or jq is missing.
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("SKIP: PyYAML is not installed (Debian: python3-yaml)")
    sys.exit(77)
if shutil.which("jq") is None:
    print("SKIP: jq is not installed (Debian: jq); the GitLab job needs it")
    sys.exit(77)

source, binary = sys.argv[1], os.path.abspath(sys.argv[2])
build_from_source = "--build-from-source" in sys.argv[3:]
if build_from_source and subprocess.run(["git", "-C", source, "rev-parse", "--is-inside-work-tree"],
                                        capture_output=True).returncode != 0:
    print("SKIP: --build-from-source needs SOURCE_DIR to be a git clone")
    sys.exit(77)
recipes = os.path.join(source, "examples", "ci")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def load(relative):
    with open(os.path.join(recipes, relative), encoding="utf-8") as f:
        return yaml.safe_load(f)


# Defects that lose or garble data, each with the annotation it must give:
# (line, column, code) in data/inspections/broken.yaml.
REPORT = "id: broken\ntype: other\ntitle: A report\npublished: 2022-02-14\n"
FINDING = "  - ref: R1\n    type: recommendation\n    title: T\n    portfolio: crime\n    history:\n"
DEFECTS = {
    "impossible date": (REPORT.replace("2022-02-14", "2022-02-30"), ("4", "12", "invalid-date")),
    "comma in a one-line note": (REPORT + "findings:\n" + FINDING +
                                 "      - {date: 2022-03-01, status: open, rag: red, "
                                 "note: Contract under review, new provider from April}\n",
                                 ("11", "81", "unquoted-comma")),
    "findings misspelt": (REPORT + "finding:\n" + FINDING + "      - date: 2022-03-01\n        rag: red\n",
                          ("5", "1", "unknown-field")),
}


def make_repository(root, defect, build):
    """A register repository as the recipes expect. When the recipe's build is to run, the tool's source is
    cloned where the submodule would be checked out (unless an earlier recipe's run left it there with its
    build); else BINARY stands in for the build in tools/bin."""
    shutil.copytree(os.path.join(source, "examples", "west-midlands"), os.path.join(root, "data"))
    shutil.copytree(os.path.join(recipes, "github"), os.path.join(root, ".github"))
    if defect:
        with open(os.path.join(root, "data", "inspections", "broken.yaml"), "w", encoding="utf-8") as f:
            f.write(DEFECTS[defect][0])
    environment = dict(os.environ, CI="true", CI_PROJECT_DIR=root, GITHUB_PATH=os.path.join(root, ".github-path"))
    if build:
        if not os.path.isdir(os.path.join(root, "hmicfrs-track")):
            subprocess.run(["git", "clone", "--quiet", os.path.abspath(source), os.path.join(root, "hmicfrs-track")],
                           check=True)
    else:
        bin_dir = os.path.join(root, "tools", "bin")
        os.makedirs(bin_dir)
        os.symlink(binary, os.path.join(bin_dir, "hmicfrs-track"))
        environment["PATH"] = bin_dir + os.pathsep + os.environ["PATH"]
    return environment


def is_build(command):
    return "hmicfrs-track/scripts/install-deps.sh" in command or command.startswith("cmake ")


def run_script(script, root, environment):
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=root,
                            env=environment, capture_output=True, text=True, timeout=900)
    # As Actions does: directories a step appends to $GITHUB_PATH lead PATH in the steps after it.
    if os.path.exists(environment["GITHUB_PATH"]):
        with open(environment["GITHUB_PATH"], encoding="utf-8") as f:
            added = [line.strip() for line in f if line.strip()]
        environment["PATH"] = os.pathsep.join(reversed(added)) + os.pathsep + os.environ["PATH"]
    return result


def expect_built(root, environment, where):
    """The commands after the build ran the tool the recipe built and installed in tools/."""
    found = shutil.which("hmicfrs-track", path=environment.get("PATH"))
    check(found == os.path.join(root, "tools", "bin", "hmicfrs-track") and not os.path.islink(found),
          f"{where}: after the build, hmicfrs-track on PATH is {found}, not the one built into tools/bin")


def expect_papers(root, directory, where):
    meetings = ["2021-12", "2022-03"]
    expected = sorted(f"{m}.{ext}" for m in meetings for ext in ("md", "html", "docx"))
    path = os.path.join(root, directory)
    found = sorted(os.listdir(path)) if os.path.isdir(path) else []
    check(found == expected, f"{where}: {directory} holds {found}, not {expected}")
    for name in found:
        check(os.path.getsize(os.path.join(path, name)) > 1000, f"{where}: {directory}/{name} is nearly empty")


def github(root, environment, defect, build):
    workflow = load("github/workflows/hmicfrs-track.yml")
    triggers = workflow.get(True, workflow.get("on"))  # PyYAML reads the key `on` as true
    check("push" in triggers, "GitHub: the workflow does not run on push")
    steps = next(iter(workflow["jobs"].values()))["steps"]
    matcher = None
    for step in steps:
        name = step.get("name", step.get("uses", ""))
        if "run" not in step or name.startswith("Install") or (is_build(step["run"]) and not build):
            continue
        result = run_script(step["run"], root, environment)
        if is_build(step["run"]):
            check(result.returncode == 0, f"GitHub: '{name}' exited {result.returncode}:\n{result.stdout}{result.stderr}")
            expect_built(root, environment, "GitHub")
            continue
        output = result.stdout + result.stderr
        for added in re.findall(r"^::add-matcher::(.+)$", result.stdout, re.M):
            with open(os.path.join(root, added), encoding="utf-8") as f:
                matcher = json.load(f)["problemMatcher"][0]["pattern"][0]
        if name.startswith("Validate"):
            check(result.returncode == (1 if defect else 0),
                  f"GitHub: '{name}' exited {result.returncode}:\n{output}")
            check(matcher is not None, "GitHub: the validation step adds no problem matcher")
            if matcher:
                check_matcher(matcher, result.stdout, root, defect)
            if defect:
                return  # a failed step ends the job
        else:
            check(result.returncode == 0, f"GitHub: '{name}' exited {result.returncode}:\n{output}")
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    expect_papers(root, upload["with"]["path"], "GitHub")


def check_matcher(matcher, stdout, root, defect):
    """Every error and warning line is an annotation on a file of the repository."""
    expression = re.compile(matcher["regexp"])
    diagnostics = [line for line in stdout.splitlines() if re.search(r": (error|warning): ", line)]
    check(len(diagnostics) == (1 if defect else 0), f"GitHub: unexpected diagnostics {diagnostics}")
    for line in diagnostics:
        match = expression.match(line)
        check(match is not None, f"GitHub: the problem matcher misses '{line}'")
        if match:
            path = match.group(matcher["file"])
            check(os.path.isfile(os.path.join(root, path)), f"GitHub: annotation path '{path}' is not in the repository")
            got = (path, match.group(matcher["line"]), match.group(matcher["column"]),
                   match.group(matcher["severity"]), match.group(matcher["code"]))
            line, column, code = DEFECTS[defect][1]
            check(got == ("data/inspections/broken.yaml", line, column, "error", code),
                  f"GitHub ({defect}): the problem matcher reads {got}")


def gitlab(root, environment, defect, build):
    job = next(value for key, value in load("gitlab/.gitlab-ci.yml").items()
               if isinstance(value, dict) and "script" in value)
    before = [line for line in job.get("before_script", [])
              if not line.startswith("apt-get") and (build or not is_build(line))]
    # Where the job's own shell finds the tool once before_script has run.
    which = "command -v hmicfrs-track > .which-hmicfrs-track"
    result = run_script("\n".join(before + [which] + job["script"]), root, environment)
    if build:
        with open(os.path.join(root, ".which-hmicfrs-track"), encoding="utf-8") as f:
            found = f.read().strip()
        built = os.path.join(root, "tools", "bin", "hmicfrs-track")
        check(found == built and not os.path.islink(found),
              f"GitLab: after before_script, hmicfrs-track on PATH is {found}, not the one built into {built}")
    check(result.returncode == (1 if defect else 0),
          f"GitLab: the job's script exited {result.returncode}:\n{result.stdout}{result.stderr}")
    with open(os.path.join(root, job["artifacts"]["reports"]["codequality"]), encoding="utf-8") as f:
        report = json.load(f)
    if defect:
        line, _, code = DEFECTS[defect][1]
        check(len(report) == 1 and report[0]["location"] == {"path": "data/inspections/broken.yaml",
                                                             "lines": {"begin": int(line)}}
              and report[0]["check_name"] == code and report[0]["severity"] == "major",
              f"GitLab ({defect}): the Code Quality report is {report}")
    else:
        check(report == [], f"GitLab: the Code Quality report of a valid register is {report}")
        for path in job["artifacts"]["paths"]:
            expect_papers(root, path, "GitLab")


def pre_commit(root, environment, defect, build):
    hook = load(".pre-commit-config.yaml")["repos"][0]["hooks"][0]
    check(re.search(hook["files"], "data/inspections/peel/peel-2021-22.yaml") is not None,
          "pre-commit: the hook does not run for an inspection file")
    result = subprocess.run(shlex.split(hook["entry"]), cwd=root, env=environment, capture_output=True, text=True,
                            timeout=60)
    check(result.returncode == (1 if defect else 0), f"pre-commit: '{hook['entry']}' exited {result.returncode}")


def build_lines(lines):
    """A recipe's build commands, each recipe's name for the repository's root written alike."""
    return [line.strip().replace('"$CI_PROJECT_DIR/', '"$ROOT/').replace('"$PWD/', '"$ROOT/')
            for line in lines if is_build(line.strip())]


def leave_only_the_build(root):
    """Empties a repository of all but the tool's source and its build directory, as a runner that caches
    them would start the next job."""
    for name in os.listdir(root):
        if name not in ("hmicfrs-track", "build-hmicfrs-track"):
            path = os.path.join(root, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)


# The two recipes build the tool with the same commands (checked here), so the valid register's build is
# compiled once: the GitLab job then runs its own build commands (install-deps, configure, build, install)
# in the GitHub run's repository, emptied of all but the source and the build directory, where they find
# the build up to date and install it again into tools/.
github_steps = next(iter(load("github/workflows/hmicfrs-track.yml")["jobs"].values()))["steps"]
github_build = build_lines(line for step in github_steps if "run" in step and is_build(step["run"])
                           for line in step["run"].splitlines())
gitlab_job = next(value for value in load("gitlab/.gitlab-ci.yml").values()
                  if isinstance(value, dict) and "script" in value)
check(github_build == build_lines(gitlab_job.get("before_script", [])),
      f"the GitHub and GitLab recipes build the tool differently ({github_build} against "
      f"{build_lines(gitlab_job.get('before_script', []))}): build each from a clean checkout in this test")

with tempfile.TemporaryDirectory() as built:  # the valid register's repository, kept from one recipe to the next
    for defect in [None, *DEFECTS]:
        for service in (github, gitlab, pre_commit):
            # The recipes' builds run for the valid register; pre-commit uses an installed tool.
            build = build_from_source and defect is None and service is not pre_commit
            if build:
                leave_only_the_build(built)
                service(built, make_repository(built, defect, build), defect, build)
                continue
            with tempfile.TemporaryDirectory() as root:
                service(root, make_repository(root, defect, build), defect, build)

for failure in failures:
    print(f"FAIL: {failure}", file=sys.stderr)
sys.exit(1 if failures else 0)

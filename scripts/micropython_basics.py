#!/usr/bin/env python3
"""Run MicroPython's tests/basics/*.py under CPython and pyrite and compare.

Usage (from anywhere; the pyrite binary is resolved against the repository root):

    python3 scripts/micropython_basics.py [DIR] [--no-build] [--list] [--jobs N]

DIR defaults to /work/mpy/tests/basics (a copy of the public MicroPython
repository's tests; those files are never committed here).

For each ``*.py`` in DIR the script decides whether the test can say anything
about pyrite, and skips it when

* it imports a module pyrite lacks (the Rust ones in BUILTIN_MODULES and the
  Python ones in runtime/src/modules/lib/ are known),
* python3 fails on it (MicroPython-specific tests, syntax CPython rejects),
  or times out,
* python3 prints "SKIP" (the tests' own way of saying a feature is missing),
* python3's output is not deterministic (two runs differ).

Every remaining test runs under ``target/release/pyrite run FILE`` in the
test's directory, with a timeout, and passes when its stdout and exit status
equal CPython's. Failures are grouped by pyrite's last stderr line with
numbers and quoted names normalised; unsupported opcodes are named after the
language feature they belong to (classes, closures, generators, ...). A
failure whose pyrite run exited like CPython's but printed something else is
"output differs"; one that printed "SKIP" under pyrite only is "pyrite prints
SKIP" (the test's probe for a feature failed).

CPython children run with PYTHONHASHSEED=0 (as scripts/expectations.py does)
so that set and dict orders are reproducible.
"""

import argparse
import ast
import collections
import multiprocessing
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYRITE = ROOT / "target" / "release" / "pyrite"
DEFAULT_DIR = "/work/mpy/tests/basics"
TIMEOUT = 10
# The modules pyrite has: those written in Rust (read from BUILTIN_MODULES
# in runtime/src/modules.rs), plus those it compiles from
# runtime/src/modules/lib/ (NAME.py, or a package NAME/__init__.py).
LIB = ROOT / "runtime" / "src" / "modules" / "lib"
MODULES_RS = ROOT / "runtime" / "src" / "modules.rs"


def builtin_modules():
    """The names in BUILTIN_MODULES, read from modules.rs."""
    text = MODULES_RS.read_text()
    table = text.split("const BUILTIN_MODULES", 1)[1].split("];", 1)[0]
    return set(re.findall(r'(?m)^\s*\(\s*"([A-Za-z_][A-Za-z0-9_]*)"', table))


ALLOWED_MODULES = (
    builtin_modules()
    | {p.stem for p in LIB.glob("*.py")}
    | {p.parent.name for p in LIB.glob("*/__init__.py")}
)

# Opcodes pyrite does not run yet, named after the feature that needs them.
OPCODE_FEATURES = {
    "LOAD_BUILD_CLASS": "classes",
    "LOAD_CLASSDEREF": "classes",
    "MAKE_CELL": "closures",
    "LOAD_DEREF": "closures",
    "STORE_DEREF": "closures",
    "DELETE_DEREF": "closures",
    "LOAD_CLOSURE": "closures",
    "COPY_FREE_VARS": "closures",
    "RETURN_GENERATOR": "generators",
    "YIELD_VALUE": "generators",
    "SEND": "generators",
    "GET_YIELD_FROM_ITER": "generators",
    "GET_AWAITABLE": "async",
    "GET_AITER": "async",
    "GET_ANEXT": "async",
    "BEFORE_ASYNC_WITH": "async",
    "ASYNC_GEN_WRAP": "async",
    "END_ASYNC_FOR": "async",
    "MATCH_CLASS": "match",
    "MATCH_MAPPING": "match",
    "MATCH_SEQUENCE": "match",
    "MATCH_KEYS": "match",
    "GET_LEN": "match",
    "BEFORE_WITH": "with",
    "SETUP_ANNOTATIONS": "annotations",
}

OPCODE_RE = re.compile(r"opcode ([A-Z_]+) is not supported")
QUOTED_RE = re.compile(r"'[^']*'")
NUMBER_RE = re.compile(r"(?<![A-Za-z_])-?\d+(\.\d+)?")
HEX_RE = re.compile(r"0x[0-9a-fA-F]+")


def child_env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUTF8"] = "1"
    for var in ("PYTHONWARNINGS", "PYTHONSTARTUP", "PYTHONOPTIMIZE", "PYTHONPATH"):
        env.pop(var, None)
    return env


def imported_modules(source):
    """Top-level module names the file imports, or None if CPython can't parse it."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add((node.module or ".").split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "__import__"
        ):
            names.add("__import__")
    return names


def run(cmd, cwd):
    """(exit status, stdout bytes, stderr text); exit status None on timeout."""
    try:
        proc = subprocess.run(
            cmd, cwd=cwd, env=child_env(), capture_output=True, timeout=TIMEOUT
        )
    except subprocess.TimeoutExpired:
        return None, b"", ""
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def last_line(stderr):
    lines = [l for l in stderr.splitlines() if l.strip()]
    return lines[-1].strip() if lines else ""


def failure_reason(status, stderr, expected_status):
    """(group, detail) for a failing pyrite run."""
    if status is None:
        return "timeout", "timeout"
    for line in stderr.splitlines():
        if "panicked at" in line:
            return "rust panic", line.strip()
    if status < 0:
        return "crash (signal %d)" % -status, "signal %d" % -status
    line = last_line(stderr)
    if status == expected_status or not line:
        return "output differs", line or "output differs"
    opcode = OPCODE_RE.search(line)
    if opcode:
        name = opcode.group(1)
        return OPCODE_FEATURES.get(name, "opcode " + name), line
    group = HEX_RE.sub("0x…", line)
    group = QUOTED_RE.sub("'…'", group)
    group = NUMBER_RE.sub("N", group)
    return group, line


def check(path):
    """Classify one test: ("skip", reason, "") / ("pass", "", "") / ("fail", group, detail)."""
    path = Path(path)
    source = path.read_bytes()
    modules = imported_modules(source)
    if modules is None:
        return "skip", "CPython cannot parse it", ""
    extra = sorted(modules - ALLOWED_MODULES)
    if extra:
        return "skip", "imports a module pyrite lacks", ", ".join(extra)
    cwd = str(path.parent)
    first = run([sys.executable, path.name], cwd)
    if first[0] is None:
        return "skip", "python3 times out", ""
    if first[0] != 0:
        return "skip", "python3 fails on it", last_line(first[2])
    if first[1].strip() == b"SKIP" or first[1].startswith(b"SKIP\n"):
        return "skip", "prints SKIP under python3", ""
    second = run([sys.executable, path.name], cwd)
    if second[:2] != first[:2]:
        return "skip", "python3 output not deterministic", ""
    status, out, err = run([str(PYRITE), "run", path.name], cwd)
    if status == first[0] and out == first[1]:
        return "pass", "", ""
    group, detail = failure_reason(status, err, first[0])
    if group == "output differs" and (out.strip() == b"SKIP" or out.startswith(b"SKIP\n")):
        # The test's own feature probe failed under pyrite (e.g. `str.count`
        # raised AttributeError): a missing feature, not a wrong output.
        return "fail", "pyrite prints SKIP (feature probe failed)", "prints SKIP"
    if group == "output differs":
        detail = first_difference(first[1], out)
    return "fail", group, detail


def first_difference(expected, got):
    """The first differing stdout line, shown by --list for "output differs"."""
    want = expected.decode("utf-8", "replace").splitlines()
    have = got.decode("utf-8", "replace").splitlines()
    for index in range(max(len(want), len(have))):
        a = want[index] if index < len(want) else "<end>"
        b = have[index] if index < len(have) else "<end>"
        if a != b:
            return "line %d: expected %r, got %r" % (index + 1, a[:60], b[:60])
    return "output differs"


def build():
    print("building: cargo build --release -p pyrite", flush=True)
    proc = subprocess.run(["cargo", "build", "--release", "-p", "pyrite"], cwd=ROOT)
    if proc.returncode != 0:
        sys.exit("cargo build failed")


def report(results, show_list):
    total = len(results)
    skips = collections.Counter(r[1] for _, r in results if r[0] == "skip")
    passed = sum(1 for _, r in results if r[0] == "pass")
    failures = [(name, r[1], r[2]) for name, r in results if r[0] == "fail"]
    ran = passed + len(failures)
    print("total:   %d" % total)
    print("skipped: %d" % sum(skips.values()))
    for reason, count in skips.most_common():
        print("  %4d  %s" % (count, reason))
    print("run:     %d" % ran)
    print("passed:  %d" % passed)
    print("failed:  %d" % len(failures))
    rate = 100.0 * passed / ran if ran else 0.0
    print("pass rate: %.1f%% (%d/%d)" % (rate, passed, ran))
    groups = collections.Counter(group for _, group, _ in failures)
    print("largest failure groups:")
    for group, count in groups.most_common(25):
        details = collections.Counter(d for _, g, d in failures if g == group)
        print("  %4d  %s" % (count, group))
        if len(details) > 1 and group not in ("output differs",):
            for detail, n in details.most_common(4):
                print("          %3d  %s" % (n, detail))
    if show_list:
        print("failing tests:")
        for name, group, detail in sorted(failures):
            print("  %-40s %s" % (name, detail if detail != group else group))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", nargs="?", default=DEFAULT_DIR)
    parser.add_argument("--no-build", action="store_true", help="use the existing binary")
    parser.add_argument("--list", action="store_true", help="list every failing test")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if not args.no_build:
        build()
    if not PYRITE.exists():
        sys.exit("%s not found (build it or drop --no-build)" % PYRITE)
    tests = sorted(Path(args.dir).glob("*.py"))
    if not tests:
        sys.exit("no *.py files in %s" % args.dir)
    start = time.time()
    with multiprocessing.Pool(args.jobs) as pool:
        outcomes = pool.map(check, [str(t) for t in tests], chunksize=4)
    results = [(t.name, o) for t, o in zip(tests, outcomes)]
    report(results, args.list)
    print("(%.0f s)" % (time.time() - start))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Derive CPython 3.11's expectations for every case in tests/cases/.

Usage (from anywhere; paths are resolved against the repository root):

    python3 scripts/expectations.py            # (re)write snapshots/
    python3 scripts/expectations.py --check    # compare, write nothing; exit 1 on drift
    python3 scripts/expectations.py CASE...    # only these cases (e.g. loops/for_else)

The script refuses to run on anything but CPython 3.11: every expectation in
the repository must come from the reference interpreter, never from our own
compiler and never typed by hand.

For the case ``tests/cases/GROUP/NAME.py`` it writes three files:

``snapshots/dis/GROUP__NAME.snap``
    An insta snapshot (YAML header between two ``---`` lines, then the body)
    whose body is exactly what ``python3 -m dis tests/cases/GROUP/NAME.py``
    prints when run from the repository root (so the code objects' filename
    is the repository-relative path ``tests/cases/GROUP/NAME.py``), with
    every ``at 0x<hex>`` replaced by ``at 0xADDR``.

``snapshots/code_info/GROUP__NAME.snap``
    An insta snapshot whose body is the *code_info layout* of the module's
    code, defined as follows (``pyrite_compiler::dis::code_info_all`` must
    print exactly this):

    1. List the code objects depth-first in ``co_consts`` order (pre-order):
       the module code object first; then, for each constant of the module
       in ``co_consts`` order that is a code object, that code object
       followed by its own nested code objects listed the same way.
       Code objects inside tuples or frozensets of constants are not
       visited (the compiler never puts them there).
    2. Number them 0, 1, 2, ... in that order.
    3. For each code object emit a header line
       ``# code object {index}: {co_qualname} (line {co_firstlineno})``
       followed by ``dis.code_info(code)`` (which has no trailing newline)
       and a newline.
    4. Join the blocks with one empty line between consecutive blocks.
       The text therefore ends with exactly one newline.
    5. Replace every ``at 0x<hex>`` by ``at 0xADDR`` (code object reprs in
       the "Constants:" section contain addresses).

    Example, for ``def f(): pass``::

        # code object 0: <module> (line 1)
        Name:              <module>
        ...
           1: <code object f at 0xADDR, file "x.py", line 1>
        ...

        # code object 1: f (line 1)
        Name:              f
        ...

``snapshots/run/GROUP__NAME.txt``
    What running ``python3 tests/cases/GROUP/NAME.py`` from the repository
    root did (for the VM issue): a comment line, ``exit_status: N``,
    ``stderr_last_line: TEXT`` (the last non-empty line of stderr, empty
    when stderr was empty), then a line ``stdout:`` followed by stdout
    byte for byte.

Every python3 child runs with PYTHONHASHSEED=0 so that anything whose order
depends on string hashes (frozenset constants, set printing) is
reproducible, and PYTHONIOENCODING=utf-8 / PYTHONUTF8=1 so output does not
depend on the locale. The snapshot bodies' trailing newlines are not
significant to insta (it compares with trailing whitespace trimmed).
"""

import argparse
import concurrent.futures
import dis
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
SNAPSHOTS = ROOT / "snapshots"
# The test that reads these snapshots; recorded in the insta header.
SOURCE = "tests/tests/corpus.rs"
RUN_TIMEOUT = 60

ADDR = re.compile(r"at 0x[0-9a-fA-F]+")


def require_311():
    if sys.version_info[:2] != (3, 11):
        sys.exit(
            "scripts/expectations.py needs CPython 3.11 (this is %s); "
            "expectations must come from the reference interpreter"
            % sys.version.split()[0]
        )


def normalise(text):
    return ADDR.sub("at 0xADDR", text)


def child_env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUTF8"] = "1"
    for var in ("PYTHONWARNINGS", "PYTHONSTARTUP", "PYTHONOPTIMIZE", "PYTHONPATH"):
        env.pop(var, None)
    return env


def case_ids(selected):
    """Case ids ("group/name") of every tests/cases/GROUP/NAME.py, sorted.
    Deeper files are not cases: a directory inside a group holds packages
    that the group's cases import (e.g. tests/cases/imports/pkgdata/)."""
    ids = sorted(
        p.relative_to(CASES).with_suffix("").as_posix() for p in CASES.glob("*/*.py")
    )
    if selected:
        unknown = sorted(set(selected) - set(ids))
        if unknown:
            sys.exit("unknown case(s): " + ", ".join(unknown))
        ids = [i for i in ids if i in selected]
    return ids


def snapshot_stem(case_id):
    return case_id.replace("/", "__")


def rel_path(case_id):
    return "tests/cases/%s.py" % case_id


def code_objects(code):
    """Depth-first pre-order walk through co_consts (see the docstring)."""
    out = [code]
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            out.extend(code_objects(const))
    return out


def code_info_layout(code):
    blocks = []
    for index, co in enumerate(code_objects(code)):
        header = "# code object %d: %s (line %d)" % (index, co.co_qualname, co.co_firstlineno)
        blocks.append(header + "\n" + dis.code_info(co) + "\n")
    return normalise("\n".join(blocks))


def insta_file(body, expression, case_id):
    header = "---\nsource: %s\nexpression: %s\ninput_file: %s\n---\n" % (
        SOURCE,
        expression,
        rel_path(case_id),
    )
    return header + body.rstrip("\n") + "\n"


def run_python(args):
    return subprocess.run(
        [sys.executable] + args,
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        timeout=RUN_TIMEOUT,
    )


def derive(case_id):
    """All expectation files for one case: {path relative to snapshots/: bytes}."""
    rel = rel_path(case_id)
    stem = snapshot_stem(case_id)

    dis_run = run_python(["-m", "dis", rel])
    if dis_run.returncode != 0:
        raise RuntimeError("python3 -m dis %s failed:\n%s" % (rel, dis_run.stderr.decode()))
    dis_text = normalise(dis_run.stdout.decode("utf-8"))

    source = (ROOT / rel).read_bytes()
    code = compile(source, rel, "exec", dont_inherit=True)
    info_text = code_info_layout(code)

    run = run_python([rel])
    stderr_lines = [l for l in run.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    last = stderr_lines[-1] if stderr_lines else ""
    run_text = (
        "# CPython 3.11 run of %s, written by scripts/expectations.py; do not edit.\n"
        "exit_status: %d\nstderr_last_line: %s\nstdout:\n" % (rel, run.returncode, last)
    ).encode("utf-8") + run.stdout

    return {
        "dis/%s.snap" % stem: insta_file(dis_text, "dis_text", case_id).encode("utf-8"),
        "code_info/%s.snap" % stem: insta_file(info_text, "code_info_text", case_id).encode(
            "utf-8"
        ),
        "run/%s.txt" % stem: run_text,
    }


def derive_all(ids, jobs):
    files = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(derive, ids):
            files.update(result)
    return files


def existing_files():
    return {
        p.relative_to(SNAPSHOTS).as_posix()
        for sub in ("dis", "code_info", "run")
        if (SNAPSHOTS / sub).is_dir()
        for p in (SNAPSHOTS / sub).iterdir()
        if p.suffix in (".snap", ".txt")
    }


def check(files, whole_corpus):
    problems = []
    for name, data in sorted(files.items()):
        path = SNAPSHOTS / name
        if not path.exists():
            problems.append("missing: snapshots/%s" % name)
        elif path.read_bytes() != data:
            problems.append("differs from python3: snapshots/%s" % name)
    if whole_corpus:
        for name in sorted(existing_files() - set(files)):
            problems.append("stale (no such case): snapshots/%s" % name)
    for p in problems:
        print(p)
    if problems:
        print(
            "%d problem(s); regenerate with `python3 scripts/expectations.py`" % len(problems)
        )
        return 1
    print("all %d expectation files match python3 %s" % (len(files), sys.version.split()[0]))
    return 0


def write(files, whole_corpus):
    changed = 0
    for name, data in sorted(files.items()):
        path = SNAPSHOTS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            changed += 1
    removed = 0
    if whole_corpus:
        for name in sorted(existing_files() - set(files)):
            (SNAPSHOTS / name).unlink()
            removed += 1
    print("%d expectation files, %d written, %d stale removed" % (len(files), changed, removed))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="*", help="case ids like loops/for_else (default: all)")
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on drift")
    parser.add_argument("-j", "--jobs", type=int, default=4)
    args = parser.parse_args()
    require_311()
    if os.environ.get("PYTHONHASHSEED") != "0":
        # The in-process compile() below must see the same string hashes as
        # the children (frozenset constants are ordered by hash).
        os.execve(sys.executable, [sys.executable] + sys.argv, child_env())
    ids = case_ids(args.cases)
    files = derive_all(ids, args.jobs)
    whole = not args.cases
    return check(files, whole) if args.check else write(files, whole)


if __name__ == "__main__":
    sys.exit(main())

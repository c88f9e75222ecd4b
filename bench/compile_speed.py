#!/usr/bin/env python3
"""Compile speed: pyrite vs CPython's compile() over the whole standard library.

    python3 bench/compile_speed.py [--runs N] [--no-build]

Both sides compile the same files (the list scripts/fidelity.py --list
prints: every .py of the stdlib, test/ included, site-packages excluded).
Each side reads all files first and then times only the compiling,
in one process, N runs (default 5); the medians are compared:

* CPython: compile(source_bytes, path, "exec") in this python3 process;
* pyrite: `target/release/fidelity --time-only` (built with
  `cargo build --release -p pyrite-tests --bin fidelity` unless --no-build),
  which times pyrite_compiler::compile in-process, excluding start-up.

Files one side fails to compile are still timed (the time to reject them).
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIDELITY = ROOT / "target" / "release" / "fidelity"


def file_list():
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fidelity.py"), "--list"],
        check=True, capture_output=True, text=True,
    )
    return [l for l in out.stdout.splitlines() if l.strip()]


def time_cpython(files, runs):
    sources = []
    for f in files:
        try:
            data = Path(f).read_bytes()
        except OSError:
            continue
        # pyrite only takes UTF-8 text; time both sides on the same files.
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        sources.append((f, data))
    import warnings
    warnings.simplefilter("ignore")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for name, data in sources:
            try:
                compile(data, name, "exec", dont_inherit=True)
            except Exception:
                pass
        times.append(time.perf_counter() - start)
    return len(sources), times


def time_pyrite(list_path, runs):
    out = subprocess.run(
        [str(FIDELITY), "--time-only", "--runs", str(runs), "--files", list_path],
        check=True, capture_output=True, text=True,
    )
    values = dict(l.split("=", 1) for l in out.stdout.split("\n") if "=" in l)
    files = int(values["files"].split()[0])
    times = [float(t) for t in values["runs"].split()]
    return files, times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if sys.version_info[:2] != (3, 11):
        sys.exit("bench/compile_speed.py needs CPython 3.11")
    if not args.no_build:
        subprocess.run(
            ["cargo", "build", "--release", "-p", "pyrite-tests", "--bin", "fidelity"],
            cwd=ROOT, check=True,
        )
    files = file_list()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as tmp:
        tmp.write("\n".join(files) + "\n")
    try:
        n_py, py_times = time_cpython(files, args.runs)
        n_us, our_times = time_pyrite(tmp.name, args.runs)
    finally:
        Path(tmp.name).unlink()
    py_med, our_med = statistics.median(py_times), statistics.median(our_times)
    print("files: %d (CPython), %d (pyrite)" % (n_py, n_us))
    print("CPython compile(): runs %s  median %.3f s" % (" ".join("%.3f" % t for t in py_times), py_med))
    print("pyrite compile:    runs %s  median %.3f s" % (" ".join("%.3f" % t for t in our_times), our_med))
    if py_med > 0:
        print("ratio pyrite/CPython: %.2fx" % (our_med / py_med))
    return 0


if __name__ == "__main__":
    sys.exit(main())

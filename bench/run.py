#!/usr/bin/env python3
"""Race pyrite against CPython 3.11 on bench/programs/*.py.

    python3 bench/run.py [--runs N] [--no-build] [--python PATH] [PROGRAM...]

For each program, CPython and pyrite run alternately N times (default 5).
The outputs must agree (a program whose pyrite output differs, or that
fails, is reported and left out of the geometric mean). Prints per program
the median wall time of each, the pyrite/CPython ratio, each one's peak
memory (max RSS), then the geometric mean of the ratios and the start-up
time of `print('hi')` for both.

CPython is the fastest 3.11 on the machine: Debian's /usr/bin/python3.11
(a PGO build) when present, else the real binary behind `python3` (not a
shell shim), or --python.
"""

import argparse
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "bench" / "programs"
PYRITE = ROOT / "target" / "release" / "pyrite"


def find_python():
    candidates = ["/usr/bin/python3.11"]
    try:
        real = subprocess.run(
            ["python3", "-c", "import sys; print(sys.executable)"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        candidates.append(real)
    except (OSError, subprocess.CalledProcessError):
        pass
    for c in candidates:
        try:
            v = subprocess.run([c, "--version"], capture_output=True, text=True)
        except OSError:
            continue
        if v.stdout.startswith("Python 3.11"):
            return c
    sys.exit("bench/run.py: no CPython 3.11 found")


# GNU time measures the peak RSS of the program itself: the rusage that
# wait4 reports for a child started from this process counts the memory
# the child had when it was forked from python3, before exec.
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run_once(cmd):
    """Run cmd; return (seconds, max RSS in KiB or 0, stdout, exit status)."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rss:
        full = [GNU_TIME, "-f", "%M", "-o", rss.name] + cmd if GNU_TIME else cmd
        start = time.perf_counter()
        proc = subprocess.run(full, stdout=out, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        out.seek(0)
        try:
            peak = int(open(rss.name).read().split()[-1]) if GNU_TIME else 0
        except (ValueError, IndexError):
            peak = 0
        return elapsed, peak, out.read(), proc.returncode


def race(python, program, runs):
    py_times, our_times, py_mem, our_mem = [], [], [], []
    expected = ours = None
    ok = True
    for _ in range(runs):
        t, m, out, status = run_once([python, str(program)])
        py_times.append(t)
        py_mem.append(m)
        expected = out
        t, m, out, status2 = run_once([str(PYRITE), "run", str(program)])
        our_times.append(t)
        our_mem.append(m)
        ours = out
        if status2 != status or out != expected:
            ok = False
    return {
        "cpython": statistics.median(py_times),
        "pyrite": statistics.median(our_times),
        "cpython_mem": max(py_mem),
        "pyrite_mem": max(our_mem),
        "ok": ok,
        "expected": expected,
        "ours": ours,
    }


def startup(cmd, runs=50):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write("print('hi')\n")
        path = f.name
    try:
        # Timed directly, not under GNU time (whose own start-up would be
        # counted): only the wall time matters here.
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd + [path], stdout=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - start)
    finally:
        os.unlink(path)
    return statistics.median(times)


def build():
    """The release binary, statically linked where the platform allows
    (`cargo build-static`, defined in .cargo/config.toml), else the
    ordinary dynamically linked one."""
    static = sys.platform == "linux" and platform.machine() == "x86_64"
    if static:
        r = subprocess.run(["cargo", "-q", "build-static"], cwd=ROOT, capture_output=True, text=True)
        if r.returncode == 0:
            print("pyrite: release build, statically linked (cargo build-static)")
            return
        print("pyrite: cargo build-static failed; using the dynamically linked build")
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "pyrite"], cwd=ROOT, check=True)
    print("pyrite: release build, dynamically linked")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--python")
    parser.add_argument("programs", nargs="*", help="names in bench/programs (fib_recursive or fib_recursive.py)")
    args = parser.parse_args()
    python = args.python or find_python()
    if not args.no_build:
        build()
    programs = [PROGRAMS / (p if p.endswith(".py") else p + ".py") for p in args.programs]
    missing = [p.name for p in programs if not p.is_file()]
    if missing:
        parser.error(f"no such program in {PROGRAMS}: {', '.join(missing)}")
    programs = programs or sorted(PROGRAMS.glob("*.py"))
    print(f"CPython: {python}; {args.runs} runs each, medians of wall time")
    print(f"{'program':20} {'CPython':>9} {'pyrite':>9} {'ratio':>7} {'CPy MiB':>8} {'pyr MiB':>8}")
    ratios = []
    for p in programs:
        r = race(python, p, args.runs)
        ratio = r["pyrite"] / r["cpython"]
        mark = "" if r["ok"] else "  OUTPUT DIFFERS (left out of the mean)"
        if r["ok"]:
            ratios.append(ratio)
        print(
            f"{p.stem:20} {r['cpython']:8.3f}s {r['pyrite']:8.3f}s {ratio:7.2f} "
            f"{r['cpython_mem'] / 1024:8.1f} {r['pyrite_mem'] / 1024:8.1f}{mark}"
        )
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric mean of ratios ({len(ratios)} of {len(programs)} programs): {geo:.2f}")
    else:
        print("geometric mean of ratios: no program ran correctly under pyrite")
    py_start = startup([python])
    our_start = startup([str(PYRITE), "run"])
    print(f"start-up of print('hi'): CPython {py_start * 1000:.1f} ms, pyrite {our_start * 1000:.1f} ms")


if __name__ == "__main__":
    main()

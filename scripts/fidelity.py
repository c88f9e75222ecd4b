#!/usr/bin/env python3
"""CPython's side of the stdlib fidelity report (see tests/src/bin/fidelity.rs).

    python3 scripts/fidelity.py --list                 # print the file list, one per line
    python3 scripts/fidelity.py OUT [--dis] [--files LIST] [--stdlib DIR]
    python3 scripts/fidelity.py --time RUNS [--files LIST] [--stdlib DIR]

The files are every ``*.py`` under ``sysconfig.get_paths()['stdlib']``
(``test/`` included, ``site-packages`` excluded), sorted, unless ``--files``
names a file holding one path per line.

OUT receives, for each file, in order:

``F<TAB>path<TAB>OK<TAB>n``
    the file compiled; ``n`` record lines follow, one per code object, in
    depth-first ``co_consts`` order (the module first), each
    ``C<TAB>`` + the record described in tests/src/record.rs: tab-separated
    ``field=value`` pairs (name, qualname, firstlineno, argcount,
    posonlyargcount, kwonlyargcount, localsplusnames, localspluskinds,
    names, consts, flags, code, stacksize, exceptiontable, linetable).
    With ``--dis`` one more line ``D<TAB>hex`` follows: the hex of the UTF-8
    ``dis.dis(code)`` text (what ``python3 -m dis`` prints), with every
    ``at 0x...`` replaced by ``at 0xADDR``. With ``--marshal`` a line
    ``M<TAB>hex`` follows: ``marshal.dumps(code).hex()`` (the test
    tests/tests/records.rs loads it to check the Rust record encoder).

``F<TAB>path<TAB>ERR<TAB>message``
    compile() raised; message is ``Type: text`` on one line.

Each file is compiled as ``compile(bytes, path, "exec", dont_inherit=True)``,
so the code objects' filename is the path as listed.

``--time RUNS`` instead compiles every file RUNS times in this one process
and prints ``median_seconds=<s>`` and the per-run times (reading the files
happens once, before timing; only compile() is timed).
"""

import argparse
import dis
import io
import marshal
import re
import statistics
import struct
import sys
import sysconfig
import time
import warnings
from pathlib import Path

CO_FAST_LOCAL = 0x20
CO_FAST_CELL = 0x40
CO_FAST_FREE = 0x80
ADDR = re.compile(r"at 0x[0-9a-fA-F]+")


def stdlib_files(stdlib):
    root = Path(stdlib)
    return [
        p
        for p in sorted(root.rglob("*.py"))
        if "site-packages" not in p.relative_to(root).parts and p.is_file()
    ]


def code_objects(code):
    out = [code]
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            out.extend(code_objects(const))
    return out


def hexs(text):
    return text.encode("utf-8", "surrogatepass").hex()


def encode_const(c, index_of):
    if c is None:
        return "N"
    if c is Ellipsis:
        return "E"
    if c is True:
        return "T"
    if c is False:
        return "F"
    if isinstance(c, int):
        return "i%d" % c
    if isinstance(c, float):
        return "f" + struct.pack(">d", c).hex()
    if isinstance(c, complex):
        return "c" + struct.pack(">d", c.real).hex() + struct.pack(">d", c.imag).hex()
    if isinstance(c, str):
        return "s" + hexs(c)
    if isinstance(c, bytes):
        return "b" + c.hex()
    if isinstance(c, tuple):
        return "(" + ",".join(encode_const(x, index_of) for x in c) + ")"
    if isinstance(c, frozenset):
        return "{" + ",".join(sorted(encode_const(x, index_of) for x in c)) + "}"
    if hasattr(c, "co_code"):
        return "C%d" % index_of[id(c)]
    raise TypeError("unexpected constant %r" % (c,))


def localsplus(co):
    """co_localsplusnames / co_localspluskinds, rebuilt from the public
    attributes: the fast locals in order, each marked CELL too if captured
    (only arguments can be both), then the other cells, then the frees."""
    names = list(co.co_varnames)
    kinds = [CO_FAST_LOCAL] * len(names)
    for cell in co.co_cellvars:
        if cell in names:
            kinds[names.index(cell)] |= CO_FAST_CELL
        else:
            names.append(cell)
            kinds.append(CO_FAST_CELL)
    for free in co.co_freevars:
        names.append(free)
        kinds.append(CO_FAST_FREE)
    return names, bytes(kinds)


def record(co, index_of):
    names, kinds = localsplus(co)
    fields = [
        ("name", hexs(co.co_name)),
        ("qualname", hexs(co.co_qualname)),
        ("firstlineno", str(co.co_firstlineno)),
        ("argcount", str(co.co_argcount)),
        ("posonlyargcount", str(co.co_posonlyargcount)),
        ("kwonlyargcount", str(co.co_kwonlyargcount)),
        ("localsplusnames", ",".join(hexs(n) for n in names)),
        ("localspluskinds", kinds.hex()),
        ("names", ",".join(hexs(n) for n in co.co_names)),
        ("consts", ",".join(encode_const(c, index_of) for c in co.co_consts)),
        ("flags", str(co.co_flags)),
        ("code", co.co_code.hex()),
        ("stacksize", str(co.co_stacksize)),
        ("exceptiontable", co.co_exceptiontable.hex()),
        ("linetable", co.co_linetable.hex()),
    ]
    return "\t".join("%s=%s" % kv for kv in fields)


def one_line(text):
    return " ".join(str(text).split())


def emit(out, path, with_dis, with_marshal=False):
    try:
        source = Path(path).read_bytes()
        code = compile(source, str(path), "exec", dont_inherit=True)
    except (SyntaxError, ValueError, UnicodeDecodeError, OverflowError, MemoryError,
            RecursionError, OSError) as e:
        out.write("F\t%s\tERR\t%s: %s\n" % (path, type(e).__name__, one_line(e)))
        return
    all_codes = code_objects(code)
    index_of = {id(c): i for i, c in enumerate(all_codes)}
    out.write("F\t%s\tOK\t%d\n" % (path, len(all_codes)))
    for co in all_codes:
        out.write("C\t" + record(co, index_of) + "\n")
    if with_marshal:
        out.write("M\t" + marshal.dumps(code).hex() + "\n")
    if with_dis:
        buf = io.StringIO()
        dis.dis(code, file=buf)
        out.write("D\t" + hexs(ADDR.sub("at 0xADDR", buf.getvalue())) + "\n")


def time_compiles(files, runs):
    sources = []
    for p in files:
        try:
            sources.append((str(p), Path(p).read_bytes()))
        except OSError:
            pass
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for name, src in sources:
            try:
                compile(src, name, "exec", dont_inherit=True)
            except Exception:
                pass
        times.append(time.perf_counter() - start)
    print("files=%d" % len(sources))
    print("runs=" + " ".join("%.4f" % t for t in times))
    print("median_seconds=%.6f" % statistics.median(times))


def main():
    parser = argparse.ArgumentParser(description="CPython's side of the fidelity report")
    parser.add_argument("out", nargs="?", help="where to write the records")
    parser.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"])
    parser.add_argument("--files", help="file with one path per line (default: the stdlib)")
    parser.add_argument("--dis", action="store_true", help="also emit dis text per file")
    parser.add_argument("--marshal", action="store_true",
                        help="also emit marshal.dumps(code) per file (for self-tests)")
    parser.add_argument("--list", action="store_true", help="print the file list and exit")
    parser.add_argument("--time", type=int, metavar="RUNS", help="time compile() instead")
    args = parser.parse_args()
    if sys.version_info[:2] != (3, 11):
        sys.exit("scripts/fidelity.py needs CPython 3.11, not %s" % sys.version.split()[0])
    warnings.simplefilter("ignore")  # SyntaxWarnings of test data files
    sys.setrecursionlimit(10000)

    if args.files:
        files = [l for l in Path(args.files).read_text().splitlines() if l.strip()]
    else:
        files = [str(p) for p in stdlib_files(args.stdlib)]
    if args.list:
        print("\n".join(files))
        return 0
    if args.time:
        time_compiles(files, args.time)
        return 0
    if not args.out:
        parser.error("OUT is required")
    with open(args.out, "w", encoding="utf-8", errors="surrogatepass") as out:
        for path in files:
            emit(out, path, args.dis, args.marshal)
    return 0


if __name__ == "__main__":
    sys.exit(main())

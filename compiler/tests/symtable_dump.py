"""Dump CPython's symbol table for a source read from stdin, in the text
format compiler/tests/symtable.rs prints for pyrite's table.

Usage:
    python3 symtable_dump.py table < sources   # the scope trees
    python3 symtable_dump.py error < sources   # compile()'s SyntaxErrors

stdin holds one or more sources separated by NUL characters; the answers
are printed in the same order, also separated by NUL characters.

`table` prints, for every scope in the symtable module's tree order:
    scope <name> <type> line=<lineno> nested=<0|1> varnames=[...]
      sym <name> <flags in hex>     (dict order; see below)
      passthrough [...]             (free names inherited from children)
      code flags=<hex> cells=[...] frees=[...]
The symbols a scope only passes down to its children (flags exactly FREE)
are inserted in hash-set order by CPython, so they are listed sorted. The
code line comes from the code object compile() makes for that scope (found
by name and occurrence order), masked to the flags the symbol table decides.
"""

import sys
import symtable

FREE_ONLY = 4 << 11
# OPTIMIZED NEWLOCALS VARARGS VARKEYWORDS NESTED GENERATOR COROUTINE
# ASYNC_GENERATOR
FLAG_MASK = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x80 | 0x200


def code_name(co_name):
    if co_name == "<module>":
        return "top"
    if co_name.startswith("<") and co_name.endswith(">"):
        return co_name[1:-1]
    return co_name


def collect_codes(code, out):
    """Code objects in preorder, grouped by symtable-style name."""
    out.setdefault(code_name(code.co_name), []).append(code)
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            collect_codes(const, out)


def dump_table(table, codes, seen, out):
    raw = table._table
    out.append(
        "scope %s %s line=%d nested=%d varnames=[%s]"
        % (
            table.get_name(),
            table.get_type(),
            table.get_lineno(),
            raw.nested,
            ",".join(raw.varnames),
        )
    )
    passthrough = []
    for name, flags in raw.symbols.items():
        if flags == FREE_ONLY:
            passthrough.append(name)
        else:
            out.append("  sym %s %#x" % (name, flags))
    out.append("  passthrough [%s]" % ",".join(sorted(passthrough)))

    name = table.get_name()
    index = seen.get(name, 0)
    seen[name] = index + 1
    candidates = codes.get(name, [])
    if index < len(candidates):
        code = candidates[index]
        out.append(
            "  code flags=%#x cells=[%s] frees=[%s]"
            % (
                code.co_flags & FLAG_MASK,
                ",".join(sorted(code.co_cellvars)),
                ",".join(sorted(code.co_freevars)),
            )
        )
    else:
        out.append("  code none")
    for child in table.get_children():
        dump_table(child, codes, seen, out)


def dump(mode, source):
    if mode == "table":
        codes = {}
        collect_codes(compile(source, "x.py", "exec"), codes)
        out = []
        dump_table(symtable.symtable(source, "x.py", "exec"), codes, {}, out)
        return "\n".join(out) + "\n"
    try:
        compile(source, "x.py", "exec")
    except SyntaxError as err:
        return "%s|%s|%s|%s|%s\n" % (
            err.msg,
            err.lineno,
            err.offset,
            err.end_lineno,
            err.end_offset,
        )
    return "no error\n"


def main():
    mode = sys.argv[1]
    if mode not in ("table", "error"):
        sys.exit("unknown mode " + mode)
    sources = sys.stdin.read().split("\0")
    sys.stdout.write("\0".join(dump(mode, source) for source in sources))


main()

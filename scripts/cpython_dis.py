#!/usr/bin/env python3
"""CPython's side of pyrite's dis/marshal checks (needs CPython 3.11).

    cpython_dis.py dis FILE          like `python3 -m dis FILE`
    cpython_dis.py info FILE         dis.code_info() of every code object, in
                                     the order dis visits them (pyrite's
                                     `dis --info` format, see below)
    cpython_dis.py marshal FILE      marshal.dumps(compile(FILE)) to stdout
    cpython_dis.py batch OUTDIR FILE...
        for the i-th FILE write OUTDIR/i.marshal, OUTDIR/i.dis, OUTDIR/i.info
        (i.err instead if it does not compile) in one process.

`info` format: docs/code_info_format.md (numbered blocks, depth first
through co_consts, one blank line between blocks).
"""
import dis
import io
import marshal
import os
import sys


def compile_file(path):
    with open(path, "rb") as f:
        source = f.read()
    # Same as `python3 -m dis`: the filename is the argument as given.
    return compile(source, path, "exec")


def dis_text(code):
    out = io.StringIO()
    dis.dis(code, file=out)
    return out.getvalue()


def info_text(code):
    """docs/code_info_format.md: numbered blocks, depth-first through co_consts."""
    blocks = []

    def visit(co):
        header = "# code object %d: %s (line %d)" % (len(blocks), co.co_qualname, co.co_firstlineno)
        blocks.append(header + "\n" + dis.code_info(co) + "\n")
        for c in co.co_consts:
            if hasattr(c, "co_code"):
                visit(c)

    visit(code)
    return "\n".join(blocks)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    cmd = argv[1]
    if cmd == "batch":
        outdir = argv[2]
        for i, path in enumerate(argv[3:]):
            base = os.path.join(outdir, str(i))
            try:
                code = compile_file(path)
            except Exception as e:  # SyntaxError, ValueError (null bytes), ...
                with open(base + ".err", "w") as f:
                    f.write(repr(e))
                continue
            with open(base + ".marshal", "wb") as f:
                f.write(marshal.dumps(code))
            with open(base + ".dis", "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write(dis_text(code))
            with open(base + ".info", "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write(info_text(code))
        return
    code = compile_file(argv[2])
    if cmd == "dis":
        sys.stdout.write(dis_text(code))
    elif cmd == "info":
        sys.stdout.write(info_text(code))
    elif cmd == "marshal":
        sys.stdout.buffer.write(marshal.dumps(code))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

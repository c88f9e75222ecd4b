# CPython's tokenizer allows blocks nested 99 deep: one more level is an
# IndentationError; tabs, comments, blank lines, bracketed and continued
# lines do not count as levels.
def blocks(depth, indent=" "):
    return "".join(indent * i + "if 1:\n" for i in range(depth))
cases = {
    "99 levels": blocks(99) + " " * 99 + "x = 1\n",
    "100 levels": blocks(100) + " " * 100 + "x = 1\n",
    "tabs": blocks(101, "\t"),
    "comments": "".join(" " * i + "if 1:\n" + " " * (i + 5) + "# c\n\n"
                        for i in range(101)),
    "brackets": "x = [\n" + "".join(" " * i + "1,\n" for i in range(150)) + "]\n",
    "continued": blocks(99) + " " * 99 + "x = 1 + \\\n" + " " * 150 + "2\n",
    "strings": 's = """\n' + "".join(" " * i + "x\n" for i in range(150)) + '"""\n',
}
for name, src in cases.items():
    try:
        compile(src, name, "exec")
        print(name, "compiles")
    except SyntaxError as e:
        print(name, type(e).__name__, e.msg, e.lineno, e.offset)

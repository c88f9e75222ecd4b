exec(compile("if 1: 10 + 1\n", "file", "single"))
exec(compile("print(10 + 2)", "file", "single"))
exec(compile("for i in range(2): i * 10\n", "file", "single"))
exec(compile("'doc'", "file", "single"))
exec(compile("None", "file", "single"))
ns = {}
exec(compile("x = 5", "file", "single"), ns)
print(ns['x'])
exec(compile("def f():\n    3 + 4\n    return 1\n", "file", "single"), ns)
print(ns['f']())
for src in ["a = 1\nb = 2\n", ""]:
    try:
        compile(src, "f", "single")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)

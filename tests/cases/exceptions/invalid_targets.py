codes = ["(i for i in a) = 1", "a + b = 1", "f() = 1", "del f()", "(a, b()) = 1",
         "[i for i in a] = 1", "{} = 1", "a.b() += 1", "(a, b) += 1", "1 = 1", "None = 1",
         "a if b else c = 1", "lambda: 1 = 1", "-a = 1", "not a = 1", "x = f() = 1",
         "'' = 1", "f**2 = 1", "del f[0]**2", "del (a for a in a)", "del *a, b",
         "for f() in x: pass", "for a, 1 in x: pass", "with a as f(): pass",
         "[x for f() in y]", "a < b = 1", "[a, *f()] = 1", "x = y = 1", "a, *b = c",
         "del a, b[0], c.d", "for x, (y, z) in w: pass", "with a as (b, c[0]): pass",
         " a\n", "if 1:\n  a\n    b\n"]
for code in codes:
    try:
        compile(code, 'f', 'exec')
        print('ok', repr(code))
    except SyntaxError as e:
        print(repr(code), type(e).__name__, e.msg, e.lineno, e.offset)

# An unparenthesized := at the top of eval's expression or of a statement
# is invalid syntax; parenthesized it is fine.
def report(src, mode="eval"):
    try:
        if mode == "eval":
            print(repr(src), "->", eval(src))
        else:
            compile(src, "<test>", mode)
            print(repr(src), "compiles")
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))


report("x := 1")
report("  x := 1")
report("x := 1\n")
report("(x := 1)")
report("1 + (y := 5)")
report("f(x) := 1")
report("x, y := 1")
report("lambda: x := 1")
report("[z := 2, z]")
report("\nx := 1")
report("x := 1", "exec")
report("if 1:\n    a := 2\n", "exec")
report("(a := 2)", "exec")
report("x = def", "exec")
report("x = 1 2", "exec")
report("for x in y while", "exec")
report("*a, b")
report("(*[1], 2)")
report("(yield)")

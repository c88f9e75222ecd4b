# A statement that is an unparenthesized := is a SyntaxError; here it
# reaches the top uncaught, raised by exec().
source = "total = 0\nfor i in range(3):\n    total := total + i\n"
print("compiling", len(source.splitlines()), "lines")
try:
    exec("(n := 5)")
    print("parenthesized ok", n)
except SyntaxError as e:
    print("unexpected", e)
exec(source)
print("not reached")

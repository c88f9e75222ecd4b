e = SyntaxError('m', ('f', 1, 2, 't', 3, 4))
print(e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.print_file_and_line)
e = SyntaxError('m', ('f', 1, 2, 't'))
print(e.end_lineno, e.end_offset, e.lineno)
e = SyntaxError('only message')
print(e.msg, e.lineno, e.filename, e.text)
for src in ["a b", "def f(:\n  pass", "x = 1 +"]:
    try:
        compile(src, "name.py", "exec")
    except SyntaxError as err:
        print(err.filename, err.lineno, repr(err.text), type(err.offset).__name__)

tests = ['abc', 'ABC', 'Abc', 'Title Case', 'abc123', '123', '١٢٣', '½', '²', '', ' \t\n', 'a b',
         '_ident', '1bad', 'class', 'é', 'x\x00', 'Hello World!', 'ǅ']
for t in tests:
    flags = [t.isalpha(), t.isalnum(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isspace(),
             t.islower(), t.isupper(), t.istitle(), t.isidentifier(), t.isprintable(), t.isascii()]
    print(repr(t), ''.join('1' if f else '0' for f in flags))
try:
    'a'.isalpha('x')
except TypeError as exc:
    print('TypeError:', exc)

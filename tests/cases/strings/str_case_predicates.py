# case conversions, predicates, padding, tabs, encode, translate
print('Hello World'.upper(), 'Hello'.lower(), 'hello world'.capitalize(), "they're bill's".title())
print('HeLLo'.swapcase(), 'Straße'.casefold(), 'ß'.upper(), 'ΑΣ'.lower(), 'ǆ'.upper())
print('123'.isdigit(), '١٢'.isdecimal(), '½'.isnumeric(), '½'.isdigit(), '²'.isdigit(), '²'.isdecimal())
print('abc'.isalpha(), 'ab1'.isalnum(), ' \t'.isspace(), ''.isspace(), 'ABC'.isupper(), 'abc1'.islower())
print('Hello World'.istitle(), 'Hello world'.istitle(), 'x1'.isidentifier(), '1x'.isidentifier(), '_'.isidentifier())
print('a\x00'.isprintable(), 'é'.isascii(), 'abc'.isascii(), ''.isprintable(), 'é'.isalpha(), '१'.isdecimal())
print('ab'.center(5), 'a'.center(4), 'ab'.center(6, '*'), 'a'.ljust(3, '-'), 'a'.rjust(3), 'abc'.center(2))
print('42'.zfill(5), '-42'.zfill(5), '+4'.zfill(4), 'abc'.zfill(2), 'é'.center(3, 'ü'))
print('a\tb\tc'.expandtabs(), 'ab\tc\nx\ty'.expandtabs(4), repr('\t'.expandtabs(0)), 'a\tb'.expandtabs(tabsize=2))
print('héllo'.encode(), 'abc'.encode('ascii'), 'héllo'.encode('latin-1'), 'hé'.encode('ascii', 'replace'))
print('hé'.encode('ascii', 'ignore'), 'hé€'.encode('ascii', 'backslashreplace'), 'é'.encode(errors='xmlcharrefreplace', encoding='ascii'))
t = str.maketrans('abc', 'xyz', 'd')
print(t, 'abcdd'.translate(t), 'abc'.translate({97: None, 98: 'BB'}), str.maketrans({'a': 1}))
tests = [
    lambda: 'a'.upper(1),
    lambda: 'a'.center('x'),
    lambda: 'a'.center(5, 'ab'),
    lambda: 'a'.center(),
    lambda: 'a'.zfill(),
    lambda: 'a'.encode('foo'),
    lambda: 'é'.encode('ascii'),
    lambda: 'aéé'.encode('ascii'),
    lambda: 'é'.encode('latin-1', 'foo'),
    lambda: 'a'.encode(1),
    lambda: str.maketrans('ab', 'a'),
    lambda: str.maketrans(1),
    lambda: 'a'.translate({97: 1.5}),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)

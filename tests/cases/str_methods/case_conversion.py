samples = ['hello world', 'HELLO', 'mIxEd CaSe', "they're bill's", 'ß straße', '123abc', '', 'ǅungla', 'éclair ÉCOLE']
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold())
print('hello'.upper().lower() == 'hello', 'ΣΑΣ'.lower(), 'ﬁ'.upper(), 'İ'.lower() == 'i\u0307')
print('a1b2_c3'.title(), 'don\'t stop'.capitalize(), 'x'.capitalize(), '  lead'.capitalize())
try:
    'abc'.upper(1)
except TypeError as exc:
    print('TypeError:', exc)
try:
    str.lower(5)
except TypeError as exc:
    print('TypeError:', exc)

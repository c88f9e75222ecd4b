table = str.maketrans('abc', 'xyz')
print(sorted(table.items()), 'aabbcc-d'.translate(table))
t2 = str.maketrans('ab', 'AB', 'cd')
print(sorted(t2.items()), 'abcdef'.translate(t2))
t3 = str.maketrans({'a': '1', 'b': None, ord('c'): 'CC'})
print(sorted(t3.items()), 'abcabc'.translate(t3))
print('hello'.translate({ord('l'): 'L'}), 'hello'.translate({}), 'x'.translate({120: 121}))
for bad in [lambda: str.maketrans('ab', 'c'), lambda: str.maketrans({'ab': 1})]:
    try:
        bad()
    except ValueError as exc:
        print('ValueError:', exc)
for bad in [lambda: str.maketrans(1), lambda: str.maketrans('a', 1), lambda: 'a'.translate({97: 1.5}),
            lambda: str.maketrans({1.5: 'a'})]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)

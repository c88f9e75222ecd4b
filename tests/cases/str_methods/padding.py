for w in [0, 3, 8, 9]:
    print(repr('abc'.center(w)), repr('abc'.ljust(w)), repr('abc'.rjust(w)), repr('abc'.zfill(w)))
print(repr('ab'.center(7, '*')), repr('ab'.center(6, '*')), repr('abc'.center(6, '-')), repr('x'.center(4)))
print(repr('7'.ljust(4, '0')), repr('7'.rjust(4, '.')), repr(''.center(3, 'é')))
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), '--'.zfill(4), ''.zfill(3), 'abc'.zfill(-1))
print(repr('a\tb\tc'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('ab\tc\n\td'.expandtabs(3)))
print(repr('\t'.expandtabs(0)), repr('12345\t6'.expandtabs(4)), repr('x\ty'.expandtabs(tabsize=2)))
for bad in [lambda: 'a'.center(5, 'ab'), lambda: 'a'.ljust(5, ''), lambda: 'a'.rjust('5'),
            lambda: 'a'.zfill(None), lambda: 'a'.center(), lambda: 'a'.expandtabs('4')]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)

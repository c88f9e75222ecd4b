calls = [
    lambda: len(),
    lambda: abs(1, 2),
    lambda: ord(),
    lambda: chr(1, 2),
    lambda: divmod(1),
    lambda: isinstance(1),
    lambda: sorted(),
    lambda: sorted([1], reverse=True, cmp=None),
    lambda: sum(),
    lambda: any(),
    lambda: repr(),
    lambda: next(),
    lambda: iter(),
    lambda: getattr(1),
    lambda: round(),
    lambda: hex(),
    lambda: callable(),
    lambda: len(x=[1]),
    lambda: int('1', base=2, extra=1),
    lambda: print(bogus=1),
]
for call in calls:
    try:
        call()
    except TypeError as exc:
        print('TypeError:', exc)

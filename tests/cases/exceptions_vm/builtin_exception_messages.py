nothing = None
five = 5
cases = [
    lambda: undefined_variable,
    lambda: [1, 2][5],
    lambda: (1,)[-2],
    lambda: {'a': 1}['b'],
    lambda: 'abc' + 5,
    lambda: 5 + 'abc',
    lambda: [] + (),
    lambda: nothing(),
    lambda: five[0],
    lambda: len(5),
    lambda: int('12x'),
    lambda: float('y'),
    lambda: 1 / 0,
    lambda: 10 % 0,
    lambda: (1).foo,
    lambda: None.attr,
    lambda: -'x',
    lambda: ~[],
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: iter(1),
    lambda: next(iter([])),
    lambda: 'x' * 'y',
    lambda: [1] < 'a',
    lambda: (lambda a: a)(),
    lambda: (lambda a: a)(1, 2),
    lambda: (lambda: 0)(x=1),
    lambda: print(*5),
    lambda: dict(**{1: 2}) if False else {**[1]},
    lambda: [*None],
]
for i, case in enumerate(cases):
    try:
        case()
    except Exception as exc:
        print(i, type(exc).__name__ + ':', exc)

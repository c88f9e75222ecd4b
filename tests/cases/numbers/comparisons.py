# Comparisons across numeric types, sequences, sets and dicts.
print(2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 == 2.0 ** 53, 1 == 1.0, True == 1, 0.5 < 1)
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 < float('inf'), 3 < float('nan'), 3 != float('nan'))
print(1 == 'a', None == 0, None == None, [] == (), 'abc' < 'abd', 'Z' < 'a', 'é' > 'z', b'ab' < b'b')
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), (1, 2) == (1, 2), [1, [2]] == [1, [2]])
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1, 2} == frozenset([2, 1]), {1} >= {2})
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} == {1: 3}, {1: 2} != {1: 2}, range(0, 3) == range(0, 3, 1))
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True, [1, 2] != [1, 2])
tests = [lambda: 1 < 'a', lambda: [1] < (1,), lambda: {} < {}, lambda: None < None,
         lambda: (1, 2) < (1, 'a'), lambda: 1j < 1]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(type(e).__name__, e)

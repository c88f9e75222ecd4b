print(True + True, True * 10, False - 1, True / 2, True // 1, -True, ~True, ~False, True ** 2)
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(-0.0), bool(float('nan')), bool(''), bool(' '))
print(bool([]), bool([0]), bool(()), bool({}), bool({0: 0}), bool(set()), bool(None), bool(0j), bool(range(0)))
print(True and 'x', False and 'x', True or 'x', 0 or '' or None, 1 and 2 and 3, not 0, not 'a', not not [])
print(True == 1, False == 0, True is bool(5), isinstance(False, int), True & False, True | False, True ^ True)
print(str(True), repr(False), int(True), float(False), True + 0.5, sum([True] * 5), {True: 'a', 1: 'b'})
print(bool(b''), bool(bytearray(1)), True < 2, max(True, False), sorted([True, False, 0, 1]))
print(type(True & True).__name__, type(True + True).__name__, type(True ^ 1).__name__, type(~True).__name__)
try:
    bool(1, 2)
except TypeError as exc:
    print('TypeError:', exc)

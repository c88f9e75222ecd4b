a = [3, 1, 2]
a.append(5)
a.extend(range(2))
a.extend((7, 8))
a.insert(0, 9)
a.insert(-1, 4)
a.insert(100, 6)
print(a)
a.remove(1)
print(a.pop(), a.pop(0), a.pop(-2), a)
print(a.index(2), a.index(1, 3), a.count(1), a.count(42))
a.reverse()
print(a)
b = a.copy()
b.clear()
print(a, b, len(a), len(b))
c = [1, 2, 1, 2, 1]
print(c.index(1, -2), c.index(2, 0, 4), c.count(1))
try:
    c.remove(7)
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    c.index(5)
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    c.index('x', 1)
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e.args)
try:
    c.pop(10)
except IndexError as e:
    print(type(e).__name__, e.args)

import sys

original = sys.getrecursionlimit()
print(original)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(500))
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
try:
    depth(1000)
except RecursionError as exc:
    print('RecursionError:', exc)
print(depth(100))
sys.setrecursionlimit(original)
print(sys.getrecursionlimit() == original, depth(900))
for bad in [lambda: sys.setrecursionlimit(0), lambda: sys.setrecursionlimit(-5)]:
    try:
        bad()
    except ValueError as exc:
        print('ValueError:', exc)
for bad in [lambda: sys.setrecursionlimit('100'), lambda: sys.setrecursionlimit(1.5)]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)

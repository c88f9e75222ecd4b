# A deque changed while iterated: CPython's RuntimeError, for append,
# appendleft, pop, popleft, clear, rotate, insert, remove and del; item
# assignment and reverse() are not changes of length or order it checks.
from collections import deque
def attempt(label, change, backwards=False):
    d = deque([1, 2, 3, 4])
    it = reversed(d) if backwards else iter(d)
    first = next(it)
    change(d)
    try:
        rest = list(it)
        print(label, "ok", first, rest)
    except RuntimeError as e:
        print(label, "RuntimeError:", e)
attempt("append", lambda d: d.append(9))
attempt("appendleft", lambda d: d.appendleft(9))
attempt("pop", lambda d: d.pop())
attempt("popleft", lambda d: d.popleft(), backwards=True)
attempt("clear", lambda d: d.clear())
attempt("rotate", lambda d: d.rotate(1))
attempt("rotate0", lambda d: d.rotate(4))
attempt("rotate-zero", lambda d: d.rotate(0))
attempt("insert", lambda d: d.insert(1, 7))
attempt("remove", lambda d: d.remove(3))
attempt("del", lambda d: d.__delitem__(0))
attempt("setitem", lambda d: d.__setitem__(2, 8))
attempt("reverse", lambda d: d.reverse())
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print("loop", e, len(d))
it = iter(d)
d.append(0)
try:
    next(it)
except RuntimeError as e:
    print("before first", e)
print(list(deque(range(5), maxlen=3)), list(reversed(deque("abc"))))

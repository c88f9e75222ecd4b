# A generator that resumes itself while it runs: by for, yield from,
# next() and send(); each is CPython's ValueError, and the generator
# stays usable where CPython's does.
def by_for():
    for x in me:
        yield x
def by_next():
    yield next(me)
def by_send():
    yield me.send(None)
for maker in (by_for, by_next, by_send):
    me = maker()
    try:
        next(me)
    except ValueError as e:
        print(maker.__name__, "ValueError:", e)
    print(maker.__name__, "then:", list(me))
def counter():
    n = 0
    while True:
        n += 1
        yield n
c = counter()
def drain():
    yield from c
d = drain()
print(next(d), next(c), next(d), next(c))

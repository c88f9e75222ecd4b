class A:
    def f(self):
        return 0

    def g(self):
        return 1


a, b = A(), A()
print(a.f == a.f, a.f != a.f, a.f == b.f, a.f == a.g, a.f == None, None != a.f)
print(hash(a.f) == hash(a.f), hash(a.f) == hash(b.f), hash(a.f) == hash(a.g))
d = {a.f: 'af', b.f: 'bf'}
print(d[a.f], d[b.f], len(d), a.f in {a.f}, b.g in d)
l = []
print(l.append == l.append, l.append == [].append, len == len, l.pop != l.append)
print(hash(l.append) == hash(l.append), {l.append: 2}[l.append])
print(A.f == A.f, a.f.__func__ is A.f, a.f.__self__ is a)

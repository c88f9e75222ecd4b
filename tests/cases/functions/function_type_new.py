def f():
    return a


def g():
    x = 10

    def h(y=1):
        return x + y
    return h


ftype = type(f)
f1 = ftype(f.__code__, {"a": 1})
f2 = ftype(f.__code__, {"a": 2, "__name__": "mod"}, "renamed")
print(f1(), f2(), f2.__name__, f2.__qualname__, f2.__module__, type(f1) is ftype)
h = g()
k = ftype(h.__code__, {}, None, (5,), h.__closure__)
print(k(), k(2), k.__name__, k.__defaults__)
for args in [(None, {}), (f.__code__, 1), (f.__code__, {}, 1), (f.__code__, {}, None, [1]),
             (f.__code__, {}, None, None, (1,)), (h.__code__, {}), (h.__code__, {}, None, None, (1,)),
             (h.__code__, {}, None, None, (1, 2))]:
    try:
        ftype(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

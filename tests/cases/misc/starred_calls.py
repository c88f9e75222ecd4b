# Starred expressions in calls and displays (CALL_FUNCTION_EX paths).
def f(*args, **kwargs):
    return len(args), sorted(kwargs)
a = [1, 2]
b = (3,)
k1 = {"x": 1}
k2 = {"y": 2}
print(f(*a), f(*a, *b), f(0, *a, 9), f(*a, **k1), f(**k1, **k2), f(*a, z=0, **k2))
print([*a, *b], (*a, 4), {*a}, [*"hi"], {**k1, "w": 3})
print(*a, *b, sep=":")
first, *others = *a, *b
print(first, others)

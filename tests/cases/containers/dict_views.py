d = {1: 'a', 2: 'b', 3: 'c'}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it)
print(len(k), len(v), len(it))
print(2 in k, 5 in k, 'b' in v, 'z' in v, (1, 'a') in it, (1, 'b') in it)
d.update({4: 'd'})
print(list(k), len(v))
print(k.isdisjoint([9]), k.isdisjoint({1}))
for key, val in d.items():
    print(key, val)
print(list(reversed(d)), list(reversed(d.values())))
try:
    for x in d.values():
        d.pop(1)
except RuntimeError as e:
    print(type(e).__name__, e.args)
print(type(k).__name__, type(v).__name__, type(it).__name__)

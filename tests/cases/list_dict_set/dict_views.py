d = {'one': 1, 'two': 2, 'three': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), 'two' in k, 2 in v, ('one', 1) in it, ('one', 2) in it)
d['four'] = 4
del d['one']
print(list(k), list(v), list(it))
print(sorted(k & {'two', 'four', 'zzz'}), sorted(k | {'x'}), sorted(k - {'two'}), sorted(k ^ {'two', 'q'}))
print(sorted(it & {('two', 2)}), k == {'two', 'three', 'four'}, k <= {'two', 'three', 'four', 'five'})
print(k.isdisjoint({'a'}), k.isdisjoint(['two']), sorted(it - {('two', 2)}))
n = {1: 'a', 2: 'b'}
print(n.keys() | {3}, n.keys() & [2, 9], n.keys() - {1}, n.keys() ^ {2, 5})
print(list(reversed(n.keys())), list(reversed(n.values())), list(reversed(n.items())))
ordered = {}
for key in [5, 1, 3, 1, 5, 2]:
    ordered[key] = ordered.get(key, 0) + 1
print(ordered, list(ordered))
ordered.pop(1)
ordered[1] = 'back'
print(ordered)
try:
    for key in d:
        d['extra'] = 0
except RuntimeError as exc:
    print('RuntimeError:', exc)
try:
    v & {1}
except TypeError as exc:
    print('TypeError:', exc)
print({1: 2}.values() == {1: 2}.values(), {1: 2}.items() == {1: 2}.items(), {1: 2} == {1: 2})

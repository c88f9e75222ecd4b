print([], [[]], [1, [2, [3, []]]], (), (1,), ((),), {}, {1: {}}, set(), frozenset(), {()})
print([1.0, -0.0, 1e100, 1e-5, float('inf')], ('a', "b'c", 'd"e'), {None: None, True: False})
print({1: [1, 2], (1, 2): 'tuple-key', 'k': {'nested': (3,)}})
print(frozenset({1, 2, 3}), {5, 3, 1}, {-1, -2}, [{1}], [frozenset()], {frozenset({1})})
a = [1]
a.append(a)
print(a)
d = {'me': None}
d['me'] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
print(repr([b'x', bytearray(b'y'), range(2), slice(1), 1 + 1j]), str([None]))

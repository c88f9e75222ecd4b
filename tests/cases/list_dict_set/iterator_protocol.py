sources = [[1, 2], (3, 4), 'ab', {5: 'x', 6: 'y'}, {7}, range(8, 10), b'AB', bytearray(b'C'),
           {1: 2}.values(), {1: 2}.items(), reversed([1, 2]), enumerate('z'), zip('q', 'r')]
for src in sources:
    it = iter(src)
    print(type(it).__name__, iter(it) is it, list(it), next(it, 'done'))
lst = [1, 2, 3]
it = iter(lst)
next(it)
lst.append(4)
print(list(it))
lst2 = [1, 2, 3]
it2 = iter(lst2)
next(it2)
lst2.clear()
print(list(it2), next(it2, 'exhausted'))
r = reversed([1, 2, 3])
print(next(r), next(r))
m = map(lambda x: x, [])
print(next(m, 'empty map'), list(zip(iter([1, 2, 3]), iter([4]))))
try:
    s = {1, 2}
    for v in s:
        s.add(v + 10)
except RuntimeError as exc:
    print('RuntimeError:', exc)

xs = [3, 1, 4]
xs.append(1)
xs.extend([5, 9])
xs.extend('ab')
xs.extend(range(2))
xs.extend(())
print(xs)
xs.insert(0, 'head')
xs.insert(100, 'tail')
xs.insert(-1, 'before-tail')
xs.insert(-100, 'front')
print(xs)
print(xs.pop(), xs.pop(0), xs.pop(-2), xs.pop(1), xs)
xs.remove(1)
print(xs, xs.count(1), xs.count('a'), xs.count(99), xs.index(1), xs.index(5, 2), xs.index(5, -8))
xs.reverse()
print(xs)
ys = xs.copy()
ys.clear()
print(ys, len(xs), xs.copy() == xs, xs.copy() is xs)
self_ref = [1, 2]
self_ref.extend(self_ref)
self_ref.append(self_ref)
print(self_ref)
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].remove(3), lambda: [1].index(2),
            lambda: [1, 2, 3].index(1, 1)]:
    try:
        bad()
    except (IndexError, ValueError) as exc:
        print(type(exc).__name__ + ':', exc)
for bad in [lambda: [].extend(5), lambda: [].insert(0), lambda: [].append(), lambda: [].pop('0'),
            lambda: [].insert('a', 1), lambda: [].count()]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)

print(sorted([5, 2, 9, 1]), sorted('banana'), sorted((3.5, -1, 2)))
print(sorted([5, 2, 9, 1], reverse=True), sorted({4: 'a', 1: 'b'}), sorted(set([3, 1, 2])))
people = [('ann', 31), ('bob', 25), ('cy', 31), ('di', 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(['Bb', 'aa', 'Ab', 'ba'], key=str.lower))
print(sorted([]), sorted(range(5, 0, -1)), sorted([[2, 1], [1, 9], [1, 2]]))
src = [3, 1, 2]
out = sorted(src)
print(src, out, out is src)
print(list(reversed([1, 2, 3])), list(reversed('xyz')), list(reversed(range(3))))
print(list(reversed((1, 'a', None))), list(reversed([])), list(reversed({1: 2, 3: 4})))
r = reversed([10, 20, 30])
print(next(r), list(r), list(r))
for bad in [lambda: sorted([1, 'a']), lambda: sorted(5), lambda: reversed(5), lambda: reversed({1, 2}),
            lambda: sorted([1], key=1), lambda: sorted([2, 1], 1)]:
    try:
        print(bad())
    except TypeError as exc:
        print('TypeError:', exc)

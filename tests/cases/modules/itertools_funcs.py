from itertools import *
import itertools
print(list(islice(count(5, 2), 4)), list(islice(cycle('ab'), 5)), list(repeat(7, 3)), repeat('x', 2), count(3))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b, initial=10)), list(accumulate([])))
print(list(chain('ab', [1, 2])), list(chain.from_iterable(['xy', 'z'])), list(compress('abcdef', [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(filterfalse(None, [0, 1, '', 'a'])))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None, 2)), list(islice('ABCDEFG', 0, None, 3)))
it = iter(range(10)); print(list(islice(it, 3)), next(it))
print(list(pairwise('abcd')), list(zip_longest('ab', 'wxyz', fillvalue='-')), list(zip_longest()))
print([(k, list(g)) for k, g in groupby('aaabbcaa')], [k for k, g in groupby([1, 1, 2, 3, 3])])
print([(k, len(list(g))) for k, g in groupby(['ant', 'ape', 'bee', 'cat', 'cow'], key=lambda w: w[0])])
groups = list(groupby('aabb')); print([list(g) for k, g in groups])
a, b = tee(iter([1, 2, 3])); print(list(a), list(b), len(tee('x', 3)))
print(list(product('ab', [1, 2])), list(product([0, 1], repeat=2)), list(product()))
print(list(permutations('abc', 2)), len(list(permutations(range(4)))), list(permutations('ab', 3)))
print(list(combinations('abcd', 2)), list(combinations(range(3), 0)), list(combinations_with_replacement('ab', 2)))
for bad in (lambda: islice('a', -1), lambda: islice('a', 0, 1, 0), lambda: list(combinations('a', -1)), lambda: list(product('a', repeat=-1))):
    try: bad()
    except ValueError as e: print('ValueError:', e)

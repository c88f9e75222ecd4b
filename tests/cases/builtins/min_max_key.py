print(min(3, 1, 2), max(3, 1, 2), min([5]), max('hello'))
print(min([2.5, 1, 3]), max([1, 2.0]), max([2.0, 2]), min([2, 2.0]))
words = ['pear', 'fig', 'banana', 'kiwi']
print(min(words, key=len), max(words, key=len), max(words), min(words))
print(max(words, key=lambda w: w[-1]), min(*words, key=lambda w: w[1]))
print(min([], default=None), max((), default=-1), max([7], default=0))
print(min(range(5, 10)), max(range(5, 10)), max({3: 'a', 9: 'b'}))
pairs = [(1, 'b'), (1, 'a'), (0, 'z')]
print(min(pairs), max(pairs), max(pairs, key=lambda p: p[0]))
print(min([-1, 1], key=abs), max([-1, 1], key=abs))
print(max(iter([4, 8, 6])), min((x * x for x in [-3, 2, 5])))
print(max(True, 0), min(False, -1), max([[1, 2], [1, 3]]))
print(max(1, 2, key=None), min([3, 1], key=None, default=9))

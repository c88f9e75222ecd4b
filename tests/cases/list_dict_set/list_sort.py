xs = [5, 2, 8, 1, 9, 3]
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
words = ['kiwi', 'Apple', 'fig', 'banana', 'date', 'Cherry']
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
recs = [('b', 2), ('a', 2), ('c', 1), ('d', 1), ('e', 3)]
recs.sort(key=lambda r: r[1])
print(recs)
recs.sort(key=lambda r: -r[1], reverse=True)
print(recs)
floats = [2.5, -1, 0, 3, -0.5, 1e10]
print(floats.sort(), floats)
nested = [[3, 'c'], [1, 'z'], [1, 'a'], [2]]
nested.sort()
print(nested)
big = [10 ** 20, -5, 2 ** 64, 0]
big.sort()
print(big, [].sort(), [1].sort())
for bad in [lambda: [1, 'a'].sort(), lambda: [3, 1].sort(key=len), lambda: [1].sort(True), lambda: [None, 1].sort()]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)

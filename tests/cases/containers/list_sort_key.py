a = [5, 3, 9, 1, 7, 3, 2, 8, 6, 4, 0, 11, 10]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ['pear', 'fig', 'apple', 'kiwi', 'banana', 'date', 'plum']
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'y')]
pairs.sort(key=lambda p: next(iter(p)))
print(pairs)
print(sorted([3.5, 1, 2.25, -1]))
print(sorted('hello'), sorted((3, 1, 2)), sorted({3: 'c', 1: 'a'}))
b = [3, 'a', 1]
try:
    b.sort()
except TypeError as e:
    print(type(e).__name__, e.args)
print(b)
try:
    sorted([1, 2], key=lambda x: [].pop())
except IndexError as e:
    print(type(e).__name__, e.args)
c = [1, 2, 3]
def sneaky(x):
    c.append(x)
    return x
try:
    c.sort(key=sneaky)
except ValueError as e:
    print(type(e).__name__, e.args)
print(c)

xs = list(range(8))
xs[2:4] = ['a', 'b', 'c']
print(xs)
xs[1:1] = [10, 11]
print(xs)
xs[:3] = []
print(xs)
xs[-2:] = 'yz'
print(xs)
xs[::2] = [0] * len(xs[::2])
print(xs)
xs[::-3] = ['p', 'q', 'r']
print(xs)
xs[5:2] = ['inserted']
print(xs)
del xs[::2]
print(xs)
del xs[1:3]
print(xs)
del xs[-1]
print(xs)
del xs[100:]
print(xs)

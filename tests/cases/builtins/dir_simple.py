import math


def public(names):
    return [n for n in names if not n.startswith('_')]


print(public(dir([])))
print(public(dir(())))
print(public(dir({})))
print(public(dir(1)))
print(public(dir(1.0)))
print(public(dir('')))
print(public(dir(set())))
print(public(dir(math))[:10])


def scope(x):
    y = x
    return dir()


print(scope(1))
print('__name__' in dir(), 'public' in dir(), 'math' in dir())

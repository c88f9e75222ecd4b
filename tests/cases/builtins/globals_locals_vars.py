counter = 10
label = 'top'
g = globals()
print(g['counter'], g['label'], 'g' in g, '__name__' in g, g['__name__'])
g['injected'] = 99
print(injected)
print(globals() is g, sorted(k for k in g if not k.startswith('__')))


def inner(a, b=2):
    c = a + b
    loc = locals()
    print(sorted(loc.items()))
    return vars()


print(sorted(inner(1).items()))
print(locals() is globals(), vars() is globals())


def setter():
    globals()['made_here'] = 'yes'


setter()
print(made_here)
print(vars(setter) == {}, type(vars(setter)) is dict)
setter.attr = 1
print(vars(setter))
try:
    vars(5)
except TypeError as exc:
    print('TypeError:', exc)

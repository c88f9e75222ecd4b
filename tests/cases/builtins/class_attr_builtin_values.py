values = ['a', None, 1, 2.5, [], {}, (), b'', range(3), len, print.__class__,
          (lambda: 0), (x for x in ()), ValueError(), Ellipsis, NotImplemented]
for v in values:
    print(v.__class__, v.__class__ is type(v))
print(type.__class__, int.__class__)
print(getattr(5, '__class__'), hasattr(None, '__class__'))
try:
    (1).__class__ = float
except TypeError as e:
    print(e)

# dir() through __dir__, on instances, classes and metaclasses; __import__.
class Custom:
    def __dir__(self): return ['zeta', 'alpha', 'mid']

class Meta(type):
    def __dir__(cls): return ['from_meta']

class Thing(metaclass=Meta):
    cls_attr = 1
    def method(self): pass

class Base:
    inherited = True

class Slotted(Base):
    __slots__ = ('s',)

obj = Custom()
print(dir(obj), dir(Thing))
t = Thing(); t.inst_attr = 2
print([n for n in dir(t) if not n.startswith('_')])
print([n for n in dir(Slotted()) if not n.startswith('__')], '__dict__' in dir(Slotted()))
print(dir(object()) == sorted(object.__dir__(object())), len(dir(object())) > 20)

math = __import__('math')
print(math.floor(2.5), __import__('math') is math, __import__('sys').version_info[0])
print(__import__('math', globals(), None, ['sqrt'], 0).sqrt(16))

class BadDir:
    def __dir__(self): return 42

for f in [lambda: dir(BadDir()), lambda: __import__('no_such_module_xyz'), lambda: __import__(''),
          lambda: __import__(5), lambda: __import__('math', level=-1), lambda: __import__('math', x=1)]:
    try:
        print(f())
    except (TypeError, ValueError, ImportError) as e:
        print(type(e).__name__, e)

# __init_subclass__ with class keywords, __subclasses__ and __class_getitem__.
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls

class Alpha(Plugin, name='a'): pass
class Beta(Plugin): pass
class Gamma(Beta, name='g'): pass
print(sorted(Plugin.registry), Alpha.plugin_name, Gamma.plugin_name)
print(Plugin.__subclasses__(), Beta.__subclasses__(), Gamma.__subclasses__())

class Counted:
    count = 0
    @classmethod
    def __init_subclass__(cls):
        Counted.count += 1
Dyn = type('Dyn', (Counted,), {})
class Stat(Counted): pass
print(Counted.count, Dyn.__name__, Counted.__subclasses__())

class Box:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]'
class IntBox(Box): pass
print(Box[int], IntBox['x'], Box[str, int] if False else Box[3])

for make in [lambda: type('X', (Plugin,), {}, name=1, extra=2), lambda: type('Y', (), {}, flag=True),
             lambda: object.__init_subclass__(bad=1), lambda: Alpha.__init_subclass__(1),
             lambda: object[int], lambda: Plugin.__subclasses__(1)]:
    try:
        print(make())
    except TypeError as e:
        print(type(e).__name__, e)
try:
    class Z(Counted, flag=1): pass
except TypeError as e:
    print(type(e).__name__, e)

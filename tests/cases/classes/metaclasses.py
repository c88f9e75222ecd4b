# Metaclasses overriding __new__, __init__, __call__ and __prepare__.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw)
        return {'seeded': 'from prepare'}
    def __new__(mcls, name, bases, ns, **kw):
        print('new', mcls.__name__, name, [k for k in ns if not k.startswith('__')], kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.options = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print('init', name, cls.options)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print('call', cls.__name__, args, kwargs)
        return super().__call__(*args, **kwargs)
    def describe(cls):
        return f'{cls.__name__} made by {type(cls).__name__}'

class Model(metaclass=Meta, table='models'):
    field = 1
    def __init__(self, value): self.value = value

class User(Model, table='users'):
    pass

m = User(42)
print(m.value, User.options, User.seeded, User.describe(), Model.describe())
print(type(User) is Meta, type(Meta) is type, isinstance(User, Meta), isinstance(m, Model))
print(User.__mro__, Meta.__mro__)

class Singleton(type):
    def __call__(cls, *args):
        if '_instance' not in cls.__dict__:
            cls._instance = super().__call__(*args)
        return cls._instance
class Config(metaclass=Singleton):
    def __init__(self, name): self.name = name
print(Config('a') is Config('b'), Config('c').name)

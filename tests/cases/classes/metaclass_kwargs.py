# Class definitions with keywords, metaclasses and __init_subclass__.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)

class Base(metaclass=Meta):
    subclasses = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subclasses.append((cls.__name__, tag))

class Child(Base, tag="c"):
    pass

bases = (Child,)
class GrandChild(*bases, tag="g"):
    pass
print(Base.created_by, Child.created_by, Base.subclasses)

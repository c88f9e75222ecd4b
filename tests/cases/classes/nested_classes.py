# Classes nested inside classes; qualified names.
class Outer:
    class Inner:
        class Deepest:
            def where(self):
                return type(self).__qualname__
        def make(self):
            return self.Deepest()
    def build(self):
        return Outer.Inner().make()

o = Outer()
print(o.build().where())
print(Outer.Inner.__qualname__, Outer.Inner.make.__qualname__)

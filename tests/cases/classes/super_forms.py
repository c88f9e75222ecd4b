# super() with explicit arguments, in classmethods and in multiple inheritance.
class A:
    def who(self):
        return ["A"]
    @classmethod
    def make(cls):
        return cls.__name__

class B(A):
    def who(self):
        return ["B"] + super().who()

class C(A):
    def who(self):
        return ["C"] + super(C, self).who()
    @classmethod
    def make(cls):
        return "C:" + super().make()

class D(B, C):
    def who(self):
        return ["D"] + super().who()

print(D().who(), C.make(), D.make())

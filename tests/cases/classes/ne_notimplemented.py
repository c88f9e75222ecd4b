class A:
    def __eq__(self, other):
        return NotImplemented


class B:
    def __eq__(self, other):
        return isinstance(other, B)


class C:
    def __ne__(self, other):
        return NotImplemented

    def __eq__(self, other):
        print('C.__eq__ called')
        return True


a = A()
print(a != 3, 3 != a, a != A(), a != a, a == a, a == 3)
print(B() != B(), B() != 1, 1 != B())
print(C() != 1)
print([A()] != [A()], (B(),) != (B(),))


class R:
    def __ne__(self, other):
        return -456

    def __lt__(self, other):
        return 'less'


print(R() != 1, 1 != R(), R() < 2, 2 > R())
if R() != 1:
    print('truthy')

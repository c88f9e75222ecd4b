# __eq__ without __hash__ makes a class unhashable; bad __hash__ results.
class A:
    def __eq__(self, o):
        return True
print(A.__hash__, "__hash__" in A.__dict__, list(A.__dict__)[-1])
for make in (lambda: hash(A()), lambda: {A(): 1}, lambda: {A()}, lambda: A() in {1: 2}):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
class B(A):
    def __hash__(self):
        return 7
print(hash(B()), len({B(), B()}), B() in {B()})
class C(B):
    def __eq__(self, o):
        return False
print(C.__hash__)
class Bad:
    def __hash__(self):
        return "x"
try:
    {Bad(): 1}
except TypeError as e:
    print("TypeError:", e)
class Boom:
    def __hash__(self):
        raise ValueError("no hash")
try:
    {1: 2}.get(Boom())
except ValueError as e:
    print("ValueError:", e)
class Big:
    def __hash__(self):
        return 2 ** 70
print(hash(Big()) == hash(2 ** 70), hash(Big()))
class Minus:
    def __hash__(self):
        return -1
print(hash(Minus()))

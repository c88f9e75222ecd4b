for bases in [(bool,), (list, dict), (ValueError, list), (int, str), (type(None),), (range,)]:
    try:
        type("X", bases, {})
        print("ok", bases)
    except TypeError as e:
        print("TypeError", e)
class A(list): pass
class B(A, list): pass
print(B([1]), B.__mro__)
class C(dict): pass
class E(C, dict): pass
print(E(a=1), isinstance(E(), C))
# Subclasses of unhashable built-ins are unhashable under their own name.
class M(dict): pass
class L(list): pass
for x in (M(), L()):
    try:
        {x: 1}
    except TypeError as e:
        print(e)

# A nested exception class in __main__ prints by its qualified name.
class Outer:
    class Failure(Exception):
        pass
print("raising")
raise Outer.Failure("inner failure")

# A traceback through a special method the loop ran as its own frame.
class D:
    def __add__(self, o):
        return 1 / 0
def f():
    return D() + 1
print("adding")
f()

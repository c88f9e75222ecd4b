# A method using a free variable of the function that created the class.
def registry():
    items = []
    class Reg:
        def add(self, v):
            items.append(v)
            return len(items)
        @staticmethod
        def all():
            return list(items)
    return Reg

R = registry()
r = R()
r.add("a"); r.add("b")
print(R.all(), r.add("c"))

# An instance attribute shadows a method of the same name, however it got
# into the instance dict; the method call site keeps working afterwards.
class C:
    def m(self): return "method"
    def n(self): return "n"
objs = [C() for _ in range(4)]
objs[1].m = lambda: "attribute"
objs[2].__dict__["m"] = lambda: "via __dict__"
setattr(objs[3], "".join(["m"]), lambda: "via setattr")
for rounds in range(2):
    print([o.m() for o in objs], [o.n() for o in objs])
    if rounds == 0:
        del objs[1].m
        objs[0].__dict__.update(m=lambda: "via update")
vars(objs[2]).clear()
print([o.m() for o in objs])
for i in range(20):
    setattr(objs[0], f"a{i}", i)
objs[0].n = lambda: "late shadow"
print(objs[0].n(), objs[1].n(), len(vars(objs[0])))

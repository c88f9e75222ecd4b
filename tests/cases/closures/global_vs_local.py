# Name resolution: local, enclosing, global, builtin.
x = "global"
len_ = len
def f():
    x = "local"
    def g():
        return x
    return g()

def h():
    return x

def uses_builtin():
    return len("abc"), max(1, 2)

def shadow_builtin():
    len = lambda s: -1
    return len("abc")

print(f(), h(), uses_builtin(), shadow_builtin(), len_("xy"))

# Patterns the CFG optimiser threads: jumps to jumps, empty blocks.
def f(x):
    if x:
        if x > 1:
            pass
        else:
            pass
    else:
        pass
    return x

def g(a, b):
    while a:
        a -= 1
        if b:
            b = 0
            continue
        b = 1
    return a, b

print(f(0), f(1), f(2))
print(g(3, 0))

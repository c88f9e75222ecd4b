# Functions with multiple returns, implicit None, and unreachable code.
def sign(n):
    if n > 0:
        return 1
    if n < 0:
        return -1
    return 0

def implicit(flag):
    if flag:
        return "set"

def after_return():
    return "first"
    print("never printed")

print(sign(5), sign(-5), sign(0))
print(implicit(True), implicit(False))
print(after_return())

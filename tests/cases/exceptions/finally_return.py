# return inside try with a finally; return in finally overrides.
def a():
    try:
        return "try"
    finally:
        print("finally runs")

def b():
    try:
        return "try"
    finally:
        return "finally wins"

def c():
    try:
        raise KeyError("lost")
    finally:
        return "swallowed"

def d(x):
    try:
        if x:
            return x * 2
    finally:
        x = -1
    return x

print(a(), b(), c(), d(3), d(0))

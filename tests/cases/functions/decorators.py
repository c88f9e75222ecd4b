# Function decorators: plain, with arguments, stacked.
def shout(fn):
    def wrapper(*args):
        return fn(*args).upper()
    return wrapper

def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return " ".join(fn(*args) for _ in range(n))
        return wrapper
    return deco

@shout
def hello(name):
    return "hello " + name

@repeat(2)
@shout
def bye(name):
    return "bye " + name

print(hello("world"))
print(bye("moon"))

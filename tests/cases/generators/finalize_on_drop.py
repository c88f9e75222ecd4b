# A suspended generator is closed when its last reference goes away: its
# finally block runs then (after a break, a rebinding, an exception, exit).
def numbers(tag):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", tag)

for n in numbers("break"):
    break
print("after break")
g = numbers("rebind"); next(g)
g = None
print("after rebind")
print(next(numbers("argument")))

def fails():
    local = numbers("frame"); next(local)
    raise KeyError("k")

try:
    fails()
except KeyError:
    print("handler runs first")
print("after handler")

async def agen():
    try:
        yield "async"
    finally:
        print("async generator cleanup")

try:
    agen().__anext__().send(None)
except StopIteration as stop:
    print(stop.value)
at_exit = numbers("exit"); next(at_exit)
print("end")

# Driving a coroutine by hand: send, throw, close and their errors.
import types

@types.coroutine
def pause(tag):
    got = yield tag
    return got

async def worker():
    total = 0
    while True:
        try:
            total += await pause("ready %d" % total)
        except ValueError as e:
            print("worker caught", e)
            return total

c = worker()
print(type(c).__name__, c.__name__, c.cr_suspended, c.cr_running)
print(c.send(None), c.send(5), c.send(7))
print(type(c.cr_await).__name__, c.cr_await.gi_running)
try:
    c.throw(ValueError("stop"))
except StopIteration as stop:
    print("returned", stop.value, c.cr_await, c.cr_frame)
for action in (lambda: c.send(None), lambda: c.throw(KeyError), c.close):
    try:
        print("close ->", action())
    except RuntimeError as e:
        print(type(e).__name__, e)
fresh = worker()
try:
    fresh.send(1)
except TypeError as e:
    print(e)
fresh.close()
print(fresh.cr_frame, fresh.cr_suspended)

# Driving a coroutine by hand with send(), without an event loop.
import types

@types.coroutine
def suspend(value):
    received = yield value
    return received

async def worker():
    a = await suspend("first")
    b = await suspend("second")
    return a + b

coro = worker()
print(coro.send(None))
print(coro.send(10))
try:
    coro.send(5)
except StopIteration as stop:
    print("result", stop.value)

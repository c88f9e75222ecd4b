# coro.__await__() is a coroutine_wrapper: an iterator over the coroutine.
import types

@types.coroutine
def step(n):
    for i in range(n):
        yield "step %d" % i
    return n

async def job():
    got = await step(2)
    return got * 10

w = job().__await__()
print(type(w).__name__, iter(w) is w)
print(next(w), w.send(None))
try:
    next(w)
except StopIteration as stop:
    print("value", stop.value)
w2 = job().__await__()
print(next(w2))
try:
    w2.throw(IndexError("into the wrapper"))
except IndexError as e:
    print("raised", e)
w3 = job().__await__()
print(next(w3), w3.close())
try:
    next(w3)
except RuntimeError as e:
    print(e)
def legacy():
    result = yield from job().__await__()
    print("legacy got", result)
print(list(legacy()))

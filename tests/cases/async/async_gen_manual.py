# An async generator driven by hand: __anext__, asend, athrow, aclose.
async def numbers():
    try:
        received = yield 1
        print("received", received)
        try:
            yield 2
        except KeyError as e:
            print("caught", repr(e))
            yield 3
        yield 4
    finally:
        print("cleanup")

def result(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value
    except (StopAsyncIteration, RuntimeError) as e:
        return type(e).__name__ + " " + str(e)

g = numbers()
print(type(g).__name__, g.__name__, g.ag_running, g.ag_await)
print(result(g.__anext__()), result(g.asend("hi")))
print(result(g.athrow(KeyError("k"))))
step = g.__anext__()
print(result(step), result(step))
print(result(g.aclose()), result(g.__anext__()), g.ag_frame)

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
print(result(s.__anext__()), result(s.aclose()))

# The TypeErrors and RuntimeErrors of await, async for and async with.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value
    except (TypeError, RuntimeError) as e:
        return "%s: %s" % (type(e).__name__, e)

class Await:
    def __init__(self, result): self.result = result
    def __await__(self): return self.result

class AIter:
    def __init__(self, it, nxt): self.it, self.nxt = it, nxt
    def __aiter__(self): return self.it
    def __anext__(self): return self.nxt

async def coro():
    return 1

async def await_(x):
    return await x

async def afor(x):
    async for _ in x:
        pass

async def awith(x):
    async with x:
        pass

inner, returned = coro(), coro()
print(run(await_(inner)), run(await_(inner)), run(await_(5)))
print(run(await_(Await(3))), run(await_(Await(returned))), returned.close())
print(run(await_(Await(iter([1, 2])))), run(afor([1])), run(afor(AIter(7, 0))))
ok = AIter(None, 42)
ok.it = ok
print(run(afor(ok)), run(awith(None)), run(awith(Await(1))))

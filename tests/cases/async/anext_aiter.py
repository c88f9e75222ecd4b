# The aiter() and anext() builtins, with and without a default.
async def pair():
    yield "first"
    yield "second"

class Empty:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise StopAsyncIteration

async def main():
    it = aiter(pair())
    print(await anext(it), await anext(it), await anext(it, "default"))
    print(await anext(aiter(Empty()), None))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("exhausted")
    for bad in (aiter, anext):
        try:
            bad(3)
        except TypeError as e:
            print(e)
    return type(anext(it, 0)).__name__

try:
    main().send(None)
except StopIteration as stop:
    print(stop.value)

# Async comprehensions and await inside comprehensions.
import asyncio

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def double(v):
    return v * 2

async def main():
    a = [v async for v in agen(4)]
    b = [await double(v) for v in range(3)]
    c = {v: v * v async for v in agen(3) if v}
    d = [w async for v in agen(2) for w in (v, v)]
    return a, b, c, d

print(asyncio.run(main()))

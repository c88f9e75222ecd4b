# async def, await and asyncio.run.
import asyncio

async def add(a, b):
    await asyncio.sleep(0)
    return a + b

async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    results = await asyncio.gather(add(1, 1), add(2, 2))
    return x, y, results

print(asyncio.run(main()))

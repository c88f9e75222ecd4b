# Async generators with yield, await and aclose.
import asyncio

async def countdown(n):
    try:
        while n:
            yield n
            await asyncio.sleep(0)
            n -= 1
    finally:
        print("countdown cleanup")

async def main():
    out = []
    async for v in countdown(3):
        out.append(v)
    g = countdown(5)
    print(await g.__anext__())
    await g.aclose()
    return out

print(asyncio.run(main()))

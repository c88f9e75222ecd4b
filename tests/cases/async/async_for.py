# async for over an async iterator class and an async generator.
import asyncio

class Ticker:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main():
    async for t in Ticker(3):
        print("tick", t)
    else:
        print("ticker done")

asyncio.run(main())

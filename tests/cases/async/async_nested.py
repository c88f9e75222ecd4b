# Async closures, async lambdas via helper, and awaiting inside expressions.
import asyncio

def make_scaler(k):
    async def scale(v):
        await asyncio.sleep(0)
        return v * k
    return scale

async def main():
    triple = make_scaler(3)
    total = sum([await triple(i) for i in range(4)])
    values = {i: await triple(i) for i in range(2)}
    cond = await triple(1) if total > 5 else 0
    return total, values, cond

print(asyncio.run(main()))

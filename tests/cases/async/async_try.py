# try/except/finally and return inside coroutines.
import asyncio

async def fails(n):
    await asyncio.sleep(0)
    if n:
        raise ValueError(n)
    return "fine"

async def main():
    results = []
    for n in (0, 1):
        try:
            results.append(await fails(n))
        except ValueError as e:
            results.append("error %s" % e)
        finally:
            results.append("checked %d" % n)
    return results

print(asyncio.run(main()))

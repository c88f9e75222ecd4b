# async with and an async context manager.
import asyncio

class Session:
    async def __aenter__(self):
        print("open")
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print("close", exc_type.__name__ if exc_type else None)
        return True

async def main():
    async with Session() as s:
        print("using", type(s).__name__)
    async with Session(), Session():
        raise KeyError("suppressed")
    return "ok"

print(asyncio.run(main()))

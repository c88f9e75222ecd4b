# async with: __aenter__ and __aexit__ awaited, exceptions suppressed or not.
class Manager:
    def __init__(self, name, suppress):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print("enter", self.name)
        return self.name.upper()
    async def __aexit__(self, typ, exc, tb):
        print("exit", self.name, typ.__name__ if typ else None, exc)
        return self.suppress

async def main():
    async with Manager("a", False) as a, Manager("b", True) as b:
        print("body", a, b)
        raise KeyError("swallowed by b")
    try:
        async with Manager("c", False):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    async with Manager("d", True):
        return "returned from inside"

coro = main()
try:
    coro.send(None)
except StopIteration as stop:
    print(stop.value)

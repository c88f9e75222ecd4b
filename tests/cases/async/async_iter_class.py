# async for over a class with __aiter__/__anext__: else, break, errors.
class Countdown:
    def __init__(self, n, fail_at=None):
        self.n, self.fail_at = n, fail_at
    def __aiter__(self):
        print("aiter")
        return self
    async def __anext__(self):
        if self.n == self.fail_at:
            raise ValueError("failed at %d" % self.n)
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n + 1

async def main():
    async for i in Countdown(3):
        print("item", i)
    else:
        print("else ran")
    async for i in Countdown(5):
        if i == 3:
            break
    else:
        print("not printed")
    print("broke at", i)
    try:
        async for i in Countdown(4, fail_at=2):
            print("before failure", i)
    except ValueError as e:
        print("error", e)
    return [i async for i in Countdown(2)]

try:
    main().send(None)
except StopIteration as stop:
    print(stop.value)

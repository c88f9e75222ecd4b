# await on objects whose __await__ returns an iterator: what they yield
# goes up to whoever drives the coroutine, what they return comes back.
class Request:
    def __init__(self, what):
        self.what = what
    def __await__(self):
        answer = yield self.what
        return "%s=%s" % (self.what, answer)

class Fixed:
    def __await__(self):
        return iter(["a", "b"])

async def client():
    x = await Request("x")
    y = await Request("y")
    z = await Fixed()
    return [x, y, z]

def drive(coro, answers):
    sent = None
    try:
        while True:
            asked = coro.send(sent)
            print("asked", asked)
            sent = answers.get(asked)
    except StopIteration as stop:
        print("result", stop.value)

drive(client(), {"x": 1, "y": 2})

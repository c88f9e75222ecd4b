from contextlib import suppress, nullcontext, closing, ExitStack

with suppress(IndexError, KeyError):
    [][1]
print('suppressed')
try:
    with suppress(IndexError):
        {}['x']
except KeyError:
    print('not suppressed')

with nullcontext(42) as v:
    print(v)


class Res:
    def __init__(self, n):
        self.n = n

    def close(self):
        print('close', self.n)


with closing(Res(1)) as r:
    print('using', r.n)

with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, 'callback', i)
    stack.enter_context(closing(Res(2)))
    print('body done')

# A container class implementing the iterator and context protocols.
class Stack:
    def __init__(self):
        self._items = []
    def push(self, *xs):
        self._items.extend(xs)
        return self
    def __iter__(self):
        yield from reversed(self._items)
    def __contains__(self, x):
        return x in self._items
    def __bool__(self):
        return bool(self._items)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self._items.clear()
        return False

with Stack().push(1, 2, 3) as s:
    print(list(s), 2 in s, bool(s))
print(bool(s))

# Functions defined inside functions, returned and called later.
def outer(prefix):
    def middle(sep):
        def inner(word):
            return prefix + sep + word
        return inner
    return middle

f = outer("pre")("-")
print(f("fix"))
def counter_factory():
    def helper(n):
        return n + 1
    return [helper(i) for i in range(3)]
print(counter_factory())
print(outer.__name__, f.__qualname__)

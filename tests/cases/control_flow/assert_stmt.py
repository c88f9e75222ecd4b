# assert with and without a message.
def check(v):
    assert v > 0
    assert isinstance(v, int), "not an int: %r" % (v,)
    return v * 2

print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError", repr(e))
try:
    check(2.5)
except AssertionError as e:
    print("AssertionError", e)
assert True, "never"

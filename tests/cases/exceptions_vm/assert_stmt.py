assert True
assert 1 == 1, 'never shown'
try:
    assert False
except AssertionError as exc:
    print('bare', repr(exc), exc.args)
try:
    assert 1 > 2, 'one is not greater'
except AssertionError as exc:
    print('with message', repr(exc), str(exc))
try:
    assert [], ['a', 'list', 'message']
except AssertionError as exc:
    print('non-str message', exc.args[0])
calls = []


def msg():
    calls.append('called')
    return 'lazy'


assert 1, msg()
print(calls)
try:
    assert 0, msg()
except AssertionError as exc:
    print(exc, calls)
x = 5
try:
    assert isinstance(x, str), f'expected str, got {type(x).__name__}'
except AssertionError as exc:
    print(exc)

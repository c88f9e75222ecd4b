from contextlib import contextmanager

@contextmanager
def tag(name, log):
    log.append('<' + name + '>')
    try: yield name.upper()
    finally: log.append('</' + name + '>')

log = []
with tag('a', log) as t:
    with tag('b', log):
        log.append(t)
print(log)

@contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError as e:
        print('swallowed', e)

with swallow():
    1 / 0
print('after swallow')
try:
    with tag('c', log):
        raise KeyError('k')
except KeyError as e:
    print('propagated', repr(e), log[-1])

@contextmanager
def no_yield():
    if False:
        yield

try:
    with no_yield():
        pass
except RuntimeError as e:
    print('RuntimeError:', e)

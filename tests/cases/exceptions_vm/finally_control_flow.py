def override():
    try:
        return 'try value'
    finally:
        return 'finally value'


def swallow():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'


def counted():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print('finally sees', n)


print(override(), swallow(), counted())

def loop_return():
    for x in [1, 2, 3]:
        try:
            if x == 2:
                return x * 10
        finally:
            print('cleanup', x)


print(loop_return())

def work():
    try:
        print('in try')
        raise ValueError('original problem')
    finally:
        print('in finally')


try:
    work()
except TypeError:
    print('wrong type, not caught here')

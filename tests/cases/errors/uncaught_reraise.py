def step(n):
    if n == 2:
        raise IndexError('step 2 failed')
    return n


for i in range(4):
    try:
        print('step', step(i))
    except IndexError:
        print('handler saw it, re-raising')
        raise

log = []

def run(mode):
    log.clear()
    try:
        log.append('try')
        if mode == 'raise':
            raise ValueError('boom')
        if mode == 'return':
            return 'returned'
    except ValueError:
        log.append('except')
    else:
        log.append('else')
    finally:
        log.append('finally')
    log.append('after')
    return 'fell through'

for mode in ['ok', 'raise', 'return']:
    result = run(mode)
    print(mode, result, log)

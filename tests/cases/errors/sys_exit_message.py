import sys


def check(config):
    if 'name' not in config:
        sys.exit('fatal: missing name in ' + repr(sorted(config)))
    return config['name']


print(check({'name': 'ok'}))
check({'size': 1, 'color': 2})
print('unreachable')

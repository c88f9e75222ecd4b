import sys

codes = [2, 256]
status = sum(codes)
print('exit code', status, 'wraps modulo 256', end='')
sys.exit(status)

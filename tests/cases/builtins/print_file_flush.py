import sys

print('to stdout', file=sys.stdout)
print('first stderr line', file=sys.stderr)
print('flushed', flush=True)
print('both', 'args', file=sys.stdout, sep='+', flush=False)
print('explicit None file', file=None)
r = print('returns', end=' ')
print(r)
sys.stdout.write('written directly\n')
n = sys.stdout.write('abc')
print()
print('write returned', n)
sys.stdout.flush()
try:
    print('x', file=42)
except AttributeError as exc:
    print('AttributeError:', exc)
print('last stderr line', file=sys.stderr, flush=True)

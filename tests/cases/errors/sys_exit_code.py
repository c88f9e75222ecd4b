import sys

print('about to exit with 3')
total = sum(range(10))
if total == 45:
    sys.exit(3)
print('never printed')

import sys

print(sys.get_int_max_str_digits())
ok = int('7' * 4300)
print(len(str(ok)), str(ok)[:10], ok % 1000)
big = 10 ** 4300
print(big.bit_length(), big % 997, (big - 1) % 10)
try:
    str(big)
except ValueError as exc:
    print('ValueError:', exc)
try:
    int('1' * 4301)
except ValueError as exc:
    print('ValueError:', exc)
try:
    repr(-big)
except ValueError as exc:
    print('ValueError:', exc)
try:
    print(big)
except ValueError as exc:
    print('ValueError:', exc)
print(hex(big)[:12], len(hex(big)), int('f' * 5000, 16) % 1000)
print(len(str(10 ** 4299)), int('1' * 4300) % 9)

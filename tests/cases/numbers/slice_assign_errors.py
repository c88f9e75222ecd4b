# Errors from item and slice assignment and deletion.
l, t, s = [1, 2, 3], (1, 2), 'abc'
try:
    l[5] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    del l[-5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    l[::2] = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    l[::-1] = [4, 5]
except ValueError as e:
    print(type(e).__name__, e)
try:
    l[0:1] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[0] = 'x'
except TypeError as e:
    print(type(e).__name__, e)
try:
    l[1:'a']
except TypeError as e:
    print(type(e).__name__, e)
print(l)

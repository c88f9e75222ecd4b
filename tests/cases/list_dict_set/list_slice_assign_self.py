ys = [1, 2, 3]
ys[:] = ys
print(ys)
ys[1:2] = ys
print(ys)
ys[0] = 'first'
ys[-1] = 'last'
print(ys)
for step in range(4):
    try:
        if step == 0:
            ys[::2] = [1]
        elif step == 1:
            ys[10] = 1
        elif step == 2:
            del ys[10]
        else:
            ys[0:1] = 5
    except (ValueError, IndexError, TypeError) as exc:
        print(type(exc).__name__ + ':', exc)

xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[:-7], xs[::3], xs[1::2], xs[::-1], xs[8:2:-2], xs[-1:-4:-1])
print(xs[5:2], xs[100:], xs[-100:2], xs[::-4], xs[3:3], xs[slice(2, 8, 3)], xs[None:None:None])
print(xs[2:-2:2], xs[-2:2:-2], xs[10:0:-3], xs[0:10:20], xs[::10 ** 20], xs[-(10 ** 20):])
try:
    xs[::0]
except ValueError as exc:
    print('ValueError:', exc)
for bad in [lambda: xs[10], lambda: xs[-11], lambda: xs[10 ** 20]]:
    try:
        bad()
    except IndexError as exc:
        print('IndexError:', exc)
for bad in [lambda: xs['1'], lambda: xs[1.0], lambda: xs['a':], lambda: xs[None]]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
t = tuple(xs)
print(t[1:4], t[::-3], t[5:], ('x',)[0:0], t[-1])

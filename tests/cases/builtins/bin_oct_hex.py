for n in [0, 1, 7, 8, 255, 256, -1, -255, 2 ** 64, -(2 ** 70), True]:
    print(n, bin(n), oct(n), hex(n))
print(int(bin(1234), 2), int(oct(1234), 8), int(hex(1234), 16), int(hex(1234), 0))
print(bin(2 ** 63 - 1), hex(-(2 ** 63)))
for f in [bin, oct, hex]:
    for bad in [1.0, '10', None]:
        try:
            f(bad)
        except TypeError as exc:
            print('TypeError:', exc)

z = 3 + 4j
w = complex(1, -2)
print(z, w, z + w, z - w, z * w, z / w, -z, +z, abs(z), z.real, z.imag, z.conjugate(), z == complex(3, 4))
print(complex(), complex(2), complex(2.5, 0), complex('1+2j'), complex(' -3j '), complex('4'), complex(real=1, imag=2))
print(1j * 1j, 1j ** 2, (1 + 1j) ** 3, z ** 0, 2 ** 1j == 2 ** 1j, 0j, -0j, complex(0, -0.0), complex(-0.0, 0))
print(repr(1e20j), repr(complex(1e-10, 1e10)), complex(float('inf'), float('nan')), z != 3, 5 == complex(5, 0))
print(hash(complex(3, 0)) == hash(3), type(z).__name__, z * 2, 2 * z, z + 1.5, 1 - z)
for bad in [lambda: z / 0, lambda: complex('x'), lambda: complex('1+2'), lambda: 0j ** -1]:
    try:
        print(bad())
    except (ZeroDivisionError, ValueError) as exc:
        print(type(exc).__name__ + ':', exc)
for bad in [lambda: z < w, lambda: z // 2, lambda: z % 2, lambda: int(z), lambda: float(z), lambda: complex('1', 2),
            lambda: complex([])]:
    try:
        print(bad())
    except TypeError as exc:
        print('TypeError:', exc)

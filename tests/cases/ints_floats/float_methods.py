for v in [1.0, 2.5, -0.75, 0.1, 1e100, 0.0, -3.0, 1e-310]:
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v)
print(float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'), float.fromhex('0x.8'), float.fromhex('  0XAp0  '), float.fromhex('inf'))
print(float.fromhex('0x1.fffffffffffffp+1023'), float.fromhex('0x1p-1074'), float.fromhex('1'), float.fromhex('-0x0p0'))
print((2.5).conjugate(), (2.5).real, (2.5).imag, float.is_integer(4.0), (7.0).__trunc__() if False else int(7.9))
for bad in [lambda: float('inf').as_integer_ratio(), lambda: float('nan').as_integer_ratio(),
            lambda: float.fromhex('0x1p5000'), lambda: float.fromhex('xyz'), lambda: float.fromhex('')]:
    try:
        print(bad())
    except (OverflowError, ValueError) as exc:
        print(type(exc).__name__ + ':', exc)
print(float('inf').is_integer(), float('nan').is_integer(), float('inf').hex(), float('nan').hex())

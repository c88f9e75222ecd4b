# Arithmetic errors with CPython's exception types and messages.
cases = [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.0 // 0,
         lambda: 1.0 % 0, lambda: divmod(1.0, 0), lambda: divmod(1, 0), lambda: 0 ** -1,
         lambda: 0.0 ** -1, lambda: 1j / 0, lambda: 1j // 2, lambda: 10.0 ** 400,
         lambda: 2 ** 10000 * 1.0, lambda: (2 ** 10000) / 3, lambda: 1 << -1, lambda: 1 >> -1,
         lambda: 1 << (2 ** 70), lambda: -'a', lambda: ~1.5, lambda: +'a', lambda: 1 - None,
         lambda: True + 'a', lambda: [1] @ [2], lambda: abs('a'), lambda: divmod('a', 1),
         lambda: round('a'), lambda: round(1.5, 'a'), lambda: round(float('inf')),
         lambda: (1024).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'),
         lambda: float('inf').as_integer_ratio()]
for c in cases:
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
print((1 >> 2 ** 70), 3 / 2 ** 10000, 1e300 * 1e300)

# float and complex ** at their edges: zero, infinities, overflow, fractional powers of negatives
for a, b in [(2.0, 0.5), (-8.0, 1/3), (0.0, -1.0), (10.0, 400.0), (float('inf'), -3.0), (-2.0, 3.0), (1j, 2), (0j, -1), (2+3j, 0.5), (1e200j, 2), (0j, 1j), (-1.0, float('inf')), (2, -2)]:
    try: print(repr(a ** b))
    except Exception as e: print(type(e).__name__, e)
print(2 ** -1, (-8) ** 0.5, 1j ** 2)

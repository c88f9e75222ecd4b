# round() checks its arguments like CPython's argument clinic.
for call in [
    lambda: round(1, 2, 3),
    lambda: round(x=1),
    lambda: round(1, number=2),
    lambda: round(1, ndigits=1, x=2),
    lambda: round(1, x=2),
    lambda: round(number=1, x=2),
    lambda: round(1, 2, ndigits=3),
    lambda: round(),
]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
print(round(number=1.55, ndigits=1), round(2.5), round(7, ndigits=-1))

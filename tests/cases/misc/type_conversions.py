# Numeric tower conversions and string/number round trips.
values = [7, -3.5, True, "42", 2 + 0j]
print(int(-3.5), int(True), int("42"), float(7), complex(1, 2))
print(str(7), repr(-3.5), str(True), str(2 + 0j))
print(7 / 2, 7 // 2, -7 // 2, 7 % -2, 2 ** 0.5)
print(1 == 1.0 == True, hash(1) == hash(1.0))
print(round(0.5), round(1.5), round(-2.5), int(1e18))
print(float("inf") > 10 ** 300, float("-inf"), 0.1 + 0.2)
print(sorted([3, 1.5, True, -2]))

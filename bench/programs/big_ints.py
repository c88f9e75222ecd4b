# Big integers: factorials, powers and their digits.
def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

checksum = 0
for k in range(700):
    f = factorial(1000 + k % 400)
    checksum = (checksum + f % 1000003 + len(str(f))) % 998244353
print(checksum)
p = 1
for i in range(4000):
    p = p * 3 + i
print(p % 998244353, p.bit_length())

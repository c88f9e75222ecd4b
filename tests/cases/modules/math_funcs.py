import math
from math import sqrt, pi

print(math.sqrt(2), sqrt(16), pi, math.e, math.tau, math.inf)
print(math.floor(-2.5), math.ceil(2.1), math.trunc(-3.7), math.floor(1e30))
print(math.gcd(12, 18), math.lcm(4, 6, 10), math.factorial(25))
print(math.comb(50, 25), math.perm(5, 2), math.isqrt(100000000000000000005))
print(math.log(8, 2), math.log2(1024), math.log10(0.001), math.log1p(1e-10))
print(math.exp(1), math.expm1(1e-10), math.pow(2, 0.5))
print(math.sin(1), math.cos(1), math.tan(1), math.atan2(1, 1))
print(math.asin(0.5), math.acos(0.5), math.atan(2))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.dist((0, 0), (1, 1)))
print(math.fabs(-2), math.fmod(7, -3), math.copysign(3, -0.0), math.remainder(7, 2))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isclose(1.0, 1.0000000001))
print(math.fsum([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]), math.fsum([1e100, 1.0, -1e100]))
print(math.modf(-3.25), math.frexp(10.0), math.ldexp(0.5, 4))
print(math.erf(0.5), math.erfc(0.5), math.gamma(5.5), math.lgamma(10.5))
print(math.nextafter(1, 2), math.ulp(1.0))
for bad in ("math.sqrt(-1)", "math.log(0)", "math.exp(1000)", "math.factorial(-1)",
            "math.floor(math.inf)", "math.floor(math.nan)", "math.sqrt('x')", "math.isqrt(-1)",
            "math.comb(-1, 2)", "math.fmod(1, 0)", "math.gamma(0)", "math.factorial(1.5)"):
    try:
        eval(bad)
    except (ValueError, OverflowError, TypeError) as e:
        print(bad, type(e).__name__, e.args[0])

import math


def show(*values):
    print(' '.join(repr(round(v, 12)) for v in values))


show(math.exp(0), math.exp(1), math.exp(-1), math.expm1(1e-10) * 1e10, math.exp2(10) if hasattr(math, 'exp2') else 1024.0)
show(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(1e-10) * 1e10)
show(math.log(10 ** 100), math.log2(2 ** 200), math.log10(10 ** 50), math.pow(2, 10), math.pow(2, -1), math.pow(4, 0.5))
show(math.sin(0), math.sin(math.pi / 2), math.cos(0), math.cos(math.pi), math.tan(math.pi / 4), math.tan(0))
show(math.asin(1), math.acos(1), math.acos(0), math.atan(1), math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1))
show(math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
show(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(90))
show(math.erf(0.5), math.erfc(0.5), math.gamma(5), math.gamma(0.5), math.lgamma(10), math.lgamma(0.5))
print(math.pow(math.inf, 0), math.pow(1, math.nan), math.exp(-1000), math.atan(math.inf), math.tanh(math.inf))
print(math.copysign(1, math.atan2(-0.0, 1)), math.sqrt(-0.0), math.log(1), math.sin(-0.0))

import math

cases = [
    ('sqrt(-1)', lambda: math.sqrt(-1)),
    ('log(0)', lambda: math.log(0)),
    ('log(-1)', lambda: math.log(-1)),
    ('log(1, 1)', lambda: math.log(10, 1)),
    ('log10(0)', lambda: math.log10(0)),
    ('log2(-2)', lambda: math.log2(-2)),
    ('exp(1000)', lambda: math.exp(1000)),
    ('pow(0,-1)', lambda: math.pow(0, -1)),
    ('pow(-8,1/3)', lambda: math.pow(-8, 1 / 3)),
    ('acos(2)', lambda: math.acos(2)),
    ('asin(-2)', lambda: math.asin(-2)),
    ('atanh(1)', lambda: math.atanh(1)),
    ('acosh(0)', lambda: math.acosh(0)),
    ('factorial(-1)', lambda: math.factorial(-1)),
    ('factorial(2.5)', lambda: math.factorial(2.5)),
    ('isqrt(-1)', lambda: math.isqrt(-1)),
    ('comb(-1,2)', lambda: math.comb(-1, 2)),
    ('perm(3,-1)', lambda: math.perm(3, -1)),
    ('floor(inf)', lambda: math.floor(math.inf)),
    ('ceil(nan)', lambda: math.ceil(math.nan)),
    ('gamma(0)', lambda: math.gamma(0)),
    ('gamma(-1)', lambda: math.gamma(-1)),
    ('fmod(1,0)', lambda: math.fmod(1, 0)),
    ('fmod(inf,1)', lambda: math.fmod(math.inf, 1)),
    ('sin(inf)', lambda: math.sin(math.inf)),
    ('sqrt(str)', lambda: math.sqrt('4')),
    ('gcd(1.5)', lambda: math.gcd(1.5, 2)),
    ('floor(str)', lambda: math.floor('x')),
    ('ldexp big', lambda: math.ldexp(1.0, 2000)),
    ('dist bad', lambda: math.dist((1, 2), (1,))),
    ('isqrt float', lambda: math.isqrt(4.0)),
]
for label, fn in cases:
    try:
        print(label, fn())
    except Exception as exc:
        print(label, '->', type(exc).__name__ + ':', exc)

# Float arithmetic: a numerical integration of sin-free polynomials.
def integrate(n):
    h = 1.0 / n
    acc = 0.0
    for k in range(n):
        x = (k + 0.5) * h
        acc += 4.0 / (1.0 + x * x)
    return acc * h

print(round(integrate(4_500_000), 10))

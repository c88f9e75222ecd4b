# A numeric loop with accumulation and early termination.
def primes_below(n):
    result = []
    for candidate in range(2, n):
        for p in result:
            if p * p > candidate:
                result.append(candidate)
                break
            if candidate % p == 0:
                break
        else:
            result.append(candidate)
    return result

print(primes_below(50))
print(sum(x * x for x in range(10)))

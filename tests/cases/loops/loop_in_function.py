# Loops inside functions using fast locals.
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def count_vowels(s):
    count = 0
    for ch in s.lower():
        if ch in "aeiou":
            count += 1
    return count

print([fib(i) for i in range(12)])
print(count_vowels("The Quick Brown Fox"))

# Backslash continuations, semicolons and expressions spanning lines.
total = 1 + \
    2 + \
    3
a = 1; b = 2; c = a + b
values = [
    1,
    2,
    3,
]
result = (total
          * c
          - sum(values))
print(total, a, b, c, result)
if a and \
   b:
    print("continued condition")

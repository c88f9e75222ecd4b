# Positional defaults, keyword-only defaults, and mutable-default behaviour.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

def append_to(x, bucket=[]):
    bucket.append(x)
    return bucket

def kw_only(a, *, b=2, c):
    return a + b + c

print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"))
print(append_to(1), append_to(2))
print(kw_only(1, c=3), kw_only(1, b=10, c=3))

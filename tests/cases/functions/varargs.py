# *args and **kwargs in definitions and calls.
def collect(*args, **kwargs):
    return args, sorted(kwargs.items())

def forward(f, *a, **k):
    return f(*a, **k)

print(collect())
print(collect(1, 2, x=3))
nums = [4, 5]
opts = {"y": 6}
print(collect(0, *nums, 7, *nums, z=1, **opts))
print(forward(max, 3, 9, 2))
print(forward(sorted, [3, 1, 2], reverse=True))

# A pipeline of generators and generator expressions.
def read(lines):
    for line in lines:
        yield line.strip()

def non_empty(lines):
    return (l for l in lines if l)

def numbered(lines, start=1):
    for i, l in enumerate(lines, start):
        yield f"{i}: {l}"

text = ["  alpha ", "", "beta", "   ", "gamma"]
for out in numbered(non_empty(read(text))):
    print(out)
print(sum(1 for _ in read(text)))

# Function calls with keyword and default arguments.
def area(w, h=2, *, scale=1):
    return w * h * scale

def run(n):
    total = 0
    for i in range(n):
        total += area(i) + area(i, 3) + area(w=i, scale=2)
    return total

print(run(1_900_000))

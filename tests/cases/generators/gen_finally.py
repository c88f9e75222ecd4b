# Generators with try/finally, closed early.
def resource():
    print("acquire")
    try:
        for i in range(5):
            yield i
    finally:
        print("release")

g = resource()
print(next(g), next(g))
g.close()
print(list(resource())[-1])
def gen_with_return(x):
    if x:
        return
    yield "only when falsy"
print(list(gen_with_return(1)), list(gen_with_return(0)))

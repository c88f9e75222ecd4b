# for/else and while/else with and without break.
def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")

find([1, 2, 3], 2)
find([1, 2, 3], 7)
n = 3
while n:
    n -= 1
else:
    print("while finished normally", n)
while True:
    break
else:
    print("never")

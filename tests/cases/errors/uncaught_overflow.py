n = 10
while True:
    print(len(str(n)))
    n = n ** 10
    x = float(n)

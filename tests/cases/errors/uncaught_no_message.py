values = [3, 2, 1, 0]
for v in values:
    print(v)
    if v == 1:
        raise RuntimeError

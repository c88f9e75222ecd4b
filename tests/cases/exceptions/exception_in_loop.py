# Exceptions as control flow inside loops, with continue in handlers.
results = []
for token in ["1", "x", "3", "", "5"]:
    try:
        value = int(token)
    except ValueError:
        results.append(None)
        continue
    else:
        results.append(value * 10)
    finally:
        pass
print(results)
i = 0
while True:
    try:
        [1, 2, 3][i]
        i += 1
    except IndexError:
        break
print("length", i)

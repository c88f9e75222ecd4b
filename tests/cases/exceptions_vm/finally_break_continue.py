for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print('body', i)
    finally:
        print('finally', i)
print('loop done')
result = []
for i in range(3):
    try:
        try:
            if i == 1:
                raise KeyError(i)
        finally:
            result.append(('inner', i))
    except KeyError:
        result.append(('caught', i))
        continue
    result.append(('end', i))
print(result)

def load(key):
    table = {'a': 1}
    try:
        return table[key]
    except KeyError as exc:
        raise LookupError('no entry for ' + key) from exc


print(load('a'))
print(load('zz'))

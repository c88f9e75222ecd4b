def parse_all(items):
    out = []
    for item in items:
        out.append(parse_one(item))
    return out


def parse_one(text):
    return int(text.strip())


print(parse_all([' 1', '2 ']))
print(parse_all(['3', 'four', '5']))

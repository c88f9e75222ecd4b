def total(rows):
    return sum(row[1] for row in rows)


print(total([('a', 1), ('b', 2)]))
print(total([('a', 1), ('b', 'two')]))

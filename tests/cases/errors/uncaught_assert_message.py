def average(xs):
    assert xs, 'average of empty list'
    return sum(xs) / len(xs)


print(average([1, 2, 3, 4]))
print(average([]))

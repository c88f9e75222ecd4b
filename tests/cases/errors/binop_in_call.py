def label(n):
    return "item " + n


def show(items):
    for i in items:
        print(label(str(i)))
    print(label(len(items)))


show([1, 2])

# if/elif/else chains and nested ifs.
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"

for s in (95, 85, 72, 10):
    print(s, grade(s))
x = 4
if x:
    if x % 2 == 0:
        print("even")
    else:
        print("odd")
if not x:
    pass
print("done")

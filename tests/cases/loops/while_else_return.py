# return from inside while/else and for/else.
def first_even(nums):
    i = 0
    while i < len(nums):
        if nums[i] % 2 == 0:
            return nums[i]
        i += 1
    else:
        return None

def last_neg(nums):
    for n in reversed(nums):
        if n < 0:
            return n
    else:
        return "none"

print(first_even([1, 3, 4, 6]), first_even([1, 3]))
print(last_neg([1, -2, 3, -4, 5]), last_neg([1]))

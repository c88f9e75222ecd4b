# global statements in functions and nested functions.
counter = 0
def bump():
    global counter
    counter += 1
    return counter

def make():
    global created
    created = "yes"

def outer():
    def inner():
        global counter
        counter = 100
    inner()
bump(); bump()
make()
print(counter, created)
outer()
print(counter)

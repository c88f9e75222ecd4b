# Deliberately raises: NameError for an undefined global inside a function.
def greet():
    print("about to fail")
    return greeting_text

counter = 3
while counter:
    counter -= 1
greet()

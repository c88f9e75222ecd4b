# with statements using a class-based context manager.
class Tracker:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type)
        return False

with Tracker("a") as value:
    print("body", value)
with Tracker("b"):
    print("no target")

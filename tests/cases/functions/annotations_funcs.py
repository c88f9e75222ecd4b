# Parameter and return annotations, including on lambdas' enclosing function.
from typing import Optional

def parse(text: str, base: int = 10, *, strict: bool = False) -> Optional[int]:
    try:
        return int(text, base)
    except ValueError:
        if strict:
            raise
        return None

def untyped(a, b):
    return a

print(parse("42"), parse("ff", 16), parse("zz"))
print(sorted(parse.__annotations__.keys()))
print(untyped.__annotations__)

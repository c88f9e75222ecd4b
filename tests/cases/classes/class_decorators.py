# Class decorators and dataclasses.
from dataclasses import dataclass, field

def register(cls):
    cls.registered = True
    return cls

@register
class Plain:
    pass

@dataclass
class Item:
    name: str
    qty: int = 1
    tags: list = field(default_factory=list)

print(Plain.registered)
i = Item("pen", 3)
print(i, i == Item("pen", 3), Item("x").tags)

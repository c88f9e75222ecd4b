# Class attribute lookups, instance shadowing and deletion.
class Config:
    debug = False
    level = 1

a = Config()
b = Config()
a.debug = True
Config.level = 2
print(a.debug, b.debug, a.level, b.level)
del a.debug
print(a.debug)
print(sorted(k for k in vars(Config) if not k.startswith("__")))

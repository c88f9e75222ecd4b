# Non-ASCII identifiers and string contents.
café = "coffee"
naïve = 3
π = 3.14159
名前 = "name"
def größe(x):
    return x * naïve
print(café, naïve, π, 名前)
print(größe(2))
print("ünïcödé".upper(), len("日本語"))
print("\N{SNOWMAN}", ord("€"))

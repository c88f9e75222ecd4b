# String methods and formatting helpers.
s = "Hello, World"
print(s.lower(), s.upper(), s.swapcase(), s.title())
print(s.find("o"), s.rfind("o"), s.count("l"), s.startswith("He"))
print(s.split(", "), s.partition(","), s.replace("l", "L", 2))
print("  pad  ".strip(), "x".center(5, "*"), "7".zfill(3))
print("a-b-c".rsplit("-", 1), "line1\nline2".splitlines())
print(",".join(sorted("cab")), "abc".encode(), b"xyz".decode())
print("Tab\tSep".expandtabs(4), "abc".isalpha(), "12".isdigit())

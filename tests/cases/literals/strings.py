# String literal forms: quotes, escapes, raw, implicit concatenation.
s1 = 'single'
s2 = "double"
s3 = '''triple
quoted'''
s4 = r"raw\n\t"
s5 = "tab\there" "concat" 'enated'
s6 = "\u00e9\N{GREEK SMALL LETTER ALPHA}\x41"
s7 = ""
s8 = "a" * 3
print(s1, s2)
print(s3)
print(s4, len(s4))
print(s5)
print(s6, len(s6))
print(repr(s7), s8)
print("multi"
      "line"
      "join")

# textwrap: wrap, fill, shorten, dedent, indent, TextWrapper options.
import textwrap
s = ("The quick brown fox jumps over the lazy dog. A well-known saying -- used "
     "to test typewriters -- contains every letter. Supercalifragilistic-words!")
for width in [10, 20, 35]:
    print(textwrap.wrap(s, width))
print(textwrap.fill(s, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(s, 15, break_on_hyphens=False))
print(textwrap.wrap(s, 12, break_long_words=False))
print(textwrap.shorten(s, 40), "|", textwrap.shorten("Hello  world!", width=12))
print(textwrap.wrap("a-b-c-d e--f g--h-- i-j long-term x-ray", 6))
print(textwrap.wrap("Hello.  World!  ok.", 8, fix_sentence_endings=True))
print(textwrap.wrap("tab\there\nnewline  double", 10), textwrap.wrap("", 5), textwrap.wrap("   ", 5))
print(textwrap.wrap(s, 40, max_lines=2), textwrap.wrap(s, 40, max_lines=2, placeholder="..."))
print(repr(textwrap.dedent("    a\n      b\n\n    c\n")), repr(textwrap.dedent("  x\n\ty\n")))
print(repr(textwrap.dedent(" \n  a\n  \n  b")), repr(textwrap.dedent("no indent\n  x")))
print(repr(textwrap.indent("a\nb\n\nc", "> ")), repr(textwrap.indent("a\n  \nb", "+", lambda l: True)))
w = textwrap.TextWrapper(width=8, drop_whitespace=False)
print(w.wrap("aa bb cc dd"), textwrap.wrap("123-456-789 abcdefghij-klmnop", 8))
print(textwrap.wrap("don't--stop-me now--ok", 7), textwrap.wrap("x--y a--", 3))
for bad in [lambda: textwrap.wrap("x", 0), lambda: textwrap.wrap("x y", 3, max_lines=1, placeholder="....")]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)

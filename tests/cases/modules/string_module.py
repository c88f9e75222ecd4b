# string: constants, capwords and Template.
import string
from string import Template
for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits",
             "hexdigits", "octdigits", "punctuation", "whitespace", "printable"]:
    print(name, repr(getattr(string, name)))
print(string.capwords(" hello   wORLD  foo "), string.capwords("a-b c-d", "-"))
t = Template("$who likes ${what}; $$5 for $who")
print(t.substitute(who="tim", what="kung pao"), "|", t.substitute({"who": "a"}, what="b"))
print(t.safe_substitute(who="x"), "|", t.safe_substitute(), "|", t.template)
print(Template("$a ${b} $a $$c").get_identifiers(), Template("$a").is_valid(), Template("$ x").is_valid())
print(Template("${x}y $x_1 $1").safe_substitute(x="X", x_1="Y"))
for bad in ["$", "line\n  $1", "${a", "$}", "${}"]:
    try:
        Template(bad).substitute(a=1)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    t.substitute(who=1)
except KeyError as e:
    print(type(e).__name__, e)
class Percent(Template):
    delimiter = "%"
print(Percent("%x costs %%%y").substitute(x="tea", y=5))

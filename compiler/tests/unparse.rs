//! `unparse_expr` against CPython 3.11's own annotation strings.
//!
//! Every case is compiled by python3 as
//! `from __future__ import annotations\ndef f(x: <EXPR>): pass` (without
//! running it); the string CPython stores sits in the module's constants as
//! the folded `('x', <text>)` annotations tuple. Our side parses the same
//! source with rustpython-parser and unparses the annotation. All cases go
//! to one python3 process. Without a python3 3.11 the tests are skipped with
//! a note.

use std::io::Write;
use std::process::{Command, Stdio};

use pyrite_compiler::repr::{bytes_repr, float_repr, is_printable, str_repr};
use pyrite_compiler::unparse::{unparse_expr, unparse_expr_in};
use rustpython_parser::{ast, parse, Mode};

/// Annotation expressions, each valid as a parameter annotation in 3.11.
const CASES: &[&str] = &[
    // Names, attributes, subscripts: the everyday annotations.
    "int",
    "x",
    "None",
    "True",
    "False",
    "...",
    "Ellipsis",
    "a.b",
    "a.b.c.d",
    "typing.Optional[int]",
    "list[int]",
    "dict[str, list[int]]",
    "dict[str, dict[str, list[tuple[int, ...]]]]",
    "tuple[()]",
    "tuple[int]",
    "tuple[int, ...]",
    "tuple[(int, str)]",
    "tuple[(int,)]",
    "tuple[int,]",
    "Callable[..., T]",
    "Callable[[int, str], None]",
    "Callable[[], None]",
    "Callable[Concatenate[int, P], R]",
    "Literal['a', 'b']",
    "Literal[1, -1, True, None]",
    "Annotated[int, 'meta', {'k': 1}]",
    "int | None",
    "int | str | None",
    "list[int] | dict[str, int] | None",
    "(int | str) | None",
    "int | (str | None)",
    "'ForwardRef'",
    "\"ForwardRef\"",
    "'List[\"int\"]'",
    "a[b][c]",
    "a[b].c[d]",
    "a()[b]",
    "a[b]()",
    "a[b:c]",
    "a[:]",
    "a[::]",
    "a[1:]",
    "a[:2]",
    "a[::3]",
    "a[1:2:3]",
    "a[1:2, ::3]",
    "a[:, None]",
    "a[..., 1]",
    "a[i + 1:j - 1]",
    "a[lambda: 0:]",
    "a[x if y else z:]",
    "a[*b]",
    "a[*b, c]",
    "a[b, *c]",
    "a[(1, 2)]",
    "a[()]",
    "a[1,]",
    "a[-1]",
    "a[not b]",
    "a[b, c:d]",
    "(a)",
    "((a))",
    "(a).b",
    "(a + b).c",
    "(a + b)[c]",
    "(a + b)()",
    "(-a).b",
    // Numbers.
    "0",
    "1",
    "-1",
    "+1",
    "~1",
    "--1",
    "-(-1)",
    "- - -1",
    "123456789012345678901234567890",
    "-123456789012345678901234567890",
    "0x10",
    "0o17",
    "0b101",
    "1_000_000",
    "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
    "1.0",
    "1.5",
    "0.1",
    "0.30000000000000004",
    "1.",
    ".5",
    "1e10",
    "1e15",
    "1e16",
    "1e17",
    "1e-4",
    "1e-5",
    "0.0001",
    "0.00001",
    "1.5e-10",
    "123456789012345678.0",
    "1e308",
    "1.7976931348623157e308",
    "1e309",
    "1e400",
    "-1e309",
    "5e-324",
    "1e-400",
    "0.0",
    "-0.0",
    "3.141592653589793",
    "1_0.5_0",
    "1j",
    "2.5j",
    "0j",
    "1e16j",
    "1e309j",
    "1e-5j",
    "1.0j",
    "1 + 2j",
    "1 - 2j",
    "-1j",
    "1 .real",
    "1 .real.imag",
    "1.5.real",
    "1j.imag",
    "True.real",
    "(1).bit_length()",
    "0x10 .real",
    "1e3.real",
    // Strings and bytes.
    "''",
    "'abc'",
    "\"abc\"",
    "'it''s'",
    "\"it's\"",
    "'say \"hi\"'",
    "'both \\' and \"'",
    "\"both ' and \\\"\"",
    "'back\\\\slash'",
    "'tab\\there'",
    "'new\\nline'",
    "'cr\\rx'",
    "'nul\\x00'",
    "'bell\\a'",
    "'esc\\x1b'",
    "'del\\x7f'",
    "'\\x80'",
    "'\\xa0'",
    "'\\xad'",
    "'\\xe9'",
    "'é'",
    "'ünïcödé'",
    "'日本語'",
    "'\\u2028'",
    "'\\u200b'",
    "'\\ufeff'",
    "'\\u0378'",
    "'\\ue000'",
    "'\\U0001F600'",
    "'😀'",
    "'\\U000e0001'",
    "'\\U0010ffff'",
    "'\\N{BULLET}'",
    "'\\N{EM SPACE}'",
    "'a' 'b'",
    "'a' \"b\"",
    "'''triple'''",
    "\"\"\"tri'ple\"\"\"",
    "r'raw\\n'",
    "R'raw'",
    "u'unicode'",
    "u'a' 'b'",
    "'a' u'b'",
    "U'upper'",
    "b''",
    "b'abc'",
    "b'it\\'s'",
    "b\"it's\"",
    "b'\\x00\\xff'",
    "b'\\t\\n\\r'",
    "b'\\\\'",
    "b'a' b'b'",
    "rb'raw\\n'",
    "B'x'",
    "'{braces}'",
    "'%s' % x",
    // f-strings.
    "f''",
    "f'abc'",
    "f'{x}'",
    "f'{x}{y}'",
    "f'a{x}b{y}c'",
    "f'{x!r}'",
    "f'{x!s}'",
    "f'{x!a}'",
    "f'{x:>10}'",
    "f'{x:}'",
    "f'{x!r:>10}'",
    "f'{x:{width}}'",
    "f'{x:{width}.{precision}}'",
    "f'{x:>{w}d}'",
    "f'{x=}'",
    "f'{x = }'",
    "f'{x=!s}'",
    "f'{x=:>10}'",
    "f'{x + 1}'",
    "f'{x, y}'",
    "f'{(x, y)}'",
    "f'{(lambda: 1)}'",
    "f'{x if y else z}'",
    "f'{ {1: 2}[1] }'",
    "f'{ {1, 2} }'",
    "f'{[1, 2]}'",
    "f'{x[\"k\"]}'",
    "f\"{x['k']}\"",
    "f'{{}}'",
    "f'{{x}}'",
    "f'{{{x}}}'",
    "f'it\\'s {x}'",
    "f\"it's {x}\"",
    "f'say \"hi\" {x}'",
    "f'\\n{x}\\t'",
    "f'é{x}'",
    "f'{x}' 'tail'",
    "'head' f'{x}'",
    "'a' f'b' 'c'",
    "f'{x}' f'{y}'",
    "f'{f\"{x}\"}'",
    "f'{x!r:^{w}}'",
    "f'{a.b[c](d)}'",
    "f'{-x}'",
    "f'{not x}'",
    "f'{await_}'",
    "f'{x:%Y-%m-%d}'",
    "f'{x:{{}}}'",
    "f'{3.14:.2f}'",
    "f'{x}}}'",
    "f'{{{{'",
    "f'{x:=^10}'",
    "f'{x!s:=^10}'",
    "f'{x:a{{b}}c}'",
    "f'''{x}'''",
    "rf'{x}\\n'",
    "F'{x}'",
    "f'{\"a\"}'",
    // Unary and binary operators, precedence and associativity.
    "not x",
    "not not x",
    "-x",
    "+x",
    "~x",
    "-~+x",
    "not -x",
    "-(not x)",
    "a + b",
    "a - b",
    "a * b",
    "a @ b",
    "a / b",
    "a % b",
    "a // b",
    "a ** b",
    "a << b",
    "a >> b",
    "a & b",
    "a ^ b",
    "a | b",
    "a + b + c",
    "a + (b + c)",
    "(a + b) + c",
    "a - (b - c)",
    "a - b - c",
    "a * b + c",
    "a * (b + c)",
    "(a + b) * c",
    "a + b * c",
    "a ** b ** c",
    "(a ** b) ** c",
    "a ** (b ** c)",
    "-a ** b",
    "(-a) ** b",
    "a ** -b",
    "-a ** -b",
    "a ** (-b)",
    "(-1) ** 2",
    "2 ** -1",
    "~a ** b",
    "a | b & c ^ d",
    "(a | b) & c",
    "a & (b | c)",
    "a ^ (b & c)",
    "(a ^ b) & c",
    "a << b + c",
    "(a << b) + c",
    "a << b << c",
    "a << (b << c)",
    "a % b * c / d // e @ f",
    "a % (b * c)",
    "a / (b / c)",
    "a + -b",
    "a - -b",
    "-(a + b)",
    "~(a | b)",
    "(a + b) ** c",
    "a ** (b + c)",
    "a.b ** c.d",
    "a[b] ** c()",
    "not a + b",
    "not (a + b)",
    "(not a) + b",
    "-(not a)",
    // Boolean operators.
    "a and b",
    "a or b",
    "a and b and c",
    "a or b or c",
    "a and b or c",
    "a and (b or c)",
    "(a or b) and c",
    "a or b and c",
    "(a and b) and c",
    "a and (b and c)",
    "not a and b",
    "not (a and b)",
    "a and not b",
    "not a or not b",
    "(a or b) or c",
    // Comparisons.
    "a < b",
    "a > b",
    "a == b",
    "a != b",
    "a <= b",
    "a >= b",
    "a is b",
    "a is not b",
    "a in b",
    "a not in b",
    "a < b < c",
    "a < b <= c == d != e > f >= g",
    "(a < b) < c",
    "a < (b < c)",
    "a == b is c in d",
    "not a == b",
    "(not a) == b",
    "a + b == c * d",
    "a | b < c & d",
    "(a == b) + c",
    "a == (b and c)",
    "a and b == c",
    "x is None",
    "x is not None or y",
    // Conditional expressions.
    "a if b else c",
    "a if b else c if d else e",
    "(a if b else c) if d else e",
    "a if (b if c else d) else e",
    "(a if b else c)",
    "a if b or c else d and e",
    "(a if b else c) + d",
    "a + (b if c else d)",
    "-(a if b else c)",
    "not (a if b else c)",
    "(a if b else c).d",
    "(a if b else c)[d]",
    "int if TYPE_CHECKING else str",
    // Lambdas.
    "lambda: 0",
    "lambda x: x",
    "lambda x, y: x + y",
    "lambda x=1: x",
    "lambda x, y=2: x",
    "lambda *args: args",
    "lambda **kw: kw",
    "lambda *args, **kw: 0",
    "lambda *, k: k",
    "lambda *, k=1: k",
    "lambda *, a, b=2, c: 0",
    "lambda a, /: a",
    "lambda a, /, b: a",
    "lambda a=1, /, b=2: a",
    "lambda a, b=1, /, c=2, *d, e, f=3, **g: 0",
    "lambda a, /, *, b: 0",
    "lambda a, /, **k: 0",
    "lambda x: (yield_ := 1)",
    "lambda: lambda: 0",
    "lambda x: lambda y: x + y",
    "lambda x=lambda: 0: x",
    "lambda x=(a if b else c): x",
    "lambda x=(a, b): x",
    "lambda: a if b else c",
    "lambda: (a, b)",
    "(lambda: 0)()",
    "(lambda: 0).x",
    "(lambda x: x)[0]",
    "a or (lambda: b)",
    "a if b else lambda: c",
    "(lambda: a) if b else c",
    "-(lambda: 0)",
    // Containers.
    "[]",
    "[1]",
    "[1, 2, 3]",
    "[a, [b, [c]]]",
    "[*a, *b]",
    "[(a, b)]",
    "[a if b else c]",
    "[lambda: 0]",
    "()",
    "(1,)",
    "(1, 2)",
    "(a, b, c)",
    "((a, b), c)",
    "(*a, b)",
    "(*a,)",
    "((),)",
    "(lambda: 0, 1)",
    "{}",
    "{1: 2}",
    "{'a': 1, 'b': [2]}",
    "{**a}",
    "{**a, 'b': 1, **c}",
    "{**(a or b)}",
    "{**(a | b)}",
    "{**a | b}",
    "{a: (b, c)}",
    "{(a, b): c}",
    "{a: lambda: 0}",
    "{1}",
    "{1, 2}",
    "{*a, *b}",
    "{(a, b)}",
    "{*(a or b)}",
    "{*a | b}",
    "[*(a or b)]",
    "[*a | b]",
    // Comprehensions.
    "[x for x in y]",
    "[x for x in y if x]",
    "[x for x in y if x if not x]",
    "[x for x in y for z in x]",
    "[(x, y) for x, y in z]",
    "[x for (x, y) in z]",
    "[x for x, in z]",
    "[x for x in (a, b)]",
    "[x for x in (a if b else c)]",
    "[x for x in (lambda: 0)()]",
    "[x for x in a or b]",
    "[x for x in y if (a if b else c)]",
    "[x for x in y if a or b]",
    "[x for x in y if (lambda: 0)]",
    "[x for x in await_]",
    "[x for x.y in z]",
    "[x for x[0] in z]",
    "[x for *x, y in z]",
    "[[y for y in x] for x in z]",
    "[x async for x in y]",
    "[await_ for x in y]",
    "{x for x in y}",
    "{x: y for x, y in z}",
    "{x: y for x in a for y in b if x if y}",
    "{(x, y): z for x in a}",
    "(x for x in y)",
    "(x for x in y if x)",
    "((x, y) for x in y)",
    "f(x for x in y)",
    "f((x for x in y))",
    "f((x for x in y), 1)",
    "f(a, (x for x in y))",
    "f((x for x in y), k=1)",
    "(x for x in y).send",
    "list(x for x in y)",
    // Calls.
    "f()",
    "f(a)",
    "f(a, b)",
    "f(a, b=1)",
    "f(k=1)",
    "f(*a)",
    "f(**k)",
    "f(*a, **k)",
    "f(a, *b, c=1, **d)",
    "f(a, *b, *c, d=1, e=2)",
    "f(a=1, *b)",
    "f(a, *b, c, d=1, *e, **f)",
    "f(**a, **b)",
    "f(*(a or b))",
    "f(*a | b)",
    "f(**(a or b))",
    "f(a if b else c)",
    "f(lambda: 0)",
    "f(k=lambda: 0)",
    "f((a, b))",
    "f(a)(b)(c)",
    "f.g(h).i",
    "a.b.c(d).e[f](g)",
    "f(*[1, 2])",
    "f(-1)",
    "f(not a)",
    "f(a == b)",
    "f(a)[b]",
    "f[a](b)",
    "NewType('UserId', int)",
    "TypeVar('T', bound='Base')",
    // Walrus, await and yield: CPython rejects them directly in an
    // annotation, but not inside a lambda or a comprehension condition.
    "lambda: (x := 1)",
    "lambda: (x := a + b)",
    "lambda: (x := a.b)",
    "lambda: (x := f())",
    "lambda: (x := (y := 1))",
    "lambda: (x := [1, 2])",
    "lambda: (x := (1, 2))",
    "lambda: (x := -1)",
    "lambda: (x := lambda: 0)",
    "lambda: (x := a if b else c)",
    "lambda: ((x := 1), 2)",
    "lambda: [x := 1, 2]",
    "lambda: {(x := 1)}",
    "lambda: (x := 1) + 2",
    "lambda: a[(x := 1):]",
    "lambda: a[(x := 1)]",
    "lambda: f(x := 1)",
    "lambda: f((x := 1))",
    "lambda: f'{(x := 1)}'",
    "lambda: [(y := 1) for z in w]",
    "[y for y in z if (w := y)]",
    "[y for y in z if (w := y) if (v := w + 1)]",
    "lambda: await x",
    "lambda: await x.y",
    "lambda: await x()",
    "lambda: await x[0]",
    "lambda: await (a + b)",
    "lambda: await (await x)",
    "lambda: (await x).y",
    "lambda: (await x)()",
    "lambda: -await x",
    "lambda: await x ** 2",
    "lambda: 2 ** await x",
    "lambda: (await x) ** 2",
    "lambda: not await x",
    "lambda: await x + await y",
    "lambda: [await x for x in y]",
    "lambda: await (lambda: 0)",
    "lambda: await (-x)",
    "lambda: f'{await x}'",
    "[await y for y in z]",
    "lambda: (yield)",
    "lambda: (yield x)",
    "lambda: (yield a, b)",
    "lambda: (yield (a, b))",
    "lambda: (yield a + b)",
    "lambda: (yield lambda: 0)",
    "lambda: (yield from x)",
    "lambda: (yield from (a, b))",
    "lambda: (yield from a or b)",
    "lambda: f((yield))",
    "lambda: [(yield)]",
    "lambda: -(yield)",
    "lambda: (yield).x",
    "lambda: (yield)[0]",
    "lambda: ((yield), (yield x))",
    "lambda: {'k': (yield)}",
    // Identifiers.
    "café",
    "Σ",
    "_private",
    "__dunder__",
    "match",
    "case",
    "_",
    "type",
    // Mixed realistic annotations.
    "Optional[Callable[[int], Awaitable[None]]]",
    "Union[int, str, List['Node']]",
    "Dict[str, Union[int, 'Tree']]",
    "np.ndarray[Any, np.dtype[np.float64]]",
    "Generator[int, None, str]",
    "type[Base] | None",
    "collections.abc.Mapping[str, int]",
    "Annotated[list[int], Field(gt=0, description='x')]",
    "Literal[b'bytes', 'str', 1.5, 2j]",
    "Literal[-1.5]",
    "Tuple[int, ...] | Tuple[()]",
    "Callable[P, Coroutine[Any, Any, T]]",
    "int if sys.version_info >= (3, 8) else str",
    "a.b if c.d else e.f",
    "[int, str][0]",
    "{'a': int}['a']",
    "(int, str)[0]",
    "''.join",
    "b''.join",
    "f'{x}'.upper()",
    "None.__class__",
    "...[0]",
    "f'{x=!r:10}'",
    "'a' f''",
    "u'a' f'{x}'",
    "f'{x:{y!r}}'",
    "1if 1else 2",
    "f'{x:{y}.{z}f}'",
    "f'{x!r:{y!s}}'",
    "f'{x}{{'",
    "f'{x:{y}}}}'",
    "f'a' 'b{c}'",
    "f'{\"{\"}'",
    "f'{x!r}' f'{y!a:>3}' 'z'",
    "f'{[x for x in y]}'",
    "f'{x:{\"a\"}}'",
    "f'''{x}'{y}\"'''",
    "'''line1\nline2'''",
    "(a +\n b)",
    "[\n  1,\n  2,\n]",
    "a \\\n + b",
    "(a  # comment\n + b)",
    "{k: (a, b) for k in c}",
    "{*a, b}",
    "f(x for x in y)(z)",
    "a[-1:-2:-3]",
    "a[::-1]",
    "a[:, :, 0]",
    "a[1:2][3:4]",
    "a[b][c:d, e]",
    "[x for x in y if not x]",
    "[x for x in y if x and z]",
    "[x for x in (y, z)]",
    "[x for x in -y]",
    "[x for x in not_y]",
    "[x for x in (not y)]",
    "[x for x in (lambda: y)]",
    "(x for x in y for z in (a if b else c))",
    "[x for x in y][0]",
    "lambda x: x if x else -x",
    "lambda x: (x, -x)",
    "lambda x: [x] * 2",
    "lambda: not x",
    "lambda: x or y",
    "lambda *a, **k: f(*a, **k)",
    "lambda a, b=(1, 2), *c, d={'k': 1}, **e: 0",
    "lambda a=-1: a",
    "lambda a=b or c: a",
    "lambda a=(lambda: 0): a",
    "lambda a, /, b=1, *, c: 0",
    "lambda a=1, /: a",
    "x if (lambda: 0) else y",
    "(lambda: 0) if x else (lambda: 1)",
    "a if b else (lambda: c)",
    "a.b.c.d.e.f.g",
    "a().b().c()",
    "(a.b)(c)",
    "a[b](c)[d](e)",
    "1 < 2 == 3",
    "-1 ** 2",
    "(-1) ** -1",
    "(1).real ** 2",
    "1e5 ** 2",
    "1j * 1j",
    "+1.5",
    "~0",
    "not 1",
    "0 or 1 and 2",
    "(0 or 1) and 2",
    "'a' 'b' 'c'",
    "'a' + 'b'",
    "'a' * 3",
    "b'a' + b'b'",
    "'\\0'",
    "'\\1'",
    "'\\177'",
    "'\\x7e'",
    "'\\u00e9\\u0301'",
    "'\\u0300'",
    "'\\u3000'",
    "'\\u00ad'",
    "'\\U0001d400'",
    "'\\uffff'",
    "'\\ud7ff'",
    "'\\uf8ff'",
    "'\\ufffd'",
    "b'\\x7f\\x80'",
    "b'\"'",
    "b'\\''",
    "b'\\'\"'",
    "Literal['\\'', '\"']",
    "'\\'\"'",
    "'\"'",
    "'\\''",
    "(...)",
];

/// `*args` annotations may be starred in 3.11 (`*Ts`).
const STAR_CASES: &[&str] = &[
    "*Ts",
    "*tuple[int, ...]",
    "*a.b",
    "*(a or b)",
    "*a | b",
    "*a[b]",
];

/// The source each case is compiled as; `star` selects `*x`.
fn source(expr: &str, star: bool) -> String {
    let param = if star { "*x" } else { "x" };
    format!("from __future__ import annotations\ndef f({param}: {expr}): pass\n")
}

/// The annotation text CPython 3.11 stores for each source, or its error.
/// `None` when no python3 3.11 is available.
fn cpython_annotations(sources: &[String]) -> Option<Vec<Result<String, String>>> {
    const SCRIPT: &str = r#"
import sys
if sys.version_info[:2] != (3, 11):
    sys.stdout.write("WRONG-VERSION")
    sys.exit(0)
out = []
for src in sys.stdin.buffer.read().decode("utf-8").split("\0"):
    try:
        code = compile(src, "<case>", "exec")
        anns = [c for c in code.co_consts
                if isinstance(c, tuple) and len(c) == 2 and c[0] == "x"]
        out.append("OK:" + anns[0][1])
    except Exception as e:
        out.append("ERR:%s: %s" % (type(e).__name__, e))
sys.stdout.buffer.write("\0".join(out).encode("utf-8", "surrogatepass"))
"#;
    let mut child = Command::new("python3")
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let input = sources.join("\0");
    child.stdin.take()?.write_all(input.as_bytes()).ok()?;
    let output = child.wait_with_output().ok()?;
    let text = String::from_utf8(output.stdout).expect("python3 output is UTF-8");
    if !output.status.success() || text == "WRONG-VERSION" {
        return None;
    }
    let results: Vec<_> = text
        .split('\0')
        .map(|r| match r.strip_prefix("OK:") {
            Some(ann) => Ok(ann.to_string()),
            None => Err(r.to_string()),
        })
        .collect();
    assert_eq!(results.len(), sources.len(), "one answer per case");
    Some(results)
}

/// The annotation of the first parameter (or of `*x`) of the `def` that
/// `source` builds, unparsed by us.
fn our_annotation(src: &str) -> Result<String, String> {
    let module = parse(src, Mode::Module, "<case>").map_err(|e| format!("parse error: {e}"))?;
    let ast::Mod::Module(m) = module else {
        return Err("not a module".into());
    };
    let Some(ast::Stmt::FunctionDef(def)) = m.body.get(1) else {
        return Err("no def".into());
    };
    let ann = match (&def.args.vararg, def.args.args.first()) {
        (Some(v), _) => v.annotation.as_deref(),
        (None, Some(a)) => a.def.annotation.as_deref(),
        (None, None) => None,
    };
    let ann = ann.ok_or("no annotation")?;
    let with_source = unparse_expr_in(ann, src);
    // Only a `U"..."` prefix needs the source; otherwise both agree.
    if !src.contains("U'") && !src.contains("U\"") {
        assert_eq!(unparse_expr(ann), with_source);
    }
    Ok(with_source)
}

/// Compares our annotation text with CPython's for each `(expr, star)`
/// case; panics listing every mismatch.
fn check_against_cpython(cases: &[(&str, bool)]) {
    let sources: Vec<String> = cases.iter().map(|(e, star)| source(e, *star)).collect();
    let Some(expected) = cpython_annotations(&sources) else {
        eprintln!("note: python3 3.11 not available; skipping unparse comparison");
        return;
    };
    let mut failures = Vec::new();
    for (((expr, _), src), want) in cases.iter().zip(&sources).zip(&expected) {
        let want = match want {
            Ok(w) => w,
            Err(e) => {
                failures.push(format!("{expr:?}: CPython rejects the case: {e}"));
                continue;
            }
        };
        match our_annotation(src) {
            Ok(got) if &got == want => {}
            Ok(got) => failures.push(format!("{expr:?}: got {got:?}, CPython {want:?}")),
            Err(e) => failures.push(format!("{expr:?}: {e} (CPython {want:?})")),
        }
    }
    let passed = cases.len() - failures.len();
    eprintln!("unparse: {passed} of {} cases match CPython", cases.len());
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn annotations_match_cpython() {
    let cases: Vec<(&str, bool)> = CASES
        .iter()
        .map(|c| (*c, false))
        .chain(STAR_CASES.iter().map(|c| (*c, true)))
        .collect();
    check_against_cpython(&cases);
}

/// Annotations whose text rustpython-parser's AST cannot reproduce, because
/// the parser itself loses information CPython keeps:
/// - identifiers are not NFKC-normalised (CPython turns `ﬁ` into `fi`);
/// - a lone surrogate in a string literal becomes U+FFFD (a Rust `String`
///   cannot hold it);
/// - escapes inside an f-string's format spec are left undecoded.
const PARSER_GAPS: &[&str] = &["ﬁ", "ℌ.x", "'\\ud800'", "f'{x:\\n}'", "f'{x:\\x41}'"];

#[test]
#[ignore = "needs fixes below the unparser, in how the AST is parsed"]
fn parser_gaps() {
    let cases: Vec<(&str, bool)> = PARSER_GAPS.iter().map(|c| (*c, false)).collect();
    check_against_cpython(&cases);
}

/// Runs `script` (which reads nothing) in python3 3.11 and returns its
/// stdout, or `None` without python3 3.11.
fn python311(script: &str) -> Option<String> {
    let prelude = "import sys\nif sys.version_info[:2] != (3, 11): sys.exit(3)\n";
    let output = Command::new("python3")
        .args(["-c", &format!("{prelude}{script}")])
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    Some(String::from_utf8(output.stdout).expect("python3 output is UTF-8"))
}

/// `is_printable` agrees with `str.isprintable()` on every code point
/// (the table is generated from CPython, this re-derives it).
#[test]
fn printable_table_matches_cpython() {
    let script = r#"
sys.stdout.write("".join("1" if chr(c).isprintable() else "0" for c in range(0x110000)))
"#;
    let Some(flags) = python311(script) else {
        eprintln!("note: python3 3.11 not available; skipping printable check");
        return;
    };
    let flags = flags.as_bytes();
    assert_eq!(flags.len(), 0x110000);
    let mut wrong = Vec::new();
    for (cp, &flag) in flags.iter().enumerate() {
        let Some(c) = u32::try_from(cp).ok().and_then(char::from_u32) else {
            continue; // surrogates: no Rust char
        };
        if is_printable(c) != (flag == b'1') {
            wrong.push(format!("U+{cp:04X}"));
        }
    }
    assert!(wrong.is_empty(), "disagreements: {}", wrong.join(" "));
}

/// Reprs of floats, strings and bytes beyond what the annotation cases
/// reach (values no literal spells, like negative zero or 2**-1074 forms).
#[test]
fn reprs_match_cpython() {
    let floats: Vec<f64> = vec![
        0.0,
        -0.0,
        1.0,
        -1.5,
        0.1,
        1e16,
        1e15,
        9999999999999998.0,
        1e-4,
        9.999e-5,
        1e22,
        1e23,
        2f64.powi(-1074),
        f64::MAX,
        f64::MIN_POSITIVE,
        123.456,
        1.0 / 3.0,
        2.0 / 3.0,
        100.0,
        1234567890123456.7,
        12345678901234567.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    let strings = [
        "",
        "a'b",
        "a\"b",
        "a'b\"c",
        "\\",
        "\u{0}\u{1f}\u{7f}\u{80}\u{9f}\u{a0}",
        "\u{ff}\u{100}\u{2028}\u{fffe}\u{10000}\u{e0000}\u{10ffff}",
        "\u{1f600}é",
    ];
    let bytes: [&[u8]; 4] = [
        b"",
        b"a'b",
        b"a'b\"c",
        &[0, 9, 10, 13, 31, 32, 126, 127, 128, 255],
    ];

    // Floats travel as their bit patterns, strings as code point lists, so
    // the script needs no parsing of our formatting.
    let float_bits: Vec<String> = floats.iter().map(|f| f.to_bits().to_string()).collect();
    let string_cps: Vec<String> = strings
        .iter()
        .map(|s| {
            let cps: Vec<String> = s.chars().map(|c| u32::from(c).to_string()).collect();
            format!("[{}]", cps.join(","))
        })
        .collect();
    let byte_lists: Vec<String> = bytes.iter().map(|b| format!("bytes({b:?})")).collect();
    let script = format!(
        "import struct\n\
         out = [repr(struct.unpack('<d', struct.pack('<Q', b))[0]) for b in [{}]]\n\
         out += [repr(''.join(map(chr, cps))) for cps in [{}]]\n\
         out += [repr(b) for b in [{}]]\n\
         sys.stdout.buffer.write('\\0'.join(out).encode('utf-8'))\n",
        float_bits.join(","),
        string_cps.join(","),
        byte_lists.join(","),
    );
    let Some(text) = python311(&script) else {
        eprintln!("note: python3 3.11 not available; skipping repr check");
        return;
    };
    let ours: Vec<String> = floats
        .iter()
        .map(|f| float_repr(*f))
        .chain(strings.iter().map(|s| str_repr(s)))
        .chain(bytes.iter().map(|b| bytes_repr(b)))
        .collect();
    let theirs: Vec<&str> = text.split('\0').collect();
    assert_eq!(ours, theirs);
}

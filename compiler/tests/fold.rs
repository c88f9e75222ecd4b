//! Constant folding checked against CPython 3.11.
//!
//! Each case is compiled by `python3` (which must be 3.11; otherwise the
//! comparison is skipped with a note) and folded by `pyrite_compiler::fold`.
//! Python reports the instructions of the compiled expression; we derive the
//! same instruction list from our folded AST (a tiny code generator that
//! covers the node kinds the corpus uses). Constants are written in a
//! canonical, bit-exact form on both sides (floats by their IEEE bits), so a
//! difference in a folded value, in what was folded, or in how (e.g. `%`
//! formatting turned into an f-string) fails the test.

use std::io::Write;
use std::process::{Command, Stdio};

use pyrite_compiler::fold;
use rustpython_parser::ast::{self, Constant, Expr, Stmt};
use rustpython_parser::{parse, Mode};

/// The oracle: reads `mode <tab> optimize <tab> hex(source)` lines, prints
/// one result line per case.
const ORACLE: &str = r#"
import dis, struct, sys, types

def canon(v):
    if v is None: return 'None'
    if v is Ellipsis: return '...'
    if v is True: return 'True'
    if v is False: return 'False'
    if isinstance(v, int): return 'i:%d' % v
    if isinstance(v, float): return 'f:' + struct.pack('>d', v).hex()
    if isinstance(v, complex):
        return 'c:' + struct.pack('>d', v.real).hex() + ',' + struct.pack('>d', v.imag).hex()
    if isinstance(v, str): return 's:' + v.encode('utf-8', 'surrogatepass').hex()
    if isinstance(v, bytes): return 'b:' + v.hex()
    if isinstance(v, tuple): return '(' + ','.join(canon(x) for x in v) + ')'
    if isinstance(v, frozenset): return 'fs{' + ','.join(sorted(canon(x) for x in v)) + '}'
    if isinstance(v, types.CodeType): return 'code'
    raise TypeError(type(v))

def render(ins):
    if ins.opname == 'LOAD_CONST':
        return 'LOAD_CONST ' + canon(ins.argval)
    if ins.arg is None:
        return ins.opname
    if ins.opname == 'LOAD_NAME':
        return 'LOAD_NAME ' + ins.argval
    return '%s %d' % (ins.opname, ins.arg)

def eval_sig(src, opt):
    code = compile(src, '<fold>', 'eval', optimize=opt)
    return [render(i) for i in dis.get_instructions(code)
            if i.opname not in ('RESUME', 'RETURN_VALUE')]

VALUE_OPS = ('LOAD_NAME', 'LOAD_CONST', 'BUILD_TUPLE', 'BUILD_LIST', 'BUILD_SET',
             'LIST_EXTEND', 'SET_UPDATE', 'LIST_APPEND', 'SET_ADD', 'LIST_TO_TUPLE')

def iter_sig(src, opt):
    # The value-building instructions of module-level code, without the
    # function-making constants and the implicit `return None`.
    code = compile(src, '<fold>', 'exec', optimize=opt)
    out = []
    for i in dis.get_instructions(code):
        if i.opname == 'MAKE_FUNCTION':
            del out[-2:]
        elif i.opname in VALUE_OPS:
            out.append(render(i))
    assert out[-1] == 'LOAD_CONST None'
    return out[:-1]

def doc_sig(src, opt):
    code = compile(src, '<fold>', 'exec', optimize=opt)
    ins = list(dis.get_instructions(code))
    module_doc = 'None'
    for a, b in zip(ins, ins[1:]):
        if b.opname == 'STORE_NAME' and b.argval == '__doc__':
            module_doc = canon(a.argval)
    funcs = [c for c in code.co_consts if isinstance(c, types.CodeType)]
    func_doc = canon(types.FunctionType(funcs[0], {}).__doc__) if funcs else '-'
    return [module_doc, func_doc]

def consts_sig(src, opt):
    # Every constant of the module and its nested code objects.
    found = set()
    def walk(code):
        for c in code.co_consts:
            if isinstance(c, types.CodeType):
                walk(c)
            else:
                found.add(canon(c))
    walk(compile(src, '<fold>', 'exec', optimize=opt))
    return sorted(found)

def compiles(src, opt):
    # Run as a script: compile() called from Python code starts the
    # optimizer's depth count at 3 * the caller's depth, a script at 0.
    import os, subprocess, tempfile
    with tempfile.NamedTemporaryFile('w', suffix='.py', delete=False) as f:
        f.write(src + '\n')
    try:
        r = subprocess.run([sys.executable] + (['-O'] if opt else []) + [f.name],
                           capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    if r.returncode == 0:
        return ['ok']
    return [r.stderr.strip().splitlines()[-1].split(':')[0]]

MODES = {'eval': eval_sig, 'iter': iter_sig, 'doc': doc_sig,
         'consts': consts_sig, 'compiles': compiles}

for line in sys.stdin:
    mode, opt, src = line.rstrip('\n').split('\t')
    src = bytes.fromhex(src).decode('utf-8')
    print(' | '.join(MODES[mode](src, int(opt))))
"#;

fn python311() -> bool {
    Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "True")
        .unwrap_or(false)
}

/// Ask python3 about every case; one result line per case.
fn oracle(cases: &[(&str, u8, String)]) -> Vec<String> {
    let mut child = Command::new("python3")
        .args(["-c", ORACLE])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run python3");
    let mut input = String::new();
    for (mode, opt, src) in cases {
        let hex: String = src.bytes().map(|b| format!("{b:02x}")).collect();
        input.push_str(&format!("{mode}\t{opt}\t{hex}\n"));
    }
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "oracle failed");
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(lines.len(), cases.len());
    lines
}

// ---------------------------------------------------------------------------
// Our side

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn float_hex(f: f64) -> String {
    format!("{:016x}", f.to_bits())
}

fn canon(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "...".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(i) => format!("i:{i}"),
        Constant::Float(f) => format!("f:{}", float_hex(*f)),
        Constant::Complex { real, imag } => format!("c:{},{}", float_hex(*real), float_hex(*imag)),
        Constant::Str(s) => format!("s:{}", hex(s.as_bytes())),
        Constant::Bytes(b) => format!("b:{}", hex(b)),
        Constant::Tuple(items) => {
            let items: Vec<String> = items.iter().map(canon).collect();
            format!("({})", items.join(","))
        }
    }
}

fn canon_expr(c: &ast::ExprConstant) -> String {
    match (&c.value, fold::is_frozenset(c)) {
        (Constant::Tuple(items), true) => {
            let mut items: Vec<String> = items.iter().map(canon).collect();
            items.sort();
            format!("fs{{{}}}", items.join(","))
        }
        _ => canon(&c.value),
    }
}

fn binary_op_arg(op: ast::Operator) -> u32 {
    use ast::Operator::*;
    match op {
        Add => 0,
        BitAnd => 1,
        FloorDiv => 2,
        LShift => 3,
        MatMult => 4,
        Mult => 5,
        Mod => 6,
        BitOr => 7,
        Pow => 8,
        RShift => 9,
        Sub => 10,
        Div => 11,
        BitXor => 12,
    }
}

fn compare_op(op: ast::CmpOp) -> String {
    use ast::CmpOp::*;
    match op {
        Lt => "COMPARE_OP 0",
        LtE => "COMPARE_OP 1",
        Eq => "COMPARE_OP 2",
        NotEq => "COMPARE_OP 3",
        Gt => "COMPARE_OP 4",
        GtE => "COMPARE_OP 5",
        Is => "IS_OP 0",
        IsNot => "IS_OP 1",
        In => "CONTAINS_OP 0",
        NotIn => "CONTAINS_OP 1",
    }
    .to_string()
}

/// CPython 3.11's code for a list or set display (`starunpack_helper`):
/// more than two constants are loaded as one tuple/frozenset constant.
/// (The corpus only has distinct items in such set displays.)
fn emit_display(elts: &[Expr], build: &str, extend: &str, set: bool, out: &mut Vec<String>) {
    let consts: Option<Vec<Constant>> = elts
        .iter()
        .map(|e| match e {
            Expr::Constant(c) => Some(c.value.clone()),
            _ => None,
        })
        .collect();
    match consts {
        Some(items) if items.len() > 2 => {
            out.push(format!("{build} 0"));
            let folded = ast::ExprConstant {
                range: Default::default(),
                value: Constant::Tuple(items),
                kind: set.then(|| fold::FROZENSET_KIND.to_string()),
            };
            let value = canon_expr(&folded);
            out.push(format!("LOAD_CONST {value}"));
            out.push(format!("{extend} 1"));
        }
        _ => {
            for e in elts {
                emit(e, out);
            }
            out.push(format!("{build} {}", elts.len()));
        }
    }
}

/// A display with a starred item (`starunpack_helper`): build from the
/// items before the first star, then extend/append one at a time.
fn emit_starred(elts: &[Expr], build: &str, add: &str, extend: &str, out: &mut Vec<String>) {
    let mut built = false;
    for (i, e) in elts.iter().enumerate() {
        if let Expr::Starred(star) = e {
            if !built {
                out.push(format!("{build} {i}"));
                built = true;
            }
            emit(&star.value, out);
            out.push(format!("{extend} 1"));
        } else {
            emit(e, out);
            if built {
                out.push(format!("{add} 1"));
            }
        }
    }
}

/// A minimal code generator for expressions: the instructions CPython 3.11
/// emits for the node kinds used in the corpus.
fn emit(e: &Expr, out: &mut Vec<String>) {
    match e {
        Expr::Constant(c) => out.push(format!("LOAD_CONST {}", canon_expr(c))),
        Expr::Name(n) => out.push(format!("LOAD_NAME {}", n.id)),
        Expr::BinOp(b) => {
            emit(&b.left, out);
            emit(&b.right, out);
            out.push(format!("BINARY_OP {}", binary_op_arg(b.op)));
        }
        Expr::UnaryOp(u) => {
            emit(&u.operand, out);
            out.push(
                match u.op {
                    ast::UnaryOp::Not => "UNARY_NOT",
                    ast::UnaryOp::USub => "UNARY_NEGATIVE",
                    ast::UnaryOp::UAdd => "UNARY_POSITIVE",
                    ast::UnaryOp::Invert => "UNARY_INVERT",
                }
                .to_string(),
            );
        }
        Expr::Compare(c) if c.ops.len() == 1 => {
            emit(&c.left, out);
            emit(&c.comparators[0], out);
            out.push(compare_op(c.ops[0]));
        }
        Expr::Tuple(t) if t.elts.iter().any(|e| e.is_starred_expr()) => {
            emit_starred(&t.elts, "BUILD_LIST", "LIST_APPEND", "LIST_EXTEND", out);
            out.push("LIST_TO_TUPLE".into());
        }
        Expr::Tuple(t) => {
            for e in &t.elts {
                emit(e, out);
            }
            out.push(format!("BUILD_TUPLE {}", t.elts.len()));
        }
        Expr::List(l) if l.elts.iter().any(|e| e.is_starred_expr()) => {
            emit_starred(&l.elts, "BUILD_LIST", "LIST_APPEND", "LIST_EXTEND", out)
        }
        Expr::List(l) => emit_display(&l.elts, "BUILD_LIST", "LIST_EXTEND", false, out),
        Expr::Set(s) if s.elts.iter().any(|e| e.is_starred_expr()) => {
            emit_starred(&s.elts, "BUILD_SET", "SET_ADD", "SET_UPDATE", out)
        }
        Expr::Set(s) => emit_display(&s.elts, "BUILD_SET", "SET_UPDATE", true, out),
        Expr::Slice(s) => {
            let parts = [&s.lower, &s.upper, &s.step];
            let n = if s.step.is_some() { 3 } else { 2 };
            for part in &parts[..n] {
                match part {
                    Some(e) => emit(e, out),
                    None => out.push("LOAD_CONST None".into()),
                }
            }
            out.push(format!("BUILD_SLICE {n}"));
        }
        Expr::Subscript(s) => {
            emit(&s.value, out);
            emit(&s.slice, out);
            out.push("BINARY_SUBSCR".into());
        }
        Expr::JoinedStr(j) => {
            for v in &j.values {
                emit(v, out);
            }
            if j.values.len() != 1 {
                out.push(format!("BUILD_STRING {}", j.values.len()));
            }
        }
        Expr::FormattedValue(f) => {
            emit(&f.value, out);
            let mut arg = match f.conversion {
                ast::ConversionFlag::None => 0,
                ast::ConversionFlag::Str => 1,
                ast::ConversionFlag::Repr => 2,
                ast::ConversionFlag::Ascii => 3,
            };
            if let Some(spec) = &f.format_spec {
                emit(spec, out);
                arg |= 4;
            }
            out.push(format!("FORMAT_VALUE {arg}"));
        }
        other => panic!("corpus uses an expression the test can't render: {other:?}"),
    }
}

fn parse_module(src: &str) -> Vec<Stmt> {
    match parse(src, Mode::Module, "<fold>").expect("parse") {
        ast::Mod::Module(m) => m.body,
        _ => unreachable!(),
    }
}

fn ours_eval(src: &str, optimize: u8) -> String {
    let mut expr = match parse(src, Mode::Expression, "<fold>").expect("parse") {
        ast::Mod::Expression(e) => e.body,
        _ => unreachable!(),
    };
    fold::try_fold_expression(&mut expr, optimize).expect("fold");
    let mut out = Vec::new();
    emit(&expr, &mut out);
    out.join(" | ")
}

/// The iterable of the first statement (a `for` loop or an expression
/// statement holding a comprehension).
fn ours_iter(src: &str, optimize: u8) -> String {
    let mut body = parse_module(src);
    fold::try_fold_module(&mut body, optimize).expect("fold");
    let iter = match &body[0] {
        Stmt::For(f) => &f.iter,
        Stmt::Expr(e) => match e.value.as_ref() {
            Expr::ListComp(c) => &c.generators[0].iter,
            Expr::SetComp(c) => &c.generators[0].iter,
            Expr::GeneratorExp(c) => &c.generators[0].iter,
            Expr::DictComp(c) => &c.generators[0].iter,
            other => panic!("unexpected {other:?}"),
        },
        other => panic!("unexpected {other:?}"),
    };
    let mut out = Vec::new();
    emit(iter, &mut out);
    out.join(" | ")
}

fn doc_canon(body: &[Stmt]) -> String {
    fold::docstring(body).map_or("None".into(), |s| canon(&Constant::Str(s.into())))
}

fn ours_doc(src: &str, optimize: u8) -> String {
    let mut body = parse_module(src);
    fold::try_fold_module(&mut body, optimize).expect("fold");
    let func_doc = body
        .iter()
        .find_map(|s| match s {
            Stmt::FunctionDef(f) => Some(doc_canon(&f.body)),
            _ => None,
        })
        .unwrap_or_else(|| "-".into());
    format!("{} | {}", doc_canon(&body), func_doc)
}

fn ours_compiles(src: &str, optimize: u8) -> String {
    let mut body = parse_module(src);
    let result = fold::try_fold_module(&mut body, optimize);
    let verdict = match result {
        Ok(()) => "ok".to_string(),
        Err(e) => e.kind.name().to_string(),
    };
    // Dropping a very deep tree recurses too; do it here, on the big stack.
    drop(body);
    verdict
}

/// Run every case through both sides and report all mismatches at once.
fn check(cases: &[(&str, u8, String)], ours: impl Fn(&str, &str, u8) -> String) {
    if !python311() {
        eprintln!("note: python3 is not CPython 3.11; fold comparison skipped");
        return;
    }
    let expected = oracle(cases);
    let mut failures = Vec::new();
    for ((mode, opt, src), want) in cases.iter().zip(&expected) {
        let got = ours(mode, src, *opt);
        if &got != want {
            failures.push(format!(
                "{src:?} (mode {mode}, -O{opt})\n  cpython: {want}\n  pyrite:  {got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn eval_cases(sources: &[&str], optimize: u8) -> Vec<(&'static str, u8, String)> {
    sources
        .iter()
        .map(|s| ("eval", optimize, s.to_string()))
        .collect()
}

const UNARY: &[&str] = &[
    "-1",
    "-(1)",
    "+1",
    "~5",
    "~True",
    "-True",
    "+True",
    "~False",
    "not 1",
    "not 0",
    "not ()",
    "not (1,)",
    "not ''",
    "not 'a'",
    "not b''",
    "not None",
    "not ...",
    "not 0.0",
    "not -0.0",
    "not 0j",
    "not 1j",
    "-0.0",
    "-(-0.0)",
    "-1.5",
    "+(-0.0)",
    "-(1+2j)",
    "+1j",
    "~1.5",
    "-'a'",
    "+'a'",
    "~'a'",
    "-None",
    "-()",
    "not x",
    "-x",
    "--1",
    "-(2**63)",
    "~(-2**100)",
    "~(2**127)",
    "not (a is b)",
    "not (a is not b)",
    "not (a in b)",
    "not (a not in b)",
    "not (a == b)",
    "not (a != b)",
    "not (a < b)",
    "not (a >= b)",
    "not (a in [1, 2])",
    "not (a in [x, y])",
    "not not (a is b)",
];

const INT_ARITH: &[&str] = &[
    "1 + 2", "2 - 5", "3 * 4", "7 / 2", "1 / 3", "2 / 3", "-1 / 3", "7 // 2", "-7 // 2",
    "7 // -2", "-7 // -2", "7 % 3", "-7 % 3", "7 % -3", "-7 % -3", "7 % 0", "1 // 0", "1 / 0",
    "0 / -5", "0 / 5", "-0 / 5", "0 % -5", "2 ** 10", "2 ** -1", "2 ** -2", "(-2) ** -3",
    "0 ** -1", "0 ** 0", "5 ** 0", "10 ** 20", "10 ** 30", "10 ** 38", "10 ** 39", "2 ** 64",
    "2 ** 127", "2 ** 128", "(-2) ** 63", "(-2) ** 64", "1 ** 128", "1 ** 129", "0 ** 1000",
    "(-1) ** 3", "3 ** 80", "3 ** 81", "7 ** 32", "7 ** 43", "1 << 200", "1 << 127", "1 << 128",
    "3 << 126", "2 << 126", "0 << 1000", "5 << 0", "1 << -1", "0 << -1", "-1 << 100",
    "-1 >> 1000", "1 >> 1000", "-5 >> 1", "5 >> -1", "-5 >> 0", "(2**100) >> 3",
    "-1 >> 100000000000000000000000000", "1 >> 100000000000000000000000000", "6 & 3",
    "-6 & 3", "6 | -3", "6 ^ 3", "-6 ^ -3", "True & False", "True & True", "True | 1",
    "True ^ True", "False | False", "True + 1", "True + True", "True * 3", "False - True",
    "True / 2", "True ** 2", "2 ** True", "True // True", "True % 2", "True << 3",
    "True >> False", "12345678901234567890123 * 98765432109876543210",
    "123456789012345678901 * 9876543210987654321098", "2**64 * 2**64", "2**63 * 2**63",
    "2**63 * 2**64", "-(2**64) * 2**63", "0 * 2**100", "99999999999999999999999999999999999999 + 1",
    "10**30 / 3", "10**38 / 7", "123456789012345678901234567890 / 1",
    "1 / 123456789012345678901234567890", "9007199254740993 / 1", "-9007199254740993 / 1",
    "9007199254740995 / 1", "18014398509481990 / 2", "2**53 + 1", "1 // 10**30",
    "-1 // 10**30", "(10**30) % 7", "-(10**30) % 7", "(10**30) // -7",
    "340282366920938463463374607431768211456 / 3",
    "1797693134862315708145274237317043567980705675258449965989174768031572607800285387605895586327668781715404589535143824642343213268894641827684675467035375169860499105765512820762454900903893289440758685541463412357837041025327790645051376845516093522686683600413117542420307813289127 / 1",
    "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791 / 1",
    "1 / 179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
];

const FLOAT_ARITH: &[&str] = &[
    "1.5 + 2.25", "0.1 + 0.2", "1e308 * 10", "1e308 + 1e308", "-1e308 * 10", "1.0 / 3",
    "1.0 / 0", "1 / 0.0", "1.0 // 0.0", "1.0 % 0.0", "7.5 // 2", "-7.5 // 2", "7.5 // -2",
    "7.5 % 2", "-7.5 % 2", "7.5 % -2", "-0.0 % 5", "0.0 % -5", "5 % -0.0", "1e-300 // 1e300",
    "-1e-300 // 1e300", "1e300 // 1e-300", "0.0 // -3", "-0.0 // 3", "1e308 // 1e-308",
    "3.0 // 0.1", "1 % 0.1", "-1 % 0.1", "1e16 % 3", "2.0 ** 0.5", "2 ** 0.5", "(-8) ** (1/3)",
    "(-8.0) ** 0.5", "(-2.0) ** 3", "(-2.0) ** 3.0", "(-2.0) ** -3", "(-2.0) ** 2",
    "0.0 ** -1", "0.0 ** 0", "(-0.0) ** 3", "(-0.0) ** 2", "(-0.0) ** 0.5", "10.0 ** 400",
    "10.0 ** -400", "1e308 ** 2", "1.5 ** 1e30", "2.0 ** (10**30)", "1e300 ** -2",
    "0.5 ** 1e30", "(-1.0) ** 1e300", "(-1.5) ** 1e300", "1.0 ** 1e300", "1.1 ** 7.3",
    "3 ** -0.5", "1 + 1.0", "1 - 0.5", "1e16 + 1", "2**53 + 1.0", "-0.0 + 0.0",
    "-0.0 - 0.0", "0.0 * -1", "-0.0 * 0", "True + 0.5", "0.5 * False", "1e300 * 1e300 - 1e300 * 1e300",
    "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 + 1.0",
    "1.0 - 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
    "1.5 << 1", "1.5 & 1", "1.5 @ 2.0",
];

const COMPLEX_ARITH: &[&str] = &[
    "1j * 2",
    "2 * 1j",
    "1j * 1j",
    "(1+2j) * (3-4j)",
    "(1+2j) / (3-4j)",
    "(3-4j) / (1+2j)",
    "1j / 0",
    "1j / 0j",
    "1 / 1j",
    "1.5 / (2+1e-300j)",
    "(1+2j) ** 2",
    "(1+2j) ** -2",
    "(1+2j) ** 0.5",
    "(1+2j) ** (1+1j)",
    "1j ** 200",
    "(1+1j) ** 100",
    "(1+1j) ** 101",
    "(2+0j) ** 1000",
    "2 ** (1+1j)",
    "0j ** -1",
    "0j ** 0",
    "0j ** 1j",
    "0j ** 2",
    "(1e200+1e200j) * (1e200+1e200j)",
    "1e300j ** 2",
    "1e300j ** 2.5",
    "1j + 1",
    "1j - 1.5",
    "2 - 1j",
    "-1j",
    "-0.0 + 1j",
    "0j // 1",
    "1j % 2",
    "1j ** 1e300",
    "-(0j)",
    "1j ** -1",
    "(1e-200j) ** -2",
    "1j * True",
    "(1+2j) + (3+4j)",
    "(-8) ** (1/3) * 2",
];

const SEQUENCES: &[&str] = &[
    "'a' + 'b'",
    "'a' * 5",
    "5 * 'ab'",
    "'a' * 4096",
    "'a' * 4097",
    "'ab' * 2048",
    "'ab' * 2049",
    "'a' * 5000",
    "'' * 10**30",
    "'' * -5",
    "'' * 5000",
    "'abc' * -1",
    "'abc' * 0",
    "'a' * True",
    "'a' * False",
    "True * 'a'",
    "'é' * 3",
    "'€' * 4096",
    "'€' * 4097",
    "b'ab' * 3",
    "b'a' * 4096",
    "b'a' * 4097",
    "b'a' + b'b'",
    "'a' + b'b'",
    "'a' * 1.5",
    "'a' * 'b'",
    "'a' - 'b'",
    "b'' * -1",
    "'a' * -(10**30)",
    "'abc'[1]",
    "'abc'[-1]",
    "'abc'[-3]",
    "'abc'[-4]",
    "'abc'[3]",
    "'abc'[True]",
    "'abc'[1.0]",
    "b'abc'[0]",
    "b'abc'[-1]",
    "(1, 2, 3)[1]",
    "(1, (2, 3))[1]",
    "((1, 2), (3, 4))[1][0]",
    "'héllo'[1]",
    "'héllo'[-4]",
    "'abc'[10**30]",
    "()[0]",
    "x[1+1]",
    "(1, 2)[x]",
    "'abc'['a']",
    "None[0]",
    "1[0]",
    "'a' 'b'",
    "(1, 2)",
    "(1, (2, 3))",
    "(1, x)",
    "(x, (1, 2))",
    "()",
    "(-1, not 1, 'a' * 2)",
    "(1,) * 5",
    "(1, 2) * 128",
    "(1, 2) * 129",
    "(1, 2) * 300",
    "3 * (1, 2)",
    "(1, 2) * True",
    "((1, 2, 3, 4),) * 200",
    "((1, 2, 3, 4, 5),) * 200",
    "((1, 2), (3, 4)) * 100",
    "(((1,),),) * 300",
    "(((1, 2),),) * 256",
    "(1, 2) + (3,)",
    "(1,) + (x,)",
    "() * 10**30",
    "() * -1",
    "(1,) * -1",
    "(0,) * 0",
    "() + ()",
    "(1, 2) + 'a'",
    "(1,) * 2 * 3",
];

const PERCENT_FORMAT: &[&str] = &[
    "'%s' % 'x'",
    "'%s' % ('x',)",
    "'%s' % (x,)",
    "'a%sb%rc' % (x, y)",
    "'%5s' % (x,)",
    "'%-5s' % (x,)",
    "'%.3s' % (x,)",
    "'%5.2r' % (x,)",
    "'%99s' % (x,)",
    "'%100s' % (x,)",
    "'%.99s' % (x,)",
    "'%.100s' % (x,)",
    "'%d' % (x,)",
    "'%s %s' % (x,)",
    "'%s' % (x, y)",
    "'100%% %s' % (x,)",
    "'%s%%' % (x,)",
    "'%' % (x,)",
    "'%s' % (*a,)",
    "b'%s' % (x,)",
    "'%a' % (x,)",
    "'%+s' % (x,)",
    "'%05s' % (x,)",
    "'%0s' % (x,)",
    "'%.s' % (x,)",
    "'%s' % ()",
    "'%z5s' % (x,)",
    "'%-0s' % (x,)",
    "'%s' % (1 + 2, x)",
    "'%%' % (x,)",
    "'%s-%s' % (x, 'y')",
    "'%(a)s' % (x,)",
    "'%*s' % (x, y)",
    "'%s' % [x]",
    "'é%sü' % (x,)",
];

const MEMBERSHIP: &[&str] = &[
    "x in [1, 2]",
    "x in [a, b]",
    "x in [*a, b]",
    "x in {1, 2}",
    "x in {1, True, 1.0}",
    "x in {a, 1}",
    "x not in [1, 2, 3]",
    "x not in {1, 2, 3}",
    "x in []",
    "x in {0.0, -0.0, 0}",
    "x in {(1, 2), (1, 2)}",
    "x in {'a', b'a'}",
    "x in {1, (1,), 'a', 2.5, 3j, None}",
    "x in [[1], 2]",
    "x in [(1, 2), 3]",
    "x == [1, 2]",
    "x in ([1, 2])",
    "[1, 2, 3]",
    "[1, 2]",
    "{1, 2, 3}",
    "x is [1, 2]",
    "x in [1 + 1, -2]",
    "x in {-1, ~1}",
];

const MISC: &[&str] = &[
    "__debug__",
    "not __debug__",
    "-__debug__",
    "(__debug__, 1)",
    "x + __debug__",
    "f'{1+1}'",
    "f'{x!r:>{2*3}}'",
    "f'a{x}b'",
    "f'{(1, 2)}'",
    "1 + x",
    "x + (1 + 2)",
    "(1 + 2) + x",
    "x * 2 * 3",
    "2 * 3 * x",
    "-(-(1))",
    "1 @ 2",
    "None + 1",
    "... + 1",
    "x[1:2]",
    "1 < 2",
    "u'a' + 'b'",
];

#[test]
fn unary_ops_match_cpython() {
    check(&eval_cases(UNARY, 0), |_, s, o| ours_eval(s, o));
}

#[test]
fn int_arithmetic_matches_cpython() {
    check(&eval_cases(INT_ARITH, 0), |_, s, o| ours_eval(s, o));
}

#[test]
fn float_arithmetic_matches_cpython() {
    check(&eval_cases(FLOAT_ARITH, 0), |_, s, o| ours_eval(s, o));
}

#[test]
fn complex_arithmetic_matches_cpython() {
    check(&eval_cases(COMPLEX_ARITH, 0), |_, s, o| ours_eval(s, o));
}

#[test]
fn sequences_match_cpython() {
    check(&eval_cases(SEQUENCES, 0), |_, s, o| ours_eval(s, o));
}

#[test]
fn percent_format_matches_cpython() {
    check(&eval_cases(PERCENT_FORMAT, 0), |_, s, o| ours_eval(s, o));
}

#[test]
fn membership_matches_cpython() {
    check(&eval_cases(MEMBERSHIP, 0), |_, s, o| ours_eval(s, o));
}

#[test]
fn misc_matches_cpython() {
    check(&eval_cases(MISC, 0), |_, s, o| ours_eval(s, o));
    check(
        &eval_cases(&["__debug__", "not __debug__", "(__debug__, 1)"], 1),
        |_, s, o| ours_eval(s, o),
    );
}

#[test]
fn loop_and_comprehension_iterables_match_cpython() {
    let sources = [
        "for x in [a, b]: pass",
        "for x in [1, 2]: pass",
        "for x in [1, 2, 3]: pass",
        "for x in [*a, b]: pass",
        "for x in {1, 2}: pass",
        "for x in {a, b}: pass",
        "for x in (1, 2): pass",
        "for x in []: pass",
        "for x in [[1], 2]: pass",
        "[y for y in [a, b]]",
        "[y for y in [1, 2]]",
        "{y for y in {1, 2, 1}}",
        "(y for y in [1, -1])",
        "{y: 1 for y in [a, 1]}",
    ];
    let cases: Vec<_> = sources.iter().map(|s| ("iter", 0, s.to_string())).collect();
    check(&cases, |_, s, o| ours_iter(s, o));
}

#[test]
fn folded_strings_are_not_docstrings() {
    let sources = [
        "'a' + 'b'\nx = 1",
        "'ab'\nx = 1",
        "'a' 'b'\nx = 1",
        "('a', 'b')[0]\nx = 1",
        "'%s' % (x,)\nx = 1",
        "-1\nx = 1",
        "'a' * 3",
        "def f():\n    'x' * 2\n",
        "def f():\n    'x' 'y'\n",
        "def f():\n    ('x',)[0]\n    return 1\n",
        "def f():\n    1 + 1\n",
    ];
    let cases: Vec<_> = sources.iter().map(|s| ("doc", 0, s.to_string())).collect();
    check(&cases, |_, s, o| ours_doc(s, o));
}

/// All constants of a module, ours as the set of constant nodes left in the
/// folded AST. Only for sources whose code loads exactly those constants.
fn ours_consts(src: &str, optimize: u8) -> String {
    let mut body = parse_module(src);
    fold::try_fold_module(&mut body, optimize).expect("fold");
    let mut found = std::collections::BTreeSet::new();
    found.insert("None".to_string());
    collect_stmts(&body, &mut found);
    found.into_iter().collect::<Vec<_>>().join(" | ")
}

fn collect_stmts(body: &[Stmt], found: &mut std::collections::BTreeSet<String>) {
    for stmt in body {
        match stmt {
            Stmt::Expr(s) => collect_expr(&s.value, found),
            Stmt::Assign(s) => collect_expr(&s.value, found),
            Stmt::AnnAssign(s) => {
                // `__annotations__['x'] = ...` loads the name as a constant.
                if let Expr::Name(n) = s.target.as_ref() {
                    found.insert(canon(&Constant::Str(n.id.to_string())));
                }
                collect_expr(&s.annotation, found);
                if let Some(v) = &s.value {
                    collect_expr(v, found);
                }
            }
            Stmt::Match(m) => {
                collect_expr(&m.subject, found);
                for case in &m.cases {
                    if let ast::Pattern::MatchValue(v) = &case.pattern {
                        collect_expr(&v.value, found);
                    }
                    collect_stmts(&case.body, found);
                }
            }
            Stmt::If(s) => {
                collect_expr(&s.test, found);
                collect_stmts(&s.body, found);
                collect_stmts(&s.orelse, found);
            }
            Stmt::Pass(_) | Stmt::ImportFrom(_) => {}
            other => panic!("consts test can't handle {other:?}"),
        }
    }
}

fn collect_expr(e: &Expr, found: &mut std::collections::BTreeSet<String>) {
    match e {
        Expr::Constant(c) => {
            found.insert(canon_expr(c));
        }
        Expr::BinOp(b) => {
            collect_expr(&b.left, found);
            collect_expr(&b.right, found);
        }
        Expr::UnaryOp(u) => collect_expr(&u.operand, found),
        Expr::Compare(c) => {
            collect_expr(&c.left, found);
            c.comparators.iter().for_each(|e| collect_expr(e, found));
        }
        Expr::Set(s) => s.elts.iter().for_each(|e| collect_expr(e, found)),
        Expr::Name(_) => {}
        other => panic!("consts test can't handle {other:?}"),
    }
}

#[test]
fn statement_level_constants_match_cpython() {
    let sources = [
        // Annotations are folded, unless they are kept as strings.
        "x: 1 + 2 = 3 * 4",
        // Patterns: negative and complex literals are folded.
        "match x:\n    case -1: pass\n    case 1 + 2j: pass\n    case -1.5 - 2j: pass\n",
        "if __debug__: x = 1 + 1\n",
        "x = -0.0 + 0.0",
        // Only the operand of a final `in` / `not in` is rewritten.
        "x == y in {1, 2}",
        "x in {1, 2} == y",
        "x not in {3, 4} not in {5, 6}",
    ];
    let mut cases: Vec<_> = sources
        .iter()
        .map(|s| ("consts", 0, s.to_string()))
        .collect();
    cases.push(("consts", 1, "if __debug__: x = 1 + 1\n".to_string()));
    check(&cases, |_, s, o| ours_consts(s, o));
}

/// Annotations kept as strings under `from __future__ import annotations`
/// are not folded: CPython's constants have `'1 + 2'`, not 3.
#[test]
fn future_annotations_are_not_folded() {
    let sources = [
        "from __future__ import annotations\nx: 1 + 2",
        "from __future__ import annotations\ndef f(a: 1 + 2) -> 1 + 2: pass",
        "x: 1 + 2",
        "def f(a: 1 + 2) -> 1 + 2: pass",
    ];
    let cases: Vec<_> = sources
        .iter()
        .map(|s| ("consts", 0, s.to_string()))
        .collect();
    if !python311() {
        eprintln!("note: python3 is not CPython 3.11; fold comparison skipped");
        return;
    }
    for ((_, _, src), consts) in cases.iter().zip(oracle(&cases)) {
        let cpython_folded = consts.split(" | ").any(|c| c == "i:3");
        let mut body = parse_module(src);
        fold::try_fold_module(&mut body, 0).unwrap();
        let annotations: Vec<&Expr> = match body.last().unwrap() {
            Stmt::AnnAssign(a) => vec![&a.annotation],
            Stmt::FunctionDef(f) => vec![
                f.args.args[0].def.annotation.as_deref().unwrap(),
                f.returns.as_deref().unwrap(),
            ],
            other => panic!("unexpected {other:?}"),
        };
        for annotation in annotations {
            assert_eq!(
                annotation.is_constant_expr(),
                cpython_folded,
                "{src:?}: cpython constants {consts}"
            );
        }
    }
}

#[test]
fn recursion_limit_matches_cpython() {
    // Operand chains: the statement, 2998 or 2999 BinOps, and the leaf.
    let sources: Vec<String> = [2999, 3000, 1500]
        .iter()
        .map(|n| format!("x = {}", vec!["1"; *n].join("+")))
        .collect();
    let cases: Vec<_> = sources.iter().map(|s| ("compiles", 0, s.clone())).collect();
    // Deep trees need a deep stack (parser, folder and drop all recurse).
    std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || check(&cases, |_, s, o| ours_compiles(s, o)))
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn future_annotations_detection() {
    let detect = |src: &str| fold::has_future_annotations(&parse_module(src));
    assert!(detect("from __future__ import annotations\n"));
    assert!(detect(
        "'doc'\nfrom __future__ import division, annotations\n"
    ));
    assert!(!detect("import os\nfrom __future__ import annotations\n"));
    assert!(!detect("from __future__ import division\n"));
}

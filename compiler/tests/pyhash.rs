//! CPython's hashes and set order, checked against python3 run with
//! PYTHONHASHSEED=0 (which makes str/bytes hashes reproducible). Set order
//! is checked on sets without strings: `pyhash::frozenset_order` explains
//! why CPython's order for strings also depends on interning history.

use std::process::Command;

use pyrite_compiler::code::Constant;
use pyrite_compiler::pyhash::{frozenset_order, hash};

/// Source expressions whose values are constants the compiler can emit.
const VALUES: &[&str] = &[
    "0",
    "1",
    "-1",
    "-2",
    "12345678901234567890",
    "-(2**61)",
    "2**61-1",
    "2**64+5",
    "1.5",
    "-0.0",
    "0.0",
    "1e300",
    "-3.25e-100",
    "1e999",
    "5e-324",
    "'a'",
    "''",
    "'True'",
    "'None'",
    "'False'",
    "'héllo'",
    "'日本'",
    "'𐀀x'",
    "'abcdefghijklmnopq'",
    "b''",
    "b'abc'",
    "b'\\x00\\xff'*9",
    "(1, 'a')",
    "()",
    "((1, 2), 3.5)",
    "1j",
    "(2-3.5j)",
    "True",
    "False",
    "frozenset({1, 2})",
    "frozenset()",
];

fn python_hashes() -> Option<Vec<i64>> {
    let script = format!(
        "import sys\nfor v in [{}]: print(hash(v))",
        VALUES.join(", ")
    );
    let out = Command::new("python3")
        .env("PYTHONHASHSEED", "0")
        .args(["-c", &script])
        .output()
        .ok()?;
    let version = Command::new("python3").arg("--version").output().ok()?;
    if !String::from_utf8_lossy(&version.stdout).starts_with("Python 3.11") {
        return None;
    }
    Some(
        String::from_utf8(out.stdout)
            .ok()?
            .lines()
            .map(|l| l.parse().expect("int"))
            .collect(),
    )
}

/// Our constant for a source expression, via the compiler's constant folding.
fn constant(expr: &str) -> Constant {
    let code = pyrite_compiler::compile(&format!("x = {expr}\n"), "<h>").expect("compiles");
    code.consts[0].clone()
}

#[test]
fn hashes_match_python() {
    let Some(expected) = python_hashes() else {
        eprintln!("note: python3 3.11 not available; skipping hash comparison");
        return;
    };
    for (src, want) in VALUES.iter().zip(expected) {
        if src.starts_with("frozenset") {
            continue; // not a literal; checked through set order below
        }
        let c = constant(src);
        assert_eq!(hash(&c), Some(want), "hash({src})");
    }
}

#[test]
fn set_order_matches_python() {
    let sets = [
        "{3, 1, 2}",
        "{0, 1, -1, 2, -2, 5, -5, 19, -19, 20, -20, 21, -21, 30, -30, 99, -99}",
        "{1.5, 2, (1, 2), -7, 10**20, 2.75, 1j}",
        "{(1, 2), (2, 1), (), (0,)}",
        "{8, 16, 24, 32, 40, 48, 56, 64, 72, 80}",
    ];
    let script = format!(
        "for s in [{}]: print(repr(compile('x in ' + s, '', 'eval').co_consts[-1]))",
        sets.iter()
            .map(|s| format!("{s:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let out = Command::new("python3")
        .env("PYTHONHASHSEED", "0")
        .args(["-c", &script])
        .output();
    let Ok(out) = out else {
        eprintln!("note: python3 not available; skipping");
        return;
    };
    if python_hashes().is_none() {
        eprintln!("note: python3 3.11 not available; skipping");
        return;
    }
    let expected: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    for (src, want) in sets.iter().zip(expected) {
        let code = pyrite_compiler::compile(&format!("x in {src}\n"), "<s>").expect("compiles");
        let c = code
            .consts
            .iter()
            .find(|c| matches!(c, Constant::FrozenSet(_)))
            .expect("frozenset constant");
        if let Constant::FrozenSet(items) = c {
            assert!(frozenset_order(items).is_some());
        }
        assert_eq!(pyrite_compiler::dis::repr(c), want, "{src}");
    }
}

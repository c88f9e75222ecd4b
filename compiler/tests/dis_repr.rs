//! `dis::repr` against Python's `repr()`: constants of every kind are
//! marshalled by CPython, loaded by our reader, and must print the same.

mod dis_common;

use std::process::Command;

use dis_common::have_python311;
use pyrite_compiler::{dis, marshal, Constant};

/// Python source of a tuple of tricky constants.
const CASES: &str = r#"(
    None, ..., True, False, 0, 1, -1, 255, 256, -5, -6, 2**31 - 1, 2**31, -2**31, -2**31 - 1,
    2**63, -2**63, 10**30, -10**30, 2**1000,
    0.0, -0.0, 1.0, -1.5, 0.1, 1/3, 2/3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5,
    0.00012345, 2**-25, -2**-25, 2**-24 * 3, 1e300, 1e-300, 5e-324, 1.7976931348623157e308, float('inf'), -float('inf'),
    float('nan'), 100.0, 1234.5, 1e22, 1.5e-7,
    0j, 1j, -1j, 1+2j, 1.5-2.5j, -0.0-0j, complex(0.0, -0.0), complex(-0.0, 0.0), 1e16j,
    complex('inf+nanj'), 2.5j, complex(1, float('inf')),
    '', 'a', "it's", 'say "hi"', 'both \' and "', '\\', '\t\n\r', '\x00\x1f\x7f\x80\x9f\xa0',
    '\xad', 'é', 'ü€', '\u2028', '\u200b', '\ufeff', '\U0001F600', '\U000e0001', '\U0010ffff',
    '\ud7ff', '\ue000', 'ℝ', '\u0378', 'a\u0300',
    b'', b'a', b"it's", b'say "hi"', b'both \' and "', b'\\\x00\x7f\x80\xff\t\n\r',
    (), (1,), (1, 2), ((),), ((1,),), ('a', (b'b', (None,))),
    frozenset(), frozenset({1}),
)"#;

#[test]
fn constants_repr_like_python() {
    if !have_python311() {
        eprintln!("skipped: python3 is not CPython 3.11");
        return;
    }
    let script = format!(
        "import marshal, sys\nt = {CASES}\n\
         sys.stdout.buffer.write(marshal.dumps(t) + b'\\0' + \
         '\\n'.join(map(repr, t)).encode('utf-8'))"
    );
    let out = Command::new("python3")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The marshal data never holds a 0 byte at its end; split at the last
    // 0 byte before the (0-free) repr text.
    let split = out.stdout.iter().rposition(|&b| b == 0).unwrap();
    let (data, reprs) = (&out.stdout[..split], &out.stdout[split + 1..]);
    let expected: Vec<&str> = std::str::from_utf8(reprs).unwrap().split('\n').collect();
    let Constant::Tuple(items) = marshal::loads(data).unwrap() else {
        panic!("not a tuple")
    };
    assert_eq!(items.len(), expected.len());
    let mut bad = Vec::new();
    for (item, want) in items.iter().zip(&expected) {
        let got = dis::repr(item);
        if got != *want {
            bad.push(format!("python3: {want}\npyrite:  {got}"));
        }
    }
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

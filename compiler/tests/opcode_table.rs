//! The opcode table against the running python3 (3.11): every real opcode's
//! number, name, argument flag, CACHE entries and jump kind, and its stack
//! effect for a range of arguments, branch taken and not.

use std::process::Command;

use pyrite_compiler::opcode::{ArgKind, JumpKind, Op};

/// One line per opcode from python3: name, number, caches, has-arg,
/// relative-jump, then `dis.stack_effect` for opargs 0..=5 and 256
/// (jump=False and jump=True), `x` where it raises.
const SCRIPT: &str = r#"
import dis, opcode
args = [0, 1, 2, 3, 4, 5, 256]
for name, num in sorted(opcode.opmap.items(), key=lambda kv: kv[1]):
    effects = []
    for a in args:
        for j in (False, True):
            try:
                effects.append(str(dis.stack_effect(num, a if num >= opcode.HAVE_ARGUMENT else None, jump=j)))
            except ValueError:
                effects.append("x")
    print(name, num, opcode._inline_cache_entries[num], int(num >= opcode.HAVE_ARGUMENT),
          int(num in opcode.hasjrel), " ".join(effects))
"#;

#[test]
fn table_matches_python() {
    let Ok(out) = Command::new("python3").args(["-c", SCRIPT]).output() else {
        eprintln!("note: python3 not found; skipping");
        return;
    };
    let version = Command::new("python3")
        .arg("--version")
        .output()
        .expect("python3");
    if !String::from_utf8_lossy(&version.stdout).starts_with("Python 3.11") {
        eprintln!("note: python3 is not 3.11; skipping");
        return;
    }
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut seen = 0;
    for line in text.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let (name, num): (&str, u8) = (f[0], f[1].parse().expect("number"));
        let op = Op::from_byte(num).unwrap_or_else(|| panic!("{name} ({num}) missing"));
        assert_eq!(op.name(), name);
        assert_eq!(op.caches().to_string(), f[2], "{name} caches");
        assert_eq!(op.has_arg(), f[3] == "1", "{name} has_arg");
        let rel = matches!(op.info().jump, JumpKind::Forward | JumpKind::Backward);
        assert_eq!(rel, f[4] == "1", "{name} relative jump");
        assert_eq!(op.info().arg == ArgKind::Jump, rel, "{name} jump arg kind");
        let args = [0u32, 1, 2, 3, 4, 5, 256];
        let mut k = 5;
        for a in args {
            for jump in [false, true] {
                let want = f[k];
                k += 1;
                if want == "x" {
                    continue;
                }
                let got = op.stack_effect(a, jump);
                assert_eq!(
                    got.to_string(),
                    want,
                    "{name} effect(oparg={a}, jump={jump})"
                );
            }
        }
        seen += 1;
    }
    // Every real opcode in our table is one python3 knows.
    let real = Op::ALL
        .iter()
        .filter(|op| !op.is_pseudo() && !op.is_super())
        .count();
    assert_eq!(seen, real, "same number of real opcodes");
    assert_eq!(seen, 110);
}

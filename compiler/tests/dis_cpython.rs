//! dis against CPython 3.11: CPython's own code objects (through our
//! marshal reader) must disassemble to exactly what `python3 -m dis` prints,
//! and give the same `dis.code_info()` text.

mod dis_common;

use dis_common::*;
use pyrite_compiler::{dis, marshal};

/// The first line where two texts differ, for failure messages.
fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<_>, Vec<_>) = (expected.lines().collect(), actual.lines().collect());
    for i in 0..e.len().max(a.len()) {
        if e.get(i) != a.get(i) {
            return format!(
                "line {}:\n  python3: {:?}\n  pyrite:  {:?}",
                i + 1,
                e.get(i),
                a.get(i)
            );
        }
    }
    "(identical)".into()
}

/// CPython prints frozenset items in hash-table order, which cannot be
/// recovered from marshal data (marshal sorts the items), so item order
/// inside `frozenset({...})` is normalised on both sides: items are split at
/// ", " and sorted.
fn sort_frozenset_items(text: &str) -> String {
    const OPEN: &str = "frozenset({";
    let mut out = String::new();
    for line in text.lines() {
        let mut rest = line;
        while let Some(i) = rest.find(OPEN) {
            out.push_str(&rest[..i + OPEN.len()]);
            rest = &rest[i + OPEN.len()..];
            let Some(end) = rest.find("})") else { break };
            let mut items: Vec<&str> = rest[..end].split(", ").collect();
            items.sort_unstable();
            out.push_str(&items.join(", "));
            rest = &rest[end..];
        }
        out.push_str(rest);
        out.push('\n');
    }
    out
}

/// Compare dis and code_info for every file; returns (compared, failures).
fn compare(files: &[std::path::PathBuf]) -> (usize, Vec<String>) {
    let mut compared = 0;
    let mut failures = Vec::new();
    for exp in cpython_outputs(files) {
        let Some(bytes) = exp.marshal else { continue };
        compared += 1;
        let code = match marshal::loads_code(&bytes) {
            Ok(code) => code,
            Err(e) => {
                failures.push(format!("{}: marshal: {e}", exp.path.display()));
                continue;
            }
        };
        let ours = sort_frozenset_items(&dis::normalize_addresses(&dis::dis_module(&code)));
        let theirs = sort_frozenset_items(&dis::normalize_addresses(&exp.dis));
        if ours != theirs {
            failures.push(format!(
                "{}: dis differs at {}",
                exp.path.display(),
                first_difference(&theirs, &ours)
            ));
            continue;
        }
        let info = sort_frozenset_items(&dis::normalize_addresses(&dis::code_info_all(&code)));
        let expected_info = sort_frozenset_items(&dis::normalize_addresses(&exp.info));
        if info != expected_info {
            failures.push(format!(
                "{}: code_info differs at {}",
                exp.path.display(),
                first_difference(&expected_info, &info)
            ));
        }
    }
    (compared, failures)
}

#[test]
fn stdlib_sample_disassembles_like_cpython() {
    if !have_python311() {
        eprintln!("skipped: python3 is not CPython 3.11");
        return;
    }
    let dir = stdlib_dir();
    let files: Vec<_> = STDLIB_SAMPLE.iter().map(|f| dir.join(f)).collect();
    let (compared, failures) = compare(&files);
    assert_eq!(compared, files.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The whole stdlib: `cargo test -p pyrite-compiler --test dis_cpython -- --ignored --nocapture`
#[test]
#[ignore]
fn whole_stdlib_disassembles_like_cpython() {
    if !have_python311() {
        return;
    }
    let files = py_files(&stdlib_dir());
    let (compared, failures) = compare(&files);
    for f in failures.iter().take(40) {
        eprintln!("{f}");
    }
    eprintln!(
        "dis + code_info: {} of {} stdlib files identical to CPython",
        compared - failures.len(),
        compared
    );
    assert!(failures.is_empty());
}

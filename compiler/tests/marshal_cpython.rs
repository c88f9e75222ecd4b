//! marshal against CPython 3.11: loading CPython's own `marshal.dumps` of
//! compiled stdlib modules and writing them back must give the same bytes.

mod dis_common;

use dis_common::*;
use pyrite_compiler::marshal;

/// Round-trip every file; returns (files compared, failures).
fn roundtrip(files: &[std::path::PathBuf]) -> (usize, Vec<String>) {
    let mut compared = 0;
    let mut failures = Vec::new();
    for exp in cpython_outputs(files) {
        let Some(bytes) = exp.marshal else { continue };
        compared += 1;
        match marshal::loads_code(&bytes) {
            Err(e) => failures.push(format!("{}: load failed: {e}", exp.path.display())),
            Ok(code) => {
                let ours = marshal::dumps(&code);
                if ours != bytes {
                    let at = ours.iter().zip(&bytes).position(|(a, b)| a != b);
                    failures.push(format!(
                        "{}: dumps differs (first difference at byte {:?}, lengths {} vs {})",
                        exp.path.display(),
                        at,
                        ours.len(),
                        bytes.len()
                    ));
                }
            }
        }
    }
    (compared, failures)
}

#[test]
fn stdlib_sample_roundtrips_byte_for_byte() {
    if !have_python311() {
        eprintln!("skipped: python3 is not CPython 3.11");
        return;
    }
    let dir = stdlib_dir();
    let files: Vec<_> = STDLIB_SAMPLE.iter().map(|f| dir.join(f)).collect();
    let (compared, failures) = roundtrip(&files);
    assert_eq!(compared, files.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The whole stdlib: `cargo test -p pyrite-compiler --test marshal_cpython -- --ignored --nocapture`
#[test]
#[ignore]
fn whole_stdlib_roundtrips() {
    if !have_python311() {
        return;
    }
    let files = py_files(&stdlib_dir());
    let (compared, failures) = roundtrip(&files);
    for f in failures.iter().take(30) {
        eprintln!("{f}");
    }
    eprintln!(
        "marshal round trip: {} of {} stdlib files identical",
        compared - failures.len(),
        compared
    );
    assert!(failures.is_empty());
}

/// Debug aid: `MARSHAL_IN=x.marshal MARSHAL_OUT=y.marshal cargo test ... rewrite -- --ignored`
#[test]
#[ignore]
fn rewrite() {
    let (Ok(input), Ok(output)) = (std::env::var("MARSHAL_IN"), std::env::var("MARSHAL_OUT"))
    else {
        return;
    };
    let code = marshal::loads_code(&std::fs::read(input).unwrap()).unwrap();
    std::fs::write(output, marshal::dumps(&code)).unwrap();
}

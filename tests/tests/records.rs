//! Checks the fidelity report's machinery against python3 itself: CPython's
//! code objects for every corpus case and a sample of the stdlib, loaded
//! from `marshal` into our `CodeObject`, must give exactly the records that
//! `scripts/fidelity.py` prints for them (field encodings, depth-first
//! order, localsplus reconstruction). Otherwise the report could call
//! identical code objects different, or the reverse.

use std::io::BufReader;
use std::process::Command;

use pyrite_compiler::marshal;
use pyrite_tests::record::{self, PythonFile};
use pyrite_tests::{corpus, ours, repo_root};

fn python311() -> bool {
    Command::new("python3")
        .args([
            "-c",
            "import sys; sys.exit(sys.version_info[:2] != (3, 11))",
        ])
        .status()
        .is_ok_and(|s| s.success())
}

/// Run scripts/fidelity.py with --marshal --dis over `paths`.
fn python_records(paths: &[String]) -> Vec<PythonFile> {
    // One directory per call: the tests in this file run in parallel.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("pyrite-records-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("files.txt");
    let out = dir.join("out.txt");
    std::fs::write(&list, paths.join("\n")).unwrap();
    let status = Command::new("python3")
        .arg("scripts/fidelity.py")
        .arg(&out)
        .args(["--marshal", "--dis", "--files"])
        .arg(&list)
        .current_dir(repo_root())
        .env("PYTHONHASHSEED", "0")
        .status()
        .expect("run scripts/fidelity.py");
    assert!(status.success());
    let files = record::read_python_output(BufReader::new(std::fs::File::open(&out).unwrap()))
        .expect("parse fidelity.py output");
    std::fs::remove_dir_all(&dir).unwrap();
    files
}

fn check(files: &[PythonFile]) {
    let mut problems = Vec::new();
    let (mut objects, mut dis_same, mut dis_total) = (0, 0, 0);
    for f in files {
        let Ok(expected) = &f.result else { continue };
        let code = match marshal::loads_code(f.marshal.as_deref().expect("--marshal line")) {
            Ok(code) => code,
            Err(e) => panic!("{}: {e}", f.path),
        };
        let got = record::records(&code);
        objects += got.len();
        if got.len() != expected.len() {
            problems.push(format!(
                "{}: {} vs {} code objects",
                f.path,
                got.len(),
                expected.len()
            ));
            continue;
        }
        for (g, e) in got.iter().zip(expected) {
            if let Some((_, detail)) = record::first_difference(g, e) {
                problems.push(format!("{}: {detail}", f.path));
            }
        }
        // CPython's own code objects through our disassembler: reported,
        // not enforced here (the corpus test enforces dis on our output).
        if let (Some(theirs), Some(mine)) = (&f.dis, ours::dis_text(&code)) {
            dis_total += 1;
            dis_same += usize::from(mine.trim_end() == theirs.trim_end());
        }
    }
    println!(
        "{objects} code objects in {} files re-encoded identically",
        files.len()
    );
    if ours::HAVE_DIS {
        println!("dis_module on CPython's code objects: {dis_same} of {dis_total} files identical");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rust_records_match_python_records_on_corpus() {
    if !python311() {
        println!("skipped: python3 3.11 is not on PATH");
        return;
    }
    let paths: Vec<String> = corpus::all().iter().map(|c| c.rel_path()).collect();
    check(&python_records(&paths));
}

#[test]
fn rust_records_match_python_records_on_stdlib_sample() {
    if !python311() {
        println!("skipped: python3 3.11 is not on PATH");
        return;
    }
    let list = Command::new("python3")
        .args(["scripts/fidelity.py", "--list"])
        .current_dir(repo_root())
        .output()
        .expect("list stdlib");
    let all: Vec<String> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    // Every 15th file: ~120 files, quick in a debug build.
    let sample: Vec<String> = all.into_iter().step_by(15).collect();
    check(&python_records(&sample));
}

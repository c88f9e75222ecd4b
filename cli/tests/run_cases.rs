//! The VM against CPython: every program in tests/cases/ runs under
//! `pyrite run`, and its stdout, exit status and last stderr line must equal
//! CPython 3.11's (snapshots/run/, written by scripts/expectations.py).
//!
//! The VM is young: cases listed in tests/cases/RUN_KNOWN_FAILURES.txt may
//! still fail. An unlisted case that fails, and a listed case that passes,
//! fail this test, so the list can only shrink honestly. Rewrite it after a
//! deliberate change with
//! `PYRITE_UPDATE_RUN_FAILURES=1 cargo test -p pyrite --test run_cases`.

use std::collections::BTreeSet;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pyrite_tests::{corpus, known_diffs, repo_root, snapshots};

/// A case running longer than this is a failure (a VM bug looping).
const TIMEOUT: Duration = Duration::from_secs(20);

fn list_path() -> std::path::PathBuf {
    corpus::cases_dir().join("RUN_KNOWN_FAILURES.txt")
}

/// Run one case; None if it matches CPython, else a short reason.
fn run_case(case: &corpus::Case) -> Option<String> {
    let record_path = snapshots::dir()
        .join("run")
        .join(format!("{}.txt", case.snapshot_name()));
    let expected = match snapshots::read_run(&record_path) {
        Ok(r) => r,
        Err(e) => return Some(e),
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .arg("run")
        .arg(case.rel_path())
        .current_dir(repo_root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyrite runs");
    let start = Instant::now();
    let status = loop {
        if let Ok(Some(s)) = child.try_wait() {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Some("timed out".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let mut stdout = Vec::new();
    let mut stderr = String::new();
    if let Some(mut o) = child.stdout.take() {
        let _ = o.read_to_end(&mut stdout);
    }
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    let code = status.code().unwrap_or(-1);
    let last = stderr.lines().last().unwrap_or("").to_string();
    if stderr.contains("panicked") {
        return Some(format!("panic: {last}"));
    }
    if code != expected.exit_status {
        return Some(format!(
            "exit status {code} vs {} ({last})",
            expected.exit_status
        ));
    }
    if stdout != expected.stdout {
        return Some("stdout differs".into());
    }
    if last != expected.stderr_last_line {
        return Some(format!(
            "last stderr line {last:?} vs {:?}",
            expected.stderr_last_line
        ));
    }
    None
}

#[test]
fn cases_run_like_cpython() {
    let known = known_diffs::load_from(&list_path());
    let cases = corpus::all();
    let mut failing = BTreeSet::new();
    let mut problems = Vec::new();
    for case in &cases {
        let id = case.id();
        match run_case(case) {
            None => {
                if known.contains(&id) {
                    problems.push(format!(
                        "{id}: now passes; remove it from RUN_KNOWN_FAILURES.txt"
                    ));
                }
            }
            Some(why) => {
                if !known.contains(&id) {
                    problems.push(format!("{id}: {why}"));
                }
                failing.insert(id);
            }
        }
    }
    let passed = cases.len() - failing.len();
    println!(
        "{passed} of {} cases run like CPython 3.11 (stdout, exit status, last stderr line)",
        cases.len()
    );
    if std::env::var_os("PYRITE_UPDATE_RUN_FAILURES").is_some() {
        known_diffs::rewrite_to(&list_path(), &failing).expect("rewrite list");
        return;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

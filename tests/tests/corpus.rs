//! The corpus against CPython: our compiler's `dis` and code_info text for
//! every case of `tests/cases/` compared with the insta snapshots that
//! `scripts/expectations.py` derived from python3 3.11.
//!
//! * `compiled_output_matches_cpython_snapshots`: prints "N of M cases
//!   identical"; fails on an unlisted differing case, on a listed case that
//!   now matches (so `tests/cases/KNOWN_DIFFS.txt` cannot rot), and on a
//!   listed id that names no case. With `PYRITE_UPDATE_KNOWN_DIFFS=1` it
//!   rewrites the list to the cases that differ now instead.
//! * `snapshots_are_what_python3_prints`: re-derives every expectation with
//!   python3 (when 3.11 is on PATH) so no snapshot can hold our output.
//! * `corpus_is_well_formed`: size limits, one snapshot set per case, and
//!   CPython's exit status (only errors/ may fail).

use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::Command;

use pyrite_tests::corpus::{self, Case};
use pyrite_tests::{known_diffs, ours, panic_message, repo_root, snapshots};

fn snapshot_file(kind: &str, case: &Case) -> PathBuf {
    snapshots::dir()
        .join(kind)
        .join(format!("{}.snap", case.snapshot_name()))
}

/// Our output for one case, both layouts, or why there is none.
struct Ours {
    dis: String,
    code_info: String,
}

fn compile_case(case: &Case) -> Result<Ours, String> {
    let source = case.source();
    let filename = case.rel_path();
    let compiled = catch_unwind(AssertUnwindSafe(|| {
        pyrite_compiler::compile(&source, &filename)
    }));
    let code = match compiled {
        Err(payload) => return Err(format!("compiler panicked: {}", panic_message(&*payload))),
        Ok(Err(e)) => return Err(format!("compile error: {e}")),
        Ok(Ok(code)) => code,
    };
    let rendered = catch_unwind(AssertUnwindSafe(|| {
        (ours::dis_text(&code), ours::code_info_text(&code))
    }));
    match rendered {
        Err(payload) => Err(format!(
            "disassembler panicked: {}",
            panic_message(&*payload)
        )),
        Ok((Some(dis), Some(code_info))) => Ok(Ours { dis, code_info }),
        Ok(_) => Err("pyrite_compiler::dis::{dis_module, code_info_all} not available yet".into()),
    }
}

/// The first line where two texts differ, for the report.
fn first_line_difference(ours: &str, theirs: &str) -> String {
    let (a, b): (Vec<_>, Vec<_>) = (ours.lines().collect(), theirs.lines().collect());
    let n = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let show = |v: &[&str]| v.get(n).map_or("<end>".to_string(), |l| format!("{l:?}"));
    format!("line {}: ours {} vs CPython {}", n + 1, show(&a), show(&b))
}

/// `None` if our output equals CPython's, else a short reason.
fn compare_case(case: &Case, out: &Result<Ours, String>) -> Option<String> {
    let ours = match out {
        Err(reason) => return Some(reason.clone()),
        Ok(o) => o,
    };
    for (kind, text) in [("dis", &ours.dis), ("code_info", &ours.code_info)] {
        let expected = match snapshots::read_body(&snapshot_file(kind, case)) {
            Ok(t) => t,
            Err(e) => return Some(format!("no CPython snapshot ({e})")),
        };
        // insta compares with trailing whitespace trimmed; so do we.
        if text.trim_end() != expected {
            return Some(format!("{kind} {}", first_line_difference(text, &expected)));
        }
    }
    None
}

/// Let insta show its diff for an unexpected mismatch (it also leaves a
/// `.snap.new` for review; never accept one: snapshots come from python3).
fn insta_diff(case: &Case, ours: &Ours) {
    for (kind, text) in [("dis", &ours.dis), ("code_info", &ours.code_info)] {
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(snapshots::dir().join(kind));
        settings.set_prepend_module_to_snapshot(false);
        settings.set_input_file(&case.path);
        let name = case.snapshot_name();
        let _ = catch_unwind(AssertUnwindSafe(|| {
            settings.bind(|| insta::assert_snapshot!(name, text.trim_end()));
        }));
    }
}

#[test]
fn compiled_output_matches_cpython_snapshots() {
    let cases = corpus::all();
    let known = known_diffs::load();
    let mut identical = 0;
    let mut differing = BTreeSet::new();
    let mut failures = Vec::new();
    let mut shown_diffs = 0;

    for case in &cases {
        let id = case.id();
        let out = compile_case(case);
        match (compare_case(case, &out), known.contains(&id)) {
            (None, false) => identical += 1,
            (None, true) => {
                identical += 1;
                failures.push(format!(
                    "{id}: now identical to CPython; remove it from tests/cases/KNOWN_DIFFS.txt"
                ));
            }
            (Some(reason), listed) => {
                println!("{} {id}: {reason}", if listed { "known" } else { "DIFF " });
                differing.insert(id.clone());
                if !listed {
                    failures.push(format!("{id}: differs from CPython: {reason}"));
                    if let (Ok(o), true) = (&out, shown_diffs < 5) {
                        insta_diff(case, o);
                        shown_diffs += 1;
                    }
                }
            }
        }
    }
    let ids: BTreeSet<String> = cases.iter().map(Case::id).collect();
    for stale in known.difference(&ids) {
        failures.push(format!(
            "{stale}: listed in tests/cases/KNOWN_DIFFS.txt but no such case"
        ));
    }

    println!(
        "\n{identical} of {} cases identical to CPython 3.11 (dis text + code_info); \
         {} differ, {} of them listed in tests/cases/KNOWN_DIFFS.txt{}",
        cases.len(),
        differing.len(),
        differing.intersection(&known).count(),
        if ours::HAVE_DIS {
            ""
        } else {
            " [no disassembler yet]"
        }
    );

    if std::env::var_os("PYRITE_UPDATE_KNOWN_DIFFS").is_some() {
        known_diffs::rewrite(&differing).expect("write KNOWN_DIFFS.txt");
        println!(
            "rewrote tests/cases/KNOWN_DIFFS.txt with {} cases",
            differing.len()
        );
        return;
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}\n(after a deliberate change: \
         PYRITE_UPDATE_KNOWN_DIFFS=1 cargo test -p pyrite-tests --test corpus)",
        failures.len(),
        failures.join("\n")
    );
}

/// `Some(python3)` if `python3` on PATH is CPython 3.11.
fn python311() -> Option<&'static str> {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"])
        .output()
        .ok()?;
    (String::from_utf8_lossy(&out.stdout).trim() == "True").then_some("python3")
}

#[test]
fn snapshots_are_what_python3_prints() {
    let Some(python) = python311() else {
        println!("skipped: python3 3.11 is not on PATH");
        return;
    };
    let out = Command::new(python)
        .args(["scripts/expectations.py", "--check"])
        .current_dir(repo_root())
        .output()
        .expect("run scripts/expectations.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "stored expectations differ from what python3 prints now:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn corpus_is_well_formed() {
    let cases = corpus::all();
    assert!(cases.len() >= 150, "only {} cases", cases.len());
    let mut problems = Vec::new();
    for case in &cases {
        let id = case.id();
        let lines = case.source().lines().count();
        if !(5..=40).contains(&lines) {
            problems.push(format!("{id}: {lines} lines (want 5..=40)"));
        }
        for kind in ["dis", "code_info"] {
            if let Err(e) = snapshots::read_body(&snapshot_file(kind, case)) {
                problems.push(format!("{id}: {e}"));
            }
        }
        let run = snapshots::dir()
            .join("run")
            .join(format!("{}.txt", case.snapshot_name()));
        match snapshots::read_run(&run) {
            Err(e) => problems.push(format!("{id}: {e}")),
            Ok(r) if case.group != "errors" && r.exit_status != 0 => problems.push(format!(
                "{id}: python3 exits with {} ({}); only errors/ cases may fail",
                r.exit_status, r.stderr_last_line
            )),
            Ok(r) if case.group == "errors" && r.exit_status == 0 => {
                problems.push(format!("{id}: errors/ case exits with status 0"))
            }
            Ok(r) if r.stdout.is_empty() => problems.push(format!("{id}: prints nothing")),
            Ok(_) => {}
        }
    }
    // Every snapshot belongs to a case (a renamed case leaves none behind).
    let names: BTreeSet<String> = cases.iter().map(Case::snapshot_name).collect();
    for kind in ["dis", "code_info", "run"] {
        for entry in std::fs::read_dir(snapshots::dir().join(kind))
            .expect("snapshots dir")
            .flatten()
        {
            let path = entry.path();
            let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
                continue;
            };
            let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
            if matches!(ext.as_deref(), Some("snap" | "txt")) && !names.contains(&stem) {
                problems.push(format!("stale snapshot {}", path.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

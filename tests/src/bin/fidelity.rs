//! Fidelity on the standard library: compile every stdlib file with CPython
//! and with pyrite and compare the code objects field by field.
//!
//! ```text
//! cargo run --release -p pyrite-tests --bin fidelity -- [--dis] [--stdlib DIR] [--files LIST]
//! cargo run --release -p pyrite-tests --bin fidelity -- --time-only [--runs N] [--files LIST]
//! ```
//!
//! CPython's side comes from `scripts/fidelity.py` (records described in
//! `pyrite_tests::record`); code objects are listed depth-first in
//! `co_consts` order on both sides and paired by position when their
//! qualname and first line agree, else by (qualname, firstlineno).
//!
//! `--time-only` reads every file first, then times only our compile calls
//! over all of them, `--runs` times, and prints the median (used by
//! `bench/compile_speed.py`).

use std::collections::HashMap;
use std::io::BufReader;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use pyrite_tests::record::{self, PythonFile, Record};
use pyrite_tests::{ours, panic_message, repo_root};

/// Set from `--all-diffs`.
static ALL_DIFFS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

struct Options {
    python: String,
    stdlib: Option<PathBuf>,
    files: Option<PathBuf>,
    dis: bool,
    time_only: bool,
    runs: usize,
    /// Print every differing code object, not just the most common kinds.
    all_diffs: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: fidelity [--dis] [--all-diffs] [--stdlib DIR] [--files LIST] [--python PYTHON]\n       \
         fidelity --time-only [--runs N] [--stdlib DIR] [--files LIST]"
    );
    std::process::exit(2)
}

fn parse_args() -> Options {
    let mut o = Options {
        python: "python3".into(),
        stdlib: None,
        files: None,
        dis: false,
        time_only: false,
        runs: 5,
        all_diffs: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--dis" => o.dis = true,
            "--time-only" => o.time_only = true,
            "--all-diffs" => {
                o.all_diffs = true;
                ALL_DIFFS.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            "--runs" => o.runs = value().parse().unwrap_or_else(|_| usage()),
            "--stdlib" => o.stdlib = Some(value().into()),
            "--files" => o.files = Some(value().into()),
            "--python" => o.python = value(),
            _ => usage(),
        }
    }
    o
}

/// The stdlib directory, as python3 reports it.
fn stdlib_dir(o: &Options) -> PathBuf {
    if let Some(d) = &o.stdlib {
        return d.clone();
    }
    let out = Command::new(&o.python)
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .unwrap_or_else(|e| panic!("running {}: {e}", o.python));
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

/// Every `.py` under `dir` except site-packages, sorted like Python's
/// `sorted(Path.rglob("*.py"))` (by path components).
fn walk_py(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if e.file_name() != "site-packages" {
                walk_py(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

fn file_list(o: &Options) -> Vec<PathBuf> {
    if let Some(list) = &o.files {
        let text = std::fs::read_to_string(list).expect("read --files list");
        return text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(PathBuf::from)
            .collect();
    }
    let mut files = Vec::new();
    walk_py(&stdlib_dir(o), &mut files);
    files.sort_by(|a, b| a.components().cmp(b.components()));
    files
}

/// Source text as our compiler takes it: UTF-8 without a BOM.
fn decode(bytes: &[u8]) -> Result<&str, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| "source is not UTF-8".to_string())
}

enum Ours {
    Compiled(Box<pyrite_compiler::CodeObject>),
    Rejected(String),
    Panicked(String),
    /// Not readable, or not UTF-8 (pyrite compiles `str` sources).
    Unreadable,
}

fn compile_ours(path: &Path) -> Ours {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(_) => return Ours::Unreadable,
    };
    let source = match decode(&bytes) {
        Ok(s) => s,
        Err(_) => return Ours::Unreadable,
    };
    let name = path.to_string_lossy();
    match catch_unwind(AssertUnwindSafe(|| pyrite_compiler::compile(source, &name))) {
        Ok(Ok(code)) => Ours::Compiled(Box::new(code)),
        Ok(Err(e)) => Ours::Rejected(e.to_string()),
        Err(p) => Ours::Panicked(panic_message(&*p)),
    }
}

fn time_only(o: &Options) {
    let files = file_list(o);
    let sources: Vec<(String, String)> = files
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let text = decode(&bytes).ok()?.to_string();
            Some((p.to_string_lossy().into_owned(), text))
        })
        .collect();
    let mut times = Vec::new();
    let mut compiled = 0;
    for _ in 0..o.runs.max(1) {
        compiled = 0;
        let start = Instant::now();
        for (name, src) in &sources {
            if let Ok(Ok(_)) =
                catch_unwind(AssertUnwindSafe(|| pyrite_compiler::compile(src, name)))
            {
                compiled += 1;
            }
        }
        times.push(start.elapsed());
    }
    let mut sorted = times.clone();
    sorted.sort();
    let median = sorted[sorted.len() / 2];
    println!("files={} compiled={compiled}", sources.len());
    println!(
        "runs={}",
        times
            .iter()
            .map(|t| format!("{:.4}", t.as_secs_f64()))
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("median_seconds={:.6}", median.as_secs_f64());
}

fn run_python_side(o: &Options) -> Vec<PythonFile> {
    let out = std::env::temp_dir().join(format!("pyrite-fidelity-{}.txt", std::process::id()));
    let mut cmd = Command::new(&o.python);
    cmd.arg(repo_root().join("scripts/fidelity.py")).arg(&out);
    if o.dis {
        cmd.arg("--dis");
    }
    if let Some(d) = &o.stdlib {
        cmd.arg("--stdlib").arg(d);
    }
    if let Some(f) = &o.files {
        cmd.arg("--files").arg(f);
    }
    let status = cmd
        .env("PYTHONHASHSEED", "0")
        .status()
        .expect("run python3");
    assert!(status.success(), "scripts/fidelity.py failed: {status}");
    let reader = BufReader::new(std::fs::File::open(&out).expect("records"));
    let files = record::read_python_output(reader).expect("well-formed scripts/fidelity.py output");
    let _ = std::fs::remove_file(&out);
    files
}

/// Pair our code objects with CPython's: by position when the keys agree,
/// otherwise by the first unused CPython object with the same key.
fn pair_up<'a>(ours: &'a [Record], theirs: &'a [Record]) -> Vec<(&'a Record, &'a Record)> {
    let mut by_key: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, r) in theirs.iter().enumerate() {
        by_key.entry(r.key()).or_default().push(i);
    }
    let mut used = vec![false; theirs.len()];
    let mut pairs = Vec::new();
    for (i, r) in ours.iter().enumerate() {
        let j = if theirs.get(i).is_some_and(|t| t.key() == r.key()) && !used[i] {
            Some(i)
        } else {
            by_key
                .get(&r.key())
                .and_then(|c| c.iter().copied().find(|&j| !used[j]))
        };
        if let Some(j) = j {
            used[j] = true;
            pairs.push((r, &theirs[j]));
        }
    }
    pairs
}

#[derive(Default)]
struct Stats {
    files: usize,
    cpython_ok: usize,
    ours_ok: usize,
    ours_panicked: Vec<String>,
    ours_unreadable: usize,
    both_ok: usize,
    only_cpython: Vec<String>,
    only_ours: Vec<String>,
    cpython_objects: usize,
    our_objects: usize,
    compared: usize,
    identical: usize,
    files_identical: usize,
    dis_compared: usize,
    dis_identical: usize,
    /// category -> (count, one example)
    differences: HashMap<String, (usize, String)>,
}

fn compare_file(theirs: &PythonFile, stats: &mut Stats, want_dis: bool) {
    let path = theirs.path.as_str();
    stats.files += 1;
    let ours = compile_ours(Path::new(path));
    let our_code = match ours {
        Ours::Compiled(c) => {
            stats.ours_ok += 1;
            Some(c)
        }
        Ours::Panicked(m) => {
            stats.ours_panicked.push(format!("{path}: {m}"));
            None
        }
        Ours::Unreadable => {
            stats.ours_unreadable += 1;
            None
        }
        Ours::Rejected(m) => {
            if theirs.result.is_ok() {
                stats.only_cpython.push(format!("{path}: {m}"));
            }
            None
        }
    };
    let their_records = match &theirs.result {
        Ok(r) => {
            stats.cpython_ok += 1;
            r
        }
        Err(m) => {
            if our_code.is_some() {
                stats.only_ours.push(format!("{path}: CPython says {m}"));
            }
            return;
        }
    };
    let Some(code) = our_code else { return };
    stats.both_ok += 1;
    let our_records = record::records(&code);
    stats.cpython_objects += their_records.len();
    stats.our_objects += our_records.len();
    let pairs = pair_up(&our_records, their_records);
    stats.compared += pairs.len();
    let mut all_same = pairs.len() == their_records.len() && pairs.len() == our_records.len();
    for (a, b) in pairs {
        match record::first_difference(a, b) {
            None => stats.identical += 1,
            Some((category, detail)) => {
                all_same = false;
                let qual = String::from_utf8_lossy(&record::unhex(b.get("qualname"))).into_owned();
                if ALL_DIFFS.load(std::sync::atomic::Ordering::Relaxed) {
                    println!(
                        "DIFF {path}:{} {qual}: {category}: {detail}",
                        b.get("firstlineno")
                    );
                }
                let e = stats
                    .differences
                    .entry(category)
                    .or_insert((0, String::new()));
                e.0 += 1;
                if e.1.is_empty() {
                    e.1 = format!("{path}:{} {qual}: {detail}", b.get("firstlineno"));
                }
            }
        }
    }
    if all_same {
        stats.files_identical += 1;
    }
    if want_dis {
        if let (Some(theirs), Some(mine)) = (&theirs.dis, ours::dis_text(&code)) {
            stats.dis_compared += 1;
            if mine.trim_end() == theirs.trim_end() {
                stats.dis_identical += 1;
            }
        }
    }
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * a as f64 / b as f64)
    }
}

fn report(s: &Stats, elapsed: Duration, want_dis: bool) {
    println!("pyrite fidelity report: standard library, CPython 3.11 vs pyrite");
    println!("files:                          {}", s.files);
    println!("compiled by CPython:            {}", s.cpython_ok);
    println!(
        "compiled by pyrite:             {}  (panicked: {}, not UTF-8: {})",
        s.ours_ok,
        s.ours_panicked.len(),
        s.ours_unreadable
    );
    println!("compiled by both:               {}", s.both_ok);
    println!("rejected by pyrite only:        {}", s.only_cpython.len());
    println!("rejected by CPython only:       {}", s.only_ours.len());
    println!(
        "code objects (both compiled):   CPython {}, pyrite {}",
        s.cpython_objects, s.our_objects
    );
    println!("code objects compared:          {}", s.compared);
    println!(
        "code objects identical:         {} ({} of compared)",
        s.identical,
        pct(s.identical, s.compared)
    );
    println!(
        "files entirely identical:       {} ({} of compiled by both)",
        s.files_identical,
        pct(s.files_identical, s.both_ok)
    );
    if want_dis {
        if ours::HAVE_DIS {
            println!(
                "dis text identical:             {} of {} files",
                s.dis_identical, s.dis_compared
            );
        } else {
            println!("dis text:                       not compared (no pyrite_compiler::dis yet)");
        }
    }
    let mut top: Vec<_> = s.differences.iter().collect();
    top.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    if !top.is_empty() {
        println!("\nmost common first differences (ours vs CPython):");
        for (category, (count, example)) in top.iter().take(10) {
            println!("{count:>7}  {category}\n         e.g. {example}");
        }
    }
    let show = |title: &str, items: &[String]| {
        if !items.is_empty() {
            println!("\n{title} ({}; first 5):", items.len());
            for i in items.iter().take(5) {
                println!("  {i}");
            }
        }
    };
    show("pyrite panicked", &s.ours_panicked);
    show("CPython compiles, pyrite rejects", &s.only_cpython);
    show("pyrite compiles, CPython rejects", &s.only_ours);
    println!("\n({:.1?})", elapsed);
}

fn main() -> ExitCode {
    let o = parse_args();
    // Deeply nested test files must not overflow the main thread's stack
    // before our compiler's own limits reject them.
    let worker = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || {
            std::panic::set_hook(Box::new(|_| {}));
            if o.time_only {
                time_only(&o);
                return;
            }
            let start = Instant::now();
            let theirs = run_python_side(&o);
            let mut stats = Stats::default();
            for t in &theirs {
                compare_file(t, &mut stats, o.dis);
            }
            report(&stats, start.elapsed(), o.dis);
        })
        .expect("spawn worker");
    match worker.join() {
        Ok(()) => ExitCode::SUCCESS,
        Err(p) => {
            eprintln!("fidelity: {}", panic_message(&*p));
            ExitCode::FAILURE
        }
    }
}

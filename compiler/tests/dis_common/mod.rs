//! Shared helpers for the dis and marshal tests: running CPython 3.11 via
//! `scripts/cpython_dis.py` and picking stdlib samples.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// True when `python3` is CPython 3.11 (the reference); tests that compare
/// with CPython skip themselves otherwise.
pub fn have_python311() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).starts_with("Python 3.11."))
        .unwrap_or(false)
}

pub fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/cpython_dis.py")
}

pub fn stdlib_dir() -> PathBuf {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .expect("python3 runs");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

/// Every `.py` file under `dir`, sorted, skipping site-packages.
pub fn py_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                if p.file_name().is_some_and(|n| n != "site-packages") {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "py") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// What CPython produced for one source file.
pub struct Expected {
    pub path: PathBuf,
    /// None when CPython could not compile the file.
    pub marshal: Option<Vec<u8>>,
    pub dis: String,
    pub info: String,
}

/// Run CPython once over `files` (in batches) and collect its outputs.
pub fn cpython_outputs(files: &[PathBuf]) -> Vec<Expected> {
    let tmp = std::env::temp_dir().join(format!("pyrite-dis-{}", std::process::id()));
    let mut results = Vec::new();
    for chunk in files.chunks(400) {
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).unwrap();
        let status = Command::new("python3")
            .arg(script())
            .arg("batch")
            .arg(&tmp)
            .args(chunk)
            .env("PYTHONHASHSEED", "0")
            .status()
            .expect("python3 runs");
        assert!(status.success(), "cpython_dis.py batch failed");
        for (i, path) in chunk.iter().enumerate() {
            let base = tmp.join(i.to_string());
            let read = |ext: &str| std::fs::read(base.with_extension(ext)).ok();
            results.push(Expected {
                path: path.clone(),
                marshal: read("marshal"),
                dis: String::from_utf8_lossy(&read("dis").unwrap_or_default()).into_owned(),
                info: String::from_utf8_lossy(&read("info").unwrap_or_default()).into_owned(),
            });
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    results
}

/// A fixed, varied sample of stdlib modules (relative to the stdlib dir).
pub const STDLIB_SAMPLE: &[&str] = &[
    "abc.py",
    "argparse.py",
    "ast.py",
    "asyncio/base_events.py",
    "asyncio/tasks.py",
    "bisect.py",
    "calendar.py",
    "collections/__init__.py",
    "contextlib.py",
    "dataclasses.py",
    "decimal.py",
    "dis.py",
    "email/_header_value_parser.py",
    "enum.py",
    "fractions.py",
    "functools.py",
    "json/decoder.py",
    "os.py",
    "pathlib.py",
    "re/_parser.py",
    "statistics.py",
    "string.py",
    "textwrap.py",
    "typing.py",
    "zipfile.py",
];

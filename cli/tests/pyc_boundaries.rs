//! The three boundaries of the code-object contract, checked through .pyc
//! files (needs python3 3.11; each test skips with a note without it):
//!
//! 1. the VM on CPython's code: every corpus case compiled by python3
//!    (py_compile) runs under `pyrite run X.pyc` like CPython;
//! 2. our code on CPython's VM: the .pyc `pyrite compile` writes runs under
//!    python3 with CPython's output, and python3 confirms the code objects
//!    equal its own `compile()` of the same source;
//! 3. marshal: every 3.11 .pyc in the standard library's `__pycache__`
//!    folders loads, dumping and loading it again gives an equal code
//!    object, and the runtime accepts it (quickening verifies its stack
//!    depths, see runtime/src/verify.rs).
//!
//! Cases listed in tests/cases/RUN_KNOWN_FAILURES.txt (the VM is young)
//! are allowed to fail in (1); every other case must pass both ways.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use pyrite_compiler::marshal;
use pyrite_tests::{corpus, known_diffs, repo_root, snapshots};

fn python311() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).starts_with("Python 3.11"))
        .unwrap_or(false)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrite-pyc-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// stdout, exit status and last stderr line of a command.
fn outcome(cmd: &mut Command) -> (Vec<u8>, i32, String) {
    let out = cmd.stdin(Stdio::null()).output().expect("command runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr.lines().last().unwrap_or("").to_string();
    (out.stdout, out.status.code().unwrap_or(-1), last)
}

fn matches_record(case: &corpus::Case, got: &(Vec<u8>, i32, String)) -> Result<(), String> {
    let path = snapshots::dir()
        .join("run")
        .join(format!("{}.txt", case.snapshot_name()));
    let want = snapshots::read_run(&path)?;
    if got.1 != want.exit_status {
        return Err(format!(
            "exit {} vs {} ({})",
            got.1, want.exit_status, got.2
        ));
    }
    if got.0 != want.stdout {
        return Err("stdout differs".into());
    }
    if got.2 != want.stderr_last_line {
        return Err(format!("stderr {:?} vs {:?}", got.2, want.stderr_last_line));
    }
    Ok(())
}

/// A copy of the case's folder (its neighbours and the packages in its
/// subdirectories may be imported) in `dir`.
fn mirror_folder(case: &corpus::Case, dir: &Path) -> PathBuf {
    let src = repo_root().join(case.rel_path());
    let folder = src.parent().expect("folder");
    let out = dir.join(case.id().replace('/', "__"));
    copy_sources(folder, &out);
    out
}

/// Copy the .py files of `from` and its subdirectories (bytecode caches
/// aside) to `to`.
fn copy_sources(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mirror");
    let Ok(entries) = std::fs::read_dir(from) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() && e.file_name() != "__pycache__" {
            copy_sources(&p, &to.join(e.file_name()));
        } else if p.extension().is_some_and(|x| x == "py") {
            let _ = std::fs::copy(&p, to.join(e.file_name()));
        }
    }
}

#[test]
fn vm_runs_cpython_compiled_cases() {
    if !python311() {
        eprintln!("note: python3 3.11 not available; skipping");
        return;
    }
    let known = known_diffs::load_from(&corpus::cases_dir().join("RUN_KNOWN_FAILURES.txt"));
    let dir = temp_dir("cpython");
    let cases = corpus::all();
    let mut pairs = Vec::new();
    for case in &cases {
        let folder = mirror_folder(case, &dir);
        let name = Path::new(&case.rel_path())
            .file_name()
            .expect("name")
            .to_owned();
        let pyc = folder.join(Path::new(&name).with_extension("pyc"));
        pairs.push((repo_root().join(case.rel_path()), pyc));
    }
    // One python3 process compiles every case, with the same file name
    // pyrite would use (the repo-relative path).
    let mut script = String::from("import py_compile\n");
    for ((src, pyc), case) in pairs.iter().zip(&cases) {
        script.push_str(&format!(
            "py_compile.compile({:?}, cfile={:?}, dfile={:?}, doraise=True)\n",
            src.to_string_lossy(),
            pyc.to_string_lossy(),
            case.rel_path()
        ));
    }
    let status = Command::new("python3")
        .args(["-c", &script])
        .status()
        .expect("python3 runs");
    assert!(status.success(), "py_compile failed");
    let (mut passed, mut problems) = (0, Vec::new());
    for ((_, pyc), case) in pairs.iter().zip(&cases) {
        let got = outcome(
            Command::new(env!("CARGO_BIN_EXE_pyrite"))
                .arg("run")
                .arg(pyc)
                .current_dir(pyc.parent().expect("dir")),
        );
        match matches_record(case, &got) {
            Ok(()) => passed += 1,
            Err(why) if !known.contains(&case.id()) => {
                problems.push(format!("{}: {why}", case.id()))
            }
            Err(_) => {}
        }
    }
    println!(
        "{passed} of {} cases run from CPython's .pyc like CPython",
        cases.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn cpython_runs_our_pyc() {
    if !python311() {
        eprintln!("note: python3 3.11 not available; skipping");
        return;
    }
    let dir = temp_dir("ours");
    let cases = corpus::all();
    let (mut passed, mut problems) = (0, Vec::new());
    // Code objects compare as `==` does, except that float constants
    // compare by their bits: a NaN constant is never `==` to another NaN
    // object, even between two of CPython's own compilations.
    let mut check = String::from(
        "import marshal, struct\n\
         def key(c):\n\
         \x20   if type(c) is float: return ('f', struct.pack('<d', c))\n\
         \x20   if type(c) is complex: return ('c', struct.pack('<dd', c.real, c.imag))\n\
         \x20   if type(c) is tuple: return ('t',) + tuple(key(x) for x in c)\n\
         \x20   if type(c) is frozenset: return ('s', frozenset(key(x) for x in c))\n\
         \x20   if hasattr(c, 'co_code'): return ('code', c.replace(co_consts=()), tuple(key(x) for x in c.co_consts))\n\
         \x20   return (type(c).__name__, c)\n\
         bad = []\n",
    );
    for case in &cases {
        let folder = mirror_folder(case, &dir);
        let src = repo_root().join(case.rel_path());
        let pyc = folder.join(
            Path::new(&case.rel_path())
                .with_extension("pyc")
                .file_name()
                .expect("name"),
        );
        let source = std::fs::read_to_string(&src).expect("source");
        let code = pyrite_compiler::compile(&source, &case.rel_path()).expect("compiles");
        std::fs::write(&pyc, marshal::write_pyc(&code, 0, source.len() as u32)).expect("write");
        let got = outcome(
            Command::new("python3")
                .env("PYTHONHASHSEED", "0")
                .arg(&pyc)
                .current_dir(&folder),
        );
        match matches_record(case, &got) {
            Ok(()) => passed += 1,
            Err(why) => problems.push(format!("{}: {why}", case.id())),
        }
        check.push_str(&format!(
            "ours = marshal.loads(open({:?}, 'rb').read()[16:])\n\
             theirs = compile(open({:?}, 'rb').read(), {:?}, 'exec', dont_inherit=True)\n\
             if key(ours) != key(theirs): bad.append({:?})\n",
            pyc.to_string_lossy(),
            src.to_string_lossy(),
            case.rel_path(),
            case.id()
        ));
    }
    check.push_str("print(len(bad)); print('\\n'.join(bad))\n");
    // The script grows with the corpus: pass it on stdin, not as an
    // argument (which the OS limits in size).
    let mut child = Command::new("python3")
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(check.as_bytes())
            .expect("write the check script");
    }
    let out = child.wait_with_output().expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let unequal: usize = lines
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    println!(
        "{passed} of {} cases: our .pyc runs under python3 like CPython; \
         {} of {} code objects equal python3's compile()",
        cases.len(),
        cases.len().saturating_sub(unequal),
        cases.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
    for l in lines.filter(|l| !l.is_empty()) {
        problems.push(format!("{l}: marshal.loads(ours) != compile()"));
    }
    assert!(
        unequal != usize::MAX,
        "python3 check failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn stdlib_pycs_round_trip() {
    if !python311() {
        eprintln!("note: python3 3.11 not available; skipping");
        return;
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .expect("python3 runs");
    let stdlib = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let mut pycs = Vec::new();
    let mut stack = vec![stdlib];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                if e.file_name() != "site-packages" {
                    stack.push(p);
                }
            } else if p.to_string_lossy().ends_with(".cpython-311.pyc") {
                pycs.push(p);
            }
        }
    }
    let (mut loaded, mut problems) = (0, Vec::new());
    for p in &pycs {
        let Ok(bytes) = std::fs::read(p) else {
            continue;
        };
        match marshal::read_pyc(&bytes) {
            Ok((_, code)) => {
                loaded += 1;
                let again = marshal::loads_code(&marshal::dumps(&code));
                match again {
                    Ok(c) if c == code => {}
                    _ => problems.push(format!("{}: dump and reload differ", p.display())),
                }
                // The runtime quickens it (and every nested code object),
                // which verifies its stack depths: CPython's code must pass.
                if let Err(e) = pyrite_runtime::code::Code::new(std::rc::Rc::new(code)) {
                    problems.push(format!("{}: bad code object: {}", p.display(), e.0));
                }
            }
            Err(e) => problems.push(format!("{}: {e}", p.display())),
        }
    }
    println!(
        "{loaded} of {} stdlib .pyc files load, round-trip and quicken",
        pycs.len()
    );
    assert_eq!(loaded, pycs.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

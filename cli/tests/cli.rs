//! The `pyrite` binary: behaviour checked against python3 (CPython 3.11).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pyrite(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("pyrite runs")
}

fn python(args: &[&str], dir: &Path) -> Output {
    Command::new("python3")
        .args(args)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("python3 runs")
}

fn have_python311() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).starts_with("Python 3.11."))
        .unwrap_or(false)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrite-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SOURCE: &str = "\
import os
x = {'a': 1.5, 'b': 2j}
def f(a, b=3, *c, d, **e):
    \"\"\"doc\"\"\"
    try:
        return [i * a for i in c if i in {1, 2, 3}]
    except ValueError as err:
        print(f'{err!r:>10}')
    finally:
        del x
class C:
    def m(self): return lambda: self
";

/// A CPython .pyc of SOURCE, compiled with the same file name python3
/// would use.
fn make_pyc(dir: &Path) -> PathBuf {
    std::fs::write(dir.join("m.py"), SOURCE).unwrap();
    let out = python(
        &[
            "-c",
            "import py_compile; py_compile.compile('m.py', cfile='m.pyc')",
        ],
        dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir.join("m.pyc")
}

fn normalize(text: &[u8]) -> String {
    pyrite_compiler::dis::normalize_addresses(&String::from_utf8_lossy(text))
}

#[test]
fn dis_of_a_pyc_matches_cpython() {
    if !have_python311() {
        return;
    }
    let dir = temp_dir("pyc");
    make_pyc(&dir);
    let ours = pyrite(&["dis", "m.pyc"], &dir);
    assert!(ours.status.success());
    let theirs = python(
        &[
            "-c",
            "import dis, marshal; dis.dis(marshal.loads(open('m.pyc', 'rb').read()[16:]))",
        ],
        &dir,
    );
    assert_eq!(normalize(&ours.stdout), normalize(&theirs.stdout));

    let compare = pyrite(&["dis", "--compare", "m.pyc"], &dir);
    assert_eq!(
        compare.status.code(),
        Some(0),
        "{}",
        normalize(&compare.stdout)
    );
    assert!(compare.stdout.is_empty());
}

#[test]
fn dis_info_of_a_pyc_matches_cpython() {
    if !have_python311() {
        return;
    }
    let dir = temp_dir("info");
    make_pyc(&dir);
    let ours = pyrite(&["dis", "--info", "m.pyc"], &dir);
    assert!(ours.status.success());
    let theirs = python(
        &[
            "-c",
            // The layout of docs/code_info_format.md.
            "import dis, marshal\n\
             blocks = []\n\
             def visit(co):\n\
             \x20   blocks.append('# code object %d: %s (line %d)\\n' % (len(blocks), co.co_qualname, co.co_firstlineno) + dis.code_info(co) + '\\n')\n\
             \x20   for c in co.co_consts:\n\
             \x20       if hasattr(c, 'co_code'): visit(c)\n\
             visit(marshal.loads(open('m.pyc', 'rb').read()[16:]))\n\
             print('\\n'.join(blocks), end='')",
        ],
        &dir,
    );
    assert_eq!(normalize(&ours.stdout), normalize(&theirs.stdout));
}

#[test]
fn missing_file_is_reported_like_python() {
    let dir = temp_dir("missing");
    let out = pyrite(&["dis", "nope.py"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "pyrite: can't open file 'nope.py': [Errno 2] No such file or directory\n"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn syntax_error_exits_1_with_a_rendered_error() {
    let dir = temp_dir("syntax");
    std::fs::write(dir.join("bad.py"), "x = (\n").unwrap();
    let out = pyrite(&["dis", "bad.py"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("  File \"bad.py\", line"), "{err}");
    assert!(err.contains("Error: "), "{err}");
}

#[test]
fn run_prints_and_exits_like_python() {
    let dir = temp_dir("run");
    std::fs::write(dir.join("ok.py"), "print('hi', 1 + 2)\n").unwrap();
    let out = pyrite(&["run", "ok.py"], &dir);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hi 3\n");
    std::fs::write(
        dir.join("bad.py"),
        "def f():\n    raise KeyError('k')\nf()\n",
    )
    .unwrap();
    let out = pyrite(&["run", "bad.py"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(err.ends_with("KeyError: 'k'\n"), "{err}");
    let out = pyrite(&["run", "missing.py"], &dir);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn dash_c_runs_code_like_python() {
    if !have_python311() {
        return;
    }
    let dir = temp_dir("dash-c");
    for code in [
        "import sys; print(sys.argv, __name__, 6 * 7)",
        "print('before'); 1/0",
        "import sys; sys.exit(3)",
        "def f(:",
    ] {
        let ours = pyrite(&["-c", code, "x", "-y"], &dir);
        let theirs = python(&["-c", code, "x", "-y"], &dir);
        assert_eq!(ours.stdout, theirs.stdout, "stdout of -c {code:?}");
        assert_eq!(
            ours.status.code(),
            theirs.status.code(),
            "status of -c {code:?}"
        );
        assert_eq!(
            String::from_utf8_lossy(&ours.stderr).lines().last(),
            String::from_utf8_lossy(&theirs.stderr).lines().last(),
            "last stderr line of -c {code:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Run `script` in `dir` until it prints its first line, then send it
/// SIGINT; gives its output once it has ended.
#[cfg(unix)]
fn interrupted(mut cmd: Command, dir: &Path) -> Output {
    use std::io::BufRead;
    let mut child = cmd
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    // SAFETY: signalling our own child, which has not been waited for.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let mut out = child.wait_with_output().expect("ends");
    out.stdout = (first + &rest).into_bytes();
    out
}

#[cfg(unix)]
#[test]
fn ctrl_c_raises_keyboard_interrupt_like_python() {
    use std::os::unix::process::ExitStatusExt;
    if !have_python311() {
        return;
    }
    let dir = temp_dir("sigint");
    // Uncaught, through a finally (the process then dies of SIGINT, as
    // CPython's does), and caught.
    let uncaught = "try:\n    print('ready', flush=True)\n    while True:\n        pass\nfinally:\n    print('finally')\n";
    let caught = "import sys\ntry:\n    print('ready', flush=True)\n    while True:\n        pass\nexcept KeyboardInterrupt as e:\n    print('caught', repr(e))\n    sys.exit(3)\n";
    for (name, source) in [("uncaught.py", uncaught), ("caught.py", caught)] {
        std::fs::write(dir.join(name), source).unwrap();
        let mut ours = Command::new(env!("CARGO_BIN_EXE_pyrite"));
        ours.args(["run", name]);
        let mut theirs = Command::new("python3");
        theirs.arg(name);
        let (ours, theirs) = (interrupted(ours, &dir), interrupted(theirs, &dir));
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&theirs.stdout),
            "{name}"
        );
        assert_eq!(ours.status.code(), theirs.status.code(), "{name}");
        assert_eq!(ours.status.signal(), theirs.status.signal(), "{name}");
        assert_eq!(
            String::from_utf8_lossy(&ours.stderr).lines().last(),
            String::from_utf8_lossy(&theirs.stderr).lines().last(),
            "{name}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn corrupt_pyc_is_refused_with_one_line() {
    if !have_python311() {
        eprintln!("note: python3 3.11 not available; skipping");
        return;
    }
    let dir = temp_dir("corrupt");
    let pyc = make_pyc(&dir);
    let mut bytes = std::fs::read(&pyc).unwrap();
    // The module's co_code follows the 16-byte header and the marshal
    // code header; find its first LOAD_CONST (RESUME 0 then LOAD_CONST 0
    // for `import os`) and point it past the constants.
    let at = bytes
        .windows(4)
        .position(|w| w == [151, 0, 100, 0])
        .expect("RESUME 0; LOAD_CONST 0");
    bytes[at + 3] = 200;
    std::fs::write(&pyc, bytes).unwrap();
    let out = pyrite(&["run", "m.pyc"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("pyrite: bad code object: LOAD_CONST refers to constant 200")
            && err.lines().count() == 1,
        "{err}"
    );
}

//! Syntax errors that pyrite reports exactly as CPython 3.11 does (message,
//! line and column), checked against python3's `compile()`. Errors from the
//! parser proper still often say only "invalid syntax"; these are the ones
//! CPython's tokenizer and compiler report, which pyrite reproduces.

use std::process::Command;

const CASES: &[&str] = &[
    "x = (1,\ny = 2\n",
    "def f(:\n",
    "print((1,\n  2]\n",
    "f(a, (b,\nc d\n",
    "x = 1)\n",
    "x = [1, 2)\n",
    "x = [1,\n 2)\n",
    "x = \"abc\n",
    "x = \"\"\"abc\n\n",
    "s = f'abc\n",
    "def f():\n    x = {'a': (1, 2]}\n",
    "x = 1\nreturn x\n",
    "break\n",
    "def f():\n    nonlocal q\n",
    "class C:\n    def f(self):\n        yield from g\n        return 1\n    x = await y\n",
    "f(a=1, a=2)\n",
];

#[test]
fn errors_match_python() {
    let version = Command::new("python3").arg("--version").output();
    let Ok(version) = version else {
        eprintln!("note: python3 not found; skipping");
        return;
    };
    if !String::from_utf8_lossy(&version.stdout).starts_with("Python 3.11") {
        eprintln!("note: python3 is not 3.11; skipping");
        return;
    }
    let deep = format!("x = {}{}\n", "(".repeat(201), ")".repeat(201));
    let mut cases: Vec<String> = CASES.iter().map(|s| s.to_string()).collect();
    cases.push(deep);
    let script = "import sys, json\n\
        for src in json.load(sys.stdin):\n\
        \x20   try:\n\
        \x20       compile(src, 'x.py', 'exec'); print('OK')\n\
        \x20   except SyntaxError as e:\n\
        \x20       print(type(e).__name__, e.lineno, e.offset, e.msg)\n";
    let json = format!(
        "[{}]",
        cases
            .iter()
            .map(|c| format!("{:?}", c).replace("\\'", "'"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(json.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("python3 output");
    let expected: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(expected.len(), cases.len(), "python3 answered every case");
    for (src, want) in cases.iter().zip(expected) {
        let got = match pyrite_compiler::compile(src, "x.py") {
            Ok(_) => "OK".to_string(),
            Err(e) => format!("{} {} {} {}", e.kind.name(), e.lineno, e.offset, e.msg),
        };
        assert_eq!(got, want, "source: {src:?}");
    }
}

//! The `posix` module: the operating-system calls that `os`, `os.path`
//! and `io` (written in Python, `lib/`) are built on. Files opened here
//! live in a per-thread table keyed by their descriptor number, so the
//! rest of the runtime passes plain ints around, as CPython does.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};

use crate::dict::Dict;
use crate::error::{PyErr, PyResult};
use crate::object::Object;
use crate::protocol::struct_seq;
use crate::value::Value;
use crate::Interpreter;

use super::Kwargs;

// Linux's open(2) flags, as CPython's posix module exports them.
const O_RDONLY: i64 = 0;
const O_WRONLY: i64 = 1;
const O_RDWR: i64 = 2;
const O_CREAT: i64 = 0o100;
const O_EXCL: i64 = 0o200;
const O_TRUNC: i64 = 0o1000;
const O_APPEND: i64 = 0o2000;

thread_local! {
    /// Open files by descriptor number.
    static FILES: RefCell<HashMap<i64, File>> = RefCell::new(HashMap::new());
}

pub fn module(interp: &mut Interpreter) -> Value {
    let mut env = Dict::new();
    for (k, v) in std::env::vars_os() {
        env.set_str(&k.to_string_lossy(), Value::str(&v.to_string_lossy()));
    }
    let values = vec![
        ("environ", Value::obj(Object::Dict(RefCell::new(env)))),
        ("O_RDONLY", Value::Int(O_RDONLY)),
        ("O_WRONLY", Value::Int(O_WRONLY)),
        ("O_RDWR", Value::Int(O_RDWR)),
        ("O_CREAT", Value::Int(O_CREAT)),
        ("O_EXCL", Value::Int(O_EXCL)),
        ("O_TRUNC", Value::Int(O_TRUNC)),
        ("O_APPEND", Value::Int(O_APPEND)),
        ("SEEK_SET", Value::Int(0)),
        ("SEEK_CUR", Value::Int(1)),
        ("SEEK_END", Value::Int(2)),
    ];
    super::builtin_module(
        interp,
        "posix",
        &[
            ("getcwd", getcwd),
            ("listdir", listdir),
            ("stat", stat),
            ("lstat", lstat),
            ("fstat", fstat),
            ("remove", remove),
            ("unlink", remove),
            ("rmdir", rmdir),
            ("mkdir", mkdir),
            ("rename", rename),
            ("replace", rename),
            ("open", open),
            ("read", read),
            ("write", write),
            ("lseek", lseek),
            ("close", close),
            ("isatty", isatty),
            ("getpid", getpid),
            ("strerror", strerror),
            ("uname", uname),
        ],
        values,
    )
}

// ----- errors -----------------------------------------------------------------------

/// The C library's message for an errno, without Rust's " (os error N)".
fn errno_message(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    match text.rfind(" (os error") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// An OSError (the subclass CPython picks for its errno) for a failed
/// call on `filename`: `[Errno 2] No such file or directory: 'x'`.
pub fn os_error(interp: &Interpreter, errno: i32, filename: Option<&Value>) -> PyErr {
    let name = crate::builtins::errors::oserror_subclass(errno as i64).unwrap_or("OSError");
    let mut args = vec![Value::Int(errno as i64), Value::str(&errno_message(errno))];
    if let Some(f) = filename {
        args.push(f.clone());
    }
    PyErr(interp.exception(&interp.types.exception(name), args))
}

fn io_error(interp: &Interpreter, e: &std::io::Error, filename: Option<&Value>) -> PyErr {
    match e.raw_os_error() {
        Some(errno) => os_error(interp, errno, filename),
        None => interp.err("OSError", e.to_string()),
    }
}

// ----- arguments --------------------------------------------------------------------

/// What a path parameter accepts, for the TypeError of anything else.
const PATH: &str = "string, bytes or os.PathLike";
const PATH_OR_FD: &str = "string, bytes, os.PathLike or integer";
const PATH_FD_OR_NONE: &str = "string, bytes, os.PathLike, integer or None";

/// The path argument `param` of `func`: str, bytes, or an object with
/// `__fspath__`; `accepts` names what the TypeError says it takes.
fn path_arg(
    interp: &mut Interpreter,
    func: &str,
    param: &str,
    accepts: &str,
    v: &Value,
) -> PyResult<String> {
    let path = match v.as_object() {
        Some(Object::Str(s)) => Some(s.as_str().to_string()),
        Some(Object::Bytes(b)) => Some(String::from_utf8_lossy(b).into_owned()),
        _ => match interp.type_of(v).lookup_special("__fspath__") {
            Some(f) => match interp.call(&f, vec![v.clone()], Vec::new())?.as_object() {
                Some(Object::Str(s)) => Some(s.as_str().to_string()),
                _ => None,
            },
            None => None,
        },
    };
    match path {
        Some(p) if p.contains('\0') => Err(interp.value_error("embedded null byte")),
        Some(p) => Ok(p),
        None => Err(interp.type_error(format!(
            "{func}: {param} should be {accepts}, not {}",
            interp.type_name(v)
        ))),
    }
}

fn int_arg(interp: &Interpreter, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(b.get() as i64),
        Value::Obj(o) if matches!(&**o, Object::BigInt(_)) => {
            Err(interp.err("OverflowError", "Python int too large to convert to C long"))
        }
        _ => Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(v)
        ))),
    }
}

/// Exactly `min..=max` positional arguments for `func`.
fn arity<'a>(
    interp: &Interpreter,
    func: &str,
    args: &'a [Value],
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if (min..=max).contains(&args.len()) {
        return Ok(args);
    }
    let n = args.len();
    Err(interp.type_error(if n < min {
        format!("{func}() missing required argument (pos {})", n + 1)
    } else {
        let s = if max == 1 { "" } else { "s" };
        format!("{func}() takes at most {max} argument{s} ({n} given)")
    }))
}

// ----- the file system --------------------------------------------------------------

fn getcwd(interp: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    match std::env::current_dir() {
        Ok(p) => Ok(Value::str(&p.to_string_lossy())),
        Err(e) => Err(io_error(interp, &e, None)),
    }
}

fn listdir(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let args = arity(interp, "listdir", args, 0, 1)?;
    let dir = match args.first() {
        Some(p) if !p.is_none() => path_arg(interp, "listdir", "path", PATH_FD_OR_NONE, p)?,
        _ => ".".to_string(),
    };
    let entries =
        std::fs::read_dir(&dir).map_err(|e| io_error(interp, &e, Some(&Value::str(&dir))))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io_error(interp, &e, Some(&Value::str(&dir))))?;
        names.push(Value::str(&entry.file_name().to_string_lossy()));
    }
    Ok(Value::obj(Object::List(RefCell::new(names))))
}

/// `os.stat_result` as a struct sequence (the times as floats).
fn stat_result(m: &Metadata) -> Value {
    const FIELDS: &[&str] = &[
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime",
        "st_mtime", "st_ctime",
    ];
    #[cfg(unix)]
    let items = {
        use std::os::unix::fs::MetadataExt;
        let time = |s: i64, ns: i64| Value::float(s as f64 + ns as f64 * 1e-9);
        vec![
            Value::Int(m.mode() as i64),
            Value::Int(m.ino() as i64),
            Value::Int(m.dev() as i64),
            Value::Int(m.nlink() as i64),
            Value::Int(m.uid() as i64),
            Value::Int(m.gid() as i64),
            Value::Int(m.size() as i64),
            time(m.atime(), m.atime_nsec()),
            time(m.mtime(), m.mtime_nsec()),
            time(m.ctime(), m.ctime_nsec()),
        ]
    };
    #[cfg(not(unix))]
    let items = {
        let mode = if m.is_dir() { 0o040755 } else { 0o100644 };
        let mut items = vec![Value::Int(mode)];
        items.extend([0, 0, 1, 0, 0].map(Value::Int));
        items.push(Value::Int(m.len() as i64));
        items.extend([0.0, 0.0, 0.0].map(Value::float));
        items
    };
    struct_seq(items, FIELDS, "os.stat_result")
}

fn stat_path(
    interp: &mut Interpreter,
    func: &str,
    args: &[Value],
    follow: bool,
) -> PyResult<Value> {
    let args = arity(interp, func, args, 1, 1)?;
    let accepts = if follow { PATH_OR_FD } else { PATH };
    let path = path_arg(interp, func, "path", accepts, &args[0])?;
    let m = if follow {
        std::fs::metadata(&path)
    } else {
        std::fs::symlink_metadata(&path)
    };
    match m {
        Ok(m) => Ok(stat_result(&m)),
        Err(e) => Err(io_error(interp, &e, Some(&args[0]))),
    }
}

fn stat(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    stat_path(interp, "stat", args, true)
}

fn lstat(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    stat_path(interp, "lstat", args, false)
}

/// Run `f` on a path argument; an I/O error names the path.
fn on_path(
    interp: &mut Interpreter,
    func: &str,
    args: &[Value],
    f: impl FnOnce(&str) -> std::io::Result<()>,
) -> PyResult<Value> {
    let param = if func == "rename" { "src" } else { "path" };
    let path = path_arg(interp, func, param, PATH, &args[0])?;
    f(&path).map_err(|e| io_error(interp, &e, Some(&args[0])))?;
    Ok(Value::None)
}

fn remove(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let args = arity(interp, "remove", args, 1, 1)?;
    on_path(interp, "remove", args, |p| {
        // unlink(2) refuses directories with EISDIR; Rust's remove_file
        // would report EISDIR too, but make the errno explicit.
        if std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()) {
            return Err(std::io::Error::from_raw_os_error(21));
        }
        std::fs::remove_file(p)
    })
}

fn rmdir(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let args = arity(interp, "rmdir", args, 1, 1)?;
    on_path(interp, "rmdir", args, |p| std::fs::remove_dir(p))
}

fn mkdir(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let args = arity(interp, "mkdir", args, 1, 2)?;
    on_path(interp, "mkdir", args, |p| std::fs::create_dir(p))
}

fn rename(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let args = arity(interp, "rename", args, 2, 2)?;
    let to = path_arg(interp, "rename", "dst", PATH, &args[1])?;
    on_path(interp, "rename", args, |p| std::fs::rename(p, &to))
}

// ----- file descriptors -------------------------------------------------------------

/// `open(path, flags, mode=0o777)`: a new descriptor.
fn open(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let args = arity(interp, "open", args, 2, 3)?;
    let path = path_arg(interp, "open", "path", PATH, &args[0])?;
    let flags = int_arg(interp, &args[1])?;
    let mut opts = OpenOptions::new();
    match flags & 3 {
        O_WRONLY => opts.write(true),
        O_RDWR => opts.read(true).write(true),
        _ => opts.read(true),
    };
    if flags & O_APPEND != 0 {
        opts.append(true);
    }
    if flags & O_TRUNC != 0 {
        opts.truncate(true);
    }
    if flags & O_CREAT != 0 {
        if flags & O_EXCL != 0 {
            opts.create_new(true);
        } else {
            opts.create(true);
        }
    }
    #[cfg(unix)]
    if let Some(mode) = args.get(2) {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(int_arg(interp, mode)? as u32);
    }
    let file = opts
        .open(&path)
        .map_err(|e| io_error(interp, &e, Some(&args[0])))?;
    let fd = descriptor(&file);
    FILES.with(|f| f.borrow_mut().insert(fd, file));
    Ok(Value::Int(fd))
}

#[cfg(unix)]
fn descriptor(file: &File) -> i64 {
    use std::os::unix::io::AsRawFd;
    file.as_raw_fd() as i64
}

#[cfg(not(unix))]
fn descriptor(_: &File) -> i64 {
    thread_local!(static NEXT: std::cell::Cell<i64> = const { std::cell::Cell::new(3) });
    NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get() - 1
    })
}

/// Run `f` on the open file `fd`; EBADF when there is none.
fn with_file<T>(
    interp: &mut Interpreter,
    fd: &Value,
    f: impl FnOnce(&mut File) -> std::io::Result<T>,
) -> PyResult<T> {
    let fd = int_arg(interp, fd)?;
    let r = FILES.with(|files| files.borrow_mut().get_mut(&fd).map(f));
    match r {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) => Err(io_error(interp, &e, None)),
        None => Err(os_error(interp, 9, None)),
    }
}

/// `read(fd, n)`: up to n bytes (fewer at the end of the file).
fn read(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let args = arity(interp, "read", args, 2, 2)?;
    let n = int_arg(interp, &args[1])?;
    if n < 0 {
        return Err(interp.value_error("negative count"));
    }
    if let Value::Int(0) = args[0] {
        // A short read is allowed: never allocate more than a chunk.
        let mut buf = vec![0; n.min(1 << 16) as usize];
        let got = std::io::stdin()
            .read(&mut buf)
            .map_err(|e| io_error(interp, &e, None))?;
        buf.truncate(got);
        return Ok(Value::obj(Object::Bytes(buf.into())));
    }
    let data = with_file(interp, &args[0], |f| {
        let mut buf = Vec::new();
        f.take(n as u64).read_to_end(&mut buf)?;
        Ok(buf)
    })?;
    Ok(Value::obj(Object::Bytes(data.into())))
}

/// `write(fd, data)`: the number of bytes written.
fn write(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let args = arity(interp, "write", args, 2, 2)?;
    let data: Vec<u8> = match args[1].as_object() {
        Some(Object::Bytes(b)) => b.to_vec(),
        Some(Object::ByteArray(b)) => b.borrow().clone(),
        _ => {
            return Err(interp.type_error(format!(
                "a bytes-like object is required, not '{}'",
                interp.type_name(&args[1])
            )))
        }
    };
    match args[0] {
        Value::Int(1) => {
            let _ = interp.out.write_all(&data);
            return Ok(Value::Int(data.len() as i64));
        }
        Value::Int(2) => {
            let _ = interp.out.flush();
            let _ = std::io::stderr().write_all(&data);
            return Ok(Value::Int(data.len() as i64));
        }
        _ => {}
    }
    with_file(interp, &args[0], |f| f.write_all(&data))?;
    Ok(Value::Int(data.len() as i64))
}

/// `lseek(fd, pos, how)`: the new position.
fn lseek(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let args = arity(interp, "lseek", args, 3, 3)?;
    let pos = int_arg(interp, &args[1])?;
    let how = int_arg(interp, &args[2])?;
    let to = match how {
        0 if pos >= 0 => SeekFrom::Start(pos as u64),
        0 => return Err(os_error(interp, 22, None)),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => return Err(os_error(interp, 22, None)),
    };
    let at = with_file(interp, &args[0], |f| f.seek(to))?;
    Ok(Value::Int(at as i64))
}

fn close(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let args = arity(interp, "close", args, 1, 1)?;
    let fd = int_arg(interp, &args[0])?;
    match FILES.with(|f| f.borrow_mut().remove(&fd)) {
        Some(file) => {
            drop(file);
            Ok(Value::None)
        }
        None => Err(os_error(interp, 9, None)),
    }
}

fn fstat(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let args = arity(interp, "fstat", args, 1, 1)?;
    let m = with_file(interp, &args[0], |f| f.metadata())?;
    Ok(stat_result(&m))
}

fn isatty(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    use std::io::IsTerminal;
    let args = arity(interp, "isatty", args, 1, 1)?;
    Ok(Value::bool(match int_arg(interp, &args[0])? {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => false,
    }))
}

fn getpid(_: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

/// `os.uname()`: a `posix.uname_result` read from /proc/sys/kernel (what
/// uname(2) reports on Linux); the machine is the architecture pyrite was
/// built for.
fn uname(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(interp.type_error(format!(
            "posix.uname() takes no arguments ({} given)",
            args.len()
        )));
    }
    const FIELDS: &[&str] = &["sysname", "nodename", "release", "version", "machine"];
    let kernel = |name: &str| {
        std::fs::read_to_string(format!("/proc/sys/kernel/{name}"))
            .map(|s| s.trim_end_matches('\n').to_string())
            .ok()
    };
    let sysname = kernel("ostype").unwrap_or_else(|| {
        let os = std::env::consts::OS;
        match os {
            "macos" => "Darwin".to_string(),
            _ => os[..1].to_uppercase() + &os[1..],
        }
    });
    let items = vec![
        Value::str(&sysname),
        Value::str(&kernel("hostname").unwrap_or_default()),
        Value::str(&kernel("osrelease").unwrap_or_default()),
        Value::str(&kernel("version").unwrap_or_default()),
        Value::str(std::env::consts::ARCH),
    ];
    Ok(struct_seq(items, FIELDS, "posix.uname_result"))
}

fn strerror(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let args = arity(interp, "strerror", args, 1, 1)?;
    let code = int_arg(interp, &args[0])?;
    Ok(Value::str(&errno_message(code as i32)))
}

//! `sys.stdin`, `sys.stdout` and `sys.stderr`: file objects of classes
//! named as CPython's (`_io.TextIOWrapper`, whose `buffer` is an
//! `_io.BufferedWriter` or `_io.BufferedReader`), made by the runtime.
//! Each instance keeps its file descriptor in a hidden slot; stdout
//! writes go through the interpreter's buffered output (the one `print`
//! uses), stderr writes straight to the process's stderr.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{BuiltinFn, Instance, Object};
use crate::types::TypeObject;
use crate::value::Value;
use crate::Interpreter;

use super::Kwargs;

const TEXT_METHODS: &[(&str, BuiltinFn)] = &[
    ("write", text_write),
    ("flush", flush),
    ("fileno", fileno),
    ("isatty", isatty),
    ("readable", readable),
    ("writable", writable),
    ("seekable", seekable),
    ("read", text_read),
    ("readline", text_readline),
    ("__repr__", text_repr),
];

const BUFFER_METHODS: &[(&str, BuiltinFn)] = &[
    ("write", buffer_write),
    ("flush", flush),
    ("fileno", fileno),
    ("isatty", isatty),
    ("readable", readable),
    ("writable", writable),
    ("seekable", seekable),
    ("read", buffer_read),
    ("readline", buffer_readline),
    ("__repr__", buffer_repr),
];

/// The three streams: (stdin, stdout, stderr).
pub fn streams(interp: &Interpreter) -> (Value, Value, Value) {
    let object = &interp.types.object;
    let class = |name, owner, methods| {
        crate::typecall::rust_class(object, name, "_io", owner, methods, 1, true)
    };
    let text = class("TextIOWrapper", "TextIOWrapper", TEXT_METHODS);
    let writer = class("BufferedWriter", "BufferedWriter", BUFFER_METHODS);
    let reader = class("BufferedReader", "BufferedReader", BUFFER_METHODS);
    // Under `python3 -u` (PYTHONUNBUFFERED) the binary layer of stdout and
    // stderr is the raw FileIO.
    let unbuffered = std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty());
    let raw = class("FileIO", "FileIO", BUFFER_METHODS);
    let stream = |fd: i64, name: &str, mode: &str, errors: &str| {
        let buffer = match fd {
            0 => new_file(&reader, fd, vec![]),
            _ if unbuffered => new_file(&raw, fd, vec![]),
            _ => new_file(&writer, fd, vec![]),
        };
        new_file(
            &text,
            fd,
            vec![
                ("name", Value::str(name)),
                ("mode", Value::str(mode)),
                ("encoding", Value::str("utf-8")),
                ("errors", Value::str(errors)),
                ("buffer", buffer),
            ],
        )
    };
    (
        stream(0, "<stdin>", "r", "strict"),
        stream(1, "<stdout>", "w", "strict"),
        stream(2, "<stderr>", "w", "backslashreplace"),
    )
}

/// An instance of `cls` for file descriptor `fd` with `attrs` in its dict.
fn new_file(cls: &Rc<TypeObject>, fd: i64, attrs: Vec<(&str, Value)>) -> Value {
    let inst = Instance::new(cls);
    if let Some(slot) = inst.slots.borrow_mut().first_mut() {
        *slot = Value::Int(fd);
    }
    if let Some(d) = &inst.dict {
        for (k, v) in attrs {
            crate::eval::dict_set(d, Value::str(k), v);
        }
    }
    Value::obj(Object::Instance(inst))
}

/// The file descriptor of the stream a method was called on.
fn fd_of(interp: &Interpreter, args: &[Value], method: &str) -> PyResult<i64> {
    if let Some(Object::Instance(i)) = args.first().and_then(Value::as_object) {
        if let Some(Value::Int(fd)) = i.slots.borrow().first() {
            return Ok(*fd);
        }
    }
    Err(interp.type_error(format!(
        "descriptor '{method}' requires a file object of sys"
    )))
}

/// CPython raises io.UnsupportedOperation (an OSError and a ValueError);
/// pyrite raises OSError with its message.
fn not_supported(interp: &Interpreter, what: &str) -> crate::error::PyErr {
    interp.err("OSError", what.to_string())
}

fn write_bytes(interp: &mut Interpreter, fd: i64, bytes: &[u8]) -> PyResult<()> {
    match fd {
        1 => {
            let _ = interp.out.write_all(bytes);
        }
        2 => {
            let _ = interp.out.flush();
            let _ = std::io::stderr().write_all(bytes);
        }
        _ => return Err(not_supported(interp, "not writable")),
    }
    Ok(())
}

/// The one argument of a stream's `write` (after `self`).
fn write_argument<'a>(interp: &Interpreter, args: &'a [Value]) -> PyResult<&'a Value> {
    match args.get(1..) {
        Some([v]) => Ok(v),
        _ => Err(interp.type_error(format!(
            "write() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
}

/// `write(s)`: the number of characters written.
fn text_write(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let fd = fd_of(interp, args, "write")?;
    let v = write_argument(interp, args)?;
    let s = match v.as_object() {
        Some(Object::Str(s)) => s.as_str().to_string(),
        _ => {
            return Err(interp.type_error(format!(
                "write() argument must be str, not {}",
                interp.type_name(v)
            )))
        }
    };
    write_bytes(interp, fd, s.as_bytes())?;
    Ok(Value::Int(s.chars().count() as i64))
}

/// `buffer.write(b)`: the number of bytes written.
fn buffer_write(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let fd = fd_of(interp, args, "write")?;
    let v = write_argument(interp, args)?;
    let bytes = match v.as_object() {
        Some(Object::Bytes(b)) => b.to_vec(),
        Some(Object::ByteArray(b)) => b.borrow().clone(),
        _ => {
            return Err(interp.type_error(format!(
                "a bytes-like object is required, not '{}'",
                interp.type_name(v)
            )))
        }
    };
    write_bytes(interp, fd, &bytes)?;
    Ok(Value::Int(bytes.len() as i64))
}

fn flush(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    match fd_of(interp, args, "flush")? {
        1 => {
            let _ = interp.out.flush();
        }
        2 => {
            let _ = std::io::stderr().flush();
        }
        _ => {}
    }
    Ok(Value::None)
}

fn fileno(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(fd_of(interp, args, "fileno")?))
}

fn isatty(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let tty = match fd_of(interp, args, "isatty")? {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    };
    Ok(Value::bool(tty))
}

fn readable(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::bool(fd_of(interp, args, "readable")? == 0))
}

fn writable(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::bool(fd_of(interp, args, "writable")? != 0))
}

fn seekable(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    fd_of(interp, args, "seekable")?;
    Ok(Value::bool(false))
}

/// The size argument of read()/readline(): None or negative is "all".
fn size_arg(interp: &mut Interpreter, args: &[Value]) -> PyResult<Option<usize>> {
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => match crate::convert::index(interp, v)? {
            Value::Int(n) if n >= 0 => Ok(Some(n as usize)),
            _ => Ok(None),
        },
    }
}

/// Read from stdin: a line (`line`), or everything, or at most `size`
/// bytes.
fn read_stdin(interp: &mut Interpreter, line: bool, size: Option<usize>) -> PyResult<Vec<u8>> {
    // Prompts written so far come first, as in CPython.
    let _ = interp.out.flush();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let mut buf = Vec::new();
    let r = match (line, size) {
        (true, None) => lock.read_until(b'\n', &mut buf),
        (true, Some(n)) => (&mut lock).take(n as u64).read_until(b'\n', &mut buf),
        (false, None) => lock.read_to_end(&mut buf),
        (false, Some(n)) => (&mut lock).take(n as u64).read_to_end(&mut buf),
    };
    r.map_err(|e| interp.err("OSError", e.to_string()))?;
    Ok(buf)
}

fn text_read_impl(interp: &mut Interpreter, args: &[Value], line: bool) -> PyResult<Value> {
    if fd_of(interp, args, "read")? != 0 {
        return Err(not_supported(interp, "not readable"));
    }
    let size = size_arg(interp, args)?;
    let bytes = read_stdin(interp, line, size)?;
    Ok(Value::str(&String::from_utf8_lossy(&bytes)))
}

fn text_read(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    text_read_impl(interp, args, false)
}

fn text_readline(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    text_read_impl(interp, args, true)
}

fn buffer_read_impl(interp: &mut Interpreter, args: &[Value], line: bool) -> PyResult<Value> {
    if fd_of(interp, args, "read")? != 0 {
        return Err(not_supported(interp, "read"));
    }
    let size = size_arg(interp, args)?;
    let bytes = read_stdin(interp, line, size)?;
    Ok(Value::obj(Object::Bytes(bytes.into())))
}

fn buffer_read(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    buffer_read_impl(interp, args, false)
}

fn buffer_readline(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    buffer_read_impl(interp, args, true)
}

fn stream_name(fd: i64) -> &'static str {
    match fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    }
}

/// `<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>`.
fn text_repr(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let fd = fd_of(interp, args, "__repr__")?;
    let mode = if fd == 0 { "r" } else { "w" };
    Ok(Value::str(&format!(
        "<_io.TextIOWrapper name='{}' mode='{mode}' encoding='utf-8'>",
        stream_name(fd)
    )))
}

/// `<_io.BufferedWriter name='<stdout>'>`, or for the raw layer
/// `<_io.FileIO name='<stdout>' mode='wb' closefd=False>`.
fn buffer_repr(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let fd = fd_of(interp, args, "__repr__")?;
    let class = interp.type_of(&args[0]).name.clone();
    let name = stream_name(fd);
    Ok(Value::str(&if &*class == "FileIO" {
        format!("<_io.FileIO name='{name}' mode='wb' closefd=False>")
    } else {
        format!("<_io.{class} name='{name}'>")
    }))
}

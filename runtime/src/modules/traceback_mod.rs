//! The `traceback` module: the text of an exception's traceback, as the
//! uncaught-exception printer makes it (`crate::traceback`), returned,
//! split into CPython's list entries, or written to a file.

use std::io::Write;
use std::rc::Rc;

use crate::error::PyResult;
use crate::object::Object;
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

pub fn module(interp: &Interpreter) -> Value {
    super::builtin_module(
        interp,
        "traceback",
        &[
            ("format_exc", format_exc),
            ("print_exc", print_exc),
            ("format_exception", format_exception),
            ("print_exception", print_exception),
            ("format_exception_only", format_exception_only),
            ("format_tb", format_tb),
            ("print_tb", print_tb),
        ],
        Vec::new(),
    )
}

/// The two lines that join chained exceptions (one list entry each).
const SEPARATORS: [&str; 2] = [
    "\nThe above exception was the direct cause of the following exception:\n\n",
    "\nDuring handling of the above exception, another exception occurred:\n\n",
];

/// Split traceback text into CPython's list entries: the header, one per
/// frame (its `File` line with the source and caret lines under it), each
/// `[Previous line repeated ...]` line, the separators between chained
/// exceptions, and the exception line.
fn entries(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(sep) = SEPARATORS.iter().find(|s| rest.starts_with(*s)) {
            out.push(sep.to_string());
            rest = &rest[sep.len()..];
            continue;
        }
        let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = &rest[..end];
        match out.last_mut() {
            // Source and caret lines belong to the frame above them.
            Some(last) if line.starts_with("    ") && last.starts_with("  File") => {
                last.push_str(line)
            }
            _ => out.push(line.to_string()),
        }
        rest = &rest[end..];
    }
    out
}

fn list(items: Vec<String>) -> Value {
    let items = items.iter().map(|s| Value::str(s)).collect();
    Value::obj(Object::List(std::cell::RefCell::new(items)))
}

/// The exception of `(exc)` or `(type, value, tb)` arguments.
fn exception_arg(interp: &mut Interpreter, name: &str, args: &[Value]) -> PyResult<Value> {
    match args {
        [exc] | [_, exc] | [_, exc, _] => Ok(exc.clone()),
        _ => Err(interp.type_error(format!(
            "{name}() missing 1 required positional argument: 'exc'"
        ))),
    }
}

/// The full text for `exc` ("NoneType: None" when there is none, as
/// CPython prints it), with the frames `limit` keeps.
fn text_of(interp: &mut Interpreter, exc: &Value, limit: Option<i64>) -> String {
    if exc.is_none() {
        return "NoneType: None\n".into();
    }
    crate::traceback::format_exception_limited(interp, exc, limit)
}

/// The `limit` keyword argument; when it is None, `sys.tracebacklimit`
/// (negative counting as 0), as traceback.StackSummary reads them.
fn limit_arg(interp: &mut Interpreter, kwargs: &Kwargs) -> PyResult<Option<i64>> {
    if let Some((_, v)) = kwargs.iter().find(|(k, _)| &**k == "limit") {
        if !v.is_none() {
            let n = crate::convert::index(interp, v)?;
            return Ok(crate::num::small_int(&n).flatten());
        }
    }
    let modules = super::sys_modules(interp);
    let sys_limit = crate::eval::dict_get_str(&modules, "sys").and_then(|m| match m.as_object() {
        Some(Object::Module(m)) => crate::eval::dict_get_str(&m.dict, "tracebacklimit"),
        _ => None,
    });
    match sys_limit {
        Some(v) if !v.is_none() => {
            let n = crate::convert::index(interp, &v)?;
            Ok(crate::num::small_int(&n).flatten().map(|n| n.max(0)))
        }
        _ => Ok(None),
    }
}

/// Write `text` to the `file` keyword argument, or to stderr.
fn emit(interp: &mut Interpreter, kwargs: &Kwargs, text: &str) -> PyResult<Value> {
    match kwargs.iter().find(|(k, _)| &**k == "file") {
        Some((_, file)) if !file.is_none() => {
            let write = interp.get_attr(file, &Value::str("write"))?;
            interp.call(&write, vec![Value::str(text)], Vec::new())?;
        }
        _ => {
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
    }
    Ok(Value::None)
}

fn format_exc(interp: &mut Interpreter, _: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let exc = interp.handled.clone();
    let limit = limit_arg(interp, kwargs)?;
    Ok(Value::str(&text_of(interp, &exc, limit)))
}

fn print_exc(interp: &mut Interpreter, _: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let exc = interp.handled.clone();
    let limit = limit_arg(interp, kwargs)?;
    let text = text_of(interp, &exc, limit);
    emit(interp, kwargs, &text)
}

fn format_exception(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let exc = exception_arg(interp, "format_exception", args)?;
    let limit = limit_arg(interp, kwargs)?;
    Ok(list(entries(&text_of(interp, &exc, limit))))
}

fn print_exception(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let exc = exception_arg(interp, "print_exception", args)?;
    let limit = limit_arg(interp, kwargs)?;
    let text = text_of(interp, &exc, limit);
    emit(interp, kwargs, &text)
}

fn format_exception_only(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let exc = exception_arg(interp, "format_exception_only", args)?;
    let line = if exc.is_none() {
        "NoneType: None".to_string()
    } else {
        crate::traceback::exception_line(interp, &exc)
    };
    Ok(list(vec![format!("{line}\n")]))
}

/// The frame entries of a traceback object (outermost first).
fn tb_entries(interp: &mut Interpreter, name: &str, args: &[Value]) -> PyResult<Vec<String>> {
    let Some(tb) = args.first() else {
        return Err(interp.type_error(format!(
            "{name}() missing 1 required positional argument: 'tb'"
        )));
    };
    let frames = match tb.as_object() {
        _ if tb.is_none() => Vec::new(),
        Some(Object::Traceback(t)) => t.entries_from_here(),
        _ => {
            return Err(interp.err(
                "AttributeError",
                format!(
                    "'{}' object has no attribute 'tb_frame'",
                    interp.type_name(tb)
                ),
            ))
        }
    };
    let text = crate::traceback::format_frames(&frames);
    Ok(entries(&text))
}

fn format_tb(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(list(tb_entries(interp, "format_tb", args)?))
}

fn print_tb(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let text = tb_entries(interp, "print_tb", args)?.concat();
    emit(interp, kwargs, &text)
}

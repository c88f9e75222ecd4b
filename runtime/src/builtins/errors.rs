//! Exceptions (construction, `str`/`repr`, attributes) and the
//! introspection and code-running built-ins: hash, id, callable,
//! getattr/setattr/hasattr/delattr, globals, locals, vars, dir, exit/quit,
//! input, exec, eval, compile.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use super::Kwargs;
use crate::code::Code;
use crate::dict::Dict;
use crate::error::{PyErr, PyResult};
use crate::object::{Builtin, BuiltinFn, Exception, Object};
use crate::types::{TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

pub const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("hash", hash),
    ("id", id),
    ("callable", callable),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("globals", globals),
    ("locals", locals),
    ("vars", vars),
    ("dir", dir),
    ("exit", exit),
    ("quit", exit),
    ("input", input),
    ("exec", exec),
    ("eval", eval),
    ("compile", compile),
];

/// The name under which `eval` code stores its value (see `eval_source`).
const EVAL_RESULT: &str = "__pyrite_eval_result__";

// ----- exceptions -----------------------------------------------------------

/// Keyword arguments each exception type accepts (BaseException takes none).
fn allowed_kwargs(t: &Rc<TypeObject>) -> &'static [&'static str] {
    let mut cur = Some(t.clone());
    while let Some(c) = cur {
        match &*c.name {
            "ImportError" => return &["name", "path"],
            "AttributeError" => return &["name", "obj"],
            "NameError" => return &["name"],
            _ => cur = c.base.clone(),
        }
    }
    &[]
}

/// Construct an instance of `t` if this module owns its constructor.
pub fn construct(
    interp: &mut Interpreter,
    t: &Rc<TypeObject>,
    args: &[Value],
    kwargs: &Kwargs,
) -> Option<PyResult<Value>> {
    if t.kind != TypeKind::Exception {
        return None;
    }
    if let Some(r) = crate::exc_group::construct(interp, t, args, kwargs) {
        return Some(r);
    }
    Some(new_exception(interp, t, args, kwargs))
}

fn new_exception(
    interp: &mut Interpreter,
    t: &Rc<TypeObject>,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let allowed = allowed_kwargs(t);
    if let Some((k, _)) = kwargs.first() {
        if allowed.is_empty() {
            return Err(interp.type_error(format!("{}() takes no keyword arguments", t.name)));
        }
        if let Some((k, _)) = kwargs.iter().find(|(k, _)| !allowed.contains(&&**k)) {
            return Err(interp.type_error(format!(
                "'{k}' is an invalid keyword argument for {}()",
                t.name
            )));
        }
        let _ = k;
    }
    // OSError(errno, strerror) picks the subclass for well-known errnos.
    let mut typ = t.clone();
    if &*t.name == "OSError" && (2..=5).contains(&args.len()) {
        let errno = match args[0] {
            Value::Int(n) => Some(n),
            _ => None,
        };
        if let Some(name) = errno.and_then(oserror_subclass) {
            typ = interp.types.exception(name);
        }
    }
    let exc = interp.exception(&typ, args.to_vec());
    if let Some(Object::Exception(e)) = exc.as_object() {
        e.attrs.borrow_mut().extend(kwargs.iter().cloned());
    }
    Ok(exc)
}

/// The OSError subclass CPython picks for an errno (Linux numbers).
pub fn oserror_subclass(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        4 => "InterruptedError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

fn args_of(e: &Exception) -> Vec<Value> {
    match e.args.borrow().as_object() {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn is_a(interp: &Interpreter, e: &Exception, name: &str) -> bool {
    e.typ.is_subtype(&interp.types.exception(name))
}

/// `str(exc)`: the exception class's `__str__`.
pub fn exception_str(interp: &mut Interpreter, exc: &Value) -> PyResult<String> {
    match crate::class::call_dunder(interp, exc, "__str__", Vec::new()) {
        Some(r) => r.and_then(|s| expect_str(interp, &s, "__str__")),
        None => default_exception_str(interp, exc),
    }
}

/// What `__str__` / `__repr__` returned, which must be a str.
fn expect_str(interp: &Interpreter, v: &Value, method: &str) -> PyResult<String> {
    match v.as_object() {
        Some(Object::Str(s)) => Ok(s.as_str().to_string()),
        _ => Err(interp.type_error(format!(
            "{method} returned non-string (type {})",
            interp.type_name(v)
        ))),
    }
}

/// BaseException.__str__ and the overrides of KeyError, OSError and
/// SyntaxError.
pub fn default_exception_str(interp: &mut Interpreter, exc: &Value) -> PyResult<String> {
    let Some(Object::Exception(e)) = exc.as_object() else {
        return crate::format::str_of(interp, exc);
    };
    if let Some(s) = crate::exc_group::group_str(interp, exc) {
        return s;
    }
    let args = args_of(e);
    if let Some(s) = crate::format::unicode_error_str(&e.typ.name, &args) {
        return Ok(s);
    }
    if is_a(interp, e, "OSError") && (2..=5).contains(&args.len()) {
        let errno = crate::format::str_of(interp, &args[0])?;
        let strerror = crate::format::str_of(interp, &args[1])?;
        return Ok(match args.get(2).filter(|f| !f.is_none()) {
            Some(f) => format!(
                "[Errno {errno}] {strerror}: {}",
                crate::format::repr(interp, f)?
            ),
            None => format!("[Errno {errno}] {strerror}"),
        });
    }
    if is_a(interp, e, "SyntaxError") {
        if let [msg, Value::Obj(info)] = &args[..] {
            if let Object::Tuple(info) = &**info {
                let msg = crate::format::str_of(interp, msg)?;
                let file = info
                    .first()
                    .map(crate::format::str_value)
                    .unwrap_or_default();
                return Ok(match info.get(1) {
                    Some(Value::Int(line)) => format!("{msg} ({file}, line {line})"),
                    _ => format!("{msg} ({file})"),
                });
            }
        }
    }
    match &args[..] {
        [] => Ok(String::new()),
        [a] if is_a(interp, e, "KeyError") => crate::format::repr(interp, a),
        [a] => crate::format::str_of(interp, a),
        _ => crate::format::repr(interp, &e.args.borrow().clone()),
    }
}

/// The message of a SyntaxError as its last traceback line shows it.
pub fn syntax_error_msg(interp: &mut Interpreter, exc: &Value) -> String {
    match exc.as_object() {
        Some(Object::Exception(e)) => match args_of(e).first() {
            Some(m) => crate::format::str_of(interp, m).unwrap_or_default(),
            None => String::new(),
        },
        _ => String::new(),
    }
}

/// `repr(exc)`: the exception class's `__repr__`.
pub fn exception_repr(interp: &mut Interpreter, exc: &Value) -> PyResult<String> {
    match crate::class::call_dunder(interp, exc, "__repr__", Vec::new()) {
        Some(r) => r.and_then(|s| expect_str(interp, &s, "__repr__")),
        None => default_exception_repr(interp, exc),
    }
}

/// BaseException.__repr__: `Name(arg)` or `Name(arg1, arg2)`.
pub fn default_exception_repr(interp: &mut Interpreter, exc: &Value) -> PyResult<String> {
    let Some(Object::Exception(e)) = exc.as_object() else {
        return crate::format::repr(interp, exc);
    };
    let args = args_of(e);
    let inner = match &args[..] {
        [a] => crate::format::repr(interp, a)?,
        _ => {
            let r = crate::format::repr(interp, &e.args.borrow().clone())?;
            r[1..r.len() - 1].to_string()
        }
    };
    Ok(format!("{}({inner})", e.typ.name))
}

/// Attributes of exception instances beyond `args` and the chaining ones:
/// those set on the instance, then per-type ones derived from the args.
pub fn exception_attr(interp: &mut Interpreter, exc: &Value, name: &str) -> Option<Value> {
    let Some(Object::Exception(e)) = exc.as_object() else {
        return None;
    };
    if let Some((_, v)) = e.attrs.borrow().iter().find(|(k, _)| **k == *name) {
        return Some(v.clone());
    }
    let args = args_of(e);
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
    let v = match name {
        "value" if is_a(interp, e, "StopIteration") => arg(0),
        "code" if is_a(interp, e, "SystemExit") => match args.len() {
            0 | 1 => arg(0),
            _ => e.args.borrow().clone(),
        },
        "errno" | "strerror" | "filename" | "filename2" if is_a(interp, e, "OSError") => {
            if !(2..=5).contains(&args.len()) {
                return Some(Value::None);
            }
            match name {
                "errno" => arg(0),
                "strerror" => arg(1),
                "filename" => arg(2),
                _ => arg(4),
            }
        }
        "msg" if is_a(interp, e, "ImportError") || is_a(interp, e, "SyntaxError") => arg(0),
        // SyntaxError(msg, (filename, lineno, offset, text[, end_lineno,
        // end_offset])) (SyntaxError_init).
        "filename"
        | "lineno"
        | "offset"
        | "text"
        | "end_lineno"
        | "end_offset"
        | "print_file_and_line"
            if is_a(interp, e, "SyntaxError") =>
        {
            let field = [
                "filename",
                "lineno",
                "offset",
                "text",
                "end_lineno",
                "end_offset",
            ]
            .iter()
            .position(|f| *f == name);
            match (args.get(1).and_then(|i| i.as_object()), field) {
                (Some(Object::Tuple(info)), Some(i)) if args.len() == 2 => {
                    info.get(i).cloned().unwrap_or(Value::None)
                }
                _ => Value::None,
            }
        }
        "name" | "path" if is_a(interp, e, "ImportError") => Value::None,
        "name" if is_a(interp, e, "NameError") || is_a(interp, e, "AttributeError") => Value::None,
        "obj" if is_a(interp, e, "AttributeError") => Value::None,
        "__traceback__" => crate::tbobject::chain(&e.traceback.borrow()),
        "with_traceback" => bound(exc, "with_traceback", with_traceback),
        "add_note" => bound(exc, "add_note", add_note),
        "__class__" => Value::obj(Object::Type(e.typ.clone())),
        _ => return crate::exc_group::group_attr(interp, exc, name),
    };
    Some(v)
}

fn bound(owner: &Value, name: &'static str, func: BuiltinFn) -> Value {
    Value::obj(Object::Builtin(Builtin {
        name,
        func,
        bound: Some(owner.clone()),
    }))
}

fn with_traceback(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let [exc, tb] = args else {
        return Err(interp.type_error(format!(
            "BaseException.with_traceback() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    set_exception_attr(interp, exc, "__traceback__", tb.clone())?;
    Ok(exc.clone())
}

fn add_note(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let [exc, note] = args else {
        return Err(interp.type_error(format!(
            "BaseException.add_note() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    if !matches!(note.as_object(), Some(Object::Str(_))) {
        return Err(interp.type_error(format!(
            "note must be a str, not '{}'",
            interp.type_name(note)
        )));
    }
    let notes = match exception_attr(interp, exc, "__notes__") {
        Some(n) => n,
        None => {
            let n = Value::obj(Object::List(RefCell::new(Vec::new())));
            set_exception_attr(interp, exc, "__notes__", n.clone())?;
            n
        }
    };
    if let Some(Object::List(l)) = notes.as_object() {
        l.borrow_mut().push(note.clone());
    }
    Ok(Value::None)
}

/// `exc.name = value`: instances keep arbitrary attributes.
pub fn set_exception_attr(
    interp: &mut Interpreter,
    exc: &Value,
    name: &str,
    value: Value,
) -> PyResult<()> {
    let Some(Object::Exception(e)) = exc.as_object() else {
        return Ok(());
    };
    if let Some(err) = crate::exc_group::readonly_attr(interp, exc, name) {
        return Err(err);
    }
    // __cause__ and __context__ hold an exception or None.
    let link = |interp: &Interpreter, what: &str| -> PyResult<Option<Value>> {
        match value.as_object() {
            _ if value.is_none() => Ok(None),
            Some(Object::Exception(_)) => Ok(Some(value.clone())),
            _ => Err(interp.type_error(format!(
                "exception {what} must be None or derive from BaseException"
            ))),
        }
    };
    match name {
        "__cause__" => {
            *e.cause.borrow_mut() = link(interp, "cause")?;
            e.suppress_context.set(true);
        }
        "__context__" => *e.context.borrow_mut() = link(interp, "context")?,
        "__traceback__" => {
            *e.traceback.borrow_mut() =
                crate::tbobject::entries_of(&value).map_err(|msg| interp.type_error(msg))?;
        }
        "__suppress_context__" => {
            let b = interp.is_true(&value)?;
            e.suppress_context.set(b);
        }
        "args" => {
            let items = interp.collect_iterable(&value)?;
            *e.args.borrow_mut() = Value::obj(Object::Tuple(items.into()));
        }
        _ => {
            let mut attrs = e.attrs.borrow_mut();
            match attrs.iter_mut().find(|(k, _)| **k == *name) {
                Some(slot) => slot.1 = value,
                None => attrs.push((Rc::from(name), value)),
            }
        }
    }
    Ok(())
}

// ----- argument helpers ---------------------------------------------------------

fn arity(interp: &Interpreter, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min {
        let what = if min == max { "" } else { "at least " };
        return Err(interp.type_error(format!(
            "{name} expected {what}{min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        let what = if min == max { "" } else { "at most " };
        return Err(interp.type_error(format!(
            "{name} expected {what}{max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

fn no_kwargs(interp: &Interpreter, name: &str, kwargs: &Kwargs) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(interp.type_error(format!("{name}() takes no keyword arguments")))
    }
}

fn exactly_one<'a>(interp: &Interpreter, name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    match args {
        [a] => Ok(a),
        _ => Err(interp.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// An attribute name argument: a str.
pub fn attr_name(interp: &Interpreter, v: &Value) -> PyResult<Value> {
    match v.as_object() {
        Some(Object::Str(_)) => Ok(v.clone()),
        _ => Err(interp.type_error(format!(
            "attribute name must be string, not '{}'",
            interp.type_name(v)
        ))),
    }
}

// ----- introspection ------------------------------------------------------------

fn hash(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "hash", kwargs)?;
    let v = exactly_one(interp, "hash", args)?;
    Ok(Value::Int(interp.key_hash(v)?.hash))
}

fn id(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "id", kwargs)?;
    let v = exactly_one(interp, "id", args)?;
    // Inline values have no address; give equal ones the same made-up id
    // in a range heap addresses do not reach.
    const INLINE: i64 = 0x7f00_0000_0000;
    let id = match v {
        Value::Obj(o) => Rc::as_ptr(o) as *const u8 as i64,
        Value::None | Value::Null => INLINE,
        Value::Bool(b) => INLINE + 16 + 16 * b.get() as i64,
        Value::Int(i) => INLINE + 0x1000 + i.wrapping_mul(32),
        Value::Float(f) => INLINE / 2 + (f.get().to_bits() >> 4) as i64 % INLINE,
    };
    Ok(Value::Int(id))
}

fn callable(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "callable", kwargs)?;
    let v = exactly_one(interp, "callable", args)?;
    Ok(Value::bool(is_callable(v)))
}

/// `callable(v)`.
pub fn is_callable(v: &Value) -> bool {
    match v.as_object() {
        Some(Object::Instance(i)) => i.typ.lookup_special("__call__").is_some(),
        o => matches!(
            o,
            Some(
                Object::Function(_)
                    | Object::Builtin(_)
                    | Object::MethodDescriptor(_)
                    | Object::Type(_)
                    | Object::Method { .. }
                    | Object::WeakRef(_)
            )
        ),
    }
}

fn getattr(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    arity(interp, "getattr", args, 2, 3)?;
    let name = attr_name(interp, &args[1])?;
    match interp.get_attr(&args[0], &name) {
        Err(e) if args.len() == 3 && crate::attr::is_attribute_error(interp, &e) => {
            Ok(args[2].clone())
        }
        r => r,
    }
}

fn hasattr(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    arity(interp, "hasattr", args, 2, 2)?;
    let name = attr_name(interp, &args[1])?;
    match interp.get_attr(&args[0], &name) {
        Ok(_) => Ok(Value::bool(true)),
        Err(e) if crate::attr::is_attribute_error(interp, &e) => Ok(Value::bool(false)),
        Err(e) => Err(e),
    }
}

fn setattr(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    arity(interp, "setattr", args, 3, 3)?;
    let name = attr_name(interp, &args[1])?;
    interp.set_attr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn delattr(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    arity(interp, "delattr", args, 2, 2)?;
    let name = attr_name(interp, &args[1])?;
    crate::class::del_attr(interp, &args[0], &name)?;
    Ok(Value::None)
}

fn globals(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "globals", kwargs)?;
    if !args.is_empty() {
        return Err(interp.type_error(format!(
            "globals() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(current_globals(interp))
}

fn current_globals(interp: &Interpreter) -> Value {
    match interp.frames.last() {
        Some(f) => Value::Obj(Rc::clone(&f.globals)),
        None => Value::obj(Object::Dict(RefCell::new(Dict::new()))),
    }
}

/// The current frame's namespace: the locals dict of a module or class
/// body, else a snapshot of a function's fast locals and cells.
fn current_locals(interp: &mut Interpreter) -> Value {
    let Some(f) = interp.frames.last() else {
        return Value::obj(Object::Dict(RefCell::new(Dict::new())));
    };
    let optimized = f.code.co.flags & pyrite_compiler::code::flags::OPTIMIZED != 0;
    if let (Some(l), false) = (&f.locals, optimized) {
        return Value::Obj(l.clone());
    }
    // A function's locals() is one dict per frame (CPython 3.11 keeps it
    // on the frame), refreshed from the fast locals at each call: bound
    // names are set, unbound ones removed, other keys left alone. The
    // frame's `locals` slot is otherwise unused by optimized code.
    let dict = f
        .locals
        .clone()
        .unwrap_or_else(|| Rc::new(Object::Dict(RefCell::new(Dict::new()))));
    if let Object::Dict(d) = &*dict {
        let mut d = d.borrow_mut();
        for (i, name) in f.code.co.localsplusnames.iter().enumerate() {
            let mut v = interp.stack.get(f.base + i).cloned().unwrap_or(Value::Null);
            if f.code.is_cell.get(i) == Some(&true) {
                v = match v.as_object() {
                    Some(Object::Cell(c)) => c.borrow().clone().unwrap_or(Value::Null),
                    _ => v,
                };
            }
            if v.is_null() {
                let _ = d.remove(&Value::str(name));
            } else {
                d.set_str(name, v);
            }
        }
    }
    if let Some(f) = interp.frames.last_mut() {
        f.locals = Some(dict.clone());
    }
    Value::Obj(dict)
}

fn locals(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "locals", kwargs)?;
    if !args.is_empty() {
        return Err(interp.type_error(format!(
            "locals() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(current_locals(interp))
}

fn vars(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "vars", kwargs)?;
    arity(interp, "vars", args, 0, 1)?;
    match args.first().map(|v| (v, v.as_object())) {
        None => Ok(current_locals(interp)),
        Some((_, Some(Object::Module(m)))) => Ok(Value::Obj(m.dict.clone())),
        Some((_, Some(Object::Type(t)))) => Ok(copy_dict(&t.dict.borrow())),
        Some((_, Some(Object::Function(f)))) => Ok(Value::Obj(crate::function::function_dict(f))),
        Some((_, Some(Object::Instance(i)))) if i.dict.is_some() => {
            Ok(i.dict.clone().map(Value::Obj).unwrap_or(Value::None))
        }
        _ => Err(interp.type_error("vars() argument must have __dict__ attribute")),
    }
}

/// A new dict with the entries of `d` (for type namespaces).
fn copy_dict(d: &Dict) -> Value {
    let mut out = Dict::new();
    for (k, v) in d.iter() {
        let _ = out.insert(k.clone(), v.clone());
    }
    Value::obj(Object::Dict(RefCell::new(out)))
}

/// `dir()` / `dir(obj)`: the sorted result of `type(obj).__dir__(obj)`
/// (object's and type's defaults are `default_dir`).
fn dir(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "dir", kwargs)?;
    arity(interp, "dir", args, 0, 1)?;
    let mut names = match args.first() {
        None => match current_locals(interp).as_object() {
            Some(Object::Dict(d)) => d.borrow().iter().map(|(k, _)| k.clone()).collect(),
            _ => Vec::new(),
        },
        Some(v) => {
            let typ = interp.type_of(v);
            match typ.lookup_special("__dir__") {
                Some(f) => {
                    let f = crate::attr::descr_get(interp, f, Some(v), &typ, "__dir__")?;
                    let r = interp.call(&f, Vec::new(), Vec::new())?;
                    interp.collect_iterable(&r)?
                }
                None => default_dir(interp, v)
                    .iter()
                    .map(|n| Value::str(n))
                    .collect(),
            }
        }
    };
    crate::methods::list::sort_values(interp, &mut names, None, false)?;
    Ok(Value::obj(Object::List(RefCell::new(names))))
}

/// The attributes every object has (`dir(object())`).
const OBJECT_DIR: &[&str] = &[
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__getstate__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

/// What `object.__dir__` and `type.__dir__` list: a module's names, the
/// attributes of a class and its bases, an instance's own attributes and
/// its class's (sorted, without repeats).
pub fn default_dir(interp: &Interpreter, v: &Value) -> Vec<String> {
    let dict_names =
        |d: &Dict| -> Vec<String> { d.iter().map(|(k, _)| crate::format::str_value(k)).collect() };
    let mut names = match v.as_object() {
        Some(Object::Module(m)) => match &*m.dict {
            Object::Dict(d) => dict_names(&d.borrow()),
            _ => Vec::new(),
        },
        Some(Object::Type(t)) if t.is_class => class_dir(t),
        Some(Object::Type(t)) if t.kind == TypeKind::Exception => dict_names(&t.dict.borrow()),
        // dir(list): its namespace and what its instances have.
        Some(Object::Type(t)) => super::type_attr_names(t),
        Some(Object::Instance(i)) => {
            let mut names = class_dir(&i.typ);
            if let Some(Object::Dict(d)) = i.dict.as_deref() {
                names.extend(dict_names(&d.borrow()));
            }
            names
        }
        _ => super::type_attr_names(&interp.type_of(v)),
    };
    names.sort();
    names.dedup();
    names
}

/// The attributes of class `t`: those of its MRO's dicts and object's.
fn class_dir(t: &Rc<TypeObject>) -> Vec<String> {
    let mut names: Vec<String> = OBJECT_DIR.iter().map(|n| n.to_string()).collect();
    for c in t.mro() {
        if c.kind == TypeKind::Object {
            continue;
        }
        if !c.is_class {
            names.extend(super::type_attr_names(&c));
            continue;
        }
        names.extend(
            c.dict
                .borrow()
                .iter()
                .map(|(k, _)| crate::format::str_value(k)),
        );
    }
    names
}

// ----- program control ------------------------------------------------------------

/// `exit(code=None)` / `quit(code=None)` (site's Quitter): SystemExit.
fn exit(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let t = interp.types.exception("SystemExit");
    let args = match args.first() {
        Some(c) => vec![c.clone()],
        None => Vec::new(),
    };
    Err(PyErr(interp.exception(&t, args)))
}

fn input(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "input", kwargs)?;
    if args.len() > 1 {
        return Err(interp.type_error(format!(
            "input expected at most 1 argument, got {}",
            args.len()
        )));
    }
    if let Some(p) = args.first() {
        let p = crate::format::str_of(interp, p)?;
        super::write_out(interp, &p);
    }
    let _ = interp.out.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(interp.err("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::str(&line))
        }
        Err(e) => Err(interp.err("OSError", e.to_string())),
    }
}

// ----- exec, eval, compile ------------------------------------------------------------

/// A compile error as the SyntaxError (or subclass) CPython raises.
pub fn syntax_error(
    interp: &Interpreter,
    e: &pyrite_compiler::CompileError,
    source: &str,
) -> PyErr {
    let text = source
        .lines()
        .nth((e.lineno.max(1) - 1) as usize)
        .map(|l| Value::str(&format!("{l}\n")))
        .unwrap_or(Value::None);
    syntax_error_with_text(interp, e, text)
}

fn syntax_error_with_text(
    interp: &Interpreter,
    e: &pyrite_compiler::CompileError,
    text: Value,
) -> PyErr {
    let t = interp.types.exception(e.kind.name());
    let info = Value::obj(Object::Tuple(
        vec![
            Value::str(&e.filename),
            Value::Int(e.lineno as i64),
            Value::Int(e.offset as i64),
            text,
            Value::Int(e.end_lineno as i64),
            Value::Int(e.end_offset as i64),
        ]
        .into(),
    ));
    PyErr(interp.exception(&t, vec![Value::str(&e.msg), info]))
}

/// Source text of a str/bytes argument, or None for other values.
fn source_text(v: &Value) -> Option<String> {
    match v.as_object()? {
        Object::Str(s) => Some(s.as_str().to_string()),
        Object::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
        Object::ByteArray(b) => Some(String::from_utf8_lossy(&b.borrow()).into_owned()),
        Object::MemoryView(_) => crate::methods::memoryview::plain_contents(v)
            .map(|b| String::from_utf8_lossy(&b).into_owned()),
        _ => None,
    }
}

fn compile_source(
    interp: &Interpreter,
    source: &str,
    filename: &str,
    eval_mode: bool,
) -> PyResult<Rc<Code>> {
    if !eval_mode {
        let co = pyrite_compiler::compile(source, filename)
            .map_err(|e| syntax_error(interp, &e, source))?;
        return Code::new(Rc::new(co)).map_err(|b| interp.err("SystemError", b.0));
    }
    // The source must parse as CPython's `eval` start rule (so `x := 1`
    // is invalid syntax); errors point into the source as given.
    pyrite_compiler::codegen::check_expression(source, filename)
        .map_err(|e| eval_syntax_error(interp, &e, source))?;
    // Without an expression mode in the compiler, an expression compiles
    // as an assignment to a reserved name that `eval` reads back; the
    // expression stays on line 1, after the prefix.
    let prefix = format!("{EVAL_RESULT} = (");
    let text = format!("{prefix}{source}\n)");
    let co = pyrite_compiler::compile(&text, filename).map_err(|mut e| {
        let shift = prefix.len() as i32;
        if e.lineno == 1 {
            e.offset = (e.offset - shift).max(1);
        }
        if e.end_lineno == 1 {
            e.end_offset = (e.end_offset - shift).max(1);
        }
        // The source parsed, so this is the compiler's error, whose text
        // CPython reads from the file `filename` (none for "<string>").
        syntax_error_with_text(interp, &e, Value::None)
    })?;
    Code::new(Rc::new(co)).map_err(|b| interp.err("SystemError", b.0))
}

/// A SyntaxError for an `eval`-mode source: the error's line keeps its
/// newline only where the source has one, as CPython's tokenizer gives it.
fn eval_syntax_error(
    interp: &Interpreter,
    e: &pyrite_compiler::CompileError,
    source: &str,
) -> PyErr {
    let text = source
        .split_inclusive('\n')
        .nth((e.lineno.max(1) - 1) as usize)
        .map_or(Value::None, Value::str);
    syntax_error_with_text(interp, e, text)
}

fn compile(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let mut params: Vec<Option<Value>> = args.iter().cloned().map(Some).collect();
    params.resize(3.max(params.len()), None);
    for (k, v) in kwargs {
        let i = match &**k {
            "source" => 0,
            "filename" => 1,
            "mode" => 2,
            "flags" | "dont_inherit" | "optimize" | "_feature_version" => continue,
            _ => {
                return Err(interp.type_error(format!(
                    "compile() got an unexpected keyword argument '{k}'"
                )))
            }
        };
        params[i] = Some(v.clone());
    }
    let (Some(src), Some(filename), Some(mode)) = (&params[0], &params[1], &params[2]) else {
        return Err(interp.type_error("compile() missing required argument 'source' (pos 1)"));
    };
    let filename = crate::format::str_of(interp, filename)?;
    let mode = crate::format::str_value(mode);
    if !matches!(mode.as_str(), "exec" | "eval" | "single") {
        return Err(interp.value_error("compile() mode must be 'exec', 'eval' or 'single'"));
    }
    if let Some(Object::Code(_)) = src.as_object() {
        return Ok(src.clone());
    }
    let Some(text) = source_text(src) else {
        return Err(interp.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    if mode == "single" {
        let co = pyrite_compiler::compile_single(&text, &filename)
            .map_err(|e| syntax_error(interp, &e, &text))?;
        let code = Code::new(Rc::new(co)).map_err(|b| interp.err("SystemError", b.0))?;
        return Ok(Value::obj(Object::Code(code)));
    }
    let code = compile_source(interp, &text, &filename, mode == "eval")?;
    Ok(Value::obj(Object::Code(code)))
}

/// The (globals, locals) namespaces for exec/eval: the caller's when not
/// given; locals default to globals.
fn namespaces(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
) -> PyResult<(Rc<Object>, Rc<Object>)> {
    let as_dict = |v: &Value| match v {
        Value::Obj(o) if matches!(&**o, Object::Dict(_)) => Some(o.clone()),
        _ => None,
    };
    let given_globals = args.get(1).filter(|v| !v.is_none());
    let given_locals = args.get(2).filter(|v| !v.is_none());
    let globals = match given_globals {
        Some(g) => as_dict(g).ok_or_else(|| {
            interp.type_error(format!(
                "{name}() globals must be a dict, not {}",
                interp.type_name(g)
            ))
        })?,
        None => match current_globals(interp) {
            Value::Obj(o) => o,
            _ => Rc::new(Object::Dict(RefCell::new(Dict::new()))),
        },
    };
    let locals = match (given_locals, given_globals) {
        (Some(l), _) => as_dict(l).ok_or_else(|| {
            interp.type_error(format!(
                "locals must be a mapping, not {}",
                interp.type_name(l)
            ))
        })?,
        (None, Some(_)) => globals.clone(),
        (None, None) => match current_locals(interp) {
            Value::Obj(o) => o,
            _ => globals.clone(),
        },
    };
    if crate::eval::dict_get_str(&globals, "__builtins__").is_none() {
        crate::eval::dict_set(
            &globals,
            Value::str("__builtins__"),
            Value::Obj(interp.builtins.clone()),
        );
    }
    Ok((globals, locals))
}

fn code_arg(interp: &Interpreter, name: &str, v: &Value, eval_mode: bool) -> PyResult<Rc<Code>> {
    match v.as_object() {
        Some(Object::Code(c)) => Ok(c.clone()),
        _ => match source_text(v) {
            // eval() skips leading spaces and tabs (compile() does not).
            Some(text) => compile_source(
                interp,
                if eval_mode {
                    text.trim_start_matches([' ', '\t'])
                } else {
                    &text
                },
                "<string>",
                eval_mode,
            ),
            None => Err(interp.type_error(format!(
                "{name}() arg 1 must be a string, bytes or code object"
            ))),
        },
    }
}

fn exec(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "exec", kwargs)?;
    arity(interp, "exec", args, 1, 3)?;
    let code = code_arg(interp, "exec", &args[0], false)?;
    let (globals, locals) = namespaces(interp, "exec", args)?;
    interp.run_code(code, globals, Some(locals))?;
    Ok(Value::None)
}

fn eval(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "eval", kwargs)?;
    arity(interp, "eval", args, 1, 3)?;
    let code = code_arg(interp, "eval", &args[0], true)?;
    let (globals, locals) = namespaces(interp, "eval", args)?;
    interp.run_code(code, globals, Some(locals.clone()))?;
    let key = Value::str(EVAL_RESULT);
    let v = crate::eval::dict_get(&locals, &key).unwrap_or(Value::None);
    crate::eval::dict_del(&locals, &key);
    Ok(v)
}

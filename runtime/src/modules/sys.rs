//! The `sys` module: interpreter state (argv, path, modules, recursion
//! limit, exc_info, ...) and the standard streams.

use std::cell::{Cell, RefCell};

use crate::error::{PyErr, PyResult};
use crate::object::Object;
use crate::protocol::struct_seq;
use crate::value::Value;
use crate::Interpreter;

use super::{builtin_module, script_dir, sys_modules, Kwargs};

thread_local! {
    /// sys.get_int_max_str_digits() (CPython's default limit).
    static INT_MAX_STR_DIGITS: Cell<i64> = const { Cell::new(4300) };
}

/// sys.get_int_max_str_digits(): 0 means no limit.
pub fn int_max_str_digits() -> i64 {
    INT_MAX_STR_DIGITS.with(Cell::get)
}

pub fn module(interp: &mut Interpreter) -> Value {
    let modules = sys_modules(interp);
    let argv = interp.argv.iter().map(|a| Value::str(a)).collect();
    let path = vec![Value::str(&script_dir(interp).to_string_lossy())];
    let list = |items: Vec<Value>| Value::obj(Object::List(RefCell::new(items)));
    let (stdin, stdout, stderr) = super::stdio::streams(interp);
    let version_info = struct_seq(
        vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ],
        &["major", "minor", "micro", "releaselevel", "serial"],
        "sys.version_info",
    );
    let values = vec![
        ("argv", list(argv)),
        ("path", list(path)),
        ("modules", Value::Obj(modules)),
        ("stdin", stdin.clone()),
        ("stdout", stdout.clone()),
        ("stderr", stderr.clone()),
        ("__stdin__", stdin),
        ("__stdout__", stdout.clone()),
        ("__stderr__", stderr),
        ("maxsize", Value::Int(i64::MAX)),
        ("version_info", version_info.clone()),
        ("version", Value::str("3.11.7 (pyrite)")),
        ("hexversion", Value::Int(0x030b07f0)),
        ("platform", Value::str(std::env::consts::OS)),
        (
            "byteorder",
            Value::str(if cfg!(target_endian = "little") {
                "little"
            } else {
                "big"
            }),
        ),
        ("implementation_name", Value::str("pyrite")),
        // A SimpleNamespace, as CPython's. Its name stays 'cpython':
        // pyrite runs programs as CPython 3.11 does, and programs (and
        // test suites such as MicroPython's) test `sys.implementation.name`
        // against 'cpython' to pick CPython's behaviour; pyrite's own name
        // is in `sys.implementation_name` and `sys.version`.
        (
            "implementation",
            super::types::new_namespace(
                interp,
                vec![
                    ("name", Value::str("cpython")),
                    ("cache_tag", Value::str("cpython-311")),
                    ("version", version_info.clone()),
                    ("hexversion", Value::Int(0x030b07f0)),
                    ("_multiarch", Value::str(&multiarch())),
                ],
            ),
        ),
        ("executable", Value::str(&executable())),
        ("float_info", float_info()),
        ("int_info", int_info()),
        ("flags", flags()),
        ("maxunicode", Value::Int(0x10ffff)),
        (
            "builtin_module_names",
            Value::obj(Object::Tuple(
                super::builtin_module_names()
                    .into_iter()
                    .map(Value::str)
                    .collect(),
            )),
        ),
    ];
    let sys = builtin_module(
        interp,
        "sys",
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
            ("exc_info", exc_info),
            ("exception", exception),
            ("intern", intern),
            ("getsizeof", getsizeof),
        ],
        values,
    );
    if let Some(Object::Module(m)) = sys.as_object() {
        interp.sys_stdout = Some((m.dict.clone(), stdout));
    }
    sys
}

/// `sys.implementation._multiarch`: the Debian-style target triple
/// CPython was built for (`x86_64-linux-gnu`).
fn multiarch() -> String {
    let os = match std::env::consts::OS {
        "linux" => "linux-gnu",
        "macos" => "darwin",
        other => other,
    };
    format!("{}-{os}", std::env::consts::ARCH)
}

/// sys.executable: the running binary's absolute path ('' if unknown).
fn executable() -> String {
    std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// sys.int_info (a struct sequence).
fn int_info() -> Value {
    let items = [30, 4, 4300, 640].map(Value::Int).to_vec();
    let fields = &[
        "bits_per_digit",
        "sizeof_digit",
        "default_max_str_digits",
        "str_digits_check_threshold",
    ];
    struct_seq(items, fields, "sys.int_info")
}

/// sys.flags (a struct sequence): the defaults of a plain `python3 x.py`.
fn flags() -> Value {
    const FIELDS: &[&str] = &[
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let items = FIELDS
        .iter()
        .map(|f| match *f {
            "hash_randomization" => Value::Int(1),
            "dev_mode" | "safe_path" => Value::bool(false),
            "int_max_str_digits" => Value::Int(-1),
            _ => Value::Int(0),
        })
        .collect();
    struct_seq(items, FIELDS, "sys.flags")
}

/// sys.float_info (a struct sequence).
fn float_info() -> Value {
    let items = vec![
        Value::float(f64::MAX),
        Value::Int(1024),
        Value::Int(308),
        Value::float(f64::MIN_POSITIVE),
        Value::Int(-1021),
        Value::Int(-307),
        Value::Int(15),
        Value::Int(53),
        Value::float(f64::EPSILON),
        Value::Int(2),
        Value::Int(1),
    ];
    let fields = &[
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ];
    struct_seq(items, fields, "sys.float_info")
}

fn sys_exit(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(interp.type_error(format!(
            "exit expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let t = interp.types.exception("SystemExit");
    // sys.exit raises SystemExit with its argument as the exception value,
    // and a tuple value becomes the args (CPython's PyErr_SetObject).
    let args = match args.first().and_then(|a| a.as_object()) {
        Some(Object::Tuple(items)) => items.to_vec(),
        _ => args.to_vec(),
    };
    Err(PyErr(interp.exception(&t, args)))
}

/// An int argument as i64, with CPython's messages for other types and
/// for ints beyond C int range.
fn c_int(interp: &mut Interpreter, v: &Value) -> PyResult<i64> {
    match &crate::convert::index(interp, v)? {
        Value::Int(i) if i32::try_from(*i).is_ok() => Ok(*i),
        Value::Bool(b) => Ok(b.get() as i64),
        Value::Int(_) => {
            Err(interp.err("OverflowError", "Python int too large to convert to C int"))
        }
        Value::Obj(o) if matches!(&**o, Object::BigInt(_)) => {
            Err(interp.err("OverflowError", "Python int too large to convert to C int"))
        }
        _ => Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(v)
        ))),
    }
}

fn one<'a>(interp: &Interpreter, name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    match args {
        [a] => Ok(a),
        _ => Err(interp.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn getrecursionlimit(interp: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(interp.recursion_limit as i64))
}

fn setrecursionlimit(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = c_int(interp, one(interp, "setrecursionlimit", args)?)?;
    if n < 1 {
        return Err(interp.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = interp.frames.len();
    if (n as usize) <= depth {
        return Err(interp.err(
            "RecursionError",
            format!(
                "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
            ),
        ));
    }
    interp.recursion_limit = n as usize;
    Ok(Value::None)
}

fn get_int_max_str_digits(_: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(INT_MAX_STR_DIGITS.with(Cell::get)))
}

fn set_int_max_str_digits(
    interp: &mut Interpreter,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let v = match (args, kwargs) {
        ([v], []) => v,
        ([], [(k, v)]) if &**k == "maxdigits" => v,
        _ => {
            return Err(interp.type_error(
                "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
            ))
        }
    };
    let n = c_int(interp, v)?;
    if n != 0 && n < 640 {
        return Err(interp.value_error("maxdigits must be 0 or larger than 640"));
    }
    INT_MAX_STR_DIGITS.with(|c| c.set(n));
    Ok(Value::None)
}

fn exc_info(interp: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let exc = interp.current_exception();
    let items = if exc.is_none() {
        vec![Value::None, Value::None, Value::None]
    } else {
        let t = Value::obj(Object::Type(interp.type_of(&exc)));
        let tb = match exc.as_object() {
            Some(Object::Exception(e)) => crate::tbobject::chain(&e.traceback.borrow()),
            _ => Value::None,
        };
        vec![t, exc, tb]
    };
    Ok(Value::obj(Object::Tuple(items.into())))
}

fn exception(interp: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(interp.current_exception())
}

fn intern(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let v = one(interp, "intern", args)?;
    match v.as_object() {
        Some(Object::Str(_)) => Ok(v.clone()),
        _ => Err(interp.type_error(format!(
            "intern() argument must be str, not {}",
            interp.type_name(v)
        ))),
    }
}

/// `sys.getsizeof(obj[, default])`: an instance's `__sizeof__()` (which
/// must be an int >= 0) plus CPython's GC header; for built-in
/// values, the bytes pyrite's own representation takes: the value cell,
/// the reference-counted object, and the buffer of its items.
fn getsizeof(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (obj, default) = match (args, kw.is_empty()) {
        ([obj], true) => (obj, None),
        ([obj, default], true) => (obj, Some(default)),
        _ => {
            let given = args.len() + kw.len();
            return Err(interp.type_error(match given {
                0 => "getsizeof() missing required argument 'object' (pos 1)".to_string(),
                _ => format!("getsizeof() takes at most 2 arguments ({given} given)"),
            }));
        }
    };
    if let Some(r) = crate::class::call_dunder(interp, obj, "__sizeof__", Vec::new()) {
        let size = r.and_then(|v| match v {
            Value::Int(n) if n >= 0 => Ok(n),
            Value::Bool(b) => Ok(b.get() as i64),
            Value::Int(_) => Err(interp.value_error("__sizeof__() should return >= 0")),
            _ => Err(interp.type_error("an integer is required")),
        });
        let type_error = interp.types.exception("TypeError");
        return match (size, default) {
            // The GC header, and for instances with a __dict__ the
            // pre-header CPython 3.11 keeps it in.
            (Ok(n), _) => {
                let with_dict =
                    matches!(obj.as_object(), Some(Object::Instance(i)) if i.dict.is_some());
                Ok(Value::Int(n + if with_dict { 32 } else { 16 }))
            }
            (Err(e), Some(d)) if std::rc::Rc::ptr_eq(&interp.type_of(&e.0), &type_error) => {
                Ok(d.clone())
            }
            (Err(e), _) => Err(e),
        };
    }
    use std::mem::size_of;
    let cell = size_of::<Value>();
    let Some(o) = obj.as_object() else {
        return Ok(Value::Int(cell as i64));
    };
    let header = cell + 2 * size_of::<usize>() + size_of::<Object>();
    let items = match o {
        Object::Str(s) => s.as_str().len(),
        Object::Bytes(b) => b.len(),
        Object::ByteArray(b) => b.borrow().capacity(),
        Object::Tuple(t) => t.len() * cell,
        Object::List(l) => l.borrow().capacity() * cell,
        Object::Dict(d) | Object::Set(d) => d.borrow().len() * (2 * cell + 8),
        Object::FrozenSet(d) => d.len() * (2 * cell + 8),
        Object::BigInt(i) => (i.bits() as usize).div_ceil(8),
        _ => 0,
    };
    Ok(Value::Int((header + items) as i64))
}

//! `import`: built-in modules (`sys`, `math`, `time`, `types`, `__future__`) and
//! `.py` files next to the running script, cached in `sys.modules`.

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use crate::code::Code;
use crate::dict::Dict;
use crate::error::{PyErr, PyResult};
use crate::object::{Builtin, BuiltinFn, Module, Object};
use crate::protocol::struct_seq;
use crate::value::Value;
use crate::Interpreter;

pub mod math;
pub mod time;
pub mod traceback_mod;
pub mod types;

type Kwargs = [(Rc<str>, Value)];

thread_local! {
    /// sys.get_int_max_str_digits() (CPython's default limit).
    static INT_MAX_STR_DIGITS: Cell<i64> = const { Cell::new(4300) };
}

/// sys.get_int_max_str_digits(): 0 means no limit.
pub fn int_max_str_digits() -> i64 {
    INT_MAX_STR_DIGITS.with(Cell::get)
}

/// A module namespace with built-in functions and values.
pub fn builtin_module(
    interp: &Interpreter,
    name: &str,
    funcs: &[(&'static str, BuiltinFn)],
    values: Vec<(&str, Value)>,
) -> Value {
    let mut d = Dict::new();
    d.set_str("__name__", Value::str(name));
    d.set_str("__doc__", Value::None);
    for &(fname, func) in funcs {
        d.set_str(
            fname,
            Value::obj(Object::Builtin(Builtin {
                name: fname,
                func,
                bound: None,
            })),
        );
    }
    for (k, v) in values {
        d.set_str(k, v);
    }
    interp.module(name, d)
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`:
/// the import statement's machinery as a function.
pub fn import_builtin(
    interp: &mut Interpreter,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    const PARAMS: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    if args.len() > PARAMS.len() {
        return Err(interp.type_error(format!(
            "__import__() takes at most 5 arguments ({} given)",
            args.len()
        )));
    }
    let mut slots: [Option<&Value>; 5] = [None; 5];
    for (slot, v) in slots.iter_mut().zip(args) {
        *slot = Some(v);
    }
    for (k, v) in kwargs {
        match PARAMS.iter().position(|p| **p == **k) {
            Some(i) => slots[i] = Some(v),
            None => {
                return Err(interp.type_error(format!(
                    "'{k}' is an invalid keyword argument for __import__()"
                )))
            }
        }
    }
    let Some(name) = slots[0] else {
        return Err(interp.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let Some(Object::Str(text)) = name.as_object() else {
        return Err(interp.type_error("module name must be a string"));
    };
    let level = match slots[4] {
        Some(v) => crate::builtins::text::index_arg(interp, v)?,
        None => 0,
    };
    if level < 0 {
        return Err(interp.value_error("level must be >= 0"));
    }
    if level == 0 && text.as_str().is_empty() {
        return Err(interp.value_error("Empty module name"));
    }
    import_level(interp, name, level)
}

/// IMPORT_NAME: the module `name` (for `import a.b`, the top package `a`).
pub fn import(interp: &mut Interpreter, name: &Value) -> PyResult<Value> {
    import_level(interp, name, 0)
}

/// IMPORT_NAME with the `level` of a relative import.
pub fn import_level(interp: &mut Interpreter, name: &Value, level: i64) -> PyResult<Value> {
    let name = crate::format::str_value(name);
    if level > 0 {
        return Err(interp.err(
            "ImportError",
            "attempted relative import with no known parent package",
        ));
    }
    if let Some((top, _)) = name.split_once('.') {
        // Packages are not supported yet: every module found is a plain one.
        import_one(interp, top)?;
        return Err(interp.err(
            "ModuleNotFoundError",
            format!("No module named '{name}'; '{top}' is not a package"),
        ));
    }
    import_one(interp, &name)
}

fn import_one(interp: &mut Interpreter, name: &str) -> PyResult<Value> {
    let modules = sys_modules(interp);
    if let Some(m) = crate::eval::dict_get_str(&modules, name) {
        return Ok(m);
    }
    let m = match name {
        "sys" => make_sys(interp),
        "math" => math::module(interp),
        "time" => time::module(interp),
        "types" => types::module(interp),
        "__future__" => future_module(interp),
        "traceback" => traceback_mod::module(interp),
        // The module's namespace is the builtins dict itself, so that
        // `builtins.len = f` changes what `len` means everywhere.
        "builtins" => Value::obj(Object::Module(crate::object::Module {
            name: Rc::from("builtins"),
            dict: interp.builtins.clone(),
        })),
        "_operator" => builtin_module(interp, "_operator", &[("index", operator_index)], vec![]),
        _ => return import_file(interp, name, &modules),
    };
    crate::eval::dict_set(&modules, Value::str(name), m.clone());
    Ok(m)
}

/// `operator.index(a)`.
fn operator_index(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    match (args, kwargs.is_empty()) {
        ([a], true) => crate::convert::index(interp, a),
        _ => Err(interp.type_error(format!(
            "index() takes exactly one argument ({} given)",
            args.len() + kwargs.len()
        ))),
    }
}

/// IMPORT_FROM: `from module import name`.
pub fn import_from(interp: &mut Interpreter, module: &Value, name: &Value) -> PyResult<Value> {
    match interp.get_attr(module, name) {
        Ok(v) => Ok(v),
        Err(_) => {
            let (mname, file) = match module.as_object() {
                Some(Object::Module(m)) => (
                    m.name.to_string(),
                    crate::eval::dict_get_str(&m.dict, "__file__")
                        .map(|f| crate::format::str_value(&f))
                        .unwrap_or_else(|| "unknown location".into()),
                ),
                _ => ("?".into(), "unknown location".into()),
            };
            Err(interp.err(
                "ImportError",
                format!(
                    "cannot import name '{}' from '{mname}' ({file})",
                    crate::format::str_value(name)
                ),
            ))
        }
    }
}

/// The `sys.modules` dict, created on first use with `__main__` in it.
fn sys_modules(interp: &mut Interpreter) -> Rc<Object> {
    if let Some(m) = &interp.modules {
        return m.clone();
    }
    let d = Rc::new(Object::Dict(RefCell::new(Dict::new())));
    if let Some(main) = interp.frames.first() {
        let m = Value::obj(Object::Module(Module {
            name: Rc::from("__main__"),
            dict: main.globals.clone(),
        }));
        crate::eval::dict_set(&d, Value::str("__main__"), m);
    }
    interp.modules = Some(d.clone());
    d
}

/// The directory of the main script (sys.path[0]), absolute: where the
/// file named on the command line is (a .pyc's own directory, whatever
/// file name its code objects carry).
fn script_dir(interp: &Interpreter) -> PathBuf {
    let file = interp
        .argv
        .first()
        .cloned()
        .or_else(|| {
            interp
                .frames
                .first()
                .map(|f| f.code.co.filename.to_string())
        })
        .unwrap_or_default();
    let dir = std::path::Path::new(&file)
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default();
    let dir = if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    };
    std::fs::canonicalize(&dir).unwrap_or(dir)
}

/// Modules pyrite writes in Python itself (`modules/lib/`), compiled from
/// source on first import like a file beside the script; a file of the
/// same name in the script's directory wins, as it does on CPython's path.
const PYTHON_MODULES: &[(&str, &str)] = &[
    ("asyncio", include_str!("modules/lib/asyncio.py")),
    ("contextlib", include_str!("modules/lib/contextlib.py")),
    ("functools", include_str!("modules/lib/functools.py")),
    ("itertools", include_str!("modules/lib/itertools.py")),
    ("operator", include_str!("modules/lib/operator.py")),
];

/// Import `name.py` from the script's directory, else one of
/// `PYTHON_MODULES`.
fn import_file(interp: &mut Interpreter, name: &str, modules: &Rc<Object>) -> PyResult<Value> {
    let path = script_dir(interp).join(format!("{name}.py"));
    if let Ok(source) = std::fs::read_to_string(&path) {
        let file = path.to_string_lossy().into_owned();
        return run_module(interp, name, &file, &source, modules);
    }
    match PYTHON_MODULES.iter().find(|(n, _)| *n == name) {
        Some((_, source)) => run_module(interp, name, &format!("<frozen {name}>"), source, modules),
        None => Err(interp.err("ModuleNotFoundError", format!("No module named '{name}'"))),
    }
}

/// Compile `source` and run it in a fresh module namespace, cached in
/// sys.modules before it runs (as CPython does, so circular imports see
/// the partly initialised module) and removed again if it fails.
fn run_module(
    interp: &mut Interpreter,
    name: &str,
    file: &str,
    source: &str,
    modules: &Rc<Object>,
) -> PyResult<Value> {
    let co = match pyrite_compiler::compile(source, file) {
        Ok(co) => co,
        Err(e) => return Err(interp.err(e.kind.name(), e.msg)),
    };
    let code = Code::new(Rc::new(co)).map_err(|b| interp.err("SystemError", b.0))?;
    let mut d = Dict::new();
    d.set_str("__name__", Value::str(name));
    d.set_str("__file__", Value::str(file));
    d.set_str("__doc__", Value::None);
    d.set_str("__builtins__", Value::Obj(interp.builtins.clone()));
    let module = interp.module(name, d);
    let Some(Object::Module(m)) = module.as_object() else {
        return Err(interp.err("SystemError", format!("module {name} was not created")));
    };
    let globals = m.dict.clone();
    crate::eval::dict_set(modules, Value::str(name), module.clone());
    if let Err(e) = interp.run_code(code, globals.clone(), Some(globals)) {
        crate::eval::dict_del(modules, &Value::str(name));
        return Err(e);
    }
    Ok(module)
}

fn future_module(interp: &Interpreter) -> Value {
    let features = [
        "nested_scopes",
        "generators",
        "division",
        "absolute_import",
        "with_statement",
        "print_function",
        "unicode_literals",
        "barry_as_FLUFL",
        "generator_stop",
        "annotations",
    ];
    let values = features.iter().map(|f| (*f, Value::Bool(true))).collect();
    builtin_module(interp, "__future__", &[], values)
}

// ----- sys ----------------------------------------------------------------------

fn make_sys(interp: &mut Interpreter) -> Value {
    let modules = sys_modules(interp);
    let argv = interp.argv.iter().map(|a| Value::str(a)).collect();
    let path = vec![Value::str(&script_dir(interp).to_string_lossy())];
    let list = |items: Vec<Value>| Value::obj(Object::List(RefCell::new(items)));
    let stdout = builtin_module(
        interp,
        "sys.stdout",
        &[("write", stdout_write), ("flush", stdout_flush)],
        vec![("encoding", Value::str("utf-8"))],
    );
    let stderr = builtin_module(
        interp,
        "sys.stderr",
        &[("write", stderr_write), ("flush", stderr_flush)],
        vec![("encoding", Value::str("utf-8"))],
    );
    let version_info = struct_seq(
        vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ],
        &["major", "minor", "micro", "releaselevel", "serial"],
    );
    let values = vec![
        ("argv", list(argv)),
        ("path", list(path)),
        ("modules", Value::Obj(modules)),
        ("stdout", stdout.clone()),
        ("stderr", stderr.clone()),
        ("__stdout__", stdout),
        ("__stderr__", stderr),
        ("maxsize", Value::Int(i64::MAX)),
        ("version_info", version_info),
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
        ("executable", Value::str(&executable())),
        ("float_info", float_info()),
        ("int_info", int_info()),
        ("flags", flags()),
        ("maxunicode", Value::Int(0x10ffff)),
    ];
    builtin_module(
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
        ],
        values,
    )
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
    struct_seq(items, fields)
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
            "dev_mode" | "safe_path" => Value::Bool(false),
            "int_max_str_digits" => Value::Int(-1),
            _ => Value::Int(0),
        })
        .collect();
    struct_seq(items, FIELDS)
}

/// sys.float_info (a struct sequence).
fn float_info() -> Value {
    let items = vec![
        Value::Float(f64::MAX),
        Value::Int(1024),
        Value::Int(308),
        Value::Float(f64::MIN_POSITIVE),
        Value::Int(-1021),
        Value::Int(-307),
        Value::Int(15),
        Value::Int(53),
        Value::Float(f64::EPSILON),
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
    struct_seq(items, fields)
}

fn write_arg(interp: &Interpreter, args: &[Value]) -> PyResult<String> {
    match args {
        [v] => match v.as_object() {
            Some(Object::Str(s)) => Ok(s.as_str().to_string()),
            _ => Err(interp.type_error(format!(
                "write() argument must be str, not {}",
                interp.type_name(v)
            ))),
        },
        _ => Err(interp.type_error(format!(
            "write() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn stdout_write(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = write_arg(interp, args)?;
    crate::builtins::write_out(interp, &s);
    Ok(Value::Int(s.chars().count() as i64))
}

fn stdout_flush(interp: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let _ = interp.out.flush();
    Ok(Value::None)
}

fn stderr_write(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = write_arg(interp, args)?;
    let _ = std::io::stderr().write_all(s.as_bytes());
    Ok(Value::Int(s.chars().count() as i64))
}

fn stderr_flush(_: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let _ = std::io::stderr().flush();
    Ok(Value::None)
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
        Value::Bool(b) => Ok(*b as i64),
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
    Ok(Value::obj(Object::Tuple(items.into_boxed_slice())))
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

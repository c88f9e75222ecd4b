//! `import`: finding, loading and caching modules, after CPython's
//! `importlib._bootstrap` (`_find_and_load`, `_handle_fromlist`) and
//! `import.c` (`resolve_name`, `PyImport_ImportModuleLevelObject`).
//!
//! Three kinds of module: built-in ones written in Rust (`BUILTIN_MODULES`),
//! files found on `sys.path` (a `NAME.py`, or a package directory
//! `NAME/__init__.py`, or a namespace package: a directory without one),
//! and pyrite's own pure-Python standard library (`PYTHON_MODULES`,
//! compiled on first import). All of them are cached in `sys.modules`,
//! and a submodule is set as an attribute of its parent package.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::code::Code;
use crate::dict::Dict;
use crate::error::{PyErr, PyResult};
use crate::eval::{dict_del, dict_get_str, dict_set};
use crate::object::{Builtin, BuiltinFn, Module, Object};
use crate::value::Value;
use crate::Interpreter;

pub mod abcs;
pub mod math;
pub mod posix;
pub mod stdio;
pub mod sys;
pub mod time;
pub mod traceback_mod;
pub mod types;
pub mod weakref;

pub use sys::int_max_str_digits;

type Kwargs = [(Rc<str>, Value)];

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

/// Makes a built-in module.
type ModuleMaker = fn(&mut Interpreter) -> Value;

/// Modules written in Rust, found before anything on `sys.path`.
const BUILTIN_MODULES: &[(&str, ModuleMaker)] = &[
    ("sys", sys::module),
    ("math", |i| math::module(i)),
    ("time", |i| time::module(i)),
    ("posix", posix::module),
    ("__future__", |i| future_module(i)),
    ("builtins", builtins_module),
    ("types", |i| types::module(i)),
    ("traceback", |i| traceback_mod::module(i)),
    ("_weakref", |i| weakref::module(i)),
    ("_operator", |i| {
        builtin_module(i, "_operator", &[("index", operator_index)], vec![])
    }),
];

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

/// The names of `BUILTIN_MODULES` (`sys.builtin_module_names`).
pub fn builtin_module_names() -> Vec<&'static str> {
    let mut names: Vec<_> = BUILTIN_MODULES.iter().map(|(n, _)| *n).collect();
    names.sort_unstable();
    names
}

/// Modules pyrite writes in Python itself (`modules/lib/`): dotted name,
/// whether it is a package, source. They play the part of CPython's
/// standard library directory, at the end of `sys.path`: a file of the
/// same name beside the script wins.
const PYTHON_MODULES: &[(&str, bool, &str)] = &[
    ("abc", false, include_str!("modules/lib/abc.py")),
    ("array", false, include_str!("modules/lib/array.py")),
    ("asyncio", false, include_str!("modules/lib/asyncio.py")),
    ("bisect", false, include_str!("modules/lib/bisect.py")),
    (
        "collections",
        true,
        include_str!("modules/lib/collections/__init__.py"),
    ),
    (
        "collections.abc",
        false,
        include_str!("modules/lib/collections/abc.py"),
    ),
    (
        "contextlib",
        false,
        include_str!("modules/lib/contextlib.py"),
    ),
    ("copy", false, include_str!("modules/lib/copy.py")),
    (
        "dataclasses",
        false,
        include_str!("modules/lib/dataclasses.py"),
    ),
    ("enum", false, include_str!("modules/lib/enum.py")),
    ("errno", false, include_str!("modules/lib/errno.py")),
    ("functools", false, include_str!("modules/lib/functools.py")),
    ("gc", false, include_str!("modules/lib/gc.py")),
    ("heapq", false, include_str!("modules/lib/heapq.py")),
    (
        "importlib",
        true,
        include_str!("modules/lib/importlib/__init__.py"),
    ),
    ("io", false, include_str!("modules/lib/io.py")),
    ("itertools", false, include_str!("modules/lib/itertools.py")),
    ("json", true, include_str!("modules/lib/json/__init__.py")),
    (
        "json.decoder",
        false,
        include_str!("modules/lib/json/decoder.py"),
    ),
    (
        "json.encoder",
        false,
        include_str!("modules/lib/json/encoder.py"),
    ),
    ("keyword", false, include_str!("modules/lib/keyword.py")),
    ("operator", false, include_str!("modules/lib/operator.py")),
    ("os", false, include_str!("modules/lib/os.py")),
    ("posixpath", false, include_str!("modules/lib/posixpath.py")),
    ("string", false, include_str!("modules/lib/string.py")),
    ("struct", false, include_str!("modules/lib/struct.py")),
    ("textwrap", false, include_str!("modules/lib/textwrap.py")),
    ("typing", false, include_str!("modules/lib/typing.py")),
    ("weakref", false, include_str!("modules/lib/weakref.py")),
];

/// Where `find_spec` found a module.
enum Found {
    Builtin(ModuleMaker),
    /// A `.py` file; for a package, its `__init__.py` and the directory.
    File {
        file: PathBuf,
        package: Option<PathBuf>,
    },
    /// One of `PYTHON_MODULES`.
    Lib {
        source: &'static str,
        package: bool,
    },
    /// Directories without `__init__.py` (a namespace package's portions).
    Namespace(Vec<PathBuf>),
}

// ----- IMPORT_NAME, IMPORT_FROM and __import__ ----------------------------------------

/// IMPORT_NAME: `__import__(name, globals, None, fromlist, level)`.
pub fn import_name(
    interp: &mut Interpreter,
    name: &Value,
    fromlist: &Value,
    level: &Value,
    globals: &Rc<Object>,
) -> PyResult<Value> {
    let name = crate::format::str_value(name);
    let level = match level {
        Value::Int(l) => *l,
        _ => 0,
    };
    import_module_level(interp, &name, Some(globals), fromlist, level)
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn import_builtin(
    interp: &mut Interpreter,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    const NAMES: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    let mut slots: [Option<Value>; 5] = Default::default();
    if args.len() > 5 {
        return Err(interp.type_error(format!(
            "__import__() takes at most 5 arguments ({} given)",
            args.len()
        )));
    }
    for (slot, a) in slots.iter_mut().zip(args) {
        *slot = Some(a.clone());
    }
    for (k, v) in kwargs {
        match NAMES.iter().position(|n| **n == **k) {
            Some(i) => slots[i] = Some(v.clone()),
            None => {
                return Err(interp.type_error(format!(
                    "'{k}' is an invalid keyword argument for __import__()"
                )))
            }
        }
    }
    let [name, globals, _, fromlist, level] = slots;
    let Some(name) = name else {
        return Err(interp.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let Some(Object::Str(s)) = name.as_object() else {
        return Err(interp.type_error("module name must be a string"));
    };
    let globals = match globals {
        Some(Value::Obj(g)) if matches!(&*g, Object::Dict(_)) => Some(g),
        _ => None,
    };
    let level = match level {
        None => 0,
        Some(Value::Int(l)) => l,
        Some(Value::Bool(b)) => b.get() as i64,
        Some(v) => {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(&v)
            )))
        }
    };
    let fromlist = fromlist.unwrap_or(Value::None);
    import_module_level(interp, s.as_str(), globals.as_ref(), &fromlist, level)
}

/// CPython's `PyImport_ImportModuleLevelObject`: import `name` (relative
/// to the package of `globals` when `level` > 0) and give back what the
/// import statement binds: the top package for `import a.b`, the module
/// itself when there is a `fromlist` (after importing the submodules it
/// names).
fn import_module_level(
    interp: &mut Interpreter,
    name: &str,
    globals: Option<&Rc<Object>>,
    fromlist: &Value,
    level: i64,
) -> PyResult<Value> {
    if level < 0 {
        return Err(interp.value_error("level must be >= 0"));
    }
    let abs_name = if level > 0 {
        resolve_name(interp, name, globals, level)?
    } else if name.is_empty() {
        return Err(interp.value_error("Empty module name"));
    } else {
        name.to_string()
    };
    let module = find_and_load(interp, &abs_name)?;
    let has_from = !fromlist.is_none() && interp.is_true(fromlist)?;
    if has_from {
        if has_attr(interp, &module, "__path__")? {
            handle_fromlist(interp, &module, fromlist, false)?;
        }
        return Ok(module);
    }
    if level > 0 && name.is_empty() {
        return Ok(module);
    }
    let Some(dot) = name.find('.') else {
        return Ok(module);
    };
    if level == 0 {
        return find_and_load(interp, &name[..dot]);
    }
    // `__import__('.a.b', level=1)` without a fromlist: the module named
    // by the first component after the package.
    let cut_off = name.len() - dot;
    let to_return = &abs_name[..abs_name.len() - cut_off];
    match dict_get_str(&sys_modules(interp), to_return) {
        Some(m) => Ok(m),
        None => Err(interp.err(
            "KeyError",
            format!("{} not in sys.modules as expected", repr_str(to_return)),
        )),
    }
}

/// The absolute name of a relative import from the module whose
/// namespace is `globals` (`resolve_name` in CPython's import.c).
fn resolve_name(
    interp: &mut Interpreter,
    name: &str,
    globals: Option<&Rc<Object>>,
    level: i64,
) -> PyResult<String> {
    let Some(globals) = globals else {
        return Err(interp.err("KeyError", "'__name__' not in globals"));
    };
    let no_parent = |interp: &Interpreter| {
        interp.err(
            "ImportError",
            "attempted relative import with no known parent package",
        )
    };
    let spec = dict_get_str(globals, "__spec__").filter(|s| !s.is_none());
    let package = match dict_get_str(globals, "__package__").filter(|p| !p.is_none()) {
        Some(p) => match p.as_object() {
            Some(Object::Str(s)) => s.as_str().to_string(),
            _ => return Err(interp.type_error("package must be a string")),
        },
        None => match spec {
            Some(spec) => {
                let parent = interp.get_attr(&spec, &Value::str("parent"))?;
                match parent.as_object() {
                    Some(Object::Str(s)) => s.as_str().to_string(),
                    _ => return Err(interp.type_error("__spec__.parent must be a string")),
                }
            }
            None => {
                // Neither __package__ nor __spec__: the module's own name
                // if it is a package, else its parent's.
                let Some(n) = dict_get_str(globals, "__name__") else {
                    return Err(interp.err("KeyError", "'__name__' not in globals"));
                };
                let Some(Object::Str(n)) = n.as_object() else {
                    return Err(interp.type_error("__name__ must be a string"));
                };
                let n = n.as_str();
                if dict_get_str(globals, "__path__").is_some() {
                    n.to_string()
                } else {
                    match n.rfind('.') {
                        Some(dot) => n[..dot].to_string(),
                        None => return Err(no_parent(interp)),
                    }
                }
            }
        },
    };
    if package.is_empty() {
        return Err(no_parent(interp));
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rfind('.') {
            Some(dot) => base = &base[..dot],
            None => {
                return Err(interp.err(
                    "ImportError",
                    "attempted relative import beyond top-level package",
                ))
            }
        }
    }
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// `_handle_fromlist`: for `from package import x`, import the submodule
/// `package.x` unless the package already has an attribute `x`.
fn handle_fromlist(
    interp: &mut Interpreter,
    module: &Value,
    fromlist: &Value,
    recursive: bool,
) -> PyResult<()> {
    let module_name = crate::format::str_value(&interp.get_attr(module, &Value::str("__name__"))?);
    for x in interp.collect_iterable(fromlist)? {
        let Some(Object::Str(s)) = x.as_object() else {
            let place = if recursive {
                format!("{module_name}.__all__")
            } else {
                "``from list''".to_string()
            };
            return Err(interp.type_error(format!(
                "Item in {place} must be str, not {}",
                interp.type_name(&x)
            )));
        };
        let x = s.as_str();
        if x == "*" {
            if !recursive {
                if let Some(all) = get_attr_opt(interp, module, "__all__")? {
                    handle_fromlist(interp, module, &all, true)?;
                }
            }
            continue;
        }
        if has_attr(interp, module, x)? {
            continue;
        }
        let from_name = format!("{module_name}.{x}");
        if let Err(e) = find_and_load(interp, &from_name) {
            // A missing submodule is not an error here: IMPORT_FROM
            // reports the missing name. (A None in sys.modules is.)
            let is_this_module = is_module_not_found(interp, &e)
                && interp
                    .get_attr(&e.0, &Value::str("name"))
                    .is_ok_and(|n| crate::format::str_value(&n) == from_name);
            let blocked =
                dict_get_str(&sys_modules(interp), &from_name).is_some_and(|m| m.is_none());
            if !is_this_module || blocked {
                return Err(e);
            }
        }
    }
    Ok(())
}

/// IMPORT_FROM: `from module import name`; falls back to
/// `sys.modules['module.name']` (a submodule whose import is still under
/// way has not been set on its parent yet).
pub fn import_from(interp: &mut Interpreter, module: &Value, name: &Value) -> PyResult<Value> {
    match interp.get_attr(module, name) {
        Ok(v) => return Ok(v),
        Err(e)
            if !interp
                .type_of(&e.0)
                .is_subtype(&interp.types.exception("AttributeError")) =>
        {
            return Err(e)
        }
        Err(_) => {}
    }
    let name = crate::format::str_value(name);
    let pkgname = get_attr_opt(interp, module, "__name__")?
        .filter(|n| matches!(n.as_object(), Some(Object::Str(_))))
        .map(|n| crate::format::str_value(&n));
    if let Some(pkg) = &pkgname {
        if let Some(m) = dict_get_str(&sys_modules(interp), &format!("{pkg}.{name}")) {
            return Ok(m);
        }
    }
    let pkg_repr = repr_str(pkgname.as_deref().unwrap_or("<unknown module name>"));
    let path = get_attr_opt(interp, module, "__file__")?
        .filter(|p| matches!(p.as_object(), Some(Object::Str(_))));
    let msg = match &path {
        None => format!(
            "cannot import name {} from {pkg_repr} (unknown location)",
            repr_str(&name)
        ),
        Some(p) if pkgname.as_deref().is_some_and(is_initializing) => format!(
            "cannot import name {} from partially initialized module {pkg_repr} \
             (most likely due to a circular import) ({})",
            repr_str(&name),
            crate::format::str_value(p)
        ),
        Some(p) => format!(
            "cannot import name {} from {pkg_repr} ({})",
            repr_str(&name),
            crate::format::str_value(p)
        ),
    };
    let name = pkgname.map(|n| Value::str(&n)).unwrap_or(Value::None);
    Err(import_error(
        interp,
        "ImportError",
        &msg,
        name,
        path.unwrap_or(Value::None),
    ))
}

// ----- finding and loading ----------------------------------------------------------

/// `_find_and_load`: the module `name` from `sys.modules`, else found,
/// loaded and cached (its parent packages first).
fn find_and_load(interp: &mut Interpreter, name: &str) -> PyResult<Value> {
    let modules = sys_modules(interp);
    if let Some(m) = dict_get_str(&modules, name) {
        if m.is_none() {
            let msg = format!("import of {name} halted; None in sys.modules");
            return Err(module_not_found(interp, &msg, name));
        }
        return Ok(m);
    }
    let (parent, child) = match name.rsplit_once('.') {
        Some((p, c)) => (Some(p), c),
        None => (None, name),
    };
    let mut path = None;
    if let Some(parent) = parent {
        let parent_module = find_and_load(interp, parent)?;
        // Importing the parent may have imported this module too.
        if let Some(m) = dict_get_str(&modules, name) {
            return Ok(m);
        }
        let parent_module = dict_get_str(&modules, parent).unwrap_or(parent_module);
        match get_attr_opt(interp, &parent_module, "__path__")? {
            Some(p) => path = Some(path_entries(interp, &p)?),
            None => {
                let msg = format!(
                    "No module named {}; {} is not a package",
                    repr_str(name),
                    repr_str(parent)
                );
                return Err(module_not_found(interp, &msg, name));
            }
        }
    }
    let Some(found) = find_spec(interp, name, child, path) else {
        let msg = format!("No module named {}", repr_str(name));
        return Err(module_not_found(interp, &msg, name));
    };
    let module = load(interp, name, found, &modules)?;
    if let Some(parent) = parent {
        if let Some(p) = dict_get_str(&modules, parent) {
            // CPython only warns when the parent refuses the attribute.
            let _ = interp.set_attr(&p, &Value::str(child), module.clone());
        }
    }
    Ok(module)
}

/// Find the module `name` (whose last component is `child`): a built-in
/// one, then on the search path (`sys.path`, or the parent package's
/// `__path__`), then in pyrite's library.
fn find_spec(
    interp: &mut Interpreter,
    name: &str,
    child: &str,
    path: Option<Vec<PathBuf>>,
) -> Option<Found> {
    if path.is_none() {
        if let Some((_, make)) = BUILTIN_MODULES.iter().find(|(n, _)| *n == name) {
            return Some(Found::Builtin(*make));
        }
    }
    let dirs = path.unwrap_or_else(|| search_path(interp));
    let mut portions = Vec::new();
    for dir in dirs {
        let sub = dir.join(child);
        if sub.is_dir() {
            let init = sub.join("__init__.py");
            if init.is_file() {
                return Some(Found::File {
                    file: init,
                    package: Some(sub),
                });
            }
            portions.push(sub);
        }
        let file = dir.join(format!("{child}.py"));
        if file.is_file() {
            return Some(Found::File {
                file,
                package: None,
            });
        }
    }
    if let Some(&(_, package, source)) = PYTHON_MODULES.iter().find(|(n, ..)| *n == name) {
        return Some(Found::Lib { source, package });
    }
    (!portions.is_empty()).then_some(Found::Namespace(portions))
}

/// Create and run the module `name` where `find_spec` found it.
fn load(
    interp: &mut Interpreter,
    name: &str,
    found: Found,
    modules: &Rc<Object>,
) -> PyResult<Value> {
    match found {
        Found::Builtin(make) => {
            let m = make(interp);
            dict_set(modules, Value::str(name), m.clone());
            Ok(m)
        }
        Found::File { file, package } => {
            let file_name = file.to_string_lossy().into_owned();
            let source = match std::fs::read(&file) {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => {
                    let msg = format!("cannot read {file_name}: {e}");
                    return Err(import_error(
                        interp,
                        "ImportError",
                        &msg,
                        Value::str(name),
                        Value::str(&file_name),
                    ));
                }
            };
            let path = package.map(|p| vec![Value::str(&p.to_string_lossy())]);
            run_module(interp, name, &file_name, &source, path, modules)
        }
        Found::Lib { source, package } => {
            let file = format!("<frozen {name}>");
            run_module(interp, name, &file, source, package.then(Vec::new), modules)
        }
        Found::Namespace(dirs) => {
            let mut d = module_dict(interp, name, Some(&Value::None), true);
            let dirs = dirs
                .iter()
                .map(|p| Value::str(&p.to_string_lossy()))
                .collect();
            d.set_str("__path__", list(dirs));
            let m = interp.module(name, d);
            dict_set(modules, Value::str(name), m.clone());
            Ok(m)
        }
    }
}

/// A new module namespace with the attributes every loaded module has.
fn module_dict(interp: &Interpreter, name: &str, file: Option<&Value>, package: bool) -> Dict {
    let parent = if package {
        name
    } else {
        name.rsplit_once('.').map_or("", |(p, _)| p)
    };
    let mut d = Dict::new();
    d.set_str("__name__", Value::str(name));
    d.set_str("__doc__", Value::None);
    d.set_str("__package__", Value::str(parent));
    d.set_str("__loader__", Value::None);
    d.set_str("__spec__", Value::None);
    if let Some(f) = file {
        d.set_str("__file__", f.clone());
    }
    d.set_str("__builtins__", Value::Obj(interp.builtins.clone()));
    d
}

thread_local! {
    /// Modules whose code is running (`__spec__._initializing` in CPython),
    /// for the "partially initialized module" message.
    static INITIALIZING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn is_initializing(name: &str) -> bool {
    INITIALIZING.with(|i| i.borrow().iter().any(|n| n == name))
}

/// Compile `source` and run it in a fresh module namespace, cached in
/// sys.modules before it runs (as CPython does, so circular imports see
/// the partly initialised module) and removed again if it fails. The
/// result is what sys.modules holds afterwards (a module may replace
/// itself there).
fn run_module(
    interp: &mut Interpreter,
    name: &str,
    file: &str,
    source: &str,
    package_path: Option<Vec<Value>>,
    modules: &Rc<Object>,
) -> PyResult<Value> {
    let co = match pyrite_compiler::compile(source, file) {
        Ok(co) => co,
        Err(e) => return Err(crate::builtins::errors::syntax_error(interp, &e, source)),
    };
    let code = Code::new(Rc::new(co)).map_err(|b| interp.err("SystemError", b.0))?;
    let is_package = package_path.is_some();
    let mut d = module_dict(interp, name, Some(&Value::str(file)), is_package);
    if let Some(path) = package_path {
        d.set_str("__path__", list(path));
    }
    let module = interp.module(name, d);
    let Some(Object::Module(m)) = module.as_object() else {
        return Err(interp.err("SystemError", format!("module {name} was not created")));
    };
    let globals = m.dict.clone();
    let key = Value::str(name);
    dict_set(modules, key.clone(), module.clone());
    INITIALIZING.with(|i| i.borrow_mut().push(name.to_string()));
    let result = interp.run_code(code, globals.clone(), Some(globals));
    INITIALIZING.with(|i| {
        let mut i = i.borrow_mut();
        if let Some(pos) = i.iter().rposition(|n| n == name) {
            i.remove(pos);
        }
    });
    if let Err(e) = result {
        dict_del(modules, &key);
        return Err(e);
    }
    Ok(crate::eval::dict_get(modules, &key).unwrap_or(module))
}

// ----- helpers ------------------------------------------------------------------------

/// The `sys.modules` dict, created on first use with `__main__` in it.
pub(crate) fn sys_modules(interp: &mut Interpreter) -> Rc<Object> {
    if let Some(m) = &interp.modules {
        return m.clone();
    }
    let d = Rc::new(Object::Dict(RefCell::new(Dict::new())));
    if let Some(main) = interp.frames.first() {
        let m = Value::obj(Object::Module(Module {
            name: Rc::from("__main__"),
            dict: Rc::clone(&main.globals),
        }));
        dict_set(&d, Value::str("__main__"), m);
    }
    interp.modules = Some(d.clone());
    d
}

/// The directory of the main script (sys.path[0]), absolute: where the
/// file named on the command line is (a .pyc's own directory, whatever
/// file name its code objects carry).
pub(crate) fn script_dir(interp: &Interpreter) -> PathBuf {
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
    let dir = Path::new(&file)
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

/// Where top-level modules are looked for: `sys.path` once `sys` exists
/// (programs may change it), else the script's directory.
fn search_path(interp: &mut Interpreter) -> Vec<PathBuf> {
    let modules = sys_modules(interp);
    let path = dict_get_str(&modules, "sys").and_then(|sys| match sys.as_object() {
        Some(Object::Module(m)) => dict_get_str(&m.dict, "path"),
        _ => None,
    });
    match path {
        Some(p) => path_entries(interp, &p).unwrap_or_default(),
        None => vec![script_dir(interp)],
    }
}

/// The str items of a path list (`''` is the current directory); other
/// items are skipped, as CPython's path finder skips them.
fn path_entries(interp: &mut Interpreter, path: &Value) -> PyResult<Vec<PathBuf>> {
    Ok(interp
        .collect_iterable(path)?
        .iter()
        .filter_map(|p| match p.as_object() {
            Some(Object::Str(s)) if s.as_str().is_empty() => Some(PathBuf::from(".")),
            Some(Object::Str(s)) => Some(PathBuf::from(s.as_str())),
            _ => None,
        })
        .collect())
}

fn list(items: Vec<Value>) -> Value {
    Value::obj(Object::List(RefCell::new(items)))
}

fn repr_str(s: &str) -> String {
    pyrite_compiler::repr::str_repr(s)
}

/// `getattr(v, name, None)`-like: None when the attribute is missing
/// (AttributeError), other errors propagate.
fn get_attr_opt(interp: &mut Interpreter, v: &Value, name: &str) -> PyResult<Option<Value>> {
    match interp.get_attr(v, &Value::str(name)) {
        Ok(v) => Ok(Some(v)),
        Err(e)
            if interp
                .type_of(&e.0)
                .is_subtype(&interp.types.exception("AttributeError")) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn has_attr(interp: &mut Interpreter, v: &Value, name: &str) -> PyResult<bool> {
    Ok(get_attr_opt(interp, v, name)?.is_some())
}

fn is_module_not_found(interp: &Interpreter, e: &PyErr) -> bool {
    interp
        .type_of(&e.0)
        .is_subtype(&interp.types.exception("ModuleNotFoundError"))
}

/// An ImportError (or subclass `kind`) with its `name` and `path`.
fn import_error(interp: &Interpreter, kind: &str, msg: &str, name: Value, path: Value) -> PyErr {
    let e = interp.err(kind, msg);
    if let Some(Object::Exception(x)) = e.0.as_object() {
        let mut attrs = x.attrs.borrow_mut();
        attrs.push((Rc::from("name"), name));
        attrs.push((Rc::from("path"), path));
    }
    e
}

fn module_not_found(interp: &Interpreter, msg: &str, name: &str) -> PyErr {
    import_error(
        interp,
        "ModuleNotFoundError",
        msg,
        Value::str(name),
        Value::None,
    )
}

/// `open(...)`: `io.open`, written in Python over the `posix` module.
pub fn open_builtin(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let io = find_and_load(interp, "io")?;
    let open = interp.get_attr(&io, &Value::str("open"))?;
    interp.call(&open, args.to_vec(), kwargs.to_vec())
}

/// The `builtins` module: its namespace is the builtins dict itself, so
/// that `builtins.len = f` changes what `len` means everywhere.
fn builtins_module(interp: &mut Interpreter) -> Value {
    Value::obj(Object::Module(Module {
        name: Rc::from("builtins"),
        dict: interp.builtins.clone(),
    }))
}

fn future_module(interp: &Interpreter) -> Value {
    // The features the compiler accepts (one list for both).
    let values = pyrite_compiler::symtable::FUTURE_FEATURES
        .iter()
        .map(|f| (*f, Value::bool(true)))
        .collect();
    builtin_module(interp, "__future__", &[], values)
}

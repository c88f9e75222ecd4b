//! Built-in functions, built-in type constructors and the methods of
//! built-in types.
//!
//! The functions are grouped by subject in submodules, each exporting a
//! `FUNCTIONS` table that `install` puts in the builtins namespace, and a
//! `construct` function for the types whose constructors it owns.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{Builtin, BuiltinFn, Object};
use crate::types::{TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

pub mod containers;
pub mod errors;
pub mod num;
pub mod text;

pub type Kwargs = [(Rc<str>, Value)];

/// Write program output (buffered; flushed at exit and by `flush=True`).
pub fn write_out(interp: &mut Interpreter, s: &str) {
    let _ = interp.out.write_all(s.as_bytes());
}

/// Fill the builtins namespace.
pub fn install(interp: &mut Interpreter) {
    let funcs: &[(&'static str, BuiltinFn)] = &[
        ("print", print),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("aiter", crate::coroutine::aiter),
        ("anext", crate::coroutine::anext),
        ("open", crate::modules::open_builtin),
        ("__import__", crate::modules::import_builtin),
    ];
    let Object::Dict(d) = &*interp.builtins else {
        return;
    };
    let mut d = d.borrow_mut();
    let groups = [
        funcs,
        num::FUNCTIONS,
        text::FUNCTIONS,
        containers::FUNCTIONS,
        errors::FUNCTIONS,
    ];
    for &(name, func) in groups.iter().flat_map(|g| g.iter()) {
        d.set_str(
            name,
            Value::obj(Object::Builtin(Builtin {
                name,
                func,
                bound: None,
            })),
        );
    }
    let t = &interp.types;
    for typ in [
        &t.object,
        &t.type_,
        &t.bool_,
        &t.int,
        &t.float,
        &t.complex,
        &t.str_,
        &t.bytes,
        &t.tuple,
        &t.list,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.bytearray,
        &t.memoryview,
        &t.range,
        &t.slice,
    ] {
        d.set_str(&typ.name.clone(), Value::obj(Object::Type(typ.clone())));
    }
    for (name, _) in containers::ITERATOR_TYPES {
        d.set_str(name, Value::obj(Object::Type(t.iterator_type(name))));
    }
    for e in &t.exceptions {
        d.set_str(&e.name.clone(), Value::obj(Object::Type(e.clone())));
    }
    // Old names of OSError.
    for alias in ["EnvironmentError", "IOError"] {
        d.set_str(alias, Value::obj(Object::Type(t.exception("OSError"))));
    }
    d.set_str("None", Value::None);
    d.set_str("True", Value::bool(true));
    d.set_str("False", Value::bool(false));
    d.set_str("Ellipsis", Value::obj(Object::Ellipsis));
    d.set_str("NotImplemented", Value::obj(Object::NotImplemented));
    d.set_str("__name__", Value::str("builtins"));
    for &(name, func) in crate::methods::str::STATIC {
        let f = Value::obj(Object::Builtin(Builtin {
            name,
            func,
            bound: None,
        }));
        t.str_.dict.borrow_mut().set_str(name, f);
    }
    // Class methods of built-in types live in the type's namespace.
    let fromkeys = Value::obj(Object::Builtin(Builtin {
        name: "fromkeys",
        func: crate::methods::dict::fromkeys,
        bound: None,
    }));
    t.dict.dict.borrow_mut().set_str("fromkeys", fromkeys);
    for (ty, table) in [
        (&t.bytes, crate::methods::bytes::BYTES_CLASS_METHODS),
        (&t.bytearray, crate::methods::bytes::BYTEARRAY_CLASS_METHODS),
    ] {
        for &(name, func) in table {
            let f = Value::obj(Object::Builtin(Builtin {
                name,
                func,
                bound: None,
            }));
            ty.dict.borrow_mut().set_str(name, f);
        }
    }
    drop(d);
    num::install(interp);
}

fn kwarg<'a>(kwargs: &'a Kwargs, name: &str) -> Option<&'a Value> {
    kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

/// print's `sep`/`end`: None gives the default; anything but a str is a
/// TypeError.
fn print_text(
    interp: &Interpreter,
    kwargs: &Kwargs,
    name: &str,
    default: &str,
) -> PyResult<Option<Value>> {
    match kwarg(kwargs, name) {
        None | Some(Value::None) => Ok(None),
        Some(v @ Value::Obj(o)) if matches!(&**o, Object::Str(_)) => Ok(Some(v.clone())),
        Some(v) => Err(interp.type_error(format!(
            "{name} must be None or a string, not {}",
            interp.type_name(v)
        ))),
    }
    .map(|v| v.or_else(|| (!default.is_empty()).then(|| Value::str(default))))
}

fn print(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if let Some((k, _)) = kwargs
        .iter()
        .find(|(k, _)| !matches!(&**k, "sep" | "end" | "file" | "flush"))
    {
        return Err(interp.type_error(format!("'{k}' is an invalid keyword argument for print()")));
    }
    let sep = print_text(interp, kwargs, "sep", " ")?;
    let end = print_text(interp, kwargs, "end", "\n")?;
    let flush = match kwarg(kwargs, "flush") {
        Some(v) => interp.is_true(&v.clone())?,
        None => false,
    };
    match kwarg(kwargs, "file") {
        None | Some(Value::None) => match replaced_stdout(interp) {
            None => print_stdout(interp, args, sep, end, flush),
            // print() with sys.stdout set to None prints nothing.
            Some(Value::None) => Ok(Value::None),
            Some(file) => print_file(interp, file, args, sep, end, flush),
        },
        Some(file) => print_file(interp, file.clone(), args, sep, end, flush),
    }
}

/// What `sys.stdout` is now, if the program replaced it.
fn replaced_stdout(interp: &Interpreter) -> Option<Value> {
    let (sys, original) = interp.sys_stdout.as_ref()?;
    let now = crate::eval::dict_get_str(sys, "stdout")?;
    (!now.is(original)).then_some(now)
}

/// print() to the interpreter's buffered stdout: one write of the line.
fn print_stdout(
    interp: &mut Interpreter,
    args: &[Value],
    sep: Option<Value>,
    end: Option<Value>,
    flush: bool,
) -> PyResult<Value> {
    let sep = sep
        .map(|v| crate::format::str_value(&v))
        .unwrap_or_default();
    let mut line = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        line.push_str(&crate::format::str_of(interp, a)?);
    }
    if let Some(end) = end {
        line.push_str(&crate::format::str_value(&end));
    }
    write_out(interp, &line);
    if flush {
        let _ = interp.out.flush();
    }
    Ok(Value::None)
}

/// print(..., file=f): each piece through `f.write`, as CPython does (so
/// any object with a write method works, and others raise AttributeError).
fn print_file(
    interp: &mut Interpreter,
    file: Value,
    args: &[Value],
    sep: Option<Value>,
    end: Option<Value>,
    flush: bool,
) -> PyResult<Value> {
    let write = |interp: &mut Interpreter, piece: Value| -> PyResult<()> {
        let w = interp.get_attr(&file, &Value::str("write"))?;
        interp.call(&w, vec![piece], Vec::new()).map(drop)
    };
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            if let Some(sep) = &sep {
                write(interp, sep.clone())?;
            }
        }
        let text = crate::format::str_of(interp, a)?;
        write(interp, Value::str(&text))?;
    }
    if let Some(end) = end {
        write(interp, end)?;
    }
    if flush {
        let f = interp.get_attr(&file, &Value::str("flush"))?;
        interp.call(&f, Vec::new(), Vec::new())?;
    }
    Ok(Value::None)
}

/// Which of isinstance and issubclass is asking.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Check {
    Instance,
    Subclass,
}

/// `isinstance(v, spec)` / `issubclass(v, spec)` for a class or a
/// (nested) tuple of classes; a metaclass's `__instancecheck__` or
/// `__subclasscheck__` decides for its classes. Ok(None) when `spec`
/// holds something that is not a type.
fn check_class(
    interp: &mut Interpreter,
    check: Check,
    v: &Value,
    spec: &Value,
) -> PyResult<Option<bool>> {
    match spec.as_object() {
        Some(Object::Type(s)) => {
            // An exact type match needs no hook (CPython's fast path). An
            // instance's class is at hand without `type_of`'s big match.
            if check == Check::Instance {
                let exact = match v.as_object() {
                    Some(Object::Instance(i)) => Rc::ptr_eq(&i.typ, s),
                    _ => Rc::ptr_eq(&interp.type_of(v), s),
                };
                if exact {
                    return Ok(Some(true));
                }
            }
            if s.metaclass.is_some() {
                let hook = match check {
                    Check::Instance => "__instancecheck__",
                    Check::Subclass => "__subclasscheck__",
                };
                if let Some(r) = crate::class::call_dunder(interp, spec, hook, vec![v.clone()]) {
                    let r = r?;
                    return interp.is_true(&r).map(Some);
                }
            }
            match (check, v.as_object()) {
                // ABCs of pyrite's library count their registered
                // (virtual) subclasses too (`modules::abcs`).
                (Check::Instance, _) => {
                    let t = interp.type_of(v);
                    Ok(Some(
                        t.is_subtype(s) || crate::modules::abcs::is_virtual_subclass(&t, s),
                    ))
                }
                (Check::Subclass, Some(Object::Type(t))) => Ok(Some(
                    t.is_subtype(s) || crate::modules::abcs::is_virtual_subclass(t, s),
                )),
                (Check::Subclass, _) => {
                    Err(interp.type_error("issubclass() arg 1 must be a class"))
                }
            }
        }
        Some(Object::GenericAlias { .. }) => {
            let which = match check {
                Check::Instance => "isinstance",
                Check::Subclass => "issubclass",
            };
            Err(interp.type_error(format!(
                "{which}() argument 2 cannot be a parameterized generic"
            )))
        }
        Some(Object::Tuple(items)) => {
            for item in items.iter() {
                match check_class(interp, check, v, item)? {
                    Some(true) => return Ok(Some(true)),
                    Some(false) => {}
                    None => return Ok(None),
                }
            }
            Ok(Some(false))
        }
        _ => Ok(None),
    }
}

fn isinstance(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(interp.type_error("isinstance() takes no keyword arguments"));
    }
    let [v, spec] = args else {
        return Err(interp.type_error(format!(
            "isinstance expected 2 arguments, got {}",
            args.len()
        )));
    };
    match check_class(interp, Check::Instance, v, spec)? {
        Some(b) => Ok(Value::bool(b)),
        None => {
            Err(interp
                .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
        }
    }
}

fn issubclass(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(interp.type_error("issubclass() takes no keyword arguments"));
    }
    let [c, spec] = args else {
        return Err(interp.type_error(format!(
            "issubclass expected 2 arguments, got {}",
            args.len()
        )));
    };
    match check_class(interp, Check::Subclass, c, spec)? {
        Some(b) => Ok(Value::bool(b)),
        None if !matches!(c.as_object(), Some(Object::Type(_))) => {
            Err(interp.type_error("issubclass() arg 1 must be a class"))
        }
        None => {
            Err(interp
                .type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        }
    }
}

/// Calling a type object: construct an instance.
pub fn call_type(
    interp: &mut Interpreter,
    t: &Rc<TypeObject>,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    for construct in [
        num::construct,
        text::construct,
        containers::construct,
        errors::construct,
    ] {
        if let Some(r) = construct(interp, t, &args, &kwargs) {
            return r;
        }
    }
    match t.kind {
        TypeKind::Exception => Ok(interp.exception(t, args)),
        // `object()`: a bare instance, typically a unique sentinel.
        TypeKind::Object if args.is_empty() && kwargs.is_empty() => Ok(Value::obj(
            Object::Instance(crate::object::Instance::new(t)),
        )),
        TypeKind::Object => Err(interp.type_error("object() takes no arguments")),
        TypeKind::Str => match args.first() {
            Some(v) => Ok(Value::str(&crate::format::str_of(interp, v)?)),
            None => Ok(Value::str("")),
        },
        TypeKind::Type => crate::typecall::call_type_itself(interp, &args, &kwargs),
        TypeKind::Function => new_function(interp, &args, &kwargs),
        TypeKind::MemoryView => crate::methods::memoryview::construct(interp, &args, &kwargs),
        TypeKind::WeakRef => crate::modules::weakref::construct(interp, &args, &kwargs),
        _ => Err(interp.type_error(format!("cannot create '{}' instances", t.name))),
    }
}

/// The built-in method `name` of instances of `kind`, if any. Each
/// built-in type's methods live in `crate::methods::<type>`; the bound
/// object arrives as the first argument.
pub fn method(kind: TypeKind, name: &str) -> Option<(&'static str, BuiltinFn)> {
    let found = method_table(kind).iter().find(|(n, _)| *n == name).copied();
    found.or_else(|| crate::methods::dunder::lookup(kind, name))
}

/// The name of a built-in type that classes can derive from.
pub fn subclassable_name(kind: TypeKind) -> Option<&'static str> {
    Some(match kind {
        TypeKind::List => "list",
        TypeKind::Dict => "dict",
        TypeKind::Tuple => "tuple",
        TypeKind::Str => "str",
        TypeKind::Int => "int",
        TypeKind::Float => "float",
        TypeKind::Set => "set",
        TypeKind::FrozenSet => "frozenset",
        TypeKind::Bytes => "bytes",
        _ => return None,
    })
}

/// The named (non-special) methods of instances of `kind`.
pub fn method_table(kind: TypeKind) -> &'static [(&'static str, BuiltinFn)] {
    match kind {
        TypeKind::Str => crate::methods::str::METHODS,
        TypeKind::List => crate::methods::list::METHODS,
        TypeKind::Dict => crate::methods::dict::METHODS,
        TypeKind::Tuple => crate::methods::tuple::METHODS,
        TypeKind::Set => crate::methods::set::METHODS,
        TypeKind::FrozenSet => crate::methods::set::FROZEN_METHODS,
        TypeKind::Int | TypeKind::Bool => crate::methods::int::METHODS,
        TypeKind::Float => crate::methods::float::METHODS,
        TypeKind::Bytes | TypeKind::ByteArray => crate::methods::bytes::METHODS,
        TypeKind::Generator => crate::generator::METHODS,
        TypeKind::Coroutine => crate::coroutine::COROUTINE_METHODS,
        TypeKind::AsyncGenerator => crate::async_gen::METHODS,
        TypeKind::CoroutineWrapper => crate::coroutine::WRAPPER_METHODS,
        TypeKind::AsyncAwaitable => crate::coroutine::AWAITABLE_METHODS,
        TypeKind::DictView => crate::methods::dict::VIEW_METHODS,
        TypeKind::Complex => crate::methods::float::COMPLEX_METHODS,
        TypeKind::Slice => containers::SLICE_METHODS,
        TypeKind::Range => containers::RANGE_METHODS,
        TypeKind::MemoryView => crate::methods::memoryview::METHODS,
        TypeKind::Code => crate::function::CODE_METHODS,
        _ => &[],
    }
}

/// The attribute names `dir(v)` lists for a value of built-in type `t`:
/// its methods, the special methods it supports and its data attributes
/// (only names that `getattr` resolves; CPython also lists the dunders
/// every object inherits, which pyrite does not have as attributes yet).
pub fn type_attr_names(t: &TypeObject) -> Vec<String> {
    const SPECIAL: &[&str] = &[
        "__contains__",
        "__len__",
        "__iter__",
        "__next__",
        "__getitem__",
        "__setitem__",
        "__delitem__",
    ];
    let mut names: Vec<String> = method_table(t.kind)
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    names.extend(
        SPECIAL
            .iter()
            .filter(|n| crate::methods::dunder::lookup(t.kind, n).is_some())
            .map(|n| n.to_string()),
    );
    let data: &[&str] = match t.kind {
        TypeKind::Int | TypeKind::Bool => &["real", "imag", "numerator", "denominator"],
        TypeKind::Float | TypeKind::Complex => &["real", "imag"],
        TypeKind::Slice | TypeKind::Range => &["start", "stop", "step"],
        TypeKind::MemoryView => crate::methods::memoryview::ATTRS,
        _ => &[],
    };
    names.extend(data.iter().map(|n| n.to_string()));
    names.extend(
        t.dict
            .borrow()
            .iter()
            .map(|(k, _)| crate::format::str_value(k)),
    );
    names
}

/// `function(code, globals, name=None, argdefs=None, closure=None)`
/// (`types.FunctionType`), with func_new's checks and messages.
fn new_function(
    interp: &mut Interpreter,
    args: &[Value],
    kwargs: &[(Rc<str>, Value)],
) -> PyResult<Value> {
    const NAMES: [&str; 5] = ["code", "globals", "name", "argdefs", "closure"];
    if args.len() > 5 {
        return Err(interp.type_error(format!(
            "function() takes at most 5 arguments ({} given)",
            args.len()
        )));
    }
    let mut slots: [Option<Value>; 5] = Default::default();
    for (slot, a) in slots.iter_mut().zip(args) {
        *slot = Some(a.clone());
    }
    for (k, v) in kwargs {
        let Some(i) = NAMES.iter().position(|n| **n == **k) else {
            return Err(interp.type_error(format!(
                "function() got an unexpected keyword argument '{k}'"
            )));
        };
        if slots[i].is_some() {
            return Err(interp.type_error(format!(
                "argument for function() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v.clone());
    }
    let [code, globals, name, argdefs, closure] = slots;
    let (Some(code), Some(globals)) = (code, globals) else {
        let missing = if args.is_empty() { "code" } else { "globals" };
        let pos = if args.is_empty() { 1 } else { 2 };
        return Err(interp.type_error(format!(
            "function() missing required argument '{missing}' (pos {pos})"
        )));
    };
    let Some(Object::Code(code)) = code.as_object() else {
        return Err(interp.type_error(format!(
            "function() argument 'code' must be code, not {}",
            crate::methods::str::clinic_type_name(interp, &code)
        )));
    };
    let Value::Obj(globals) = globals.clone() else {
        return Err(interp.type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            crate::methods::str::clinic_type_name(interp, &globals)
        )));
    };
    if !matches!(&*globals, Object::Dict(_)) {
        return Err(interp.type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            crate::methods::str::clinic_type_name(interp, &Value::Obj(globals.clone()))
        )));
    }
    let name = name.filter(|n| !n.is_none());
    if name
        .as_ref()
        .is_some_and(|n| !matches!(n.as_object(), Some(Object::Str(_))))
    {
        return Err(interp.type_error("arg 3 (name) must be None or string"));
    }
    let argdefs = argdefs.filter(|d| !d.is_none());
    if argdefs
        .as_ref()
        .is_some_and(|d| !matches!(d.as_object(), Some(Object::Tuple(_))))
    {
        return Err(interp.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let closure = closure.filter(|c| !c.is_none());
    let nfree = code.co.freevars().len();
    let cells: &[Value] = match closure.as_ref().map(|c| c.as_object()) {
        None if nfree > 0 => return Err(interp.type_error("arg 5 (closure) must be tuple")),
        None => &[],
        Some(Some(Object::Tuple(cells))) => cells,
        Some(_) => return Err(interp.type_error("arg 5 (closure) must be tuple")),
    };
    if cells.len() != nfree {
        return Err(interp.value_error(format!(
            "{} requires closure of length {nfree}, not {}",
            crate::format::str_value(&code.name),
            cells.len()
        )));
    }
    if let Some(bad) = cells
        .iter()
        .find(|c| !matches!(c.as_object(), Some(Object::Cell(_))))
    {
        return Err(interp.type_error(format!(
            "arg 5 (closure) expected cell, found {}",
            interp.type_name(bad)
        )));
    }
    let module = crate::eval::dict_get_str(&globals, "__name__").unwrap_or(Value::None);
    let doc = match code.co.consts.first() {
        Some(pyrite_compiler::Constant::Str(s))
            if code.co.flags & pyrite_compiler::code::flags::OPTIMIZED != 0 =>
        {
            Value::str(s)
        }
        _ => Value::None,
    };
    Ok(Value::obj(Object::Function(Box::new(
        crate::object::Function {
            name: RefCell::new(name.unwrap_or_else(|| code.name.clone())),
            qualname: RefCell::new(code.qualname.clone()),
            code: code.clone(),
            globals,
            defaults: RefCell::new(argdefs),
            kwdefaults: RefCell::new(None),
            closure,
            annotations: None,
            doc,
            module,
            dict: RefCell::new(None),
        },
    ))))
}

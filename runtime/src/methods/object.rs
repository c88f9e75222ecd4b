//! The built-in methods of `object`, `type` and `BaseException`. They live
//! in those types' dicts (put there by `install`) so that
//! `super().__init__()`, `object.__setattr__(self, ...)` or
//! `type.__new__(mcls, ...)` find them like any inherited method; the
//! machinery they call is `crate::attr` and `crate::typecall`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::error::PyResult;
use crate::object::{Builtin, BuiltinFn, Instance, MethodDescr, Object};
use crate::typecall::{overrides_init, type_call, type_new_with, type_value};
use crate::types::{Hooks, TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

/// How a built-in method sits in a type's dict.
#[derive(Clone, Copy)]
enum Kind {
    /// Bound to the instance it is read through (a method descriptor).
    Method,
    Static,
    Class,
}

const OBJECT_METHODS: &[(&str, Kind, BuiltinFn)] = &[
    ("__new__", Kind::Static, object_new),
    ("__init__", Kind::Method, object_init),
    ("__init_subclass__", Kind::Class, object_init_subclass),
    ("__getattribute__", Kind::Method, object_getattribute),
    ("__setattr__", Kind::Method, object_setattr),
    ("__delattr__", Kind::Method, object_delattr),
    ("__dir__", Kind::Method, object_dir),
    ("__repr__", Kind::Method, object_repr),
    ("__str__", Kind::Method, object_str),
];

const TYPE_METHODS: &[(&str, Kind, BuiltinFn)] = &[
    ("__new__", Kind::Static, type_new),
    ("__init__", Kind::Method, type_init),
    ("__call__", Kind::Method, type_call_method),
    ("__prepare__", Kind::Class, type_prepare),
    ("__getattribute__", Kind::Method, type_getattribute),
    ("__setattr__", Kind::Method, type_setattr),
    ("__delattr__", Kind::Method, type_delattr),
    ("__dir__", Kind::Method, type_dir),
    ("__subclasses__", Kind::Method, type_subclasses),
    ("__instancecheck__", Kind::Method, type_instancecheck),
    ("__subclasscheck__", Kind::Method, type_subclasscheck),
    ("mro", Kind::Method, type_mro),
];

const EXCEPTION_METHODS: &[(&str, Kind, BuiltinFn)] = &[
    ("__new__", Kind::Static, exception_new),
    ("__init__", Kind::Method, exception_init),
    ("__str__", Kind::Method, exception_str),
    ("__repr__", Kind::Method, exception_repr),
];

/// Put the built-in methods of `object`, `type` and `BaseException` in
/// their dicts.
pub fn install(interp: &Interpreter) {
    let t = &interp.types;
    for (typ, owner, table) in [
        (&t.object, "object", OBJECT_METHODS),
        (&t.type_, "type", TYPE_METHODS),
        (
            &t.exception("BaseException"),
            "BaseException",
            EXCEPTION_METHODS,
        ),
    ] {
        let mut d = typ.dict.borrow_mut();
        for &(name, kind, func) in table {
            let b = Builtin {
                name,
                func,
                bound: None,
            };
            let v = match kind {
                Kind::Method => Object::MethodDescriptor(MethodDescr { name, func, owner }),
                Kind::Static => Object::StaticMethod(Value::obj(Object::Builtin(b))),
                Kind::Class => Object::ClassMethod(Value::obj(Object::Builtin(b))),
            };
            d.set_str(name, Value::obj(v));
        }
    }
}

/// Is `v` one of the built-in methods `install` put in a type's dict (as
/// opposed to a function a class statement defined)?
pub fn is_builtin_slot(v: &Value) -> bool {
    match v.as_object() {
        Some(Object::MethodDescriptor(_) | Object::Builtin(_)) => true,
        Some(Object::StaticMethod(f) | Object::ClassMethod(f)) => {
            matches!(f.as_object(), Some(Object::Builtin(_)))
        }
        _ => false,
    }
}

// ----- built-in methods: argument helpers ----------------------------------------------

/// The type a static or class method of a type got as its first argument.
fn type_arg<'a>(
    interp: &Interpreter,
    args: &'a [Value],
    who: &str,
) -> PyResult<(&'a Rc<TypeObject>, &'a [Value])> {
    let Some((first, rest)) = args.split_first() else {
        return Err(interp.type_error(format!("{who}(): not enough arguments")));
    };
    match first.as_object() {
        Some(Object::Type(t)) => Ok((t, rest)),
        _ => Err(interp.type_error(format!(
            "{who}(X): X is not a type object ({})",
            interp.type_name(first)
        ))),
    }
}

/// The object a method descriptor of `owner` was called on, with the
/// rest of the arguments, which must number `n` (CPython's slot wrapper
/// messages).
fn self_arg<'a>(
    interp: &Interpreter,
    args: &'a [Value],
    kwargs: &Kwargs,
    name: &str,
    owner: &str,
    n: usize,
) -> PyResult<(&'a Value, &'a [Value])> {
    let Some((this, rest)) = args.split_first() else {
        return Err(interp.type_error(format!(
            "descriptor '{name}' of '{owner}' object needs an argument"
        )));
    };
    if !kwargs.is_empty() {
        return Err(interp.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    if rest.len() != n {
        let s = if n == 1 { "" } else { "s" };
        // CPython's wrappers for two or more arguments lead with a space.
        let lead = if n >= 2 { " " } else { "" };
        return Err(interp.type_error(format!(
            "{lead}expected {n} argument{s}, got {}",
            rest.len()
        )));
    }
    Ok((this, rest))
}

/// The class a type method was called on.
fn class_self<'a>(
    interp: &Interpreter,
    args: &'a [Value],
    kwargs: &Kwargs,
    name: &str,
    n: usize,
) -> PyResult<(&'a Rc<TypeObject>, &'a [Value])> {
    let (this, rest) = self_arg(interp, args, kwargs, name, "type", n)?;
    match this.as_object() {
        Some(Object::Type(t)) => Ok((t, rest)),
        _ => Err(interp.type_error(format!(
            "descriptor '{name}' requires a 'type' object but received a '{}'",
            interp.type_name(this)
        ))),
    }
}

fn list(items: Vec<Value>) -> Value {
    Value::obj(Object::List(RefCell::new(items)))
}

// ----- object's methods ----------------------------------------------------------------------

/// `object.__new__(cls, *args, **kwargs)`.
fn object_new(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (cls, rest) = type_arg(interp, args, "object.__new__")?;
    if let Some(bt) = crate::class::builtin_base(cls) {
        if cls.is_class {
            return new_with_base(interp, cls, &bt, rest, kwargs);
        }
    }
    if !matches!(cls.kind, TypeKind::Instance | TypeKind::Object) {
        return Err(interp.type_error(format!(
            "object.__new__({0}) is not safe, use {0}.__new__()",
            cls.name
        )));
    }
    if !rest.is_empty() || !kwargs.is_empty() {
        if cls.hooks.get().has(Hooks::NEW) {
            return Err(interp.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !overrides_init(interp, cls) {
            return Err(interp.type_error(format!("{}() takes no arguments", cls.name)));
        }
    }
    Ok(Value::obj(Object::Instance(Instance::new(cls))))
}

/// An instance of `cls`, a subclass of the built-in type `bt`: mutable
/// containers start empty (their `__init__` fills them); other values are
/// made from the arguments as `bt(*args, **kwargs)` makes them.
pub fn new_with_base(
    interp: &mut Interpreter,
    cls: &Rc<crate::types::TypeObject>,
    bt: &Rc<crate::types::TypeObject>,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let base = match bt.kind {
        TypeKind::List => Value::obj(Object::List(std::cell::RefCell::new(Vec::new()))),
        TypeKind::Dict | TypeKind::Set => {
            crate::builtins::call_type(interp, bt, Vec::new(), Vec::new())?
        }
        _ => crate::builtins::call_type(interp, bt, args.to_vec(), kwargs.to_vec())?,
    };
    Ok(Value::obj(Object::Instance(Instance::with_base(cls, base))))
}

/// `list.__init__`, `dict.__init__` and `set.__init__` on the value an
/// instance of a subclass carries: refill it from the arguments.
pub fn init_base(
    interp: &mut Interpreter,
    base: &Value,
    rest: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Option<Value>> {
    let kind = interp.type_of(base).kind;
    if !matches!(kind, TypeKind::List | TypeKind::Dict | TypeKind::Set) {
        return Ok(None);
    }
    let fresh = crate::builtins::call_type(
        interp,
        &interp.type_of(base),
        rest.to_vec(),
        kwargs.to_vec(),
    )?;
    match (base.as_object(), fresh.as_object()) {
        (Some(Object::List(l)), Some(Object::List(f))) => {
            *l.borrow_mut() = f.borrow().clone();
        }
        (Some(Object::Dict(d)), Some(Object::Dict(f)))
        | (Some(Object::Set(d)), Some(Object::Set(f))) => {
            *d.borrow_mut() = std::mem::replace(&mut *f.borrow_mut(), Dict::new());
        }
        _ => {}
    }
    Ok(Some(Value::None))
}

/// `object.__init__(self, *args, **kwargs)`: nothing to do, but extra
/// arguments are an error unless `__new__` was overridden to take them.
fn object_init(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some((this, rest)) = args.split_first() else {
        return Err(interp.type_error("descriptor '__init__' of 'object' object needs an argument"));
    };
    if let Some(b) = crate::class::base_value(this) {
        let b = b.clone();
        if let Some(r) = init_base(interp, &b, rest, kwargs)? {
            return Ok(r);
        }
        // Immutable values took their arguments in `__new__`.
        return Ok(Value::None);
    }
    if !rest.is_empty() || !kwargs.is_empty() {
        let typ = interp.type_of(this);
        if overrides_init(interp, &typ) {
            return Err(interp.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if !typ.hooks.get().has(Hooks::NEW) {
            return Err(interp.type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                typ.name
            )));
        }
    }
    Ok(Value::None)
}

/// `object.__init_subclass__()`: takes no arguments.
fn object_init_subclass(
    interp: &mut Interpreter,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let (cls, rest) = type_arg(interp, args, "object.__init_subclass__")?;
    let qualname = cls.qualname.borrow().clone();
    if !kwargs.is_empty() {
        return Err(interp.type_error(format!(
            "{qualname}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if !rest.is_empty() {
        return Err(interp.type_error(format!(
            "{qualname}.__init_subclass__() takes no arguments ({} given)",
            rest.len()
        )));
    }
    Ok(Value::None)
}

fn object_getattribute(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (this, rest) = self_arg(interp, args, kw, "__getattribute__", "object", 1)?;
    let name = crate::builtins::errors::attr_name(interp, &rest[0])?;
    match this.as_object() {
        Some(Object::Instance(i)) => crate::attr::object_getattribute(interp, this, i, &name),
        _ => interp.get_attr(this, &name),
    }
}

/// `object.__setattr__` / `object.__delattr__` (value None).
fn object_set_or_del(
    interp: &mut Interpreter,
    this: &Value,
    name: &Value,
    value: Option<Value>,
) -> PyResult<Value> {
    let name = crate::builtins::errors::attr_name(interp, name)?;
    match this.as_object() {
        Some(Object::Instance(_)) => crate::attr::object_setattr(interp, this, &name, value)?,
        Some(Object::Type(_)) => {
            let what = if value.is_some() { "set" } else { "del" };
            return Err(
                interp.type_error(format!("can't apply this __{what}attr__ to type object"))
            );
        }
        _ => match value {
            Some(v) => interp.set_attr(this, &name, v)?,
            None => crate::class::del_attr(interp, this, &name)?,
        },
    }
    Ok(Value::None)
}

fn object_setattr(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (this, rest) = self_arg(interp, args, kw, "__setattr__", "object", 2)?;
    object_set_or_del(interp, this, &rest[0], Some(rest[1].clone()))
}

fn object_delattr(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (this, rest) = self_arg(interp, args, kw, "__delattr__", "object", 1)?;
    object_set_or_del(interp, this, &rest[0], None)
}

/// `object.__dir__(self)`: what `dir(obj)` lists by default.
fn object_dir(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (this, _) = self_arg(interp, args, kw, "__dir__", "object", 0)?;
    let names = crate::builtins::errors::default_dir(interp, this);
    Ok(list(names.iter().map(|n| Value::str(n)).collect()))
}

/// `object.__repr__(self)`.
fn object_repr(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (this, _) = self_arg(interp, args, kw, "__repr__", "object", 0)?;
    match crate::class::default_repr(this) {
        Some(r) => Ok(Value::str(&r)),
        None => crate::format::repr(interp, this).map(|r| Value::str(&r)),
    }
}

/// `object.__str__(self)`: `repr(self)`.
fn object_str(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (this, _) = self_arg(interp, args, kw, "__str__", "object", 0)?;
    crate::format::repr(interp, this).map(|r| Value::str(&r))
}

// ----- type's methods ------------------------------------------------------------------------

/// `type.__new__(mcls, name, bases, dict, **kwds)`.
fn type_new(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (mcls, rest) = type_arg(interp, args, "type.__new__")?;
    if !mcls.is_subtype(&interp.types.type_) {
        return Err(interp.type_error(format!(
            "type.__new__({0}): {0} is not a subtype of type",
            mcls.name
        )));
    }
    type_new_with(interp, &mcls.clone(), rest, kwargs)
}

/// `type.__init__(cls, name, bases, dict, **kwds)`: the class is complete
/// already; only the arguments are checked.
fn type_init(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if let Some(this) = args
        .first()
        .filter(|a| !matches!(a.as_object(), Some(Object::Type(_))))
    {
        return Err(interp.type_error(format!(
            "descriptor '__init__' requires a 'type' object but received a '{}'",
            interp.type_name(this)
        )));
    }
    let n = args.len().saturating_sub(1);
    if n == 1 && !kwargs.is_empty() {
        return Err(interp.type_error("type.__init__() takes no keyword arguments"));
    }
    if n != 1 && n != 3 {
        return Err(interp.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::None)
}

fn type_call_method(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some((Some(Object::Type(cls)), rest)) = args.split_first().map(|(c, r)| (c.as_object(), r))
    else {
        return Err(interp.type_error("descriptor '__call__' of 'type' object needs an argument"));
    };
    type_call(interp, &cls.clone(), rest.to_vec(), kwargs.to_vec())
}

/// `type.__prepare__(name, bases, **kwds)`: a new dict.
fn type_prepare(_: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::obj(Object::Dict(RefCell::new(Dict::new()))))
}

fn type_getattribute(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (cls, rest) = class_self(interp, args, kw, "__getattribute__", 1)?;
    let name = crate::builtins::errors::attr_name(interp, &rest[0])?;
    let cls = cls.clone();
    crate::attr::type_getattribute(interp, &args[0], &cls, crate::attr::name_str(&name))
}

fn type_setattr(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (_, rest) = class_self(interp, args, kw, "__setattr__", 2)?;
    let name = crate::builtins::errors::attr_name(interp, &rest[0])?;
    crate::attr::type_setattr(interp, &args[0], &name, Some(rest[1].clone()))?;
    Ok(Value::None)
}

fn type_delattr(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (_, rest) = class_self(interp, args, kw, "__delattr__", 1)?;
    let name = crate::builtins::errors::attr_name(interp, &rest[0])?;
    crate::attr::type_setattr(interp, &args[0], &name, None)?;
    Ok(Value::None)
}

fn type_dir(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (this, _) = class_self(interp, args, kw, "__dir__", 0)?;
    let names = crate::builtins::errors::default_dir(interp, &type_value(this));
    Ok(list(names.iter().map(|n| Value::str(n)).collect()))
}

/// `cls.__subclasses__()`: the live direct subclasses, oldest first.
fn type_subclasses(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let Some((Some(Object::Type(cls)), rest)) = args.split_first().map(|(c, r)| (c.as_object(), r))
    else {
        return Err(
            interp.type_error("descriptor '__subclasses__' of 'type' object needs an argument")
        );
    };
    if !rest.is_empty() || !kw.is_empty() {
        return Err(interp.type_error(format!(
            "{}.__subclasses__() takes no arguments ({} given)",
            cls.name,
            rest.len()
        )));
    }
    Ok(list(cls.live_subclasses().iter().map(type_value).collect()))
}

fn type_mro(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (cls, _) = class_self(interp, args, kw, "mro", 0)?;
    Ok(list(cls.mro().iter().map(type_value).collect()))
}

/// `type.__instancecheck__(cls, obj)`: what isinstance does by default.
fn type_instancecheck(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (cls, rest) = class_self(interp, args, kw, "__instancecheck__", 1)?;
    Ok(Value::bool(interp.type_of(&rest[0]).is_subtype(cls)))
}

/// `type.__subclasscheck__(cls, sub)`: what issubclass does by default.
fn type_subclasscheck(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (cls, rest) = class_self(interp, args, kw, "__subclasscheck__", 1)?;
    match rest[0].as_object() {
        Some(Object::Type(sub)) => Ok(Value::bool(sub.is_subtype(cls))),
        _ => Err(interp.type_error("issubclass() arg 1 must be a class")),
    }
}

// ----- BaseException's methods --------------------------------------------------------------------

/// `BaseException.__new__(cls, *args)`: an exception with `args` set.
fn exception_new(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (cls, rest) = type_arg(interp, args, "BaseException.__new__")?;
    if cls.kind != TypeKind::Exception {
        return Err(interp.type_error(format!(
            "BaseException.__new__({0}): {0} is not a subtype of BaseException",
            cls.name
        )));
    }
    Ok(interp.exception(cls, rest.to_vec()))
}

/// `BaseException.__init__(self, *args)`: sets `args`.
pub fn exception_init(
    interp: &mut Interpreter,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let Some((this, rest)) = args.split_first() else {
        return Err(
            interp.type_error("descriptor '__init__' of 'BaseException' object needs an argument")
        );
    };
    if !kwargs.is_empty() {
        return Err(interp.type_error(format!(
            "{}() takes no keyword arguments",
            interp.type_name(this)
        )));
    }
    if let Some(Object::Exception(e)) = this.as_object() {
        *e.args.borrow_mut() = Value::obj(Object::Tuple(rest.to_vec().into()));
    }
    Ok(Value::None)
}

/// `BaseException.__str__(self)`.
fn exception_str(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (this, _) = self_arg(interp, args, kw, "__str__", "BaseException", 0)?;
    crate::builtins::errors::default_exception_str(interp, this).map(|s| Value::str(&s))
}

/// `BaseException.__repr__(self)`.
fn exception_repr(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (this, _) = self_arg(interp, args, kw, "__repr__", "BaseException", 0)?;
    crate::builtins::errors::default_exception_repr(interp, this).map(|s| Value::str(&s))
}

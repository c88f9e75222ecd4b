//! Attribute access on instances of classes and on type objects: CPython's
//! generic `object.__getattribute__` / `__setattr__` / `__delattr__` and
//! `type.__getattribute__` / `__setattr__` / `__delattr__`, the descriptor
//! protocol they share (functions, built-in method descriptors, static and
//! class methods, properties, `__slots__` members, user descriptors), and
//! the user hooks that replace them (`__getattribute__`, `__getattr__`,
//! `__setattr__`, `__delattr__`, defined on the class or, for classes, on
//! their metaclass).
//!
//! Whether a class overrides a hook is a flag on the class (`Hooks`, kept
//! current by `crate::typecall::class_dict_changed`), so the common case costs
//! no extra lookup.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::{Builtin, Instance, Object};
use crate::types::{Hooks, TypeObject};
use crate::value::Value;
use crate::Interpreter;

/// `type(cls)`: its metaclass, or `type`.
pub fn metatype(interp: &Interpreter, cls: &Rc<TypeObject>) -> Rc<TypeObject> {
    cls.metaclass
        .clone()
        .unwrap_or_else(|| interp.types.type_.clone())
}

/// The text of an attribute name (always a str by the time it gets here).
pub fn name_str(name: &Value) -> &str {
    match name.as_object() {
        Some(Object::Str(s)) => s.as_str(),
        _ => "",
    }
}

/// `AttributeError: 'T' object has no attribute 'name'`.
pub fn no_attribute(interp: &Interpreter, type_name: &str, name: &str) -> PyErr {
    interp.err(
        "AttributeError",
        format!("'{type_name}' object has no attribute '{name}'"),
    )
}

fn no_class_attribute(interp: &Interpreter, cls: &TypeObject, name: &str) -> PyErr {
    interp.err(
        "AttributeError",
        format!("type object '{}' has no attribute '{name}'", cls.name),
    )
}

pub fn is_attribute_error(interp: &Interpreter, e: &PyErr) -> bool {
    let t = interp.type_of(&e.0);
    t.is_subtype(&interp.types.exception("AttributeError"))
}

// ----- the descriptor protocol ---------------------------------------------------

/// How an attribute found in a class behaves as a descriptor: whether it
/// has `__get__`, and whether it is a data descriptor (`__set__` or
/// `__delete__`), which takes precedence over an instance's own dict.
fn descriptor_kind(a: &Value) -> (bool, bool) {
    match a.as_object() {
        Some(
            Object::Function(_)
            | Object::MethodDescriptor(_)
            | Object::StaticMethod(_)
            | Object::ClassMethod(_),
        ) => (true, false),
        Some(Object::Property { .. } | Object::Member(_)) => (true, true),
        Some(Object::Instance(d)) => {
            let get = d.typ.lookup_special("__get__").is_some();
            let data = d.typ.lookup_special("__set__").is_some()
                || d.typ.lookup_special("__delete__").is_some();
            (get, data)
        }
        _ => (false, false),
    }
}

fn bound_method(func: Value, this: Value) -> Value {
    Value::obj(Object::Method { func, this })
}

/// `a.__get__(obj, owner)` for attribute `name` found along `owner`'s MRO:
/// `obj` is the instance it is read through (`owner` is then its type), or
/// None when it is read from the class `owner` itself.
pub fn descr_get(
    interp: &mut Interpreter,
    a: Value,
    obj: Option<&Value>,
    owner: &Rc<TypeObject>,
    name: &str,
) -> PyResult<Value> {
    let Some(o) = a.as_object() else {
        return Ok(a);
    };
    Ok(match (o, obj) {
        (Object::Function(_), Some(obj)) => bound_method(a.clone(), obj.clone()),
        (Object::MethodDescriptor(d), Some(obj)) => Value::obj(Object::Builtin(Builtin {
            name: d.name,
            func: d.func,
            bound: Some(d.receiver(obj).clone()),
        })),
        (Object::StaticMethod(f), _) => f.clone(),
        (Object::ClassMethod(f), _) => {
            bound_method(f.clone(), Value::obj(Object::Type(owner.clone())))
        }
        (Object::Property { fget, .. }, Some(obj)) => {
            if fget.is_none() {
                return Err(interp.err(
                    "AttributeError",
                    format!("property '{name}' of '{}' object has no getter", owner.name),
                ));
            }
            return interp.call(fget, vec![obj.clone()], Vec::new());
        }
        (Object::Member(m), Some(obj)) => return crate::slots::member_get(interp, m, obj),
        (Object::Instance(d), _) if d.typ.lookup_special("__get__").is_some() => {
            let args = vec![
                obj.cloned().unwrap_or(Value::None),
                Value::obj(Object::Type(owner.clone())),
            ];
            return crate::class::call_dunder(interp, &a, "__get__", args)
                .unwrap_or(Ok(Value::None));
        }
        _ => a,
    })
}

/// `obj.name = value` (`del obj.name` when `value` is None) through the
/// attribute `a` found in `typ`, the type of `obj`; None when `a` is not a
/// data descriptor (the value then goes to the instance's dict).
fn descr_set(
    interp: &mut Interpreter,
    a: &Value,
    obj: &Value,
    value: Option<Value>,
    name: &str,
    typ: &TypeObject,
) -> Option<PyResult<()>> {
    match a.as_object()? {
        Object::Property { fset, fdel, .. } => {
            let (f, what) = match value {
                Some(_) => (fset, "setter"),
                None => (fdel, "deleter"),
            };
            if f.is_none() {
                return Some(Err(interp.err(
                    "AttributeError",
                    format!("property '{name}' of '{}' object has no {what}", typ.name),
                )));
            }
            let mut args = vec![obj.clone()];
            args.extend(value);
            Some(interp.call(f, args, Vec::new()).map(drop))
        }
        Object::Member(m) => Some(crate::slots::member_set(interp, m, obj, value)),
        Object::Instance(_) => {
            if !descriptor_kind(a).1 {
                return None;
            }
            let method = if value.is_some() {
                "__set__"
            } else {
                "__delete__"
            };
            let mut args = vec![obj.clone()];
            args.extend(value);
            Some(
                crate::class::call_dunder(interp, a, method, args)
                    .unwrap_or_else(|| Err(interp.err("AttributeError", method)))
                    .map(drop),
            )
        }
        _ => None,
    }
}

/// Call the special method `name` of `typ` (the type of `obj`) on `obj`.
fn call_hook(
    interp: &mut Interpreter,
    typ: &Rc<TypeObject>,
    name: &str,
    obj: &Value,
    args: Vec<Value>,
) -> PyResult<Value> {
    let Some(f) = typ.lookup(name) else {
        return Err(no_attribute(interp, &typ.name, name));
    };
    let f = descr_get(interp, f, Some(obj), typ, name)?;
    interp.call(&f, args, Vec::new())
}

/// Read an attribute through the `__getattribute__` hook of `typ` if it
/// has one (else `generic`, which gives None for a missing attribute so
/// that no AttributeError is made just to be caught), falling back to its
/// `__getattr__` on AttributeError (CPython's slot_tp_getattr_hook).
fn getattr_with_hooks(
    interp: &mut Interpreter,
    typ: &Rc<TypeObject>,
    obj: &Value,
    name: &Value,
    generic: impl FnOnce(&mut Interpreter) -> PyResult<Option<Value>>,
) -> PyResult<Value> {
    let hooks = typ.hooks.get();
    let r = if hooks.has(Hooks::GETATTRIBUTE) {
        call_hook(interp, typ, "__getattribute__", obj, vec![name.clone()])
    } else {
        match generic(interp) {
            Ok(Some(v)) => return Ok(v),
            Ok(None) if !hooks.has(Hooks::GETATTR) => {
                return Err(no_attribute(interp, &typ.name, name_str(name)))
            }
            Ok(None) => return call_hook(interp, typ, "__getattr__", obj, vec![name.clone()]),
            Err(e) => Err(e),
        }
    };
    match r {
        Err(e) if hooks.has(Hooks::GETATTR) && is_attribute_error(interp, &e) => {
            call_hook(interp, typ, "__getattr__", obj, vec![name.clone()])
        }
        r => r,
    }
}

// ----- entry points -----------------------------------------------------------------

/// `owner.name` for instances of classes and type objects; None for
/// other objects. `name` is a str.
pub fn get_attr(interp: &mut Interpreter, owner: &Value, name: &Value) -> Option<PyResult<Value>> {
    Some(match owner.as_object()? {
        Object::Instance(i) => getattr_with_hooks(interp, &i.typ, owner, name, |interp| {
            find_instance_attr(interp, owner, i, name)
        }),
        Object::Type(t) => {
            let meta = metatype(interp, t);
            getattr_with_hooks(interp, &meta, owner, name, |interp| {
                type_getattribute(interp, owner, t, name_str(name)).map(Some)
            })
        }
        _ => return None,
    })
}

/// `owner.name = value` (`del owner.name` when `value` is None) for
/// instances of classes and type objects; None for other objects.
pub fn set_attr(
    interp: &mut Interpreter,
    owner: &Value,
    name: &Value,
    value: Option<Value>,
) -> Option<PyResult<()>> {
    type Generic = fn(&mut Interpreter, &Value, &Value, Option<Value>) -> PyResult<()>;
    let (typ, generic): (Rc<TypeObject>, Generic) = match owner.as_object()? {
        Object::Instance(i) => (i.typ.clone(), object_setattr),
        Object::Type(t) => (metatype(interp, t), type_setattr),
        _ => return None,
    };
    let (hook, method) = match value {
        Some(_) => (Hooks::SETATTR, "__setattr__"),
        None => (Hooks::DELATTR, "__delattr__"),
    };
    if typ.hooks.get().has(hook) {
        let mut args = vec![name.clone()];
        args.extend(value);
        return Some(call_hook(interp, &typ, method, owner, args).map(drop));
    }
    Some(generic(interp, owner, name, value))
}

/// An attribute of exception `exc` found in its class `typ` (methods,
/// properties and class attributes of user exception classes,
/// BaseException's built-in methods): `data` asks for a data descriptor
/// (which comes before the exception's own attributes), else for anything
/// else (which comes after them). None when there is no such attribute.
pub fn exception_class_attr(
    interp: &mut Interpreter,
    exc: &Value,
    typ: &Rc<TypeObject>,
    name: &str,
    data: bool,
) -> Option<PyResult<Value>> {
    let a = typ.lookup(name)?;
    let (get, is_data) = descriptor_kind(&a);
    if is_data != data {
        return None;
    }
    Some(match get {
        true => descr_get(interp, a, Some(exc), typ, name),
        false => Ok(a),
    })
}

/// `exc.name = value` through a data descriptor (a property) of the
/// exception's class; None when it has none.
pub fn exception_descr_set(
    interp: &mut Interpreter,
    exc: &Value,
    typ: &Rc<TypeObject>,
    name: &str,
    value: Value,
) -> Option<PyResult<()>> {
    let a = typ.lookup(name)?;
    descr_set(interp, &a, exc, Some(value), name, typ)
}

// ----- object's and type's generic attribute access -------------------------------

/// `object.__getattribute__(obj, name)` for an instance of a class: a data
/// descriptor of the class, the instance's dict, any other class
/// attribute (methods come back bound), in that order.
pub fn object_getattribute(
    interp: &mut Interpreter,
    obj: &Value,
    inst: &Instance,
    name: &Value,
) -> PyResult<Value> {
    match find_instance_attr(interp, obj, inst, name)? {
        Some(v) => Ok(v),
        None => Err(no_attribute(interp, &inst.typ.name, name_str(name))),
    }
}

/// `object_getattribute`, with None for a missing attribute.
fn find_instance_attr(
    interp: &mut Interpreter,
    obj: &Value,
    inst: &Instance,
    name_value: &Value,
) -> PyResult<Option<Value>> {
    let name = name_str(name_value);
    if name == "__class__" {
        return Ok(Some(Value::obj(Object::Type(inst.typ.clone()))));
    }
    let found = inst.typ.lookup_name(name_value);
    let (get, data) = found.as_ref().map_or((false, false), descriptor_kind);
    if let (Some(a), true) = (&found, get && data) {
        return descr_get(interp, a.clone(), Some(obj), &inst.typ, name).map(Some);
    }
    if let Some(v) = inst
        .dict
        .as_ref()
        .and_then(|d| crate::eval::dict_get_str(d, name))
    {
        return Ok(Some(v));
    }
    match found {
        Some(a) if get => descr_get(interp, a, Some(obj), &inst.typ, name).map(Some),
        None if inst.base.is_some() => Ok(inst
            .typ
            .ancestors
            .iter()
            .find_map(|t| crate::class::base_method(t, obj, name))),
        found => Ok(found),
    }
}

/// `object.__setattr__(obj, name, value)` / `object.__delattr__(obj, name)`
/// (value None) for an instance of a class.
pub fn object_setattr(
    interp: &mut Interpreter,
    obj: &Value,
    name: &Value,
    value: Option<Value>,
) -> PyResult<()> {
    let Some(Object::Instance(inst)) = obj.as_object() else {
        return Err(interp.type_error("object.__setattr__: not an instance of a class"));
    };
    let attr = name_str(name);
    if attr == "__class__" {
        return Err(class_assignment_error(interp, value.as_ref()));
    }
    if let Some(a) = inst.typ.lookup_name(name) {
        if let Some(r) = descr_set(interp, &a, obj, value.clone(), attr, &inst.typ) {
            return r;
        }
    }
    let Some(d) = &inst.dict else {
        return Err(no_attribute(interp, &inst.typ.name, attr));
    };
    match value {
        Some(v) => crate::eval::dict_set(d, name.clone(), v),
        None if crate::eval::dict_del(d, name) => {}
        None => return Err(no_attribute(interp, &inst.typ.name, attr)),
    }
    Ok(())
}

/// `obj.__class__ = value` (or `del obj.__class__`): CPython's errors, and
/// pyrite's for the assignments CPython allows, which instances (whose
/// class is fixed) cannot do yet.
fn class_assignment_error(interp: &Interpreter, value: Option<&Value>) -> PyErr {
    match value.map(|v| (v, v.as_object())) {
        None => interp.type_error("can't delete __class__ attribute"),
        Some((_, Some(Object::Type(t)))) if !t.is_class => interp.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ),
        Some((_, Some(Object::Type(_)))) => {
            interp.type_error("pyrite: __class__ assignment is not supported yet")
        }
        Some((v, _)) => interp.type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            interp.type_name(v)
        )),
    }
}

/// `type.__getattribute__(cls, name)`: the type's own data attributes
/// (`__name__`, `__mro__`, ...), data descriptors of the metaclass, the
/// class's MRO (descriptors bound to no instance), the methods of a
/// built-in type, then the metaclass's other attributes bound to the class.
pub fn type_getattribute(
    interp: &mut Interpreter,
    cls_val: &Value,
    cls: &Rc<TypeObject>,
    name: &str,
) -> PyResult<Value> {
    if let Some(v) = type_data_attr(interp, cls, name) {
        return Ok(v);
    }
    let meta = metatype(interp, cls);
    let meta_attr = meta.lookup(name);
    let (mget, mdata) = meta_attr.as_ref().map_or((false, false), descriptor_kind);
    if let (Some(m), true) = (&meta_attr, mget && mdata) {
        return descr_get(interp, m.clone(), Some(cls_val), &meta, name);
    }
    if let (false, Some(owner), Some((name, func))) = (
        cls.is_class,
        crate::builtins::subclassable_name(cls.kind),
        crate::class::base_special(name),
    ) {
        return Ok(Value::obj(Object::MethodDescriptor(
            crate::object::MethodDescr { name, func, owner },
        )));
    }
    if let Some(a) = cls.lookup(name) {
        return descr_get(interp, a, None, cls, name);
    }
    // `str.count`: an unbound method of a built-in type; the instance
    // comes as the first argument and the method checks its type.
    if !cls.is_class {
        if let Some((name, func)) = crate::builtins::method(cls.kind, name) {
            // Methods of the types classes can derive from are
            // descriptors that accept instances of those classes.
            if let Some(owner) = crate::builtins::subclassable_name(cls.kind) {
                return Ok(Value::obj(Object::MethodDescriptor(
                    crate::object::MethodDescr { name, func, owner },
                )));
            }
            return Ok(Value::obj(Object::Builtin(Builtin {
                name,
                func,
                bound: None,
            })));
        }
    }
    match meta_attr {
        Some(m) if mget => descr_get(interp, m, Some(cls_val), &meta, name),
        Some(m) => Ok(m),
        None => Err(no_class_attribute(interp, cls, name)),
    }
}

/// `type.__setattr__(cls, name, value)` / `type.__delattr__(cls, name)`:
/// only classes made by `class` statements can change.
pub fn type_setattr(
    interp: &mut Interpreter,
    cls_val: &Value,
    name: &Value,
    value: Option<Value>,
) -> PyResult<()> {
    let Some(Object::Type(cls)) = cls_val.as_object() else {
        return Err(interp.type_error("type.__setattr__: not a type"));
    };
    let attr = name_str(name);
    let meta = metatype(interp, cls);
    if let Some(m) = meta.lookup(attr) {
        if let Some(r) = descr_set(interp, &m, cls_val, value.clone(), attr, &meta) {
            return r;
        }
    }
    if !cls.is_class {
        return Err(interp.type_error(format!(
            "cannot set '{attr}' attribute of immutable type '{}'",
            cls.name
        )));
    }
    if attr == "__qualname__" {
        return set_qualname(interp, cls, value);
    }
    let removed = match value {
        Some(v) => {
            let _ = cls.dict.borrow_mut().insert(name.clone(), v);
            true
        }
        None => matches!(cls.dict.borrow_mut().remove(name), Ok(Some(_))),
    };
    if !removed {
        return Err(no_class_attribute(interp, cls, attr));
    }
    crate::typecall::class_dict_changed(cls, attr);
    Ok(())
}

/// `cls.__qualname__ = value`: a str, which cannot be deleted.
fn set_qualname(interp: &Interpreter, cls: &TypeObject, value: Option<Value>) -> PyResult<()> {
    match value.as_ref().and_then(|v| v.as_object()) {
        Some(Object::Str(s)) => {
            *cls.qualname.borrow_mut() = Rc::from(s.as_str());
            Ok(())
        }
        _ if value.is_none() => Err(interp.type_error(format!(
            "cannot delete '__qualname__' attribute of immutable type '{}'",
            cls.name
        ))),
        _ => Err(interp.type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            cls.name,
            interp.type_name(value.as_ref().unwrap_or(&Value::None))
        ))),
    }
}

/// The attributes every type object has through `type`'s own data
/// descriptors: `__name__`, `__qualname__`, `__module__`, `__mro__`,
/// `__bases__`, `__base__`, `__class__`, `__dict__`, `__doc__`.
fn type_data_attr(interp: &Interpreter, t: &Rc<TypeObject>, name: &str) -> Option<Value> {
    let typ = |t: &Rc<TypeObject>| Value::obj(Object::Type(t.clone()));
    let tuple = |items: Vec<Value>| Value::obj(Object::Tuple(items.into()));
    let own = |key: &str| t.dict.borrow().get_str(key).cloned();
    Some(match name {
        "__name__" => Value::str(&t.name),
        "__qualname__" => Value::str(&t.qualname.borrow()),
        "__module__" => own("__module__").unwrap_or_else(|| Value::str("builtins")),
        "__doc__" => own("__doc__").unwrap_or(Value::None),
        "__mro__" => tuple(t.mro().iter().map(typ).collect()),
        // Classes, and built-in types with several bases (ExceptionGroup).
        "__bases__" if t.is_class || !t.bases.is_empty() => {
            tuple(t.bases.iter().map(typ).collect())
        }
        "__bases__" => tuple(t.base.iter().map(typ).collect()),
        "__base__" => t.base.as_ref().map(typ).unwrap_or(Value::None),
        "__class__" => typ(&metatype(interp, t)),
        // A snapshot standing in for CPython's read-only mappingproxy.
        "__dict__" => {
            let mut d = crate::dict::Dict::new();
            for (k, v) in t.dict.borrow().iter() {
                let _ = d.insert(k.clone(), v.clone());
            }
            Value::obj(Object::Dict(std::cell::RefCell::new(d)))
        }
        _ => return None,
    })
}

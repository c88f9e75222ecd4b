//! Classes: the `class` statement (`__build_class__`), instances, bound
//! methods and `super()`.
//!
//! A class is a `TypeObject` with `is_class` set, its namespace as its
//! dict and its C3 method resolution order in `ancestors`. Instances are
//! `Object::Instance` (their own `__dict__`), or exception objects for
//! classes deriving from BaseException. Metaclasses other than `type`,
//! `__slots__`, descriptors and subclassing other built-in types are not
//! done yet.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::error::PyResult;
use crate::object::{Instance, Object};
use crate::types::{TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

/// `__build_class__(func, name, *bases, **kwds)`.
pub fn build_class(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [func, name, bases @ ..] = args else {
        return Err(interp.type_error("__build_class__: not enough arguments"));
    };
    let Some(Object::Function(f)) = func.as_object() else {
        return Err(interp.type_error("__build_class__: func must be a function"));
    };
    let name = crate::format::str_value(name);
    for (k, _) in kwargs {
        if &**k != "metaclass" {
            return Err(interp.type_error(format!(
                "{name}.__init_subclass__() takes no keyword arguments"
            )));
        }
    }
    let mut base_types = Vec::new();
    for b in bases {
        match b.as_object() {
            Some(Object::Type(t)) => base_types.push(t.clone()),
            _ => {
                return Err(
                    interp.type_error(format!("bases must be types, not {}", interp.type_name(b)))
                )
            }
        }
    }
    if base_types.is_empty() {
        base_types.push(interp.types.object.clone());
    }
    let kind = solid_kind(interp, &base_types)?;
    let ancestors = c3_mro(interp, &base_types)?;
    // Run the body with the namespace as its locals.
    let ns = Rc::new(Object::Dict(RefCell::new(Dict::new())));
    let cell = interp.run_class_body(f, ns.clone())?;
    let dict = match &*ns {
        Object::Dict(d) => std::mem::take(&mut *d.borrow_mut()),
        _ => Dict::new(),
    };
    let typ = Rc::new(TypeObject {
        name: Rc::from(name.as_str()),
        base: base_types.first().cloned(),
        kind,
        dict: RefCell::new(dict),
        ancestors,
        bases: base_types,
        is_class: true,
    });
    let class = Value::obj(Object::Type(typ.clone()));
    if let Some(Object::Cell(c)) = cell.as_object() {
        *c.borrow_mut() = Some(class.clone());
    }
    // Tell descriptors their names (`__set_name__`), in definition order.
    let entries: Vec<(Value, Value)> = typ
        .dict
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (name, value) in entries {
        if has_dunder(&value, "__set_name__") {
            call_dunder(interp, &value, "__set_name__", vec![class.clone(), name])
                .unwrap_or(Ok(Value::None))?;
        }
    }
    Ok(class)
}

/// Is class attribute `d` a user descriptor (an instance of a class with
/// `__get__`)? Some(true) for a data descriptor (`__set__` or `__delete__`
/// too), which wins over the instance's own dict.
fn descriptor_kind(d: &Value) -> Option<bool> {
    let Some(Object::Instance(di)) = d.as_object() else {
        return None;
    };
    di.typ.lookup("__get__")?;
    Some(di.typ.lookup("__set__").is_some() || di.typ.lookup("__delete__").is_some())
}

/// `obj.name = value` through a data descriptor's `__set__`.
pub fn descriptor_set(
    interp: &mut Interpreter,
    obj: &Value,
    name: &str,
    value: Value,
) -> Option<PyResult<()>> {
    let Some(Object::Instance(i)) = obj.as_object() else {
        return None;
    };
    let d = i.typ.lookup(name)?;
    descriptor_kind(&d)?;
    if !has_dunder(&d, "__set__") {
        return None;
    }
    Some(call_dunder(interp, &d, "__set__", vec![obj.clone(), value])?.map(|_| ()))
}

/// The instance layout of a new class: plain instances, or exceptions.
fn solid_kind(interp: &Interpreter, bases: &[Rc<TypeObject>]) -> PyResult<TypeKind> {
    let mut kind = TypeKind::Instance;
    for b in bases {
        match b.kind {
            TypeKind::Object | TypeKind::Instance => {}
            TypeKind::Exception => kind = TypeKind::Exception,
            _ => {
                return Err(interp.type_error(format!(
                    "pyrite: subclassing the built-in type '{}' is not supported yet",
                    b.name
                )))
            }
        }
    }
    Ok(kind)
}

/// C3 linearization of the bases (the new class itself excluded).
fn c3_mro(interp: &Interpreter, bases: &[Rc<TypeObject>]) -> PyResult<Vec<Rc<TypeObject>>> {
    let mut seqs: Vec<Vec<Rc<TypeObject>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<TypeObject>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        // The first head that appears in no other sequence's tail.
        let candidate = seqs.iter().map(|s| s[0].clone()).find(|head| {
            !seqs
                .iter()
                .any(|s| s[1..].iter().any(|t| Rc::ptr_eq(t, head)))
        });
        let Some(next) = candidate else {
            let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
            return Err(interp.type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

/// Calling a class: a new instance, initialised by `__init__`.
pub fn instantiate(
    interp: &mut Interpreter,
    cls: &Rc<TypeObject>,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    let obj = if crate::exc_group::is_group_type(interp, cls) {
        crate::exc_group::new_group(interp, cls, &args, &kwargs)?
    } else if cls.kind == TypeKind::Exception {
        interp.exception(cls, args.clone())
    } else {
        Value::obj(Object::Instance(Instance {
            typ: cls.clone(),
            dict: Rc::new(Object::Dict(RefCell::new(Dict::new()))),
        }))
    };
    match cls.lookup("__init__") {
        Some(init) if matches!(init.as_object(), Some(Object::Function(_))) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(obj.clone());
            full.extend(args);
            let r = interp.call(&init, full, kwargs)?;
            if !r.is_none() {
                return Err(interp.type_error(format!(
                    "__init__() should return None, not '{}'",
                    interp.type_name(&r)
                )));
            }
        }
        _ => {
            if cls.kind != TypeKind::Exception && (!args.is_empty() || !kwargs.is_empty()) {
                return Err(interp.type_error(format!("{}() takes no arguments", cls.name)));
            }
        }
    }
    Ok(obj)
}

/// An attribute found on a class, as seen through an instance: functions
/// become bound methods, static methods their function, class methods
/// methods bound to the class.
fn bind(attr: Value, obj: &Value) -> Value {
    match attr.as_object() {
        Some(Object::Function(_)) => Value::obj(Object::Method {
            func: attr,
            this: obj.clone(),
        }),
        Some(Object::StaticMethod(f)) => f.clone(),
        Some(Object::ClassMethod(f)) => {
            let cls = match obj.as_object() {
                Some(Object::Instance(i)) => Value::obj(Object::Type(i.typ.clone())),
                _ => obj.clone(),
            };
            Value::obj(Object::Method {
                func: f.clone(),
                this: cls,
            })
        }
        _ => attr,
    }
}

/// Construct staticmethod, classmethod and property objects.
pub fn construct_descriptor(
    interp: &mut Interpreter,
    t: &Rc<TypeObject>,
    args: &[Value],
    kwargs: &Kwargs,
) -> Option<PyResult<Value>> {
    if t.kind != TypeKind::Descriptor {
        return None;
    }
    let arg = |i: usize, name: &str| {
        args.get(i)
            .cloned()
            .or_else(|| {
                kwargs
                    .iter()
                    .find(|(k, _)| &**k == name)
                    .map(|(_, v)| v.clone())
            })
            .unwrap_or(Value::None)
    };
    Some(Ok(match &*t.name {
        "staticmethod" => Value::obj(Object::StaticMethod(arg(0, ""))),
        "classmethod" => Value::obj(Object::ClassMethod(arg(0, ""))),
        _ => {
            let _ = interp;
            Value::obj(Object::Property {
                fget: arg(0, "fget"),
                fset: arg(1, "fset"),
                fdel: arg(2, "fdel"),
                doc: arg(3, "doc"),
            })
        }
    }))
}

/// `property.setter` / `.getter` / `.deleter`: a copy with one function
/// replaced.
fn property_with(prop: &Value, which: &str, f: Value) -> Option<Value> {
    let Some(Object::Property {
        fget,
        fset,
        fdel,
        doc,
    }) = prop.as_object()
    else {
        return None;
    };
    let (mut g, mut s, mut d) = (fget.clone(), fset.clone(), fdel.clone());
    match which {
        "getter" => g = f,
        "setter" => s = f,
        _ => d = f,
    }
    Some(Value::obj(Object::Property {
        fget: g,
        fset: s,
        fdel: d,
        doc: doc.clone(),
    }))
}

fn property_method(
    interp: &mut Interpreter,
    args: &[Value],
    which: &'static str,
) -> PyResult<Value> {
    match args {
        [prop, f] => property_with(prop, which, f.clone())
            .ok_or_else(|| interp.type_error("descriptor requires a 'property' object")),
        _ => Err(interp.type_error(format!("{which}() takes exactly one argument"))),
    }
}

fn prop_getter(i: &mut Interpreter, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    property_method(i, a, "getter")
}
fn prop_setter(i: &mut Interpreter, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    property_method(i, a, "setter")
}
fn prop_deleter(i: &mut Interpreter, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    property_method(i, a, "deleter")
}

/// The data descriptor (property) `name` of `obj`'s class, if any.
fn class_property(obj: &Value, name: &str) -> Option<Value> {
    let Some(Object::Instance(i)) = obj.as_object() else {
        return None;
    };
    let attr = i.typ.lookup(name)?;
    matches!(attr.as_object(), Some(Object::Property { .. })).then_some(attr)
}

/// `obj.name` for an instance of a class, with one lookup in the class:
/// a property or data descriptor found there wins over the instance dict,
/// which wins over any other class attribute (methods come back bound);
/// `__getattr__` is the last resort.
fn instance_getattr(
    interp: &mut Interpreter,
    obj: &Value,
    i: &crate::object::Instance,
    name: &str,
) -> PyResult<Value> {
    match name {
        "__class__" => return Ok(Value::obj(Object::Type(i.typ.clone()))),
        "__dict__" => return Ok(Value::Obj(i.dict.clone())),
        _ => {}
    }
    let found = i.typ.lookup(name);
    match found.as_ref().map(|a| (a, a.as_object())) {
        Some((_, Some(Object::Property { fget, .. }))) => {
            if fget.is_none() {
                return Err(interp.err(
                    "AttributeError",
                    format!("property '{name}' of '{}' object has no getter", i.typ.name),
                ));
            }
            return interp.call(fget, vec![obj.clone()], Vec::new());
        }
        Some((d, Some(Object::Instance(_)))) => {
            if let Some(data) = descriptor_kind(d) {
                if data || crate::eval::dict_get_str(&i.dict, name).is_none() {
                    let owner = Value::obj(Object::Type(i.typ.clone()));
                    return call_dunder(interp, d, "__get__", vec![obj.clone(), owner])
                        .unwrap_or(Ok(Value::None));
                }
            }
        }
        _ => {}
    }
    if let Some(v) = crate::eval::dict_get_str(&i.dict, name) {
        return Ok(v);
    }
    if let Some(attr) = found {
        return Ok(bind(attr, obj));
    }
    match i.typ.lookup("__getattr__") {
        Some(f) => interp.call(&f, vec![obj.clone(), Value::str(name)], Vec::new()),
        None => Err(interp.err(
            "AttributeError",
            format!("'{}' object has no attribute '{name}'", i.typ.name),
        )),
    }
}

/// `getattr` on a class object (None: no such attribute).
pub fn class_attr(t: &Rc<TypeObject>, name: &str) -> Option<Value> {
    match name {
        "__name__" => Some(Value::str(&t.name)),
        "__mro__" => Some(Value::obj(Object::Tuple(
            t.mro()
                .into_iter()
                .map(|c| Value::obj(Object::Type(c)))
                .collect::<Vec<_>>()
                .into_boxed_slice(),
        ))),
        "__bases__" => Some(Value::obj(Object::Tuple(
            t.bases
                .iter()
                .map(|c| Value::obj(Object::Type(c.clone())))
                .collect::<Vec<_>>()
                .into_boxed_slice(),
        ))),
        "__base__" => t.base.clone().map(|b| Value::obj(Object::Type(b))),
        _ => t.lookup(name).map(|attr| match attr.as_object() {
            // Through the class: static methods give their function,
            // class methods bind to the class.
            Some(Object::StaticMethod(f)) => f.clone(),
            Some(Object::ClassMethod(f)) => Value::obj(Object::Method {
                func: f.clone(),
                this: Value::obj(Object::Type(t.clone())),
            }),
            _ => attr,
        }),
    }
}

/// `getattr(super(cls, obj), name)`.
pub fn super_attr(
    cls: &Rc<TypeObject>,
    obj: &Value,
    name: &str,
    interp: &Interpreter,
) -> Option<Value> {
    let start = match obj.as_object() {
        Some(Object::Type(t)) => t.clone(),
        _ => interp.type_of(obj),
    };
    let mro = start.mro();
    let pos = mro.iter().position(|t| Rc::ptr_eq(t, cls))?;
    let rest = &mro[pos + 1..];
    if let Some(attr) = rest
        .iter()
        .find_map(|t| t.dict.borrow().get_str(name).cloned())
    {
        return Some(bind(attr, obj));
    }
    // The built-in `__init__` of object and BaseException, bound.
    if name == "__init__" && !rest.is_empty() {
        let func: crate::object::BuiltinFn = if start.kind == TypeKind::Exception {
            exception_init
        } else {
            object_init
        };
        return Some(Value::obj(Object::Builtin(crate::object::Builtin {
            name: "__init__",
            func,
            bound: Some(obj.clone()),
        })));
    }
    None
}

/// `BaseException.__init__(self, *args)`: sets `args`.
fn exception_init(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let _ = interp;
    if let Some((this, rest)) = args.split_first() {
        if let Some(Object::Exception(e)) = this.as_object() {
            *e.args.borrow_mut() = Value::obj(Object::Tuple(rest.to_vec().into_boxed_slice()));
        }
    }
    Ok(Value::None)
}

/// `object.__init__(self)`.
fn object_init(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if args.len() > 1 || !kwargs.is_empty() {
        return Err(interp.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    Ok(Value::None)
}

/// `repr` of a class: `<class 'module.QualName'>`.
pub fn class_repr(t: &TypeObject) -> String {
    let d = t.dict.borrow();
    let module = d.get_str("__module__").map(crate::format::str_value);
    let qual = d
        .get_str("__qualname__")
        .map(crate::format::str_value)
        .unwrap_or_else(|| t.name.to_string());
    match module {
        Some(m) if m != "builtins" => format!("<class '{m}.{qual}'>"),
        _ => format!("<class '{qual}'>"),
    }
}

/// `super()` and `super(cls, obj)`.
pub fn super_builtin(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (cls, obj) = match args {
        [cls, obj] => (cls.clone(), obj.clone()),
        [] => zero_arg_super(interp)?,
        _ => {
            return Err(interp.type_error(format!(
                "super() expected at most 2 arguments, got {}",
                args.len()
            )))
        }
    };
    let Some(Object::Type(cls)) = cls.as_object() else {
        return Err(interp.type_error(format!(
            "super() argument 1 must be a type, not {}",
            interp.type_name(&cls)
        )));
    };
    Ok(Value::obj(Object::Super {
        cls: cls.clone(),
        obj,
    }))
}

/// The `__class__` cell and first argument of the calling method.
fn zero_arg_super(interp: &mut Interpreter) -> PyResult<(Value, Value)> {
    let Some(frame) = interp.frames.last() else {
        return Err(interp.err("RuntimeError", "super(): no current frame"));
    };
    let co = &frame.code.co;
    if co.argcount == 0 {
        return Err(interp.err("RuntimeError", "super(): no arguments"));
    }
    let deref = |v: &Value| match v.as_object() {
        Some(Object::Cell(c)) => c.borrow().clone(),
        _ => Some(v.clone()),
    };
    let first = interp.stack.get(frame.base).and_then(deref);
    let class_slot = co.localsplusnames.iter().position(|n| &**n == "__class__");
    let cls = class_slot
        .and_then(|i| interp.stack.get(frame.base + i))
        .and_then(deref);
    match (cls, first) {
        (Some(cls), Some(obj)) => Ok((cls, obj)),
        (None, _) => Err(interp.err("RuntimeError", "super(): __class__ cell not found")),
        (_, None) => Err(interp.err("RuntimeError", "super(): arg[0] deleted")),
    }
}

/// Call a special method defined by the object's class, if it has one.
pub fn call_dunder(
    interp: &mut Interpreter,
    obj: &Value,
    name: &str,
    args: Vec<Value>,
) -> Option<PyResult<Value>> {
    let Some(Object::Instance(i)) = obj.as_object() else {
        return None;
    };
    let f = i.typ.lookup(name)?;
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(obj.clone());
    full.extend(args);
    Some(interp.call(&f, full, Vec::new()))
}

/// Attribute lookup for classes, their instances, bound methods and
/// `super()` objects (None for every other object).
pub fn get_attr_hook(
    interp: &mut Interpreter,
    owner: &Value,
    attr: &str,
) -> Option<PyResult<Value>> {
    match owner.as_object()? {
        Object::Property {
            fget,
            fset,
            fdel,
            doc,
        } => match attr {
            "fget" => Some(Ok(fget.clone())),
            "fset" => Some(Ok(fset.clone())),
            "fdel" => Some(Ok(fdel.clone())),
            "__doc__" => Some(Ok(doc.clone())),
            "getter" | "setter" | "deleter" => {
                let func: crate::object::BuiltinFn = match attr {
                    "getter" => prop_getter,
                    "setter" => prop_setter,
                    _ => prop_deleter,
                };
                Some(Ok(Value::obj(Object::Builtin(crate::object::Builtin {
                    name: "setter",
                    func,
                    bound: Some(owner.clone()),
                }))))
            }
            _ => None,
        },
        Object::StaticMethod(f) | Object::ClassMethod(f) if attr == "__func__" => {
            Some(Ok(f.clone()))
        }
        Object::Instance(i) => Some(instance_getattr(interp, owner, i, attr)),
        Object::Type(t) if t.is_class => Some(match class_attr(t, attr) {
            Some(v) => Ok(v),
            None => Err(interp.err(
                "AttributeError",
                format!("type object '{}' has no attribute '{attr}'", t.name),
            )),
        }),
        Object::Method { func, this } => match attr {
            "__self__" => Some(Ok(this.clone())),
            "__func__" => Some(Ok(func.clone())),
            _ => Some(interp.get_attr(func, &Value::str(attr))),
        },
        Object::Super { cls, obj } => Some(match super_attr(cls, obj, attr, interp) {
            Some(v) => Ok(v),
            None => Err(interp.err(
                "AttributeError",
                format!("'super' object has no attribute '{attr}'"),
            )),
        }),
        _ => None,
    }
}

/// Attribute assignment on instances and classes; false for other objects.
pub fn set_attr_hook(owner: &Value, name: &Value, value: &Value) -> bool {
    match owner.as_object() {
        Some(Object::Instance(_))
            if class_property(owner, &crate::format::str_value(name)).is_some() =>
        {
            false
        }
        // A bare `object()` has no __dict__ to write to.
        Some(Object::Instance(i)) if i.typ.is_class => {
            crate::eval::dict_set(&i.dict, name.clone(), value.clone());
            true
        }
        Some(Object::Type(t)) if t.is_class => {
            t.set_attr(name.clone(), value.clone());
            true
        }
        _ => false,
    }
}

/// `del owner.name` (instances, classes, modules and functions; other
/// objects have no deletable attributes yet).
pub fn del_attr(interp: &mut Interpreter, owner: &Value, name: &Value) -> PyResult<()> {
    let attr = crate::format::str_value(name);
    let removed = match owner.as_object() {
        Some(Object::Instance(i)) => crate::eval::dict_del(&i.dict, name),
        Some(Object::Module(m)) => crate::eval::dict_del(&m.dict, name),
        Some(Object::Function(f)) => {
            crate::eval::dict_del(&crate::function::function_dict(f), name)
        }
        Some(Object::Type(t)) if t.is_class => t.del_attr(name),
        _ => false,
    };
    if removed {
        return Ok(());
    }
    let msg = match owner.as_object() {
        Some(Object::Type(t)) => format!("type object '{}' has no attribute '{attr}'", t.name),
        _ => format!(
            "'{}' object has no attribute '{attr}'",
            interp.type_name(owner)
        ),
    };
    Err(interp.err("AttributeError", msg))
}

// ----- special methods ---------------------------------------------------------

pub fn is_instance(v: &Value) -> bool {
    matches!(v.as_object(), Some(Object::Instance(_)))
}

fn is_not_implemented(v: &Value) -> bool {
    matches!(v.as_object(), Some(Object::NotImplemented))
}

/// Does the class of `obj` define `name`?
pub fn has_dunder(obj: &Value, name: &str) -> bool {
    match obj.as_object() {
        Some(Object::Instance(i)) => i.typ.lookup(name).is_some(),
        _ => false,
    }
}

/// (method, reflected method, in-place method) for each BINARY_OP argument
/// below 13 (the in-place arguments are these plus 13).
const BINARY_DUNDERS: [(&str, &str, &str); 13] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__and__", "__rand__", "__iand__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__or__", "__ror__", "__ior__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__xor__", "__rxor__", "__ixor__"),
];

/// A binary operator on instances of classes: the in-place method, the
/// method of the left operand, then the reflected method of the right one,
/// each skipped when it returns NotImplemented. None when neither operand
/// is such an instance or no method applies (the caller then raises
/// CPython's TypeError).
pub fn binary_dunder(
    interp: &mut Interpreter,
    op: u32,
    a: &Value,
    b: &Value,
) -> Option<PyResult<Value>> {
    if !is_instance(a) && !is_instance(b) {
        return None;
    }
    let inplace = op >= 13;
    let (name, rname, iname) = *BINARY_DUNDERS.get((op % 13) as usize)?;
    let mut attempts: Vec<(&Value, &str, &Value)> = Vec::new();
    if inplace {
        attempts.push((a, iname, b));
    }
    attempts.push((a, name, b));
    let same_type = match (a.as_object(), b.as_object()) {
        (Some(Object::Instance(x)), Some(Object::Instance(y))) => Rc::ptr_eq(&x.typ, &y.typ),
        _ => false,
    };
    if !same_type {
        attempts.push((b, rname, a));
    }
    for (obj, method, arg) in attempts {
        if !has_dunder(obj, method) {
            continue;
        }
        match call_dunder(interp, obj, method, vec![arg.clone()])? {
            Ok(v) if is_not_implemented(&v) => continue,
            r => return Some(r),
        }
    }
    None
}

/// Rich comparison on instances of classes (COMPARE_OP argument `op`),
/// with the reflected method and CPython's defaults for == and !=.
pub fn compare_dunder(
    interp: &mut Interpreter,
    op: u32,
    a: &Value,
    b: &Value,
) -> Option<PyResult<Value>> {
    if !is_instance(a) && !is_instance(b) {
        return None;
    }
    const NAMES: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
    const REFLECTED: [usize; 6] = [4, 5, 2, 3, 0, 1];
    let op = op as usize % 6;
    for (obj, method, arg) in [(a, NAMES[op], b), (b, NAMES[REFLECTED[op]], a)] {
        if !has_dunder(obj, method) {
            continue;
        }
        match call_dunder(interp, obj, method, vec![arg.clone()])? {
            Ok(v) if is_not_implemented(&v) => continue,
            r => return Some(r),
        }
    }
    match op {
        // != is the negation of a defined ==; both default to identity.
        3 if has_dunder(a, "__eq__") => {
            let r = call_dunder(interp, a, "__eq__", vec![b.clone()])?;
            Some(r.and_then(|v| Ok(Value::Bool(!interp.is_true(&v)?))))
        }
        2 => Some(Ok(Value::Bool(a.is(b)))),
        3 => Some(Ok(Value::Bool(!a.is(b)))),
        _ => None,
    }
}

/// A special method of an instance with no fallback: Some(result) if the
/// class defines it, None otherwise.
pub fn dunder(
    interp: &mut Interpreter,
    obj: &Value,
    name: &str,
    args: Vec<Value>,
) -> Option<PyResult<Value>> {
    if !has_dunder(obj, name) {
        return None;
    }
    call_dunder(interp, obj, name, args)
}

/// `repr(obj)` for instances: `__repr__`, else `<module.Class object at 0x…>`.
pub fn instance_repr(interp: &mut Interpreter, obj: &Value) -> Option<PyResult<String>> {
    let Some(Object::Instance(i)) = obj.as_object() else {
        return None;
    };
    if let Some(r) = dunder(interp, obj, "__repr__", Vec::new()) {
        return Some(r.and_then(|v| expect_str(interp, v, "__repr__")));
    }
    let module = i
        .typ
        .lookup("__module__")
        .map(|m| crate::format::str_value(&m))
        .unwrap_or_default();
    let qual = i
        .typ
        .lookup("__qualname__")
        .map(|m| crate::format::str_value(&m))
        .unwrap_or_else(|| i.typ.name.to_string());
    let addr = match obj {
        Value::Obj(o) => Rc::as_ptr(o) as usize,
        _ => 0,
    };
    Some(Ok(if module.is_empty() || module == "builtins" {
        format!("<{qual} object at {addr:#x}>")
    } else {
        format!("<{module}.{qual} object at {addr:#x}>")
    }))
}

/// `str(obj)` for instances: `__str__`, else their repr.
pub fn instance_str(interp: &mut Interpreter, obj: &Value) -> Option<PyResult<String>> {
    if !is_instance(obj) {
        return None;
    }
    if let Some(r) = dunder(interp, obj, "__str__", Vec::new()) {
        return Some(r.and_then(|v| expect_str(interp, v, "__str__")));
    }
    instance_repr(interp, obj)
}

fn expect_str(interp: &Interpreter, v: Value, method: &str) -> PyResult<String> {
    match v.as_object() {
        Some(Object::Str(s)) => Ok(s.as_str().to_string()),
        _ => Err(interp.type_error(format!(
            "{method} returned non-string (type {})",
            interp.type_name(&v)
        ))),
    }
}

/// Assigning a property through an instance calls its setter.
pub fn write_property(
    interp: &mut Interpreter,
    obj: &Value,
    name: &str,
    value: Value,
) -> Option<PyResult<()>> {
    let prop = class_property(obj, name)?;
    let Some(Object::Property { fset, .. }) = prop.as_object() else {
        return None;
    };
    if fset.is_none() {
        return Some(Err(
            interp.err("AttributeError", format!("can't set attribute '{name}'"))
        ));
    }
    Some(
        interp
            .call(fset, vec![obj.clone(), value], Vec::new())
            .map(|_| ()),
    )
}

/// `bool(obj)`: `__bool__`, else `__len__() != 0`, else true.
pub fn instance_truth(interp: &mut Interpreter, obj: &Value) -> PyResult<bool> {
    if let Some(r) = dunder(interp, obj, "__bool__", Vec::new()) {
        return match r? {
            Value::Bool(b) => Ok(b),
            other => Err(interp.type_error(format!(
                "__bool__ should return bool, returned {}",
                interp.type_name(&other)
            ))),
        };
    }
    if has_dunder(obj, "__len__") {
        return Ok(instance_len(interp, obj)? != 0);
    }
    Ok(true)
}

/// `len(obj)` through `__len__`.
pub fn instance_len(interp: &mut Interpreter, obj: &Value) -> PyResult<usize> {
    let Some(r) = dunder(interp, obj, "__len__", Vec::new()) else {
        return Err(interp.type_error(format!(
            "object of type '{}' has no len()",
            interp.type_name(obj)
        )));
    };
    match r? {
        Value::Int(n) if n >= 0 => Ok(n as usize),
        Value::Int(_) => Err(interp.value_error("__len__() should return >= 0")),
        Value::Bool(b) => Ok(b as usize),
        other => Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(&other)
        ))),
    }
}

/// `next(obj)` through `__next__`; StopIteration ends the iteration.
pub fn instance_next(interp: &mut Interpreter, obj: &Value) -> PyResult<Option<Value>> {
    let Some(r) = dunder(interp, obj, "__next__", Vec::new()) else {
        return Err(interp.type_error(format!(
            "'{}' object is not an iterator",
            interp.type_name(obj)
        )));
    };
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            let stop = interp.types.exception("StopIteration");
            if interp.type_of(&e.0).is_subtype(&stop) {
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

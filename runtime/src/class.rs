//! Classes: the `class` statement (`__build_class__`), bound methods,
//! properties, `super()`, and the special methods that drive operators,
//! `repr`/`str`, truth, `len` and iteration for instances of classes (and
//! for classes whose metaclass defines them).
//!
//! A class is a `TypeObject` with `is_class` set, its namespace as its
//! dict and its C3 method resolution order in `ancestors`. Instances are
//! `Object::Instance` (a `__dict__` and `__slots__` values), or exception
//! objects for classes deriving from BaseException. Making and calling
//! classes is `crate::typecall`; attribute access is `crate::attr`.
//! Subclassing built-in types other than exceptions and `type` is not
//! done yet.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{BuiltinFn, Object};
use crate::types::{TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

pub use crate::typecall::build_class;
/// Calling a class (the evaluation loop's name for it).
pub use crate::typecall::call_class as instantiate;

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

/// `getattr(super(cls, obj), name)`: the attribute found after `cls` in
/// the MRO of `obj` when it is a subclass of `cls`, else of `type(obj)`,
/// bound to `obj` (None: no such attribute).
pub fn super_attr(
    interp: &mut Interpreter,
    cls: &Rc<TypeObject>,
    obj: &Value,
    name: &str,
) -> Option<PyResult<Value>> {
    let start = match obj.as_object() {
        Some(Object::Type(t)) if t.is_subtype(cls) => t.clone(),
        _ => interp.type_of(obj),
    };
    let mro = start.mro();
    let pos = mro.iter().position(|t| Rc::ptr_eq(t, cls))?;
    let attr = mro[pos + 1..].iter().find_map(|t| {
        t.dict
            .borrow()
            .get_str(name)
            .cloned()
            .or_else(|| base_method(t, obj, name))
    })?;
    // Through the class itself (super() in a class method) only class
    // methods bind.
    let through = match obj.as_object() {
        Some(Object::Type(t)) if Rc::ptr_eq(t, &start) => None,
        _ => Some(obj),
    };
    Some(crate::attr::descr_get(interp, attr, through, &start, name))
}

/// `repr` of a class: `<class 'module.QualName'>`.
pub fn class_repr(t: &TypeObject) -> String {
    let module = t
        .dict
        .borrow()
        .get_str("__module__")
        .map(crate::format::str_value);
    let qual = t.qualname.borrow().clone();
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
    let fits = match obj.as_object() {
        Some(Object::Type(t)) => t.is_subtype(cls),
        _ => false,
    } || interp.type_of(&obj).is_subtype(cls);
    if !fits {
        return Err(
            interp.type_error("super(type, obj): obj must be an instance or subtype of type")
        );
    }
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

/// Call a special method defined by the object's class, if it has one
/// (None when it has not).
pub fn call_dunder(
    interp: &mut Interpreter,
    obj: &Value,
    name: &'static str,
    args: Vec<Value>,
) -> Option<PyResult<Value>> {
    call_special(interp, obj, name, &args)
}

/// [`call_dunder`] with borrowed arguments, for the operator paths that
/// pass one operand and should not allocate for it.
fn call_special(
    interp: &mut Interpreter,
    obj: &Value,
    name: &'static str,
    args: &[Value],
) -> Option<PyResult<Value>> {
    let typ = user_type(obj)?;
    if base_value(obj).is_some() && !class_defines(typ, name) {
        return None;
    }
    let f = typ.lookup_special(name)?;
    if let Some(Object::Function(func)) = f.as_object() {
        return Some(interp.call_method(func, obj, args));
    }
    let typ = typ.clone();
    Some(
        crate::attr::descr_get(interp, f, Some(obj), &typ, name)
            .and_then(|f| interp.call(&f, args.to_vec(), Vec::new())),
    )
}

/// Attribute lookup for classes, their instances, bound methods and
/// `super()` objects (None for every other object).
pub fn get_attr_hook(
    interp: &mut Interpreter,
    owner: &Value,
    name: &Value,
) -> Option<PyResult<Value>> {
    let attr = crate::attr::name_str(name);
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
        Object::Instance(_) | Object::Type(_) => crate::attr::get_attr(interp, owner, name),
        Object::MethodDescriptor(b) if attr == "__name__" => Some(Ok(Value::str(b.name))),
        Object::Builtin(b) => builtin_attr(interp, b, attr).map(Ok),
        Object::Member(m) => crate::slots::member_attr(interp, owner, m, attr),
        Object::Method { func, this } => match attr {
            "__self__" => Some(Ok(this.clone())),
            "__func__" => Some(Ok(func.clone())),
            _ => Some(interp.get_attr(func, &Value::str(attr))),
        },
        Object::GenericAlias { origin, args } => {
            Some(crate::alias::attr(interp, origin, args, attr))
        }
        Object::Super { cls, obj } => Some(match super_attr(interp, cls, obj, attr) {
            Some(r) => r,
            None => Err(interp.err(
                "AttributeError",
                format!("'super' object has no attribute '{attr}'"),
            )),
        }),
        _ => None,
    }
}

/// `__name__`, `__qualname__` and `__self__` of a built-in function or
/// method.
fn builtin_attr(interp: &Interpreter, b: &crate::object::Builtin, attr: &str) -> Option<Value> {
    let bound = b
        .bound
        .as_ref()
        .filter(|v| !matches!(v.as_object(), Some(Object::Module(_))));
    Some(match attr {
        "__name__" => Value::str(b.name),
        // `list.append`, `dict.fromkeys`: named after the receiver's type
        // (or the class a class method is bound to).
        "__qualname__" => match bound {
            Some(v) => {
                let owner = match v.as_object() {
                    Some(Object::Type(t)) => t.name.clone(),
                    _ => interp.type_name(v),
                };
                Value::str(&format!("{owner}.{}", b.name))
            }
            None => Value::str(b.name),
        },
        "__self__" => b.bound.clone().unwrap_or(Value::None),
        _ => return None,
    })
}

/// `del owner.name`.
pub fn del_attr(interp: &mut Interpreter, owner: &Value, name: &Value) -> PyResult<()> {
    if let Some(r) = crate::attr::set_attr(interp, owner, name, None) {
        return r;
    }
    let removed = match owner.as_object() {
        Some(Object::Module(m)) => crate::eval::dict_del(&m.dict, name),
        Some(Object::Function(f)) => {
            let attr = crate::attr::name_str(name);
            match attr {
                "__globals__" | "__closure__" | "__builtins__" => {
                    return Err(interp.err("AttributeError", "readonly attribute"))
                }
                "__name__" | "__qualname__" => {
                    return Err(interp.type_error(format!("{attr} must be set to a string object")))
                }
                "__code__" => {
                    return Err(interp.type_error("__code__ must be set to a code object"))
                }
                "__dict__" => return Err(interp.type_error("cannot delete __dict__")),
                // Deleting the defaults is setting them to None.
                "__defaults__" => {
                    *f.defaults.borrow_mut() = None;
                    return Ok(());
                }
                "__kwdefaults__" => {
                    *f.kwdefaults.borrow_mut() = None;
                    return Ok(());
                }
                _ => {}
            }
            crate::eval::dict_del(&crate::function::function_dict(f), name)
        }
        _ => return Err(interp.attr_write_error(owner, crate::attr::name_str(name))),
    };
    if removed {
        return Ok(());
    }
    let attr = crate::attr::name_str(name);
    Err(crate::attr::no_attribute(
        interp,
        &interp.type_name(owner),
        attr,
    ))
}

// ----- special methods ---------------------------------------------------------

/// The class whose special methods apply to `v`: the class of an
/// instance or of an exception made by a class statement, or the
/// metaclass of a class made with one. None for values of built-in types,
/// whose special methods are built in.
pub fn user_type(v: &Value) -> Option<&Rc<TypeObject>> {
    match v.as_object()? {
        Object::Instance(i) => Some(&i.typ),
        Object::Exception(e) if e.typ.is_class => Some(&e.typ),
        Object::Type(t) => t.metaclass.as_ref(),
        _ => None,
    }
}

/// Do `v`'s special methods come from a class statement (see `user_type`)?
pub fn is_instance(v: &Value) -> bool {
    user_type(v).is_some()
}

fn is_not_implemented(v: &Value) -> bool {
    matches!(v.as_object(), Some(Object::NotImplemented))
}

/// The built-in type a class derives from (`list` for `class L(list)`),
/// if any: the first type of its MRO not made by a class statement,
/// other than `object`.
pub fn builtin_base(cls: &Rc<TypeObject>) -> Option<Rc<TypeObject>> {
    std::iter::once(cls)
        .chain(cls.ancestors.iter())
        .find(|t| !t.is_class)
        .filter(|t| t.kind != crate::types::TypeKind::Object)
        .cloned()
}

/// Do the classes of `typ`'s MRO before its built-in base define `name`?
pub fn class_defines(typ: &Rc<TypeObject>, name: &str) -> bool {
    std::iter::once(typ)
        .chain(typ.ancestors.iter())
        .take_while(|t| t.is_class)
        .any(|t| t.dict.borrow().get_str(name).is_some())
}

/// For an instance of a subclass of a built-in type whose classes do not
/// override `name`: the built-in value it carries, which the operation
/// then acts on.
pub fn base_for(obj: &Value, name: &str) -> Option<Value> {
    let Some(Object::Instance(i)) = obj.as_object() else {
        return None;
    };
    let b = i.base.as_ref()?;
    (!class_defines(&i.typ, name)).then(|| b.clone())
}

/// The built-in value an instance of a subclass of a built-in type
/// carries (regardless of overrides).
pub fn base_value(obj: &Value) -> Option<&Value> {
    match obj.as_object()? {
        Object::Instance(i) => i.base.as_ref(),
        _ => None,
    }
}

/// The built-in method `name` of the built-in type `t`, bound to the
/// value that `obj` (an instance of a subclass of `t`) carries.
pub fn base_method(t: &TypeObject, obj: &Value, name: &str) -> Option<Value> {
    if t.is_class || t.kind == TypeKind::Object {
        return None;
    }
    let b = base_value(obj)?;
    let (name, func) = crate::builtins::method(t.kind, name).or_else(|| base_special(name))?;
    Some(Value::obj(Object::Builtin(crate::object::Builtin {
        name,
        func,
        bound: Some(b.clone()),
    })))
}

/// `__repr__` and `__str__` of the built-in types classes derive from
/// (which pyrite keeps out of their dicts): the value's repr and str.
pub fn base_special(name: &str) -> Option<(&'static str, BuiltinFn)> {
    fn this<'a>(interp: &Interpreter, a: &'a [Value], name: &str) -> PyResult<&'a Value> {
        a.first().ok_or_else(|| {
            interp.type_error(format!("descriptor '{name}' of object needs an argument"))
        })
    }
    Some(match name {
        "__repr__" => ("__repr__", |i, a, _| {
            let v = this(i, a, "__repr__")?;
            Ok(Value::str(&crate::format::repr(i, v)?))
        }),
        "__str__" => ("__str__", |i, a, _| {
            let v = this(i, a, "__str__")?;
            Ok(Value::str(&crate::format::str_of(i, v)?))
        }),
        _ => return None,
    })
}

/// Does the class of `obj` define `name`?
pub fn has_dunder(obj: &Value, name: &'static str) -> bool {
    match obj.as_object() {
        Some(Object::Instance(i)) if i.base.is_some() => class_defines(&i.typ, name),
        _ => user_type(obj).is_some_and(|t| t.lookup_special(name).is_some()),
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
/// The Python function BINARY_OP `op` calls first for `a` and `b` when
/// the evaluation loop may run it as its own frame: `a` is a plain
/// instance (no built-in base value) whose class has the method as a
/// Python function, and nothing comes before it (no in-place method, and
/// `b` is not of a subclass whose reflected method would go first). A
/// NotImplemented result then goes on with `ops::binary_op_after_forward`.
pub fn forward_binary_method(interp: &Interpreter, op: u32, a: &Value, b: &Value) -> Option<Value> {
    let Some(Object::Instance(i)) = a.as_object() else {
        return None;
    };
    let (name, _, iname) = *BINARY_DUNDERS.get((op % 13) as usize)?;
    if op >= 13 && i.typ.lookup_special(iname).is_some() {
        return None;
    }
    let same_type =
        matches!(b.as_object(), Some(Object::Instance(j)) if Rc::ptr_eq(&i.typ, &j.typ));
    if !same_type && is_instance(b) && strict_subtype(interp, b, a) {
        return None;
    }
    plain_special_method(a, name)
}

/// `obj`'s special method `name` when `obj` is a plain instance (no
/// built-in base value) and the method is a Python function, which the
/// evaluation loop can then run as its own frame.
pub fn plain_special_method(obj: &Value, name: &'static str) -> Option<Value> {
    let Some(Object::Instance(i)) = obj.as_object() else {
        return None;
    };
    if i.base.is_some() {
        return None;
    }
    let f = i.typ.lookup_special(name)?;
    matches!(f.as_object(), Some(Object::Function(_))).then_some(f)
}

/// `forward_done`: `a`'s own method was already called (by the
/// evaluation loop, see [`forward_binary_method`]) and returned
/// NotImplemented, so only the reflected method and the built-in
/// fallbacks are left.
pub fn binary_dunder(
    interp: &mut Interpreter,
    op: u32,
    a: &Value,
    b: &Value,
    forward_done: bool,
) -> Option<PyResult<Value>> {
    if !is_instance(a) && !is_instance(b) {
        return None;
    }
    let inplace = op >= 13;
    let (name, rname, iname) = *BINARY_DUNDERS.get((op % 13) as usize)?;
    let same_type = match (a.as_object(), b.as_object()) {
        (Some(Object::Instance(x)), Some(Object::Instance(y))) => Rc::ptr_eq(&x.typ, &y.typ),
        _ => false,
    };
    // A subclass's own reflected method goes first (CPython's
    // method_is_overloaded check in SLOT1BINFULL).
    let reflected_first =
        !same_type && strict_subtype(interp, b, a) && !same_method(interp, b, a, rname);
    let attempts = [
        (inplace && !forward_done).then_some((a, iname, b)),
        (reflected_first && !forward_done).then_some((b, rname, a)),
        (!forward_done).then_some((a, name, b)),
        (!same_type && !reflected_first).then_some((b, rname, a)),
    ];
    if let Some(r) = first_implemented(interp, attempts.into_iter().flatten()) {
        return Some(r);
    }
    // Subclasses of built-in types: the operation on the values they carry.
    let (ba, bb) = (base_value(a).cloned(), base_value(b).cloned());
    if ba.is_none() && bb.is_none() {
        return None;
    }
    // `fmt % obj` for a dict or list subclass: obj is the one argument, so
    // %s and %r show obj itself; only `%(key)s` looks keys up in the value
    // it carries.
    if let (Some(Object::Str(s)), Some(base)) = (a.as_object(), &bb) {
        let fmt = s.as_str();
        let container = matches!(base.as_object(), Some(Object::Dict(_) | Object::List(_)));
        if op % 13 == crate::num::op::REMAINDER && container && !fmt.contains("%(") {
            return Some(crate::format::percent_format(interp, fmt, b).map(|r| Value::str(&r)));
        }
    }
    let x = ba.clone().unwrap_or_else(|| a.clone());
    let y = bb.unwrap_or_else(|| b.clone());
    let r = crate::ops::binary_op(interp, op, &x, &y);
    // `l += x` on a mutable built-in value changes it in place and keeps `l`.
    Some(match (r, ba) {
        (Ok(v), Some(base)) if inplace && v.is(&base) => Ok(a.clone()),
        // The error names the operands' own types.
        (Err(e), _)
            if crate::builtins::errors::default_exception_str(interp, &e.0)
                .is_ok_and(|m| m.starts_with("unsupported operand")) =>
        {
            Err(crate::ops::unsupported(interp, op, a, b))
        }
        (r, _) => r,
    })
}

/// Is `type(x)` a subclass of `type(y)` other than `type(y)` itself?
fn strict_subtype(interp: &Interpreter, x: &Value, y: &Value) -> bool {
    let (tx, ty) = (interp.type_of(x), interp.type_of(y));
    !Rc::ptr_eq(&tx, &ty) && tx.is_subtype(&ty)
}

/// Do `type(x)` and `type(y)` resolve `name` to the same object?
fn same_method(interp: &Interpreter, x: &Value, y: &Value, name: &'static str) -> bool {
    match (
        interp.type_of(x).lookup_special(name),
        interp.type_of(y).lookup_special(name),
    ) {
        (Some(f), Some(g)) => f.is(&g),
        (None, None) => true,
        _ => false,
    }
}

/// Call `obj.method(arg)` for each attempt in turn (the normal, then the
/// reflected special method), skipping objects without the method; the
/// first result that is not NotImplemented (an error included).
fn first_implemented<'a>(
    interp: &mut Interpreter,
    attempts: impl IntoIterator<Item = (&'a Value, &'static str, &'a Value)>,
) -> Option<PyResult<Value>> {
    for (obj, method, arg) in attempts {
        match call_special(interp, obj, method, std::slice::from_ref(arg)) {
            Some(Ok(v)) if is_not_implemented(&v) => continue,
            Some(r) => return Some(r),
            None => continue,
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
    if op == 3 {
        if let Some(r) = not_equal_dunder(interp, a, b) {
            return Some(r);
        }
    } else {
        let forward = (a, NAMES[op], b);
        let reflected = (b, NAMES[REFLECTED[op]], a);
        // The right operand's reflected method goes first when its type
        // is a subclass of the left's (do_richcompare).
        let attempts = if strict_subtype(interp, b, a) {
            [reflected, forward]
        } else {
            [forward, reflected]
        };
        if let Some(r) = first_implemented(interp, attempts) {
            return Some(r);
        }
    }
    let (ba, bb) = (base_value(a).cloned(), base_value(b).cloned());
    if ba.is_some() || bb.is_some() {
        let x = ba.unwrap_or_else(|| a.clone());
        let y = bb.unwrap_or_else(|| b.clone());
        let r = crate::ops::compare(interp, op as u32, &x, &y);
        // The error names the operands' own types.
        return Some(match r {
            Err(e)
                if crate::builtins::errors::default_exception_str(interp, &e.0)
                    .is_ok_and(|m| m.contains("not supported between instances of")) =>
            {
                Err(crate::ops::not_supported(interp, op as u32, a, b))
            }
            r => r,
        });
    }
    match op {
        // Both default to identity.
        2 => Some(Ok(Value::bool(a.is(b)))),
        3 => Some(Ok(Value::bool(!a.is(b)))),
        _ => None,
    }
}

/// `a != b` through `a.__ne__(b)`, then the reflected `b.__ne__(a)`; a
/// class without `__ne__` inherits `object.__ne__`, the negation of its
/// `__eq__` (NotImplemented when that is), unless it subclasses a built-in
/// type, whose own `!=` is left to the caller. None when every attempt
/// is NotImplemented.
fn not_equal_dunder(interp: &mut Interpreter, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    for (x, y) in [(a, b), (b, a)] {
        let negate = !has_dunder(x, "__ne__");
        if negate && base_value(x).is_some() {
            continue;
        }
        let method = if negate { "__eq__" } else { "__ne__" };
        match call_special(interp, x, method, std::slice::from_ref(y)) {
            Some(Ok(v)) if is_not_implemented(&v) => continue,
            Some(Ok(v)) if negate => return Some(interp.is_true(&v).map(|t| Value::bool(!t))),
            Some(r) => return Some(r),
            None => continue,
        }
    }
    None
}

/// `repr(obj)` for instances (and classes with a metaclass): their
/// class's `__repr__`, which is `object.__repr__` unless overridden.
pub fn instance_repr(interp: &mut Interpreter, obj: &Value) -> Option<PyResult<String>> {
    if let Some(b) = base_for(obj, "__repr__") {
        return Some(crate::format::repr(interp, &b));
    }
    match call_dunder(interp, obj, "__repr__", Vec::new()) {
        Some(r) => Some(r.and_then(|v| expect_str(interp, v, "__repr__"))),
        None => default_repr(obj).map(Ok),
    }
}

/// `object.__repr__(obj)`: `<module.Class object at 0x…>`, or for a class
/// `<class 'module.Class'>`; None for values of built-in types.
pub fn default_repr(obj: &Value) -> Option<String> {
    let i = match obj.as_object()? {
        Object::Instance(i) => i,
        Object::Type(t) => return Some(class_repr(t)),
        _ => return None,
    };
    let module = i
        .typ
        .lookup_special("__module__")
        .map(|m| crate::format::str_value(&m))
        .unwrap_or_default();
    let qual = i.typ.qualname.borrow().clone();
    let addr = match obj {
        Value::Obj(o) => Rc::as_ptr(o) as usize,
        _ => 0,
    };
    Some(if module.is_empty() || module == "builtins" {
        format!("<{qual} object at {addr:#x}>")
    } else {
        format!("<{module}.{qual} object at {addr:#x}>")
    })
}

/// `str(obj)` for instances: their class's `__str__`, which is
/// `object.__str__` (their repr) unless overridden.
pub fn instance_str(interp: &mut Interpreter, obj: &Value) -> Option<PyResult<String>> {
    if !is_instance(obj) {
        return None;
    }
    if let Some(r) = call_dunder(interp, obj, "__str__", Vec::new()) {
        return Some(r.and_then(|v| expect_str(interp, v, "__str__")));
    }
    if let Some(b) = base_for(obj, "__repr__") {
        return Some(crate::format::str_of(interp, &b));
    }
    instance_repr(interp, obj)
}

/// `format(obj, spec)` through a class's `__format__`, if it has one.
pub fn instance_format(
    interp: &mut Interpreter,
    obj: &Value,
    spec: &str,
) -> Option<PyResult<String>> {
    let r = call_dunder(interp, obj, "__format__", vec![Value::str(spec)])?;
    Some(r.and_then(|v| match v.as_object() {
        Some(Object::Str(s)) => Ok(s.as_str().to_string()),
        _ => Err(interp.type_error(format!(
            "__format__ must return a str, not {}",
            interp.type_name(&v)
        ))),
    }))
}

/// `hash(obj)` through a class's own `__hash__` (None when the class
/// defines none, so the default identity hash applies).
pub fn instance_hash(interp: &mut Interpreter, obj: &Value) -> Option<PyResult<i64>> {
    let t = user_type(obj)?;
    if !t.is_class {
        return None;
    }
    let method = t.lookup_special("__hash__")?;
    if !matches!(method.as_object(), Some(Object::Function(_))) {
        if matches!(method, Value::None) {
            let name = interp.type_name(obj);
            return Some(Err(interp.type_error(format!("unhashable type: '{name}'"))));
        }
        return None;
    }
    let r = call_dunder(interp, obj, "__hash__", Vec::new())?;
    Some(r.and_then(|v| match v {
        Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
        Value::Bool(b) => Ok(b.get() as i64),
        other => match crate::hash::hash_key(&other) {
            Ok(h) if matches!(other.as_object(), Some(Object::BigInt(_))) => Ok(h),
            _ => Err(interp.type_error("__hash__ method should return an integer")),
        },
    }))
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

/// `bool(obj)`: `__bool__`, else `__len__() != 0`, else true.
pub fn instance_truth(interp: &mut Interpreter, obj: &Value) -> PyResult<bool> {
    if let Some(b) = base_for(obj, "__bool__") {
        if !has_dunder(obj, "__len__") {
            return interp.is_true(&b);
        }
    }
    if let Some(r) = call_dunder(interp, obj, "__bool__", Vec::new()) {
        return match r? {
            Value::Bool(b) => Ok(b.get()),
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
    if let Some(b) = base_for(obj, "__len__") {
        return crate::builtins::containers::length(interp, &b);
    }
    let Some(r) = call_dunder(interp, obj, "__len__", Vec::new()) else {
        return Err(interp.type_error(format!(
            "object of type '{}' has no len()",
            interp.type_name(obj)
        )));
    };
    let n = r?;
    match crate::convert::index(interp, &n)? {
        Value::Int(n) if n >= 0 => Ok(n as usize),
        Value::Bool(b) => Ok(b.get() as usize),
        Value::Int(_) => Err(interp.value_error("__len__() should return >= 0")),
        _ => Err(interp.err(
            "OverflowError",
            "cannot fit 'int' into an index-sized integer",
        )),
    }
}

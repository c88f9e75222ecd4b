//! `__slots__`: classes whose instances keep a fixed set of attributes in
//! slots instead of (or besides) a `__dict__`, and the member descriptors
//! (`<member 'x' of 'C' objects>`) that read and write each slot.
//!
//! A class's layout is its slot count (its own slots after those of the
//! base it extends) and whether instances have a `__dict__`; bases whose
//! layouts extend different slot lists cannot be combined (CPython's
//! "instance lay-out conflict").

use std::rc::Rc;

use crate::dict::Dict;
use crate::error::PyResult;
use crate::object::{Member, MemberKind, Object};
use crate::types::{TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

/// The instance layout of a new class.
pub struct Layout {
    /// The base whose layout the class extends (CPython's `__base__`).
    pub base: Rc<TypeObject>,
    pub nslots: usize,
    pub has_dict: bool,
    /// The class's own slots, mangled and sorted as CPython orders them;
    /// slot `i` lives at index `base.nslots + i` of an instance.
    pub members: Vec<Rc<str>>,
    /// Whether the class is the first in its line to give instances a
    /// `__dict__` / weak references, and so gets the `__dict__` /
    /// `__weakref__` descriptor.
    pub dict_descr: bool,
    pub weakref_descr: bool,
}

/// The layout of class `name` with these bases and namespace.
pub fn layout(
    interp: &mut Interpreter,
    name: &str,
    bases: &[Rc<TypeObject>],
    ns: &Dict,
) -> PyResult<Layout> {
    let base = best_base(interp, bases)?;
    let spec = ns.get_str("__slots__").cloned();
    let inherited = |name: &str| bases.iter().any(|b| b.lookup(name).is_some());
    // Exceptions and metaclasses keep their own storage: slots only
    // shape plain instances.
    let plain = !matches!(base.kind, TypeKind::Exception | TypeKind::Type);
    let Some(spec) = spec.filter(|_| plain) else {
        return Ok(Layout {
            nslots: base.nslots,
            has_dict: true,
            members: Vec::new(),
            dict_descr: plain && !inherited("__dict__"),
            weakref_descr: base.kind != TypeKind::Type && !inherited("__weakref__"),
            base,
        });
    };
    let names = match spec.as_object() {
        Some(Object::Str(_)) => vec![spec.clone()],
        _ => interp.collect_iterable(&spec)?,
    };
    let mut has_dict = bases.iter().any(|b| b.has_dict);
    let mut members: Vec<Rc<str>> = Vec::new();
    let (mut dict_descr, mut weakref_descr) = (false, false);
    for n in &names {
        let Some(Object::Str(s)) = n.as_object() else {
            return Err(interp.type_error(format!(
                "__slots__ items must be strings, not '{}'",
                interp.type_name(n)
            )));
        };
        let slot = s.as_str();
        if !is_identifier(slot) {
            return Err(interp.type_error("__slots__ must be identifiers"));
        }
        match slot {
            "__dict__" if has_dict => {
                return Err(interp.type_error("__dict__ slot disallowed: we already got one"))
            }
            "__dict__" => {
                has_dict = true;
                dict_descr = !inherited("__dict__");
            }
            "__weakref__" => weakref_descr = !inherited("__weakref__"),
            _ => {
                let m = mangle(name, slot);
                if ns.get_str(&m).is_some() {
                    return Err(interp
                        .value_error(format!("'{m}' in __slots__ conflicts with class variable")));
                }
                members.push(Rc::from(m));
            }
        }
    }
    members.sort();
    Ok(Layout {
        nslots: base.nslots + members.len(),
        has_dict,
        members,
        dict_descr,
        weakref_descr,
        base,
    })
}

/// The descriptors a new class's layout puts in its dict: its own slots,
/// then `__dict__` and `__weakref__` when it introduces them.
pub fn descriptors(cls: &Rc<TypeObject>, layout: &Layout) -> Vec<(Rc<str>, Value)> {
    let first = cls.nslots - layout.members.len();
    let slots = layout
        .members
        .iter()
        .enumerate()
        .map(|(i, n)| (n.clone(), MemberKind::Slot(first + i)));
    let extra = [
        (layout.dict_descr, "__dict__", MemberKind::Dict),
        (layout.weakref_descr, "__weakref__", MemberKind::Weakref),
    ]
    .into_iter()
    .filter(|(wanted, _, _)| *wanted)
    .map(|(_, n, kind)| (Rc::from(n), kind));
    slots
        .chain(extra)
        .map(|(name, kind)| {
            let m = Member {
                name: name.clone(),
                owner: Rc::downgrade(cls),
                owner_name: cls.name.clone(),
                kind,
            };
            (name, Value::obj(Object::Member(m)))
        })
        .collect()
}

/// CPython's best_base: the base whose layout extends all the others'.
fn best_base(interp: &Interpreter, bases: &[Rc<TypeObject>]) -> PyResult<Rc<TypeObject>> {
    let object = &interp.types.object;
    let mut base = object.clone();
    let mut winner: Option<Rc<TypeObject>> = None;
    for b in bases {
        let candidate = solid_base(b, object);
        match &winner {
            Some(w) if w.is_subtype(&candidate) => continue,
            Some(w) if !candidate.is_subtype(w) => {
                return Err(interp.type_error("multiple bases have instance lay-out conflict"))
            }
            _ => {}
        }
        winner = Some(candidate);
        base = b.clone();
    }
    Ok(base)
}

/// The nearest type in `t`'s base chain (itself included) whose instance
/// layout differs from its base's.
fn solid_base(t: &Rc<TypeObject>, object: &Rc<TypeObject>) -> Rc<TypeObject> {
    let Some(base) = &t.base else {
        return object.clone();
    };
    let layout_kind = |k: TypeKind| match k {
        TypeKind::Instance => TypeKind::Object,
        k => k,
    };
    if t.nslots != base.nslots || layout_kind(t.kind) != layout_kind(base.kind) {
        t.clone()
    } else {
        solid_base(base, object)
    }
}

/// Private names in `__slots__` are mangled like private attributes.
fn mangle(class: &str, name: &str) -> String {
    let stripped = class.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// The instance a member descriptor is applied to, checked against the
/// class that declared the slot.
fn slot_owner<'a>(
    interp: &Interpreter,
    m: &Member,
    obj: &'a Value,
) -> PyResult<&'a crate::object::Instance> {
    let inst = match obj.as_object() {
        Some(Object::Instance(i)) => Some(i),
        _ => None,
    };
    let applies = match (&inst, m.owner.upgrade()) {
        (Some(i), Some(owner)) => i.typ.is_subtype(&owner),
        (Some(_), None) => true,
        (None, _) => false,
    };
    match inst {
        Some(i) if applies => Ok(i),
        _ => Err(interp.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            m.name,
            m.owner_name,
            interp.type_name(obj)
        ))),
    }
}

/// The attributes of a member descriptor: its name, its class, and its
/// `__get__` / `__set__` / `__delete__` methods.
pub fn member_attr(
    interp: &Interpreter,
    descr: &Value,
    m: &Member,
    attr: &str,
) -> Option<PyResult<Value>> {
    let method = |name: &'static str, func: crate::object::BuiltinFn| {
        Value::obj(Object::Builtin(crate::object::Builtin {
            name,
            func,
            bound: Some(descr.clone()),
        }))
    };
    Some(Ok(match attr {
        "__name__" => Value::str(&m.name),
        "__objclass__" => match m.owner.upgrade() {
            Some(t) => Value::obj(Object::Type(t)),
            None => {
                return Some(Err(crate::attr::no_attribute(
                    interp,
                    "member_descriptor",
                    attr,
                )))
            }
        },
        "__get__" => method("__get__", member_dunder_get),
        "__set__" => method("__set__", member_dunder_set),
        "__delete__" => method("__delete__", member_dunder_delete),
        _ => return None,
    }))
}

/// The member descriptor and the arguments after it, `n` of them at
/// least and `n + extra` at most.
fn member_args<'a>(
    interp: &Interpreter,
    args: &'a [Value],
    name: &str,
    n: usize,
    extra: usize,
) -> PyResult<(&'a Member, &'a [Value])> {
    let Some((Some(Object::Member(m)), rest)) = args.split_first().map(|(d, r)| (d.as_object(), r))
    else {
        return Err(interp.type_error(format!("descriptor '{name}' needs a member descriptor")));
    };
    if rest.len() < n || rest.len() > n + extra {
        let want = if extra == 0 {
            format!("{n}")
        } else {
            format!("{n} to {}", n + extra)
        };
        return Err(interp.type_error(format!("expected {want} arguments, got {}", rest.len())));
    }
    Ok((m, rest))
}

/// `descr.__get__(obj, type=None)`: the descriptor itself for None.
fn member_dunder_get(
    interp: &mut Interpreter,
    args: &[Value],
    _: &crate::builtins::Kwargs,
) -> PyResult<Value> {
    let (m, rest) = member_args(interp, args, "__get__", 1, 1)?;
    if rest[0].is_none() {
        return Ok(args[0].clone());
    }
    member_get(interp, m, &rest[0])
}

fn member_dunder_set(
    interp: &mut Interpreter,
    args: &[Value],
    _: &crate::builtins::Kwargs,
) -> PyResult<Value> {
    let (m, rest) = member_args(interp, args, "__set__", 2, 0)?;
    member_set(interp, m, &rest[0], Some(rest[1].clone())).map(|_| Value::None)
}

fn member_dunder_delete(
    interp: &mut Interpreter,
    args: &[Value],
    _: &crate::builtins::Kwargs,
) -> PyResult<Value> {
    let (m, rest) = member_args(interp, args, "__delete__", 1, 0)?;
    member_set(interp, m, &rest[0], None).map(|_| Value::None)
}

/// `obj.x` through the member descriptor `x`.
pub fn member_get(interp: &mut Interpreter, m: &Member, obj: &Value) -> PyResult<Value> {
    let inst = slot_owner(interp, m, obj)?;
    let found = match m.kind {
        MemberKind::Slot(i) => inst.slots.borrow().get(i).filter(|v| !v.is_null()).cloned(),
        MemberKind::Dict => inst.dict.clone().map(Value::Obj),
        MemberKind::Weakref => Some(crate::modules::weakref::first_ref(obj)),
    };
    found.ok_or_else(|| crate::attr::no_attribute(interp, &inst.typ.name, &m.name))
}

/// `obj.x = value` (`del obj.x` when `value` is None) through the member
/// descriptor `x`.
pub fn member_set(
    interp: &mut Interpreter,
    m: &Member,
    obj: &Value,
    value: Option<Value>,
) -> PyResult<()> {
    let inst = slot_owner(interp, m, obj)?;
    let index = match m.kind {
        MemberKind::Slot(i) => i,
        MemberKind::Dict => return replace_dict(interp, inst, value),
        MemberKind::Weakref => {
            return Err(interp.err(
                "AttributeError",
                format!(
                    "attribute '__weakref__' of '{}' objects is not writable",
                    m.owner_name
                ),
            ))
        }
    };
    let mut slots = inst.slots.borrow_mut();
    let Some(slot) = slots.get_mut(index) else {
        return Err(crate::attr::no_attribute(interp, &inst.typ.name, &m.name));
    };
    match value {
        Some(v) => *slot = v,
        None if slot.is_null() => return Err(interp.err("AttributeError", m.name.to_string())),
        None => *slot = Value::Null,
    }
    Ok(())
}

/// `obj.__dict__ = d`: the instance's dict takes `d`'s items (pyrite's
/// instances keep their one dict object).
fn replace_dict(
    interp: &mut Interpreter,
    inst: &crate::object::Instance,
    value: Option<Value>,
) -> PyResult<()> {
    let new = match value.as_ref().and_then(|v| v.as_object()) {
        Some(Object::Dict(d)) => d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>(),
        Some(_) => {
            return Err(interp.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                interp.type_name(value.as_ref().unwrap_or(&Value::None))
            )))
        }
        None => return Err(interp.type_error("cannot delete __dict__")),
    };
    if let Some(Object::Dict(d)) = inst.dict.as_deref() {
        // Built aside: the keys' __hash__/__eq__ may read the instance.
        let mut fresh = Dict::new();
        for (k, v) in new {
            interp.dict_insert(&mut fresh, k, v)?;
        }
        let old = std::mem::replace(&mut *d.borrow_mut(), fresh);
        drop(old);
    }
    Ok(())
}

//! `_weakref`: weak references (`weakref.ref`, CPython's
//! `Objects/weakrefobject.c`), on which `modules/lib/weakref.py` builds
//! `finalize`, `WeakValueDictionary`, `WeakKeyDictionary` and `WeakSet`.
//!
//! A weak reference holds an `rc::Weak` to its referent. A registry maps
//! each referent (by address) to its weak references, in CPython's list
//! order: the reference without a callback first (`ref(obj)` returns that
//! one again), then those with callbacks, most recent first. When an
//! instance dies (`finalize.rs`: its class carries `Hooks::WEAKREF` once
//! a weak reference to one of its instances was made), its references'
//! callbacks are queued in that order and run by the evaluation loop,
//! after `__del__`. Other referents (functions, classes, sets...) can be
//! referred to, and their references go dead with them, but do not run
//! callbacks.
//!
//! A registry entry only holds live references (a reference removes
//! itself when dropped), and a live reference's `Weak` keeps its
//! referent's allocation, so an address cannot be reused while it is a
//! key.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::error::PyResult;
use crate::object::Object;
use crate::types::Hooks;
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

/// A `weakref.ref` object.
pub struct WeakRef {
    referent: Weak<Object>,
    /// The referent's registry key ([`key_of`]).
    key: usize,
    /// `__callback__` (None once the referent died).
    callback: RefCell<Value>,
    hash: Cell<Option<i64>>,
}

thread_local! {
    static REGISTRY: RefCell<HashMap<usize, Vec<Weak<Object>>>> = RefCell::new(HashMap::new());
}

/// The registry key of an object: for an instance the address of its
/// `Instance` (what its `Drop` sees), otherwise the object's.
fn key_of(o: &Rc<Object>) -> usize {
    match &**o {
        Object::Instance(i) => i as *const crate::object::Instance as usize,
        _ => Rc::as_ptr(o) as *const u8 as usize,
    }
}

impl Drop for WeakRef {
    fn drop(&mut self) {
        let key = self.key;
        // The entry's Weaks are dropped after the borrow ends.
        let _stale = REGISTRY.try_with(|r| {
            let mut r = r.try_borrow_mut().ok()?;
            let list = r.get_mut(&key)?;
            list.retain(|w| w.strong_count() > 0);
            if list.is_empty() {
                r.remove(&key)
            } else {
                None
            }
        });
    }
}

/// The live weak references to the object with this key, in list order.
fn refs_of(key: usize) -> Vec<Rc<Object>> {
    REGISTRY
        .try_with(|r| {
            r.borrow()
                .get(&key)
                .map(|l| l.iter().filter_map(Weak::upgrade).collect())
                .unwrap_or_default()
        })
        .unwrap_or_default()
}

/// The instance with registry key `key` died: queue its references'
/// callbacks (called from `Instance::drop`).
pub(crate) fn referent_died(key: usize) {
    let Ok(Some(list)) = REGISTRY.try_with(|r| r.try_borrow_mut().ok()?.remove(&key)) else {
        return;
    };
    for w in list.iter().filter_map(Weak::upgrade) {
        let callback = match &*w {
            Object::WeakRef(r) => std::mem::replace(&mut *r.callback.borrow_mut(), Value::None),
            _ => Value::None,
        };
        if !callback.is_none() {
            crate::finalize::enqueue_callback(callback, Value::Obj(w));
        }
    }
}

/// Can `v` be referred to weakly? CPython's types with a weak reference
/// list: instances of classes that did not leave `__weakref__` out of
/// their `__slots__`, functions, classes, sets, generators...
fn weakrefable(v: &Value) -> bool {
    let Some(o) = v.as_object() else {
        return false;
    };
    match o {
        Object::Instance(i) => i.typ.lookup("__weakref__").is_some(),
        Object::Exception(e) => e.typ.is_class,
        Object::Function(_)
        | Object::Builtin(_)
        | Object::Type(_)
        | Object::Set(_)
        | Object::FrozenSet(_)
        | Object::Generator(_)
        | Object::Method { .. }
        | Object::Code(_)
        | Object::Module(_)
        | Object::MemoryView(_) => true,
        _ => false,
    }
}

/// `weakref.ref(obj[, callback])`.
pub fn construct(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(interp.type_error("ref() takes no keyword arguments"));
    }
    let (obj, callback) = match args {
        [obj] => (obj, Value::None),
        [obj, cb] => (obj, cb.clone()),
        _ if args.is_empty() => {
            return Err(interp.type_error("__new__ expected at least 1 argument, got 0"))
        }
        _ => {
            return Err(interp.type_error(format!(
                "__new__ expected at most 2 arguments, got {}",
                args.len()
            )))
        }
    };
    let Value::Obj(target) = obj else {
        return Err(cannot(interp, obj));
    };
    if !weakrefable(obj) {
        return Err(cannot(interp, obj));
    }
    let key = key_of(target);
    let existing = refs_of(key);
    // The reference without a callback heads the list and is shared.
    let basic = existing.first().filter(|r| match &***r {
        Object::WeakRef(w) => w.callback.borrow().is_none(),
        _ => false,
    });
    if callback.is_none() {
        if let Some(r) = basic {
            return Ok(Value::Obj(r.clone()));
        }
    }
    if let Object::Instance(i) = &**target {
        i.typ.hooks.set(i.typ.hooks.get().with(Hooks::WEAKREF));
    }
    let position = if callback.is_none() {
        0
    } else {
        usize::from(basic.is_some())
    };
    let r = Rc::new(Object::WeakRef(Box::new(WeakRef {
        referent: Rc::downgrade(target),
        key,
        callback: RefCell::new(callback),
        hash: Cell::new(None),
    })));
    let weak = Rc::downgrade(&r);
    let _ = REGISTRY.try_with(|reg| {
        if let Ok(mut reg) = reg.try_borrow_mut() {
            let list = reg.entry(key).or_default();
            list.retain(|w| w.strong_count() > 0);
            let at = position.min(list.len());
            list.insert(at, weak);
        }
    });
    Ok(Value::Obj(r))
}

fn cannot(interp: &Interpreter, obj: &Value) -> crate::error::PyErr {
    interp.type_error(format!(
        "cannot create weak reference to '{}' object",
        interp.type_name(obj)
    ))
}

impl WeakRef {
    /// `r()`: the referent, or None once it died.
    pub fn get(&self) -> Value {
        self.referent.upgrade().map_or(Value::None, Value::Obj)
    }

    /// The referent, if alive.
    pub fn upgrade(&self) -> Option<Value> {
        self.referent.upgrade().map(Value::Obj)
    }

    /// `r.__callback__`.
    pub fn callback(&self) -> Value {
        self.callback.borrow().clone()
    }

    /// `hash(r)`: the referent's hash, kept once computed; None when the
    /// referent died unhashed (CPython's "weak object has gone away").
    pub fn cached_hash(&self) -> Option<i64> {
        self.hash.get()
    }

    pub fn set_hash(&self, h: i64) {
        self.hash.set(Some(h));
    }

    pub fn is_dead(&self) -> bool {
        self.referent.strong_count() == 0
    }
}

/// `r(...)`.
pub fn call(interp: &Interpreter, r: &WeakRef, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if !args.is_empty() || !kwargs.is_empty() {
        let n = args.len() + kwargs.len();
        return Err(interp.type_error(if kwargs.is_empty() {
            format!("weakref() takes exactly 0 arguments ({n} given)")
        } else {
            "weakref() takes no keyword arguments".to_string()
        }));
    }
    Ok(r.get())
}

/// `<weakref at 0x...; to 'A' at 0x... (name)>` / `<weakref at 0x...; dead>`.
pub fn repr(interp: &Interpreter, r: &WeakRef, at: &str) -> String {
    let Some(target) = r.referent.upgrade() else {
        return format!("<weakref at {at}; dead>");
    };
    let v = Value::Obj(target.clone());
    let name = match &*target {
        Object::Function(f) => Some(crate::format::str_value(&f.name.borrow())),
        Object::Builtin(b) => Some(b.name.to_string()),
        Object::Type(t) => Some(t.name.to_string()),
        Object::Generator(g) => Some(crate::format::str_value(&g.name.borrow())),
        Object::Instance(i) => match i.typ.lookup("__name__") {
            Some(Value::Obj(s)) if matches!(&*s, Object::Str(_)) => {
                Some(crate::format::str_value(&Value::Obj(s)))
            }
            _ => None,
        },
        _ => None,
    };
    let typ = interp.type_name(&v);
    let target_at = crate::format::address(&target);
    match name {
        Some(n) => format!("<weakref at {at}; to '{typ}' at {target_at} ({n})>"),
        None => format!("<weakref at {at}; to '{typ}' at {target_at}>"),
    }
}

/// `r1 == r2`: the referents compare when both are alive, else identity.
pub fn eq(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (Some(Object::WeakRef(p)), Some(Object::WeakRef(q))) = (a.as_object(), b.as_object())
    else {
        return Ok(None);
    };
    match (p.referent.upgrade(), q.referent.upgrade()) {
        (Some(x), Some(y)) => crate::ops::eq(interp, &Value::Obj(x), &Value::Obj(y)).map(Some),
        _ => Ok(Some(a.is(b))),
    }
}

pub fn module(interp: &Interpreter) -> Value {
    let reftype = Value::obj(Object::Type(interp.types.weakref.clone()));
    super::builtin_module(
        interp,
        "_weakref",
        &[
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
        ],
        vec![("ref", reftype.clone()), ("ReferenceType", reftype)],
    )
}

fn one_arg<'a>(interp: &Interpreter, name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    match args {
        [a] => Ok(a),
        _ => Err(interp.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// `obj.__weakref__`: the head of its list of weak references, or None.
pub fn first_ref(obj: &Value) -> Value {
    match obj {
        Value::Obj(o) => refs_of(key_of(o))
            .into_iter()
            .next()
            .map_or(Value::None, Value::Obj),
        _ => Value::None,
    }
}

/// `weakref.getweakrefcount(obj)`.
fn getweakrefcount(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let obj = one_arg(interp, "getweakrefcount", args)?;
    Ok(Value::Int(match obj {
        Value::Obj(o) => refs_of(key_of(o)).len() as i64,
        _ => 0,
    }))
}

/// `weakref.getweakrefs(obj)`.
fn getweakrefs(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let obj = one_arg(interp, "getweakrefs", args)?;
    let refs = match obj {
        Value::Obj(o) => refs_of(key_of(o)).into_iter().map(Value::Obj).collect(),
        _ => Vec::new(),
    };
    Ok(Value::obj(Object::List(RefCell::new(refs))))
}

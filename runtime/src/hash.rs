//! `hash()` and key equality for the built-in hashable types, with
//! CPython's values: `hash(1) == hash(1.0) == hash(True)`, and equal keys
//! of different numeric types find each other in a dict.
//!
//! str hashes use SipHash-1-3 with a zero key (CPython's values under
//! `PYTHONHASHSEED=0`), so they are reproducible run to run.

use num_traits::ToPrimitive;
use pyrite_compiler::pyhash;

use crate::dict::Unhashable;
use crate::object::Object;
use crate::value::Value;

/// `hash(i)` for an inline int: CPython reduces modulo 2**61 - 1, keeping
/// the sign, and maps -1 to -2 (no big-int arithmetic needed).
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    const MODULUS: i128 = (1 << 61) - 1;
    // Below the modulus an int is its own hash: no 128-bit division.
    if i.unsigned_abs() < MODULUS as u64 {
        return if i == -1 { -2 } else { i };
    }
    let m = (i as i128).abs() % MODULUS;
    let h = if i < 0 { -m } else { m } as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(v)` when it needs no Python code (else `Unhashable::UserKey`).
#[inline]
pub fn hash_key(v: &Value) -> Result<i64, Unhashable> {
    hash_at(v, 0)
}

/// How deep tuples in tuples are hashed before RecursionError. CPython
/// has no limit and overflows its C stack a few million levels down; this
/// stays well inside the interpreter thread's stack even in a debug build.
const MAX_TUPLE_DEPTH: usize = 200_000;

/// `hash_key` of a value `depth` tuples down.
fn hash_at(v: &Value, depth: usize) -> Result<i64, Unhashable> {
    Ok(match v {
        Value::None | Value::Null => 0x5f3759df,
        Value::Bool(b) => b.get() as i64,
        Value::Int(i) => hash_i64(*i),
        Value::Float(f) => pyhash::hash_float(f.get()).unwrap_or(0),
        Value::Obj(o) => match &**o {
            Object::Str(s) => {
                if let Some(h) = s.cached_hash().get() {
                    return Ok(h);
                }
                let h = pyhash::hash_str(s.as_str());
                s.cached_hash().set(Some(h));
                h
            }
            Object::BigInt(i) => pyhash::hash_int(i),
            Object::Bytes(b) => pyhash::hash_bytes(b),
            Object::Complex(re, im) => {
                let r = pyhash::hash_float(*re).unwrap_or(0) as u64;
                let i = pyhash::hash_float(*im).unwrap_or(0) as u64;
                let h = r.wrapping_add(1000003u64.wrapping_mul(i)) as i64;
                if h == -1 {
                    -2
                } else {
                    h
                }
            }
            Object::Tuple(_) if depth >= MAX_TUPLE_DEPTH => return Err(Unhashable::TooDeep),
            Object::Tuple(items) => {
                pyhash::hash_tuple_with(items.iter().map(|x| hash_at(x, depth + 1)))?
            }
            Object::FrozenSet(d) => frozenset_hash(d),
            Object::Range(_) | Object::BigRange(_) => {
                crate::range::parts(o).map_or(0, |r| r.hash())
            }
            Object::List(_) => return Err(Unhashable::Type("list")),
            Object::Dict(_) => return Err(Unhashable::Type("dict")),
            Object::Set(_) => return Err(Unhashable::Type("set")),
            Object::ByteArray(_) => return Err(Unhashable::Type("bytearray")),
            Object::MemoryView(m) => return crate::methods::memoryview::hash(m),
            // The referent's hash; one that runs Python code, or a dead
            // referent's, is the interpreter's to find (`keys.rs`).
            Object::WeakRef(w) => match w.cached_hash() {
                Some(h) => h,
                None => {
                    let h = hash_key(&w.upgrade().ok_or(Unhashable::UserKey)?)?;
                    w.set_hash(h);
                    h
                }
            },
            Object::Slice(..) => return Err(Unhashable::Type("slice")),
            // Keys and items views are set-like, hence unhashable; values
            // views hash by identity.
            Object::DictView(_, crate::object::DictIterKind::Keys) => {
                return Err(Unhashable::Type("dict_keys"))
            }
            Object::DictView(_, crate::object::DictIterKind::Items) => {
                return Err(Unhashable::Type("dict_items"))
            }
            // A type may sit in several `Object::Type` wrappers: hash the type.
            Object::Type(t) => (std::rc::Rc::as_ptr(t) as usize >> 4) as i64,
            // Only the interpreter can run a class's own __hash__.
            Object::Instance(i) if user_eq(i) => return Err(Unhashable::UserKey),
            // Subclasses of built-in types hash their value.
            Object::Instance(i) if i.base.is_some() => {
                return hash_key(i.base.as_ref().unwrap_or(&Value::None))
            }
            // A bound method: its object's identity and its function.
            Object::Method { func, this } => {
                let this = match this {
                    Value::Obj(t) => (std::rc::Rc::as_ptr(t) as usize >> 4) as i64,
                    v => hash_key(v).unwrap_or(0),
                };
                let h = this ^ hash_key(func)?;
                if h == -1 {
                    -2
                } else {
                    h
                }
            }
            // A built-in method bound to an object: the object's identity
            // and the function's.
            Object::Builtin(b) if b.bound.is_some() => {
                let this = match &b.bound {
                    Some(Value::Obj(t)) => (std::rc::Rc::as_ptr(t) as usize >> 4) as i64,
                    Some(v) => hash_key(v).unwrap_or(0),
                    None => 0,
                };
                let h = this ^ ((b.func as usize >> 4) as i64);
                if h == -1 {
                    -2
                } else {
                    h
                }
            }
            // Everything else hashes by identity.
            _ => (std::rc::Rc::as_ptr(o) as usize >> 4) as i64,
        },
    })
}

/// `frozenset_hash` (setobject.c): an order-independent mix of the item
/// hashes, so equal frozensets hash alike whatever their insertion order.
fn frozenset_hash(d: &crate::dict::Dict) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for h in d.hashes() {
        hash ^= shuffle(h as u64);
    }
    // The empty slots of CPython's table contribute shuffle(0) each: an odd
    // count of them (same parity as the item count) leaves one.
    if d.len() % 2 == 1 {
        hash ^= shuffle(0);
    }
    hash ^= ((d.len() as u64) + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}

/// Set equality over dict keys: same size and every item of `a` in `b`.
fn set_keys_eq(a: &crate::dict::Dict, b: &crate::dict::Dict) -> bool {
    a.len() == b.len() && a.iter().all(|(k, _)| matches!(b.get(k), Ok(Some(_))))
}

/// A number's exact value for cross-type comparison, if it is one.
fn as_f64_exact(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(b.get() as i64 as f64),
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(f.get()),
        _ => None,
    }
}

/// `a == b` for dict keys of built-in types (no user code).
pub fn key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Bool(y)) | (Value::Bool(y), Value::Int(x)) => *x == y.get() as i64,
        (Value::Float(_), _) | (_, Value::Float(_)) => match (as_f64_exact(a), as_f64_exact(b)) {
            (Some(x), Some(y)) => x == y,
            _ => bigint_float_eq(a, b),
        },
        (Value::Obj(x), Value::Obj(y)) => {
            if std::rc::Rc::ptr_eq(x, y) {
                return true;
            }
            match (&**x, &**y) {
                (Object::Str(p), Object::Str(q)) => p.as_str() == q.as_str(),
                (Object::BigInt(p), Object::BigInt(q)) => p == q,
                (Object::Bytes(p), Object::Bytes(q)) => p == q,
                (Object::Complex(a1, b1), Object::Complex(a2, b2)) => a1 == a2 && b1 == b2,
                (Object::Type(p), Object::Type(q)) => std::rc::Rc::ptr_eq(p, q),
                (
                    Object::Method { func, this },
                    Object::Method {
                        func: func2,
                        this: this2,
                    },
                ) => this.is(this2) && key_eq(func, func2),
                (Object::Builtin(p), Object::Builtin(q)) => builtin_eq(p, q),
                (Object::WeakRef(p), Object::WeakRef(q)) => match (p.upgrade(), q.upgrade()) {
                    (Some(x), Some(y)) => key_eq(&x, &y),
                    _ => false,
                },
                (Object::FrozenSet(p), Object::FrozenSet(q)) => set_keys_eq(p, q),
                (
                    Object::Range(_) | Object::BigRange(_),
                    Object::Range(_) | Object::BigRange(_),
                ) => crate::range::parts(x)
                    .zip(crate::range::parts(y))
                    .is_some_and(|(r, s)| r.same_items(&s)),
                (Object::FrozenSet(p), Object::Set(q)) | (Object::Set(q), Object::FrozenSet(p)) => {
                    q.try_borrow().is_ok_and(|q| set_keys_eq(p, &q))
                }
                (Object::Tuple(p), Object::Tuple(q)) => {
                    p.len() == q.len() && p.iter().zip(q.iter()).all(|(a, b)| key_eq(a, b))
                }
                _ => base_key_eq(a, b),
            }
        }
        _ => base_key_eq(a, b),
    }
}

/// Built-in methods are equal when they are the same function bound to
/// the same object (by identity).
pub fn builtin_eq(p: &crate::object::Builtin, q: &crate::object::Builtin) -> bool {
    let same_self = match (&p.bound, &q.bound) {
        (Some(a), Some(b)) => a.is(b),
        (None, None) => true,
        _ => false,
    };
    same_self && p.name == q.name && std::ptr::fn_addr_eq(p.func, q.func)
}

/// Does the class of an instance of a subclass of a built-in type define
/// its own `__eq__` or `__hash__` (so that its value does not stand for it)?
fn user_eq(i: &crate::object::Instance) -> bool {
    i.typ.hooks.get().has(crate::types::Hooks::KEY)
}

/// `key_eq` when either side is an instance of a subclass of a built-in
/// type: its value compares.
fn base_key_eq(a: &Value, b: &Value) -> bool {
    let unwrap = |v: &Value| match v.as_object() {
        Some(Object::Instance(i)) if !user_eq(i) => i.base.clone(),
        _ => None,
    };
    match (unwrap(a), unwrap(b)) {
        (None, None) => false,
        (x, y) => key_eq(
            &x.unwrap_or_else(|| a.clone()),
            &y.unwrap_or_else(|| b.clone()),
        ),
    }
}

fn bigint_float_eq(a: &Value, b: &Value) -> bool {
    let (f, other) = match (a, b) {
        (Value::Float(f), o) | (o, Value::Float(f)) => (*f, o),
        _ => return false,
    };
    match other {
        Value::Obj(o) => match &**o {
            Object::BigInt(i) => {
                f.get().fract() == 0.0 && i.to_f64() == Some(f.get()) && {
                    // Exact: convert the float back to an int.
                    num_bigint::BigInt::from(f.get() as i128) == *i || f.get().abs() >= 1.7e38
                }
            }
            _ => false,
        },
        _ => false,
    }
}

//! Dict and set keys whose hash or equality runs Python code.
//!
//! `Dict` hashes and compares built-in keys itself (`hash::hash_key`,
//! `hash::key_eq`). An instance of a class with its own `__hash__` or
//! `__eq__` (a "user key", `dict::is_user_key`), or a tuple holding one,
//! needs the interpreter, and these functions supply it:
//!
//! - `key_hash` computes a key's hash, calling `__hash__` where a class
//!   defines it;
//! - `key_find` probes a dict and, for entries whose hash matches but
//!   whose equality needs Python code, calls `__eq__` (stored key first,
//!   as CPython's lookdict does) with the dict *not* borrowed, so that
//!   `__eq__` may even use the dict itself. If the dict changed meanwhile
//!   the probe starts again, as in CPython.
//!
//! Built-in keys in dicts without user keys take one probe, as before.

use std::cell::RefCell;

use crate::dict::{Dict, Probe, Unhashable};
use crate::error::{PyErr, PyResult};
use crate::hash::hash_key;
use crate::object::Object;
use crate::value::Value;
use crate::Interpreter;

/// A key's hash, and whether the key is a user key.
#[derive(Clone, Copy)]
pub struct KeyHash {
    pub hash: i64,
    pub user: bool,
}

/// Read access to a dict that may or may not sit in a `RefCell`: sets and
/// dicts under construction are plain `Dict`s no Python code can reach.
pub trait DictAccess {
    fn with<R>(&self, f: impl FnOnce(&Dict) -> R) -> R;
}

impl DictAccess for Dict {
    fn with<R>(&self, f: impl FnOnce(&Dict) -> R) -> R {
        f(self)
    }
}

impl<T: DictAccess> DictAccess for Box<T> {
    fn with<R>(&self, f: impl FnOnce(&Dict) -> R) -> R {
        (**self).with(f)
    }
}

impl DictAccess for RefCell<Dict> {
    fn with<R>(&self, f: impl FnOnce(&Dict) -> R) -> R {
        f(&self.borrow())
    }
}

/// How many times a probe restarts because `__eq__` changed the dict
/// before it gives up and reports the key absent.
const MAX_RESTARTS: usize = 100;

impl Interpreter {
    /// CPython's "unhashable type: 'list'" TypeError.
    pub fn unhashable(&self, u: Unhashable) -> PyErr {
        match u {
            Unhashable::Type(name) => self.type_error(format!("unhashable type: '{name}'")),
            // Only reachable through a code path that hashes without the
            // interpreter; it says so rather than guessing a hash.
            Unhashable::UserKey => self.err(
                "SystemError",
                "a key with a user-defined __hash__ reached a path that cannot call it",
            ),
            Unhashable::Value(msg) => self.value_error(msg),
            Unhashable::TooDeep => self.err(
                "RecursionError",
                "maximum recursion depth exceeded while hashing a tuple",
            ),
        }
    }

    /// `hash(v)` as dict and set keys need it.
    pub fn key_hash(&mut self, v: &Value) -> PyResult<KeyHash> {
        match hash_key(v) {
            Ok(hash) => Ok(KeyHash { hash, user: false }),
            Err(Unhashable::UserKey) => Ok(KeyHash {
                hash: self.user_hash(v)?,
                user: true,
            }),
            // A subclass of an unhashable built-in type is named itself.
            Err(Unhashable::Type(_)) if matches!(v.as_object(), Some(Object::Instance(_))) => {
                let name = self.type_name(v);
                Err(self.type_error(format!("unhashable type: '{name}'")))
            }
            Err(u) => Err(self.unhashable(u)),
        }
    }

    /// The hash of a user key (or of a tuple holding one).
    fn user_hash(&mut self, v: &Value) -> PyResult<i64> {
        match v.as_object() {
            Some(Object::Tuple(items)) => pyrite_compiler::pyhash::hash_tuple_with(
                items.iter().map(|item| self.key_hash(item).map(|k| k.hash)),
            ),
            Some(Object::Instance(i)) => match crate::class::instance_hash(self, v) {
                Some(h) => h,
                // `__hash__` is inherited from a built-in type: the value
                // of a built-in subclass, or else identity.
                None => match &i.base {
                    Some(b) => hash_key(b).map_err(|u| self.unhashable(u)),
                    None => Ok(identity_hash(v)),
                },
            },
            Some(Object::WeakRef(w)) => {
                if let Some(h) = w.cached_hash() {
                    return Ok(h);
                }
                let Some(target) = w.upgrade() else {
                    return Err(self.type_error("weak object has gone away"));
                };
                let h = self.key_hash(&target)?.hash;
                w.set_hash(h);
                Ok(h)
            }
            _ => Ok(identity_hash(v)),
        }
    }

    /// The position of `key`'s entry in `d`, if it has one.
    pub fn key_find(
        &mut self,
        d: &impl DictAccess,
        key: &Value,
        h: KeyHash,
    ) -> PyResult<Option<usize>> {
        'restart: for _ in 0..MAX_RESTARTS {
            let (candidates, version) =
                match d.with(|d| (d.probe(h.hash, key, h.user), d.version())) {
                    (Probe::Found(pos), _) => return Ok(Some(pos)),
                    (Probe::Absent, _) => return Ok(None),
                    (Probe::Ask(candidates), version) => (candidates, version),
                };
            for (pos, stored) in candidates {
                let equal = crate::ops::eq(self, &stored, key)?;
                if d.with(|d| d.version()) != version {
                    continue 'restart;
                }
                if equal {
                    return Ok(Some(pos));
                }
            }
            return Ok(None);
        }
        Ok(None)
    }

    /// `d[key]` for a shared dict: the value, or None if absent.
    pub fn dict_lookup(&mut self, d: &RefCell<Dict>, key: &Value) -> PyResult<Option<Value>> {
        let h = self.key_hash(key)?;
        let pos = self.key_find(d, key, h)?;
        Ok(pos.and_then(|p| d.borrow().value_at(p).cloned()))
    }

    /// Is `key` in `d` (a dict, set or frozenset)?
    pub fn key_in(&mut self, d: &impl DictAccess, key: &Value) -> PyResult<bool> {
        let h = self.key_hash(key)?;
        Ok(self.key_find(d, key, h)?.is_some())
    }

    /// `d[key] = value` for a shared dict. An existing key keeps its
    /// position and its original key object.
    pub fn dict_store(&mut self, d: &RefCell<Dict>, key: Value, value: Value) -> PyResult<()> {
        let h = self.key_hash(&key)?;
        self.dict_store_hashed(d, key, h, value)
    }

    /// `dict_store` for a key whose hash is known (copied from another
    /// dict's entry).
    pub fn dict_store_hashed(
        &mut self,
        d: &RefCell<Dict>,
        key: Value,
        h: KeyHash,
        value: Value,
    ) -> PyResult<()> {
        match self.key_find(d, &key, h)? {
            Some(pos) => {
                d.borrow_mut().set_value_at(pos, value);
            }
            None => d.borrow_mut().push(h.hash, key, value, h.user),
        }
        Ok(())
    }

    /// `d[key] = value` for a dict or set under construction.
    pub fn dict_insert(&mut self, d: &mut Dict, key: Value, value: Value) -> PyResult<()> {
        let h = self.key_hash(&key)?;
        match self.key_find(d, &key, h)? {
            Some(pos) => {
                d.set_value_at(pos, value);
            }
            None => d.push(h.hash, key, value, h.user),
        }
        Ok(())
    }

    /// `del d[key]` / `d.pop(key)` for a shared dict: the removed value.
    pub fn dict_remove(&mut self, d: &RefCell<Dict>, key: &Value) -> PyResult<Option<Value>> {
        let h = self.key_hash(key)?;
        Ok(match self.key_find(d, key, h)? {
            Some(pos) => d.borrow_mut().remove_at(pos).map(|(_, v)| v),
            None => None,
        })
    }

    /// Remove `key` from a dict or set under construction.
    pub fn dict_discard(&mut self, d: &mut Dict, key: &Value) -> PyResult<Option<Value>> {
        let h = self.key_hash(key)?;
        Ok(match self.key_find(d, key, h)? {
            Some(pos) => d.remove_at(pos).map(|(_, v)| v),
            None => None,
        })
    }
}

/// The default hash: by identity.
fn identity_hash(v: &Value) -> i64 {
    match v {
        Value::Obj(o) => (std::rc::Rc::as_ptr(o) as usize >> 4) as i64,
        _ => 0,
    }
}

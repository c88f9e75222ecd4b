//! Inline caches for namespace access: LOAD_GLOBAL, LOAD_NAME and
//! STORE_NAME each own one [`NameCache`].
//!
//! A cache remembers which dict held the name and the entry position
//! there, together with the keys versions (`Dict::version`) of every dict
//! the lookup consulted. While those versions stand, no key was added to
//! or removed from any of them, so the name is still at that position and
//! still absent from the dicts searched before it: a hit reads (or, for
//! STORE_NAME, writes) one entry without hashing or probing. Rebinding an
//! existing name does not change a keys version, so `i += 1` at module
//! level keeps its caches warm.

use std::rc::Rc;

use crate::object::Object;
use crate::value::Value;

/// Which of the (up to three) dicts of a lookup held the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Locals,
    Globals,
    Builtins,
}

#[derive(Clone, Copy, Default)]
pub struct NameCache {
    /// Keys versions of the dicts consulted, in lookup order; unused
    /// levels stay 0.
    versions: [u64; 3],
    /// Where the name was found: the level and the entry position.
    found: Option<(Level, usize)>,
}

/// The dicts a lookup consults, in order (`None` for a level it skips).
pub type Chain<'a> = [Option<&'a Rc<Object>>; 3];

/// The keys version of a dict, read without a borrow count (hot path).
#[inline(always)]
fn dict_version(ns: &Object) -> Option<u64> {
    match ns {
        Object::Dict(d) => d.try_borrow().ok().map(|d| d.version()),
        _ => None,
    }
}

impl NameCache {
    /// LOAD_GLOBAL's hit path: two dicts at most, checked in line.
    #[inline(always)]
    pub fn load_global(&self, globals: &Object, builtins: &Object) -> Option<Value> {
        let (level, pos) = self.found?;
        if dict_version(globals)? != self.versions[1] {
            return None;
        }
        let ns = match level {
            Level::Globals => globals,
            Level::Builtins if dict_version(builtins)? == self.versions[2] => builtins,
            _ => return None,
        };
        match ns {
            Object::Dict(d) => d.try_borrow().ok()?.value_at(pos).cloned(),
            _ => None,
        }
    }

    /// LOAD_NAME's hit path, checked in line.
    #[inline(always)]
    pub fn load_name(
        &self,
        locals: Option<&Object>,
        globals: &Object,
        builtins: &Object,
    ) -> Option<Value> {
        let (level, pos) = self.found?;
        let locals_version = match locals {
            Some(l) => dict_version(l)?,
            None => 0,
        };
        if locals_version != self.versions[0] {
            return None;
        }
        let ns = match level {
            Level::Locals => locals?,
            _ if dict_version(globals)? != self.versions[1] => return None,
            Level::Globals => globals,
            Level::Builtins if dict_version(builtins)? == self.versions[2] => builtins,
            Level::Builtins => return None,
        };
        match ns {
            Object::Dict(d) => d.try_borrow().ok()?.value_at(pos).cloned(),
            _ => None,
        }
    }

    /// Look `name` up along `chain` and remember where it was found.
    pub fn fill(&mut self, chain: &Chain, name: &Value) -> Option<Value> {
        *self = NameCache::default();
        for (i, ns) in chain.iter().enumerate() {
            let d = match ns.map(|o| &**o) {
                None => continue,
                Some(Object::Dict(d)) => d,
                // A mapping other than a dict (a metaclass's `__prepare__`)
                // is left to the general path.
                Some(_) => return None,
            };
            let d = d.borrow();
            self.versions[i] = d.version();
            if let Some(pos) = d.position(name) {
                let level = [Level::Locals, Level::Globals, Level::Builtins][i];
                self.found = Some((level, pos));
                return d.value_at(pos).cloned();
            }
        }
        None
    }

    /// STORE_NAME: rebind `name` in `ns` in place when the cache knows its
    /// position; otherwise insert it and remember where it went. Gives
    /// the value back if `ns` is not a dict.
    pub fn store(&mut self, ns: &Rc<Object>, name: &Value, value: Value) -> Option<Value> {
        let Object::Dict(d) = &**ns else {
            return Some(value);
        };
        let mut d = d.borrow_mut();
        match self.found {
            // An unchanged keys version means the entry is still there.
            Some((Level::Locals, pos)) if d.version() == self.versions[0] => {
                d.set_value_at(pos, value);
            }
            _ => {
                let _ = d.insert(name.clone(), value);
                self.versions = [d.version(), 0, 0];
                self.found = d.position(name).map(|pos| (Level::Locals, pos));
            }
        }
        None
    }
}

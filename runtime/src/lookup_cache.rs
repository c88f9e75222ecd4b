//! A cache of class attribute lookups, like CPython's type attribute
//! cache (`_PyType_Lookup`).
//!
//! Finding `name` on a class walks its MRO, probing one dict per class.
//! Operators (`__add__`), method calls and attribute reads ask the same
//! questions of the same few classes over and over, so the answers are
//! kept in a direct-mapped table indexed by the class's address and the
//! name's hash. Entries are valid while [`class_epoch`] has not moved,
//! i.e. no class dict has changed since they were filled.

use std::cell::RefCell;
use std::mem::ManuallyDrop;
use std::rc::Rc;

use crate::types::{class_epoch, TypeObject};
use crate::value::Value;

const SIZE: usize = 1024;

#[derive(Clone)]
struct Entry {
    epoch: u64,
    /// Held so that the address cannot be reused by another type while
    /// the entry exists.
    typ: Rc<TypeObject>,
    name: Box<str>,
    found: Option<Value>,
}

thread_local! {
    // Slots are boxed and start empty, so the table is one zeroed
    // allocation that costs no page faults until it is used (an inline
    // table of entries was written in full at start-up: a fifth of the
    // page faults of `print('hi')`). ManuallyDrop: the table lives as long
    // as its thread, and its destructor would only slow down exit.
    static CACHE: ManuallyDrop<RefCell<Vec<Option<Box<Entry>>>>> =
        ManuallyDrop::new(RefCell::new(vec![None; SIZE]));
}

/// A cheap hash of a name for callers that have only its text (Python's
/// str hash is SipHash over the UCS form, far slower). Entries are
/// verified by name, so the two hashes may place one name in two slots.
pub fn quick_hash(name: &str) -> i64 {
    // FNV-1a.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    h as i64
}

/// `name` (with hash `hash`: its Python hash or [`quick_hash`]) on `typ`'s MRO: from the cache, or
/// from `walk` (which must not look anything up through this cache).
pub fn lookup(
    typ: &Rc<TypeObject>,
    name: &str,
    hash: i64,
    walk: impl FnOnce() -> Option<Value>,
) -> Option<Value> {
    let slot = ((Rc::as_ptr(typ) as usize >> 4) ^ hash as usize) % SIZE;
    let epoch = class_epoch();
    CACHE.with(|cache| {
        {
            let cache = cache.borrow();
            if let Some(e) = &cache[slot] {
                if e.epoch == epoch && Rc::ptr_eq(&e.typ, typ) && &*e.name == name {
                    return e.found.clone();
                }
            }
        }
        let found = walk();
        let entry = Entry {
            epoch,
            typ: typ.clone(),
            name: name.into(),
            found: found.clone(),
        };
        match &mut cache.borrow_mut()[slot] {
            Some(e) => **e = entry,
            empty => *empty = Some(Box::new(entry)),
        }
        found
    })
}

/// A type's answers for special-method names (see
/// [`TypeObject::lookup_special`]). The names are `&'static str`, so an
/// address identifies one name's text for good and a lookup is a short
/// scan of pointer comparisons. Valid while [`class_epoch`] stays put.
#[derive(Default)]
pub struct SpecialCache {
    epoch: u64,
    entries: Vec<(&'static str, Option<Value>)>,
}

/// A type asks about a handful of special methods; past this many
/// names the scan would cost more than the shared cache.
const SPECIAL_ENTRIES: usize = 24;

/// `name` on `typ`'s MRO: from its special cache, or from `walk` (which
/// must not use this type's special cache).
pub fn lookup_special(
    typ: &Rc<TypeObject>,
    name: &'static str,
    walk: impl FnOnce() -> Option<Value>,
) -> Option<Value> {
    let epoch = class_epoch();
    {
        let cache = typ.special.borrow();
        if cache.epoch == epoch {
            if let Some((_, found)) = cache.entries.iter().find(|(n, _)| std::ptr::eq(*n, name)) {
                return found.clone();
            }
        }
    }
    let found = walk();
    let mut cache = typ.special.borrow_mut();
    if cache.epoch != epoch {
        cache.epoch = epoch;
        cache.entries.clear();
    }
    if cache.entries.len() < SPECIAL_ENTRIES {
        cache.entries.push((name, found.clone()));
    }
    found
}

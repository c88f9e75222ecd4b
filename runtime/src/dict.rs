//! `dict`: insertion-ordered, with Python's hashing and equality.
//!
//! The layout is CPython's compact dict: an entries vector in insertion
//! order (deleted entries leave a hole until the next compaction) plus a
//! hash index of positions into it. A dict of at most [`SMALL`] entry
//! positions (most instance `__dict__`s, keyword arguments, small
//! literals) has no index: a probe compares the few stored hashes
//! directly, and the dict costs one allocation less.
//!
//! Keys are compared with `hash::key_eq` and hashed with `hash::hash_key`,
//! which cover the built-in hashable types without running Python code.
//! Keys whose class defines `__hash__` or `__eq__` ("user keys") need the
//! interpreter: `keys.rs` hashes them and settles the equality questions
//! that [`Dict::probe`] hands back, so that no user code ever runs while
//! a dict is borrowed.

use std::rc::Rc;

use hashbrown::HashTable;

use crate::hash::{hash_key, key_eq};
use crate::object::Object;
use crate::value::Value;

#[derive(Clone, Debug)]
struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

/// Up to this many entry positions a dict is scanned, not indexed.
const SMALL: usize = 8;

#[derive(Default)]
pub struct Dict {
    entries: Vec<Option<Entry>>,
    /// What only large dicts and dicts with deletions need, apart: a dict
    /// is then small enough (56 bytes) for a heap object to hold it in
    /// place, without an allocation of its own.
    extra: Option<Box<Extra>>,
    len: u32,
    /// The keys version: changes, to a value no other dict has had, whenever
    /// a key is added or removed or entries move (not when a value is
    /// replaced). While it stays put every key keeps its position, which
    /// is what the name caches remember (see `namecache`).
    version: u64,
    /// Whether a user key was ever stored: until then a probe never has to
    /// look at a stored key's class.
    user_keys: bool,
    /// Bit `hash % 64` is set for the hash of every key stored since the
    /// last `clear` (a one-word Bloom filter): a probe for a hash whose
    /// bit is clear is a miss without touching the table. Method calls
    /// look in the instance dict first and nearly always miss there.
    hash_bits: u64,
}

#[derive(Default)]
struct Extra {
    /// Positions by hash; empty while `entries` has at most [`SMALL`]
    /// positions (see the module comment).
    index: HashTable<usize>,
    /// `(position, hash, entries.len() at the time)` of every deletion since
    /// the last compaction: sets replay them to lay out CPython's table
    /// (see `methods::set::ordered_items`).
    deleted: Vec<(usize, i64, usize)>,
}

// A dict lives inside `Object::Dict` (see object.rs's size bound).
const _: () = assert!(std::mem::size_of::<Dict>() <= 56);

/// The [`Dict::hash_bits`] bit of a hash.
fn hash_bit(hash: i64) -> u64 {
    1 << (hash as u64 & 63)
}

thread_local! {
    static NEXT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

fn next_version() -> u64 {
    NEXT_VERSION.with(|v| {
        let n = v.get();
        v.set(n + 1);
        n
    })
}

/// Why `hash::hash_key` could not hash a key on its own.
#[derive(Debug)]
pub enum Unhashable {
    /// The type is unhashable (e.g. a list); its name is for CPython's
    /// "unhashable type: 'list'" message.
    Type(&'static str),
    /// The key's hash runs Python code (a class's `__hash__`): only the
    /// interpreter can compute it (`Interpreter::key_hash`).
    UserKey,
    /// The value cannot be hashed in its state (a writable memoryview):
    /// a ValueError with this message.
    Value(&'static str),
    /// Tuples nested too deep to hash without overflowing the stack
    /// (`hash::MAX_TUPLE_DEPTH`): a RecursionError.
    TooDeep,
}

/// What [`Dict::probe`] found for a key.
pub enum Probe {
    Found(usize),
    Absent,
    /// No entry is equal without running Python code, but these entries
    /// (positions and keys, in probe order) have the key's hash and an
    /// `__eq__` that may say they are.
    Ask(Vec<(usize, Value)>),
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    /// An empty dict with room for `n` entries.
    pub fn with_capacity(n: usize) -> Dict {
        Dict {
            entries: Vec::with_capacity(n),
            ..Dict::default()
        }
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// See the `version` field.
    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn find(&self, hash: i64, key: &Value) -> Option<usize> {
        match self.probe(hash, key, false) {
            Probe::Found(i) => Some(i),
            _ => None,
        }
    }

    /// Look for the entry of `key`, hashed to `hash`; `user` says whether
    /// the key itself is a user key. Equalities that need Python code are
    /// not decided here but handed back as [`Probe::Ask`].
    #[inline]
    pub fn probe(&self, hash: i64, key: &Value, user: bool) -> Probe {
        // Every entry a probe could find (or ask about) has this hash.
        if self.hash_bits & hash_bit(hash) == 0 {
            return Probe::Absent;
        }
        let entries = &self.entries;
        // No user key on either side: equality is decided here.
        if !user && !self.user_keys {
            let found = self.find_position(hash, |i| {
                entries[i]
                    .as_ref()
                    .is_some_and(|e| e.hash == hash && key_eq(&e.key, key))
            });
            return match found {
                Some(i) => Probe::Found(i),
                None => Probe::Absent,
            };
        }
        let mut ask = Vec::new();
        let found = self.find_position(hash, |i| {
            let Some(e) = entries[i].as_ref() else {
                return false;
            };
            if e.hash != hash {
                return false;
            }
            if (user || self.user_keys) && !e.key.is(key) && (user || is_user_key(&e.key)) {
                ask.push((i, e.key.clone()));
                return false;
            }
            key_eq(&e.key, key)
        });
        match found {
            Some(i) => Probe::Found(i),
            None if ask.is_empty() => Probe::Absent,
            None => Probe::Ask(ask),
        }
    }

    /// The first position with hash `hash` that `is_it` accepts: through
    /// the index, or for a small dict by scanning the entries.
    #[inline]
    fn find_position(&self, hash: i64, mut is_it: impl FnMut(usize) -> bool) -> Option<usize> {
        if self.entries.len() <= SMALL {
            return (0..self.entries.len()).find(|&i| is_it(i));
        }
        let x = self.extra.as_ref()?;
        x.index.find(hash as u64, |&i| is_it(i)).copied()
    }

    /// Add `pos` (holding `hash`) to the index, building the index first
    /// when the dict has just outgrown [`SMALL`].
    fn index_position(&mut self, hash: i64, pos: usize) {
        match self.entries.len() {
            n if n <= SMALL => {}
            n if n == SMALL + 1 => self.build_index(),
            _ => {
                let entries = &self.entries;
                let x = self.extra.get_or_insert_with(Box::default);
                x.index.insert_unique(hash as u64, pos, |&i| {
                    entries[i].as_ref().map_or(0, |e| e.hash as u64)
                });
            }
        }
    }

    /// Index every live entry afresh (none for a small dict).
    fn build_index(&mut self) {
        if let Some(x) = self.extra.as_mut() {
            x.index = HashTable::new();
        }
        if self.entries.len() <= SMALL {
            return;
        }
        let entries = &self.entries;
        let x = self.extra.get_or_insert_with(Box::default);
        for (pos, e) in entries.iter().enumerate() {
            if let Some(e) = e {
                x.index.insert_unique(e.hash as u64, pos, |&i| {
                    entries[i].as_ref().map_or(0, |e| e.hash as u64)
                });
            }
        }
    }

    /// Add an entry for a key known to be absent (after a probe).
    pub fn push(&mut self, hash: i64, key: Value, value: Value, user: bool) {
        self.version = next_version();
        self.user_keys |= user;
        self.hash_bits |= hash_bit(hash);
        let pos = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        self.index_position(hash, pos);
        self.len += 1;
    }

    /// False when no key equal to `key` (a str) can be here, by the hash
    /// filter alone; true when it may be (or `key` is not a str with a
    /// cached hash).
    #[inline]
    pub fn may_hold(&self, key: &Value) -> bool {
        match key.as_object() {
            Some(Object::Str(s)) => match s.cached_hash().get() {
                Some(h) => self.hash_bits & hash_bit(h) != 0,
                None => true,
            },
            _ => true,
        }
    }

    /// The value at `pos` if that entry's key is the very object `key`
    /// (a position hint checked by identity: interned attribute names).
    #[inline]
    pub fn value_if_key_at(&self, pos: usize, key: &Value) -> Option<&Value> {
        let e = self.entries.get(pos)?.as_ref()?;
        match (&e.key, key) {
            (Value::Obj(a), Value::Obj(b)) if Rc::ptr_eq(a, b) => Some(&e.value),
            _ => None,
        }
    }

    /// `value_if_key_at` for a store: replace the value there.
    #[inline]
    pub fn set_if_key_at(&mut self, pos: usize, key: &Value, value: Value) -> Result<(), Value> {
        match self.entries.get_mut(pos).and_then(|e| e.as_mut()) {
            Some(e) if matches!((&e.key, key), (Value::Obj(a), Value::Obj(b)) if Rc::ptr_eq(a, b)) =>
            {
                e.value = value;
                Ok(())
            }
            _ => Err(value),
        }
    }

    /// The key and hash at an entry position.
    pub fn key_at(&self, pos: usize) -> Option<(&Value, i64)> {
        self.entries.get(pos)?.as_ref().map(|e| (&e.key, e.hash))
    }

    pub fn get(&self, key: &Value) -> Result<Option<&Value>, Unhashable> {
        let hash = hash_key(key)?;
        Ok(self
            .find(hash, key)
            .and_then(|i| self.entries[i].as_ref())
            .map(|e| &e.value))
    }

    /// Lookup by a str key (the common case for namespaces), without
    /// allocating a str object: small dicts are scanned, since comparing a
    /// few strings is cheaper than hashing one; larger ones are probed.
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        self.get_str_hashed(key, &mut None)
    }

    /// The value under the str key `name` (whose text is `text`): a small
    /// dict is first scanned for the very object (names are interned, so
    /// a function's keyword defaults usually hold the same str objects as
    /// its parameter names), then by text.
    pub fn get_name(&self, name: &Value, text: &str) -> Option<&Value> {
        if self.entries.len() <= SMALL {
            if let Some(e) = self.entries.iter().flatten().find(|e| e.key.is(name)) {
                return Some(&e.value);
            }
        }
        self.get_str(text)
    }

    /// `get_str` for lookups of one key in several dicts (a class's MRO):
    /// `hash` keeps the key's hash once a large dict needed it.
    pub fn get_str_hashed(&self, key: &str, hash: &mut Option<i64>) -> Option<&Value> {
        let is_key = |k: &Value| matches!(k.as_object(), Some(Object::Str(s)) if s.as_str() == key);
        let entry = if self.entries.len() <= SMALL {
            self.entries.iter().flatten().find(|e| is_key(&e.key))
        } else {
            let hash = *hash.get_or_insert_with(|| pyrite_compiler::pyhash::hash_str(key));
            if self.hash_bits & hash_bit(hash) == 0 {
                return None;
            }
            let entries = &self.entries;
            self.extra
                .as_ref()?
                .index
                .find(hash as u64, |&i| {
                    entries[i]
                        .as_ref()
                        .is_some_and(|e| e.hash == hash && is_key(&e.key))
                })
                .and_then(|&i| entries[i].as_ref())
        };
        entry.map(|e| &e.value)
    }

    pub fn insert(&mut self, key: Value, value: Value) -> Result<(), Unhashable> {
        self.insert_at(key, value).map(|_| ())
    }

    /// `insert`, telling the entry position the key has.
    pub fn insert_at(&mut self, key: Value, value: Value) -> Result<usize, Unhashable> {
        let hash = hash_key(&key)?;
        Ok(match self.find(hash, &key) {
            // An existing key keeps its position and its original key object.
            Some(i) => {
                if let Some(e) = self.entries[i].as_mut() {
                    e.value = value;
                }
                i
            }
            None => {
                self.push(hash, key, value, false);
                self.entries.len() - 1
            }
        })
    }

    pub fn set_str(&mut self, key: &str, value: Value) {
        // A str key is always hashable.
        let _ = self.insert(Value::str(key), value);
    }

    pub fn remove(&mut self, key: &Value) -> Result<Option<Value>, Unhashable> {
        let hash = hash_key(key)?;
        self.version = next_version();
        Ok(self
            .find(hash, key)
            .and_then(|pos| self.remove_at(pos))
            .map(|(_, v)| v))
    }

    /// Remove the entry at a position; its key and value.
    pub fn remove_at(&mut self, pos: usize) -> Option<(Value, Value)> {
        let e = self.entries.get_mut(pos)?.take()?;
        self.version = next_version();
        let positions = self.entries.len();
        let x = self.extra.get_or_insert_with(Box::default);
        if positions > SMALL {
            if let Ok(found) = x.index.find_entry(e.hash as u64, |&i| i == pos) {
                found.remove();
            }
        }
        x.deleted.push((pos, e.hash, positions));
        self.len -= 1;
        if positions > 16 && self.len() * 2 < positions {
            self.compact();
        }
        Some((e.key, e.value))
    }

    /// Drop the holes left by deletions and rebuild the index.
    fn compact(&mut self) {
        self.version = next_version();
        self.entries.retain(Option::is_some);
        if let Some(x) = self.extra.as_mut() {
            x.deleted.clear();
        }
        self.build_index();
    }

    /// The entry at position `pos` of the entries vector (None for a hole),
    /// for iterators, which walk positions as CPython's do.
    pub fn entry_at(&self, pos: usize) -> Option<(&Value, &Value)> {
        self.entries
            .get(pos)
            .and_then(|e| e.as_ref())
            .map(|e| (&e.key, &e.value))
    }

    /// The position of `key`'s entry (None if absent or unhashable); it
    /// stays valid while [`version`](Self::version) does.
    pub fn position(&self, key: &Value) -> Option<usize> {
        self.find(hash_key(key).ok()?, key)
    }

    /// The value at an entry position (from [`position`](Self::position)).
    pub fn value_at(&self, pos: usize) -> Option<&Value> {
        self.entries.get(pos)?.as_ref().map(|e| &e.value)
    }

    /// Replace the value at an entry position; false if there is none.
    pub fn set_value_at(&mut self, pos: usize, value: Value) -> bool {
        match self.entries.get_mut(pos).and_then(|e| e.as_mut()) {
            Some(e) => {
                e.value = value;
                true
            }
            None => false,
        }
    }

    /// One past the last entry position (holes included).
    pub fn positions(&self) -> usize {
        self.entries.len()
    }

    /// The deletions since the last compaction, oldest first: `(position,
    /// hash, number of positions when it was deleted)`.
    pub fn deletions(&self) -> &[(usize, i64, usize)] {
        self.extra.as_ref().map_or(&[], |x| &x.deleted)
    }

    /// Every entry as (key, hash, value), in order.
    pub fn entries(&self) -> Vec<(Value, i64, Value)> {
        self.entries
            .iter()
            .flatten()
            .map(|e| (e.key.clone(), e.hash, e.value.clone()))
            .collect()
    }

    /// The hash of every key, in order.
    pub fn hashes(&self) -> impl Iterator<Item = i64> + '_ {
        self.entries.iter().flatten().map(|e| e.hash)
    }

    /// A compact copy (keys keep the hashes they were stored with, so
    /// user keys need no Python code to be copied).
    pub fn copied(&self) -> Dict {
        let mut d = Dict::new();
        for e in self.entries.iter().flatten() {
            let user = self.user_keys && is_user_key(&e.key);
            d.push(e.hash, e.key.clone(), e.value.clone(), user);
        }
        d
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|e| (&e.key, &e.value))
    }

    pub fn clear(&mut self) {
        self.version = next_version();
        self.entries.clear();
        self.extra = None;
        self.len = 0;
        self.user_keys = false;
        self.hash_bits = 0;
    }
}

/// Is `v` a key whose equality may run Python code: an instance of a
/// class with its own `__eq__` or `__hash__`, or a tuple holding one?
/// A snapshot of the (key, value) pairs of a dict object, in order (an
/// empty one for anything else), for walks that may run Python code.
pub fn pairs_of(o: &Object) -> Vec<(Value, Value)> {
    match o {
        Object::Dict(d) => d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

pub fn is_user_key(v: &Value) -> bool {
    match v.as_object() {
        Some(Object::Instance(i)) => i.typ.hooks.get().has(crate::types::Hooks::KEY),
        Some(Object::Tuple(items)) => items.iter().any(is_user_key),
        _ => false,
    }
}

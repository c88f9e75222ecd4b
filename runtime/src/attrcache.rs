//! Inline caches for attribute access: LOAD_ATTR, LOAD_METHOD and
//! STORE_ATTR each own one [`AttrCache`].
//!
//! Looking an attribute up on an instance means walking its class's MRO
//! for a descriptor before (or after) its own `__dict__`. What the MRO says
//! about a name only changes when some class's dict changes, so the cache
//! remembers it per instruction, keyed by the instance's class and guarded
//! by [`crate::types::class_epoch`], which every change to any class dict
//! advances. With a valid entry, `obj.x` is one instance-dict probe and
//! `obj.method()` pushes the function and `obj` without a bound method.
//!
//! The instance-dict probe itself starts from a position hint: instances
//! of a class usually gain their attributes in the same order, so `name`
//! sits at the same entry position in each one's dict. The hint is checked
//! by identity of the (interned) key at that position, so it needs no
//! guard; a wrong hint costs one comparison before the normal probe.
//!
//! The same slot caches, for LOAD_METHOD on built-in values (`s.split()`),
//! the unbound built-in method found for the value's type.

use std::rc::Rc;

use crate::object::Object;
use crate::types::{class_epoch, Hooks, TypeKind, TypeObject};
use crate::value::Value;

/// What an instance's class holds under an attribute name, as far as the
/// fast paths care.
#[derive(Clone, Default)]
pub enum ClassAttr {
    /// Anything else (properties, descriptors, class variables, dunder
    /// names, classes with attribute hooks): take the general path.
    #[default]
    General,
    /// Nothing: the attribute can only come from the instance dict (or
    /// `__getattr__`, which the general path handles on a miss).
    Absent,
    /// A plain Python function: a method, unless the instance dict
    /// shadows it. Stores write to the instance dict as if it were absent
    /// (a function is a non-data descriptor).
    Method(Value),
    /// A `property` whose getter is a plain Python function (the class
    /// has no `__getattr__` to catch its AttributeError): a load calls
    /// the getter; the instance dict does not matter (a data descriptor).
    Getter(Value),
}

/// How many classes one instruction remembers: call sites in class
/// hierarchies (`task.run()` over several task classes) see a few.
const WAYS: usize = 4;

#[derive(Clone, Default)]
pub struct AttrCache {
    /// For instances: the classes the entries describe (held, so that an
    /// address cannot be reused by another class while cached), and what
    /// each holds under the instruction's name.
    classes: [Option<Rc<TypeObject>>; WAYS],
    found: [ClassAttr; WAYS],
    /// The entry to replace next.
    next: u8,
    /// Where `name` was last found in an instance dict (see the module
    /// comment).
    dict_pos: usize,
    epoch: u64,
    /// For LOAD_METHOD on built-in values: the type and its method.
    pub builtin_kind: Option<TypeKind>,
    pub builtin_method: Option<Value>,
}

impl AttrCache {
    /// The entry describing `typ` (an instance's class): what it holds
    /// under `name`, classified on a miss. The hit path is a few pointer
    /// comparisons, kept in line; filling an entry is out of line.
    #[inline(always)]
    fn way(&mut self, typ: &Rc<TypeObject>, name: &Value) -> usize {
        if self.epoch == class_epoch() {
            let wanted = Rc::as_ptr(typ);
            for (way, c) in self.classes.iter().enumerate() {
                if c.as_ref().is_some_and(|c| Rc::as_ptr(c) == wanted) {
                    return way;
                }
            }
        }
        self.fill(typ, name)
    }

    #[inline(never)]
    fn fill(&mut self, typ: &Rc<TypeObject>, name: &Value) -> usize {
        let epoch = class_epoch();
        if self.epoch != epoch {
            *self = AttrCache {
                epoch,
                builtin_kind: self.builtin_kind,
                builtin_method: self.builtin_method.take(),
                ..AttrCache::default()
            };
        }
        let way = self.next as usize % WAYS;
        self.next = self.next.wrapping_add(1);
        self.classes[way] = Some(typ.clone());
        self.found[way] = classify(typ, name);
        way
    }
}

/// `name` in an instance dict, trying the position hint first (see the
/// module comment) and updating it.
#[inline(always)]
fn own_attr(
    dict: &std::cell::RefCell<crate::dict::Dict>,
    hint: &mut usize,
    name: &Value,
) -> Option<Value> {
    let d = dict.try_borrow().ok()?;
    if let Some(v) = d.value_if_key_at(*hint, name) {
        return Some(v.clone());
    }
    let pos = d.position(name)?;
    *hint = pos;
    d.value_at(pos).cloned()
}

fn classify(typ: &Rc<TypeObject>, name: &Value) -> ClassAttr {
    let Some(Object::Str(s)) = name.as_object() else {
        return ClassAttr::General;
    };
    let s = s.as_str();
    // Dunder names (`__class__`, `__dict__`...) are special-cased by the
    // general path; bare `object()` instances have no dict; a class that
    // customises attribute access always takes the general path.
    let is_dunder = s.len() > 4 && s.starts_with("__") && s.ends_with("__");
    if is_dunder || !typ.is_class || has_attribute_hooks(typ) {
        return ClassAttr::General;
    }
    match typ.lookup_name(name) {
        None => ClassAttr::Absent,
        Some(f) => match f.as_object() {
            Some(Object::Function(_)) => ClassAttr::Method(f),
            Some(Object::Property { fget, .. })
                if matches!(fget.as_object(), Some(Object::Function(_)))
                    && !typ.hooks.get().has(Hooks::GETATTR) =>
            {
                ClassAttr::Getter(fget.clone())
            }
            _ => ClassAttr::General,
        },
    }
}

/// Does the class (or a base) define its own `__getattribute__`,
/// `__setattr__` or `__delattr__`? (Kept as flags on the class.)
fn has_attribute_hooks(typ: &Rc<TypeObject>) -> bool {
    let hooks = typ.hooks.get();
    [Hooks::GETATTRIBUTE, Hooks::SETATTR, Hooks::DELATTR]
        .iter()
        .any(|&h| hooks.has(h))
}

/// What the fast path of LOAD_ATTR or LOAD_METHOD found.
pub enum Found {
    /// An attribute from the instance dict.
    Value(Value),
    /// A method of the class, not yet bound to the instance.
    Method(Value),
    /// A property getter (a Python function) to call with the instance.
    Getter(Value),
}

/// `owner.name` when it is in the instance dict of an instance whose class
/// holds nothing under `name`: LOAD_ATTR's commonest case, answered as a
/// bare value (a [`Found`] came back through memory). None for anything
/// else, which [`load`] then sorts out.
#[inline(always)]
pub fn load_instance_value(
    code: &crate::code::Code,
    slot: u16,
    owner: &Value,
    name: &Value,
) -> Option<Value> {
    let Some(Object::Instance(i)) = owner.as_object() else {
        return None;
    };
    let Some(Object::Dict(dict)) = i.dict.as_deref() else {
        return None;
    };
    let mut caches = code.attr_caches.borrow_mut();
    let cache = caches.get_mut(slot as usize)?;
    let way = cache.way(&i.typ, name);
    if !matches!(cache.found[way], ClassAttr::Absent) {
        return None;
    }
    own_attr(dict, &mut cache.dict_pos, name)
}

/// `owner.name` for an instance of a user class, when cache slot `slot`
/// of `code` knows the class's side; None sends the access down the
/// general path (other objects, misses, descriptors, hooks).
#[inline(always)]
pub fn load(code: &crate::code::Code, slot: u16, owner: &Value, name: &Value) -> Option<Found> {
    let Some(Object::Instance(i)) = owner.as_object() else {
        return None;
    };
    let mut caches = code.attr_caches.borrow_mut();
    let cache = caches.get_mut(slot as usize)?;
    let way = cache.way(&i.typ, name);
    // Instances without a `__dict__` (`__slots__`) take the general path.
    let Some(Object::Dict(dict)) = i.dict.as_deref() else {
        return None;
    };
    match &cache.found[way] {
        ClassAttr::Absent => own_attr(dict, &mut cache.dict_pos, name).map(Found::Value),
        ClassAttr::Method(f) => {
            let f = f.clone();
            // Instance dicts rarely shadow methods: the dict's hash filter
            // usually says so without a probe.
            if let Ok(d) = dict.try_borrow() {
                if !d.may_hold(name) {
                    return Some(Found::Method(f));
                }
            }
            match own_attr(dict, &mut cache.dict_pos, name) {
                Some(v) => Some(Found::Value(v)),
                None => Some(Found::Method(f)),
            }
        }
        ClassAttr::Getter(f) => Some(Found::Getter(f.clone())),
        ClassAttr::General => None,
    }
}

/// `owner.name = value` for an instance of a user class whose class holds
/// nothing under `name` that intercepts the store. Gives the value back
/// when the general path must do it.
#[inline(always)]
pub fn store(
    code: &crate::code::Code,
    slot: u16,
    owner: &Value,
    name: &Value,
    value: Value,
) -> Option<Value> {
    let Some(Object::Instance(i)) = owner.as_object() else {
        return Some(value);
    };
    let Some(Object::Dict(dict)) = i.dict.as_deref() else {
        return Some(value);
    };
    let mut caches = code.attr_caches.borrow_mut();
    let Some(cache) = caches.get_mut(slot as usize) else {
        return Some(value);
    };
    let way = cache.way(&i.typ, name);
    match cache.found[way] {
        ClassAttr::Absent | ClassAttr::Method(_) => {
            let Ok(mut d) = dict.try_borrow_mut() else {
                return Some(value);
            };
            if let Err(value) = d.set_if_key_at(cache.dict_pos, name, value) {
                // Attribute names are str: always hashable.
                if let Ok(pos) = d.insert_at(name.clone(), value) {
                    cache.dict_pos = pos;
                    // At most 16: an odd instance with many attributes
                    // must not make every later one large.
                    let hint = &i.typ.dict_size_hint;
                    hint.set(hint.get().max(d.len().min(16) as u32));
                }
            }
            None
        }
        ClassAttr::Getter(_) | ClassAttr::General => Some(value),
    }
}

//! Virtual subclasses of the abstract base classes in `collections.abc`
//! (written in Python, `lib/collections/abc.py`), for `isinstance` and
//! `issubclass`. Without metaclasses there is no `ABCMeta.__subclasscheck__`,
//! so an ABC keeps two plain class attributes in its own namespace:
//! `_abc_registry`, a list of the classes registered with it (built-in
//! types among them), and `_abc_methods`, a tuple of method names that
//! make any class defining them all a subclass (the `__subclasshook__`
//! of `Iterable`, `Sized` and the other one-method ABCs).

use std::rc::Rc;

use crate::object::Object;
use crate::types::TypeObject;
use crate::value::Value;

/// Is `t` a virtual subclass of the ABC `abc` (registered, or defining
/// the methods it asks for)?
pub fn is_virtual_subclass(t: &Rc<TypeObject>, abc: &Rc<TypeObject>) -> bool {
    let (registry, methods) = {
        let d = abc.dict.borrow();
        (
            d.get_str("_abc_registry").cloned(),
            d.get_str("_abc_methods").cloned(),
        )
    };
    if let Some(Object::List(items)) = registry.as_ref().and_then(Value::as_object) {
        let registered = items.borrow().clone();
        let is_registered = registered.iter().any(|r| match r.as_object() {
            Some(Object::Type(r)) => t.is_subtype(r),
            _ => false,
        });
        if is_registered {
            return true;
        }
    }
    match methods.as_ref().and_then(Value::as_object) {
        // Only classes look their methods up in namespaces; built-in
        // types are registered instead.
        Some(Object::Tuple(names)) if t.is_class && !names.is_empty() => names.iter().all(|n| {
            t.lookup(&crate::format::str_value(n))
                .is_some_and(|v| !v.is_none())
        }),
        _ => false,
    }
}

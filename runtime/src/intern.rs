//! Interned identifiers.
//!
//! Every name a code object uses (`co_names`, and str constants that look
//! like identifiers, as CPython interns them) is one shared str object per
//! spelling. Namespace and instance dicts are keyed by those same objects,
//! so a lookup by name hashes nothing (str objects cache their hash) and
//! usually finds its key by pointer comparison alone (see `hash::key_eq`).
//!
//! Interned strs live as long as the interpreter's thread, like CPython's
//! immortal identifiers.

use std::cell::RefCell;
use std::mem::ManuallyDrop;

use hashbrown::HashMap;

use crate::value::Value;

thread_local! {
    // Never dropped (ManuallyDrop): the names are immortal, and freeing
    // them one by one when the thread ends would only slow down exit.
    static NAMES: ManuallyDrop<RefCell<HashMap<Box<str>, Value>>> =
        ManuallyDrop::new(RefCell::new(HashMap::new()));
}

/// The one str object for `name`.
pub fn intern(name: &str) -> Value {
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(v) = names.get(name) {
            return v.clone();
        }
        let v = Value::str(name);
        names.insert(name.into(), v.clone());
        v
    })
}

/// Does CPython intern a str constant with this text? (All-ASCII
/// identifier characters, as marshal's reference choices also assume.)
pub use pyrite_compiler::marshal::is_name_like;

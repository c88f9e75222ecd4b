//! Type objects: one per built-in type, created once per interpreter.
//!
//! `type(x)` of a built-in value is found from its `Value`/`Object` variant
//! (see `Interpreter::type_of`); user classes (a later issue) will be
//! `TypeObject`s with `TypeKind::Instance` and their own dict and MRO.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;

/// Which built-in layout a type's instances have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    ByteArray,
    Range,
    Slice,
    Iterator,
    /// dict_keys, dict_values, dict_items.
    DictView,
    Function,
    BuiltinFunction,
    Code,
    Module,
    Cell,
    Generator,
    NotImplementedType,
    Ellipsis,
    /// BaseException and every subclass.
    Exception,
    /// Instances of classes made by `class` statements.
    Instance,
    /// Bound methods and `super()` objects.
    Method,
    Super,
    /// staticmethod, classmethod, property.
    Descriptor,
}

thread_local! {
    static CLASS_EPOCH: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// A number that changes whenever any class's dict changes after the class
/// was made: attribute caches (`attrcache`) are valid while it stays put.
/// One counter for all classes keeps the guard a single comparison; class
/// attributes are rarely rebound in hot loops.
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(|e| e.get())
}

/// Invalidate every attribute cache (see [`class_epoch`]).
pub fn classes_changed() {
    CLASS_EPOCH.with(|e| e.set(e.get() + 1));
}

pub struct TypeObject {
    pub name: Rc<str>,
    pub base: Option<Rc<TypeObject>>,
    pub kind: TypeKind,
    /// Attributes and methods defined on the type itself.
    pub dict: RefCell<Dict>,
    /// The method resolution order after the type itself (`__mro__[1:]`;
    /// the type is left out so that no type holds an `Rc` to itself).
    pub ancestors: Vec<Rc<TypeObject>>,
    /// `__bases__` of a class made by a `class` statement (empty for
    /// built-in types, whose single base is `base`).
    pub bases: Vec<Rc<TypeObject>>,
    /// Made by a `class` statement (instances are `Object::Instance`, or
    /// exceptions when it derives from BaseException).
    pub is_class: bool,
}

impl TypeObject {
    pub fn new(name: &str, kind: TypeKind, base: Option<Rc<TypeObject>>) -> Rc<TypeObject> {
        let mut ancestors = Vec::new();
        let mut b = base.clone();
        while let Some(t) = b {
            ancestors.push(t.clone());
            b = t.base.clone();
        }
        Rc::new(TypeObject {
            name: Rc::from(name),
            base,
            kind,
            dict: RefCell::new(Dict::default()),
            ancestors,
            bases: Vec::new(),
            is_class: false,
        })
    }

    /// `__mro__`: the type, then its ancestors.
    pub fn mro(self: &Rc<Self>) -> Vec<Rc<TypeObject>> {
        let mut m = vec![self.clone()];
        m.extend(self.ancestors.iter().cloned());
        m
    }

    /// Look `name` up along the MRO (the type's own dict first).
    pub fn lookup(self: &Rc<Self>, name: &str) -> Option<crate::value::Value> {
        let hash = crate::lookup_cache::quick_hash(name);
        crate::lookup_cache::lookup(self, name, hash, || {
            self.mro_find(|d| d.get_str(name).cloned())
        })
    }

    /// [`lookup`](Self::lookup) by a str value (whose hash is cached), as
    /// the eval loop has names.
    pub fn lookup_value(
        self: &Rc<Self>,
        name: &crate::value::Value,
    ) -> Option<crate::value::Value> {
        let Some(crate::object::Object::Str(s)) = name.as_object() else {
            return None;
        };
        let hash = crate::hash::hash_key(name).unwrap_or(0);
        crate::lookup_cache::lookup(self, s.as_str(), hash, || {
            self.mro_find(|d| d.get(name).ok().flatten().cloned())
        })
    }

    /// The first hit of `get` along the MRO, without the cache.
    fn mro_find(
        self: &Rc<Self>,
        get: impl Fn(&Dict) -> Option<crate::value::Value>,
    ) -> Option<crate::value::Value> {
        get(&self.dict.borrow())
            .or_else(|| self.ancestors.iter().find_map(|t| get(&t.dict.borrow())))
    }

    /// Set an attribute of the class (`C.x = v`).
    pub fn set_attr(&self, name: crate::value::Value, value: crate::value::Value) {
        let _ = self.dict.borrow_mut().insert(name, value);
        classes_changed();
    }

    /// Delete an attribute of the class; false if it had none.
    pub fn del_attr(&self, name: &crate::value::Value) -> bool {
        let removed = matches!(self.dict.borrow_mut().remove(name), Ok(Some(_)));
        classes_changed();
        removed
    }

    /// Is `self` the same type as `other` or a subclass of it?
    pub fn is_subtype(self: &Rc<Self>, other: &Rc<TypeObject>) -> bool {
        Rc::ptr_eq(self, other) || self.ancestors.iter().any(|t| Rc::ptr_eq(t, other))
    }
}

/// The built-in exception hierarchy of CPython 3.11 (name, base), in an
/// order where every base comes before its subclasses.
pub const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UserWarning", "Warning"),
];

/// The built-in types of one interpreter.
pub struct Types {
    pub object: Rc<TypeObject>,
    pub type_: Rc<TypeObject>,
    pub none: Rc<TypeObject>,
    pub bool_: Rc<TypeObject>,
    pub int: Rc<TypeObject>,
    pub float: Rc<TypeObject>,
    pub complex: Rc<TypeObject>,
    pub str_: Rc<TypeObject>,
    pub bytes: Rc<TypeObject>,
    pub tuple: Rc<TypeObject>,
    pub list: Rc<TypeObject>,
    pub dict: Rc<TypeObject>,
    pub set: Rc<TypeObject>,
    pub frozenset: Rc<TypeObject>,
    pub bytearray: Rc<TypeObject>,
    pub range: Rc<TypeObject>,
    pub slice: Rc<TypeObject>,
    pub iterator: Rc<TypeObject>,
    pub dict_keys: Rc<TypeObject>,
    pub dict_values: Rc<TypeObject>,
    pub dict_items: Rc<TypeObject>,
    pub function: Rc<TypeObject>,
    pub builtin_function: Rc<TypeObject>,
    pub code: Rc<TypeObject>,
    pub module: Rc<TypeObject>,
    pub cell: Rc<TypeObject>,
    pub generator: Rc<TypeObject>,
    pub coroutine: Rc<TypeObject>,
    pub method: Rc<TypeObject>,
    pub super_: Rc<TypeObject>,
    pub staticmethod: Rc<TypeObject>,
    pub classmethod: Rc<TypeObject>,
    pub property: Rc<TypeObject>,
    pub not_implemented: Rc<TypeObject>,
    pub ellipsis: Rc<TypeObject>,
    /// Exception types by name (see `EXCEPTIONS`).
    pub exceptions: Vec<Rc<TypeObject>>,
    /// One type per kind of built-in iterator (`object::ITERATOR_TYPE_NAMES`).
    pub iterators: Vec<Rc<TypeObject>>,
}

impl Types {
    pub fn new() -> Types {
        let object = TypeObject::new("object", TypeKind::Object, None);
        let t = |name: &str, kind: TypeKind| TypeObject::new(name, kind, Some(object.clone()));
        let int = t("int", TypeKind::Int);
        let mut exceptions: Vec<Rc<TypeObject>> = Vec::new();
        for (name, base) in EXCEPTIONS {
            let base = exceptions
                .iter()
                .find(|e| &*e.name == *base)
                .cloned()
                .unwrap_or_else(|| object.clone());
            exceptions.push(TypeObject::new(name, TypeKind::Exception, Some(base)));
        }
        Types {
            type_: t("type", TypeKind::Type),
            none: t("NoneType", TypeKind::NoneType),
            bool_: TypeObject::new("bool", TypeKind::Bool, Some(int.clone())),
            float: t("float", TypeKind::Float),
            complex: t("complex", TypeKind::Complex),
            str_: t("str", TypeKind::Str),
            bytes: t("bytes", TypeKind::Bytes),
            tuple: t("tuple", TypeKind::Tuple),
            list: t("list", TypeKind::List),
            dict: t("dict", TypeKind::Dict),
            set: t("set", TypeKind::Set),
            frozenset: t("frozenset", TypeKind::FrozenSet),
            bytearray: t("bytearray", TypeKind::ByteArray),
            range: t("range", TypeKind::Range),
            slice: t("slice", TypeKind::Slice),
            iterator: t("iterator", TypeKind::Iterator),
            dict_keys: t("dict_keys", TypeKind::DictView),
            dict_values: t("dict_values", TypeKind::DictView),
            dict_items: t("dict_items", TypeKind::DictView),
            function: t("function", TypeKind::Function),
            builtin_function: t("builtin_function_or_method", TypeKind::BuiltinFunction),
            code: t("code", TypeKind::Code),
            module: t("module", TypeKind::Module),
            cell: t("cell", TypeKind::Cell),
            generator: t("generator", TypeKind::Generator),
            method: t("method", TypeKind::Method),
            staticmethod: t("staticmethod", TypeKind::Descriptor),
            classmethod: t("classmethod", TypeKind::Descriptor),
            property: t("property", TypeKind::Descriptor),
            super_: t("super", TypeKind::Super),
            coroutine: t("coroutine", TypeKind::Generator),
            not_implemented: t("NotImplementedType", TypeKind::NotImplementedType),
            ellipsis: t("ellipsis", TypeKind::Ellipsis),
            iterators: crate::object::ITERATOR_TYPE_NAMES
                .iter()
                .map(|n| TypeObject::new(n, TypeKind::Iterator, Some(object.clone())))
                .collect(),
            int,
            object,
            exceptions,
        }
    }

    /// The type of iterators called `name` (one of `ITERATOR_TYPE_NAMES`).
    pub fn iterator_type(&self, name: &str) -> Rc<TypeObject> {
        self.iterators
            .iter()
            .find(|t| &*t.name == name)
            .cloned()
            .unwrap_or_else(|| self.iterator.clone())
    }

    /// The exception type called `name` (one of `EXCEPTIONS`).
    pub fn exception(&self, name: &str) -> Rc<TypeObject> {
        self.exceptions
            .iter()
            .find(|e| &*e.name == name)
            .cloned()
            .unwrap_or_else(|| self.exceptions[0].clone())
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

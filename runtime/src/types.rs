//! Type objects: one per built-in type, created once per interpreter.
//!
//! `type(x)` of a built-in value is found from its `Value`/`Object` variant
//! (see `Interpreter::type_of`); user classes are `TypeObject`s with
//! `is_class` set, their own dict and MRO, made by `crate::typecall`.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

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
    MemoryView,
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
    Coroutine,
    AsyncGenerator,
    /// `coroutine_wrapper`.
    CoroutineWrapper,
    /// The awaitables of async generators (`async_generator_asend`,
    /// `async_generator_athrow`) and `anext_awaitable`.
    AsyncAwaitable,
    Frame,
    Traceback,
    NotImplementedType,
    Ellipsis,
    /// BaseException and every subclass.
    Exception,
    /// Instances of classes made by `class` statements.
    Instance,
    /// The descriptors of built-in methods (`object.__setattr__`) and of
    /// `__slots__` members.
    MethodDescriptor,
    MemberDescriptor,
    /// `list[int]` and the like.
    GenericAlias,
    /// Bound methods and `super()` objects.
    Method,
    Super,
    /// staticmethod, classmethod, property.
    Descriptor,
    /// `weakref.ref` (`weakref.ReferenceType`).
    WeakRef,
}

/// See [`class_epoch`]. A process-wide atomic rather than a thread-local:
/// every attribute cache hit reads it, and LLVM left the thread-local's
/// accessor an out-of-line call in the evaluation loop (3% of richards'
/// instructions). Interpreters on other threads (the test harness runs
/// them side by side) only make it change more often, which costs cache
/// refills, never a stale hit: a thread always sees its own increments.
static CLASS_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A number that changes whenever any class's dict changes after the class
/// was made: attribute caches (`attrcache`) are valid while it stays put.
/// One counter for all classes keeps the guard a single comparison; class
/// attributes are rarely rebound in hot loops.
#[inline(always)]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.load(std::sync::atomic::Ordering::Relaxed)
}

/// Invalidate every attribute cache (see [`class_epoch`]).
pub fn classes_changed() {
    CLASS_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

pub struct TypeObject {
    pub name: Rc<str>,
    /// `__qualname__` (a class statement's dotted path; the name for
    /// built-in types).
    pub qualname: RefCell<Rc<str>>,
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
    /// `type(cls)` when it is a metaclass other than `type` itself.
    pub metaclass: Option<Rc<TypeObject>>,
    /// Which attribute hooks the class overrides, kept up to date as class
    /// dicts change (see `crate::typecall::class_dict_changed`), so that
    /// attribute access checks one flag instead of looking names up.
    pub hooks: Cell<Hooks>,
    /// Direct subclasses, for `__subclasses__()` and for updating their
    /// `hooks` when an ancestor changes.
    pub subclasses: RefCell<Vec<Weak<TypeObject>>>,
    /// The instance layout: how many `__slots__` values instances carry
    /// (this class's and its bases'), and whether they have a `__dict__`.
    pub nslots: usize,
    pub has_dict: bool,
    /// What the MRO holds under the special-method names asked of this
    /// type (see [`TypeObject::lookup_special`]).
    pub special: RefCell<crate::lookup_cache::SpecialCache>,
    /// The most attributes an instance's dict has grown to: a new
    /// instance's dict reserves room for that many, so that it does not
    /// grow through 4, 8... entries (CPython's shared keys serve the same
    /// end).
    pub dict_size_hint: Cell<u32>,
}

/// The special methods a class overrides that change how attribute
/// access and instance creation work (bit flags).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hooks(u8);

impl Hooks {
    pub const GETATTRIBUTE: Hooks = Hooks(1);
    pub const GETATTR: Hooks = Hooks(2);
    pub const SETATTR: Hooks = Hooks(4);
    pub const DELATTR: Hooks = Hooks(8);
    pub const NEW: Hooks = Hooks(16);
    /// Instances are user keys: their hash or equality runs Python code
    /// (see `dict::is_user_key`).
    pub const KEY: Hooks = Hooks(32);
    /// The class defines `__del__` (see `crate::finalize`).
    pub const DEL: Hooks = Hooks(64);
    /// Some instance of the class has had a weak reference made to it,
    /// so dropping one looks in the weak reference registry (see
    /// `crate::modules::weakref`). Not a special method: kept when the
    /// others are recomputed.
    pub const WEAKREF: Hooks = Hooks(128);

    /// The special method behind each hook.
    pub const NAMES: [(&'static str, Hooks); 8] = [
        ("__getattribute__", Hooks::GETATTRIBUTE),
        ("__getattr__", Hooks::GETATTR),
        ("__setattr__", Hooks::SETATTR),
        ("__delattr__", Hooks::DELATTR),
        ("__new__", Hooks::NEW),
        ("__hash__", Hooks::KEY),
        ("__eq__", Hooks::KEY),
        ("__del__", Hooks::DEL),
    ];

    pub fn has(self, h: Hooks) -> bool {
        self.0 & h.0 != 0
    }

    pub fn with(self, h: Hooks) -> Hooks {
        Hooks(self.0 | h.0)
    }

    /// The flags of `self` that are also in `h`.
    pub fn only(self, h: Hooks) -> Hooks {
        Hooks(self.0 & h.0)
    }

    /// Does dropping an instance of the class need a look at finalizers
    /// or weak references? (One test for both.)
    #[inline(always)]
    pub fn on_drop(self) -> bool {
        self.0 & (Hooks::DEL.0 | Hooks::WEAKREF.0) != 0
    }
}

impl TypeObject {
    pub fn new(name: &str, kind: TypeKind, base: Option<Rc<TypeObject>>) -> Rc<TypeObject> {
        let mut ancestors = Vec::new();
        let mut b = base.clone();
        while let Some(t) = b {
            ancestors.push(t.clone());
            b = t.base.clone();
        }
        let t = Rc::new(TypeObject {
            name: Rc::from(name),
            qualname: RefCell::new(Rc::from(name)),
            base: base.clone(),
            kind,
            dict: RefCell::new(Dict::default()),
            ancestors,
            bases: Vec::new(),
            is_class: false,
            metaclass: None,
            hooks: Cell::new(Hooks::default()),
            subclasses: RefCell::new(Vec::new()),
            special: Default::default(),
            dict_size_hint: Default::default(),
            nslots: 0,
            // Instances of `object` itself have no __dict__; exceptions
            // take any attribute.
            has_dict: kind == TypeKind::Exception,
        });
        if let Some(b) = base {
            b.subclasses.borrow_mut().push(Rc::downgrade(&t));
        }
        t
    }

    /// Look `name` up along the MRO, with the type that defines it.
    pub fn lookup_with_owner(
        self: &Rc<Self>,
        name: &str,
    ) -> Option<(crate::value::Value, Rc<TypeObject>)> {
        self.find_in_mro(name, &mut None, |v, t| (v.clone(), t.clone()))
    }

    /// `lookup` of an attribute name given as a str object, whose cached
    /// hash spares hashing the name again (attribute access on instances).
    pub fn lookup_name(self: &Rc<Self>, name: &crate::value::Value) -> Option<crate::value::Value> {
        let crate::object::Object::Str(s) = name.as_object()? else {
            return None;
        };
        let key = crate::hash::hash_key(name).unwrap_or(0);
        crate::lookup_cache::lookup(self, s.as_str(), key, || {
            self.find_in_mro(s.as_str(), &mut Some(key), |v, _| v.clone())
        })
    }

    /// `f(value, owner)` for the first type along the MRO whose dict has
    /// `name`; `hash` is the name's hash once known (computed at most once,
    /// for the first dict large enough to need it).
    fn find_in_mro<R>(
        self: &Rc<Self>,
        name: &str,
        hash: &mut Option<i64>,
        f: impl Fn(&crate::value::Value, &Rc<TypeObject>) -> R,
    ) -> Option<R> {
        std::iter::once(self)
            .chain(self.ancestors.iter())
            .find_map(|t| t.dict.borrow().get_str_hashed(name, hash).map(|v| f(v, t)))
    }

    /// The live direct subclasses, oldest first.
    pub fn live_subclasses(&self) -> Vec<Rc<TypeObject>> {
        let mut subs = self.subclasses.borrow_mut();
        subs.retain(|w| w.strong_count() > 0);
        subs.iter().filter_map(Weak::upgrade).collect()
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
            self.find_in_mro(name, &mut None, |v, _| v.clone())
        })
    }

    /// `name` on the MRO, for names fixed in pyrite's own source (special
    /// methods, mostly): answered from a small per-type table keyed by
    /// the name's address, which is cheaper than [`TypeObject::lookup`]'s
    /// hash and text comparison on the hot operator paths.
    pub fn lookup_special(self: &Rc<Self>, name: &'static str) -> Option<crate::value::Value> {
        crate::lookup_cache::lookup_special(self, name, || {
            self.find_in_mro(name, &mut None, |v, _| v.clone())
        })
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
    ("BaseExceptionGroup", "BaseException"),
    ("Exception", "BaseException"),
    // Also derives from Exception (see `exc_group::exception_group_type`).
    ("ExceptionGroup", "BaseExceptionGroup"),
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
    pub memoryview: Rc<TypeObject>,
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
    pub async_generator: Rc<TypeObject>,
    pub frame: Rc<TypeObject>,
    pub traceback: Rc<TypeObject>,
    /// One type per kind of `coroutine::Awaiter` (`AWAITER_TYPE_NAMES`).
    pub awaiters: Vec<Rc<TypeObject>>,
    pub method: Rc<TypeObject>,
    pub super_: Rc<TypeObject>,
    pub staticmethod: Rc<TypeObject>,
    pub classmethod: Rc<TypeObject>,
    pub property: Rc<TypeObject>,
    pub method_descriptor: Rc<TypeObject>,
    pub member_descriptor: Rc<TypeObject>,
    pub generic_alias: Rc<TypeObject>,
    pub not_implemented: Rc<TypeObject>,
    pub ellipsis: Rc<TypeObject>,
    /// `weakref.ReferenceType`.
    pub weakref: Rc<TypeObject>,
    /// `types.SimpleNamespace` (the type of `sys.implementation`).
    pub namespace: Rc<TypeObject>,
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
            let t = match *name {
                "ExceptionGroup" => {
                    let exception = exceptions.iter().find(|e| &*e.name == "Exception");
                    crate::exc_group::exception_group_type(&base, exception.unwrap_or(&base))
                }
                _ => TypeObject::new(name, TypeKind::Exception, Some(base)),
            };
            exceptions.push(t);
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
            memoryview: t("memoryview", TypeKind::MemoryView),
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
            method_descriptor: t("method_descriptor", TypeKind::MethodDescriptor),
            member_descriptor: t("member_descriptor", TypeKind::MemberDescriptor),
            generic_alias: {
                let alias = t("GenericAlias", TypeKind::GenericAlias);
                alias
                    .dict
                    .borrow_mut()
                    .set_str("__module__", crate::value::Value::str("types"));
                alias
            },
            super_: t("super", TypeKind::Super),
            coroutine: t("coroutine", TypeKind::Coroutine),
            async_generator: t("async_generator", TypeKind::AsyncGenerator),
            frame: t("frame", TypeKind::Frame),
            traceback: t("traceback", TypeKind::Traceback),
            awaiters: crate::coroutine::AWAITER_TYPE_NAMES
                .iter()
                .map(|&n| {
                    let kind = if n == "coroutine_wrapper" {
                        TypeKind::CoroutineWrapper
                    } else {
                        TypeKind::AsyncAwaitable
                    };
                    TypeObject::new(n, kind, Some(object.clone()))
                })
                .collect(),
            not_implemented: t("NotImplementedType", TypeKind::NotImplementedType),
            ellipsis: t("ellipsis", TypeKind::Ellipsis),
            weakref: {
                let w = t("ReferenceType", TypeKind::WeakRef);
                w.dict
                    .borrow_mut()
                    .set_str("__module__", crate::value::Value::str("weakref"));
                w
            },
            iterators: crate::object::ITERATOR_TYPE_NAMES
                .iter()
                .map(|n| TypeObject::new(n, TypeKind::Iterator, Some(object.clone())))
                .collect(),
            namespace: crate::modules::types::namespace_type(&object),
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

    /// The type of the awaiters called `name` (one of
    /// `coroutine::AWAITER_TYPE_NAMES`).
    pub fn awaiter_type(&self, name: &str) -> Rc<TypeObject> {
        self.awaiters
            .iter()
            .find(|t| &*t.name == name)
            .cloned()
            .unwrap_or_else(|| self.object.clone())
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

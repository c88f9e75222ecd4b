//! Heap objects: everything that is not inline in a `Value`.
//!
//! One variant per built-in type. Immutable objects hold their data
//! directly; mutable ones use `RefCell`/`Cell`, since objects are shared
//! through `Rc`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use compact_str::CompactString;
use num_bigint::BigInt;

use crate::code::Code;
use crate::dict::Dict;
use crate::types::TypeObject;
use crate::value::Value;

pub enum Object {
    Str(PyStr),
    BigInt(BigInt),
    Complex(f64, f64),
    Bytes(Box<[u8]>),
    Tuple(crate::tuple::Tuple),
    List(RefCell<Vec<Value>>),
    Dict(RefCell<Dict>),
    /// A set: a dict whose values are unused (None).
    Set(RefCell<Dict>),
    FrozenSet(Dict),
    ByteArray(ByteArrayBuf),
    /// `range(start, stop, step)` with i64 bounds and a length that fits
    /// in i64 (made by `crate::range::make`).
    Range(Range),
    /// Any other range: BigInt bounds (`crate::range`).
    BigRange(Box<crate::range::BigRange>),
    Slice(Value, Value, Value),
    /// Iterators over built-in containers.
    Iter(RefCell<Iter>),
    /// `dict.keys()`, `dict.values()`, `dict.items()`: live views of a dict.
    DictView(Rc<Object>, DictIterKind),
    Function(Box<Function>),
    /// A built-in function, with `self` bound for methods of built-in types.
    Builtin(Builtin),
    Code(Rc<Code>),
    Type(Rc<TypeObject>),
    Exception(Box<Exception>),
    Module(Module),
    Cell(RefCell<Option<Value>>),
    /// A generator, coroutine or async generator: owns its suspended frame.
    Generator(Box<crate::generator::Generator>),
    /// `coroutine_wrapper`, the awaitables of async generators and
    /// `anext_awaitable`.
    Awaiter(crate::coroutine::Awaiter),
    /// The frame of a generator (`gi_frame`, `cr_frame`, `ag_frame`): a
    /// view of the generator's frame.
    Frame(Value),
    /// A traceback object (`exc.__traceback__`); see `tbobject`.
    Traceback(crate::tbobject::Traceback),
    /// An instance of a class made by a `class` statement.
    Instance(Instance),
    /// A function bound to an object (`obj.method`).
    Method {
        func: Value,
        this: Value,
    },
    /// `staticmethod(f)`, `classmethod(f)`, `property(fget, fset, fdel)`.
    StaticMethod(Value),
    ClassMethod(Value),
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        doc: Value,
    },
    /// A built-in method stored in a type's dict (`object.__setattr__`):
    /// read through an instance it binds to it, like a function does.
    MethodDescriptor(MethodDescr),
    /// The descriptor of one `__slots__` entry: instances keep its value
    /// at `index` of their slots.
    Member(Member),
    /// `list[int]` and the like (`crate::alias`).
    GenericAlias {
        origin: Value,
        args: Value,
    },
    /// `super(cls, obj)`: attribute lookup starts after `cls` in obj's MRO.
    Super {
        cls: Rc<crate::types::TypeObject>,
        obj: Value,
    },
    /// `memoryview(obj)`: see `crate::methods::memoryview`.
    MemoryView(Box<crate::methods::memoryview::MemoryView>),
    /// `weakref.ref(obj)`: see `crate::modules::weakref`.
    WeakRef(Box<crate::modules::weakref::WeakRef>),
    NotImplemented,
    Ellipsis,
}

// Every heap object is allocated at the size of the largest variant, so
// large payloads (functions, exceptions, generators, dict tables) are
// boxed: a str, an int or an instance takes 72 bytes, not 192.
const _: () = assert!(std::mem::size_of::<Object>() <= 72);

impl std::fmt::Debug for Object {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Object::Str(s) => write!(f, "Str({:?})", s.as_str()),
            Object::Type(t) => write!(f, "Type({})", t.name),
            _ => write!(f, "Object"),
        }
    }
}

impl Object {
    /// A new bytearray holding `data`.
    pub fn bytearray(data: Vec<u8>) -> Object {
        Object::ByteArray(ByteArrayBuf {
            data: RefCell::new(data),
            exports: Cell::new(0),
        })
    }
}

/// A bytearray's contents, and how many memoryview buffers export them:
/// while any does, the bytearray cannot change size (CPython's
/// `ob_exports`), since views address its bytes by position.
pub struct ByteArrayBuf {
    data: RefCell<Vec<u8>>,
    pub exports: Cell<usize>,
}

// Most code only reads or writes the bytes: let it treat the bytearray
// as the RefCell it wraps.
impl std::ops::Deref for ByteArrayBuf {
    type Target = RefCell<Vec<u8>>;
    fn deref(&self) -> &RefCell<Vec<u8>> {
        &self.data
    }
}

/// A Python str: UTF-8, with its length in characters cached so that
/// indexing an ASCII string stays O(1).
pub struct PyStr {
    /// Up to 24 bytes are kept in place, so a short str (a name, a
    /// number's digits, a dict key) is one allocation, not two; longer
    /// ones are on the heap and `s += t` may append to them in place (see
    /// `eval.rs`, `inplace_str_add`), growing geometrically.
    s: CompactString,
    chars: usize,
    hash: Cell<Option<i64>>,
}

impl PyStr {
    /// A str from `s` whose length in characters the caller already knows
    /// (a join, say), so that it is not counted again.
    pub fn with_char_len(s: String, chars: usize) -> PyStr {
        debug_assert_eq!(chars, s.chars().count(), "wrong character count");
        PyStr {
            s: s.into(),
            chars,
            hash: Cell::new(None),
        }
    }
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// `len(s)`.
    pub fn char_len(&self) -> usize {
        self.chars
    }
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }
    pub fn cached_hash(&self) -> &Cell<Option<i64>> {
        &self.hash
    }
    /// `self + other`, with the length known without counting characters.
    pub fn concat(&self, other: &PyStr) -> PyStr {
        let mut s = CompactString::with_capacity(self.s.len() + other.s.len());
        s.push_str(&self.s);
        s.push_str(&other.s);
        PyStr {
            s,
            chars: self.chars + other.chars,
            hash: Cell::new(None),
        }
    }
    /// `self += other` on a str nothing else refers to.
    pub fn push_str(&mut self, other: &PyStr) {
        self.s.push_str(&other.s);
        self.chars += other.chars;
        self.hash.set(None);
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> Self {
        PyStr {
            chars: s.chars().count(),
            s: s.into(),
            hash: Cell::new(None),
        }
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> Self {
        PyStr {
            chars: s.chars().count(),
            s: s.into(),
            hash: Cell::new(None),
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    /// The number of items (CPython's get_len_of_range, in u64: exact for
    /// every i64 start, stop and step).
    pub fn len_u64(&self) -> u64 {
        let (lo, hi, step) = if self.step > 0 && self.start < self.stop {
            (self.start, self.stop, self.step as u64)
        } else if self.step < 0 && self.start > self.stop {
            (self.stop, self.start, self.step.unsigned_abs())
        } else {
            return 0;
        };
        (hi as u64).wrapping_sub(lo as u64).wrapping_sub(1) / step + 1
    }
    /// The number of items: `crate::range::make` only builds an inline
    /// range whose length fits in i64.
    pub fn len(&self) -> i64 {
        self.len_u64() as i64
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The state of an iterator over a built-in container.
pub enum Iter {
    /// Over a list (re-reads the list each step, as CPython does).
    List {
        list: Rc<Object>,
        index: usize,
    },
    Tuple {
        tuple: Rc<Object>,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// A `longrange_iterator`: over ranges whose items need not fit in i64.
    LongRange(Box<crate::range::LongRangeIter>),
    Str {
        s: Rc<Object>,
        byte: usize,
    },
    /// A dict's keys, values or items, by entry position.
    Dict {
        dict: Rc<Object>,
        index: usize,
        kind: DictIterKind,
    },
    /// A dict's keys, values or items that raises RuntimeError when the
    /// dict changes size during iteration (`len` is its size at the start).
    DictSized {
        dict: Rc<Object>,
        index: usize,
        kind: DictIterKind,
        len: usize,
    },
    /// A set's items in CPython's hash-table order (snapshot), checking
    /// that the set keeps its size (`len`).
    Set {
        set: Rc<Object>,
        items: Vec<Value>,
        index: usize,
        len: usize,
    },
    /// Items computed up front (reversed tuples, ranges and strs; bytes),
    /// with the iterator type's name.
    Seq {
        items: Vec<Value>,
        index: usize,
        name: &'static str,
    },
    /// `reversed(list)`: `index` counts the items still to produce.
    ListReversed {
        list: Rc<Object>,
        index: usize,
    },
    /// `enumerate(it, start)`.
    Enumerate {
        it: Value,
        count: Value,
    },
    /// `zip(*iters, strict=...)`.
    Zip {
        iters: Rc<[Value]>,
        strict: bool,
    },
    /// `map(func, *iters)`.
    Map {
        func: Value,
        iters: Rc<[Value]>,
    },
    /// `filter(func, it)`; a None func keeps the true items.
    Filter {
        func: Value,
        it: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// The old sequence protocol: `obj[0]`, `obj[1]`, ... until IndexError
    /// (for instances with `__getitem__` but no `__iter__`).
    GetItem {
        obj: Value,
        index: i64,
    },
    Exhausted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// A Python function: code plus the environment it was made in.
pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<Object>,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// Tuple of positional defaults, if any.
    /// Tuple of positional defaults, if any (assignable: `f.__defaults__`).
    pub defaults: RefCell<Option<Value>>,
    /// Dict of keyword-only defaults, if any (`f.__kwdefaults__`).
    pub kwdefaults: RefCell<Option<Value>>,
    /// Tuple of cells for the free variables, if any.
    pub closure: Option<Value>,
    pub annotations: Option<Value>,
    pub doc: Value,
    pub module: Value,
    /// `__dict__`, created on first use (an `Object::Dict`).
    pub dict: RefCell<Option<Rc<Object>>>,
}

/// The Rust signature of built-in functions: positional arguments, then
/// keyword arguments as (name, value) pairs.
pub type BuiltinFn =
    fn(&mut crate::Interpreter, &[Value], &[(Rc<str>, Value)]) -> crate::error::PyResult<Value>;

pub struct Builtin {
    pub name: &'static str,
    pub func: BuiltinFn,
    /// The object a method is bound to (passed as the first argument).
    pub bound: Option<Value>,
}

/// A built-in method of a type (`<slot wrapper '__init__' of 'object'
/// objects>`); called, it takes the instance as its first argument.
pub struct MethodDescr {
    pub name: &'static str,
    pub func: BuiltinFn,
    /// The name of the type whose dict holds it.
    pub owner: &'static str,
}

impl MethodDescr {
    /// CPython implements most of these as slot wrappers, the rest as
    /// plain method descriptors; only their reprs differ.
    pub fn is_slot_wrapper(&self) -> bool {
        self.name.starts_with("__")
            && !matches!(
                self.name,
                "__dir__" | "__subclasses__" | "mro" | "__instancecheck__" | "__subclasscheck__"
            )
    }
}

impl MethodDescr {
    /// The object a call acts on: for a method of a built-in type called on
    /// an instance of a subclass, the built-in value the instance carries.
    pub fn receiver<'a>(&self, obj: &'a Value) -> &'a Value {
        match obj.as_object() {
            Some(Object::Instance(i)) if self.owner != "object" => i.base.as_ref().unwrap_or(obj),
            _ => obj,
        }
    }
}

/// An exception instance.
pub struct Exception {
    pub typ: Rc<TypeObject>,
    pub args: RefCell<Value>,
    /// Frames the exception passed through: (code, instruction index),
    /// innermost last, as CPython's traceback chain.
    pub traceback: RefCell<Vec<(Rc<Code>, usize)>>,
    pub context: RefCell<Option<Value>>,
    pub cause: RefCell<Option<Value>>,
    pub suppress_context: Cell<bool>,
    /// For exceptions with extra state (e.g. StopIteration.value,
    /// SystemExit.code): attribute name → value.
    pub attrs: RefCell<Vec<(Rc<str>, Value)>>,
    /// The generators in the frames the exception unwound, kept alive
    /// with it as CPython's traceback keeps those frames (so they are
    /// finalized when the exception goes away, not before its handler).
    /// Only generators: their finalization is what a program can see, and
    /// keeping other objects would make reference cycles more likely.
    pub frame_generators: RefCell<Vec<Value>>,
}

pub struct Module {
    pub name: Rc<str>,
    /// The module's namespace (an `Object::Dict`).
    pub dict: Rc<Object>,
}

/// An instance of a user-defined class: its class, its `__dict__` and its
/// `__slots__` values. Dropping one whose class defines `__del__` or has
/// had weak references made to its instances runs them (`crate::finalize`).
pub struct Instance {
    pub typ: Rc<crate::types::TypeObject>,
    /// `__dict__`: an `Object::Dict`; None when the class's `__slots__`
    /// leave it out (and for bare `object()`s).
    pub dict: Option<Rc<Object>>,
    /// One value per slot of the class's layout (`Value::Null` = unset).
    pub slots: RefCell<Box<[Value]>>,
    /// For an instance of a subclass of a built-in type (`class L(list)`):
    /// the built-in value it carries, which built-in methods and
    /// operators act on.
    pub base: Option<Value>,
}

impl Instance {
    /// A new instance of `typ` with the layout its class asks for.
    /// Always in line, so that `new_value` writes the fields straight
    /// into the heap object.
    #[inline(always)]
    pub fn new(typ: &Rc<crate::types::TypeObject>) -> Instance {
        Instance {
            typ: typ.clone(),
            dict: typ.has_dict.then(|| {
                crate::value::rc_with(|| {
                    Object::Dict(RefCell::new(Dict::with_capacity(
                        typ.dict_size_hint.get() as usize
                    )))
                })
            }),
            // Most classes have no `__slots__`: skip building an empty vec.
            slots: RefCell::new(if typ.nslots == 0 {
                Box::default()
            } else {
                vec![Value::Null; typ.nslots].into_boxed_slice()
            }),
            base: None,
        }
    }

    /// A new instance of `typ` as a value, written straight into its heap
    /// object (see `value::rc_with`).
    pub fn new_value(typ: &Rc<crate::types::TypeObject>) -> Value {
        Value::Obj(crate::value::rc_with(|| {
            Object::Instance(Instance::new(typ))
        }))
    }

    /// A new instance of `typ` (a subclass of a built-in type) carrying
    /// the built-in value `base`.
    pub fn with_base(typ: &Rc<crate::types::TypeObject>, base: Value) -> Instance {
        let mut i = Instance::new(typ);
        i.base = Some(base);
        i
    }
}

/// A descriptor of instance storage in a class's dict: a `__slots__`
/// member (`<member 'x' of 'C' objects>`), or the `__dict__` and
/// `__weakref__` attributes of classes whose instances have a dict
/// (`<attribute '__dict__' of 'C' objects>`).
pub struct Member {
    pub name: Rc<str>,
    /// The class that declared it (for messages and type checks).
    pub owner: std::rc::Weak<crate::types::TypeObject>,
    pub owner_name: Rc<str>,
    pub kind: MemberKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberKind {
    /// The slot at this index of the instance's slots.
    Slot(usize),
    Dict,
    /// `__weakref__`: the first weak reference to the instance, or None.
    Weakref,
}

impl Iter {
    /// CPython's type name for this kind of iterator.
    pub fn type_name(&self) -> &'static str {
        match self {
            Iter::List { .. } => "list_iterator",
            Iter::Tuple { .. } => "tuple_iterator",
            Iter::Range { .. } => "range_iterator",
            Iter::LongRange(_) => "longrange_iterator",
            Iter::Str { s, .. } => match &**s {
                Object::Str(p) if !p.is_ascii() => "str_iterator",
                _ => "str_ascii_iterator",
            },
            Iter::Dict { kind, .. } | Iter::DictSized { kind, .. } => match kind {
                DictIterKind::Keys => "dict_keyiterator",
                DictIterKind::Values => "dict_valueiterator",
                DictIterKind::Items => "dict_itemiterator",
            },
            Iter::Set { .. } => "set_iterator",
            Iter::Seq { name, .. } => name,
            Iter::ListReversed { .. } => "list_reverseiterator",
            Iter::Enumerate { .. } => "enumerate",
            Iter::Zip { .. } => "zip",
            Iter::Map { .. } => "map",
            Iter::Filter { .. } => "filter",
            Iter::Callable { .. } => "callable_iterator",
            Iter::GetItem { .. } | Iter::Exhausted => "iterator",
        }
    }
}

/// Every `Iter::type_name`, for creating their type objects.
pub const ITERATOR_TYPE_NAMES: &[&str] = &[
    "list_iterator",
    "tuple_iterator",
    "range_iterator",
    "longrange_iterator",
    "str_iterator",
    "str_ascii_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "reversed",
    "bytes_iterator",
    "bytearray_iterator",
    "memory_iterator",
    "list_reverseiterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "callable_iterator",
    "line_iterator",
    "positions_iterator",
    "iterator",
];

//! The code object: the contract between compiler and runtime.
//!
//! Every field of a CPython 3.11 `PyCodeObject` that survives `marshal` is
//! here, in CPython's own encoding (`co_code` bytes with CACHE entries, the
//! 3.11 location table, the exception table), so two code objects can be
//! compared byte for byte with CPython's.

use std::hash::{Hash, Hasher};
use std::rc::Rc;

use num_bigint::BigInt;

/// `co_flags` bits (CPython's `CO_*`).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    /// `from __future__ import annotations`
    pub const FUTURE_ANNOTATIONS: u32 = 0x0100_0000;
}

/// Kinds of a localsplus slot (`co_localspluskinds`).
pub mod kinds {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A value in `co_consts`.
///
/// Equality and hashing follow CPython's constant key (`_PyCode_ConstantKey`):
/// `1`, `1.0` and `True` are different constants, so are `0.0` and `-0.0`.
/// Code objects compare as `code_richcompare` does, so compiling the same
/// lambda or generator expression twice (e.g. in a `while` test, which is
/// compiled at the top and bottom of the loop) yields one constant.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex {
        re: f64,
        im: f64,
    },
    Str(Rc<str>),
    /// A str holding at least one lone surrogate (`'\udc80'`), which a
    /// Rust `str` cannot hold: its code points, in order. Only marshal
    /// makes these (from CPython's .pyc files); every other str is `Str`.
    SurrogateStr(Rc<[u32]>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeObject>),
}

impl PartialEq for Constant {
    fn eq(&self, other: &Self) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex { re: a, im: b }, Complex { re: c, im: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (SurrogateStr(a), SurrogateStr(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) => a == b,
            (FrozenSet(a), FrozenSet(b)) => a.len() == b.len() && a.iter().all(|x| b.contains(x)),
            (Code(a), Code(b)) => Rc::ptr_eq(a, b) || a.same_constant(b),
            _ => false,
        }
    }
}
impl Eq for Constant {}

impl Hash for Constant {
    fn hash<H: Hasher>(&self, state: &mut H) {
        use Constant::*;
        std::mem::discriminant(self).hash(state);
        match self {
            None | Ellipsis => {}
            Bool(b) => b.hash(state),
            Int(i) => i.hash(state),
            Float(f) => f.to_bits().hash(state),
            Complex { re, im } => {
                re.to_bits().hash(state);
                im.to_bits().hash(state);
            }
            Str(s) => s.hash(state),
            SurrogateStr(s) => s.hash(state),
            Bytes(b) => b.hash(state),
            Tuple(t) => t.hash(state),
            // Order-independent: frozensets compare as sets.
            FrozenSet(items) => items.len().hash(state),
            Code(c) => {
                c.name.hash(state);
                c.firstlineno.hash(state);
                c.code.hash(state);
            }
        }
    }
}

/// A CPython 3.11 code object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeObject {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    /// `co_code`: 2-byte code units, CACHE entries included.
    pub code: Vec<u8>,
    pub consts: Vec<Constant>,
    pub names: Vec<Rc<str>>,
    /// Locals, then cells that are not also arguments, then free variables.
    pub localsplusnames: Vec<Rc<str>>,
    /// One of `kinds::*` (or an OR of them) per localsplus name.
    pub localspluskinds: Vec<u8>,
    pub filename: Rc<str>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub firstlineno: u32,
    /// The 3.11 location table (`Objects/locations.md`).
    pub linetable: Vec<u8>,
    /// The 3.11 exception table (`Objects/exception_handling_notes.txt`).
    pub exceptiontable: Vec<u8>,
}

impl CodeObject {
    /// CPython's `code_richcompare`: equal names, argument counts, flags,
    /// first line, bytecode, constants, names, localsplus names, location
    /// and exception tables (qualname, filename and stack size are not
    /// compared).
    pub fn same_constant(&self, other: &CodeObject) -> bool {
        self.name == other.name
            && self.argcount == other.argcount
            && self.posonlyargcount == other.posonlyargcount
            && self.kwonlyargcount == other.kwonlyargcount
            && self.flags == other.flags
            && self.firstlineno == other.firstlineno
            && self.code == other.code
            && self.consts == other.consts
            && self.names == other.names
            && self.localsplusnames == other.localsplusnames
            && self.linetable == other.linetable
            && self.exceptiontable == other.exceptiontable
    }

    fn names_of_kind(&self, keep: impl Fn(u8) -> bool) -> Vec<Rc<str>> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, &k)| keep(k))
            .map(|(n, _)| n.clone())
            .collect()
    }
    /// `co_varnames`: the fast locals (arguments first).
    pub fn varnames(&self) -> Vec<Rc<str>> {
        self.names_of_kind(|k| k & kinds::LOCAL != 0)
    }
    /// `co_cellvars`: variables captured by inner scopes.
    pub fn cellvars(&self) -> Vec<Rc<str>> {
        self.names_of_kind(|k| k & kinds::CELL != 0)
    }
    /// `co_freevars`: variables taken from an enclosing scope.
    pub fn freevars(&self) -> Vec<Rc<str>> {
        self.names_of_kind(|k| k & kinds::FREE != 0)
    }
    pub fn nlocals(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|&&k| k & kinds::LOCAL != 0)
            .count()
    }
}

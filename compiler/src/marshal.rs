//! CPython 3.11 marshal format (version 4): read and write code objects,
//! and the `.pyc` header around them.
//!
//! Reading accepts everything a code object can hold (None, bools,
//! Ellipsis, ints of any size, floats and complexes in binary or text form,
//! str in all its encodings, bytes, tuples, frozensets, code objects) plus
//! FLAG_REF back-references. Lists, dicts, sets and StopIteration never
//! occur in code objects and are refused. The reader treats its input as
//! hostile: every size is checked against the bytes that remain before
//! anything is allocated, nesting is limited, and back-references must
//! point at objects that are already complete.
//!
//! Writing mimics CPython's `w_ref` choices (which objects get FLAG_REF) so
//! that `dumps(code)` can equal CPython's `marshal.dumps(code)` byte for
//! byte; see [`Writer`] for how reference counts are approximated.
//!
//! Strings: a Python `str` may hold lone surrogates (`'\udc80'`), which Rust
//! `str` cannot. Marshal stores them in UTF-8 with "surrogatepass" (each
//! surrogate as its own 3-byte sequence); such strings load as
//! [`Constant::SurrogateStr`] and are written back the same way.

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use crate::code::{CodeObject, Constant};

/// The marshal format version CPython 3.11 writes.
pub const VERSION: u32 = 4;

/// The `.pyc` magic number of CPython 3.11 (3495), as stored in the file.
pub const PYC_MAGIC: [u8; 4] = [0xa7, 0x0d, 0x0d, 0x0a];

/// CPython's `MAX_MARSHAL_STACK_DEPTH` is 2000; we stop much earlier so that
/// a hostile file cannot exhaust a 2 MiB thread stack in a debug build
/// (about 4 KiB per level there). Real code nests two levels per nested
/// function (code object, co_consts tuple), far below this.
const MAX_DEPTH: usize = 200;

mod ty {
    pub const NULL: u8 = b'0';
    pub const NONE: u8 = b'N';
    pub const FALSE: u8 = b'F';
    pub const TRUE: u8 = b'T';
    pub const STOPITER: u8 = b'S';
    pub const ELLIPSIS: u8 = b'.';
    pub const INT: u8 = b'i';
    pub const INT64: u8 = b'I';
    pub const FLOAT: u8 = b'f';
    pub const BINARY_FLOAT: u8 = b'g';
    pub const COMPLEX: u8 = b'x';
    pub const BINARY_COMPLEX: u8 = b'y';
    pub const LONG: u8 = b'l';
    pub const STRING: u8 = b's';
    pub const INTERNED: u8 = b't';
    pub const REF: u8 = b'r';
    pub const TUPLE: u8 = b'(';
    pub const LIST: u8 = b'[';
    pub const DICT: u8 = b'{';
    pub const CODE: u8 = b'c';
    pub const UNICODE: u8 = b'u';
    pub const UNKNOWN: u8 = b'?';
    pub const SET: u8 = b'<';
    pub const FROZENSET: u8 = b'>';
    pub const ASCII: u8 = b'a';
    pub const ASCII_INTERNED: u8 = b'A';
    pub const SMALL_TUPLE: u8 = b')';
    pub const SHORT_ASCII: u8 = b'z';
    pub const SHORT_ASCII_INTERNED: u8 = b'Z';
    pub const FLAG_REF: u8 = 0x80;
}

/// Why marshal data could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarshalError {
    /// The data ended in the middle of an object.
    Eof,
    /// A type code that marshal does not define.
    UnknownType(u8),
    /// A type marshal defines but a code object never holds.
    Unsupported(&'static str),
    /// A back-reference to an index that holds no (complete) object.
    BadRef(u32),
    /// Objects nested deeper than we allow.
    TooDeep,
    /// Structurally invalid data (the message says what).
    Invalid(&'static str),
    /// Bytes left over after the top-level object.
    TrailingData(usize),
    /// A `.pyc` file whose header is not CPython 3.11's.
    BadPyc(String),
}

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MarshalError::Eof => write!(f, "EOF read where object expected"),
            MarshalError::UnknownType(t) => {
                write!(f, "bad marshal data (unknown type code {t:#04x})")
            }
            MarshalError::Unsupported(what) => {
                write!(
                    f,
                    "marshal data holds a {what}, which no code object contains"
                )
            }
            MarshalError::BadRef(i) => write!(f, "bad marshal data (invalid reference {i})"),
            MarshalError::TooDeep => write!(f, "bad marshal data (nested too deeply)"),
            MarshalError::Invalid(msg) => write!(f, "bad marshal data ({msg})"),
            MarshalError::TrailingData(n) => {
                write!(f, "bad marshal data ({n} bytes after the object)")
            }
            MarshalError::BadPyc(msg) => write!(f, "bad .pyc file: {msg}"),
        }
    }
}

impl std::error::Error for MarshalError {}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/// Load one marshalled object (a code object comes back as
/// `Constant::Code`). The whole input must be consumed.
pub fn loads(bytes: &[u8]) -> Result<Constant, MarshalError> {
    let mut r = Reader {
        data: bytes,
        pos: 0,
        refs: Vec::new(),
        depth: 0,
    };
    let obj = r.object()?;
    if r.pos != bytes.len() {
        return Err(MarshalError::TrailingData(bytes.len() - r.pos));
    }
    Ok(obj)
}

/// Load a marshalled code object.
pub fn loads_code(bytes: &[u8]) -> Result<CodeObject, MarshalError> {
    match loads(bytes)? {
        Constant::Code(code) => Ok(Rc::try_unwrap(code).unwrap_or_else(|rc| (*rc).clone())),
        _ => Err(MarshalError::Invalid("expected a code object")),
    }
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Objects flagged FLAG_REF, by index; `None` while still being read.
    refs: Vec<Option<Constant>>,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], MarshalError> {
        if n > self.remaining() {
            return Err(MarshalError::Eof);
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8, MarshalError> {
        Ok(self.take(1)?[0])
    }

    fn i32(&mut self) -> Result<i32, MarshalError> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A non-negative size that cannot exceed the remaining input, given
    /// that each counted item takes at least `min_item` bytes.
    fn size(&mut self, min_item: usize) -> Result<usize, MarshalError> {
        let n = self.i32()?;
        if n < 0 {
            return Err(MarshalError::Invalid("negative size"));
        }
        let n = n as usize;
        if n.saturating_mul(min_item) > self.remaining() {
            return Err(MarshalError::Eof);
        }
        Ok(n)
    }

    fn f64(&mut self) -> Result<f64, MarshalError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    /// A float in the old text form: a length byte and its repr.
    fn float_str(&mut self) -> Result<f64, MarshalError> {
        let n = self.byte()? as usize;
        let text = std::str::from_utf8(self.take(n)?)
            .map_err(|_| MarshalError::Invalid("float text is not ASCII"))?;
        parse_python_float(text).ok_or(MarshalError::Invalid("bad float text"))
    }

    fn object(&mut self) -> Result<Constant, MarshalError> {
        if self.depth >= MAX_DEPTH {
            return Err(MarshalError::TooDeep);
        }
        self.depth += 1;
        let result = self.object_inner();
        self.depth -= 1;
        result
    }

    fn object_inner(&mut self) -> Result<Constant, MarshalError> {
        let code = self.byte()?;
        let flag = code & ty::FLAG_REF != 0;
        let t = code & !ty::FLAG_REF;
        // Containers reserve their reference slot before their items, as
        // CPython does, so indices are numbered in the same order.
        let slot = if flag && matches!(t, ty::TUPLE | ty::SMALL_TUPLE | ty::FROZENSET | ty::CODE) {
            Some(self.reserve_ref()?)
        } else {
            None
        };
        let value = match t {
            ty::NONE => Constant::None,
            ty::TRUE => Constant::Bool(true),
            ty::FALSE => Constant::Bool(false),
            ty::ELLIPSIS => Constant::Ellipsis,
            ty::STOPITER => return Err(MarshalError::Unsupported("StopIteration")),
            ty::NULL => return Err(MarshalError::Invalid("NULL object")),
            ty::INT => Constant::Int(BigInt::from(self.i32()?)),
            ty::INT64 => {
                let b = self.take(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                Constant::Int(BigInt::from(i64::from_le_bytes(a)))
            }
            ty::LONG => Constant::Int(self.long()?),
            ty::BINARY_FLOAT => Constant::Float(self.f64()?),
            ty::FLOAT => Constant::Float(self.float_str()?),
            ty::BINARY_COMPLEX => {
                let re = self.f64()?;
                let im = self.f64()?;
                Constant::Complex { re, im }
            }
            ty::COMPLEX => {
                let re = self.float_str()?;
                let im = self.float_str()?;
                Constant::Complex { re, im }
            }
            ty::STRING => {
                let n = self.size(1)?;
                Constant::Bytes(Rc::from(self.take(n)?))
            }
            ty::ASCII | ty::ASCII_INTERNED => {
                let n = self.size(1)?;
                Constant::Str(latin1(self.take(n)?))
            }
            ty::SHORT_ASCII | ty::SHORT_ASCII_INTERNED => {
                let n = self.byte()? as usize;
                Constant::Str(latin1(self.take(n)?))
            }
            ty::UNICODE | ty::INTERNED => {
                let n = self.size(1)?;
                utf8_surrogatepass(self.take(n)?)?
            }
            ty::SMALL_TUPLE => {
                let n = self.byte()? as usize;
                Constant::Tuple(self.items(n)?.into())
            }
            ty::TUPLE => {
                let n = self.size(1)?;
                Constant::Tuple(self.items(n)?.into())
            }
            ty::FROZENSET => {
                let n = self.size(1)?;
                Constant::FrozenSet(self.items(n)?.into())
            }
            ty::CODE => Constant::Code(Rc::new(self.code()?)),
            ty::REF => {
                let i = self.i32()? as u32;
                return match self.refs.get(i as usize) {
                    Some(Some(c)) => Ok(c.clone()),
                    _ => Err(MarshalError::BadRef(i)),
                };
            }
            ty::LIST => return Err(MarshalError::Unsupported("list")),
            ty::DICT => return Err(MarshalError::Unsupported("dict")),
            ty::SET => return Err(MarshalError::Unsupported("set")),
            ty::UNKNOWN => return Err(MarshalError::UnknownType(t)),
            _ => return Err(MarshalError::UnknownType(t)),
        };
        match slot {
            Some(i) => self.refs[i] = Some(value.clone()),
            None if flag => self.refs.push(Some(value.clone())),
            None => {}
        }
        Ok(value)
    }

    fn reserve_ref(&mut self) -> Result<usize, MarshalError> {
        // Every reference takes at least one byte of input, so the table
        // can never outgrow the input.
        self.refs.push(None);
        Ok(self.refs.len() - 1)
    }

    fn items(&mut self, n: usize) -> Result<Vec<Constant>, MarshalError> {
        // n was checked against the remaining input (>= 1 byte per item).
        let mut v = Vec::with_capacity(n.min(self.remaining()));
        for _ in 0..n {
            v.push(self.object()?);
        }
        Ok(v)
    }

    /// TYPE_LONG: a signed count of 15-bit digits, least significant first.
    fn long(&mut self) -> Result<BigInt, MarshalError> {
        let n = self.i32()?;
        if n == 0 {
            return Ok(BigInt::zero());
        }
        let count = n.unsigned_abs() as usize;
        if count.saturating_mul(2) > self.remaining() {
            return Err(MarshalError::Eof);
        }
        let mut digits = Vec::with_capacity(count);
        for _ in 0..count {
            let b = self.take(2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d >= 1 << 15 {
                return Err(MarshalError::Invalid("digit out of range in long"));
            }
            digits.push(d);
        }
        if digits.last() == Some(&0) {
            return Err(MarshalError::Invalid("unnormalized long data"));
        }
        let mut mag = BigInt::zero();
        for &d in digits.iter().rev() {
            mag = (mag << 15u32) + BigInt::from(d);
        }
        Ok(if n < 0 { -mag } else { mag })
    }

    fn code(&mut self) -> Result<CodeObject, MarshalError> {
        let argcount = self.u32_field()?;
        let posonlyargcount = self.u32_field()?;
        let kwonlyargcount = self.u32_field()?;
        let stacksize = self.u32_field()?;
        let flags = self.i32()? as u32;
        let code = self.bytes_field()?;
        let consts = match self.object()? {
            Constant::Tuple(t) => t.to_vec(),
            _ => return Err(MarshalError::Invalid("co_consts is not a tuple")),
        };
        let names = self.str_tuple()?;
        let localsplusnames = self.str_tuple()?;
        let localspluskinds = self.bytes_field()?;
        if localspluskinds.len() != localsplusnames.len() {
            return Err(MarshalError::Invalid(
                "co_localspluskinds has the wrong length",
            ));
        }
        let filename = self.str_field()?;
        let name = self.str_field()?;
        let qualname = self.str_field()?;
        let firstlineno = self.u32_field()?;
        let linetable = self.bytes_field()?;
        let exceptiontable = self.bytes_field()?;
        if code.len() % 2 != 0 {
            return Err(MarshalError::Invalid("co_code has an odd length"));
        }
        Ok(CodeObject {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        })
    }

    fn u32_field(&mut self) -> Result<u32, MarshalError> {
        let v = self.i32()?;
        u32::try_from(v).map_err(|_| MarshalError::Invalid("negative code object field"))
    }

    fn bytes_field(&mut self) -> Result<Vec<u8>, MarshalError> {
        match self.object()? {
            Constant::Bytes(b) => Ok(b.to_vec()),
            _ => Err(MarshalError::Invalid("expected bytes in a code object")),
        }
    }

    fn str_field(&mut self) -> Result<Rc<str>, MarshalError> {
        match self.object()? {
            Constant::Str(s) => Ok(s),
            _ => Err(MarshalError::Invalid("expected a str in a code object")),
        }
    }

    fn str_tuple(&mut self) -> Result<Vec<Rc<str>>, MarshalError> {
        match self.object()? {
            Constant::Tuple(items) => items
                .iter()
                .map(|c| match c {
                    Constant::Str(s) => Ok(s.clone()),
                    _ => Err(MarshalError::Invalid("expected a tuple of str")),
                })
                .collect(),
            _ => Err(MarshalError::Invalid("expected a tuple of str")),
        }
    }
}

/// TYPE_ASCII data is read as Latin-1, as CPython does (1-byte kind).
fn latin1(bytes: &[u8]) -> Rc<str> {
    if bytes.is_ascii() {
        // Checked ASCII, so always valid UTF-8.
        Rc::from(String::from_utf8_lossy(bytes).as_ref())
    } else {
        bytes.iter().map(|&b| b as char).collect::<String>().into()
    }
}

/// UTF-8 with CPython's "surrogatepass": encoded surrogates are legal in
/// marshal data. A str without them is a `Str`; one with them becomes a
/// `SurrogateStr` of code points.
fn utf8_surrogatepass(bytes: &[u8]) -> Result<Constant, MarshalError> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Constant::Str(Rc::from(s)));
    }
    let bad = MarshalError::Invalid("str data is not UTF-8");
    let mut cps = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b0 = bytes[i];
        // (sequence length, bits of the lead byte, smallest code point)
        let (len, lead, min) = match b0 {
            0x00..=0x7f => (1, b0 as u32, 0),
            0xc2..=0xdf => (2, (b0 & 0x1f) as u32, 0x80),
            0xe0..=0xef => (3, (b0 & 0x0f) as u32, 0x800),
            0xf0..=0xf4 => (4, (b0 & 0x07) as u32, 0x1_0000),
            _ => return Err(bad),
        };
        let tail = bytes.get(i + 1..i + len).ok_or(bad.clone())?;
        let mut cp = lead;
        for &b in tail {
            if b & 0xc0 != 0x80 {
                return Err(bad);
            }
            cp = (cp << 6) | (b & 0x3f) as u32;
        }
        if cp < min || cp > 0x10_ffff {
            return Err(bad);
        }
        cps.push(cp);
        i += len;
    }
    Ok(Constant::SurrogateStr(cps.into()))
}

/// The inverse of [`utf8_surrogatepass`] for a `SurrogateStr`.
pub fn encode_surrogatepass(cps: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(cps.len() * 3);
    for &cp in cps {
        match char::from_u32(cp) {
            Some(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            // A surrogate: the 3-byte form a UTF-8 encoder would use.
            None => out.extend_from_slice(&[
                0xe0 | (cp >> 12) as u8,
                0x80 | ((cp >> 6) & 0x3f) as u8,
                0x80 | (cp & 0x3f) as u8,
            ]),
        }
    }
    out
}

/// Parse a float as written by Python's `repr` (incl. inf and nan).
fn parse_python_float(text: &str) -> Option<f64> {
    match text {
        "inf" | "+inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" => Some(f64::NAN),
        "-nan" => Some(-f64::NAN),
        _ => text.parse().ok(),
    }
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------
// ---------------------------------------------------------------------------

/// Marshal a code object as CPython 3.11's `marshal.dumps(code)` does for a
/// code object fresh from `compile()`.
pub fn dumps(code: &CodeObject) -> Vec<u8> {
    Writer::run(|w| w.top_level_code(code))
}

/// Marshal a single constant as it would appear inside co_consts.
pub fn dumps_const(c: &Constant) -> Vec<u8> {
    Writer::run(|w| w.constant(c))
}

/// What CPython's writer identifies objects by: their address. We stand in
/// for addresses with what decides them in a freshly compiled module: the
/// compiler merges every constant, co_consts, co_names and
/// co_localsplusnames tuple, line table and exception table with an equal
/// one anywhere in the module (`merge_const_one`), and interns names, so
/// equal values are one object; a few objects are always fresh.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Value(Constant),
    /// An interned str: a name, or a constant of name characters only.
    Interned(Rc<str>),
    /// One of the compiler's static names (`<module>`, `<lambda>`, ...):
    /// not the same object as an equal string constant.
    StaticName(Rc<str>),
    /// A fresh object (co_code, co_localspluskinds, a qualname): the n-th
    /// one written.
    Unique(usize),
}

/// Writes marshal data, deciding FLAG_REF like CPython's `w_ref`: an object
/// gets the flag when its reference count is above one or it is an
/// interned str. We run the writer twice over the same tree: the first run
/// counts how many containers hold each object (its reference count within
/// the tree); the second writes, flagging objects held more than once and
/// those CPython always holds elsewhere too (singletons, interned strs, the
/// filename, co_code, the top-level code object).
struct Writer {
    out: Vec<u8>,
    counting: bool,
    counts: HashMap<Key, usize>,
    /// Objects written with FLAG_REF, to their reference index.
    written: HashMap<Key, u32>,
    next_index: u32,
    uniques: usize,
    depth: usize,
    /// The next object is an item of a frozenset (always flagged).
    in_frozenset: bool,
}

impl Writer {
    fn run(write: impl Fn(&mut Writer)) -> Vec<u8> {
        let mut w = Writer {
            out: Vec::new(),
            counting: true,
            counts: HashMap::new(),
            written: HashMap::new(),
            next_index: 0,
            uniques: 0,
            depth: 0,
            in_frozenset: false,
        };
        write(&mut w);
        w.out.clear();
        w.counting = false;
        w.uniques = 0;
        write(&mut w);
        w.out
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn i32(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn size(&mut self, n: usize) {
        self.i32(n as i32);
    }

    fn unique(&mut self) -> Key {
        self.uniques += 1;
        Key::Unique(self.uniques)
    }

    /// CPython's `w_ref`. Returns the flag to OR into the type byte, or
    /// `None` when the object was already written (a TYPE_REF was emitted
    /// instead, or, while counting, its contents were already counted).
    fn begin(&mut self, key: Key, always_shared: bool) -> Option<u8> {
        if self.counting {
            let n = self.counts.entry(key).or_insert(0);
            *n += 1;
            return (*n == 1).then_some(0);
        }
        let shared = always_shared || self.counts.get(&key).is_some_and(|&n| n > 1);
        if !shared {
            return Some(0);
        }
        if let Some(&i) = self.written.get(&key) {
            self.byte(ty::REF);
            self.i32(i as i32);
            return None;
        }
        self.written.insert(key, self.next_index);
        self.next_index += 1;
        Some(ty::FLAG_REF)
    }

    /// A constant in co_consts, or an item of a constant tuple or frozenset.
    fn constant(&mut self, c: &Constant) {
        match c {
            Constant::None => return self.byte(ty::NONE),
            Constant::Bool(true) => return self.byte(ty::TRUE),
            Constant::Bool(false) => return self.byte(ty::FALSE),
            Constant::Ellipsis => return self.byte(ty::ELLIPSIS),
            Constant::Code(code) => return self.code(code, 0),
            // "*" is interned by CPython itself at startup (`import *`
            // names), and one-character strs are singletons.
            Constant::Str(s) if is_name_like(s) || &**s == "*" => return self.interned_str(s),
            _ => {}
        }
        // Frozensets are observed never to be shared between code objects
        // (CPython rebuilds them while merging constants).
        let key = match c {
            Constant::FrozenSet(_) => self.unique(),
            _ => Key::Value(c.clone()),
        };
        let Some(flag) = self.begin(key, is_singleton(c) || self.in_frozenset) else {
            return;
        };
        self.in_frozenset = false;
        match c {
            Constant::Int(i) => self.int(i, flag),
            Constant::Float(f) => {
                self.byte(ty::BINARY_FLOAT | flag);
                self.out.extend_from_slice(&f.to_le_bytes());
            }
            Constant::Complex { re, im } => {
                self.byte(ty::BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            }
            Constant::Bytes(b) => self.bytes_body(b, flag),
            Constant::Str(s) => self.str_body(s, false, flag),
            Constant::SurrogateStr(cps) => {
                // Never ASCII and never interned (not a name).
                let data = encode_surrogatepass(cps);
                self.byte(ty::UNICODE | flag);
                self.size(data.len());
                self.out.extend_from_slice(&data);
            }
            Constant::Tuple(items) => {
                self.tuple_header(items.len(), flag);
                self.nested(items.iter(), |w, item| w.constant(item));
            }
            Constant::FrozenSet(items) => {
                self.byte(ty::FROZENSET | flag);
                self.size(items.len());
                // CPython writes set items sorted by their own marshal data,
                // so that the output does not depend on hash randomisation.
                let mut sorted: Vec<(Vec<u8>, &Constant)> =
                    items.iter().map(|c| (self.sort_key(c), c)).collect();
                sorted.sort_by(|a, b| a.0.cmp(&b.0));
                // While sorting, CPython holds every item in a list of
                // pairs, so each one's reference count is above one.
                self.nested(sorted.into_iter(), |w, (_, item)| {
                    w.in_frozenset = true;
                    w.constant(item);
                    w.in_frozenset = false;
                });
            }
            Constant::None | Constant::Bool(_) | Constant::Ellipsis | Constant::Code(_) => {}
        }
    }

    /// The bytes CPython sorts a frozenset item by: its own marshal data,
    /// written on its own, where it gets FLAG_REF if anything else holds it
    /// (so shared items sort after unshared ones of the same type).
    fn sort_key(&self, c: &Constant) -> Vec<u8> {
        let mut bytes = dumps_const(c);
        let shared = match c {
            Constant::Str(s) if is_name_like(s) || &**s == "*" => true,
            _ => {
                is_singleton(c)
                    || self
                        .counts
                        .get(&Key::Value(c.clone()))
                        .is_some_and(|&n| n > 1)
            }
        };
        if shared && !matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis) {
            if let Some(first) = bytes.first_mut() {
                *first |= ty::FLAG_REF;
            }
        }
        bytes
    }

    /// Write items one level deeper. Constants are finite trees built by
    /// the compiler, so this depth is bounded by the source's nesting.
    fn nested<T>(&mut self, items: impl Iterator<Item = T>, mut each: impl FnMut(&mut Self, T)) {
        self.depth += 1;
        for item in items {
            each(self, item);
        }
        self.depth -= 1;
    }

    fn interned_str(&mut self, s: &Rc<str>) {
        if let Some(flag) = self.begin(Key::Interned(s.clone()), true) {
            self.str_body(s, true, flag);
        }
    }

    fn tuple_header(&mut self, n: usize, flag: u8) {
        if n < 256 {
            self.byte(ty::SMALL_TUPLE | flag);
            self.byte(n as u8);
        } else {
            self.byte(ty::TUPLE | flag);
            self.size(n);
        }
    }

    /// TYPE_INT when it fits in 32 bits, else TYPE_LONG with 15-bit digits.
    fn int(&mut self, i: &BigInt, flag: u8) {
        if let Some(v) = i.to_i32() {
            self.byte(ty::INT | flag);
            self.i32(v);
            return;
        }
        self.byte(ty::LONG | flag);
        let (sign, mut mag) = (i.sign(), i.magnitude().clone());
        let mut digits = Vec::new();
        let mask = num_bigint::BigUint::from(0x7fffu32);
        while !mag.is_zero() {
            digits.push((&mag & &mask).to_u16().unwrap_or(0));
            mag >>= 15u32;
        }
        let n = digits.len() as i32;
        self.i32(if sign == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    fn bytes_body(&mut self, b: &[u8], flag: u8) {
        self.byte(ty::STRING | flag);
        self.size(b.len());
        self.out.extend_from_slice(b);
    }

    fn str_body(&mut self, s: &str, interned: bool, flag: u8) {
        let t = match (s.is_ascii(), s.len() < 256, interned) {
            (true, true, true) => ty::SHORT_ASCII_INTERNED,
            (true, true, false) => ty::SHORT_ASCII,
            (true, false, true) => ty::ASCII_INTERNED,
            (true, false, false) => ty::ASCII,
            (false, _, true) => ty::INTERNED,
            (false, _, false) => ty::UNICODE,
        };
        self.byte(t | flag);
        if t == ty::SHORT_ASCII || t == ty::SHORT_ASCII_INTERNED {
            self.byte(s.len() as u8);
        } else {
            self.size(s.len());
        }
        self.out.extend_from_slice(s.as_bytes());
    }

    /// A bytes object of a code object, merged by value with equal ones.
    fn merged_bytes(&mut self, b: &[u8]) {
        let c = Constant::Bytes(Rc::from(b));
        let singleton = is_singleton(&c);
        if let Some(flag) = self.begin(Key::Value(c), singleton) {
            self.bytes_body(b, flag);
        }
    }

    /// co_names / co_localsplusnames: merged by value, items interned.
    fn name_tuple(&mut self, names: &[Rc<str>]) {
        let c = Constant::Tuple(names.iter().map(|s| Constant::Str(s.clone())).collect());
        let singleton = names.is_empty();
        if let Some(flag) = self.begin(Key::Value(c), singleton) {
            self.tuple_header(names.len(), flag);
            for s in names {
                self.interned_str(s);
            }
        }
    }

    /// co_name: an identifier (interned), or one of the compiler's static
    /// names like `<module>` and `<lambda>` (shared, not interned).
    fn code_name(&mut self, s: &Rc<str>) {
        if s.starts_with('<') {
            let key = Key::StaticName(s.clone());
            if let Some(flag) = self.begin(key, true) {
                self.str_body(s, false, flag);
            }
        } else {
            self.interned_str(s);
        }
    }

    fn top_level_code(&mut self, code: &CodeObject) {
        // The caller holds the top-level code object too, so it is flagged
        // (as reference 0).
        let key = self.unique();
        if let Some(flag) = self.begin(key, true) {
            self.code(code, flag);
        }
    }

    fn code(&mut self, code: &CodeObject, flag: u8) {
        self.byte(ty::CODE | flag);
        self.i32(code.argcount as i32);
        self.i32(code.posonlyargcount as i32);
        self.i32(code.kwonlyargcount as i32);
        self.i32(code.stacksize as i32);
        self.i32(code.flags as i32);
        // co_code is rebuilt on access and cached on the code object, so it
        // is always a fresh object held twice.
        let key = self.unique();
        if let Some(flag) = self.begin(key, true) {
            self.bytes_body(&code.code, flag);
        }
        let consts = Constant::Tuple(code.consts.as_slice().into());
        if let Some(flag) = self.begin(Key::Value(consts), code.consts.is_empty()) {
            self.tuple_header(code.consts.len(), flag);
            self.nested(code.consts.iter(), |w, c| w.constant(c));
        }
        self.name_tuple(&code.names);
        self.name_tuple(&code.localsplusnames);
        // co_localspluskinds is built fresh for each code object.
        if code.localspluskinds.is_empty() {
            self.merged_bytes(&[]);
        } else {
            let key = self.unique();
            if let Some(flag) = self.begin(key, false) {
                self.bytes_body(&code.localspluskinds, flag);
            }
        }
        // One filename object is shared by every code object of a module.
        let filename = Key::Value(Constant::Str(code.filename.clone()));
        if let Some(flag) = self.begin(filename, true) {
            self.str_body(&code.filename, false, flag);
        }
        self.code_name(&code.name);
        // The qualname is the name object itself when they are equal. A
        // class body stores its qualname as a constant too (for
        // `__qualname__ = ...`), and that constant is the same object.
        // Otherwise it is a fresh str: even two lambdas with equal qualnames
        // have separate ones.
        let qualname = Constant::Str(code.qualname.clone());
        if code.qualname == code.name {
            self.code_name(&code.name);
        } else if code.consts.contains(&qualname) && !is_name_like(&code.qualname) {
            if let Some(flag) = self.begin(Key::Value(qualname), false) {
                self.str_body(&code.qualname, false, flag);
            }
        } else {
            let key = self.unique();
            if let Some(flag) = self.begin(key, false) {
                self.str_body(&code.qualname, false, flag);
            }
        }
        self.i32(code.firstlineno as i32);
        self.merged_bytes(&code.linetable);
        self.merged_bytes(&code.exceptiontable);
    }
}

/// CPython's `all_name_chars`: ASCII letters, digits and underscores only.
pub fn is_name_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Objects CPython keeps one shared copy of, so their reference count is
/// always above one: small ints, the empty tuple/bytes/str, and one-byte
/// bytes and one-character Latin-1 strs.
fn is_singleton(c: &Constant) -> bool {
    match c {
        Constant::Int(i) => i.to_i32().is_some_and(|v| (-5..=256).contains(&v)),
        Constant::Tuple(t) => t.is_empty(),
        Constant::Bytes(b) => b.len() <= 1,
        Constant::Str(s) => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (None, _) => true,
                (Some(ch), None) => (ch as u32) < 256,
                _ => false,
            }
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// .pyc files
// ---------------------------------------------------------------------------

/// The 16-byte header of a CPython 3.7+ `.pyc` file after the magic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PycHeader {
    /// Bit 0: hash-based; bit 1: check_source (PEP 552).
    pub flags: u32,
    /// Source mtime (timestamp pycs) or the first half of the source hash.
    pub mtime: u32,
    /// Source size (timestamp pycs) or the second half of the source hash.
    pub source_size: u32,
}

/// Split a `.pyc` file into its header and code object.
/// The Python version a .pyc magic number belongs to: the last magic of
/// each release (Lib/importlib/_bootstrap_external.py), alphas and betas
/// counted with the release they led to.
fn magic_version(magic: u16) -> Option<&'static str> {
    const LAST: &[(u16, &str)] = &[
        (3379, "3.6"),
        (3394, "3.7"),
        (3413, "3.8"),
        (3425, "3.9"),
        (3439, "3.10"),
        (3495, "3.11"),
        (3531, "3.12"),
        (3571, "3.13"),
        (3627, "3.14"),
    ];
    if !(3000..=3700).contains(&magic) {
        return None;
    }
    LAST.iter()
        .find(|(last, _)| magic <= *last)
        .map(|(_, v)| *v)
}

pub fn read_pyc(bytes: &[u8]) -> Result<(PycHeader, CodeObject), MarshalError> {
    if bytes.len() < 16 {
        return Err(MarshalError::BadPyc(
            "file is shorter than a .pyc header".into(),
        ));
    }
    if bytes[..4] != PYC_MAGIC {
        let magic = u16::from_le_bytes([bytes[0], bytes[1]]);
        let version = match magic_version(magic) {
            Some(v) => format!(" (Python {v})"),
            None if bytes[2..4] != [0x0d, 0x0a] => " (not a .pyc file)".to_string(),
            None => String::new(),
        };
        return Err(MarshalError::BadPyc(format!(
            "magic number {magic}{version} is not CPython 3.11's (3495)"
        )));
    }
    let word = |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    let header = PycHeader {
        flags: word(4),
        mtime: word(8),
        source_size: word(12),
    };
    Ok((header, loads_code(&bytes[16..])?))
}

/// A timestamp-based `.pyc` file (flags 0), as `py_compile` writes it.
pub fn write_pyc(code: &CodeObject, mtime: u32, source_size: u32) -> Vec<u8> {
    let mut out = PYC_MAGIC.to_vec();
    for word in [0, mtime, source_size] {
        out.extend_from_slice(&word.to_le_bytes());
    }
    out.extend_from_slice(&dumps(code));
    out
}

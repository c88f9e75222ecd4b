//! Quickening: a CPython code object turned into the runtime's own
//! instruction array.
//!
//! `co_code` is the canonical form, not the fastest one to run: operands
//! are split over EXTENDED_ARG prefixes, jumps are relative byte distances,
//! and CACHE entries sit between instructions. On load each code object is
//! translated once into `Inst`s with full arguments, jump targets as
//! instruction indexes and no caches; `offsets` maps back to `co_code`
//! offsets for line numbers and tracebacks, and the exception table is
//! rewritten in instruction indexes.

use std::rc::Rc;

use pyrite_compiler::code::{kinds, CodeObject, Constant};
use pyrite_compiler::opcode::{JumpKind, Op};

use crate::object::Object;
use crate::value::Value;

#[derive(Clone, Copy, Debug)]
pub struct Inst {
    pub op: Op,
    /// Index of this instruction's inline cache in its kind's cache table
    /// (`NO_CACHE` if it has none).
    pub cache: u16,
    /// The full argument; for jumps, the target instruction index.
    pub arg: u32,
}

pub const NO_CACHE: u16 = u16::MAX;

/// An exception-table entry in instruction indexes.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub start: usize,
    /// Exclusive.
    pub end: usize,
    pub target: usize,
    pub depth: usize,
    pub lasti: bool,
}

pub struct Code {
    pub co: Rc<CodeObject>,
    pub insts: Vec<Inst>,
    /// `co_code` byte offset of each instruction.
    pub offsets: Vec<u32>,
    pub consts: Vec<Value>,
    /// `co_names` as str values.
    pub names: Vec<Value>,
    /// `co_localsplusnames` as interned str values (keyword binding
    /// compares them by pointer first).
    pub varnames: Vec<Value>,
    /// Number of fast locals + cells + free variables.
    pub nlocalsplus: usize,
    /// For each localsplus slot: does it hold a cell (cell or free var)?
    pub is_cell: Vec<bool>,
    pub handlers: Vec<Handler>,
    /// The most values the frame's value stack holds above its localsplus
    /// slots, as `verify` computed it (the loop reserves this much).
    pub max_depth: usize,
    /// `nlocalsplus + max_depth + verify::STACK_SLACK`: the stack room the
    /// loop makes sure of when it switches to a frame of this code.
    pub frame_room: usize,
    /// The number of arguments a call can bind by position alone (no
    /// keyword-only parameters, no `*args`/`**kwargs`), or `u32::MAX`:
    /// the test of the loop's fast call path, kept in one field.
    pub plain_arity: u32,
    /// The name and qualified name as str values.
    pub name: Value,
    pub qualname: Value,
    /// One inline cache per LOAD_GLOBAL, LOAD_NAME and STORE_NAME.
    pub name_caches: Box<[std::cell::Cell<crate::namecache::NameCache>]>,
    /// One inline cache per LOAD_ATTR, LOAD_METHOD and STORE_ATTR.
    pub attr_caches: std::cell::RefCell<Vec<crate::attrcache::AttrCache>>,
}

/// A malformed code object (from a corrupt .pyc).
#[derive(Debug)]
pub struct BadCode(pub String);

impl Code {
    pub fn new(co: Rc<CodeObject>) -> Result<Rc<Code>, BadCode> {
        let bytes = &co.code;
        if !bytes.len().is_multiple_of(2) {
            return Err(BadCode("co_code has an odd length".into()));
        }
        // First pass: decode instructions, remembering where each starts.
        let units = bytes.len() / 2;
        let mut unit_to_inst = vec![usize::MAX; units + 1];
        let mut raw: Vec<(Op, u32, usize)> = Vec::new(); // op, arg, unit after caches
        let mut offsets = Vec::new();
        let mut ext: u32 = 0;
        let mut i = 0;
        let mut first_unit = 0;
        while i < units {
            let byte = bytes[2 * i];
            let arg = bytes[2 * i + 1] as u32;
            let op = Op::from_byte(byte)
                .ok_or_else(|| BadCode(format!("unknown opcode {byte} at offset {}", 2 * i)))?;
            if op == Op::EXTENDED_ARG {
                if ext == 0 {
                    first_unit = i;
                }
                ext = (ext << 8) | arg;
                i += 1;
                continue;
            }
            let start = if ext != 0 { first_unit } else { i };
            let full = (ext << 8) | arg;
            ext = 0;
            let next = i + 1 + op.caches();
            unit_to_inst[start] = raw.len();
            unit_to_inst[i] = raw.len();
            // An elided instruction's offset maps to the next instruction.
            if !crate::quicken::is_elided(op, co.flags) {
                raw.push((op, if op.has_arg() { full } else { 0 }, next));
                offsets.push((2 * i) as u32);
            }
            i = next;
        }
        unit_to_inst[units] = raw.len();
        // A unit inside an instruction's caches maps to the next instruction
        // (exception-table ranges end there).
        for u in (0..units).rev() {
            if unit_to_inst[u] == usize::MAX {
                unit_to_inst[u] = unit_to_inst[u + 1];
            }
        }
        let target = |unit: usize| -> Result<usize, BadCode> {
            unit_to_inst
                .get(unit)
                .copied()
                .filter(|&t| t != usize::MAX)
                .ok_or_else(|| {
                    BadCode(format!("jump to offset {} is not an instruction", unit * 2))
                })
        };
        let mut insts = Vec::with_capacity(raw.len());
        let mut name_caches = 0usize;
        let mut attr_caches = 0usize;
        for &(op, arg, next) in &raw {
            let arg = match op.info().jump {
                JumpKind::Forward => target(next + arg as usize)? as u32,
                JumpKind::Backward => {
                    let unit = next
                        .checked_sub(arg as usize)
                        .ok_or_else(|| BadCode("backward jump before the start".into()))?;
                    target(unit)? as u32
                }
                _ => arg,
            };
            let cache = if matches!(op, Op::LOAD_GLOBAL | Op::LOAD_NAME | Op::STORE_NAME)
                && name_caches < NO_CACHE as usize
            {
                name_caches += 1;
                (name_caches - 1) as u16
            } else if matches!(op, Op::LOAD_ATTR | Op::LOAD_METHOD | Op::STORE_ATTR)
                && attr_caches < NO_CACHE as usize
            {
                attr_caches += 1;
                (attr_caches - 1) as u16
            } else {
                NO_CACHE
            };
            insts.push(Inst { op, cache, arg });
        }
        let handlers = parse_exception_table(&co.exceptiontable)
            .into_iter()
            .map(|(start, end, tgt, depth, lasti)| {
                Ok(Handler {
                    start: target(start)?,
                    end: target(end)?,
                    target: target(tgt)?,
                    depth,
                    lasti,
                })
            })
            .collect::<Result<Vec<_>, BadCode>>()?;
        let nlocalsplus = co.localsplusnames.len();
        let max_depth = crate::verify::max_stack_depth(
            &insts,
            &handlers,
            &crate::verify::Tables {
                consts: co.consts.len(),
                names: co.names.len(),
                localsplus: co.localsplusnames.len(),
            },
        )?;
        crate::quicken::fuse(&mut insts);
        let plain_arity = {
            use pyrite_compiler::code::flags;
            let star = co.flags & (flags::VARARGS | flags::VARKEYWORDS) != 0;
            if co.kwonlyargcount == 0 && !star {
                co.argcount
            } else {
                u32::MAX
            }
        };
        let consts = co
            .consts
            .iter()
            .map(constant_value)
            .collect::<Result<Vec<_>, _>>()?;
        let names = co.names.iter().map(|n| crate::intern::intern(n)).collect();
        let varnames = co
            .localsplusnames
            .iter()
            .map(|n| crate::intern::intern(n))
            .collect();
        let is_cell = co
            .localspluskinds
            .iter()
            .map(|k| k & (kinds::CELL | kinds::FREE) != 0)
            .collect();
        Ok(Rc::new(Code {
            nlocalsplus,
            name: Value::str(&co.name),
            qualname: Value::str(&co.qualname),
            name_caches: vec![Default::default(); name_caches].into_boxed_slice(),
            attr_caches: std::cell::RefCell::new(vec![Default::default(); attr_caches]),
            co,
            insts,
            offsets,
            consts,
            names,
            varnames,
            is_cell,
            handlers,
            max_depth,
            frame_room: nlocalsplus + max_depth + crate::verify::STACK_SLACK,
            plain_arity,
        }))
    }

    /// Constant `i` of an instruction's argument. Unchecked: verify.rs
    /// checked every instruction's argument against `consts`.
    #[inline(always)]
    pub fn constant(&self, i: u32) -> &Value {
        debug_assert!((i as usize) < self.consts.len());
        // SAFETY: see above; `Code::new` is the only constructor.
        unsafe { self.consts.get_unchecked(i as usize) }
    }

    /// Name `i` of an instruction's argument (for LOAD_GLOBAL, its
    /// argument shifted right). Unchecked, as for [`Code::constant`].
    #[inline(always)]
    pub fn name(&self, i: u32) -> &Value {
        debug_assert!((i as usize) < self.names.len());
        // SAFETY: verify.rs checked every name argument against `names`.
        unsafe { self.names.get_unchecked(i as usize) }
    }

    /// The handler covering instruction `index`, if any.
    pub fn handler_for(&self, index: usize) -> Option<Handler> {
        self.handlers
            .iter()
            .find(|h| h.start <= index && index < h.end)
            .copied()
    }

    /// The source line of instruction `index` (None if it has none).
    pub fn line_of(&self, index: usize) -> Option<u32> {
        let offset = *self.offsets.get(index)? as usize;
        pyrite_compiler::dis::co_lines(&self.co)
            .into_iter()
            .find(|&(start, end, _)| start <= offset && offset < end)
            .and_then(|(_, _, line)| line.map(|l| l as u32))
    }
}

/// A constant as a runtime value; nested code objects are quickened too.
pub fn constant_value(c: &Constant) -> Result<Value, BadCode> {
    Ok(match c {
        Constant::None => Value::None,
        Constant::Ellipsis => Value::obj(Object::Ellipsis),
        Constant::Bool(b) => Value::bool(*b),
        Constant::Int(i) => Value::from_bigint(i.clone()),
        Constant::Float(f) => Value::float(*f),
        Constant::Complex { re, im } => Value::obj(Object::Complex(*re, *im)),
        Constant::Str(s) if crate::intern::is_name_like(s) => crate::intern::intern(s),
        Constant::Str(s) => Value::str(s),
        // pyrite's str is UTF-8 and cannot hold a lone surrogate; it
        // becomes U+FFFD, as it does in source compiled by pyrite.
        Constant::SurrogateStr(cps) => {
            let text: String = cps
                .iter()
                .map(|&cp| char::from_u32(cp).unwrap_or('\u{fffd}'))
                .collect();
            Value::str(&text)
        }
        Constant::Bytes(b) => Value::obj(Object::Bytes(b.to_vec().into_boxed_slice())),
        Constant::Tuple(items) => Value::obj(Object::Tuple(
            items
                .iter()
                .map(constant_value)
                .collect::<Result<Vec<_>, _>>()?
                .into(),
        )),
        // CPython builds a frozenset constant's table twice (folding, then
        // merging constants), which decides its iteration order.
        Constant::FrozenSet(items) => {
            let values = items
                .iter()
                .map(constant_value)
                .collect::<Result<Vec<_>, _>>()?;
            let table = |vals: Vec<Value>| {
                let mut d = crate::dict::Dict::new();
                for v in vals {
                    let _ = d.insert(v, Value::None);
                }
                d
            };
            let first = table(values);
            let second = table(crate::methods::set::ordered_items(&first));
            Value::obj(Object::FrozenSet(second))
        }
        Constant::Code(co) => Value::obj(Object::Code(Code::new(co.clone())?)),
    })
}

/// Decode the 3.11 exception table: (start, end, target, depth, lasti) in
/// code units, end exclusive.
fn parse_exception_table(table: &[u8]) -> Vec<(usize, usize, usize, usize, bool)> {
    let mut out = Vec::new();
    let mut pos = 0;
    let read = |pos: &mut usize| -> Option<usize> {
        let mut b = *table.get(*pos)?;
        *pos += 1;
        let mut v = (b & 63) as usize;
        while b & 64 != 0 {
            b = *table.get(*pos)?;
            *pos += 1;
            v = (v << 6) | (b & 63) as usize;
        }
        Some(v)
    };
    while pos < table.len() {
        let (Some(start), Some(len), Some(target), Some(dl)) = (
            read(&mut pos),
            read(&mut pos),
            read(&mut pos),
            read(&mut pos),
        ) else {
            break;
        };
        out.push((start, start + len, target, dl >> 1, dl & 1 == 1));
    }
    out
}

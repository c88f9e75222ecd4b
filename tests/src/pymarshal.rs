//! A minimal reader of CPython 3.11 `marshal` data for code objects.
//!
//! Test support only: it lets the tests load CPython's own code objects
//! (from `marshal.dumps(compile(...))`) into our `CodeObject`, so that the
//! record encoder of the fidelity report can be checked against the
//! encoding `scripts/fidelity.py` produces for the same objects. The
//! compiler crate's `marshal` module is the real implementation.

use std::rc::Rc;

use num_bigint::BigInt;
use pyrite_compiler::{CodeObject, Constant};

const FLAG_REF: u8 = 0x80;

/// The error for strings `Constant::Str` cannot hold (lone surrogates).
pub const UNREPRESENTABLE: &str = "string with lone surrogates (not representable as str)";

/// A value read from the stream: a constant, or the pieces a code object
/// is made of (name tuples, byte strings).
#[derive(Clone, Debug)]
enum Value {
    Const(Constant),
    Null,
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    refs: Vec<Option<Value>>,
}

type R<T> = Result<T, String>;

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> R<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len());
        let end = end.ok_or_else(|| format!("marshal data truncated at {}", self.pos))?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> R<u8> {
        Ok(self.bytes(1)?[0])
    }
    fn i32(&mut self) -> R<i32> {
        Ok(i32::from_le_bytes(self.bytes(4)?.try_into().unwrap()))
    }
    fn len32(&mut self) -> R<usize> {
        usize::try_from(self.i32()?).map_err(|_| "negative length".to_string())
    }
    fn f64(&mut self) -> R<f64> {
        Ok(f64::from_le_bytes(self.bytes(8)?.try_into().unwrap()))
    }
    /// Strings are UTF-8 with surrogatepass; a lone surrogate cannot be a
    /// Rust `str` (nor a `Constant::Str`), so such data is refused.
    fn string(&mut self, n: usize) -> R<Rc<str>> {
        let bytes = self.bytes(n)?;
        std::str::from_utf8(bytes)
            .map(Rc::from)
            .map_err(|_| UNREPRESENTABLE.to_string())
    }

    fn object(&mut self) -> R<Value> {
        let code = self.u8()?;
        let (kind, flag) = (code & !FLAG_REF, code & FLAG_REF != 0);
        // Containers reserve their reference slot before their contents,
        // as CPython does, so the indices agree.
        let slot = if flag {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let c = |c| Ok(Value::Const(c));
        let v: R<Value> = match kind {
            b'0' => Ok(Value::Null),
            b'N' => c(Constant::None),
            b'F' => c(Constant::Bool(false)),
            b'T' => c(Constant::Bool(true)),
            b'.' => c(Constant::Ellipsis),
            b'i' => c(Constant::Int(BigInt::from(self.i32()?))),
            b'l' => {
                let n = self.i32()?;
                let mut value = BigInt::from(0);
                let digits: Vec<u16> = (0..n.unsigned_abs())
                    .map(|_| Ok(u16::from_le_bytes(self.bytes(2)?.try_into().unwrap())))
                    .collect::<R<_>>()?;
                for d in digits.iter().rev() {
                    value = (value << 15) + BigInt::from(*d);
                }
                c(Constant::Int(if n < 0 { -value } else { value }))
            }
            b'g' => c(Constant::Float(self.f64()?)),
            b'y' => {
                let (re, im) = (self.f64()?, self.f64()?);
                c(Constant::Complex { re, im })
            }
            b's' => {
                let n = self.len32()?;
                c(Constant::Bytes(Rc::from(self.bytes(n)?)))
            }
            b'u' | b't' | b'a' | b'A' => {
                let n = self.len32()?;
                c(Constant::Str(self.string(n)?))
            }
            b'z' | b'Z' => {
                let n = self.u8()? as usize;
                c(Constant::Str(self.string(n)?))
            }
            b'(' | b')' | b'<' | b'>' => {
                let n = if kind == b')' {
                    self.u8()? as usize
                } else {
                    self.len32()?
                };
                let items = (0..n).map(|_| self.constant()).collect::<R<Vec<_>>>()?;
                let items: Rc<[Constant]> = items.into();
                c(if matches!(kind, b'<' | b'>') {
                    Constant::FrozenSet(items)
                } else {
                    Constant::Tuple(items)
                })
            }
            b'r' => {
                let i = self.len32()?;
                let v = self.refs.get(i).cloned().flatten();
                return v.ok_or_else(|| format!("bad reference {i}"));
            }
            b'c' => Ok(Value::Const(Constant::Code(Rc::new(self.code()?)))),
            other => Err(format!("unsupported marshal type {:?}", other as char)),
        };
        let v = v?;
        if let Some(s) = slot {
            self.refs[s] = Some(v.clone());
        }
        Ok(v)
    }

    fn constant(&mut self) -> R<Constant> {
        match self.object()? {
            Value::Const(c) => Ok(c),
            Value::Null => Err("unexpected NULL".into()),
        }
    }
    fn str_obj(&mut self) -> R<Rc<str>> {
        match self.constant()? {
            Constant::Str(s) => Ok(s),
            other => Err(format!("expected str, got {other:?}")),
        }
    }
    fn bytes_obj(&mut self) -> R<Vec<u8>> {
        match self.constant()? {
            Constant::Bytes(b) => Ok(b.to_vec()),
            other => Err(format!("expected bytes, got {other:?}")),
        }
    }
    fn tuple(&mut self) -> R<Vec<Constant>> {
        match self.constant()? {
            Constant::Tuple(t) => Ok(t.to_vec()),
            other => Err(format!("expected tuple, got {other:?}")),
        }
    }
    fn names(&mut self) -> R<Vec<Rc<str>>> {
        self.tuple()?
            .into_iter()
            .map(|c| match c {
                Constant::Str(s) => Ok(s),
                other => Err(format!("expected str, got {other:?}")),
            })
            .collect()
    }

    /// The fields of a code object, in marshal's (3.11) order.
    fn code(&mut self) -> R<CodeObject> {
        let argcount = self.i32()? as u32;
        let posonlyargcount = self.i32()? as u32;
        let kwonlyargcount = self.i32()? as u32;
        let stacksize = self.i32()? as u32;
        let flags = self.i32()? as u32;
        let code = self.bytes_obj()?;
        let consts = self.tuple()?;
        let names = self.names()?;
        let localsplusnames = self.names()?;
        let localspluskinds = self.bytes_obj()?;
        let filename = self.str_obj()?;
        let name = self.str_obj()?;
        let qualname = self.str_obj()?;
        let firstlineno = self.i32()? as u32;
        let linetable = self.bytes_obj()?;
        let exceptiontable = self.bytes_obj()?;
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
}

/// Load a code object from `marshal.dumps(code)` bytes.
pub fn load_code(data: &[u8]) -> Result<CodeObject, String> {
    let mut r = Reader {
        data,
        pos: 0,
        refs: Vec::new(),
    };
    match r.constant()? {
        Constant::Code(c) => Ok(Rc::try_unwrap(c).unwrap_or_else(|rc| (*rc).clone())),
        other => Err(format!("not a code object: {other:?}")),
    }
}

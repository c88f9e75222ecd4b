//! The disassembler: prints code objects exactly as CPython 3.11's
//! `python3 -m dis` and `dis.code_info()` do (Lib/dis.py).
//!
//! Only the addresses in `<code object NAME at 0x...>` differ from CPython:
//! ours are derived from the code object's contents, so they are stable.
//!
//! Frozenset constants are printed in the order their items are stored.
//! CPython prints a frozenset in hash-table order, which for strs depends on
//! the per-process hash seed, so no fixed order can match it in general.

use std::fmt::Write as _;

use crate::code::{flags, CodeObject, Constant};
use crate::opcode::{ArgKind, JumpKind, Op, BINARY_OPS, CMP_OP, HAVE_ARGUMENT};

include!("dis_printable.rs");

/// What `python3 -m dis FILE` prints for the module code object `code`:
/// its disassembly, then that of every nested code object, depth first.
pub fn dis_module(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_recursive(code, &mut out);
    out
}

fn disassemble_recursive(code: &CodeObject, out: &mut String) {
    disassemble(code, out);
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            let _ = writeln!(out, "\nDisassembly of {}:", code_repr(inner));
            disassemble_recursive(inner, out);
        }
    }
}

/// `dis.code_info()` of `code` and of every nested code object, depth
/// first in `co_consts` order, each under a `# code object N: QUALNAME (line
/// L)` header, blocks separated by one blank line: the layout of
/// docs/code_info_format.md, which `scripts/expectations.py` and
/// `scripts/cpython_dis.py info FILE` print for CPython.
pub fn code_info_all(code: &CodeObject) -> String {
    let mut blocks = Vec::new();
    let mut stack = vec![code];
    while let Some(co) = stack.pop() {
        blocks.push(format!(
            "# code object {}: {} (line {})\n{}\n",
            blocks.len(),
            co.qualname,
            co.firstlineno,
            code_info(co)
        ));
        for c in co.consts.iter().rev() {
            if let Constant::Code(inner) = c {
                stack.push(inner);
            }
        }
    }
    blocks.join("\n")
}

/// `dis.code_info(code)` (no trailing newline).
pub fn code_info(co: &CodeObject) -> String {
    let mut lines = vec![
        format!("Name:              {}", co.name),
        format!("Filename:          {}", co.filename),
        format!("Argument count:    {}", co.argcount),
        format!("Positional-only arguments: {}", co.posonlyargcount),
        format!("Kw-only arguments: {}", co.kwonlyargcount),
        format!("Number of locals:  {}", co.nlocals()),
        format!("Stack size:        {}", co.stacksize),
        format!("Flags:             {}", pretty_flags(co.flags)),
    ];
    if !co.consts.is_empty() {
        lines.push("Constants:".into());
        for (i, c) in co.consts.iter().enumerate() {
            lines.push(format!("{i:4}: {}", repr(c)));
        }
    }
    let sections = [
        ("Names:", co.names.clone()),
        ("Variable names:", co.varnames()),
        ("Free variables:", co.freevars()),
        ("Cell variables:", co.cellvars()),
    ];
    for (title, names) in sections {
        if !names.is_empty() {
            lines.push(title.into());
            for (i, n) in names.iter().enumerate() {
                lines.push(format!("{i:4}: {n}"));
            }
        }
    }
    lines.join("\n")
}

/// `dis.pretty_flags`: known CO_* names, unknown bits in hex, "0x0" if none.
fn pretty_flags(mut bits: u32) -> String {
    const NAMES: [(u32, &str); 10] = [
        (flags::OPTIMIZED, "OPTIMIZED"),
        (flags::NEWLOCALS, "NEWLOCALS"),
        (flags::VARARGS, "VARARGS"),
        (flags::VARKEYWORDS, "VARKEYWORDS"),
        (flags::NESTED, "NESTED"),
        (flags::GENERATOR, "GENERATOR"),
        (flags::NOFREE, "NOFREE"),
        (flags::COROUTINE, "COROUTINE"),
        (flags::ITERABLE_COROUTINE, "ITERABLE_COROUTINE"),
        (flags::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
    ];
    if bits == 0 {
        return "0x0".into();
    }
    let mut names = Vec::new();
    for i in 0..32 {
        let flag = 1u32 << i;
        if bits & flag != 0 {
            match NAMES.iter().find(|(f, _)| *f == flag) {
                Some((_, name)) => names.push(name.to_string()),
                None => names.push(format!("{flag:#x}")),
            }
            bits ^= flag;
            if bits == 0 {
                break;
            }
        }
    }
    names.join(", ")
}

// ---------------------------------------------------------------------------
// Tables decoded from the code object
// ---------------------------------------------------------------------------

/// `code.co_lines()`: (start, end, line) for each location-table entry;
/// `None` for entries without a line number.
pub fn co_lines(co: &CodeObject) -> Vec<(usize, usize, Option<i64>)> {
    let table = &co.linetable;
    let mut out = Vec::new();
    let mut line = co.firstlineno as i64;
    let mut addr = 0usize;
    let mut i = 0;
    while i < table.len() {
        let first = table[i];
        // Each entry starts with a byte that has its top bit set.
        let code = (first >> 3) & 15;
        let end = addr + ((first & 7) as usize + 1) * 2;
        let mut j = i + 1;
        let delta = match code {
            13 | 14 => read_signed_varint(table, &mut j),
            10..=12 => code as i64 - 10,
            _ => 0,
        };
        line = line.saturating_add(delta);
        let no_line = code == 15;
        out.push((addr, end, (!no_line).then_some(line)));
        addr = end;
        // Skip to the next entry start.
        i += 1;
        while i < table.len() && table[i] & 0x80 == 0 {
            i += 1;
        }
    }
    out
}

fn read_varint(data: &[u8], pos: &mut usize) -> u64 {
    let mut shift = 0u32;
    let mut val = 0u64;
    while let Some(&b) = data.get(*pos) {
        *pos += 1;
        if shift < 58 {
            val |= ((b & 63) as u64) << shift;
        }
        shift += 6;
        if b & 64 == 0 {
            break;
        }
    }
    val
}

fn read_signed_varint(data: &[u8], pos: &mut usize) -> i64 {
    let v = read_varint(data, pos);
    if v & 1 != 0 {
        -((v >> 1) as i64)
    } else {
        (v >> 1) as i64
    }
}

/// `dis.findlinestarts`: offsets where a new line number begins.
fn line_starts(co: &CodeObject) -> Vec<(usize, i64)> {
    let mut out: Vec<(usize, i64)> = Vec::new();
    let mut last = None;
    for (start, _, line) in co_lines(co) {
        if let Some(l) = line {
            if last != Some(l) {
                last = Some(l);
                out.push((start, l));
            }
        }
    }
    out
}

/// One entry of the exception table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u64,
    pub end: u64,
    pub target: u64,
    pub depth: u64,
    pub lasti: bool,
}

/// `dis._parse_exception_table`: big-endian 6-bit varints, 4 per entry;
/// an incomplete trailing entry is dropped, as CPython's parser does.
pub fn parse_exception_table(table: &[u8]) -> Vec<ExceptionEntry> {
    // Entry varints: the first byte of each entry has bit 7 set (ignored
    // here, as by dis.py); continuation is bit 6.
    fn varint(data: &[u8], pos: &mut usize) -> Option<u64> {
        let mut b = *data.get(*pos)?;
        *pos += 1;
        let mut val = (b & 63) as u64;
        while b & 64 != 0 {
            b = *data.get(*pos)?;
            *pos += 1;
            val = (val << 6) | (b & 63) as u64;
            if val > u64::MAX >> 8 {
                return None;
            }
        }
        Some(val)
    }
    let mut out = Vec::new();
    let mut pos = 0;
    while let (Some(start), Some(len), Some(target), Some(dl)) = (
        varint(table, &mut pos),
        varint(table, &mut pos),
        varint(table, &mut pos),
        varint(table, &mut pos),
    ) {
        let start = start * 2;
        out.push(ExceptionEntry {
            start,
            end: start + len * 2,
            target: target * 2,
            depth: dl >> 1,
            lasti: dl & 1 != 0,
        });
    }
    out
}

/// One decoded instruction (CACHE entries are skipped).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    pub offset: usize,
    pub opcode: u8,
    /// The full argument (EXTENDED_ARG prefixes applied), `None` for
    /// opcodes below HAVE_ARGUMENT.
    pub arg: Option<i64>,
}

/// `dis._unpack_opargs`: walk co_code, skipping inline caches.
pub fn instructions(code: &[u8]) -> Vec<Instruction> {
    let mut out = Vec::new();
    let mut extended: i64 = 0;
    let mut caches = 0;
    for (i, unit) in code.chunks_exact(2).enumerate() {
        if caches > 0 {
            caches -= 1;
            continue;
        }
        let (opcode, oparg) = (unit[0], unit[1]);
        let op = Op::from_byte(opcode);
        caches = op.map_or(0, |o| o.caches());
        let arg = if opcode as u16 >= HAVE_ARGUMENT {
            let arg = oparg as i64 | extended;
            // The oparg is a C int: EXTENDED_ARG shifts wrap at 32 bits.
            extended = if op == Some(Op::EXTENDED_ARG) {
                ((arg << 8) as i32) as i64
            } else {
                0
            };
            Some(arg)
        } else {
            extended = 0;
            None
        };
        out.push(Instruction {
            offset: i * 2,
            opcode,
            arg,
        });
    }
    out
}

/// Where a relative jump goes, for jump opcodes.
fn jump_target(op: Op, offset: usize, arg: i64) -> i64 {
    let signed = if op.info().jump == JumpKind::Backward {
        -arg
    } else {
        arg
    };
    offset as i64 + 2 + signed * 2
}

// ---------------------------------------------------------------------------
// Disassembly
// ---------------------------------------------------------------------------

/// `dis.disassemble(code)`.
fn disassemble(co: &CodeObject, out: &mut String) {
    let instrs = instructions(&co.code);
    let linestarts = line_starts(co);
    let entries = parse_exception_table(&co.exceptiontable);

    // dis.findlabels, plus exception handlers.
    let mut labels = std::collections::HashSet::new();
    for ins in &instrs {
        if let (Some(op), Some(arg)) = (Op::from_byte(ins.opcode), ins.arg) {
            if op.info().arg == ArgKind::Jump {
                labels.insert(jump_target(op, ins.offset, arg));
            }
        }
    }
    for e in &entries {
        if e.start < e.end {
            labels.insert(e.target as i64);
        }
    }

    let lineno_width = match linestarts.iter().map(|&(_, l)| l).max() {
        None => 0,
        Some(max) if max >= 1000 => max.to_string().len(),
        Some(_) => 3,
    };
    let maxoffset = co.code.len().saturating_sub(2);
    let offset_width = if maxoffset >= 10000 {
        maxoffset.to_string().len()
    } else {
        4
    };
    let mut starts = linestarts.iter().peekable();
    for ins in &instrs {
        // Line starts are sorted by offset; an offset inside a skipped
        // CACHE entry never starts a line of its own.
        while starts.peek().is_some_and(|&&(o, _)| o < ins.offset) {
            starts.next();
        }
        let starts_line = match starts.peek() {
            Some(&&(o, l)) if o == ins.offset => Some(l),
            _ => None,
        };
        if lineno_width > 0 && starts_line.is_some() && ins.offset > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        if lineno_width > 0 {
            fields.push(match starts_line {
                Some(l) => format!("{l:>lineno_width$}"),
                None => " ".repeat(lineno_width),
            });
        }
        fields.push("   ".into());
        fields.push(if labels.contains(&(ins.offset as i64)) {
            ">>".into()
        } else {
            "  ".into()
        });
        fields.push(format!("{:>offset_width$}", ins.offset));
        fields.push(format!("{:<20}", opname(ins.opcode)));
        if let Some(arg) = ins.arg {
            fields.push(format!("{arg:>5}"));
            let argrepr = argrepr(co, ins, arg);
            if !argrepr.is_empty() {
                fields.push(format!("({argrepr})"));
            }
        }
        out.push_str(fields.join(" ").trim_end());
        out.push('\n');
    }
    if !entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &entries {
            let lasti = if e.lasti { " lasti" } else { "" };
            let end = e.end as i64 - 2;
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start, end, e.target, e.depth, lasti
            );
        }
    }
}

fn opname(opcode: u8) -> String {
    match Op::from_byte(opcode) {
        Some(op) => op.name().to_string(),
        None => format!("<{opcode}>"),
    }
}

/// The text `dis` shows in parentheses after the argument.
fn argrepr(co: &CodeObject, ins: &Instruction, arg: i64) -> String {
    let Some(op) = Op::from_byte(ins.opcode) else {
        return String::new();
    };
    let index = usize::try_from(arg).ok();
    let name = |i: Option<usize>| -> String {
        i.and_then(|i| co.names.get(i))
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    match op.info().arg {
        // KW_NAMES is a const op too, but dis only resolves LOAD_CONST.
        ArgKind::Const if op == Op::LOAD_CONST => index
            .and_then(|i| co.consts.get(i))
            .map(repr)
            .unwrap_or_default(),
        ArgKind::Name if op == Op::LOAD_GLOBAL => {
            let n = name(usize::try_from(arg >> 1).ok());
            if arg & 1 != 0 && !n.is_empty() {
                format!("NULL + {n}")
            } else {
                n
            }
        }
        ArgKind::Name => name(index),
        ArgKind::Jump => format!("to {}", jump_target(op, ins.offset, arg)),
        ArgKind::Local | ArgKind::Free => index
            .and_then(|i| co.localsplusnames.get(i))
            .map(|s| s.to_string())
            .unwrap_or_default(),
        ArgKind::Compare => index
            .and_then(|i| CMP_OP.get(i))
            .map(|s| s.to_string())
            .unwrap_or_default(),
        _ => match op {
            Op::FORMAT_VALUE => {
                let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
                let mut s = conv.to_string();
                if arg & 4 != 0 {
                    if !s.is_empty() {
                        s.push_str(", ");
                    }
                    s.push_str("with format");
                }
                s
            }
            Op::MAKE_FUNCTION => ["defaults", "kwdefaults", "annotations", "closure"]
                .iter()
                .enumerate()
                .filter(|(i, _)| arg & (1 << i) != 0)
                .map(|(_, s)| *s)
                .collect::<Vec<_>>()
                .join(", "),
            Op::BINARY_OP => index
                .and_then(|i| BINARY_OPS.get(i))
                .map(|s| s.to_string())
                .unwrap_or_default(),
            _ => String::new(),
        },
    }
}

// ---------------------------------------------------------------------------
// Python repr of constants
// ---------------------------------------------------------------------------

/// `repr(c)` as CPython prints it.
pub fn repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { re, im } => complex_repr(*re, *im),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => match &items[..] {
            [] => "()".into(),
            [one] => format!("({},)", repr(one)),
            _ => format!("({})", join_reprs(items)),
        },
        Constant::FrozenSet(items) if items.is_empty() => "frozenset()".into(),
        Constant::FrozenSet(items) => {
            // CPython prints a set in hash-table order (see pyhash).
            let ordered: Vec<Constant> = match crate::pyhash::frozenset_order(items) {
                Some(order) => order.into_iter().map(|i| items[i].clone()).collect(),
                None => items.to_vec(),
            };
            format!("frozenset({{{}}})", join_reprs(&ordered))
        }
        Constant::Code(code) => code_repr(code),
    }
}

fn join_reprs(items: &[Constant]) -> String {
    items.iter().map(repr).collect::<Vec<_>>().join(", ")
}

/// `<code object NAME at 0x..., file "FILE", line N>` with a fake address.
pub fn code_repr(co: &CodeObject) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        co.name,
        fake_address(co),
        co.filename,
        co.firstlineno
    )
}

/// A stable stand-in for a code object's address: an FNV-1a hash of what
/// identifies it, shaped like a 64-bit Linux heap address.
fn fake_address(co: &CodeObject) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(co.qualname.as_bytes());
    eat(&co.firstlineno.to_le_bytes());
    eat(&co.code);
    eat(&co.linetable);
    0x7f00_0000_0000 | ((h & 0xff_ffff_ffff) & !0xf)
}

/// `repr(float)`: the shortest string that round-trips, in CPython's layout
/// (`1e+16`, `1e-05`, `0.0001`, `123.0`, `inf`, `nan`).
pub fn float_repr(f: f64) -> String {
    format_float(f, false, true)
}

/// CPython's `float_repr_style` "short" formatting ('r' mode). `plus`
/// forces a sign; `dot0` adds ".0" to integral values in fixed notation
/// (float repr does, the parts of a complex repr do not).
fn format_float(f: f64, plus: bool, dot0: bool) -> String {
    let sign = if f.is_sign_negative() && !f.is_nan() {
        "-"
    } else if plus {
        "+"
    } else {
        ""
    };
    if f.is_nan() {
        return format!("{sign}nan");
    }
    if f.is_infinite() {
        return format!("{sign}inf");
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "1.2345e-7".
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let mut digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    if digits.len() == 17 {
        digits = round_half_even_17(f.abs(), digits);
    }
    let decpt = exp + 1; // position of the decimal point after digit 0
    let n = digits.len() as i32;
    let body = if decpt <= -4 || decpt > 16 {
        let mut m = digits[..1].to_string();
        if n > 1 {
            m.push('.');
            m.push_str(&digits[1..]);
        }
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{m}e{esign}{:02}", exp.abs())
    } else if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt >= n {
        let dot0 = if dot0 { ".0" } else { "" };
        format!("{}{}{dot0}", digits, "0".repeat((decpt - n) as usize))
    } else {
        let (a, b) = digits.split_at(decpt as usize);
        format!("{a}.{b}")
    };
    format!("{sign}{body}")
}

/// When the shortest round-trip form needs all 17 digits and the exact
/// value lies halfway between two 17-digit decimals, Rust rounds the last
/// digit up while CPython's dtoa rounds half to even (`2**-25` prints as
/// `2.9802322387695312e-08`). The exact expansion settles it (an f64 has
/// at most 767 significant decimal digits).
fn round_half_even_17(f: f64, digits: String) -> String {
    let exact = format!("{:.766e}", f);
    let mantissa = exact.split('e').next().unwrap_or("");
    let all: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    if all.len() < 18 {
        return digits;
    }
    let (head, tail) = all.split_at(17);
    let is_tie = tail.starts_with('5') && tail[1..].bytes().all(|b| b == b'0');
    let last_even = head
        .bytes()
        .last()
        .is_some_and(|b| (b - b'0').is_multiple_of(2));
    // Same exponent: a tie never carries into a new leading digit here.
    if is_tie && last_even && head != digits {
        head.to_string()
    } else {
        digits
    }
}

/// `repr(complex)`: `1j` when the real part is +0.0, else `(re+imj)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", format_float(im, false, false))
    } else {
        format!(
            "({}{}j)",
            format_float(re, false, false),
            format_float(im, true, false)
        )
    }
}

fn is_printable(ch: char) -> bool {
    let cp = ch as u32;
    if cp < 0x7f {
        return cp >= 0x20;
    }
    NON_PRINTABLE
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_err()
}

/// `repr(str)`: single quotes unless the text has a `'` and no `"`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(bytes)`: like str, but everything outside printable ASCII is
/// `\xhh`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            _ => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// Replace every code object address (`<code object f at 0x7f...,`) with
/// `0x...`, so listings from different processes can be compared.
pub fn normalize_addresses(text: &str) -> String {
    const MARK: &str = " at 0x";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(MARK) {
        let after = &rest[i + MARK.len()..];
        let hex_len = after.bytes().take_while(|b| b.is_ascii_hexdigit()).count();
        out.push_str(&rest[..i]);
        out.push_str(MARK);
        if hex_len > 0 && after[hex_len..].starts_with(", file ") {
            out.push_str("...");
        } else {
            out.push_str(&after[..hex_len]);
        }
        rest = &after[hex_len..];
    }
    out.push_str(rest);
    out
}

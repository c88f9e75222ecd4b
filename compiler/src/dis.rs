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
use crate::repr::code_repr;
/// `repr()` of a constant, as `dis` shows it (defined in [`crate::repr`]).
pub use crate::repr::repr;

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

/// The location-table entries as CPython's `advance` walks them:
/// (start, end, computed line, whether the entry is a no-line marker).
fn line_entries(co: &CodeObject) -> Vec<(usize, usize, i64, bool)> {
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
        out.push((addr, end, line, code == 15));
        addr = end;
        // Skip to the next entry start.
        i += 1;
        while i < table.len() && table[i] & 0x80 == 0 {
            i += 1;
        }
    }
    out
}

/// `code.co_lines()`: (start, end, line) for each location-table entry
/// (CPython 3.11 does not merge entries); `None` for entries without a
/// line number.
pub fn co_lines(co: &CodeObject) -> Vec<(usize, usize, Option<i64>)> {
    line_entries(co)
        .into_iter()
        .map(|(start, end, line, no_line)| (start, end, (!no_line).then_some(line)))
        .collect()
}

/// `code.co_lnotab`: the pre-3.10 line table that `decode_linetable` in
/// Objects/codeobject.c derives from the location table.
pub fn co_lnotab(co: &CodeObject) -> Vec<u8> {
    let mut out = Vec::new();
    let mut code_offset = 0i64;
    let mut line = co.firstlineno as i64;
    for (start, _, computed, _) in line_entries(co) {
        if computed == line {
            continue;
        }
        let mut bdelta = start as i64 - code_offset;
        let mut ldelta = computed - line;
        while bdelta > 255 {
            out.extend([255, 0]);
            bdelta -= 255;
        }
        while ldelta > 127 {
            out.extend([bdelta as u8, 127]);
            bdelta = 0;
            ldelta -= 127;
        }
        while ldelta < -128 {
            out.extend([bdelta as u8, (-128i8) as u8]);
            bdelta = 0;
            ldelta += 128;
        }
        out.extend([bdelta as u8, ldelta as i8 as u8]);
        code_offset = start as i64;
        line = computed;
    }
    out
}

/// One entry of `code.co_positions()`: the code-unit byte range
/// `start..end` and its source span (None where CPython gives None).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub start: usize,
    pub end: usize,
    pub line: Option<i64>,
    pub end_line: Option<i64>,
    pub col: Option<i64>,
    pub end_col: Option<i64>,
}

/// `code.co_positions()` as location-table entries (each covers one or
/// more code units), decoded as `advance_with_locations` in
/// Objects/codeobject.c does.
pub fn co_positions(co: &CodeObject) -> Vec<Position> {
    let table = &co.linetable;
    let mut out = Vec::new();
    let mut line = co.firstlineno as i64;
    let mut addr = 0usize;
    let mut i = 0;
    let byte = |j: &mut usize| -> i64 {
        let b = table.get(*j).copied().unwrap_or(0);
        *j += 1;
        b as i64
    };
    while i < table.len() {
        let first = table[i];
        let code = (first >> 3) & 15;
        let end = addr + ((first & 7) as usize + 1) * 2;
        let mut j = i + 1;
        let (l, el, c, ec) = match code {
            15 => (None, None, None, None),
            14 => {
                line = line.saturating_add(read_signed_varint(table, &mut j));
                let end_line = line.saturating_add(read_varint(table, &mut j) as i64);
                let col = read_varint(table, &mut j) as i64 - 1;
                let end_col = read_varint(table, &mut j) as i64 - 1;
                (Some(line), Some(end_line), Some(col), Some(end_col))
            }
            13 => {
                line = line.saturating_add(read_signed_varint(table, &mut j));
                (Some(line), Some(line), None, None)
            }
            10..=12 => {
                line += code as i64 - 10;
                let col = byte(&mut j);
                let end_col = byte(&mut j);
                (Some(line), Some(line), Some(col), Some(end_col))
            }
            _ => {
                let second = byte(&mut j);
                let col = ((code as i64) << 3) | (second >> 4);
                (Some(line), Some(line), Some(col), Some(col + (second & 15)))
            }
        };
        let none_if_negative = |v: Option<i64>| v.filter(|&x| x >= 0);
        out.push(Position {
            start: addr,
            end,
            line: l,
            end_line: el,
            col: none_if_negative(c),
            end_col: none_if_negative(ec),
        });
        addr = end;
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

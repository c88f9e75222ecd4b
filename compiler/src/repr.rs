//! Python's `repr()` of constants, exactly as CPython 3.11 prints them.
//!
//! One implementation for everyone who spells a constant the way Python
//! does: `dis` (argument reprs and `code_info` constants), the annotation
//! unparser (which adds its own rules on top, such as `1e309` for an
//! infinity) and compile errors that quote a constant (`%R`).

mod printable;

use std::fmt::Write as _;

use crate::code::{CodeObject, Constant};

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
        Constant::SurrogateStr(cps) => code_points_repr(cps.iter().copied()),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => match &items[..] {
            [] => "()".into(),
            [one] => format!("({},)", repr(one)),
            _ => format!("({})", join_reprs(items)),
        },
        Constant::FrozenSet(items) if items.is_empty() => "frozenset()".into(),
        Constant::FrozenSet(items) => {
            // CPython prints a set in hash-table order (see pyhash); when
            // that order is not reproducible, keep the stored order.
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

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

/// `repr(float)`: the shortest string that round-trips, in CPython's layout
/// (`1e+16`, `1e-05`, `0.0001`, `123.0`, `inf`, `nan`).
pub fn float_repr(f: f64) -> String {
    format_float(f, false, true)
}

/// `repr(complex)`: `1j` when the real part is +0.0, else `(re+imj)`;
/// neither part gets a `.0`.
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

/// CPython's `PyOS_double_to_string(x, 'r', 0, flags)`: the shortest
/// round-tripping digits, positional when the decimal point falls in
/// (-4, 16], else scientific with a signed, at least two-digit exponent.
/// `plus` forces a sign (`Py_DTSF_SIGN`); `dot0` adds ".0" to integral
/// values in positional notation (`Py_DTSF_ADD_DOT_0`: float repr does,
/// the parts of a complex repr do not).
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

// ---------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------

/// Python's `str.isprintable()` for one character (Unicode 14.0, as in
/// CPython 3.11): false for control, format, surrogate, private-use,
/// unassigned and separator characters other than the ASCII space.
pub fn is_printable(c: char) -> bool {
    let cp = u32::from(c);
    let table = printable::NON_PRINTABLE;
    // Find the last range starting at or before `cp`.
    let idx = table.partition_point(|&(start, _)| start <= cp);
    idx == 0 || cp > table[idx - 1].1
}

/// The quote `repr` puts around a str or bytes body: `'` unless the body
/// has a `'` and no `"`.
fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// The escapes str and bytes reprs share: backslash, tab, newline,
/// carriage return and the chosen quote. `None` for anything else.
fn common_escape(c: char, quote: char) -> Option<&'static str> {
    Some(match c {
        '\\' => "\\\\",
        '\t' => "\\t",
        '\n' => "\\n",
        '\r' => "\\r",
        '\'' if quote == '\'' => "\\'",
        '"' if quote == '"' => "\\\"",
        _ => return None,
    })
}

/// `repr(str)`: printable characters as they are, the others as `\xhh`,
/// `\uhhhh` or `\Uhhhhhhhh`, whichever is the shortest that fits.
pub fn str_repr(s: &str) -> String {
    code_points_repr(s.chars().map(u32::from))
}

/// `repr(str)` of a string given as code points, which may include lone
/// surrogates (never printable, so always escaped).
pub fn code_points_repr(cps: impl Iterator<Item = u32> + Clone) -> String {
    let has = |q: char| cps.clone().any(|cp| cp == u32::from(q));
    let quote = choose_quote(has('\''), has('"'));
    let mut out = String::with_capacity(cps.size_hint().0 + 2);
    out.push(quote);
    for cp in cps {
        let c = char::from_u32(cp);
        match c.and_then(|c| common_escape(c, quote)) {
            Some(esc) => out.push_str(esc),
            None => match c {
                Some(c) if is_printable(c) => out.push(c),
                _ if cp < 0x100 => {
                    let _ = write!(out, "\\x{cp:02x}");
                }
                _ if cp < 0x10000 => {
                    let _ = write!(out, "\\u{cp:04x}");
                }
                _ => {
                    let _ = write!(out, "\\U{cp:08x}");
                }
            },
        }
    }
    out.push(quote);
    out
}

/// `repr(bytes)`: like str, but everything outside printable ASCII is
/// `\xhh`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = choose_quote(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &byte in b {
        match common_escape(char::from(byte), quote) {
            Some(esc) => out.push_str(esc),
            None if (0x20..=0x7e).contains(&byte) => out.push(char::from(byte)),
            None => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote);
    out
}

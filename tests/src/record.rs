//! The per-code-object record compared by the fidelity report.
//!
//! `scripts/fidelity.py` prints one line per CPython code object and
//! [`records`] builds the same line for ours, so the two can be compared
//! field by field. The line is tab-separated `field=value` pairs, in
//! [`FIELDS`] order, every value free of tabs and newlines:
//!
//! | field | value |
//! |---|---|
//! | name, qualname | hex of the UTF-8 bytes |
//! | firstlineno, argcount, posonlyargcount, kwonlyargcount, flags, stacksize | decimal |
//! | localsplusnames, names | comma-separated hex of each name's UTF-8 |
//! | localspluskinds, code, linetable, exceptiontable | hex bytes |
//! | consts | comma-separated constants, encoded as below |
//!
//! Constants: `N` None, `E` Ellipsis, `T`/`F` booleans, `i<decimal>` int,
//! `f<16 hex digits>` float (IEEE bits, big-endian), `c<16 hex><16 hex>`
//! complex, `s<hex utf-8>` str, `b<hex>` bytes, `(<items>)` tuple,
//! `{<items sorted as encoded strings>}` frozenset (order-free), and
//! `C<n>` a code object, `n` being its index in the depth-first
//! `co_consts` walk of the whole file.

use std::fmt::Write;

use pyrite_compiler::code::CodeObject;
use pyrite_compiler::marshal::encode_surrogatepass;
use pyrite_compiler::opcode::Op;
use pyrite_compiler::Constant;

/// Field order of a record; differences are reported in this order, so the
/// "first difference" of a pair is the earliest field here that differs.
pub const FIELDS: &[&str] = &[
    "name",
    "qualname",
    "firstlineno",
    "argcount",
    "posonlyargcount",
    "kwonlyargcount",
    "localsplusnames",
    "localspluskinds",
    "names",
    "consts",
    "flags",
    "code",
    "stacksize",
    "exceptiontable",
    "linetable",
];

/// One code object's fields, values encoded as described above.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub values: Vec<String>,
}

impl Record {
    pub fn get(&self, field: &str) -> &str {
        let i = FIELDS
            .iter()
            .position(|f| *f == field)
            .expect("known field");
        &self.values[i]
    }
    /// `(qualname, firstlineno)`: how unmatched code objects are paired.
    pub fn key(&self) -> (String, String) {
        (
            self.get("qualname").to_string(),
            self.get("firstlineno").to_string(),
        )
    }
    pub fn to_line(&self) -> String {
        FIELDS
            .iter()
            .zip(&self.values)
            .map(|(f, v)| format!("{f}={v}"))
            .collect::<Vec<_>>()
            .join("\t")
    }
    /// Parse a line written by `to_line` or by `scripts/fidelity.py`.
    pub fn parse(line: &str) -> Result<Record, String> {
        let mut values = vec![None; FIELDS.len()];
        for part in line.split('\t') {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| format!("bad field {part:?}"))?;
            if let Some(i) = FIELDS.iter().position(|f| *f == k) {
                values[i] = Some(v.to_string());
            }
        }
        let values = values
            .into_iter()
            .zip(FIELDS)
            .map(|(v, f)| v.ok_or_else(|| format!("missing field {f}")))
            .collect::<Result<_, _>>()?;
        Ok(Record { values })
    }
}

pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .filter_map(|i| u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

fn hex_str(s: &str) -> String {
    hex(s.as_bytes())
}

fn names(list: &[std::rc::Rc<str>]) -> String {
    list.iter()
        .map(|n| hex_str(n))
        .collect::<Vec<_>>()
        .join(",")
}

fn encode_const(c: &Constant, index_of: &dyn Fn(&CodeObject) -> usize) -> String {
    match c {
        Constant::None => "N".into(),
        Constant::Ellipsis => "E".into(),
        Constant::Bool(true) => "T".into(),
        Constant::Bool(false) => "F".into(),
        Constant::Int(i) => format!("i{i}"),
        Constant::Float(f) => format!("f{:016x}", f.to_bits()),
        Constant::Complex { re, im } => format!("c{:016x}{:016x}", re.to_bits(), im.to_bits()),
        Constant::Str(s) => format!("s{}", hex_str(s)),
        Constant::SurrogateStr(cps) => format!("s{}", hex(&encode_surrogatepass(cps))),
        Constant::Bytes(b) => format!("b{}", hex(b)),
        Constant::Tuple(items) => {
            let inner: Vec<_> = items.iter().map(|c| encode_const(c, index_of)).collect();
            format!("({})", inner.join(","))
        }
        Constant::FrozenSet(items) => {
            let mut inner: Vec<_> = items.iter().map(|c| encode_const(c, index_of)).collect();
            inner.sort();
            format!("{{{}}}", inner.join(","))
        }
        Constant::Code(code) => format!("C{}", index_of(code)),
    }
}

/// Records of every code object of a module, in depth-first order.
pub fn records(module: &CodeObject) -> Vec<Record> {
    let all = crate::code_objects_depth_first(module);
    let index_of = |c: &CodeObject| {
        all.iter()
            .position(|x| std::ptr::eq(*x, c))
            .unwrap_or(usize::MAX)
    };
    all.iter()
        .map(|co| {
            let consts: Vec<_> = co
                .consts
                .iter()
                .map(|c| encode_const(c, &index_of))
                .collect();
            let values = vec![
                hex_str(&co.name),
                hex_str(&co.qualname),
                co.firstlineno.to_string(),
                co.argcount.to_string(),
                co.posonlyargcount.to_string(),
                co.kwonlyargcount.to_string(),
                names(&co.localsplusnames),
                hex(&co.localspluskinds),
                names(&co.names),
                consts.join(","),
                co.flags.to_string(),
                hex(&co.code),
                co.stacksize.to_string(),
                hex(&co.exceptiontable),
                hex(&co.linetable),
            ];
            Record { values }
        })
        .collect()
}

/// The instructions of `co_code` as `(opcode byte, oparg byte)`, caches
/// skipped (unknown opcodes are kept and take no caches).
fn instructions(code: &[u8]) -> Vec<(u8, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < code.len() {
        let (op, arg) = (code[i], code[i + 1]);
        out.push((op, arg));
        i += 2 * (1 + Op::from_byte(op).map_or(0, Op::caches));
    }
    out
}

fn op_name(byte: u8) -> String {
    Op::from_byte(byte).map_or_else(|| format!("<{byte}>"), |op| op.name().to_string())
}

/// Describe how `co_code` differs: `(category, detail)`.
fn code_difference(ours: &[u8], theirs: &[u8]) -> (String, String) {
    let (a, b) = (instructions(ours), instructions(theirs));
    for (n, (x, y)) in a.iter().zip(&b).enumerate() {
        if x.0 != y.0 {
            let (on, tn) = (op_name(x.0), op_name(y.0));
            return (
                format!("co_code: {on} vs {tn} (ours vs CPython)"),
                format!("co_code differs at instruction {n}: {on} vs {tn}"),
            );
        }
        if x.1 != y.1 {
            let on = op_name(x.0);
            return (
                format!("co_code: {on} oparg"),
                format!(
                    "co_code differs at instruction {n}: {on} {} vs {}",
                    x.1, y.1
                ),
            );
        }
    }
    let (m, n) = (a.len(), b.len());
    let which = if m > n {
        format!("ours has extra {}", op_name(a[n].0))
    } else if n > m {
        format!("CPython has extra {}", op_name(b[m].0))
    } else {
        "same instructions, different cache bytes".to_string()
    };
    (
        format!("co_code: {which}"),
        format!("co_code length {m} vs {n} instructions: {which}"),
    )
}

fn list_difference(field: &str, ours: &str, theirs: &str) -> (String, String) {
    let split = |s: &str| -> Vec<String> {
        if s.is_empty() {
            Vec::new()
        } else {
            s.split(',').map(str::to_string).collect()
        }
    };
    let (a, b) = (split(ours), split(theirs));
    if a.len() != b.len() {
        let dir = if a.len() > b.len() { "more" } else { "fewer" };
        return (
            format!("co_{field}: ours has {dir} entries"),
            format!("co_{field}: {} vs {} entries", a.len(), b.len()),
        );
    }
    let i = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(0);
    let show = |s: &str| {
        if field == "consts" {
            s.chars().take(40).collect::<String>()
        } else {
            String::from_utf8_lossy(&unhex(s)).into_owned()
        }
    };
    (
        format!("co_{field}: same length, different entries"),
        format!("co_{field}[{i}]: {} vs {}", show(&a[i]), show(&b[i])),
    )
}

/// The first field (in [`FIELDS`] order) where two records differ, as
/// `(category for the top-ten table, detail for this pair)`.
pub fn first_difference(ours: &Record, theirs: &Record) -> Option<(String, String)> {
    let i = (0..FIELDS.len()).find(|&i| ours.values[i] != theirs.values[i])?;
    let field = FIELDS[i];
    let (a, b) = (&ours.values[i], &theirs.values[i]);
    Some(match field {
        "code" => code_difference(&unhex(a), &unhex(b)),
        "consts" | "names" | "localsplusnames" => list_difference(field, a, b),
        "flags" => {
            let x = a.parse::<u64>().unwrap_or(0) ^ b.parse::<u64>().unwrap_or(0);
            (
                format!("co_flags: bits {x:#x} differ"),
                format!("co_flags {a} vs {b}"),
            )
        }
        "stacksize" | "firstlineno" | "argcount" | "posonlyargcount" | "kwonlyargcount" => {
            let dir = if a.parse::<i64>().unwrap_or(0) > b.parse::<i64>().unwrap_or(0) {
                "larger"
            } else {
                "smaller"
            };
            (
                format!("co_{field}: ours {dir}"),
                format!("co_{field} {a} vs {b}"),
            )
        }
        "name" | "qualname" => (
            format!("co_{field} differs"),
            format!(
                "co_{field} {} vs {}",
                String::from_utf8_lossy(&unhex(a)),
                String::from_utf8_lossy(&unhex(b))
            ),
        ),
        _ => (
            format!("co_{field} differs"),
            format!("co_{field}: {} vs {} bytes", a.len() / 2, b.len() / 2),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_line_round_trips() {
        let r = Record {
            values: FIELDS.iter().map(|f| format!("v{f}")).collect(),
        };
        assert_eq!(Record::parse(&r.to_line()).unwrap(), r);
    }

    #[test]
    fn code_difference_names_opcodes() {
        let load_fast = Op::LOAD_FAST.number() as u8;
        let load_deref = Op::LOAD_DEREF.number() as u8;
        let (cat, detail) = code_difference(&[load_fast, 0], &[load_deref, 0]);
        assert_eq!(cat, "co_code: LOAD_FAST vs LOAD_DEREF (ours vs CPython)");
        assert_eq!(
            detail,
            "co_code differs at instruction 0: LOAD_FAST vs LOAD_DEREF"
        );
    }
}

/// CPython's result for one file, as `scripts/fidelity.py` printed it.
#[derive(Debug)]
pub struct PythonFile {
    pub path: String,
    /// The records in depth-first order, or the compile error.
    pub result: Result<Vec<Record>, String>,
    /// `dis.dis` text (with `--dis`), addresses normalised.
    pub dis: Option<String>,
    /// `marshal.dumps(code)` (with `--marshal`).
    pub marshal: Option<Vec<u8>>,
}

/// Parse the output of `scripts/fidelity.py` (format in its docstring).
pub fn read_python_output(reader: impl std::io::BufRead) -> Result<Vec<PythonFile>, String> {
    let mut files: Vec<PythonFile> = Vec::new();
    for line in reader.lines() {
        let line = line.map_err(|e| e.to_string())?;
        let (tag, rest) = line.split_once('\t').unwrap_or((line.as_str(), ""));
        if tag == "F" {
            let f: Vec<&str> = rest.splitn(3, '\t').collect();
            let result = match f.get(1) {
                Some(&"OK") => Ok(Vec::new()),
                _ => Err(f.get(2).unwrap_or(&"").to_string()),
            };
            files.push(PythonFile {
                path: f[0].to_string(),
                result,
                dis: None,
                marshal: None,
            });
            continue;
        }
        let file = files
            .last_mut()
            .ok_or_else(|| format!("{tag:?} line before any F line"))?;
        match tag {
            "C" => {
                if let Ok(v) = &mut file.result {
                    v.push(Record::parse(rest)?);
                }
            }
            "D" => file.dis = Some(String::from_utf8_lossy(&unhex(rest)).into_owned()),
            "M" => file.marshal = Some(unhex(rest)),
            _ => return Err(format!("unexpected line tag {tag:?}")),
        }
    }
    Ok(files)
}

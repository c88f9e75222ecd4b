//! Printing an uncaught exception as CPython 3.11 does (Python/traceback.c
//! and print_exception in Python/pythonrun.c, which is what the
//! interpreter uses at exit, rather than Lib/traceback.py).

use std::collections::HashMap;
use std::rc::Rc;

use pyrite_compiler::dis::Position;
use rustpython_parser::ast::{self, Ranged};

use crate::code::Code;
use crate::object::Object;
use crate::value::Value;
use crate::Interpreter;

/// Frames beyond this many repeats of the same line collapse into one
/// "[Previous line repeated N more times]" line (TB_RECURSIVE_CUTOFF).
const RECURSIVE_CUTOFF: usize = 3;

/// sys.tracebacklimit's default: only the innermost 1000 entries print.
const TRACEBACK_LIMIT: usize = 1000;

/// Source lines are indented by this much under the `File` line.
const SOURCE_INDENT: i64 = 4;

/// The full text CPython prints for an uncaught exception, chained
/// exceptions first.
pub fn format_exception(interp: &mut Interpreter, exc: &Value) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    let mut files = SourceCache::default();
    format_recursive(interp, exc, &mut seen, &mut files, &mut out);
    out
}

/// One exception after its cause or context (print_exception_recursive);
/// `seen` breaks cycles in the chain.
fn format_recursive(
    interp: &mut Interpreter,
    exc: &Value,
    seen: &mut Vec<*const Object>,
    files: &mut SourceCache,
    out: &mut String,
) {
    let Value::Obj(o) = exc else {
        out.push_str(&exception_line(interp, exc));
        out.push('\n');
        return;
    };
    seen.push(Rc::as_ptr(o));
    if let Object::Exception(e) = &**o {
        let cause = e.cause.borrow().clone();
        let context = e.context.borrow().clone();
        let unseen = |v: &Value, seen: &Vec<*const Object>| match v {
            Value::Obj(c) => !seen.contains(&Rc::as_ptr(c)),
            _ => false,
        };
        if let Some(c) = cause.filter(|c| unseen(c, seen)) {
            format_recursive(interp, &c, seen, files, out);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let Some(c) = context.filter(|c| !e.suppress_context.get() && unseen(c, seen)) {
            format_recursive(interp, &c, seen, files, out);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        let tb = e.traceback.borrow().clone();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            format_traceback(&tb, files, out);
        }
    }
    out.push_str(&exception_line(interp, exc));
    out.push('\n');
}

/// The `File` lines of a traceback, outermost first (the entries are stored
/// innermost first), with repeated frames collapsed (tb_printinternal).
fn format_traceback(tb: &[(Rc<Code>, usize)], files: &mut SourceCache, out: &mut String) {
    let skip = tb.len().saturating_sub(TRACEBACK_LIMIT);
    let mut last: Option<(String, Option<i64>, String)> = None;
    let mut count = 0usize;
    for (code, index) in tb.iter().rev().skip(skip) {
        let pos = position_of(code, *index);
        let line = pos.and_then(|p| p.line);
        let key = (code.co.filename.to_string(), line, code.co.name.to_string());
        if last.as_ref() != Some(&key) {
            repeated_line(count, out);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count <= RECURSIVE_CUTOFF {
            format_frame(code, line, pos, files, out);
        }
    }
    repeated_line(count, out);
}

fn repeated_line(count: usize, out: &mut String) {
    if count > RECURSIVE_CUTOFF {
        let more = count - RECURSIVE_CUTOFF;
        let times = if more > 1 { "times" } else { "time" };
        out.push_str(&format!("  [Previous line repeated {more} more {times}]\n"));
    }
}

/// `  File "f", line N, in name`, the stripped source line and the carets.
fn format_frame(
    code: &Code,
    line: Option<i64>,
    pos: Option<Position>,
    files: &mut SourceCache,
    out: &mut String,
) {
    let filename = &code.co.filename;
    out.push_str(&format!(
        "  File \"{filename}\", line {}, in {}\n",
        line.unwrap_or(-1),
        code.co.name
    ));
    let Some(text) = line.and_then(|l| files.line(filename, l)) else {
        return;
    };
    let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    if let Some(carets) = pos.and_then(|p| caret_line(&text, p)) {
        out.push_str(&carets);
        out.push('\n');
    }
}

/// The location-table entry of instruction `index` of `code`.
fn position_of(code: &Code, index: usize) -> Option<Position> {
    let offset = *code.offsets.get(index)? as usize;
    pyrite_compiler::dis::co_positions(&code.co)
        .into_iter()
        .find(|p| p.start <= offset && offset < p.end)
}

/// The 3.11 indicator line under a source line (tb_displayline), or None
/// where CPython prints none: no columns, or `^` over the whole line.
fn caret_line(line: &str, pos: Position) -> Option<String> {
    let (start_line, end_line) = (pos.line?, pos.end_line?);
    let (start_col, end_col) = (pos.col?, pos.end_col?);
    let indent = line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len();
    let truncation = indent as i64 - SOURCE_INDENT;
    let start = byte_to_char(line, start_col);
    let mut end = byte_to_char(line, end_col);
    let mut anchors = None;
    if start_line == end_line {
        let segment: String = line
            .chars()
            .skip(start as usize)
            .take((end - start).max(0) as usize)
            .collect();
        anchors = segment_anchors(&segment).map(|(l, r)| {
            (
                byte_to_char(&segment, l as i64) + start,
                byte_to_char(&segment, r as i64) + start,
            )
        });
    } else {
        // A multi-line expression: underline to the end of this line.
        end = line.trim_end_matches([' ', '\t', '\x0c']).len() as i64;
    }
    let stripped_len = line.chars().count() as i64 - indent as i64;
    if end - start == stripped_len && anchors.is_none() {
        return None;
    }
    let (primary, secondary) = if anchors.is_some() {
        ('~', '^')
    } else {
        ('^', '^')
    };
    let mut s = String::new();
    for offset in truncation + 1..=end {
        s.push(if offset <= start {
            ' '
        } else if anchors.is_some_and(|(l, r)| l < offset && offset <= r) {
            secondary
        } else {
            primary
        });
    }
    Some(s)
}

/// `_PyPegen_byte_offset_to_character_offset`: the number of characters
/// in the first `col` bytes of `line` (a partial character counts once).
fn byte_to_char(line: &str, col: i64) -> i64 {
    let len = line.len() as i64;
    let col = col.clamp(0, len + 1);
    let within = line
        .char_indices()
        .filter(|(b, _)| (*b as i64) < col)
        .count() as i64;
    within + (col - len).max(0)
}

/// The byte range of the operator of a binary operation, or of `[...]` of
/// a subscript, when `segment` (the failing instruction's source) is one of
/// those (extract_anchors_from_line).
fn segment_anchors(segment: &str) -> Option<(usize, usize)> {
    let module = rustpython_parser::parse(segment, rustpython_parser::Mode::Module, "<tb>").ok()?;
    let ast::Mod::Module(m) = module else {
        return None;
    };
    let [ast::Stmt::Expr(stmt)] = &m.body[..] else {
        return None;
    };
    let bytes = segment.as_bytes();
    let is_ws = |b: u8| b == b' ' || b == b'\t' || b == b'\x0c';
    match &*stmt.value {
        ast::Expr::BinOp(b) => {
            let from = b.left.range().end().to_usize();
            let to = b.right.range().start().to_usize();
            let i = (from..to).find(|&i| bytes.get(i).is_some_and(|&c| !is_ws(c)))?;
            let two = i + 1 < to && bytes.get(i + 1).is_some_and(|&c| !is_ws(c));
            Some((i, if two { i + 2 } else { i + 1 }))
        }
        ast::Expr::Subscript(s) => Some((
            s.value.range().end().to_usize(),
            s.slice.range().end().to_usize() + 1,
        )),
        _ => None,
    }
}

/// Source files read while printing one traceback.
#[derive(Default)]
struct SourceCache {
    files: HashMap<String, Option<Vec<String>>>,
}

impl SourceCache {
    /// Line `lineno` (1-based) of `filename` without its newline; None for
    /// `<string>`-like names and unreadable files.
    fn line(&mut self, filename: &str, lineno: i64) -> Option<String> {
        if filename.starts_with('<') && filename.ends_with('>') {
            return None;
        }
        let lines = self.files.entry(filename.to_string()).or_insert_with(|| {
            let text = std::fs::read(filename).ok()?;
            let text = String::from_utf8_lossy(&text).replace("\r\n", "\n");
            Some(text.split('\n').map(str::to_string).collect())
        });
        let index = usize::try_from(lineno.checked_sub(1)?).ok()?;
        lines.as_ref()?.get(index).cloned()
    }
}

/// The last line: `TypeName: message`, or just `TypeName` when str() of the
/// exception is empty (print_exception_message).
pub fn exception_line(interp: &mut Interpreter, exc: &Value) -> String {
    let typ = interp.type_of(exc);
    let msg = if matches!(exc.as_object(), Some(Object::Exception(e)) if &*e.typ.name == "SyntaxError" || e.typ.is_subtype(&interp.types.exception("SyntaxError")))
    {
        crate::builtins::errors::syntax_error_msg(interp, exc)
    } else {
        crate::builtins::errors::exception_str(interp, exc)
            .unwrap_or_else(|_| "<exception str() failed>".to_string())
    };
    let name = qualified_name(&typ);
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

/// A class's `__qualname__`, after `__module__.` unless that is
/// `builtins` or `__main__` (`json.decoder.JSONDecodeError`, `Outer.Inner`).
fn qualified_name(typ: &crate::types::TypeObject) -> String {
    if !typ.is_class {
        return typ.name.to_string();
    }
    let d = typ.dict.borrow();
    let qualname = d
        .get_str("__qualname__")
        .map(crate::format::str_value)
        .unwrap_or_else(|| typ.name.to_string());
    match d.get_str("__module__").and_then(|m| m.as_object()) {
        Some(Object::Str(m)) if matches!(m.as_str(), "builtins" | "__main__") => qualname,
        Some(Object::Str(m)) => format!("{}.{qualname}", m.as_str()),
        _ => format!("<unknown>.{qualname}"),
    }
}

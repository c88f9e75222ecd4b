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
    format_exception_limited(interp, exc, None)
}

/// `format_exception` as the `traceback` module does it with `limit`:
/// only the `limit` outermost frames of each traceback (the `-limit`
/// innermost when negative), and no header when none is left.
pub fn format_exception_limited(
    interp: &mut Interpreter,
    exc: &Value,
    limit: Option<i64>,
) -> String {
    let mut p = Printer {
        limit,
        ..Printer::default()
    };
    p.recursive(interp, exc);
    p.out
}

/// One exception with its traceback but not the exceptions chained to it,
/// as `PyErr_WriteUnraisable` prints it.
pub fn format_unchained(interp: &mut Interpreter, exc: &Value) -> String {
    let mut out = String::new();
    if let Some(Object::Exception(e)) = exc.as_object() {
        let tb = e.traceback.borrow().clone();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            format_traceback(&tb, "", &mut SourceCache::default(), &mut out);
        }
    }
    out.push_str(&syntax_error_location(interp, exc, ""));
    out.push_str(&exception_line(interp, exc));
    out.push('\n');
    out
}

/// Exception groups print each sub-exception boxed and indented under
/// the group (PyErr_MAX_GROUP_WIDTH, PyErr_MAX_GROUP_DEPTH).
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// The state of printing one uncaught exception (exception_print_context
/// in Python/pythonrun.c).
#[derive(Default)]
struct Printer {
    out: String,
    /// Exceptions printed so far, to break cycles in the chain.
    seen: Vec<*const Object>,
    files: SourceCache,
    /// Nesting level of the exception group being printed.
    group_depth: usize,
    /// A closing bottom frame is still owed.
    need_close: bool,
    /// The `traceback` module's `limit` (see `format_exception_limited`).
    limit: Option<i64>,
}

impl Printer {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// The indentation and `| ` margin of lines inside a group.
    fn margin(&self) -> String {
        let m = if self.group_depth > 0 { "| " } else { "" };
        format!("{}{m}", self.indent())
    }

    /// One exception after its cause or context
    /// (print_exception_recursive).
    fn recursive(&mut self, interp: &mut Interpreter, exc: &Value) {
        if let Value::Obj(o) = exc {
            self.seen.push(Rc::as_ptr(o));
        }
        if let Some(Object::Exception(e)) = exc.as_object() {
            let cause = e.cause.borrow().clone();
            let context = e.context.borrow().clone();
            let unseen = |v: &Value, seen: &Vec<*const Object>| match v {
                Value::Obj(c) => !seen.contains(&Rc::as_ptr(c)),
                _ => false,
            };
            if let Some(c) = cause {
                if unseen(&c, &self.seen) {
                    self.chained(
                        interp,
                        &c,
                        "The above exception was the direct cause of the following exception:\n",
                    );
                }
            } else if let Some(c) = context.filter(|_| !e.suppress_context.get()) {
                if unseen(&c, &self.seen) {
                    self.chained(
                        interp,
                        &c,
                        "During handling of the above exception, another exception occurred:\n",
                    );
                }
            }
        }
        match crate::exc_group::group_exceptions(interp, exc) {
            Some(excs) => self.group(interp, exc, &excs),
            None => self.exception(interp, exc),
        }
    }

    fn chained(&mut self, interp: &mut Interpreter, exc: &Value, message: &str) {
        let need_close = self.need_close;
        self.recursive(interp, exc);
        self.need_close = need_close;
        let margin = self.margin();
        self.out
            .push_str(&format!("{margin}\n{margin}{message}{margin}\n"));
    }

    /// The traceback and the `Type: message` line of one exception.
    fn exception(&mut self, interp: &mut Interpreter, exc: &Value) {
        let margin = self.margin();
        if let Some(Object::Exception(e)) = exc.as_object() {
            let mut tb = e.traceback.borrow().clone();
            // The entries are innermost first.
            match self.limit {
                Some(n) if n >= 0 => {
                    tb.drain(..tb.len().saturating_sub(n as usize));
                }
                Some(n) => tb.truncate(n.unsigned_abs() as usize),
                None => {}
            }
            if !tb.is_empty() {
                let group = crate::exc_group::is_group(interp, exc);
                let header_margin = if group && self.group_depth == 1 {
                    format!("{}+ ", self.indent())
                } else {
                    margin.clone()
                };
                let header = if group {
                    "Exception Group Traceback (most recent call last):"
                } else {
                    "Traceback (most recent call last):"
                };
                self.out.push_str(&format!("{header_margin}{header}\n"));
                format_traceback(&tb, &margin, &mut self.files, &mut self.out);
            }
        }
        let location = syntax_error_location(interp, exc, &margin);
        self.out.push_str(&location);
        self.out.push_str(&margin);
        self.out.push_str(&exception_line(interp, exc));
        self.out.push('\n');
        self.notes(interp, exc);
    }

    /// The lines of `__notes__` under the message (print_exception_notes).
    fn notes(&mut self, interp: &mut Interpreter, exc: &Value) {
        let Some(notes) = crate::builtins::errors::exception_attr(interp, exc, "__notes__") else {
            return;
        };
        let margin = self.margin();
        let items = match notes.as_object() {
            Some(Object::List(l)) => l.borrow().clone(),
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => {
                let r = crate::format::repr(interp, &notes)
                    .unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
                self.out.push_str(&format!("{margin}{r}"));
                return;
            }
        };
        for note in &items {
            match crate::format::str_of(interp, note) {
                Ok(text) => {
                    for line in split_lines_keepends(&text) {
                        self.out.push_str(&margin);
                        self.out.push_str(line);
                    }
                }
                Err(_) => self.out.push_str("<note str() failed>"),
            }
            self.out.push('\n');
        }
    }

    /// A group, then each of its sub-exceptions in a numbered box
    /// (print_exception_group).
    fn group(&mut self, interp: &mut Interpreter, exc: &Value, excs: &[Value]) {
        if self.group_depth > MAX_GROUP_DEPTH {
            let margin = self.margin();
            self.out.push_str(&format!(
                "{margin}... (max_group_depth is {MAX_GROUP_DEPTH})\n"
            ));
            return;
        }
        if self.group_depth == 0 {
            self.group_depth += 1;
        }
        self.exception(interp, exc);
        let n = excs.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for (i, sub) in excs.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                // The closing frame may be added in a recursive call.
                self.need_close = true;
            }
            let first = if i == 0 { "+-" } else { "  " };
            let truncated = i >= MAX_GROUP_WIDTH;
            let label = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let indent = self.indent();
            self.out.push_str(&format!(
                "{indent}{first}+---------------- {label} ----------------\n"
            ));
            self.group_depth += 1;
            if truncated {
                let more = excs.len() - MAX_GROUP_WIDTH;
                let margin = self.margin();
                let s = if more > 1 { "s" } else { "" };
                self.out
                    .push_str(&format!("{margin}and {more} more exception{s}\n"));
            } else {
                self.recursive(interp, sub);
            }
            if last && self.need_close {
                let indent = self.indent();
                self.out
                    .push_str(&format!("{indent}+------------------------------------\n"));
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if self.group_depth == 1 {
            self.group_depth -= 1;
        }
    }
}

/// `str.splitlines(keepends=True)`.
fn split_lines_keepends(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\r' if chars.peek().map(|&(_, n)| n) == Some('\n') => {
                chars.next();
                i + 2
            }
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}'
            | '\u{2029}' => i + c.len_utf8(),
            _ => continue,
        };
        lines.push(&text[start..end]);
        start = end;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// The `File` lines (with source and caret lines) of traceback entries
/// given innermost first, as `traceback.format_tb` lists them.
pub fn format_frames(tb: &[(Rc<Code>, usize)]) -> String {
    let mut out = String::new();
    format_traceback(tb, "", &mut SourceCache::default(), &mut out);
    out
}

/// The `File` lines of a traceback, outermost first (the entries are stored
/// innermost first), with repeated frames collapsed (tb_printinternal);
/// `margin` starts every line but the repeat notes.
fn format_traceback(
    tb: &[(Rc<Code>, usize)],
    margin: &str,
    files: &mut SourceCache,
    out: &mut String,
) {
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
            format_frame(code, line, pos, margin, files, out);
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
    margin: &str,
    files: &mut SourceCache,
    out: &mut String,
) {
    let filename = &code.co.filename;
    out.push_str(&format!(
        "{margin}  File \"{filename}\", line {}, in {}\n",
        line.unwrap_or(-1),
        code.co.name
    ));
    let Some(text) = line.and_then(|l| files.line(filename, l)) else {
        return;
    };
    let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
    out.push_str(margin);
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    if let Some(carets) = pos.and_then(|p| caret_line(&text, p)) {
        out.push_str(margin);
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

/// Line `lineno` (1-based) of the source file `filename`, if readable.
pub fn source_line(filename: &str, lineno: i64) -> Option<String> {
    SourceCache::default().line(filename, lineno)
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

/// The `File "...", line N` line, source text and carets that CPython
/// prints above a SyntaxError's message (print_exception_file_and_line
/// and print_error_text in Python/pythonrun.c); empty for other
/// exceptions and for SyntaxErrors without an int `lineno`.
pub fn syntax_error_location(interp: &mut Interpreter, exc: &Value, margin: &str) -> String {
    let Some(Object::Exception(e)) = exc.as_object() else {
        return String::new();
    };
    if !e.typ.is_subtype(&interp.types.exception("SyntaxError")) {
        return String::new();
    }
    let exact = &*e.typ.name == "SyntaxError" && !e.typ.is_class;
    let mut attr = |name: &str| crate::builtins::errors::exception_attr(interp, exc, name);
    let int = |v: &Option<Value>| match v {
        Some(Value::Int(i)) => Some(*i),
        Some(Value::Bool(b)) => Some(b.get() as i64),
        _ => None,
    };
    let Some(lineno) = int(&attr("lineno")) else {
        return String::new();
    };
    let filename = match attr("filename") {
        Some(v) if !v.is_none() => match v.as_object() {
            Some(Object::Str(s)) => s.as_str().to_string(),
            _ => return String::new(),
        },
        _ => "<string>".to_string(),
    };
    let offset = int(&attr("offset")).unwrap_or(-1);
    let (end_lineno, mut end_offset) = if exact {
        (
            int(&attr("end_lineno")).unwrap_or(lineno),
            int(&attr("end_offset")).unwrap_or(-1),
        )
    } else {
        (lineno, -1)
    };
    let text = match attr("text") {
        Some(v) => match v.as_object() {
            Some(Object::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        },
        None => None,
    };
    let mut out = format!("{margin}  File \"{filename}\", line {lineno}\n");
    let Some(text) = text else {
        return out;
    };
    let chars: Vec<char> = text.chars().collect();
    let size = chars.len() as i64;
    if end_lineno > lineno {
        end_offset = size;
    }
    if end_offset > size + 1 {
        end_offset = size + 1;
    }
    // print_error_text, on characters.
    let carets = if end_offset > 0 && end_offset > offset {
        (end_offset - offset) as usize
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut start = 0usize;
    while start < chars.len() && matches!(chars[start], ' ' | '\t' | '\x0c') {
        start += 1;
        offset -= 1;
    }
    let mut rest = &chars[start..];
    let mut len = rest.len() as i64;
    if rest.last() == Some(&'\n') {
        len -= 1;
    }
    offset = offset.min(len);
    while let Some(nl) = rest.iter().position(|&c| c == '\n') {
        if nl as i64 >= offset {
            break;
        }
        rest = &rest[nl + 1..];
        len -= nl as i64 + 1;
        offset -= nl as i64 + 1;
    }
    let line: String = rest.iter().collect();
    out.push_str("    ");
    out.push_str(&line);
    if rest.get(len.max(0) as usize) != Some(&'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return out;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(carets));
    out.push('\n');
    out
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
    let qualname = typ.qualname.borrow().to_string();
    match d.get_str("__module__").and_then(|m| m.as_object()) {
        Some(Object::Str(m)) if matches!(m.as_str(), "builtins" | "__main__") => qualname,
        Some(Object::Str(m)) => format!("{}.{qualname}", m.as_str()),
        _ => format!("<unknown>.{qualname}"),
    }
}

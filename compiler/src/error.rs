//! Compile errors, reported as CPython reports them.

use std::fmt;

/// The Python exception type a compile error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// e.g. "too many statically nested blocks"
    SystemError,
    /// "maximum recursion depth exceeded during compilation" (too deeply
    /// nested code); CPython prints it without a location.
    RecursionError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::SystemError => "SystemError",
            ErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// A compile-time error with CPython's position conventions: 1-based line,
/// 1-based column `offset` (as in `SyntaxError.offset`), optional end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: i32,
    pub offset: i32,
    pub end_lineno: i32,
    pub end_offset: i32,
}

impl CompileError {
    /// An error at 0-based column `col` of `lineno` (a CPython AST position).
    pub fn syntax(msg: impl Into<String>, filename: &str, lineno: i32, col: i32) -> Self {
        CompileError {
            kind: ErrorKind::SyntaxError,
            msg: msg.into(),
            filename: filename.to_string(),
            lineno,
            offset: col + 1,
            end_lineno: lineno,
            end_offset: col + 1,
        }
    }

    /// The text CPython prints for an uncaught SyntaxError: the location
    /// line, the source line, the caret line, and `SyntaxError: msg`.
    pub fn render(&self, source: &str) -> String {
        if self.kind == ErrorKind::RecursionError {
            return format!("{}: {}\n", self.kind.name(), self.msg);
        }
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        if let Some(line) = source.lines().nth((self.lineno - 1).max(0) as usize) {
            let trimmed = line.trim_start_matches([' ', '\t', '\x0c']);
            let indent = line.len() - trimmed.len();
            let text = trimmed.trim_end();
            if !text.is_empty() {
                out.push_str("    ");
                out.push_str(text);
                out.push('\n');
                // Caret columns are character positions in the stripped line;
                // an offset inside the stripped indentation (`unexpected
                // indent`) gets no caret, as in print_error_text.
                if self.offset - 1 - (indent as i32) < 0 && self.offset > 0 {
                    out.push_str(&format!("{}: {}\n", self.kind.name(), self.msg));
                    return out;
                }
                let start = (self.offset - 1 - indent as i32).max(0) as usize;
                let start_chars = text.char_indices().take_while(|(i, _)| *i < start).count();
                let end = if self.end_lineno == self.lineno && self.end_offset > self.offset {
                    (self.end_offset - 1 - indent as i32).max(start as i32 + 1) as usize
                } else {
                    start + 1
                };
                let end_chars = text.char_indices().take_while(|(i, _)| *i < end).count();
                let width = end_chars.saturating_sub(start_chars).max(1);
                out.push_str("    ");
                out.push_str(&" ".repeat(start_chars));
                out.push_str(&"^".repeat(width));
                out.push('\n');
            }
        }
        out.push_str(&format!("{}: {}\n", self.kind.name(), self.msg));
        out
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.kind.name(),
            self.msg,
            self.filename,
            self.lineno
        )
    }
}

impl std::error::Error for CompileError {}

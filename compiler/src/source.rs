//! Mapping parser byte offsets to CPython's (line, column) positions.
//!
//! rustpython-parser gives each node a byte range; CPython reports 1-based
//! lines and 0-based columns counted in UTF-8 bytes from the line start.

use rustpython_parser::text_size::{TextRange, TextSize};

/// Line starts of one source text, for offset → (line, column) lookups.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<u32>,
    /// The line of the last lookup: code generation asks about nearby
    /// offsets over and over, so most lookups hit it or the next line.
    last: std::cell::Cell<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0u32];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            last: std::cell::Cell::new(0),
        }
    }

    /// (1-based line, 0-based byte column) of a byte offset.
    pub fn position(&self, offset: TextSize) -> (i32, i32) {
        let off = u32::from(offset);
        let in_line = |i: usize| {
            self.starts[i] <= off && self.starts.get(i + 1).is_none_or(|&next| off < next)
        };
        let last = self.last.get();
        let line = if in_line(last) {
            last
        } else if last + 1 < self.starts.len() && in_line(last + 1) {
            last + 1
        } else {
            match self.starts.binary_search(&off) {
                Ok(i) => i,
                Err(i) => i - 1,
            }
        };
        self.last.set(line);
        (line as i32 + 1, (off - self.starts[line]) as i32)
    }

    /// (lineno, col_offset, end_lineno, end_col_offset) of a range.
    pub fn span(&self, range: TextRange) -> (i32, i32, i32, i32) {
        let (l, c) = self.position(range.start());
        let (el, ec) = self.position(range.end());
        (l, c, el, ec)
    }

    /// Byte offset where 1-based `line` starts (None past the end).
    pub fn line_start(&self, line: i32) -> Option<u32> {
        self.starts.get((line - 1).max(0) as usize).copied()
    }
}

/// CPython's tokenizer limit on bracket nesting (MAXLEVEL).
pub const MAX_PAREN_LEVEL: usize = 200;

/// CPython's tokenizer limit on indentation levels (MAXINDENT): a block
/// may be nested 99 deep.
pub const MAX_INDENT: usize = 100;

/// The message of CPython's IndentationError for indentation past
/// [`MAX_INDENT`].
pub const TOO_DEEP_INDENT: &str = "too many levels of indentation";

/// An error CPython's tokenizer reports, found by `scan_tokenizer_errors`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenError {
    /// Byte offset the error points at.
    pub offset: usize,
    pub msg: String,
}

/// The errors CPython's tokenizer reports about brackets, strings and
/// indentation, in source order: too deep nesting of brackets or blocks,
/// an unmatched or mismatched closing bracket, an unterminated string.
/// `unclosed` is the innermost bracket still open at the end of the text
/// (for "'(' was never closed"). Strings and comments are skipped when
/// matching brackets.
pub fn scan_tokenizer_errors(
    src: &str,
    lines: &LineIndex,
) -> (Option<TokenError>, Option<TokenError>) {
    let b = src.as_bytes();
    let mut i = 0;
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let err = |offset: usize, msg: String| (Some(TokenError { offset, msg }), None);
    // The columns of the open blocks' indentation, as CPython's tokenizer
    // keeps them (tabs to multiples of 8); the first line of a logical
    // line outside brackets is measured against them.
    let mut indents: Vec<usize> = vec![0];
    let mut line_start = true;
    let mut continued = false;
    while i < b.len() {
        if std::mem::take(&mut line_start) && !std::mem::take(&mut continued) && stack.is_empty() {
            let (col, end) = indentation(b, i);
            let blank = matches!(b.get(end), None | Some(b'#' | b'\n' | b'\r'));
            if !blank && col > *indents.last().unwrap_or(&0) {
                if indents.len() >= MAX_INDENT {
                    return err(i, TOO_DEEP_INDENT.into());
                }
                indents.push(col);
            } else if !blank {
                while indents.len() > 1 && col < *indents.last().unwrap_or(&0) {
                    indents.pop();
                }
            }
        }
        match b[i] {
            b'\n' => line_start = true,
            b'\r' if b.get(i + 1) != Some(&b'\n') => line_start = true,
            b'\\' if matches!(b.get(i + 1), Some(b'\n' | b'\r')) => continued = true,
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            c @ (b'(' | b'[' | b'{') => {
                if stack.len() >= MAX_PAREN_LEVEL {
                    return err(i, "too many nested parentheses".into());
                }
                stack.push((c, i));
            }
            c @ (b')' | b']' | b'}') => {
                let Some((open, at)) = stack.pop() else {
                    return err(i, format!("unmatched '{}'", c as char));
                };
                let expected = match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if c != expected {
                    let (open_line, _) = lines.position((at as u32).into());
                    let (close_line, _) = lines.position((i as u32).into());
                    let msg = if open_line != close_line {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {open_line}",
                            c as char, open as char
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        )
                    };
                    return err(i, msg);
                }
            }
            q @ (b'\'' | b'"') => {
                // The string starts at its prefix letters, if any.
                let mut start = i;
                while start > 0 && b[start - 1].is_ascii_alphabetic() {
                    start -= 1;
                }
                let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
                i += if triple { 3 } else { 1 };
                let mut closed = false;
                while i < b.len() {
                    match b[i] {
                        b'\\' => {
                            i += 2;
                            continue;
                        }
                        c if c == q => {
                            if !triple {
                                closed = true;
                                break;
                            }
                            if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                                i += 2;
                                closed = true;
                                break;
                            }
                        }
                        b'\n' | b'\r' if !triple => break,
                        _ => {}
                    }
                    i += 1;
                }
                if !closed {
                    let at = i.min(b.len());
                    let (line, _) =
                        lines.position((at.saturating_sub(usize::from(triple)) as u32).into());
                    let kind = if triple {
                        "triple-quoted string literal"
                    } else {
                        "string literal"
                    };
                    return err(
                        start,
                        format!("unterminated {kind} (detected at line {line})"),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    let unclosed = stack.last().map(|&(c, at)| TokenError {
        offset: at,
        msg: format!("'{}' was never closed", c as char),
    });
    (None, unclosed)
}

/// The column a line's indentation reaches (CPython's tokenizer: a tab
/// to the next multiple of 8, a form feed back to 0) and where it ends.
fn indentation(b: &[u8], start: usize) -> (usize, usize) {
    let (mut col, mut i) = (0, start);
    loop {
        match b.get(i) {
            Some(b' ') => col += 1,
            Some(b'\t') => col = (col / 8 + 1) * 8,
            Some(b'\x0c') => col = 0,
            _ => return (col, i),
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(src: &str) -> (Option<TokenError>, Option<TokenError>) {
        scan_tokenizer_errors(src, &LineIndex::new(src))
    }

    #[test]
    fn bracket_and_string_errors() {
        let deep = format!("x = {}{}", "(".repeat(201), ")".repeat(201));
        assert_eq!(scan(&deep).0.map(|e| e.offset), Some(204));
        let ok = format!("x = {}{}", "(".repeat(200), ")".repeat(200));
        assert_eq!(scan(&ok), (None, None));
        let hidden = format!(
            "s = '{}'  # {}\nt = \"\"\"{}\"\"\"",
            "(".repeat(300),
            "[".repeat(300),
            "{".repeat(300)
        );
        assert_eq!(scan(&hidden), (None, None));
        assert_eq!(
            scan("x = 1)\n").0.map(|e| e.msg),
            Some("unmatched ')'".into())
        );
        assert_eq!(scan("x = (1,\ny = 2\n").1.map(|e| e.offset), Some(4));
        assert_eq!(
            scan("x = \"abc\n").0.map(|e| (e.offset, e.msg)),
            Some((4, "unterminated string literal (detected at line 1)".into()))
        );
    }

    #[test]
    fn indentation_levels() {
        let blocks = |n: usize| -> String { (0..n).map(|i| " ".repeat(i) + "if 1:\n").collect() };
        let ok = blocks(99) + &" ".repeat(99) + "x = 1\n";
        assert_eq!(scan(&ok), (None, None));
        let deep = blocks(101);
        let line_101 = deep.match_indices('\n').nth(99).map(|(at, _)| at + 1);
        assert_eq!(
            scan(&deep).0.map(|e| (Some(e.offset), e.msg)),
            Some((line_101, TOO_DEEP_INDENT.to_string()))
        );
        // Lines inside brackets are not indentation.
        let listed = format!(
            "x = [\n{}]\n",
            (0..150).map(|i| " ".repeat(i) + "1,\n").collect::<String>()
        );
        assert_eq!(scan(&listed), (None, None));
    }
}

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

/// The byte offset of the first opening bracket nested deeper than
/// `MAX_PAREN_LEVEL`, where CPython's tokenizer reports "too many nested
/// parentheses". Strings and comments are skipped. Checking this before
/// parsing also keeps absurdly deep input away from the parser.
pub fn find_paren_overflow(src: &str) -> Option<usize> {
    let b = src.as_bytes();
    // Fast path: too few brackets in the whole text to nest that deep.
    let opening = b.iter().filter(|&&c| matches!(c, b'(' | b'[' | b'{')).count();
    if opening <= MAX_PAREN_LEVEL {
        return None;
    }
    let mut i = 0;
    let mut level = 0usize;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                if level >= MAX_PAREN_LEVEL {
                    return Some(i);
                }
                level += 1;
            }
            b')' | b']' | b'}' => level = level.saturating_sub(1),
            q @ (b'\'' | b'"') => {
                // A string: find its prefix (for raw-ness) and its end.
                let mut p = i;
                while p > 0 && b[p - 1].is_ascii_alphabetic() {
                    p -= 1;
                }
                let raw = b[p..i].iter().any(|c| *c == b'r' || *c == b'R');
                let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' && !raw {
                        i += 2;
                        continue;
                    }
                    if b[i] == b'\\' && raw {
                        // In raw strings a backslash still protects a quote.
                        i += 2;
                        continue;
                    }
                    if b[i] == q {
                        if !triple {
                            break;
                        }
                        if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                            i += 2;
                            break;
                        }
                    } else if !triple && (b[i] == b'\n' || b[i] == b'\r') {
                        break;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paren_overflow_skips_strings_and_comments() {
        let deep = format!("x = {}{}", "(".repeat(201), ")".repeat(201));
        assert_eq!(find_paren_overflow(&deep), Some(204));
        let ok = format!("x = {}{}", "(".repeat(200), ")".repeat(200));
        assert_eq!(find_paren_overflow(&ok), None);
        let hidden = format!("s = '{}'  # {}\nt = \"\"\"{}\"\"\"", "(".repeat(300), "[".repeat(300), "{".repeat(300));
        assert_eq!(find_paren_overflow(&hidden), None);
    }
}

//! Mapping parser byte offsets to CPython's (line, column) positions.
//!
//! rustpython-parser gives each node a byte range; CPython reports 1-based
//! lines and 0-based columns counted in UTF-8 bytes from the line start.

use rustpython_parser::text_size::{TextRange, TextSize};

/// Line starts of one source text, for offset → (line, column) lookups.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<u32>,
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
        LineIndex { starts }
    }

    /// (1-based line, 0-based byte column) of a byte offset.
    pub fn position(&self, offset: TextSize) -> (i32, i32) {
        let off = u32::from(offset);
        let line = match self.starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
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

//! Deterministic mutations of Python source, for the compiler fuzz test.
//!
//! Mutant `i` of a corpus depends only on `(seed, i)`, so a failing input
//! can be reproduced from the number printed in the report.

/// SplitMix64: tiny, fast, and good enough to drive mutations.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Snippets inserted at random places: brackets, operators, keywords,
/// quotes and whitespace that stress the parser's and compiler's error paths.
const INSERTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    "=",
    "*",
    "**",
    ".",
    ";",
    "@",
    "->",
    ":=",
    "\n",
    "\t",
    "    ",
    " ",
    "\"",
    "'",
    "#",
    "\\",
    "\\\n",
    "lambda",
    "yield",
    "await",
    "return",
    "break",
    "continue",
    "async ",
    "del ",
    "global x",
    "nonlocal x",
    "f'{",
    "}'",
    "0",
    "1e",
    "0x",
    "_",
    "not",
    "is",
    "in",
    "else",
    "...",
    "*a",
    "**k",
    "/",
    "<<",
    "!=",
];

/// Split source into tokens whose concatenation is the source: runs of
/// identifier characters, runs of whitespace, and single other characters.
pub fn tokens(src: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = src.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let class = |c: char| {
            if c.is_alphanumeric() || c == '_' {
                0
            } else if c == ' ' || c == '\t' {
                1
            } else {
                2
            }
        };
        let k = class(c);
        let mut end = i + c.len_utf8();
        if k != 2 {
            while let Some(&(j, d)) = chars.peek() {
                if class(d) != k {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
        }
        debug_assert_eq!(start, i);
        out.push(&src[i..end]);
        start = end;
    }
    out
}

/// A random char boundary of `s` (0 ..= len).
fn boundary(s: &str, rng: &mut Rng) -> usize {
    let mut at = rng.below(s.len() + 1);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate_lines(src: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = src.split('\n').map(str::to_string).collect();
    let n = lines.len();
    let i = rng.below(n);
    match rng.below(6) {
        0 => {
            lines.remove(i);
        }
        1 => {
            let l = lines[i].clone();
            lines.insert(i, l);
        }
        2 => {
            let j = rng.below(n);
            lines.swap(i, j);
        }
        // Indentation changes: deeper, shallower, or a tab.
        3 => lines[i].insert_str(0, rng.pick(&["    ", " ", "\t", "        "])),
        4 => {
            let trimmed = lines[i].trim_start().to_string();
            lines[i] = trimmed;
        }
        _ => {
            if let Some(rest) = lines[i].strip_prefix("    ") {
                lines[i] = rest.to_string();
            }
        }
    }
    lines.join("\n")
}

fn mutate_tokens(src: &str, rng: &mut Rng) -> String {
    let mut toks = tokens(src);
    if toks.is_empty() {
        return src.to_string();
    }
    let n = toks.len();
    let i = rng.below(n);
    match rng.below(3) {
        0 => {
            toks.remove(i);
        }
        1 => {
            let t = toks[i];
            toks.insert(i, t);
        }
        _ => {
            let j = rng.below(n);
            toks.swap(i, j);
        }
    }
    toks.concat()
}

/// Apply one random mutation.
pub fn mutate_once(src: &str, rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => src[..boundary(src, rng)].to_string(),
        1..=3 => mutate_lines(src, rng),
        4..=6 => mutate_tokens(src, rng),
        _ => {
            let at = boundary(src, rng);
            let mut s = src.to_string();
            s.insert_str(at, rng.pick(INSERTS));
            s
        }
    }
}

/// Mutant number `index` of `sources`: a source chosen by index, then one to
/// three mutations driven by a generator seeded from `(seed, index)`.
pub fn mutant(sources: &[String], seed: u64, index: u64) -> (usize, String) {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0x2545_F491_4F6C_DD1D));
    let which = (index as usize) % sources.len();
    let mut s = sources[which].clone();
    for _ in 0..=rng.below(3) {
        s = mutate_once(&s, &mut rng);
    }
    (which, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip() {
        let src = "def f(a, b=2):\n\treturn a ** b  # café\n";
        assert_eq!(tokens(src).concat(), src);
        assert!(tokens(src).contains(&"return"));
    }

    #[test]
    fn mutants_are_deterministic_and_differ() {
        let sources = vec![
            "x = [1, 2]\nprint(x)\n".to_string(),
            "é = 'ü'\n".to_string(),
        ];
        let a: Vec<_> = (0..50).map(|i| mutant(&sources, 7, i)).collect();
        let b: Vec<_> = (0..50).map(|i| mutant(&sources, 7, i)).collect();
        assert_eq!(a, b);
        assert!(a.iter().any(|(w, s)| *s != sources[*w]));
    }
}

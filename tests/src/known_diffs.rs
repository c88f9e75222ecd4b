//! `tests/cases/KNOWN_DIFFS.txt`: cases whose compiled output may still
//! differ from CPython's.
//!
//! Format: one case id (`group/name`) per line; `#` starts a comment (whole
//! line or after the id); blank lines are ignored. The corpus test fails if
//! an unlisted case differs, if a listed case now matches (remove it!), and
//! if a listed id names no case, so the list can only shrink honestly.

use std::collections::BTreeSet;
use std::path::PathBuf;

pub fn path() -> PathBuf {
    super::corpus::cases_dir().join("KNOWN_DIFFS.txt")
}

/// The listed case ids. A missing file means an empty list.
pub fn load() -> BTreeSet<String> {
    load_from(&path())
}

/// The ids listed in another list file of the same format.
pub fn load_from(path: &std::path::Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    parse(&text)
}

pub fn parse(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Rewrite the file to list exactly `ids`, keeping its leading comment block.
pub fn rewrite(ids: &BTreeSet<String>) -> std::io::Result<()> {
    rewrite_to(&path(), ids)
}

/// `rewrite` for another list file of the same format.
pub fn rewrite_to(path: &std::path::Path, ids: &BTreeSet<String>) -> std::io::Result<()> {
    let old = std::fs::read_to_string(path).unwrap_or_default();
    let mut out: String = old
        .lines()
        .take_while(|l| l.trim_start().starts_with('#') || l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    if out.trim().is_empty() {
        out = HEADER.to_string();
    }
    for id in ids {
        out.push_str(id);
        out.push('\n');
    }
    std::fs::write(path, out)
}

const HEADER: &str = "\
# Corpus cases whose compiled output (dis text or code_info) still differs
# from CPython 3.11's. One `group/name` per line. The corpus test fails when
# an unlisted case differs and when a listed case matches (remove it then).
# Regenerate: PYRITE_UPDATE_KNOWN_DIFFS=1 cargo test -p pyrite-tests --test corpus

";

#[cfg(test)]
mod tests {
    #[test]
    fn parses_ids_and_comments() {
        let ids = super::parse("# header\n\nloops/for_else  # jump layout\n  a/b\n");
        assert_eq!(
            ids.into_iter().collect::<Vec<_>>(),
            vec!["a/b".to_string(), "loops/for_else".to_string()]
        );
    }
}

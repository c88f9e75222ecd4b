//! Shared helpers for pyrite's integration tests and the fidelity report.
//!
//! * [`corpus`]: the Python programs under `tests/cases/`.
//! * [`snapshots`]: reading CPython's expectations under `snapshots/`
//!   (written only by `scripts/expectations.py`).
//! * [`known_diffs`]: the checked-in list of cases allowed to differ.
//! * [`ours`]: our compiler's dis / code_info text, in the same layout.
//! * [`mutate`]: the deterministic source mutator used by the fuzz test.
//! * [`record`]: the per-code-object record compared by the fidelity report.

use std::path::{Path, PathBuf};

use pyrite_compiler::CodeObject;

pub mod known_diffs;
pub mod mutate;
pub mod record;

/// The repository root (the workspace directory).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Replace every `at 0x<hex digits>` by `at 0xADDR`, as
/// `scripts/expectations.py` does, so object addresses never matter.
pub fn normalize_addresses(text: &str) -> String {
    const PAT: &str = "at 0x";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(PAT) {
        let after = &rest[pos + PAT.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_hexdigit).count();
        out.push_str(&rest[..pos + PAT.len()]);
        if digits > 0 {
            out.push_str("ADDR");
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// The code objects of a module, depth-first in `co_consts` order
/// (pre-order): the layout both `code_info_all` and the fidelity report use.
pub fn code_objects_depth_first(code: &CodeObject) -> Vec<&CodeObject> {
    let mut out = Vec::new();
    fn walk<'a>(code: &'a CodeObject, out: &mut Vec<&'a CodeObject>) {
        out.push(code);
        for c in &code.consts {
            if let pyrite_compiler::Constant::Code(inner) = c {
                walk(inner, out);
            }
        }
    }
    walk(code, &mut out);
    out
}

/// The Python case corpus under `tests/cases/`.
pub mod corpus {
    use std::path::PathBuf;

    /// One program of the corpus, `tests/cases/<group>/<name>.py`.
    #[derive(Clone, Debug)]
    pub struct Case {
        pub group: String,
        pub name: String,
        pub path: PathBuf,
    }

    impl Case {
        /// `group/name`: how KNOWN_DIFFS.txt and messages name a case.
        pub fn id(&self) -> String {
            format!("{}/{}", self.group, self.name)
        }
        /// The repository-relative path, also the filename compiled into
        /// the code objects (that is what `python3 -m dis` was given).
        pub fn rel_path(&self) -> String {
            format!("tests/cases/{}/{}.py", self.group, self.name)
        }
        /// The insta snapshot name: `group__name`.
        pub fn snapshot_name(&self) -> String {
            format!("{}__{}", self.group, self.name)
        }
        pub fn source(&self) -> String {
            std::fs::read_to_string(&self.path)
                .unwrap_or_else(|e| panic!("reading {}: {e}", self.path.display()))
        }
    }

    pub fn cases_dir() -> PathBuf {
        super::repo_root().join("tests/cases")
    }

    /// Every case, sorted by id.
    pub fn all() -> Vec<Case> {
        let mut cases = Vec::new();
        let groups = std::fs::read_dir(cases_dir()).expect("tests/cases exists");
        for group in groups.flatten() {
            if !group.path().is_dir() {
                continue;
            }
            let group_name = group.file_name().to_string_lossy().into_owned();
            for file in std::fs::read_dir(group.path()).expect("readable").flatten() {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "py") {
                    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
                    cases.push(Case {
                        group: group_name.clone(),
                        name,
                        path,
                    });
                }
            }
        }
        cases.sort_by_key(Case::id);
        cases
    }
}

/// CPython's expectations under `snapshots/`.
pub mod snapshots {
    use std::path::PathBuf;

    pub fn dir() -> PathBuf {
        super::repo_root().join("snapshots")
    }

    /// The body of an insta `.snap` file: everything after the YAML header
    /// (the second `---` line), trailing whitespace trimmed as insta does.
    pub fn read_body(path: &std::path::Path) -> Result<String, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut lines = text.split_inclusive('\n');
        if lines.next().map(str::trim_end) != Some("---") {
            return Err(format!("{}: no insta header", path.display()));
        }
        let mut offset = 4;
        for line in lines.by_ref() {
            offset += line.len();
            if line.trim_end() == "---" {
                return Ok(text[offset..].trim_end().to_string());
            }
        }
        Err(format!("{}: unterminated insta header", path.display()))
    }

    /// The CPython run record (`snapshots/run/*.txt`) of a case.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct RunRecord {
        pub exit_status: i32,
        pub stderr_last_line: String,
        pub stdout: Vec<u8>,
    }

    pub fn read_run(path: &std::path::Path) -> Result<RunRecord, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let bad = || format!("{}: malformed run record", path.display());
        let marker = b"\nstdout:\n";
        let split = bytes
            .windows(marker.len())
            .position(|w| w == marker)
            .ok_or_else(bad)?;
        let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
        let stdout = bytes[split + marker.len()..].to_vec();
        let mut exit_status = None;
        let mut stderr_last_line = None;
        for line in head.lines() {
            if let Some(v) = line.strip_prefix("exit_status: ") {
                exit_status = v.trim().parse().ok();
            } else if let Some(v) = line.strip_prefix("stderr_last_line:") {
                stderr_last_line = Some(v.strip_prefix(' ').unwrap_or(v).to_string());
            }
        }
        Ok(RunRecord {
            exit_status: exit_status.ok_or_else(bad)?,
            stderr_last_line: stderr_last_line.ok_or_else(bad)?,
            stdout,
        })
    }
}

/// Our compiler's output in the snapshot layouts.
pub mod ours {
    use pyrite_compiler::CodeObject;

    /// True once `pyrite_compiler::dis::{dis_module, code_info_all}` exist
    /// (detected by build.rs).
    pub const HAVE_DIS: bool = cfg!(pyrite_dis);

    /// `python3 -m dis` text of our code object, addresses normalised.
    pub fn dis_text(code: &CodeObject) -> Option<String> {
        #[cfg(pyrite_dis)]
        {
            Some(super::normalize_addresses(
                &pyrite_compiler::dis::dis_module(code),
            ))
        }
        #[cfg(not(pyrite_dis))]
        {
            let _ = code;
            None
        }
    }

    /// The code_info layout (docs/code_info_format.md), addresses normalised.
    pub fn code_info_text(code: &CodeObject) -> Option<String> {
        #[cfg(pyrite_dis)]
        {
            Some(super::normalize_addresses(
                &pyrite_compiler::dis::code_info_all(code),
            ))
        }
        #[cfg(not(pyrite_dis))]
        {
            let _ = code;
            None
        }
    }
}

/// The text of a panic payload, for reports.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic payload>".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_normalised() {
        assert_eq!(
            normalize_addresses("<code object f at 0x7f00AbC, file \"x\"> at 0x"),
            "<code object f at 0xADDR, file \"x\"> at 0x"
        );
        assert_eq!(normalize_addresses("no address"), "no address");
    }

    #[test]
    fn snapshot_body_skips_header() {
        let dir = std::env::temp_dir().join(format!("pyrite-snap-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("x.snap");
        std::fs::write(&p, "---\nsource: a\n---\n  0 RESUME\n\nend\n\n").unwrap();
        assert_eq!(snapshots::read_body(&p).unwrap(), "  0 RESUME\n\nend");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

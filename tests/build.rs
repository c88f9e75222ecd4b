//! Detects whether the compiler's disassembler (`pyrite_compiler::dis`)
//! already provides `dis_module` and `code_info_all`.
//!
//! The disassembler is written in parallel with these tests. Until both
//! functions exist, the corpus test reports every case as "no disassembler"
//! instead of failing to build; once they land, `cfg(pyrite_dis)` switches
//! the real comparison on without anyone editing this crate.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(pyrite_dis)");
    let dis = Path::new(env!("CARGO_MANIFEST_DIR")).join("../compiler/src/dis.rs");
    println!("cargo::rerun-if-changed={}", dis.display());
    let text = std::fs::read_to_string(&dis).unwrap_or_default();
    if text.contains("pub fn dis_module(") && text.contains("pub fn code_info_all(") {
        println!("cargo::rustc-cfg=pyrite_dis");
    }
}

//! Link the `pyrite` executable as a position-dependent (non-PIE) binary,
//! as Debian links its `python3.11`: a PIE's thousands of relative
//! relocations are applied at every start, copying the pages they touch,
//! which was a sixth of the page faults (and the larger part of the time)
//! of running `print('hi')`.
fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.contains("linux-gnu") {
        println!("cargo:rustc-link-arg-bin=pyrite=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

//! Fuzz the compiler with mutated corpus programs: every input must either
//! compile or return a `CompileError`, never panic.
//!
//! The mutants are deterministic (`pyrite_tests::mutate`): mutant `i` is
//! reproducible from its number. Environment knobs:
//! * `PYRITE_FUZZ_ITERATIONS` (default 10000): how many mutants;
//! * `PYRITE_FUZZ_SEED` (default fixed): a different family of mutants;
//! * `PYRITE_FUZZ_ONLY=i`: run only mutant `i` (to debug a report);
//! * `PYRITE_FUZZ_VERBOSE=1`: print each mutant number before compiling it
//!   (useful if a stack overflow aborts the process before it can report).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use pyrite_tests::{corpus, mutate, panic_message};

const DEFAULT_SEED: u64 = 0x5079_7269_7465; // "Pyrite"

fn env_u64(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    Some(
        v.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a number")),
    )
}

/// Compile `source`; `Err(message)` if the compiler panicked.
fn compile_without_panic(source: &str) -> Result<bool, String> {
    catch_unwind(AssertUnwindSafe(|| {
        pyrite_compiler::compile(source, "<fuzz>").is_ok()
    }))
    .map_err(|p| panic_message(&*p))
}

fn run() {
    let cases = corpus::all();
    let sources: Vec<String> = cases.iter().map(|c| c.source()).collect();
    let seed = env_u64("PYRITE_FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let iterations = env_u64("PYRITE_FUZZ_ITERATIONS").unwrap_or(10_000);
    let verbose = std::env::var_os("PYRITE_FUZZ_VERBOSE").is_some();
    let range = match env_u64("PYRITE_FUZZ_ONLY") {
        Some(i) => i..i + 1,
        None => 0..iterations,
    };

    // Panics are caught and reported below; keep the default hook from
    // printing thousands of backtraces meanwhile.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));

    let start = Instant::now();
    let (mut compiled, mut rejected) = (0u64, 0u64);
    let mut panics = Vec::new();
    // The unmutated corpus first: it must not panic either.
    for (case, source) in cases.iter().zip(&sources) {
        if let Err(msg) = compile_without_panic(source) {
            panics.push(format!("corpus case {} panicked: {msg}", case.id()));
        }
    }
    for i in range {
        let (which, mutant) = mutate::mutant(&sources, seed, i);
        if verbose {
            eprintln!("mutant {i} of {}", cases[which].id());
        }
        match compile_without_panic(&mutant) {
            Ok(true) => compiled += 1,
            Ok(false) => rejected += 1,
            Err(msg) => {
                if panics.len() < 20 {
                    panics.push(format!(
                        "mutant {i} (of {}, seed {seed}) panicked: {msg}\n\
                         --- input ---\n{mutant}\n--- end of input ---",
                        cases[which].id()
                    ));
                } else {
                    panics.push(format!("mutant {i} panicked: {msg}"));
                }
            }
        }
    }
    std::panic::set_hook(default_hook);

    println!(
        "{} mutants in {:.1?}: {compiled} compiled, {rejected} rejected with CompileError, {} panicked",
        compiled + rejected + panics.len() as u64,
        start.elapsed(),
        panics.len()
    );
    assert!(
        panics.is_empty(),
        "the compiler panicked on {} input(s) (reproduce one with PYRITE_FUZZ_ONLY=<i>):\n{}",
        panics.len(),
        panics.join("\n\n")
    );
}

#[test]
fn mutated_corpus_never_panics() {
    // A big stack: deep but legal nesting must be rejected or compiled by
    // the compiler's own limits, not by overflowing the test thread.
    std::thread::Builder::new()
        .name("fuzz".into())
        .stack_size(256 << 20)
        .spawn(run)
        .expect("spawn fuzz thread")
        .join()
        .unwrap_or_else(|p| std::panic::resume_unwind(p));
}

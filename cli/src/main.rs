//! `pyrite`: the command line over the compiler (and, later, the VM).
//!
//! - `pyrite dis FILE.py` prints what `python3 -m dis FILE.py` prints, for
//!   our compiler's code object; `FILE.pyc` disassembles CPython's.
//! - `pyrite dis --info FILE` prints `dis.code_info()` of every code object.
//! - `pyrite dis --compare FILE` diffs CPython's listing against ours.
//! - `pyrite compile FILE.py -o OUT.pyc` writes a CPython 3.11 `.pyc`.
//! - `pyrite run FILE.py [ARGS...]` runs a program, as `python3 FILE.py`.
//! - `pyrite -c CODE [ARGS...]` runs CODE, as `python3 -c CODE`.

// The C `main` below is the entry point: see its comment.
#![cfg_attr(not(test), no_main)]
// Unit tests get the test harness's entry point, so the command line
// itself is unused there.
#![cfg_attr(test, allow(dead_code))]

mod diff;

// Small objects come from per-thread free lists (see small_alloc.rs).
#[global_allocator]
static ALLOCATOR: pyrite_runtime::small_alloc::SmallAlloc = pyrite_runtime::small_alloc::SmallAlloc;

use std::path::{Path, PathBuf};
use std::process::Command;

use clap::{Parser, Subcommand};
use pyrite_compiler::{dis, marshal, CodeObject};

#[derive(Parser)]
#[command(name = "pyrite", version, about = "A Python 3.11 compiler and VM")]
#[command(args_conflicts_with_subcommands = true, arg_required_else_help = true)]
struct Cli {
    /// Run CODE as the main program, like `python3 -c CODE` (sys.argv[0]
    /// is "-c").
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// Arguments for the program run by -c.
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        requires = "code",
        value_name = "ARGS"
    )]
    args: Vec<String>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Disassemble a source file (compiled by pyrite) or a CPython .pyc,
    /// exactly as `python3 -m dis` prints it.
    Dis {
        /// A Python source file, or a .pyc file.
        file: PathBuf,
        /// Print dis.code_info() for every code object instead.
        #[arg(long, conflicts_with = "compare")]
        info: bool,
        /// Diff CPython 3.11's listing (python3 on PATH) against ours;
        /// exit 0 if identical, 1 if not.
        #[arg(long)]
        compare: bool,
    },
    /// Compile a source file to a CPython 3.11 .pyc file.
    Compile {
        file: PathBuf,
        /// Where to write the .pyc (default: where py_compile writes it,
        /// `__pycache__/NAME.cpython-311.pyc` next to the source).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Run a program, as `python3 FILE.py [ARGS...]` does.
    Run {
        file: PathBuf,
        /// Arguments for the program.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

/// Why a command failed: the message is already on stderr when printed,
/// and the code is the exit status.
struct Failure(u8);

/// The process entry point, in place of std's runtime start-up: that
/// reads /proc/self/maps to place a stack guard for the main thread, which
/// was a tenth of `print('hi')`'s instructions, and the main thread here
/// only starts the interpreter's thread (std still finds the arguments on
/// glibc, through its own init hook).
#[cfg(not(test))]
#[no_mangle]
extern "C" fn main(
    _argc: std::ffi::c_int,
    _argv: *const *const std::ffi::c_char,
) -> std::ffi::c_int {
    // What std's start-up would have done: a write to a closed pipe is an
    // EPIPE error (BrokenPipeError), not a signal that kills the process,
    // as in CPython.
    // SAFETY: setting a signal's disposition to "ignore" at start-up,
    // before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
    // The interpreter runs on a second thread (see `with_big_stack`); glibc
    // would give that thread its own malloc arena, which it grows a page at
    // a time with a system call each. One arena (the main one, grown by
    // brk in large steps) serves a single-threaded interpreter as well.
    // SAFETY: a malloc tuning call, made before any other thread exists.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
    let status = cli_main();
    end_process(status.into())
}

/// Flush the output and end the process with `status`, or with SIGINT
/// when a KeyboardInterrupt ended the program (as CPython does). Called by
/// the interpreter's thread itself once the program is done: that skips
/// joining it and unmapping its 1 GiB stack (whose release alone was a
/// tenth of `print('hi')`'s system time); the kernel frees it all at once.
fn end_process(status: i32) -> ! {
    // std's runtime flushed stdout at exit; without it, flush here.
    let _ = std::io::Write::flush(&mut std::io::stdout());
    if pyrite_runtime::interp::DIE_OF_SIGINT.load(std::sync::atomic::Ordering::Relaxed) {
        // SAFETY: restoring SIGINT's default action and raising it, as the
        // last act of the process.
        unsafe {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::raise(libc::SIGINT);
        }
    }
    std::process::exit(status & 0xff)
}

/// Run the command line; returns the exit status.
fn cli_main() -> u8 {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        let code = cli.code.unwrap_or_default();
        let mut argv = vec!["-c".to_string()];
        argv.extend(cli.args);
        let status = pyrite_runtime::with_big_stack(move || {
            end_process(pyrite_runtime::run_source(&code, "<string>", argv))
        });
        return (status & 0xff) as u8;
    };
    let result = match command {
        Cmd::Dis {
            file,
            info,
            compare,
        } => cmd_dis(&file, info, compare),
        Cmd::Compile { file, output } => {
            let output = output.unwrap_or_else(|| default_pyc_path(&file));
            cmd_compile(&file, &output)
        }
        Cmd::Run { file, args } => cmd_run(&file, args),
    };
    match result {
        Ok(code) | Err(Failure(code)) => code,
    }
}

/// `pyrite run FILE [ARGS...]`: like `python3 FILE ARGS...`, on a thread
/// with room for deep Rust-to-Python call nesting.
fn cmd_run(path: &Path, args: Vec<String>) -> Result<u8, Failure> {
    let path = path.to_path_buf();
    let status = pyrite_runtime::with_big_stack(move || match run_file(&path, args) {
        Ok(code) | Err(Failure(code)) => end_process(code.into()),
    });
    Ok((status & 0xff) as u8)
}

fn run_file(path: &Path, args: Vec<String>) -> Result<u8, Failure> {
    let bytes = read_file(path)?;
    // python3 reports the script by its absolute path.
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let filename = abs.to_string_lossy().into_owned();
    let mut argv = vec![display_name(path)];
    argv.extend(args);
    if is_pyc(path, &bytes) {
        let (_, code) = marshal::read_pyc(&bytes).map_err(|e| {
            eprintln!("pyrite: {}: {e}", display_name(path));
            Failure(1)
        })?;
        let status = pyrite_runtime::run_program(code, argv);
        return Ok((status & 0xff) as u8);
    }
    let source = decode_source(&filename, &bytes)?;
    let status = pyrite_runtime::run_source(&source, &filename, argv);
    Ok((status & 0xff) as u8)
}

/// The file name as the user gave it: that is what python3 puts in
/// `co_filename` for `python3 -m dis FILE`.
fn display_name(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Read a file, or report it like python3: one line on stderr, exit 2.
fn read_file(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| {
        eprintln!(
            "pyrite: can't open file '{}': {}",
            display_name(path),
            errno_text(&e)
        );
        Failure(2)
    })
}

/// `[Errno N] strerror` as Python's OSError prints it.
fn errno_text(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => {
            let text = e.to_string();
            // Rust appends " (os error N)" to the C library's message.
            let msg = text
                .strip_suffix(&format!(" (os error {code})"))
                .unwrap_or(&text);
            format!("[Errno {code}] {msg}")
        }
        None => e.to_string(),
    }
}

fn is_pyc(path: &Path, bytes: &[u8]) -> bool {
    bytes.starts_with(&marshal::PYC_MAGIC) || path.extension().is_some_and(|e| e == "pyc")
}

/// Compile a source file with pyrite's compiler; errors go to stderr.
fn compile_source(path: &Path, bytes: &[u8]) -> Result<CodeObject, Failure> {
    let filename = display_name(path);
    let source = decode_source(&filename, bytes)?;
    pyrite_compiler::compile(&source, &filename).map_err(|e| {
        eprint!("{}", e.render(&source));
        Failure(1)
    })
}

/// Source bytes to text: UTF-8 (PEP 3120), an optional BOM dropped. Other
/// encodings declared by a coding cookie are not supported yet.
fn decode_source(filename: &str, bytes: &[u8]) -> Result<String, Failure> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            eprintln!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                bytes[at], filename, line
            );
            Err(Failure(1))
        }
    }
}

/// The code object for FILE: compiled by us, or loaded from a .pyc.
fn load_code(path: &Path) -> Result<CodeObject, Failure> {
    let bytes = read_file(path)?;
    if is_pyc(path, &bytes) {
        marshal::read_pyc(&bytes)
            .map(|(_, code)| code)
            .map_err(|e| {
                eprintln!("pyrite: {}: {e}", display_name(path));
                Failure(1)
            })
    } else {
        compile_source(path, &bytes)
    }
}

fn cmd_dis(path: &Path, info: bool, compare: bool) -> Result<u8, Failure> {
    if compare {
        // Check python3 before compiling, so a missing python3 is reported
        // even while our compiler cannot handle the file.
        check_python311()?;
    }
    let code = load_code(path)?;
    if info {
        print!("{}", dis::code_info_all(&code));
        return Ok(0);
    }
    let ours = dis::dis_module(&code);
    if !compare {
        print!("{ours}");
        return Ok(0);
    }
    let theirs = cpython_dis(path)?;
    let diff = diff::unified_diff(
        &dis::normalize_addresses(&theirs),
        &dis::normalize_addresses(&ours),
        "python3 -m dis",
        "pyrite dis",
    );
    if diff.is_empty() {
        Ok(0)
    } else {
        print!("{diff}");
        Ok(1)
    }
}

/// Refuse to compare against anything but CPython 3.11.
fn check_python311() -> Result<(), Failure> {
    let version = Command::new("python3")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    match version {
        Ok(v) if v.starts_with("Python 3.11.") => Ok(()),
        Ok(v) => {
            eprintln!(
                "pyrite dis --compare: needs CPython 3.11 as python3, found {}",
                if v.is_empty() {
                    "an unknown version"
                } else {
                    &v
                }
            );
            Err(Failure(2))
        }
        Err(e) => {
            eprintln!("pyrite dis --compare: cannot run python3: {e}");
            Err(Failure(2))
        }
    }
}

/// CPython's listing of FILE: `python3 -m dis FILE`, or for a .pyc the same
/// `dis.dis()` of its code object. Hash randomisation is off so that
/// frozensets of strs print in a reproducible order.
fn cpython_dis(path: &Path) -> Result<String, Failure> {
    let bytes = read_file(path)?;
    let mut cmd = Command::new("python3");
    if is_pyc(path, &bytes) {
        cmd.args([
            "-c",
            "import dis, marshal, sys\n\
             data = open(sys.argv[1], 'rb').read()\n\
             dis.dis(marshal.loads(data[16:]))",
        ]);
    } else {
        cmd.args(["-m", "dis"]);
    }
    let output = cmd
        .arg(path)
        .env("PYTHONHASHSEED", "0")
        .output()
        .map_err(|e| {
            eprintln!("pyrite dis --compare: cannot run python3: {e}");
            Failure(2)
        })?;
    if !output.status.success() {
        eprintln!("pyrite dis --compare: python3 failed:");
        eprint!("{}", String::from_utf8_lossy(&output.stderr));
        return Err(Failure(1));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// `__pycache__/NAME.cpython-311.pyc` beside the source, as py_compile.
fn default_pyc_path(source: &Path) -> PathBuf {
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = source.parent().unwrap_or(Path::new(""));
    dir.join("__pycache__")
        .join(format!("{stem}.cpython-311.pyc"))
}

fn cmd_compile(path: &Path, output: &Path) -> Result<u8, Failure> {
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    let bytes = read_file(path)?;
    let code = compile_source(path, &bytes)?;
    // A timestamp .pyc records the source's mtime and size, both truncated
    // to 32 bits as importlib does.
    let mtime = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as u32);
    let pyc = marshal::write_pyc(&code, mtime, bytes.len() as u32);
    std::fs::write(output, pyc).map_err(|e| {
        eprintln!(
            "pyrite: can't write file '{}': {}",
            display_name(output),
            errno_text(&e)
        );
        Failure(1)
    })?;
    Ok(0)
}

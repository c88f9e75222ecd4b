//! Checking a code object once, when it is loaded, so that the evaluation
//! loop can trust it.
//!
//! The loop pushes and pops its value stack without bounds checks (a
//! checked push is a call on the hot path, and the spills around it cost
//! more than the push). That is sound because of three facts:
//!
//! 1. Every frame starts with enough capacity reserved for its deepest
//!    stack ([`max_stack_depth`], plus [`STACK_SLACK`]): `eval` reserves it
//!    whenever it starts or resumes a frame.
//! 2. At every instruction boundary the frame's stack holds at least its
//!    locals: the depth this pass computes from the opcodes' stack effects
//!    never goes below zero, on any path, including exception handlers.
//! 3. Within one instruction, the pops can run ahead of the net effect by
//!    at most the number of values the instruction then pushes (a handful);
//!    [`STACK_GUARD`] values that nothing ever pops sit at the bottom of
//!    the stack, so even a malformed code object that underflows its own
//!    frame never pops an empty stack.
//!
//! The same pass lets the loop fetch instructions and read constants,
//! names and local slots without bounds checks: every path ends in a
//! return, raise or jump (none runs off the end), jump and handler targets
//! are instructions, and every argument indexes inside its table.
//!
//! Code made by our compiler (or CPython's) always passes; a corrupt .pyc
//! is refused with a [`BadCode`] error instead of running.

use pyrite_compiler::opcode::Op;

use crate::code::{BadCode, Handler, Inst};

/// Values at the bottom of the interpreter's stack that no frame owns.
pub const STACK_GUARD: usize = 8;

/// Room reserved above a frame's computed maximum depth.
pub const STACK_SLACK: usize = 8;

/// No frame may need more stack than this (a sanity limit for corrupt
/// input; real code needs a few dozen values).
const DEPTH_LIMIT: i64 = 1 << 24;

/// How many constants, names and localsplus slots a code object has: the
/// bounds of its instructions' arguments.
pub struct Tables {
    pub consts: usize,
    pub names: usize,
    pub localsplus: usize,
}

/// The deepest the value stack of a frame running `insts` can get (above
/// its localsplus slots). Fails if an argument indexes past its table,
/// some path pops below the frame's locals (or COPY/SWAP reach below
/// them), reaches an instruction with two different depths, or runs off
/// the end of the code.
pub fn max_stack_depth(
    insts: &[Inst],
    handlers: &[Handler],
    tables: &Tables,
) -> Result<usize, BadCode> {
    for inst in insts {
        check_argument(inst, tables)?;
    }
    let mut depth_at: Vec<i64> = vec![-1; insts.len()];
    let mut work: Vec<(usize, i64)> = vec![(0, 0)];
    for h in handlers {
        // The handler starts with the stack cut to its depth, plus the
        // instruction offset (if it asks for it) and the exception.
        work.push((h.target, h.depth as i64 + i64::from(h.lasti) + 1));
    }
    let mut max = 0i64;
    while let Some((start, depth)) = work.pop() {
        let (mut i, mut depth) = (start, depth);
        loop {
            let Some(inst) = insts.get(i) else {
                return Err(BadCode("execution runs past the end of the code".into()));
            };
            match depth_at[i] {
                -1 => depth_at[i] = depth,
                seen if seen == depth => break,
                seen => {
                    return Err(BadCode(format!(
                        "stack depth {seen} and {depth} at instruction {i} ({})",
                        inst.op.name()
                    )))
                }
            }
            // Every depth reached is recorded here, when its instruction
            // is first visited (a revisit must match it).
            max = max.max(depth);
            let op = inst.op;
            if matches!(op, Op::COPY | Op::SWAP) && (inst.arg == 0 || i64::from(inst.arg) > depth) {
                return Err(BadCode(format!(
                    "{} {} at stack depth {depth} (instruction {i})",
                    op.name(),
                    inst.arg
                )));
            }
            if op.has_target() {
                let taken = depth + i64::from(op.stack_effect(inst.arg, true));
                check_depth(taken, i, op)?;
                work.push((inst.arg as usize, taken));
                if op.is_unconditional_jump() {
                    break;
                }
            }
            if op.is_scope_exit() {
                break;
            }
            depth += effect(op, inst.arg);
            check_depth(depth, i, op)?;
            i += 1;
        }
    }
    Ok(max as usize)
}

/// The fall-through stack effect of `op` in the quickened array, which
/// differs from the compiler's table in two places:
/// - CALL takes over the effect of the PRECALL before it, which
///   quickening drops (`quicken::is_elided`; the other dropped opcodes
///   have no effect);
/// - RETURN_GENERATOR is followed by the value the generator's first
///   resumption pushes (the compiler counts its depth before inserting
///   RETURN_GENERATOR and the POP_TOP that drops that value).
fn effect(op: Op, arg: u32) -> i64 {
    let own = i64::from(op.stack_effect(arg, false));
    match op {
        Op::CALL => own + i64::from(Op::PRECALL.stack_effect(arg, false)),
        Op::RETURN_GENERATOR => own + 1,
        _ => own,
    }
}

fn check_depth(depth: i64, i: usize, op: Op) -> Result<(), BadCode> {
    if depth < 0 {
        return Err(BadCode(format!(
            "stack underflow at instruction {i} ({})",
            op.name()
        )));
    }
    if depth > DEPTH_LIMIT {
        return Err(BadCode("stack too deep".into()));
    }
    Ok(())
}

/// An instruction's argument against the table it indexes (the loop
/// indexes constants, names and local slots without checking).
fn check_argument(inst: &Inst, tables: &Tables) -> Result<(), BadCode> {
    use pyrite_compiler::opcode::ArgKind;
    let arg = inst.arg as usize;
    let (index, len, what) = match inst.op.info().arg {
        ArgKind::Const => (arg, tables.consts, "constant"),
        // LOAD_GLOBAL's low bit says whether to push a NULL.
        ArgKind::Name if inst.op == Op::LOAD_GLOBAL => (arg >> 1, tables.names, "name"),
        ArgKind::Name => (arg, tables.names, "name"),
        ArgKind::Local | ArgKind::Free => (arg, tables.localsplus, "local slot"),
        ArgKind::Compare => (arg, pyrite_compiler::opcode::CMP_OP.len(), "comparison"),
        // COPY_FREE_VARS fills the last `arg` slots.
        _ if inst.op == Op::COPY_FREE_VARS && arg > tables.localsplus => {
            (arg, tables.localsplus, "count of local slots")
        }
        _ => return Ok(()),
    };
    if index >= len {
        return Err(BadCode(format!(
            "{} refers to {what} {index} of {len}",
            inst.op.name()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use pyrite_compiler::opcode::Op;

    use crate::code::Code;

    /// `source` compiled, with `patch` applied to its co_code.
    fn quicken(source: &str, patch: impl FnOnce(&mut Vec<u8>)) -> Result<Rc<Code>, String> {
        let mut co = pyrite_compiler::compile(source, "<test>").expect("compiles");
        let mut bytes = co.code.clone();
        patch(&mut bytes);
        co.code = bytes;
        Code::new(Rc::new(co)).map_err(|e| e.0)
    }

    #[test]
    fn compiled_code_passes_with_its_depth() {
        let code = quicken("x = [a, (b, c), {d: e}]", |_| {}).expect("valid");
        // a, b, c (before BUILD_TUPLE), then d and e over a and the tuple.
        assert_eq!(code.max_depth, 4);
    }

    #[test]
    fn underflow_is_refused() {
        // `x = 1` begins RESUME, LOAD_CONST: make the load a POP_TOP.
        let err = quicken("x = 1", |b| b[2] = Op::POP_TOP.number() as u8)
            .map(|_| ())
            .unwrap_err();
        assert!(err.starts_with("stack underflow"), "{err}");
    }

    #[test]
    fn an_argument_past_its_table_is_refused() {
        // RESUME 0; LOAD_CONST 0 -> LOAD_CONST 9 (there are two constants).
        let err = quicken("x = 1", |b| b[3] = 9).map(|_| ()).unwrap_err();
        assert!(err.contains("constant 9 of 2"), "{err}");
    }

    #[test]
    fn copy_below_the_frame_is_refused() {
        // RESUME 0; LOAD_CONST 0 -> COPY 2 with an empty stack.
        let err = quicken("x = 1", |b| {
            b[2] = Op::COPY.number() as u8;
            b[3] = 2;
        })
        .map(|_| ())
        .unwrap_err();
        assert!(err.starts_with("COPY 2 at stack depth 0"), "{err}");
    }

    #[test]
    fn running_off_the_end_is_refused() {
        // Drop the final RETURN_VALUE.
        let err = quicken("x = 1", |b| {
            b.truncate(b.len() - 2);
        })
        .map(|_| ())
        .unwrap_err();
        assert!(err.contains("past the end"), "{err}");
    }

    #[test]
    fn a_missing_local_slot_is_refused() {
        let err = quicken("def f(a):\n    return a\n", |_| {}).map(|code| {
            // The function's code is a constant of the module.
            let f = code
                .consts
                .iter()
                .find_map(|c| match c.as_object() {
                    Some(crate::object::Object::Code(c)) => Some(c.co.clone()),
                    _ => None,
                })
                .expect("function code");
            let mut co = (*f).clone();
            let mut bytes = co.code.clone();
            // RESUME 0; LOAD_FAST 0 -> LOAD_FAST 7.
            bytes[3] = 7;
            co.code = bytes;
            Code::new(Rc::new(co)).map(|_| ()).unwrap_err().0
        });
        let err = err.expect("module quickens");
        assert!(err.contains("local slot 7"), "{err}");
    }
}

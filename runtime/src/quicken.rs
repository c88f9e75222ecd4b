//! Quickening: rewriting a code object's instruction array (built from
//! `co_code` by `code.rs`) into a faster form for the evaluation loop.
//!
//! Every dispatch costs an indirect jump, which the CPU often mispredicts,
//! so the cheapest instruction is one that is never dispatched:
//!
//! - instructions with nothing to do at run time (NOP, PRECALL, and RESUME
//!   outside generators, where nothing inspects it) are left out of the
//!   array by `code.rs`; their offsets map to the next instruction;
//! - common pairs become one superinstruction (below), as CPython 3.11's
//!   own quickening does.
//!
//! A superinstruction replaces the first instruction of its pair and skips
//! the second, which stays in place: a jump into it still finds it, and
//! when the second half would raise (an unbound local) the superinstruction
//! does only the first half and lets the plain instruction run next, so
//! the error is reported at the right instruction.

use pyrite_compiler::opcode::Op;

use crate::code::Inst;

/// The superinstruction for `first` followed by `second`, if there is one.
fn fused(first: Op, second: Op) -> Option<Op> {
    Some(match (first, second) {
        (Op::LOAD_FAST, Op::LOAD_FAST) => Op::LOAD_FAST__LOAD_FAST,
        (Op::LOAD_FAST, Op::LOAD_CONST) => Op::LOAD_FAST__LOAD_CONST,
        (Op::STORE_FAST, Op::LOAD_FAST) => Op::STORE_FAST__LOAD_FAST,
        (Op::LOAD_FAST, Op::LOAD_ATTR) => Op::LOAD_FAST__LOAD_ATTR,
        (Op::LOAD_FAST, Op::LOAD_METHOD) => Op::LOAD_FAST__LOAD_METHOD,
        (
            Op::COMPARE_OP,
            Op::POP_JUMP_FORWARD_IF_FALSE
            | Op::POP_JUMP_FORWARD_IF_TRUE
            | Op::POP_JUMP_BACKWARD_IF_FALSE
            | Op::POP_JUMP_BACKWARD_IF_TRUE,
        ) => Op::COMPARE_AND_BRANCH,
        _ => return None,
    })
}

/// Rewrite instruction pairs into superinstructions. Only the original
/// opcodes decide (the second of a pair may itself start another pair).
pub fn fuse(insts: &mut [Inst]) {
    let original: Vec<Op> = insts.iter().map(|i| i.op).collect();
    for (inst, pair) in insts.iter_mut().zip(original.windows(2)) {
        if let Some(op) = fused(pair[0], pair[1]) {
            inst.op = op;
        }
    }
}

/// Is `op` an instruction the evaluation loop never needs to see in code
/// with these flags? (RESUME marks where a generator was suspended, which
/// `generator.rs` reads, so generator-like code keeps it.)
pub fn is_elided(op: Op, co_flags: u32) -> bool {
    use pyrite_compiler::code::flags;
    let generator_like = co_flags
        & (flags::GENERATOR
            | flags::COROUTINE
            | flags::ASYNC_GENERATOR
            | flags::ITERABLE_COROUTINE)
        != 0;
    match op {
        Op::NOP | Op::PRECALL => true,
        Op::RESUME => !generator_like,
        _ => false,
    }
}

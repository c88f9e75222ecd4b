//! The CPython 3.11 opcode table, defined once.
//!
//! Every opcode appears in exactly one row of the `opcodes!` invocation below,
//! with its number, the inline CACHE entries that follow it in `co_code`, how
//! its argument is interpreted, and its stack effect. The compiler, the
//! assembler, the disassembler and the runtime all read this table.
//!
//! Pseudo-instructions (SETUP_FINALLY, JUMP, POP_JUMP_IF_FALSE, ...) live in
//! the same table with numbers above 255: the code generator emits them and
//! the assembler rewrites them into real opcodes before bytes are written.
//!
//! `tests/opcode_table.rs` checks every row against the running `python3`
//! (`opcode.opmap`, `opcode._inline_cache_entries`, `dis.stack_effect`).

/// What an instruction's argument means; decides how `dis` renders it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No argument (opcode < HAVE_ARGUMENT); the oparg byte is ignored.
    None,
    /// Index into `co_consts`.
    Const,
    /// Index into `co_names`.
    Name,
    /// Index into the fast locals (`co_varnames`).
    Local,
    /// Index into cells and free variables (localsplus).
    Free,
    /// Index into `dis.cmp_op`.
    Compare,
    /// Relative jump distance, in code units, measured from after the caches.
    Jump,
    /// Some other integer.
    Int,
}

/// The direction of a jump, for real jump opcodes and pseudo jumps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JumpKind {
    NotAJump,
    /// A real relative jump forward from the next instruction.
    Forward,
    /// A real relative jump backward from the next instruction.
    Backward,
    /// A pseudo jump whose direction the assembler picks.
    Virtual,
    /// A pseudo instruction that pushes an exception handler (its target).
    BlockPush,
}

/// One row of the table.
#[derive(Debug)]
pub struct OpInfo {
    pub name: &'static str,
    /// CPython's number; pseudo-instructions use 256 and up.
    pub number: u16,
    pub caches: u8,
    pub arg: ArgKind,
    pub jump: JumpKind,
    /// `stack_effect(oparg, jump)`, as compile.c's `stack_effect` computes it.
    pub effect: fn(u32, bool) -> i32,
}

/// Opcodes at or above this take an argument.
pub const HAVE_ARGUMENT: u16 = 90;

/// The first runtime superinstruction. CPython 3.11's highest opcode is
/// 176, so the numbers from here to 255 are free; keeping the
/// superinstructions below 256 lets the evaluation loop's `match` compile
/// to one dense jump table.
pub const FIRST_SUPER: u16 = 177;

macro_rules! opcodes {
    ($( $name:ident = $num:literal, $caches:literal, $arg:ident, $jump:ident, |$oa:pat_param, $j:pat_param| $eff:expr; )*) => {
        /// An opcode, real or pseudo. The discriminant is CPython's number.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum Op { $($name = $num,)* }

        impl Op {
            /// Every opcode, real and pseudo, in table order.
            pub const ALL: &'static [Op] = &[$(Op::$name,)*];

            /// This opcode's row of the table.
            pub fn info(self) -> &'static OpInfo {
                match self {
                    $(Op::$name => {
                        static INFO: OpInfo = OpInfo {
                            name: stringify!($name),
                            number: $num,
                            caches: $caches,
                            arg: ArgKind::$arg,
                            jump: JumpKind::$jump,
                            effect: |$oa, $j| $eff,
                        };
                        &INFO
                    })*
                }
            }

            /// The real opcode with this number (`None` for unknown bytes).
            pub fn from_byte(byte: u8) -> Option<Op> {
                match byte as u16 {
                    $(n if n == $num && $num < FIRST_SUPER => Some(Op::$name),)*
                    _ => None,
                }
            }
        }
    };
}

// FORMAT_VALUE's flag for "a format spec is on the stack".
const FVS_HAVE_SPEC: u32 = 0x4;

opcodes! {
    CACHE = 0, 0, None, NotAJump, |_, _| 0;
    POP_TOP = 1, 0, None, NotAJump, |_, _| -1;
    PUSH_NULL = 2, 0, None, NotAJump, |_, _| 1;
    NOP = 9, 0, None, NotAJump, |_, _| 0;
    UNARY_POSITIVE = 10, 0, None, NotAJump, |_, _| 0;
    UNARY_NEGATIVE = 11, 0, None, NotAJump, |_, _| 0;
    UNARY_NOT = 12, 0, None, NotAJump, |_, _| 0;
    UNARY_INVERT = 15, 0, None, NotAJump, |_, _| 0;
    BINARY_SUBSCR = 25, 4, None, NotAJump, |_, _| -1;
    GET_LEN = 30, 0, None, NotAJump, |_, _| 1;
    MATCH_MAPPING = 31, 0, None, NotAJump, |_, _| 1;
    MATCH_SEQUENCE = 32, 0, None, NotAJump, |_, _| 1;
    MATCH_KEYS = 33, 0, None, NotAJump, |_, _| 1;
    PUSH_EXC_INFO = 35, 0, None, NotAJump, |_, _| 1;
    CHECK_EXC_MATCH = 36, 0, None, NotAJump, |_, _| 0;
    CHECK_EG_MATCH = 37, 0, None, NotAJump, |_, _| 0;
    WITH_EXCEPT_START = 49, 0, None, NotAJump, |_, _| 1;
    GET_AITER = 50, 0, None, NotAJump, |_, _| 0;
    GET_ANEXT = 51, 0, None, NotAJump, |_, _| 1;
    BEFORE_ASYNC_WITH = 52, 0, None, NotAJump, |_, _| 1;
    BEFORE_WITH = 53, 0, None, NotAJump, |_, _| 1;
    END_ASYNC_FOR = 54, 0, None, NotAJump, |_, _| -2;
    STORE_SUBSCR = 60, 1, None, NotAJump, |_, _| -3;
    DELETE_SUBSCR = 61, 0, None, NotAJump, |_, _| -2;
    GET_ITER = 68, 0, None, NotAJump, |_, _| 0;
    GET_YIELD_FROM_ITER = 69, 0, None, NotAJump, |_, _| 0;
    PRINT_EXPR = 70, 0, None, NotAJump, |_, _| -1;
    LOAD_BUILD_CLASS = 71, 0, None, NotAJump, |_, _| 1;
    LOAD_ASSERTION_ERROR = 74, 0, None, NotAJump, |_, _| 1;
    RETURN_GENERATOR = 75, 0, None, NotAJump, |_, _| 0;
    LIST_TO_TUPLE = 82, 0, None, NotAJump, |_, _| 0;
    RETURN_VALUE = 83, 0, None, NotAJump, |_, _| -1;
    IMPORT_STAR = 84, 0, None, NotAJump, |_, _| -1;
    SETUP_ANNOTATIONS = 85, 0, None, NotAJump, |_, _| 0;
    YIELD_VALUE = 86, 0, None, NotAJump, |_, _| 0;
    ASYNC_GEN_WRAP = 87, 0, None, NotAJump, |_, _| 0;
    PREP_RERAISE_STAR = 88, 0, None, NotAJump, |_, _| -1;
    POP_EXCEPT = 89, 0, None, NotAJump, |_, _| -1;
    STORE_NAME = 90, 0, Name, NotAJump, |_, _| -1;
    DELETE_NAME = 91, 0, Name, NotAJump, |_, _| 0;
    UNPACK_SEQUENCE = 92, 1, Int, NotAJump, |n, _| n as i32 - 1;
    FOR_ITER = 93, 0, Jump, Forward, |_, j| if j { -1 } else { 1 };
    UNPACK_EX = 94, 0, Int, NotAJump, |n, _| (n & 0xFF) as i32 + (n >> 8) as i32;
    STORE_ATTR = 95, 4, Name, NotAJump, |_, _| -2;
    DELETE_ATTR = 96, 0, Name, NotAJump, |_, _| -1;
    STORE_GLOBAL = 97, 0, Name, NotAJump, |_, _| -1;
    DELETE_GLOBAL = 98, 0, Name, NotAJump, |_, _| 0;
    SWAP = 99, 0, Int, NotAJump, |_, _| 0;
    LOAD_CONST = 100, 0, Const, NotAJump, |_, _| 1;
    LOAD_NAME = 101, 0, Name, NotAJump, |_, _| 1;
    BUILD_TUPLE = 102, 0, Int, NotAJump, |n, _| 1 - n as i32;
    BUILD_LIST = 103, 0, Int, NotAJump, |n, _| 1 - n as i32;
    BUILD_SET = 104, 0, Int, NotAJump, |n, _| 1 - n as i32;
    BUILD_MAP = 105, 0, Int, NotAJump, |n, _| 1 - 2 * n as i32;
    LOAD_ATTR = 106, 4, Name, NotAJump, |_, _| 0;
    COMPARE_OP = 107, 2, Compare, NotAJump, |_, _| -1;
    IMPORT_NAME = 108, 0, Name, NotAJump, |_, _| -1;
    IMPORT_FROM = 109, 0, Name, NotAJump, |_, _| 1;
    JUMP_FORWARD = 110, 0, Jump, Forward, |_, _| 0;
    JUMP_IF_FALSE_OR_POP = 111, 0, Jump, Forward, |_, j| if j { 0 } else { -1 };
    JUMP_IF_TRUE_OR_POP = 112, 0, Jump, Forward, |_, j| if j { 0 } else { -1 };
    POP_JUMP_FORWARD_IF_FALSE = 114, 0, Jump, Forward, |_, _| -1;
    POP_JUMP_FORWARD_IF_TRUE = 115, 0, Jump, Forward, |_, _| -1;
    LOAD_GLOBAL = 116, 5, Name, NotAJump, |n, _| (n & 1) as i32 + 1;
    IS_OP = 117, 0, Int, NotAJump, |_, _| -1;
    CONTAINS_OP = 118, 0, Int, NotAJump, |_, _| -1;
    RERAISE = 119, 0, Int, NotAJump, |_, _| -1;
    COPY = 120, 0, Int, NotAJump, |_, _| 1;
    BINARY_OP = 122, 1, Int, NotAJump, |_, _| -1;
    SEND = 123, 0, Jump, Forward, |_, j| if j { -1 } else { 0 };
    LOAD_FAST = 124, 0, Local, NotAJump, |_, _| 1;
    STORE_FAST = 125, 0, Local, NotAJump, |_, _| -1;
    DELETE_FAST = 126, 0, Local, NotAJump, |_, _| 0;
    POP_JUMP_FORWARD_IF_NOT_NONE = 128, 0, Jump, Forward, |_, _| -1;
    POP_JUMP_FORWARD_IF_NONE = 129, 0, Jump, Forward, |_, _| -1;
    RAISE_VARARGS = 130, 0, Int, NotAJump, |n, _| -(n as i32);
    GET_AWAITABLE = 131, 0, Int, NotAJump, |_, _| 0;
    MAKE_FUNCTION = 132, 0, Int, NotAJump, |n, _| -((n & 0x0F).count_ones() as i32);
    BUILD_SLICE = 133, 0, Int, NotAJump, |n, _| if n == 3 { -2 } else { -1 };
    JUMP_BACKWARD_NO_INTERRUPT = 134, 0, Jump, Backward, |_, _| 0;
    MAKE_CELL = 135, 0, Free, NotAJump, |_, _| 0;
    LOAD_CLOSURE = 136, 0, Free, NotAJump, |_, _| 1;
    LOAD_DEREF = 137, 0, Free, NotAJump, |_, _| 1;
    STORE_DEREF = 138, 0, Free, NotAJump, |_, _| -1;
    DELETE_DEREF = 139, 0, Free, NotAJump, |_, _| 0;
    JUMP_BACKWARD = 140, 0, Jump, Backward, |_, _| 0;
    CALL_FUNCTION_EX = 142, 0, Int, NotAJump, |n, _| -2 - (n & 1) as i32;
    EXTENDED_ARG = 144, 0, Int, NotAJump, |_, _| 0;
    LIST_APPEND = 145, 0, Int, NotAJump, |_, _| -1;
    SET_ADD = 146, 0, Int, NotAJump, |_, _| -1;
    MAP_ADD = 147, 0, Int, NotAJump, |_, _| -2;
    LOAD_CLASSDEREF = 148, 0, Free, NotAJump, |_, _| 1;
    COPY_FREE_VARS = 149, 0, Int, NotAJump, |_, _| 0;
    RESUME = 151, 0, Int, NotAJump, |_, _| 0;
    MATCH_CLASS = 152, 0, Int, NotAJump, |_, _| -2;
    FORMAT_VALUE = 155, 0, Int, NotAJump, |n, _| if n & FVS_HAVE_SPEC != 0 { -1 } else { 0 };
    BUILD_CONST_KEY_MAP = 156, 0, Int, NotAJump, |n, _| -(n as i32);
    BUILD_STRING = 157, 0, Int, NotAJump, |n, _| 1 - n as i32;
    LOAD_METHOD = 160, 10, Name, NotAJump, |_, _| 1;
    LIST_EXTEND = 162, 0, Int, NotAJump, |_, _| -1;
    SET_UPDATE = 163, 0, Int, NotAJump, |_, _| -1;
    DICT_MERGE = 164, 0, Int, NotAJump, |_, _| -1;
    DICT_UPDATE = 165, 0, Int, NotAJump, |_, _| -1;
    PRECALL = 166, 1, Int, NotAJump, |n, _| -(n as i32);
    CALL = 171, 4, Int, NotAJump, |_, _| -1;
    KW_NAMES = 172, 0, Const, NotAJump, |_, _| 0;
    POP_JUMP_BACKWARD_IF_NOT_NONE = 173, 0, Jump, Backward, |_, _| -1;
    POP_JUMP_BACKWARD_IF_NONE = 174, 0, Jump, Backward, |_, _| -1;
    POP_JUMP_BACKWARD_IF_FALSE = 175, 0, Jump, Backward, |_, _| -1;
    POP_JUMP_BACKWARD_IF_TRUE = 176, 0, Jump, Backward, |_, _| -1;

    // Pseudo-instructions: emitted by codegen, rewritten by the assembler.
    // SETUP_*: 0 on the normal path; on the handler path the stack is cut back
    // to the depth at the SETUP and the exception (and for SETUP_CLEANUP the
    // saved lasti) is pushed.
    SETUP_FINALLY = 256, 0, Jump, BlockPush, |_, j| if j { 1 } else { 0 };
    SETUP_CLEANUP = 257, 0, Jump, BlockPush, |_, j| if j { 2 } else { 0 };
    SETUP_WITH = 258, 0, Jump, BlockPush, |_, j| if j { 1 } else { 0 };
    POP_BLOCK = 259, 0, None, NotAJump, |_, _| 0;
    JUMP = 260, 0, Jump, Virtual, |_, _| 0;
    JUMP_NO_INTERRUPT = 261, 0, Jump, Virtual, |_, _| 0;
    POP_JUMP_IF_FALSE = 262, 0, Jump, Virtual, |_, _| -1;
    POP_JUMP_IF_TRUE = 263, 0, Jump, Virtual, |_, _| -1;
    POP_JUMP_IF_NONE = 264, 0, Jump, Virtual, |_, _| -1;
    POP_JUMP_IF_NOT_NONE = 265, 0, Jump, Virtual, |_, _| -1;

    // Superinstructions: never in co_code. The runtime quickens an
    // instruction into one of these when the next instruction is its usual
    // partner, runs both in one dispatch and skips the partner, which stays
    // in place for jumps into it (`runtime/src/quicken.rs`). The first three
    // are CPython 3.11's own; the fourth is 3.12's COMPARE_AND_BRANCH (3.11
    // specialises it by type, COMPARE_OP_INT_JUMP and friends); the last two
    // read an attribute or method of a local (`self.x`, `self.m()`) without
    // pushing the local first.
    LOAD_FAST__LOAD_FAST = 177, 0, Local, NotAJump, |_, _| 2;
    LOAD_FAST__LOAD_CONST = 178, 0, Local, NotAJump, |_, _| 2;
    STORE_FAST__LOAD_FAST = 179, 0, Local, NotAJump, |_, _| 0;
    COMPARE_AND_BRANCH = 180, 0, Compare, NotAJump, |_, _| -2;
    LOAD_FAST__LOAD_ATTR = 181, 0, Local, NotAJump, |_, _| 1;
    LOAD_FAST__LOAD_METHOD = 182, 0, Local, NotAJump, |_, _| 2;
}

impl Op {
    pub fn name(self) -> &'static str {
        self.info().name
    }
    pub fn number(self) -> u16 {
        self.info().number
    }
    pub fn caches(self) -> usize {
        self.info().caches as usize
    }
    pub fn is_pseudo(self) -> bool {
        self.number() >= 256
    }
    /// A runtime superinstruction (see the table).
    pub fn is_super(self) -> bool {
        (FIRST_SUPER..256).contains(&self.number())
    }
    /// Real opcodes below HAVE_ARGUMENT ignore their oparg; pseudo ops other
    /// than POP_BLOCK carry a jump target.
    pub fn has_arg(self) -> bool {
        if self.is_pseudo() {
            self != Op::POP_BLOCK
        } else {
            self.number() >= HAVE_ARGUMENT
        }
    }
    /// True for every instruction that has a jump target (including
    /// the SETUP_* pseudo-instructions, whose target is a handler).
    pub fn has_target(self) -> bool {
        self.info().jump != JumpKind::NotAJump
    }
    /// A jump in the control-flow sense (SETUP_* excluded).
    pub fn is_jump(self) -> bool {
        matches!(
            self.info().jump,
            JumpKind::Forward | JumpKind::Backward | JumpKind::Virtual
        )
    }
    pub fn is_block_push(self) -> bool {
        self.info().jump == JumpKind::BlockPush
    }
    /// Unconditional jumps: control never falls through.
    pub fn is_unconditional_jump(self) -> bool {
        matches!(
            self,
            Op::JUMP
                | Op::JUMP_NO_INTERRUPT
                | Op::JUMP_FORWARD
                | Op::JUMP_BACKWARD
                | Op::JUMP_BACKWARD_NO_INTERRUPT
        )
    }
    /// Instructions after which control never falls through to the next one.
    pub fn is_scope_exit(self) -> bool {
        matches!(self, Op::RETURN_VALUE | Op::RAISE_VARARGS | Op::RERAISE)
    }
    /// The stack effect: `jump` selects the branch-taken effect.
    pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
        (self.info().effect)(oparg, jump)
    }
}

/// `dis.cmp_op`, the argument of COMPARE_OP.
pub const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// The argument of BINARY_OP: (oparg, symbol) as `dis` prints it.
pub const BINARY_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

/// Named BINARY_OP arguments (NB_* in CPython).
pub mod nb {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MATRIX_MULTIPLY: u32 = 4;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    /// Add this to get the in-place variant.
    pub const INPLACE: u32 = 13;
}

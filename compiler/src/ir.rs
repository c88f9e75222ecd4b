//! The compiler's intermediate form: a control-flow graph of basic blocks.
//!
//! Code generation (`codegen`) builds one `CodeUnit` per code object; the
//! optimiser (`flowgraph`) and the assembler (`assemble`) turn it into a
//! `CodeObject`. The shapes mirror CPython 3.11's `compile.c` (basicblock,
//! instr, compiler_unit) so its passes can be followed step by step.

use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use crate::code::Constant;
use crate::opcode::Op;

/// A source span: 1-based lines, 0-based UTF-8 byte columns, as in CPython.
/// `-1` everywhere means "no location" (CPython's NO_LOCATION); line numbers
/// are filled in later by `propagate_line_numbers`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Location {
    pub const NONE: Location = Location {
        lineno: -1,
        end_lineno: -1,
        col: -1,
        end_col: -1,
    };
}

/// Index of a block in `CodeUnit::blocks`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

impl BlockId {
    pub const NONE: BlockId = BlockId(u32::MAX);
    pub fn is_none(self) -> bool {
        self == BlockId::NONE
    }
    pub fn idx(self) -> usize {
        self.0 as usize
    }
}

#[derive(Clone, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    /// Jump target, or handler for SETUP_*; `BlockId::NONE` otherwise.
    pub target: BlockId,
    /// Exception handler in effect (filled by the assembler).
    pub except: BlockId,
    pub loc: Location,
}

impl Instr {
    pub fn new(op: Op, arg: u32, loc: Location) -> Instr {
        Instr {
            op,
            arg,
            target: BlockId::NONE,
            except: BlockId::NONE,
            loc,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    /// The block that follows this one in layout order (CPython's b_next).
    pub next: Option<BlockId>,
    /// Number of predecessors (computed by passes).
    pub predecessors: u32,
    /// Stack depth at entry, computed by `stackdepth` (-1 = unknown).
    pub start_depth: i32,
    /// Offset in code units, computed by the assembler.
    pub offset: u32,
    /// Handler that preserves lasti (SETUP_CLEANUP / SETUP_WITH target).
    pub preserve_lasti: bool,
    pub except_handler: bool,
    pub visited: bool,
    /// Ends with RETURN_VALUE / RAISE_VARARGS / RERAISE.
    pub exit: bool,
    /// True if codegen emitted a RETURN_VALUE in this block.
    pub returns: bool,
    pub nofallthrough: bool,
    pub cold: bool,
    pub warm: bool,
}

/// An insertion-ordered set of strings mapping each to its index,
/// like the dicts CPython's compiler_unit keeps for co_names etc.
#[derive(Clone, Debug, Default)]
pub struct NameSet {
    pub names: Vec<Rc<str>>,
    index: HashMap<Rc<str>, u32>,
}

impl NameSet {
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }
    /// The index of `name`, adding it at the end if absent.
    pub fn insert(&mut self, name: &str) -> u32 {
        if let Some(i) = self.index.get(name) {
            return *i;
        }
        let i = self.names.len() as u32;
        let rc: Rc<str> = Rc::from(name);
        self.names.push(rc.clone());
        self.index.insert(rc, i);
        i
    }
    pub fn len(&self) -> usize {
        self.names.len()
    }
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// Constants in order of first use, deduplicated by CPython's constant key.
#[derive(Clone, Debug, Default)]
pub struct ConstPool {
    pub values: Vec<Constant>,
    index: HashMap<Constant, u32>,
}

impl ConstPool {
    pub fn insert(&mut self, c: Constant) -> u32 {
        if let Some(i) = self.index.get(&c) {
            return *i;
        }
        let i = self.values.len() as u32;
        self.values.push(c.clone());
        self.index.insert(c, i);
        i
    }
    pub fn len(&self) -> usize {
        self.values.len()
    }
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// Everything codegen knows about one code object when it hands it to the
/// assembler: CPython's `compiler_unit` minus the codegen-only state.
#[derive(Clone, Debug)]
pub struct CodeUnit {
    /// Blocks in allocation order; `blocks[0]` is the entry block.
    /// CPython walks `b_list`, i.e. reverse allocation order.
    pub blocks: Vec<Block>,
    pub consts: ConstPool,
    pub names: NameSet,
    pub varnames: NameSet,
    pub cellvars: NameSet,
    pub freevars: NameSet,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// `co_flags`, already computed by codegen (compute_code_flags).
    pub flags: u32,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    /// 0 = not set yet (the assembler then takes the first instruction's line).
    pub firstlineno: i32,
}

impl CodeUnit {
    pub fn new(name: &str, qualname: &str, filename: Rc<str>) -> CodeUnit {
        CodeUnit {
            blocks: vec![Block {
                start_depth: -1,
                ..Block::default()
            }],
            consts: ConstPool::default(),
            names: NameSet::default(),
            varnames: NameSet::default(),
            cellvars: NameSet::default(),
            freevars: NameSet::default(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            name: Rc::from(name),
            qualname: Rc::from(qualname),
            filename,
            firstlineno: 0,
        }
    }
    pub fn new_block(&mut self) -> BlockId {
        let id = BlockId(self.blocks.len() as u32);
        self.blocks.push(Block {
            start_depth: -1,
            ..Block::default()
        });
        id
    }
    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.idx()]
    }
    pub fn block_mut(&mut self, id: BlockId) -> &mut Block {
        &mut self.blocks[id.idx()]
    }
}

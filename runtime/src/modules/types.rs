//! The `types` module: the names of built-in types, and
//! `types.coroutine`, which lets a generator function's generators be
//! awaited.

use std::cell::RefCell;
use std::rc::Rc;

use pyrite_compiler::code::flags;

use crate::code::Code;
use crate::error::PyResult;
use crate::object::{Function, Object};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

pub fn module(interp: &Interpreter) -> Value {
    let t = &interp.types;
    let typ = |t: &Rc<crate::types::TypeObject>| Value::obj(Object::Type(t.clone()));
    let values = vec![
        ("FunctionType", typ(&t.function)),
        ("LambdaType", typ(&t.function)),
        ("CodeType", typ(&t.code)),
        ("GeneratorType", typ(&t.generator)),
        ("CoroutineType", typ(&t.coroutine)),
        ("AsyncGeneratorType", typ(&t.async_generator)),
        ("MethodType", typ(&t.method)),
        ("BuiltinFunctionType", typ(&t.builtin_function)),
        ("BuiltinMethodType", typ(&t.builtin_function)),
        ("ModuleType", typ(&t.module)),
        ("CellType", typ(&t.cell)),
        ("FrameType", typ(&t.frame)),
        ("NoneType", typ(&t.none)),
        ("NotImplementedType", typ(&t.not_implemented)),
        ("EllipsisType", typ(&t.ellipsis)),
    ];
    super::builtin_module(interp, "types", &[("coroutine", coroutine)], values)
}

/// `types.coroutine(func)`: a generator function becomes one whose
/// generators can be awaited (its code gets CO_ITERABLE_COROUTINE); a
/// coroutine function, or any other callable, comes back unchanged.
fn coroutine(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [func] = args else {
        return Err(interp.type_error(format!(
            "coroutine() missing 1 required positional argument: 'func'{}",
            if args.is_empty() && kwargs.is_empty() {
                ""
            } else {
                " (or too many arguments)"
            }
        )));
    };
    let Some(Object::Function(f)) = func.as_object() else {
        if crate::builtins::errors::is_callable(func) {
            return Ok(func.clone());
        }
        return Err(interp.type_error("types.coroutine() expects a callable"));
    };
    let co = &f.code.co;
    if co.flags & (flags::COROUTINE | flags::ITERABLE_COROUTINE) != 0
        || co.flags & flags::GENERATOR == 0
    {
        return Ok(func.clone());
    }
    let mut flagged = (**co).clone();
    flagged.flags |= flags::ITERABLE_COROUTINE;
    let code = Code::new(Rc::new(flagged)).map_err(|b| interp.err("SystemError", b.0))?;
    Ok(Value::obj(Object::Function(Box::new(Function {
        code,
        globals: f.globals.clone(),
        name: RefCell::new(f.name.borrow().clone()),
        qualname: RefCell::new(f.qualname.borrow().clone()),
        defaults: RefCell::new(f.defaults.borrow().clone()),
        kwdefaults: RefCell::new(f.kwdefaults.borrow().clone()),
        closure: f.closure.clone(),
        annotations: f.annotations.clone(),
        doc: f.doc.clone(),
        module: f.module.clone(),
        dict: RefCell::new(f.dict.borrow().clone()),
    }))))
}

//! The `types` module: the names of built-in types, `SimpleNamespace`,
//! and `types.coroutine`, which lets a generator function's generators be
//! awaited.

use std::cell::RefCell;
use std::rc::Rc;

use pyrite_compiler::code::flags;

use crate::code::Code;
use crate::error::PyResult;
use crate::object::{BuiltinFn, Function, Instance, Object};
use crate::types::TypeObject;
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
        ("SimpleNamespace", typ(&t.namespace)),
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

// ----- SimpleNamespace ----------------------------------------------------------------

/// `types.SimpleNamespace`: a class (so that instances keep their
/// attributes in a `__dict__` and classes can derive from it) whose
/// `__init__`, `__repr__` and `__eq__` are built-in methods.
pub fn namespace_type(object: &Rc<TypeObject>) -> Rc<TypeObject> {
    let methods: [(&'static str, BuiltinFn); 3] = [
        ("__init__", namespace_init),
        ("__repr__", namespace_repr),
        ("__eq__", namespace_eq),
    ];
    let t = crate::typecall::rust_class(
        object,
        "SimpleNamespace",
        "types",
        "SimpleNamespace",
        &methods,
        0,
        true,
    );
    t.dict.borrow_mut().set_str(
        "__doc__",
        Value::str("A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)"),
    );
    t
}

/// A new SimpleNamespace holding `items` (`sys.implementation`).
pub fn new_namespace(interp: &Interpreter, items: Vec<(&str, Value)>) -> Value {
    let ns = Value::obj(Object::Instance(Instance::new(&interp.types.namespace)));
    if let Some(d) = namespace_dict(&ns) {
        for (k, v) in items {
            crate::eval::dict_set(&d, Value::str(k), v);
        }
    }
    ns
}

/// The `__dict__` of an instance of SimpleNamespace (or a subclass).
fn namespace_dict(v: &Value) -> Option<Rc<Object>> {
    match v.as_object()? {
        Object::Instance(i) => i.dict.clone(),
        _ => None,
    }
}

/// `self` of a SimpleNamespace method: an instance of it or of a subclass.
fn namespace_self<'a>(interp: &Interpreter, args: &'a [Value], name: &str) -> PyResult<&'a Value> {
    match args.first() {
        Some(v) if interp.type_of(v).is_subtype(&interp.types.namespace) => Ok(v),
        Some(v) => Err(interp.type_error(format!(
            "descriptor '{name}' requires a 'types.SimpleNamespace' object but received a '{}'",
            interp.type_name(v)
        ))),
        None => Err(interp.type_error(format!(
            "descriptor '{name}' of 'types.SimpleNamespace' object needs an argument"
        ))),
    }
}

/// `SimpleNamespace(**kwargs)`: the keywords become attributes.
fn namespace_init(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let this = namespace_self(interp, args, "__init__")?;
    if args.len() > 1 {
        return Err(interp.type_error("no positional arguments expected"));
    }
    if let Some(d) = namespace_dict(this) {
        for (k, v) in kwargs {
            crate::eval::dict_set(&d, Value::str(k), v.clone());
        }
    }
    Ok(Value::None)
}

/// `namespace(a=1, b=2)` (a subclass prints its own name), with
/// `namespace(...)` for a namespace met again inside itself.
fn namespace_repr(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let this = namespace_self(interp, args, "__repr__")?.clone();
    let typ = interp.type_of(&this);
    let name = if Rc::ptr_eq(&typ, &interp.types.namespace) {
        "namespace".to_string()
    } else {
        typ.name.to_string()
    };
    let (Value::Obj(o), Some(d)) = (&this, namespace_dict(&this)) else {
        return Ok(Value::str(&format!("{name}()")));
    };
    if !crate::format::repr_enter(o) {
        return Ok(Value::str(&format!("{name}(...)")));
    }
    let items = crate::dict::pairs_of(&d);
    let mut parts = Vec::with_capacity(items.len());
    let mut result = Ok(());
    for (k, v) in items {
        match k.as_object() {
            Some(Object::Str(s)) if !s.as_str().is_empty() => {}
            _ => continue,
        }
        match crate::format::repr(interp, &v) {
            Ok(r) => parts.push(format!("{}={r}", crate::format::str_value(&k))),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    crate::format::repr_leave(o);
    result?;
    Ok(Value::str(&format!("{name}({})", parts.join(", "))))
}

/// `a == b` for two namespaces: their dicts are equal.
fn namespace_eq(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let this = namespace_self(interp, args, "__eq__")?;
    let Some(other) = args.get(1) else {
        return Err(interp.type_error("expected 1 argument, got 0"));
    };
    if !interp.type_of(other).is_subtype(&interp.types.namespace) {
        return Ok(Value::obj(Object::NotImplemented));
    }
    match (namespace_dict(this), namespace_dict(other)) {
        (Some(a), Some(b)) => crate::ops::compare(interp, 2, &Value::Obj(a), &Value::Obj(b)),
        _ => Ok(Value::obj(Object::NotImplemented)),
    }
}

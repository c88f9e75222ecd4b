//! Making classes and calling them: the class statement, `type.__new__` /
//! `type.__call__`, metaclasses (`__prepare__`, the most derived
//! metaclass, CPython's "metaclass conflict"), instance creation with
//! CPython's excess-argument rules, `__init_subclass__`, `__set_name__`,
//! and the hook flags of classes. The built-in methods of `object` and
//! `type` that call into this are in `crate::methods::object`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::attr::descr_get;
use crate::dict::Dict;
use crate::error::PyResult;
use crate::object::{Instance, Object};
use crate::types::{Hooks, TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

// ----- hooks -------------------------------------------------------------------------

/// Which hooks `t` overrides with code of its own.
fn compute_hooks(t: &Rc<TypeObject>) -> Hooks {
    Hooks::NAMES.iter().fold(
        t.hooks.get().only(Hooks::WEAKREF),
        |h, &(name, flag)| match t.lookup(name) {
            Some(v) if !crate::methods::object::is_builtin_slot(&v) => h.with(flag),
            _ => h,
        },
    )
}

/// Refresh the hooks of `cls` and of every class below it.
fn update_hooks(cls: &Rc<TypeObject>) {
    cls.hooks.set(compute_hooks(cls));
    for sub in cls.live_subclasses() {
        update_hooks(&sub);
    }
}

/// Called after `name` was set or deleted in `cls`'s dict.
pub fn class_dict_changed(cls: &Rc<TypeObject>, name: &str) {
    // Every cached class lookup and attribute cache may now be stale.
    crate::types::classes_changed();
    if Hooks::NAMES.iter().any(|(n, _)| *n == name) {
        update_hooks(cls);
    }
}

// ----- the class statement -------------------------------------------------------------

/// `__build_class__(func, name, *bases, metaclass=..., **kwds)`: pick the
/// metaclass, let it `__prepare__` the namespace, run the class body in
/// it, then call the metaclass with (name, bases, namespace, **kwds).
pub fn build_class(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [func, name, bases @ ..] = args else {
        return Err(interp.type_error("__build_class__: not enough arguments"));
    };
    let Some(Object::Function(f)) = func.as_object() else {
        return Err(interp.type_error("__build_class__: func must be a function"));
    };
    if !matches!(name.as_object(), Some(Object::Str(_))) {
        return Err(interp.type_error("__build_class__: name is not a string"));
    }
    let mut kwargs = kwargs.to_vec();
    let explicit = kwargs
        .iter()
        .position(|(k, _)| &**k == "metaclass")
        .map(|i| kwargs.remove(i).1);
    let mut meta = explicit.unwrap_or_else(|| {
        let t = match bases.first() {
            Some(b) => interp.type_of(b),
            None => interp.types.type_.clone(),
        };
        Value::obj(Object::Type(t))
    });
    if let Some(Object::Type(m)) = meta.as_object() {
        meta = Value::obj(Object::Type(calculate_metaclass(interp, m, bases)?));
    }
    let bases = Value::obj(Object::Tuple(bases.to_vec().into()));
    let ns = prepare(interp, &meta, name, &bases, &kwargs)?;
    let cell = interp.run_class_body(f, ns.clone())?;
    let cls = interp.call(&meta, vec![name.clone(), bases, Value::Obj(ns)], kwargs)?;
    // A metaclass that builds the class without type.__new__ leaves the
    // `__class__` cell of zero-argument super() to fill here.
    if let (Some(Object::Cell(c)), Some(Object::Type(_))) = (cell.as_object(), cls.as_object()) {
        if c.borrow().is_none() {
            *c.borrow_mut() = Some(cls.clone());
        }
    }
    Ok(cls)
}

/// The namespace for the class body: `meta.__prepare__(name, bases,
/// **kwds)`, or a new dict when the metaclass has no `__prepare__`.
fn prepare(
    interp: &mut Interpreter,
    meta: &Value,
    name: &Value,
    bases: &Value,
    kwargs: &Kwargs,
) -> PyResult<Rc<Object>> {
    let ns = match interp.get_attr(meta, &Value::str("__prepare__")) {
        Ok(p) => interp.call(&p, vec![name.clone(), bases.clone()], kwargs.to_vec())?,
        Err(e) if crate::attr::is_attribute_error(interp, &e) => {
            Value::obj(Object::Dict(RefCell::new(Dict::new())))
        }
        Err(e) => return Err(e),
    };
    let meta_name = match meta.as_object() {
        Some(Object::Type(t)) => t.name.to_string(),
        _ => "<metaclass>".to_string(),
    };
    match ns {
        Value::Obj(o) if matches!(&*o, Object::Dict(_)) => Ok(o),
        other if crate::class::is_instance(&other) => Err(interp.type_error(format!(
            "pyrite: {meta_name}.__prepare__() returned a '{}': class namespaces other than dicts are not supported yet",
            interp.type_name(&other)
        ))),
        other => Err(interp.type_error(format!(
            "{meta_name}.__prepare__() must return a mapping, not {}",
            interp.type_name(&other)
        ))),
    }
}

/// The most derived of `meta` and the metaclasses of `bases`, which must
/// all be on one line of inheritance.
pub fn calculate_metaclass(
    interp: &Interpreter,
    meta: &Rc<TypeObject>,
    bases: &[Value],
) -> PyResult<Rc<TypeObject>> {
    let mut winner = meta.clone();
    for b in bases {
        let t = interp.type_of(b);
        if winner.is_subtype(&t) {
            continue;
        }
        if !t.is_subtype(&winner) {
            return Err(interp.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        winner = t;
    }
    Ok(winner)
}

// ----- calling a class ----------------------------------------------------------------

/// Calling a class: its metaclass's own `__call__` if it has one, else
/// `type.__call__`.
pub fn call_class(
    interp: &mut Interpreter,
    cls: &Rc<TypeObject>,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    if let Some(meta) = &cls.metaclass {
        if let Some(call) = meta
            .lookup_special("__call__")
            .filter(|c| !crate::methods::object::is_builtin_slot(c))
        {
            let this = Value::obj(Object::Type(cls.clone()));
            let f = descr_get(interp, call, Some(&this), meta, "__call__")?;
            return interp.call(&f, args, kwargs);
        }
    }
    type_call(interp, cls, args, kwargs)
}

/// `type.__call__(cls, *args, **kwargs)`: `cls.__new__`, then `__init__`
/// on the result when it is an instance of `cls`.
pub fn type_call(
    interp: &mut Interpreter,
    cls: &Rc<TypeObject>,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    if !cls.is_class {
        return crate::builtins::call_type(interp, cls, args, kwargs);
    }
    let obj = if cls.hooks.get().has(Hooks::NEW) {
        let new = cls.lookup_special("__new__").unwrap_or(Value::None);
        let new = descr_get(interp, new, None, cls, "__new__")?;
        let full = prepend(type_value(cls), &args);
        interp.call(&new, full, kwargs.clone())?
    } else {
        default_new(interp, cls, &args, &kwargs)?
    };
    init_instance(interp, cls, obj, args, kwargs)
}

/// Do calls of `cls` make a plain instance with `object.__new__` and no
/// metaclass `__call__`, so that `__init__` is all that runs (and the
/// evaluation loop may run it as an ordinary frame)?
pub fn makes_plain_instances(cls: &Rc<TypeObject>) -> bool {
    cls.is_class
        && cls.metaclass.is_none()
        && cls.kind == TypeKind::Instance
        && !cls.hooks.get().has(Hooks::NEW)
        && !cls
            .ancestors
            .iter()
            .any(|t| !t.is_class && t.kind != TypeKind::Object)
}

/// The second half of `type.__call__`: `type(obj).__init__(obj, *args,
/// **kwargs)` when `obj` is an instance of `cls`.
fn init_instance(
    interp: &mut Interpreter,
    cls: &Rc<TypeObject>,
    obj: Value,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    let typ = interp.type_of(&obj);
    if !typ.is_subtype(cls) {
        return Ok(obj);
    }
    let Some((init, owner)) = typ.lookup_with_owner("__init__") else {
        return Ok(obj);
    };
    // object.__init__ has nothing to do: object.__new__ checked the
    // arguments.
    if Rc::ptr_eq(&owner, &interp.types.object) {
        if let Some(b) = crate::class::base_value(&obj) {
            let b = b.clone();
            crate::methods::object::init_base(interp, &b, &args, &kwargs)?;
        }
        return Ok(obj);
    }
    let r = match init.as_object() {
        Some(Object::Function(_)) => interp.call(&init, prepend(obj.clone(), &args), kwargs)?,
        _ => {
            let f = descr_get(interp, init, Some(&obj), &typ, "__init__")?;
            interp.call(&f, args, kwargs)?
        }
    };
    if !r.is_none() {
        return Err(interp.type_error(format!(
            "__init__() should return None, not '{}'",
            interp.type_name(&r)
        )));
    }
    Ok(obj)
}

fn prepend(first: Value, rest: &[Value]) -> Vec<Value> {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first);
    v.extend_from_slice(rest);
    v
}

/// The `__new__` a class inherits from its built-in layout: a class for
/// metaclasses, an exception, or a plain instance (which takes no
/// arguments unless the class has an `__init__`).
fn default_new(
    interp: &mut Interpreter,
    cls: &Rc<TypeObject>,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    match cls.kind {
        TypeKind::Type => type_new_with(interp, cls, args, kwargs),
        TypeKind::Exception if crate::exc_group::is_group_type(interp, cls) => {
            crate::exc_group::new_group(interp, cls, args, kwargs)
        }
        TypeKind::Exception => Ok(interp.exception(cls, args.to_vec())),
        _ if cls
            .ancestors
            .iter()
            .any(|t| !t.is_class && t.kind != TypeKind::Object) =>
        {
            match crate::class::builtin_base(cls) {
                Some(bt) => crate::methods::object::new_with_base(interp, cls, &bt, args, kwargs),
                None => Ok(Value::obj(Object::Instance(Instance::new(cls)))),
            }
        }
        _ if (!args.is_empty() || !kwargs.is_empty()) && !overrides_init(interp, cls) => {
            Err(interp.type_error(format!("{}() takes no arguments", cls.name)))
        }
        _ => Ok(Value::obj(Object::Instance(Instance::new(cls)))),
    }
}

/// Does `t` (or a base other than object) define `__init__`?
pub(crate) fn overrides_init(interp: &Interpreter, t: &Rc<TypeObject>) -> bool {
    t.lookup_with_owner("__init__")
        .is_some_and(|(_, owner)| !Rc::ptr_eq(&owner, &interp.types.object))
}

// ----- making a class -------------------------------------------------------------------

/// `type(x)` and `type(name, bases, dict, **kwds)`.
pub fn call_type_itself(
    interp: &mut Interpreter,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    match args {
        [x] if kwargs.is_empty() => Ok(Value::obj(Object::Type(interp.type_of(x)))),
        [_, _, _] => {
            let type_ = interp.types.type_.clone();
            let cls = type_new_with(interp, &type_, args, kwargs)?;
            init_instance(interp, &type_, cls, args.to_vec(), kwargs.to_vec())
        }
        _ => Err(interp.type_error("type() takes 1 or 3 arguments")),
    }
}

/// `type.__new__(mcls, name, bases, dict, **kwds)` once `mcls` is known
/// to be a metaclass.
pub(crate) fn type_new_with(
    interp: &mut Interpreter,
    mcls: &Rc<TypeObject>,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let [name, bases, ns] = args else {
        return Err(interp.type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            args.len()
        )));
    };
    let arg_error = |interp: &Interpreter, n: usize, what: &str, v: &Value| {
        interp.type_error(format!(
            "type.__new__() argument {n} must be {what}, not {}",
            interp.type_name(v)
        ))
    };
    let Some(Object::Str(name)) = name.as_object() else {
        return Err(arg_error(interp, 1, "str", name));
    };
    let Some(Object::Tuple(base_values)) = bases.as_object() else {
        return Err(arg_error(interp, 2, "tuple", bases));
    };
    // A dict subclass (OrderedDict) gives the dict it carries.
    let ns_dict = crate::class::base_value(ns).unwrap_or(ns);
    let Some(Object::Dict(ns)) = ns_dict.as_object() else {
        return Err(arg_error(interp, 3, "dict", ns));
    };
    let winner = calculate_metaclass(interp, mcls, base_values)?;
    // A base's metaclass with its own __new__ makes the class instead.
    if !Rc::ptr_eq(&winner, mcls) && winner.hooks.get().has(Hooks::NEW) {
        let new = winner.lookup_special("__new__").unwrap_or(Value::None);
        let new = descr_get(interp, new, None, &winner, "__new__")?;
        let full = prepend(Value::obj(Object::Type(winner.clone())), args);
        return interp.call(&new, full, kwargs.to_vec());
    }
    let mut bases = Vec::with_capacity(base_values.len());
    for b in base_values.iter() {
        match b.as_object() {
            Some(Object::Type(t)) => bases.push(t.clone()),
            _ => return Err(interp.type_error("bases must be types")),
        }
    }
    let dict = ns.borrow().copied();
    let cls = new_class(interp, &winner, name.as_str(), bases, dict, kwargs)?;
    Ok(Value::obj(Object::Type(cls)))
}

/// Create class `name` of metaclass `meta`: layout, MRO, dict, hooks,
/// then `__set_name__` on its attributes and `__init_subclass__` of its
/// parent with the class keywords.
pub fn new_class(
    interp: &mut Interpreter,
    meta: &Rc<TypeObject>,
    name: &str,
    bases: Vec<Rc<TypeObject>>,
    mut ns: Dict,
    kwargs: &Kwargs,
) -> PyResult<Rc<TypeObject>> {
    let bases = if bases.is_empty() {
        vec![interp.types.object.clone()]
    } else {
        bases
    };
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|earlier| Rc::ptr_eq(earlier, b)) {
            return Err(interp.type_error(format!("duplicate base class {}", b.name)));
        }
    }
    let kind = solid_kind(interp, &bases)?;
    let ancestors = c3_mro(interp, &bases)?;
    let layout = crate::slots::layout(interp, name, &bases, &ns)?;
    implicit_methods(&mut ns);
    if ns.get_str("__module__").is_none() {
        if let Some(module) = caller_module_name(interp) {
            ns.set_str("__module__", module);
        }
    }
    let classcell = ns.remove(&Value::str("__classcell__")).ok().flatten();
    let qualname = match ns.remove(&Value::str("__qualname__")).ok().flatten() {
        None => Rc::from(name),
        Some(q) => match q.as_object() {
            Some(Object::Str(s)) => Rc::from(s.as_str()),
            _ => {
                return Err(interp.type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    interp.type_name(&q)
                )))
            }
        },
    };
    let is_type = Rc::ptr_eq(meta, &interp.types.type_);
    let cls = Rc::new(TypeObject {
        name: Rc::from(name),
        qualname: RefCell::new(qualname),
        base: Some(layout.base.clone()),
        kind,
        dict: RefCell::new(ns),
        ancestors,
        bases,
        is_class: true,
        metaclass: (!is_type).then(|| meta.clone()),
        hooks: Cell::new(Hooks::default()),
        subclasses: RefCell::new(Vec::new()),
        special: Default::default(),
        dict_size_hint: Default::default(),
        nslots: layout.nslots,
        has_dict: layout.has_dict,
    });
    {
        let mut d = cls.dict.borrow_mut();
        for (k, descr) in crate::slots::descriptors(&cls, &layout) {
            d.set_str(&k, descr);
        }
        if d.get_str("__doc__").is_none() {
            d.set_str("__doc__", Value::None);
        }
        // A class that defines equality but not a hash is unhashable:
        // equal instances could not hash alike otherwise.
        if d.get_str("__eq__").is_some() && d.get_str("__hash__").is_none() {
            d.set_str("__hash__", Value::None);
        }
    }
    cls.hooks.set(compute_hooks(&cls));
    for b in &cls.bases {
        b.subclasses.borrow_mut().push(Rc::downgrade(&cls));
    }
    let class = Value::obj(Object::Type(cls.clone()));
    if let Some(cell) = classcell {
        match cell.as_object() {
            Some(Object::Cell(c)) => *c.borrow_mut() = Some(class.clone()),
            _ => {
                let t = type_value(&interp.type_of(&cell));
                let r = crate::format::repr(interp, &t)?;
                return Err(
                    interp.type_error(format!("__classcell__ must be a nonlocal cell, not {r}"))
                );
            }
        }
    }
    set_names(interp, &cls, &class)?;
    init_subclass(interp, &cls, kwargs)?;
    Ok(cls)
}

/// `__new__` is a static method and `__init_subclass__` and
/// `__class_getitem__` are class methods even when defined as plain
/// functions.
fn implicit_methods(ns: &mut Dict) {
    for (name, wrap) in [
        ("__new__", Object::StaticMethod as fn(Value) -> Object),
        ("__init_subclass__", Object::ClassMethod),
        ("__class_getitem__", Object::ClassMethod),
    ] {
        if let Some(f) = ns.get_str(name).cloned() {
            if matches!(f.as_object(), Some(Object::Function(_))) {
                ns.set_str(name, Value::obj(wrap(f)));
            }
        }
    }
}

/// `__name__` of the module whose code is running (a class's default
/// `__module__`).
fn caller_module_name(interp: &Interpreter) -> Option<Value> {
    let frame = interp.frames.last()?;
    crate::eval::dict_get_str(&frame.globals, "__name__")
}

/// Tell descriptors their names (`__set_name__`), in definition order.
fn set_names(interp: &mut Interpreter, cls: &Rc<TypeObject>, class: &Value) -> PyResult<()> {
    let entries: Vec<(Value, Value)> = cls
        .dict
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (name, value) in entries {
        if let Some(r) =
            crate::class::call_dunder(interp, &value, "__set_name__", vec![class.clone(), name])
        {
            r?;
        }
    }
    Ok(())
}

/// `super(cls, cls).__init_subclass__(**kwargs)`.
fn init_subclass(interp: &mut Interpreter, cls: &Rc<TypeObject>, kwargs: &Kwargs) -> PyResult<()> {
    let found = cls
        .ancestors
        .iter()
        .find_map(|t| t.dict.borrow().get_str("__init_subclass__").cloned());
    let Some(f) = found else {
        return Ok(());
    };
    let f = descr_get(interp, f, None, cls, "__init_subclass__")?;
    interp.call(&f, Vec::new(), kwargs.to_vec())?;
    Ok(())
}

/// The instance layout of a new class: plain instances, exceptions, or
/// classes (for metaclasses).
fn solid_kind(interp: &Interpreter, bases: &[Rc<TypeObject>]) -> PyResult<TypeKind> {
    let mut kind = TypeKind::Instance;
    // The built-in types the bases derive from (list, dict, ...): at most one.
    let mut layout: Option<Rc<TypeObject>> = None;
    for b in bases {
        if let Some(t) = crate::class::builtin_base(b) {
            if !matches!(t.kind, TypeKind::Exception | TypeKind::Type) {
                match &layout {
                    Some(l) if !t.is_subtype(l) && !l.is_subtype(&t) => {
                        return Err(
                            interp.type_error("multiple bases have instance lay-out conflict")
                        )
                    }
                    _ => layout = Some(t),
                }
            }
        }
    }
    for b in bases {
        match b.kind {
            TypeKind::Object | TypeKind::Instance => {}
            TypeKind::Exception => kind = TypeKind::Exception,
            TypeKind::Type => kind = TypeKind::Type,
            TypeKind::List
            | TypeKind::Dict
            | TypeKind::Tuple
            | TypeKind::Str
            | TypeKind::Int
            | TypeKind::Float
            | TypeKind::Set
            | TypeKind::FrozenSet
            | TypeKind::Bytes => {}
            // map, filter, zip, enumerate, reversed (not list_iterator and
            // the other iterators, which CPython does not let classes
            // derive from).
            TypeKind::Iterator
                if crate::builtins::containers::ITERATOR_TYPES
                    .iter()
                    .any(|(n, _)| *n == &*b.name) => {}
            TypeKind::Bool
            | TypeKind::Iterator
            | TypeKind::NoneType
            | TypeKind::Range
            | TypeKind::MemoryView
            | TypeKind::Slice
            | TypeKind::Function
            | TypeKind::BuiltinFunction
            | TypeKind::Generator
            | TypeKind::Coroutine
            | TypeKind::AsyncGenerator
            | TypeKind::Code
            | TypeKind::Cell
            | TypeKind::Frame
            | TypeKind::Traceback
            | TypeKind::NotImplementedType
            | TypeKind::Ellipsis => {
                return Err(
                    interp.type_error(format!("type '{}' is not an acceptable base type", b.name))
                )
            }
            _ => {
                return Err(interp.type_error(format!(
                    "pyrite: subclassing the built-in type '{}' is not supported yet",
                    b.name
                )))
            }
        }
    }
    if layout.is_some() && kind != TypeKind::Instance {
        return Err(interp.type_error("multiple bases have instance lay-out conflict"));
    }
    Ok(kind)
}

/// A class made by the runtime rather than by a `class` statement (such
/// as `types.SimpleNamespace` or the type of `sys.stdout`): a plain class
/// deriving from `object`, of module `module`, whose methods are
/// built-in functions (method descriptors, bound when read through an
/// instance), with `nslots` hidden slots for the runtime's own state and
/// a `__dict__` when `has_dict`.
pub fn rust_class(
    object: &Rc<TypeObject>,
    name: &str,
    module: &str,
    owner: &'static str,
    methods: &[(&'static str, crate::object::BuiltinFn)],
    nslots: usize,
    has_dict: bool,
) -> Rc<TypeObject> {
    let mut ns = Dict::default();
    ns.set_str("__module__", Value::str(module));
    ns.set_str("__doc__", Value::None);
    for &(name, func) in methods {
        let descr = crate::object::MethodDescr { name, func, owner };
        ns.set_str(name, Value::obj(Object::MethodDescriptor(descr)));
    }
    // Equality without a hash: unhashable, as in CPython.
    if ns.get_str("__eq__").is_some() && ns.get_str("__hash__").is_none() {
        ns.set_str("__hash__", Value::None);
    }
    let t = Rc::new(TypeObject {
        name: Rc::from(name),
        qualname: RefCell::new(Rc::from(name)),
        base: Some(object.clone()),
        kind: TypeKind::Instance,
        dict: RefCell::new(ns),
        ancestors: vec![object.clone()],
        bases: vec![object.clone()],
        is_class: true,
        metaclass: None,
        hooks: Cell::new(Hooks::default()),
        subclasses: RefCell::new(Vec::new()),
        special: Default::default(),
        dict_size_hint: Default::default(),
        nslots,
        has_dict,
    });
    if has_dict {
        let dict_descr = crate::object::Member {
            name: Rc::from("__dict__"),
            owner: Rc::downgrade(&t),
            owner_name: t.name.clone(),
            kind: crate::object::MemberKind::Dict,
        };
        t.dict
            .borrow_mut()
            .set_str("__dict__", Value::obj(Object::Member(dict_descr)));
    }
    t.hooks.set(compute_hooks(&t));
    object.subclasses.borrow_mut().push(Rc::downgrade(&t));
    t
}

/// C3 linearization of the bases (the new class itself excluded).
fn c3_mro(interp: &Interpreter, bases: &[Rc<TypeObject>]) -> PyResult<Vec<Rc<TypeObject>>> {
    let mut seqs: Vec<Vec<Rc<TypeObject>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<TypeObject>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        // The first head that appears in no other sequence's tail.
        let candidate = seqs.iter().map(|s| &s[0]).find(|head| {
            !seqs
                .iter()
                .any(|s| s[1..].iter().any(|t| Rc::ptr_eq(t, head)))
        });
        let Some(next) = candidate.cloned() else {
            let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
            return Err(interp.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

pub(crate) fn type_value(t: &Rc<TypeObject>) -> Value {
    Value::obj(Object::Type(t.clone()))
}

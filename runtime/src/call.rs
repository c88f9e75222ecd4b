//! Binding call arguments to a function's parameters, with CPython's
//! TypeError messages.

use std::cell::RefCell;
use std::rc::Rc;

use pyrite_compiler::code::flags;

use crate::dict::Dict;
use crate::error::PyResult;
use crate::object::{Function, Object};
use crate::value::Value;
use crate::Interpreter;

/// "'a'", "'a' and 'b'", "'a', 'b', and 'c'".
fn name_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [a] => format!("'{a}'"),
        [a, b] => format!("'{a}' and '{b}'"),
        _ => {
            let head: Vec<String> = names[..names.len() - 1]
                .iter()
                .map(|n| format!("'{n}'"))
                .collect();
            format!("{}, and '{}'", head.join(", "), names[names.len() - 1])
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The initial localsplus slots of a call to `f` (None = unbound).
pub fn bind_arguments(
    interp: &mut Interpreter,
    f: &Function,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Vec<Option<Value>>> {
    let co = &f.code.co;
    let argcount = co.argcount as usize;
    let posonly = co.posonlyargcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let has_varargs = co.flags & flags::VARARGS != 0;
    let has_varkw = co.flags & flags::VARKEYWORDS != 0;
    let names = &co.localsplusnames;
    // Only the error messages need the name.
    let qualname = || crate::format::str_value(&f.qualname.borrow());
    let mut slots: Vec<Option<Value>> = vec![None; f.code.nlocalsplus];

    // Fast path: exactly the positional parameters, nothing else.
    if kwargs.is_empty() && !has_varargs && !has_varkw && kwonly == 0 && args.len() == argcount {
        for (slot, v) in slots.iter_mut().zip(args) {
            *slot = Some(v);
        }
        return Ok(slots);
    }

    let nargs = args.len();
    let mut extra = Vec::new();
    for (i, v) in args.into_iter().enumerate() {
        if i < argcount {
            slots[i] = Some(v);
        } else {
            extra.push(v);
        }
    }
    let mut varargs_slot = argcount + kwonly;
    if has_varargs {
        slots[varargs_slot] = Some(Value::obj(Object::Tuple(extra.into())));
        varargs_slot += 1;
    } else if !extra.is_empty() {
        // Too many positional arguments.
        let given_kwonly = kwargs
            .iter()
            .filter(|(k, _)| {
                names[argcount..argcount + kwonly]
                    .iter()
                    .any(|n| **n == **k)
            })
            .count();
        let ndefaults = tuple_len(&f.defaults.borrow()).min(argcount);
        let takes = if ndefaults > 0 {
            format!("from {} to {}", argcount - ndefaults, argcount)
        } else {
            argcount.to_string()
        };
        let what = if takes == "1" {
            "positional argument".to_string()
        } else {
            "positional arguments".to_string()
        };
        let given = if given_kwonly > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                nargs,
                if nargs == 1 { "" } else { "s" },
                given_kwonly,
                if given_kwonly == 1 { "" } else { "s" }
            )
        } else if nargs == 1 {
            "1 was given".to_string()
        } else {
            format!("{nargs} were given")
        };
        return Err(interp.type_error(format!("{}() takes {takes} {what} but {given}", qualname())));
    }
    let kwargs_slot = if has_varkw { Some(varargs_slot) } else { None };
    let mut kwdict = Dict::new();
    let mut posonly_as_kw = Vec::new();
    for (name, v) in kwargs {
        let pos = names[posonly..argcount + kwonly]
            .iter()
            .position(|n| **n == *name)
            .map(|p| p + posonly);
        match pos {
            Some(p) => {
                if slots[p].is_some() {
                    return Err(interp.type_error(format!(
                        "{}() got multiple values for argument '{name}'",
                        qualname()
                    )));
                }
                slots[p] = Some(v);
            }
            None => {
                if kwargs_slot.is_some() {
                    kwdict.set_str(&name, v);
                } else if names[..posonly].iter().any(|n| **n == *name) {
                    posonly_as_kw.push(name.to_string());
                } else {
                    return Err(interp.type_error(format!(
                        "{}() got an unexpected keyword argument '{name}'",
                        qualname()
                    )));
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        let list: Vec<&str> = posonly_as_kw.iter().map(String::as_str).collect();
        return Err(interp.type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname(),
            list.join(", ")
        )));
    }
    if let Some(k) = kwargs_slot {
        slots[k] = Some(Value::obj(Object::Dict(RefCell::new(kwdict))));
    }
    // Positional defaults fill the last parameters.
    let defaults: Vec<Value> = match f.defaults.borrow().as_ref().and_then(|d| d.as_object()) {
        // Assigned defaults may outnumber the parameters: the last count.
        Some(Object::Tuple(t)) => t[t.len().saturating_sub(argcount)..].to_vec(),
        _ => Vec::new(),
    };
    let first_default = argcount - defaults.len();
    let mut missing = Vec::new();
    for i in 0..argcount {
        if slots[i].is_none() {
            if i >= first_default {
                slots[i] = Some(defaults[i - first_default].clone());
            } else {
                missing.push(&*names[i]);
            }
        }
    }
    if !missing.is_empty() {
        return Err(interp.type_error(format!(
            "{}() missing {}: {}",
            qualname(),
            plural(missing.len(), "required positional argument"),
            name_list(&missing)
        )));
    }
    let mut missing_kw = Vec::new();
    for i in argcount..argcount + kwonly {
        if slots[i].is_none() {
            let default = f
                .kwdefaults
                .borrow()
                .as_ref()
                .and_then(|d| match d.as_object() {
                    Some(Object::Dict(d)) => d.borrow().get_str(&names[i]).cloned(),
                    _ => None,
                });
            match default {
                Some(v) => slots[i] = Some(v),
                None => missing_kw.push(&*names[i]),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(interp.type_error(format!(
            "{}() missing {}: {}",
            qualname(),
            plural(missing_kw.len(), "required keyword-only argument"),
            name_list(&missing_kw)
        )));
    }
    Ok(slots)
}

fn tuple_len(v: &Option<Value>) -> usize {
    match v.as_ref().and_then(|d| d.as_object()) {
        Some(Object::Tuple(t)) => t.len(),
        _ => 0,
    }
}

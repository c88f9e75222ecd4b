//! Printing an uncaught exception as CPython 3.11 does.

use crate::object::Object;
use crate::value::Value;
use crate::Interpreter;

/// The full text CPython prints for an uncaught exception, chained
/// exceptions first.
pub fn format_exception(interp: &mut Interpreter, exc: &Value) -> String {
    let mut out = String::new();
    let Some(Object::Exception(e)) = exc.as_object() else {
        return out;
    };
    let cause = e.cause.borrow().clone();
    let context = e.context.borrow().clone();
    if let Some(c) = cause {
        out.push_str(&format_exception(interp, &c));
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if let (Some(c), false) = (context, e.suppress_context.get()) {
        out.push_str(&format_exception(interp, &c));
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    let tb = e.traceback.borrow().clone();
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        for (code, index) in tb.iter().rev() {
            let line = code.line_of(*index);
            let name = &code.co.name;
            match line {
                Some(l) => {
                    out.push_str(&format!(
                        "  File \"{}\", line {l}, in {name}\n",
                        code.co.filename
                    ));
                    if let Some(text) = source_line(&code.co.filename, l) {
                        out.push_str(&format!("    {}\n", text.trim()));
                    }
                }
                None => out.push_str(&format!("  File \"{}\", in {name}\n", code.co.filename)),
            }
        }
    }
    out.push_str(&exception_line(interp, exc));
    out.push('\n');
    out
}

/// `TypeName: message` (just `TypeName` without a message).
pub fn exception_line(interp: &mut Interpreter, exc: &Value) -> String {
    let typ = interp.type_of(exc);
    let msg = match exc.as_object() {
        Some(Object::Exception(e)) => {
            let args = e.args.borrow().clone();
            match args.as_object() {
                Some(Object::Tuple(items)) if items.is_empty() => String::new(),
                Some(Object::Tuple(items)) if items.len() == 1 => {
                    if &*typ.name == "KeyError" {
                        crate::format::repr(interp, &items[0]).unwrap_or_default()
                    } else {
                        crate::format::str_of(interp, &items[0]).unwrap_or_default()
                    }
                }
                _ => crate::format::str_of(interp, &args).unwrap_or_default(),
            }
        }
        _ => String::new(),
    };
    if msg.is_empty() {
        typ.name.to_string()
    } else {
        format!("{}: {msg}", typ.name)
    }
}

fn source_line(filename: &str, line: u32) -> Option<String> {
    let text = std::fs::read_to_string(filename).ok()?;
    text.lines()
        .nth(line.checked_sub(1)? as usize)
        .map(str::to_string)
}

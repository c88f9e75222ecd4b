//! The `time` module: clocks and sleep.

use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::error::PyResult;
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

thread_local! {
    /// The origin of perf_counter and monotonic.
    static START: Instant = Instant::now();
}

pub fn module(interp: &Interpreter) -> Value {
    super::builtin_module(
        interp,
        "time",
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
            ("monotonic", perf_counter),
            ("monotonic_ns", perf_counter_ns),
            ("process_time", perf_counter),
            ("sleep", sleep),
        ],
        Vec::new(),
    )
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn since_start() -> Duration {
    START.with(|s| s.elapsed())
}

fn time(_: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::float(since_epoch().as_secs_f64()))
}

fn time_ns(_: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(since_epoch().as_nanos() as i64))
}

fn perf_counter(_: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::float(since_start().as_secs_f64()))
}

fn perf_counter_ns(_: &mut Interpreter, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(since_start().as_nanos() as i64))
}

fn sleep(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let secs = match args {
        [Value::Int(i)] => *i as f64,
        [Value::Bool(b)] => b.get() as i64 as f64,
        [Value::Float(f)] => f.get(),
        [v] => {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(v)
            )))
        }
        _ => {
            return Err(interp.type_error(format!(
                "time.sleep() takes exactly one argument ({} given)",
                args.len()
            )))
        }
    };
    if secs.is_nan() {
        return Err(interp.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(interp.value_error("sleep length must be non-negative"));
    }
    std::thread::sleep(Duration::from_secs_f64(secs.min(1e9)));
    Ok(Value::None)
}

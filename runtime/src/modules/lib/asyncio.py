"""pyrite's asyncio: a minimal event loop, enough to run the coroutines of
small programs (run, sleep, gather, create_task, Future, Task), written in
Python and compiled by pyrite when first imported. Tasks are scheduled
round-robin through one ready queue and timers, as CPython's loop does; there
is no I/O, no threads and no policy machinery."""

import time as _time
import types as _types


class CancelledError(BaseException):
    pass


class InvalidStateError(Exception):
    pass


_running_loop = None


class _Loop:
    def __init__(self):
        self._ready = []
        self._timers = []
        self._seq = 0

    def call_soon(self, callback, *args):
        self._ready.append((callback, args))

    def call_later(self, delay, callback, *args):
        self._seq += 1
        self._timers.append((_time.monotonic() + delay, self._seq, callback, args))

    def time(self):
        return _time.monotonic()

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro):
        return Task(coro, loop=self)

    def run_until_complete(self, future):
        while not future.done():
            if not self._ready:
                if not self._timers:
                    raise RuntimeError("Event loop stopped before Future completed.")
                self._timers.sort(key=lambda t: (t[0], t[1]))
                when, _, callback, args = self._timers.pop(0)
                delay = when - _time.monotonic()
                if delay > 0:
                    _time.sleep(delay)
                self._ready.append((callback, args))
            ready, self._ready = self._ready, []
            for callback, args in ready:
                callback(*args)
        return future.result()


def get_running_loop():
    if _running_loop is None:
        raise RuntimeError("no running event loop")
    return _running_loop


def get_event_loop():
    return get_running_loop()


class Future:
    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = loop if loop is not None else get_running_loop()
        self._state = "PENDING"
        self._result = None
        self._exception = None
        self._callbacks = []

    def done(self):
        return self._state != "PENDING"

    def cancelled(self):
        return self._state == "CANCELLED"

    def cancel(self, msg=None):
        if self._state != "PENDING":
            return False
        self._state = "CANCELLED"
        self._schedule_callbacks()
        return True

    def result(self):
        if self._state == "CANCELLED":
            raise CancelledError()
        if self._state == "PENDING":
            raise InvalidStateError("Result is not set.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == "CANCELLED":
            raise CancelledError()
        if self._state == "PENDING":
            raise InvalidStateError("Exception is not set.")
        return self._exception

    def set_result(self, result):
        if self._state != "PENDING":
            raise InvalidStateError("invalid state")
        self._result = result
        self._state = "FINISHED"
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != "PENDING":
            raise InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        self._exception = exception
        self._state = "FINISHED"
        self._schedule_callbacks()

    def add_done_callback(self, fn):
        if self.done():
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def _schedule_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            self._loop.call_soon(fn, self)

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


class Task(Future):
    def __init__(self, coro, *, loop=None):
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        self._coro = coro
        self._must_cancel = False
        self._waiting = None
        self._loop.call_soon(self._step)

    def get_coro(self):
        return self._coro

    def cancel(self, msg=None):
        if self.done():
            return False
        if self._waiting is not None and self._waiting.cancel():
            return True
        self._must_cancel = True
        return True

    def _step(self, exc=None):
        if self.done():
            return
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = CancelledError()
            self._must_cancel = False
        self._waiting = None
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as stop:
            Future.set_result(self, stop.value)
        except CancelledError:
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as error:
            Future.set_exception(self, error)
            raise
        except BaseException as error:
            Future.set_exception(self, error)
        else:
            if getattr(result, "_asyncio_future_blocking", None):
                result._asyncio_future_blocking = False
                self._waiting = result
                result.add_done_callback(self._wakeup)
            elif result is None:
                self._loop.call_soon(self._step)
            else:
                error = RuntimeError("Task got bad yield: %r" % (result,))
                self._loop.call_soon(self._step, error)

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def iscoroutine(obj):
    return isinstance(obj, _types.CoroutineType) or (
        isinstance(obj, _types.GeneratorType) and obj.gi_code.co_flags & 0x100 != 0
    )


def ensure_future(coro_or_future, *, loop=None):
    if isinstance(coro_or_future, Future):
        return coro_or_future
    if not iscoroutine(coro_or_future):
        raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
    return Task(coro_or_future, loop=loop)


def create_task(coro, *, name=None):
    return Task(coro, loop=get_running_loop())


@_types.coroutine
def _sleep0():
    yield


async def sleep(delay, result=None):
    if delay <= 0:
        await _sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()

    def wake():
        if not future.done():
            future.set_result(result)

    loop.call_later(delay, wake)
    return await future


def gather(*coros_or_futures, return_exceptions=False):
    loop = get_running_loop()
    children = [ensure_future(c, loop=loop) for c in coros_or_futures]
    outer = Future(loop=loop)
    if not children:
        outer.set_result([])
        return outer
    finished = 0

    def done_callback(fut):
        nonlocal finished
        finished += 1
        if outer.done():
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(CancelledError())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if finished == len(children):
            results = []
            for child in children:
                if child.cancelled():
                    results.append(CancelledError())
                elif child.exception() is not None:
                    results.append(child.exception())
                else:
                    results.append(child.result())
            outer.set_result(results)

    for child in children:
        child.add_done_callback(done_callback)
    return outer


def run(main, *, debug=None):
    global _running_loop
    if _running_loop is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError("a coroutine was expected, got %r" % (main,))
    loop = _running_loop = _Loop()
    try:
        return loop.run_until_complete(Task(main, loop=loop))
    finally:
        _running_loop = None

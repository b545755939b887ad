"""Injects: when the task ends, the cf future of run_coroutine_threadsafe() is tested with cancelled() and then given
the outcome with set_result()/set_exception(), instead of being started with set_running_or_notify_cancel(), which
decides a race with cancel() under the cf future's lock. A cancel() from another thread between the test and the
set_result() wins (it returns True), and set_result() then raises InvalidStateError in the loop, whose exception
handler gets it (BRIDGE-RCT-6).

Window: between `if future.cancelled()` and `future.set_result(...)`, in the loop's thread. Race-only: the
BridgeMachine cancels only between loop iterations, so it never lands there; the controlled scheduler's
BridgeRaceMachine (conformance/bridge/races.py) switches to the cancelling thread at that line."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-RCT-6"}


class Faulty(Bridge):
    def copy_to_cf(self, task, future):
        if task.cancelled():
            future.cancel()
            return
        if future.cancelled():  # BUG: tested outside the cf future's lock; a cancel() may come before the next line
            return
        if task.exception() is not None:
            future.set_exception(self.convert(task.exception()))
        else:
            future.set_result(task.result())


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()

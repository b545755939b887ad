"""Injects: a coroutine that raises completes the cf future of run_coroutine_threadsafe() with the result None."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-RCT-3"}


class Faulty(Bridge):
    def copy_to_cf(self, task, future):
        if task.cancelled():
            future.cancel()
        if future.set_running_or_notify_cancel():
            future.set_result(None if task.exception() is not None else task.result())  # BUG: the error is lost


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()

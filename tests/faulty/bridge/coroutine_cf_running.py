"""Injects: the cf future of run_coroutine_threadsafe() is set RUNNING when the task starts, so it cannot be
cancelled while the coroutine runs."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-RCT-2", "BRIDGE-RCT-4"}


class Faulty(Bridge):
    def start(self, coro, future, loop):
        if future.set_running_or_notify_cancel():  # BUG: RUNNING while the coroutine runs
            super().start(coro, future, loop)

    def copy_to_cf(self, task, future):
        if task.cancelled():
            future.cancel()
        elif task.exception() is not None:
            future.set_exception(self.convert(task.exception()))
        else:
            future.set_result(task.result())


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()

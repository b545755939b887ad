"""Injects: cancelling the cf future of run_coroutine_threadsafe() does not cancel the task, which runs on."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-RCT-4"}


class Faulty(Bridge):
    def on_cf_cancelled(self, future, task, loop):
        pass  # BUG: the task is never told


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()

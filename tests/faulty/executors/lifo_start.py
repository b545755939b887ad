"""Injects: submit() pushes calls on the front of the queue, so queued calls start last-in, first-out."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-START-3"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _enqueue(self, call):
        self._queue.appendleft(call)  # BUG: a stack, not a queue

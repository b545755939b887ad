"""Injects: once cancel() was called, the task ends CANCELLED even when its coroutine swallowed the CancelledError
and returned a value."""
from asyncio import futures, tasks

VIOLATES = {"TASK-CANCEL-4", "TASK-RESULT-1"}


class _Outcome(futures._PyFuture):
    """Sits between _PyTask and _PyFuture in the MRO: the task's own super().set_result() lands here."""

    def set_result(self, result):
        if self._cancel_requested:
            futures._PyFuture.cancel(self)  # BUG: the coroutine's return value is thrown away
            return
        super().set_result(result)


class Task(tasks._PyTask, _Outcome):
    _cancel_requested = False

    def cancel(self, msg=None):
        self._cancel_requested = self._cancel_requested or not self.done()
        return super().cancel(msg)

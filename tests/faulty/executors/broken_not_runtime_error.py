"""Injects: the module's BrokenExecutor derives from Exception, not RuntimeError, so an `except RuntimeError:`
around submit() catches a shut down executor but not a broken one."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-BROKEN-3"}
__getattr__ = from_reference


class BrokenExecutor(Exception):  # BUG: not a RuntimeError
    """Raised by a broken executor."""


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _check_open(self):
        if self._broken:
            raise BrokenExecutor(self._broken)
        super()._check_open()

    def _break(self, reason):
        with self._work:
            self._broken = reason
            failed, self._queue = self._queue, executor.collections.deque()
            self._work.notify_all()
        for future, *_ in failed:
            if future.set_running_or_notify_cancel():
                future.set_exception(BrokenExecutor(reason))

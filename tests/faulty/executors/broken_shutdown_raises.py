"""Injects: shutdown() of a broken executor raises BrokenExecutor, so that `with executor:` around a broken executor
replaces the body's own exception with it."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-BROKEN-5"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def shutdown(self, wait=True, *, cancel_futures=False):
        super().shutdown(wait, cancel_futures=cancel_futures)
        if self._broken:
            raise executor.BrokenExecutor(self._broken)  # BUG: shutting a broken executor down is not an error

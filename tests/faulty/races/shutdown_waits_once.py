"""Injects: shutdown(wait=True) does not join the workers while another shutdown(wait=True) is already joining them,
taking that one to wait for both. The second caller returns at once, while an accepted call may still be queued or
running (EXEC-SHUTDOWN-4). Called one thread at a time, no shutdown() is ever waiting when another begins, and each
waits.

Window: a whole shutdown(wait=True) of another thread, from `self._joining = True` to `self._joining = False`. Only a
generated scenario finds it: the tour never has two threads shut one executor down."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-SHUTDOWN-4", "EXEC-ATOMIC-1"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    _joining = False

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._work:
            self._shutdown = True
            cancelled = self._take_queued() if cancel_futures else ()
            self._work.notify_all()
            workers = list(self._workers)
        for future, *_ in cancelled:
            future.cancel()
        if wait and not self._joining:  # BUG: a shutdown() already joining is taken to wait for this one too
            self._joining = True
            self._join(workers)
            self._joining = False

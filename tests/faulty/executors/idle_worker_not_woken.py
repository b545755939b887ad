"""Injects: submit() never notifies idle workers, so a call queued while a worker idles waits for ever."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-START-1"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _wake_worker(self):
        if self._idle < len(self._queue) and len(self._workers) < self._max_workers:
            self._start_worker()
        # BUG: no self._work.notify(): an idle worker sleeps through the new call

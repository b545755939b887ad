"""Injects: the workers are ordinary (non-daemon) threads that leave only at shutdown(), and the executor relies on
an atexit hook to shut it down. The interpreter joins non-daemon threads when the main thread ends, before any atexit
hook runs: a program that never calls shutdown() never exits once its calls are done."""
import atexit
import threading

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-EXIT-1", "EXEC-EXIT-2"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        executor._LIVE.discard(self)  # left to a plain atexit hook, which would run after the join below
        atexit.register(self.shutdown)

    def _start_worker(self):
        name = f"{self._thread_name_prefix}_{len(self._workers)}"
        worker = threading.Thread(target=self._work_loop, name=name)  # BUG: not a daemon
        self._workers.append(worker)
        worker.start()

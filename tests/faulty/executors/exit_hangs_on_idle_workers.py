"""Injects: the workers are ordinary (non-daemon) threads that leave only at shutdown(). The interpreter joins them
when the main thread ends, before any atexit hook could shut the executor down: a program that never calls
shutdown() never exits once its calls are done."""
import threading

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-EXIT-1", "EXEC-EXIT-2"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _start_worker(self):
        worker = threading.Thread(target=self._work_loop, name="faulty-worker")  # BUG: not a daemon
        self._workers.append(worker)
        worker.start()

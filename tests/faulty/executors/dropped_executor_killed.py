"""Injects: a worker holds its executor only weakly while it runs a call (so that a dropped executor can be collected,
as CPython's thread pool allows), but the at-exit join only knows executors still alive: once the program drops the
executor, its running call is killed when the main thread ends."""
import threading
import weakref

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-EXIT-2"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _start_worker(self):
        worker = threading.Thread(target=_work_loop, args=(weakref.ref(self),), daemon=True)
        self._workers.append(worker)
        worker.start()


def _work_loop(executor_ref):
    while True:
        pool = executor_ref()
        queued = None if pool is None else pool._next_call()
        del pool  # BUG: nothing else keeps a dropped executor, and so its call, in the at-exit join
        if queued is None:
            return
        future, fn, args, kwargs = queued
        del queued
        if not future.set_running_or_notify_cancel():
            continue
        try:
            result = fn(*args, **kwargs)
        except BaseException as error:
            future.set_exception(error)
        else:
            future.set_result(result)
        del future, fn, args, kwargs

"""Injects: at exit, the executor drains its queue before it shuts down, and takes new calls meanwhile: its at-exit
hook waits until no call is queued or running, then calls shutdown(), and submit() never looks at the interpreter's
exit. A call submitted while the exit waits (by the call it waits for, or another thread) is accepted and keeps the
exit waiting."""
import threading

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-EXIT-3"}
__getattr__ = from_reference
_MINE = []


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        executor._LIVE.discard(self)  # joined by the hook below instead
        _MINE.append(self)

    def _check_open(self):
        if self._broken:
            raise executor.BrokenExecutor(self._broken)
        if self._shutdown:  # BUG: the interpreter's exit is no reason to refuse
            raise RuntimeError("cannot submit after shutdown")


def _drain_at_exit():  # pragma: no cover (at an interpreter's exit)
    for pool in _MINE:
        if pool._shutdown or type(pool._work) is not executor._CONDITION:
            continue  # as the reference's hook: nothing to wait for, or made by the controlled scheduler
        with pool._work:  # a worker turning idle notifies nobody: look again every 10 ms
            while pool._queue or pool._idle < sum(worker.is_alive() for worker in pool._workers):
                pool._work.wait(0.01)
        pool.shutdown(wait=True)


threading._register_atexit(_drain_at_exit)

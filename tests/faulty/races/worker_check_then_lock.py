"""Injects: an idle worker tests whether there is work before taking the executor's lock, then waits under it
(check-then-lock). A submit() between the test and the wait queues its call and notifies nobody — the worker is not
counted idle yet, and no new worker starts once there are max_workers — so the call never starts; a shutdown()
between them is missed the same way, and shutdown(wait=True) never returns.

Window: from the `if not (...)` test of `_next_call` to the `with self._work:` line under it (once the worker holds
the lock, submit() waits for it to be waiting). One thread at a time nothing is submitted in between."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-START-1", "EXEC-SHUTDOWN-4"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _next_call(self):
        while True:
            if not (self._queue or self._shutdown or self._broken):  # BUG: tested outside the lock
                with self._work:
                    self._idle += 1
                    self._work.wait()
                    self._idle -= 1
            with self._work:
                if self._queue:
                    return self._queue.popleft()
                if self._shutdown or self._broken:
                    return None

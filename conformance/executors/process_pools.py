"""The executor machine's process-pool scenarios: workers replaced after max_tasks_per_child calls and the values
refused (EXEC-TASKS-1/2), the start method mp_context chooses, as a call in a worker can tell it (EXEC-CONTEXT-1),
and the other workers of a pool a dying worker broke, gone once its shutdown() has returned (EXEC-BROKEN-6). Each
starts processes of its own, the slowest thing the suite does, so the tour takes each once per run and the random
search never does.
"""
import collections
import functools
import multiprocessing
import os
import sys
import uuid

from ..gates import Release
from ..judging import judged
from . import workers
from .model import Starts
from .scenarios import _results

TASKS, CALLS = 2, 5  # one worker, at most 2 calls each: 5 calls need 3 workers (and more than one replacement)
# What a call sees of its worker under each start method: (the parent's module state, the parent as its parent).
ORIGINS = {"fork": (True, True), "spawn": (False, True), "forkserver": (False, False)}
# Forking a process that runs threads (the suite does) can deadlock the child: CPython warns of it from 3.12.
FORK_CHECKED = sys.version_info < (3, 12)


class ProcessPoolScenarios:
    """A mixin for ExecutorMachine (its adapter, new_executor(), call(), expect(), discard(), judge_broken())."""

    @judged
    def worker_replaced(self):
        """EXEC-TASKS-2: max_tasks_per_child 0 and -1 are refused; EXEC-TASKS-1: five calls on one worker that may
        run two each all finish, no worker running more than two (judged last: a pool that does not replace its
        worker hangs there)."""
        if not self.applies("EXEC-TASKS-1"):
            return
        for bad in (0, -1):
            what = f"the adapter's new_executor(1, max_tasks_per_child={bad})"
            call = self.call(None, what, "EXEC-TASKS-2",
                             functools.partial(self.adapter.new_executor, max_tasks_per_child=bad), 1)
            if not call.raised:
                self.discard(call.value, [])
            self.expect("EXEC-TASKS-2", isinstance(call.error, ValueError),
                        lambda: f"{what} {call.describe()}; expected ValueError")
        executor = self.new_executor(1, clause="EXEC-TASKS-1", max_tasks_per_child=TASKS)
        try:
            what = (f"{CALLS} calls submitted at once to an executor made with max_workers=1 and "
                    f"max_tasks_per_child={TASKS}, each naming its worker")
            call = self.call(None, what, "EXEC-TASKS-1", _results, executor, workers.worker_token, range(CALLS),
                             extra=self.adapter.executor_startup)
            runs = sorted(collections.Counter(call.value or ()).values(), reverse=True)
            self.expect("EXEC-TASKS-1", not call.raised and runs[0] <= TASKS,
                        lambda: f"{what}: {call.describe() if call.raised else f'workers ran {runs} calls'}; "
                                f"expected at most {TASKS} each")
        finally:
            self.discard(executor, [])

    @judged
    def crash_ends_workers(self):
        """EXEC-BROKEN-6: two calls run on the two workers of a pool and one worker dies; once the other call's future
        has failed and shutdown(wait=True) has returned (judge_broken), the other worker's process has ended too.
        No call is cancelled here, unlike broken_by_crash: before 3.12 CPython's manager thread dies at a cancelled
        future before it terminates the workers (EXEC-BROKEN-2's deviation). A third call is queued once both run,
        as broken_by_crash queues its five: without it CPython's pool (3.11, 3.12, spawn) now and then missed the
        worker's death for seconds in this scenario (not analysed further)."""
        if not self.applies("EXEC-BROKEN-6"):
            return
        executor = self.new_executor(2)
        calls = [self.new_call() for _ in range(3)]
        try:
            self.submit_all(executor, calls[:2])
            if not self.watchdog.wait("EXEC-START-1", Starts(calls[:2], 2), extra=self.adapter.executor_startup):
                self.fail("EXEC-START-1", "two calls submitted to an idle executor with two workers did not start")
            self.submit_all(executor, calls[2:])  # queued: see the note above
            process = getattr(calls[1].gate, "process", lambda: None)()  # a gate that cannot tell: nothing to judge
            calls[0].gate.release(Release("crash"))
            what = f"the worker running {calls[0]} died while {calls[1]} ran on the other"
            self.judge_broken(executor, calls[1:], what, "EXEC-BROKEN-2")
            if process is not None:
                self.expect("EXEC-BROKEN-6", not _alive(process),
                            lambda: f"after {what}, the worker process running {calls[1]} (pid {process}) is still "
                                    "alive once shutdown(wait=True) has returned")
        finally:
            self.discard(executor, calls)

    @judged
    def start_methods(self):
        """EXEC-CONTEXT-1: for each start method, a call in a worker of an executor made with that context tells
        whether it sees a mark this process set just before (fork only) and whether its parent is this process
        (not under forkserver)."""
        if not self.applies("EXEC-CONTEXT-1"):
            return
        for method in multiprocessing.get_all_start_methods():
            if method not in ORIGINS or (method == "fork" and not FORK_CHECKED):
                continue
            workers.MARK = uuid.uuid4().hex
            context = multiprocessing.get_context(method)
            executor = self.new_executor(1, clause="EXEC-CONTEXT-1", mp_context=context)
            try:
                what = f"a call on an executor made with mp_context=multiprocessing.get_context({method!r})"
                call = self.call(None, what, "EXEC-CONTEXT-1", _results, executor, workers.origin, [workers.MARK],
                                 extra=2 * self.adapter.executor_startup)  # forkserver: the server starts first
                seen = None if call.raised else (call.value[0][0], call.value[0][1] == os.getpid())
                self.expect("EXEC-CONTEXT-1", seen == ORIGINS[method],
                            lambda: f"{what} {call.describe() if call.raised else _origin(seen)}; expected "
                                    f"{_origin(ORIGINS[method])}")
            finally:
                self.discard(executor, [])


def _alive(pid):
    """Whether process `pid` still runs: a zombie (ended, not yet waited for) does not."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return True  # no /proc: a process that answers signals is alive


def _origin(seen):
    inherited, child = seen
    return (f"{'saw' if inherited else 'did not see'} the module state of the process that made the executor, and "
            f"{'had' if child else 'did not have'} it as its parent")


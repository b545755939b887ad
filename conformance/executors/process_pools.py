"""The executor machine's process-pool scenarios: workers replaced after max_tasks_per_child calls and the values
refused (EXEC-TASKS-1/2), and the start method mp_context chooses, as a call in a worker can tell it
(EXEC-CONTEXT-1). Each starts processes of its own, the slowest thing the suite does, so the tour takes each once
per run and the random search never does.
"""
import collections
import functools
import multiprocessing
import os
import sys
import uuid

from ..judging import judged
from . import workers
from .scenarios import _results

TASKS, CALLS = 2, 5  # one worker, at most 2 calls each: 5 calls need 3 workers (and more than one replacement)
# What a call sees of its worker under each start method: (the parent's module state, the parent as its parent).
ORIGINS = {"fork": (True, True), "spawn": (False, True), "forkserver": (False, False)}
# Forking a process that runs threads (the suite does) can deadlock the child: CPython warns of it from 3.12.
FORK_CHECKED = sys.version_info < (3, 12)


class ProcessPoolScenarios:
    """A mixin for ExecutorMachine (its adapter, new_executor(), call(), expect(), discard())."""

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


def _origin(seen):
    inherited, child = seen
    return (f"{'saw' if inherited else 'did not see'} the module state of the process that made the executor, and "
            f"{'had' if child else 'did not have'} it as its parent")


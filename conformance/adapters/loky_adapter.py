"""`loky` (the reusable executor of `loky.get_reusable_executor()`) and `loky-process` (`loky.ProcessPoolExecutor`):
joblib's process pool, checked as installed from PyPI by `tox -e loky`.

loky re-exports the standard library's wait() and as_completed() and grew its ProcessPoolExecutor from CPython's,
so it inherits CPython's deviations; each is reproduced with loky alone by a script in results/repro/loky/. Its
shutdown() has no cancel_futures parameter (no upstream issue found): the adapters do not declare
`cancel-futures`, so EXEC-SHUTDOWN-3 is not applicable. Its own departures: submit(self, fn, ...) takes no keyword
named fn (EXEC-SUBMIT-4), and its Future is the standard library's (CF-RESULT-3 before 3.13.4).

shutdown(wait=True) holds a lock global to loky (process_executor._global_shutdown_lock) while it waits, so a
shutdown(wait=True) of one executor waits for another's; the suite's examples each shut their executors down, so
this is not a verdict. get_reusable_executor() keeps one executor per thread and shuts the previous one down when
the arguments change (initializer, max_workers=None), which the scenarios' fresh executors rely on.
"""
from ..adapter import Deviation
from . import requires
from .cf_module import ModuleAdapter
from .stdlib import CANCEL_NOT_NOTIFIED, FALSY_EXCEPTION_SWALLOWED, shared

REPRO = "results/repro/loky/"


def _deviation(clause, reason, issue):
    return Deviation(f"{reason} (reproduced with loky alone by {REPRO}{clause}.py)", issue)


DEVIATIONS = {
    **shared({**CANCEL_NOT_NOTIFIED, **FALSY_EXCEPTION_SWALLOWED}, "loky",
             "re-exports concurrent.futures' Future, wait() and as_completed()", REPRO),
    "EXEC-RUN-2": _deviation("EXEC-RUN-2", "loky marks the calls it moves into its call queue RUNNING before a "
                             "worker starts them, as CPython's process pool does, so they cannot be cancelled; no "
                             "loky issue found, CPython's is", "https://github.com/python/cpython/issues/81457"),
    "EXEC-MAP-4": _deviation("EXEC-MAP-4", "for the same reason, closing map()'s iterator does not cancel the calls "
                             "in loky's call queue, and they run; no loky issue found, CPython's is",
                             "https://github.com/python/cpython/issues/81457"),
    "EXEC-SUBMIT-4": _deviation("EXEC-SUBMIT-4", "submit() is `submit(self, fn, *args, **kwargs)`, CPython's signature "
                                "before 3.9 (bpo-36492): a keyword argument named fn collides with the callable "
                                "(TypeError) and submit(fn=f) is accepted; no loky issue found",
                                "https://bugs.python.org/issue36492"),
}


class LokyProcessAdapter(ModuleAdapter):
    """loky.ProcessPoolExecutor, constructed anew for every executor the suite asks for."""

    def __init__(self, name="loky-process"):
        loky = requires.library("loky", name, env="loky")
        super().__init__(loky, name, loky.ProcessPoolExecutor, deviations=DEVIATIONS)


class LokyReusableAdapter(LokyProcessAdapter):
    """The executor loky.get_reusable_executor() hands out: one per process, resized or replaced on demand. The
    suite shuts every executor down at the end of an example, so the next example gets a new one."""

    def __init__(self):
        super().__init__("loky")
        self.get_reusable_executor = self.module.get_reusable_executor

    def new_executor(self, max_workers, initializer=None, initargs=()):
        return self.get_reusable_executor(max_workers=max_workers, initializer=initializer, initargs=initargs)

    def describe(self):
        description = dict(super().describe())
        description["notes"] = [*description.get("notes", ()), "executors made by loky.get_reusable_executor()"]
        return description

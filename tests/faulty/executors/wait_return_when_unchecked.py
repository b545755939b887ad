"""Injects: wait() takes a return_when it does not know for ALL_COMPLETED, where it should refuse it: a typo in the
caller's code blocks until every future is done."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-INPUT-4"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def wait(self, fs, timeout=None, return_when=executor.ALL_COMPLETED):
        if return_when not in (executor.FIRST_COMPLETED, executor.FIRST_EXCEPTION):
            return_when = executor.ALL_COMPLETED  # BUG: anything else is ALL_COMPLETED
        return super().wait(fs, timeout, return_when)


wait, as_completed = Faulty().functions()

"""Injects: wait() never takes back the callback it put on each future, so a long-lived future given to wait() again
and again collects one callback per call (the reference before issue 11's clean-up clauses)."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-CLEAN-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def uninstall(self, fs, callback):
        if callback.__name__ == "notify":  # BUG: wait() leaves its callback on every future not done
            return
        super().uninstall(fs, callback)


wait, as_completed = Faulty().functions()

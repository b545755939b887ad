"""Injects: submit()'s callable is an ordinary parameter, as before Python 3.9, so a keyword argument named fn meant
for the call collides with it (TypeError), and submit(fn=f) is accepted."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-SUBMIT-4"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def submit(self, fn, *args, **kwargs):  # BUG: fn (and self) not positional-only
        return super().submit(fn, *args, **kwargs)

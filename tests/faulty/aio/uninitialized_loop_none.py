"""Injects: get_loop() of an instance whose __init__ never ran (a subclass that forgot super().__init__()) returns
None instead of raising RuntimeError, so the mistake surfaces later, far from its cause (CPython's pure-Python future
before bpo-38785)."""
from reference import aio_future as ref

VIOLATES = {"AIO-CLASS-2"}


class Future(ref.Future):
    def get_loop(self):
        return self._loop  # BUG: None when __init__ never ran

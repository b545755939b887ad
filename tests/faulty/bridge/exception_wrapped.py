"""Injects: an exception crossing the bridge is wrapped in a RuntimeError instead of being passed on as it is."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-WRAP-5", "BRIDGE-EXEC-2", "BRIDGE-RCT-3"}


class Faulty(Bridge):
    def convert(self, error):
        converted = super().convert(error)
        if converted is not error:
            return converted
        wrapped = RuntimeError(f"the bridge failed: {error!r}")  # BUG: the caller gets another exception
        wrapped.__cause__ = error
        return wrapped


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()

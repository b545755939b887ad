"""Injects: an outcome arriving after the asyncio future was cancelled is set anyway, so InvalidStateError is raised
in the loop (and reported to its exception handler)."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-CANCEL-3", "BRIDGE-EXEC-4"}


class Faulty(Bridge):
    def copy_to_asyncio(self, source, destination):
        if source.cancelled():
            destination.cancel()
        elif source.exception() is not None:  # BUG: no check that the destination was cancelled meanwhile
            destination.set_exception(self.convert(source.exception()))
        else:
            destination.set_result(source.result())


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()

"""Injects: a cancelled cf future leaves its asyncio wrapper PENDING forever (only results and exceptions cross)."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-CANCEL-1"}


class Faulty(Bridge):
    def copy_to_asyncio(self, source, destination):
        if source.cancelled():
            return  # BUG: the cancellation is dropped
        super().copy_to_asyncio(source, destination)


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()

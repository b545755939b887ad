"""Injects: TimeoutError is handled as if the version were the other one: up to 3.10 concurrent.futures' TimeoutError
is not converted to asyncio's; from 3.11 the (shared) TimeoutError is replaced by a new instance, as CPython 3.11 and
3.12 do (gh-117459)."""
import concurrent.futures
import sys

from reference.bridge import Bridge

VIOLATES = {"BRIDGE-EXC-2", "BRIDGE-EXC-3"}


class Faulty(Bridge):
    def convert(self, error):
        if type(error) is concurrent.futures.TimeoutError:
            return TimeoutError(*error.args) if sys.version_info >= (3, 11) else error  # BUG
        return super().convert(error)


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()

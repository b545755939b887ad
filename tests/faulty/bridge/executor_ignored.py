"""Injects: run_in_executor() ignores the executor it is given and runs the call in an executor of its own."""
import concurrent.futures

from reference.bridge import Bridge

VIOLATES = {"BRIDGE-EXEC-1"}
_DEFAULT = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="faulty-default")


class Faulty(Bridge):
    def run_in_executor(self, loop, executor, fn, *args):
        return self.wrap_future(_DEFAULT.submit(fn, *args), loop=loop)  # BUG: `executor` is not used


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()

"""Injects: `__exit__` returns True, so a `with executor:` block swallows the exception its body raised."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-SHUTDOWN-7"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def __exit__(self, *exc_info):
        super().__exit__(*exc_info)
        return True  # BUG: suppresses the body's exception

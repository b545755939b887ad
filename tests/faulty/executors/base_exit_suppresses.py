"""Injects: the abstract base's `__exit__` returns True, so a subclass that defines only submit() swallows the
exception of its `with` block's body (the module's own ThreadPoolExecutor, the reference's, is correct)."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-BASE-1"}
__getattr__ = from_reference


class Executor(executor.Executor):
    def __exit__(self, *exc_info):
        super().__exit__(*exc_info)
        return True  # BUG: suppresses the body's exception

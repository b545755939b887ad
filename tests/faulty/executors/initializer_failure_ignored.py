"""Injects: a failing initializer is logged and the worker goes on serving calls; the executor never breaks."""
import logging

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-BROKEN-1"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _break(self, reason):
        logging.getLogger(__name__).error("%s", reason)  # BUG: and the worker goes on serving calls

"""Injects: a failing initializer is logged and the worker goes on serving calls; the executor never breaks."""
import logging

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-BROKEN-1"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def __init__(self, max_workers, initializer=None, initargs=()):
        super().__init__(max_workers, initializer and _logging_failures(initializer), initargs)


def _logging_failures(initializer):
    def initialize(*args):
        try:
            initializer(*args)
        except BaseException:
            logging.getLogger(__name__).exception("initializer failed")  # BUG: and serves calls anyway
    return initialize

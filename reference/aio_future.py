"""A minimal Future of the asyncio profile (spec/asyncio.md), built on nothing from asyncio but the exceptions.

It works with `await` on a real event loop because it speaks the protocol asyncio's Task uses: the class attribute
`_asyncio_future_blocking`, `get_loop()`, and `add_done_callback(fn, context=...)`.
"""
import contextvars
import sys
import types
from asyncio import CancelledError, InvalidStateError

__all__ = ["Future", "CancelledError", "InvalidStateError"]

PENDING = "PENDING"
CANCELLED = "CANCELLED"
FINISHED = "FINISHED"


class Future:
    _asyncio_future_blocking = False  # asyncio.isfuture() and Task look for this attribute
    _unretrieved = False  # AIO-LOG-1: finished with an exception nobody has read yet
    _loop = None  # AIO-CLASS-2: what an instance whose __init__ never ran has
    __class_getitem__ = classmethod(types.GenericAlias)  # AIO-CLASS-3: Future[int]

    def __init__(self, *, loop):
        self._loop = loop
        self._state = PENDING
        self._result = None
        self._exception = None
        self._cancel_message = None
        self._callbacks = []  # (fn, context) pairs

    def get_loop(self):
        """AIO-LOOP-1; AIO-CLASS-2: a subclass that skipped __init__ has no loop."""
        if self._loop is None:
            raise RuntimeError("Future object is not initialized")
        return self._loop

    # Queries: CORE-QUERY-1..3.
    def done(self):
        return self._state != PENDING

    def cancelled(self):
        return self._state == CANCELLED

    # Consumer side.
    def result(self):
        """AIO-RESULT-1..3: never waits."""
        self._check_done("result")
        self._unretrieved = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        """AIO-RESULT-1..3."""
        self._check_done("exception")
        self._unretrieved = False
        return self._exception

    def cancel(self, msg=None):
        """AIO-CANCEL-1..3: only a PENDING future can be cancelled; the first message is kept."""
        self._unretrieved = False
        if self._state != PENDING:
            return False
        self._state = CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def add_done_callback(self, fn, *, context=None):
        """AIO-CB-1..3: queue the callback, or schedule it at once if the future is done; never call it here."""
        if context is None:
            context = contextvars.copy_context()
        if self._state == PENDING:
            self._callbacks.append((fn, context))
        else:
            self._loop.call_soon(fn, self, context=context)

    def remove_done_callback(self, fn):
        """AIO-CB-4: remove every registration of fn; say how many."""
        kept = [(f, ctx) for f, ctx in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        self._callbacks = kept
        return removed

    # Producer side.
    def set_result(self, result):
        """AIO-SET-1/2."""
        self._check_pending()
        self._result = result
        self._finish()

    def set_exception(self, exception):
        """AIO-SET-1..6."""
        self._check_pending()
        if isinstance(exception, type):
            exception = exception()
        if not isinstance(exception, BaseException):
            raise TypeError(f"set_exception() needs an exception, not {type(exception).__name__}")
        if isinstance(exception, StopIteration):
            exception = self._refuse_stop_iteration(exception)
        self._exception = exception
        self._unretrieved = True
        self._finish()

    def __del__(self):
        """AIO-LOG-1: an exception nobody retrieved goes to the loop's exception handler at collection."""
        if self._unretrieved:
            self._loop.call_exception_handler({"message": "Future exception was never retrieved",
                                               "exception": self._exception, "future": self})

    def __await__(self):
        """AIO-AWAIT-1/2: hand the Task this future to wait for (a Task resumes us from a done callback)."""
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")  # AIO-AWAIT-3: resumed by someone who did not wait
        return self.result()

    __iter__ = __await__

    # Internals.
    def _check_done(self, method):
        if self._state == CANCELLED:
            raise CancelledError() if self._cancel_message is None else CancelledError(self._cancel_message)
        if self._state == PENDING:
            raise InvalidStateError(f"{method}() of a pending future")

    def _check_pending(self):
        if self._state != PENDING:
            raise InvalidStateError(f"cannot complete a future that is {self._state}")

    @staticmethod
    def _refuse_stop_iteration(exception):
        """AIO-SET-5 (3.13+): wrap any StopIteration; AIO-SET-4 (up to 3.12): refuse exactly StopIteration."""
        if sys.version_info >= (3, 13):  # pragma: no cover (measured on 3.11; tox -e py313-reference runs it)
            wrapped = RuntimeError("StopIteration cannot be raised into a future")
            wrapped.__cause__ = exception
            return wrapped
        if type(exception) is StopIteration:
            raise TypeError("StopIteration cannot be raised into a future")
        return exception

    def _finish(self):
        self._state = FINISHED
        self._schedule_callbacks()

    def _schedule_callbacks(self):
        """AIO-CB-2: every callback goes to the loop, in registration order."""
        callbacks, self._callbacks = self._callbacks, []
        for fn, context in callbacks:
            self._loop.call_soon(fn, self, context=context)

"""Injects: set_result()/set_exception() store the outcome in one critical section and claim the state in a second
one, each testing the state under the lock. One completion racing another never both "win" — the second claim
raises InvalidStateError — but a loser that stores its outcome after the winner stored its own, and before the
winner claimed the state, leaves its outcome behind the winner's: the winner's set_result() returned, yet result()
returns the loser's value.

Window: two windows, one per completion — the winner's between its two `with` blocks, the loser's between its
store and its claim (where it raises). Both completions must be preempted inside them, in turn: the winner after
storing, the loser after storing; a completion that runs whole inside the other's window is harmless (its store
comes first and the other's overwrites it, or it claims first and the other's store finds the future finished). No
schedule with one preemption breaks it — the first race-only module that needs two (tests/test_scheduling.py)."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-ATOMIC-1", "CF-ATOMIC-4"}


class Future(ref.Future):
    def _finish(self, result, exception):
        with self._condition:
            if self._state not in ref._UNFINISHED:
                raise InvalidStateError(f"cannot complete a future that is {self._state}")
            self._result, self._exception = result, exception
        with self._condition:  # BUG: a second critical section; another completion may store its outcome in between
            if self._state not in ref._UNFINISHED:
                raise InvalidStateError(f"cannot complete a future that is {self._state}")
            self._state = ref.FINISHED
            callbacks = self._complete_locked()
        self._invoke(callbacks)

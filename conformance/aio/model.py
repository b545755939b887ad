"""The asyncio profile's transition table (spec/asyncio.md §1) as data, written from the spec like model.py."""
import enum
import sys
from dataclasses import dataclass
from typing import Any, Optional

from ..future.model import Transition


class AioState(enum.Enum):
    PENDING = "PENDING"
    CANCELLED = "CANCELLED"
    FINISHED = "FINISHED"


_P, _C, _F = AioState.PENDING, AioState.CANCELLED, AioState.FINISHED
TRANSITIONS = {
    ("cancel", _P): Transition("AIO-CANCEL-1", returns=True, next=_C, completes=True),
    ("cancel", _C): Transition("AIO-CANCEL-2", returns=False),
    ("cancel", _F): Transition("AIO-CANCEL-2", returns=False),
    ("set_result", _P): Transition("AIO-SET-1", returns=None, next=_F, completes=True),
    ("set_exception", _P): Transition("AIO-SET-1", returns=None, next=_F, completes=True),
    **{(op, s): Transition("AIO-SET-2", raises="InvalidStateError")
       for op in ("set_result", "set_exception") for s in (_C, _F)},
}


@dataclass(frozen=True)
class Refusal:
    """set_exception() of a PENDING future with an argument the spec refuses: it raises and the future stays."""

    clause: str
    raises: str


def refusal(kind) -> Optional[Refusal]:
    """What set_exception(<kind>) must raise on a PENDING future, if the spec refuses that argument."""
    if kind == "StopIteration" and sys.version_info < (3, 13):
        return Refusal("AIO-SET-4", "TypeError")
    if kind == "not-an-exception":
        return Refusal("AIO-SET-6", "TypeError")
    return None


@dataclass(frozen=True)
class AioRead:
    clause: str
    returns: Any = None
    raises: Any = None  # an exception object (identity) or the role of a class
    message: Any = None  # for a cancelled future: the cancellation message, if one was given


@dataclass
class LoopOutcome:
    """The state and outcome of a loop future, shared by the asyncio Future's model and the Task's."""

    state: AioState = AioState.PENDING
    result: Any = None
    exception: Optional[BaseException] = None

    @property
    def done(self):
        return self.state is not AioState.PENDING

    @property
    def cancelled(self):
        return self.state is AioState.CANCELLED


@dataclass
class AioModel(LoopOutcome):
    cancel_message: Any = None

    def step(self, operation) -> Transition:
        return TRANSITIONS[(operation, self.state)]

    def read(self, method) -> AioRead:
        if self.state is AioState.PENDING:
            return AioRead("AIO-RESULT-2", raises="InvalidStateError")
        if self.state is AioState.CANCELLED:
            return AioRead("AIO-RESULT-3", raises="CancelledError", message=self.cancel_message)
        if method == "exception":
            return AioRead("AIO-RESULT-1", returns=self.exception)
        if self.exception is not None:
            return AioRead("AIO-RESULT-1", raises=self.exception)
        return AioRead("AIO-RESULT-1", returns=self.result)

"""The spec's transition table (spec/future.md §2) as data: what every operation must do in every state.

The conformance machine asks this model what to expect and compares the implementation's answer. It is written
from the spec, never from reference/, so the reference and the model check each other.
"""
import enum
import itertools
from dataclasses import dataclass, field, replace
from typing import Any, Optional


class State(enum.Enum):
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    CANCELLED = "CANCELLED"
    CANCELLED_AND_NOTIFIED = "CANCELLED_AND_NOTIFIED"
    FINISHED = "FINISHED"


UNFINISHED = frozenset({State.PENDING, State.RUNNING})
CANCELLED = frozenset({State.CANCELLED, State.CANCELLED_AND_NOTIFIED})
DONE = frozenset(State) - UNFINISHED


@dataclass(frozen=True)
class Transition:
    """The spec's prescription for one operation in one state."""

    clause: str
    returns: Any = None
    raises: Optional[str] = None  # the role of the exception class that must be raised ("Exception", ...)
    exact: Optional[tuple] = None  # (clause, role): the more specific class, prescribed by its own clause
    next: Optional[State] = None  # None: the state is unchanged
    completes: bool = False


def _fail(clause, exact):
    return Transition(clause, raises="Exception", exact=exact)


_S = State
TRANSITIONS = {
    ("cancel", _S.PENDING): Transition("CF-CANCEL-1", returns=True, next=_S.CANCELLED, completes=True),
    ("cancel", _S.RUNNING): Transition("CF-CANCEL-2", returns=False),
    ("cancel", _S.FINISHED): Transition("CF-CANCEL-3", returns=False),
    ("cancel", _S.CANCELLED): Transition("CF-CANCEL-4", returns=True),
    ("cancel", _S.CANCELLED_AND_NOTIFIED): Transition("CF-CANCEL-4", returns=True),
    ("set_running_or_notify_cancel", _S.PENDING): Transition("CF-SRNC-1", returns=True, next=_S.RUNNING),
    ("set_running_or_notify_cancel", _S.CANCELLED): Transition("CF-SRNC-2", returns=False,
                                                         next=_S.CANCELLED_AND_NOTIFIED),
    **{("set_running_or_notify_cancel", s): _fail("CF-SRNC-3", ("CF-SRNC-4", "RuntimeError"))
       for s in (_S.RUNNING, _S.CANCELLED_AND_NOTIFIED, _S.FINISHED)},
    **{("set_result", s): Transition("CF-SET-1", returns=None, next=_S.FINISHED, completes=True) for s in UNFINISHED},
    **{("set_exception", s): Transition("CF-SET-2", returns=None, next=_S.FINISHED, completes=True)
       for s in UNFINISHED},
    **{(op, s): _fail("CF-SET-3", ("CF-SET-4", "InvalidStateError"))
       for op in ("set_result", "set_exception") for s in DONE},
}


@dataclass(frozen=True)
class Read:
    """What result()/exception() must do in a state: return, raise, block, or time out."""

    clause: str
    returns: Any = None
    raises: Any = None  # an exception object (identity), or the role of a class ("CancelledError", ...)
    blocks: bool = False
    times_out: bool = False


@dataclass
class FutureModel:
    """One future as the spec sees it: its state and outcome."""

    state: State = State.PENDING
    result: Any = None
    exception: Optional[BaseException] = None

    @property
    def done(self) -> bool:
        return self.state in DONE

    @property
    def cancelled(self) -> bool:
        return self.state in CANCELLED

    @property
    def running(self) -> bool:
        return self.state is State.RUNNING

    def step(self, operation) -> Transition:
        return TRANSITIONS[(operation, self.state)]

    def apply(self, operation, argument=None) -> Transition:
        """Perform an operation on the model; return what the spec prescribes for it."""
        step = self.step(operation)
        if step.next is not None:
            self.state = step.next
        if operation == "set_result" and step.completes:
            self.result = argument
        if operation == "set_exception" and step.completes:
            self.exception = argument
        return step

    def read(self, method, timeout) -> Read:
        """What result(timeout) or exception(timeout) must do now."""
        if self.state in CANCELLED:
            return Read("CF-RESULT-2" if method == "result" else "CF-EXC-2", raises="CancelledError")
        if self.state is State.FINISHED:
            if method == "exception":
                return Read("CF-EXC-1", returns=self.exception)
            if self.exception is not None:  # an exception whose truth value is False is still raised: CF-RESULT-3
                return Read("CF-RESULT-1" if self.exception else "CF-RESULT-3", raises=self.exception)
            return Read("CF-RESULT-1", returns=self.result)
        if timeout is None:
            return Read("CF-BLOCK-1", blocks=True)
        return Read("CF-TIMEOUT-1" if timeout <= 0 else "CF-TIMEOUT-2", raises="TimeoutError", times_out=True)


@dataclass(frozen=True)
class Linearization:
    """One serial order of racing operations: what each returned (or whether it raised) and the final model."""

    outcomes: tuple
    final: FutureModel = field(compare=False)
    completer: Optional[int] = None  # index of the operation that completed the future, if any


def linearizations(model, operations):
    """Every outcome the spec allows when `operations` race: one per serial order (CF-ATOMIC-1..3)."""
    results = []
    for order in itertools.permutations(range(len(operations))):
        final = replace(model)
        outcomes = [None] * len(operations)
        completer = None
        for index in order:
            operation, argument = operations[index]
            if operation == "add_done_callback":
                outcomes[index] = "completer" if not final.done else "immediate"
                continue
            step = final.apply(operation, argument)
            outcomes[index] = "raises" if step.raises else step.returns
            if step.completes:
                completer = index
        results.append(Linearization(tuple(outcomes), final, completer))
    return results

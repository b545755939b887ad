"""The task profile's model (spec/tasks.md): where a task's coroutine is, what its next step will deliver, and
what that step makes of the task, written from the spec like model.py and aio_model.py.

The machine completes the futures the coroutine awaits and makes cancel requests; the model says, for each loop
iteration, what the coroutine must see and what the task must become.
"""
import enum
import sys
from dataclasses import dataclass, field
from typing import Any, List, Optional

from ..aio.model import AioRead, AioState, LoopOutcome

WITHDRAWING_UNCANCEL = sys.version_info >= (3, 13)  # TASK-COUNT-3; before, TASK-COUNT-4


class Phase(enum.Enum):
    NEW = "not started"  # its first step is scheduled
    WAITING = "suspended"  # on a pending future
    READY = "about to resume"  # the future it awaited is done (or was cancelled): its next step is scheduled
    OVER = "ended"


@dataclass(frozen=True)
class Order:
    """What the coroutine does next: `return` value, `raise` value, `await` a new future, or (with a CancelledError)
    let it `propagate`. An order is what an awaited future delivers (its result, or for `raise` the exception it
    raises into the coroutine), or what the coroutine does with a CancelledError."""

    kind: str
    value: Any = None


@dataclass(frozen=True)
class CoroutineStep:
    """What the next step must do: `clause` is the clause at stake, `first` whether it is the coroutine's first
    step, `starts` whether the coroutine's code runs at all, `cancelled` whether its await raises CancelledError
    (carrying `message` if `checks_message`: exactly one request was made), `order` what the coroutine then does."""

    clause: str
    base: str = ""  # the clause at stake had uncancel() not met the request (`clause` is then TASK-COUNT-3/4)
    first: bool = False
    starts: bool = True
    cancelled: bool = False
    message: Any = None
    checks_message: bool = False
    order: Optional[Order] = None


@dataclass
class TaskModel(LoopOutcome):
    phase: Phase = Phase.NEW
    order: Optional[Order] = None  # what the awaited future delivered, once it is done
    on_cancel: Order = Order("propagate")  # what the coroutine does with a CancelledError
    passed_on: bool = False  # a request cancelled the awaited future
    must_cancel: bool = False  # a request waits for the next step
    messages: List[Any] = field(default_factory=list)  # of the requests since the last step
    count: int = 0  # cancelling()
    uncancelled: bool = False  # uncancel() met a request waiting for the next step (TASK-COUNT-3, TASK-COUNT-4)

    def cancel(self, msg):
        """A request (TASK-CANCEL-1..3): True when the task was not done; whether it cancels the awaited future."""
        if self.done:
            return False
        self.count += 1
        self.messages.append(msg)
        if self.phase is Phase.WAITING:
            self.passed_on = True
            self.phase = Phase.READY
        else:
            self.must_cancel = True
        return True

    def uncancel(self):
        if self.count > 0:
            self.count -= 1
            if self.must_cancel and (self.count == 0 or not WITHDRAWING_UNCANCEL):
                self.uncancelled = True
            if self.count == 0 and WITHDRAWING_UNCANCEL:
                self.must_cancel = False
        return self.count

    def awaited_done(self, order):
        """The future the coroutine awaits completed: the order is delivered at the next step."""
        self.order = order
        self.phase = Phase.READY

    def next_step(self) -> Optional[CoroutineStep]:
        """What the coroutine must do at the next loop iteration, or None if it must not run."""
        withdrawal = ("TASK-COUNT-3" if WITHDRAWING_UNCANCEL else "TASK-COUNT-4") if self.uncancelled else None
        if self.phase is Phase.NEW:
            if self.must_cancel:
                return CoroutineStep(withdrawal or "TASK-CANCEL-5", "TASK-CANCEL-5", True, starts=False, cancelled=True)
            return CoroutineStep(withdrawal or "TASK-RUN-1", "TASK-RUN-1", True, order=Order("await"))
        if self.phase is not Phase.READY:
            return None
        if self.passed_on or self.must_cancel:
            return CoroutineStep(withdrawal or "TASK-CANCEL-2", "TASK-CANCEL-2", cancelled=True,
                        message=self.messages[0] if self.messages else None, checks_message=len(self.messages) == 1,
                        order=self.on_cancel)
        return CoroutineStep(withdrawal or "TASK-RUN-2", "TASK-RUN-2", order=self.order)

    def take(self, step):
        """Apply a step the coroutine took: the task ends, or the coroutine awaits a new future."""
        self.passed_on = self.must_cancel = self.uncancelled = False
        self.messages = []
        self.order = None
        if not step.starts or step.order.kind == "propagate":
            self.state, self.phase = AioState.CANCELLED, Phase.OVER
        elif step.order.kind == "await":
            self.phase = Phase.WAITING
        elif step.order.kind == "return":
            self.state, self.phase, self.result = AioState.FINISHED, Phase.OVER, step.order.value
        else:
            self.state, self.phase, self.exception = AioState.FINISHED, Phase.OVER, step.order.value

    def read(self, method) -> AioRead:
        if self.state is AioState.PENDING:
            return AioRead("TASK-RESULT-2", raises="InvalidStateError")
        if self.state is AioState.CANCELLED:
            return AioRead("TASK-CANCEL-4", raises="CancelledError")
        if method == "exception":
            return AioRead("TASK-RESULT-1", returns=self.exception)
        if self.exception is not None:
            return AioRead("TASK-RESULT-1", raises=self.exception)
        return AioRead("TASK-RESULT-1", returns=self.result)

"""The wait machine's fixed scenarios: what needs futures of its own and one thread that does everything in a set
order (the consumer of as_completed() busy between two next() calls, a next() after the TimeoutError, a wait() given
a return_when it cannot know), and what is judged by the futures' lifetimes (WAIT-CLEAN-1, ASCOMP-CLEAN-1).

Each scenario runs as one function under the watchdog and hands back only plain values (indices, counts), so that
nothing of the suite — a CallResult holding a pair of sets, a traceback holding a frame — keeps the futures alive
while their weak references are read. The tour takes the scenarios; replay snippets call them by name.
"""
import gc
import types

from ..collecting import collect, weak
from ..judging import judged


class WaitScenarios:
    """A mixin for WaitMachine (its adapter, call(), expect())."""

    @judged
    def busy_consumer(self):
        """ASCOMP-ORDER-2: f1 done, next() yields it; then f4 and f2 finish (f2 with an exception) while the consumer
        is busy: the next two next() give f4 then f2; then f3 finishes and is yielded, and the iterator ends."""
        seconds = self.limits.short_timeouts[-1]
        what = (f"as_completed([f1, f2, f3, f4], timeout={seconds}): f1 done, next(); f4 then f2 finish; next(), "
                "next(); f3 finishes; next(), next()")
        call = self.call(None, what, "ASCOMP-ORDER-2", _busy_consumer, self.adapter, seconds, extra=seconds)
        expected = ["f1", "f4", "f2", "f3", "StopIteration"]
        self.expect("ASCOMP-ORDER-2", not call.raised and call.value == expected,
                    lambda: f"{what} gave {call.value if not call.raised else call.describe()}; expected {expected}")

    @judged
    def after_timeout(self):
        """ASCOMP-TIMEOUT-4: once next() has raised TimeoutError, the iterator is finished, even when the future it
        timed out on is done by the next next()."""
        what = "as_completed([f1, f2], timeout=0) with f1 done: next(), next(), f2 finishes, next()"
        call = self.call(None, what, "ASCOMP-TIMEOUT-4", _after_timeout, self.adapter)
        if call.raised or call.value[1] != "TimeoutError":
            return  # ASCOMP-TIMEOUT-1's, judged by the machine's own rules
        self.expect("ASCOMP-TIMEOUT-4", call.value[2] == "StopIteration",
                    lambda: f"{what} gave {call.value}; after the TimeoutError the iterator must be exhausted")

    @judged
    def invalid_return_when(self):
        """WAIT-INPUT-4: wait() on a future not done, with a return_when none of the three, raises ValueError (a
        zero timeout, so that one that accepts it does not block)."""
        what = "wait([f1], timeout=0, return_when='ALL_OF_THEM') with f1 not done"
        call = self.call(None, what, "WAIT-INPUT-4", _invalid_return_when, self.adapter)
        self.expect("WAIT-INPUT-4", isinstance(call.error, ValueError),
                    lambda: f"{what} {call.describe()}; expected ValueError")

    @judged
    def left_behind(self):
        """WAIT-CLEAN-1, ASCOMP-CLEAN-1: each way a call can end, twice after a first time, on a long-lived future
        that stays pending: afterwards it holds no more objects than after the first time, and the call's other
        futures (and the iterator) die once dropped."""
        for clause, what, use in USES:
            if not self.applies(clause):
                continue
            call = self.call(None, what, clause, _left_behind, self.adapter, use)
            if call.raised:
                self.expect(clause, False, lambda: f"{what} {call.describe()}")
                continue
            alive, grown = call.value
            self.expect(clause, not alive and grown <= 0,
                        lambda: f"{what}, twice, with a future f0 that stays pending: afterwards "
                                + ", ".join(([f"{', '.join(alive)} still alive once dropped"] if alive else []) +
                                            ([f"f0 references {grown} objects more"] if grown > 0 else [])))


def _wait_timeout(adapter, keeper, others):
    adapter.wait([keeper, *others], 0, "ALL_COMPLETED")


def _wait_first_exception(adapter, keeper, others):
    adapter.wait([keeper, *others], 0, "FIRST_EXCEPTION")


def _as_completed_closed(adapter, keeper, others, close=True):
    """next() yields the future done before the call; the other one finishes, is not yielded, and the iterator is
    closed (or dropped). Returns a weak reference to the iterator."""
    iterator = adapter.as_completed([keeper, *others])
    next(iterator)
    adapter.set_result(others[1], _Payload())
    if close:
        iterator.close()
    return weak(iterator)


def _as_completed_dropped(adapter, keeper, others):
    return _as_completed_closed(adapter, keeper, others, close=False)


def _as_completed_timeout(adapter, keeper, others):
    iterator = adapter.as_completed([keeper, *others], timeout=0)
    next(iterator)
    adapter.set_result(others[1], _Payload())
    try:
        for _ in iterator:
            pass
    except Exception:  # the TimeoutError: ASCOMP-TIMEOUT-1's to judge
        pass
    return weak(iterator)


USES = (("WAIT-CLEAN-1", "wait([f0, f1, f2], timeout=0) with f1 done", _wait_timeout),
        ("WAIT-CLEAN-1", "wait([f0, f1, f2], timeout=0, return_when=FIRST_EXCEPTION) with f1 done",
         _wait_first_exception),
        ("ASCOMP-CLEAN-1", "as_completed([f0, f1, f2]) with f1 done: next(), f2 finishes, close()",
         _as_completed_closed),
        ("ASCOMP-CLEAN-1", "as_completed([f0, f1, f2]) with f1 done: next(), f2 finishes, the iterator dropped",
         _as_completed_dropped),
        ("ASCOMP-CLEAN-1", "as_completed([f0, f1, f2], timeout=0) with f1 done: next(), f2 finishes, iterated to "
                           "its TimeoutError", _as_completed_timeout))


class _Payload:
    """A result a weak reference can follow."""




def _left_behind(adapter, use):
    """Which of the futures (and iterators) of `use` outlive being dropped, and how many objects more the long-lived
    future f0 references after two more uses than after the first."""
    keeper = adapter.new_future()
    _use_once(adapter, keeper, use)
    before = _holding(keeper)
    alive = _use_once(adapter, keeper, use) + _use_once(adapter, keeper, use)
    grown = _holding(keeper) - before
    adapter.set_result(keeper, None)
    return sorted(set(alive)), grown


def _use_once(adapter, keeper, use):
    others = [adapter.new_future(), adapter.new_future()]
    adapter.set_result(others[0], _Payload())
    refs = {"f1": weak(others[0]), "f2": weak(others[1]), "the iterator": use(adapter, keeper, others)}
    if not others[1].done():
        adapter.set_result(others[1], None)
    del others
    collect(*refs.values())
    return [name for name, ref in refs.items() if ref is not None and ref() is not None]


def _holding(root):
    """How many objects `root` references, directly or not: its lock, lists, waiters or callbacks and what they
    reference, without following classes, modules, code or a function's globals (which would reach everything)."""
    seen, stack = {id(root)}, [root]
    kept = [root]  # so that no id is reused while counting
    while stack:
        for referent in gc.get_referents(stack.pop()):
            if id(referent) in seen or isinstance(referent, (type, types.ModuleType, types.CodeType)):
                continue
            seen.add(id(referent))
            kept.append(referent)
            if not (isinstance(referent, dict) and "__builtins__" in referent):
                stack.append(referent)
    return len(seen)


def _busy_consumer(adapter, seconds):
    fs = [adapter.new_future() for _ in range(4)]
    names = {id(f): f"f{i + 1}" for i, f in enumerate(fs)}
    adapter.set_result(fs[0], None)
    iterator = adapter.as_completed(fs, timeout=seconds)
    got = [names.get(id(next(iterator)))]
    adapter.set_result(fs[3], None)
    adapter.set_exception(fs[1], ValueError("futurespec"))
    got += [names.get(id(next(iterator))), names.get(id(next(iterator)))]
    adapter.set_result(fs[2], None)
    got.append(names.get(id(next(iterator))))
    got.append(_next(iterator))
    return got


def _after_timeout(adapter):
    f1, f2 = adapter.new_future(), adapter.new_future()
    adapter.set_result(f1, None)
    iterator = adapter.as_completed([f1, f2], timeout=0)
    got = [_next(iterator), _next(iterator)]
    adapter.set_result(f2, None)
    got.append(_next(iterator))
    return got


def _next(iterator):
    """What next() did, as a word: the class of what it raised, or 'a future'."""
    try:
        next(iterator)
    except BaseException as error:  # an observation
        return type(error).__name__
    return "a future"


def _invalid_return_when(adapter):
    f1 = adapter.new_future()
    try:
        return adapter.wait([f1], 0, "ALL_OF_THEM")
    finally:
        adapter.set_result(f1, None)

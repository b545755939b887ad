"""Reference combinators: gather, shield, wait_for, wait, timeout and as_completed written from spec/combinators.md,
as the steps of one class that the faulty modules of tests/faulty/combinators/ override one at a time
(`Faulty().functions()` gives a module its functions, `Faulty().as_completed` its as_completed). Checked as
`reference-combinators`; unlike CPython's, it declares no deviation."""
import asyncio
import functools
import sys

from .task_group import TaskGroup  # noqa: F401 (a combinator of the module, as asyncio's)


class Gathering(asyncio.Future):
    """The gather: its cancel() cancels the children that are not done."""

    def __init__(self, children, loop, combinators):
        super().__init__(loop=loop)
        self.children = children
        self.combinators = combinators
        self.cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        took = self.combinators.cancel_children(self.children)
        if took:
            self.cancel_requested = True
        return took


def _release(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


class Combinators:
    # -- gather -------------------------------------------------------------------------------------------------

    def gather(self, *aws, return_exceptions=False):
        loop = asyncio.get_running_loop()
        children = [asyncio.ensure_future(aw) for aw in aws]
        outer = Gathering(children, loop, self)
        if not children:
            outer.set_result([])
            return outer
        finished = []
        for child in children:
            child.add_done_callback(functools.partial(self.child_done, outer, finished, return_exceptions))
        return outer

    def child_done(self, outer, finished, return_exceptions, child):
        finished.append(child)
        if outer.done():
            if not child.cancelled():
                child.exception()  # retrieved: nobody else will
            return
        if not return_exceptions and self.decides(child):
            outer.set_exception(self.as_exception(child))
            return
        if len(finished) == len(outer.children):
            if outer.cancel_requested:
                outer.set_exception(asyncio.CancelledError())
            else:
                outer.set_result(self.results(outer.children, finished))

    def decides(self, child):
        return child.cancelled() or child.exception() is not None

    def as_exception(self, child):
        return asyncio.CancelledError() if child.cancelled() else child.exception()

    def results(self, children, finished):
        return [self.as_exception(c) if self.decides(c) else c.result() for c in children]

    def cancel_children(self, children):
        return any([child.cancel() for child in children])  # a list: every child is cancelled

    # -- shield -------------------------------------------------------------------------------------------------

    def shield(self, aw):
        inner = asyncio.ensure_future(aw)
        if inner.done():
            return inner
        outer = inner.get_loop().create_future()

        def inner_done(inner):
            if outer.cancelled():
                if not inner.cancelled():
                    inner.exception()
                return
            self.pass_on(inner, outer)

        def outer_done(outer):
            self.shield_cancelled(inner, outer, inner_done)

        inner.add_done_callback(inner_done)
        outer.add_done_callback(outer_done)
        return outer

    def pass_on(self, inner, outer):
        if inner.cancelled():
            outer.cancel()
        elif inner.exception() is not None:
            outer.set_exception(inner.exception())
        else:
            outer.set_result(inner.result())

    def shield_cancelled(self, inner, outer, inner_done):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    # -- wait_for -----------------------------------------------------------------------------------------------

    async def wait_for(self, aw, timeout):
        loop = asyncio.get_running_loop()
        fut = asyncio.ensure_future(aw)
        if timeout is None:
            return await fut
        if timeout <= 0:
            return await self.zero_timeout(fut)
        waiter = loop.create_future()
        expired = []
        handle = loop.call_later(timeout, lambda: (expired.append(True), _release(waiter)))
        release = functools.partial(_release, waiter)
        fut.add_done_callback(release)
        try:
            try:
                await waiter
            except asyncio.CancelledError:
                fut.remove_done_callback(release)
                return await self.caller_cancelled(fut)
            fut.remove_done_callback(release)
            return await self.after_wake(fut, bool(expired))
        finally:
            handle.cancel()

    async def zero_timeout(self, fut):
        if fut.done():
            return fut.result()
        return await self.timed_out(fut)

    async def after_wake(self, fut, expired):
        if fut.done():
            return fut.result()
        return await self.timed_out(fut)

    async def caller_cancelled(self, fut):
        await self.cancel_and_wait(fut)
        raise asyncio.CancelledError()

    async def timed_out(self, fut):
        await self.cancel_and_wait(fut)
        if fut.cancelled():
            raise asyncio.TimeoutError()
        return fut.result()

    async def cancel_and_wait(self, fut):
        if fut.done():
            return
        waiter = fut.get_loop().create_future()
        release = functools.partial(_release, waiter)
        fut.add_done_callback(release)
        try:
            fut.cancel()
            await waiter
        finally:
            fut.remove_done_callback(release)

    # -- wait ---------------------------------------------------------------------------------------------------

    async def wait(self, aws, timeout=None, return_when="ALL_COMPLETED"):
        self.check_wait(aws, return_when)
        children = {asyncio.ensure_future(aw) for aw in aws}  # a coroutine reaching here: 3.9/3.10 wrap it
        loop = asyncio.get_running_loop()
        waiter = loop.create_future()
        handle = loop.call_later(timeout, _release, waiter) if timeout is not None else None

        def child_done(child):
            if self.wait_holds(children, return_when):
                _release(waiter)

        for child in children:
            child.add_done_callback(child_done)
        try:
            if not self.wait_holds(children, return_when):
                await waiter
        finally:
            if handle is not None:
                handle.cancel()
            for child in children:
                child.remove_done_callback(child_done)
        return self.split(children)

    def check_wait(self, aws, return_when):
        if asyncio.isfuture(aws) or asyncio.iscoroutine(aws):
            raise TypeError(f"wait() takes an iterable of futures, not {type(aws).__name__}")
        if sys.version_info >= (3, 11) and any(asyncio.iscoroutine(aw) for aw in aws):
            raise TypeError("wait() takes futures and tasks, not bare coroutines")
        if not aws:
            raise ValueError("wait() of no futures")
        if return_when not in ("FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"):
            raise ValueError(f"unknown return_when {return_when!r}")

    def wait_holds(self, children, return_when):
        done = [c for c in children if c.done()]
        if return_when == "FIRST_COMPLETED":
            return bool(done)
        if return_when == "FIRST_EXCEPTION" and any(not c.cancelled() and c.exception() is not None for c in done):
            return True
        return len(done) == len(children)

    def split(self, children):
        done = {c for c in children if c.done()}
        return done, children - done

    # -- timeout (3.11+: it needs Task.cancelling() and uncancel()) ------------------------------------------------

    def timeout(self, delay):
        loop = asyncio.get_running_loop()
        return Timeout(None if delay is None else loop.time() + delay, self)

    def timeout_at(self, when):
        return Timeout(when, self)

    def move(self, scope, when):
        """reschedule(): only in the block, before its deadline; a deadline already reached expires at once."""
        if scope.state != "entered":
            raise RuntimeError(f"reschedule() of a timeout that is {scope.state}")
        scope.deadline = when
        if scope.handle is not None:
            scope.handle.cancel()
            scope.handle = None
        if when is not None:
            scope.handle = asyncio.get_running_loop().call_at(when, scope.expire)

    def convert(self, scope, exc_type, exc):
        """Leaving an expired block: its own cancellation (no new request since) becomes TimeoutError."""
        if scope.task.uncancel() <= scope.cancelling and exc_type is asyncio.CancelledError:
            raise TimeoutError from exc

    def functions(self):
        return self.gather, self.shield, self.wait_for, self.wait, self.timeout

    # -- as_completed -------------------------------------------------------------------------------------------

    def as_completed(self, aws, timeout=None):
        if asyncio.isfuture(aws) or asyncio.iscoroutine(aws):
            raise TypeError(f"as_completed() takes an iterable of futures, not {type(aws).__name__}")
        return AsCompleted(self.distinct(aws), timeout, self)

    def distinct(self, aws):
        return {asyncio.ensure_future(aw) for aw in set(aws)}

    def expire(self, iterator):
        """The deadline: every child not yet given is given as TimeoutError instead (and left running)."""
        for child in iterator.todo:
            child.remove_done_callback(iterator.completed)
            iterator.ready.put_nowait(None)
        iterator.todo.clear()

    async def next_done(self, iterator):
        child = await iterator.ready.get()
        if child is None:
            raise asyncio.TimeoutError()
        return child

    async def resolve(self, item):
        """A plain iteration's item: the outcome of the next child to complete."""
        return (await item).result()


class Timeout:
    """`async with timeout(delay)`: cancels the task at the deadline, and converts that cancellation on leaving."""

    def __init__(self, when, combinators):
        self.deadline, self.combinators = when, combinators
        self.task = self.handle = None
        self.cancelling = 0
        self.state = "created"

    async def __aenter__(self):
        self.task = asyncio.current_task()
        self.cancelling = self.task.cancelling()
        self.state = "entered"
        self.reschedule(self.deadline)
        return self

    def when(self):
        return self.deadline

    def reschedule(self, when):
        self.combinators.move(self, when)

    def expire(self):
        self.task.cancel()
        self.state = "expiring"
        self.handle = None

    def expired(self):
        return self.state in ("expiring", "expired")

    async def __aexit__(self, exc_type, exc, traceback):
        if self.handle is not None:
            self.handle.cancel()
            self.handle = None
        if self.state == "expiring":
            self.state = "expired"
            self.combinators.convert(self, exc_type, exc)
        else:
            self.state = "exited"


class AsCompleted:
    """as_completed's iterator: `for` yields items giving the next outcome, `async for` the children themselves."""

    def __init__(self, todo, timeout, combinators):
        self.todo, self.left, self.combinators = todo, len(todo), combinators
        self.ready = asyncio.Queue()  # the children in the order they completed; None for a deadline's TimeoutError
        self.handle = None
        for child in todo:
            child.add_done_callback(self.completed)
        if todo and timeout is not None:
            self.handle = asyncio.get_running_loop().call_later(timeout, combinators.expire, self)

    def completed(self, child):
        if child not in self.todo:
            return  # the deadline came first
        self.todo.discard(child)
        self.ready.put_nowait(child)
        if not self.todo and self.handle is not None:
            self.handle.cancel()

    def __iter__(self):
        return self

    def __next__(self):
        if not self.left:
            raise StopIteration
        self.left -= 1
        return self.combinators.resolve(self.combinators.next_done(self))

    def __aiter__(self):  # pragma: no cover (3.13+: measured on 3.11; the 3.13 runs check it)
        return self

    async def __anext__(self):  # pragma: no cover (3.13+, likewise)
        if not self.left:
            raise StopAsyncIteration
        self.left -= 1
        return await self.combinators.next_done(self)


gather, shield, wait_for, wait, timeout = Combinators().functions()
as_completed, timeout_at = Combinators().as_completed, Combinators().timeout_at

"""The zoo's correct combinators: gather, shield and wait_for written from spec/combinators.md, each a class whose
steps the faulty modules override one at a time (`Faulty(...).functions()` gives the module its functions). It is
no faulty module (its name starts with "_"); tests/test_combinators.py holds it to passing the suite."""
import asyncio
import functools


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

    def functions(self):
        return self.gather, self.shield, self.wait_for


gather, shield, wait_for = Combinators().functions()

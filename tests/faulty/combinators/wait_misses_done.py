"""Injects: wait() listens only to the children still pending at the call and never looks at its condition then: when
the children already done satisfy it, nothing ever wakes it."""
import asyncio

from reference.combinators import Combinators, _release

VIOLATES = {"COMB-WAIT-1", "COMB-WAIT-2", "COMB-WAIT-3"}


class Faulty(Combinators):
    async def wait(self, aws, timeout=None, return_when="ALL_COMPLETED"):
        self.check_wait(aws, return_when)
        children = set(aws)
        loop = asyncio.get_running_loop()
        waiter = loop.create_future()
        handle = loop.call_later(timeout, _release, waiter) if timeout is not None else None

        def child_done(child):
            if self.wait_holds(children, return_when):
                _release(waiter)

        pending = [child for child in children if not child.done()]  # BUG: the done ones are not heard
        for child in pending:
            child.add_done_callback(child_done)
        try:
            await waiter
        finally:
            if handle is not None:
                handle.cancel()
            for child in pending:
                child.remove_done_callback(child_done)
        return self.split(children)


gather, shield, wait_for, wait, timeout = Faulty().functions()

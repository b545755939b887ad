"""Injects: a cf future completed after the loop closed makes the bridge raise into the completing thread (a
BaseException, which concurrent.futures' callback guard lets through), instead of dropping the outcome."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-CLOSED-1"}


class LoopClosed(BaseException):
    """Raised into the producer by this faulty bridge."""


class Faulty(Bridge):
    def on_cf_done(self, source, destination, loop):
        if loop.is_closed():
            raise LoopClosed("the loop of this bridge is closed")  # BUG: the producer's work was done
        super().on_cf_done(source, destination, loop)


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()

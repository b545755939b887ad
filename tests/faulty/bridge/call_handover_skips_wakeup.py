"""Injects: run_in_executor() hands the call's outcome from the executor's worker to the loop with call_soon() when
the loop is not running (no loop to wake, the bridge reasons: the loop will see its ready queue when it starts), and
with call_soon_threadsafe() only when it is. The test and the hand-over are not atomic: the loop may start and fall
asleep in select() between them, and then sleeps with the outcome queued and nobody waking it (BRIDGE-EXEC-2).

Window: between `loop.is_running()` and `loop.call_soon(...)`, in the executor's worker, while the loop's thread
enters run_until_complete(). Race-only: the BridgeMachine never runs the loop while a call ends (the loop is not
running, call_soon() is right then), so only the BridgeRaceMachine's `executor` kind, whose loop runs in its own
scenario thread while the worker runs, sees the lost wake-up."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-EXEC-2"}


class Faulty(Bridge):
    def hand_over(self, source, destination, loop):
        if loop.is_closed():
            return
        if loop.is_running():
            loop.call_soon_threadsafe(self.copy_to_asyncio, source, destination)
        else:  # BUG: the loop may start, and fall asleep, before the next line queues the outcome
            loop.call_soon(self.copy_to_asyncio, source, destination)

    def run_in_executor(self, loop, executor, fn, *args):
        future = executor.submit(fn, *args)
        destination = loop.create_future()
        destination.add_done_callback(lambda d: self.on_asyncio_done(d, future))
        future.add_done_callback(lambda s: self.hand_over(s, destination, loop))
        return destination


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()

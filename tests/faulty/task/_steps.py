"""The shared shape of the faulty Tasks that mishandle what a coroutine yields: a pure-Python Task that hands each
yielded value through `handle()` before acting on it, so each faulty module writes only its one wrong decision."""
import types
from asyncio import tasks


class StepHandlingTask(tasks._PyTask):
    def __init__(self, coro, *, loop=None, **kwargs):
        super().__init__(self._handled(coro), loop=loop, **kwargs)

    @types.coroutine
    def handle(self, step):
        """Yields what the Task acts on for `step`, the value the coroutine yielded, and returns what it sends back."""
        return (yield step)

    @types.coroutine
    def _handled(self, coro):
        value, error = None, None
        while True:
            try:
                step = coro.throw(error) if error is not None else coro.send(value)
            except StopIteration as stop:
                return stop.value
            try:
                value, error = (yield from self.handle(step)), None
            except BaseException as thrown:  # passed on to the coroutine, as a Task would
                value, error = None, thrown

"""Reference TaskGroup (3.11+: it needs Task.cancelling() and uncancel(), and ExceptionGroup), written from
spec/combinators.md §7 as small steps the faulty modules of tests/faulty/combinators/ override one at a time.
Exported by reference/combinators.py, so `reference-combinators` checks it with the other combinators."""
import asyncio


class TaskGroup:
    """`async with TaskGroup() as group`: members made by create_task(); the first failure cancels the others and the
    body; leaving waits for every member and raises the failures as one ExceptionGroup."""

    def __init__(self):
        self.state = "created"  # "entered", "exiting", "left"
        self.loop = self.parent = self.waiter = None
        self.members = set()
        self.errors = []
        self.aborting = False
        self.cancelled_parent = False  # the group itself cancelled the parent: it must take the request back

    async def __aenter__(self):
        self.loop, self.parent = asyncio.get_running_loop(), asyncio.current_task()
        self.state = "entered"
        return self

    def create_task(self, coro, *, name=None, context=None):
        if self.refuses():
            coro.close()
            raise RuntimeError(f"create_task() of a TaskGroup that is {self.state}"
                               f"{' and cancelling its members' if self.aborting else ''}")
        task = self.loop.create_task(coro, name=name, context=context)
        self.members.add(task)
        task.add_done_callback(self.member_done)
        return task

    def refuses(self):
        return self.state in ("created", "left") or (self.state == "exiting" and not self.members) or self.aborting

    def member_done(self, task):
        self.members.discard(task)
        if self.waiter is not None and not self.members and not self.waiter.done():
            self.waiter.set_result(None)
        if task.cancelled() or task.exception() is None:
            return
        self.errors.append(task.exception())
        if not self.aborting and not self.cancelled_parent and not self.parent.done():
            self.failed()

    def failed(self):
        """The first failure: cancel the other members, and the body."""
        self.abort()
        self.cancelled_parent = True
        self.parent.cancel()

    def abort(self):
        self.aborting = True
        for task in self.members:
            if not task.done():
                task.cancel()

    async def __aexit__(self, exc_type, exc, traceback):
        self.state = "exiting"
        cancelled = exc_type is not None and issubclass(exc_type, asyncio.CancelledError)
        propagate = exc if cancelled else None
        if exc_type is not None and not self.aborting:
            self.abort()
        while self.members:
            self.waiter = self.loop.create_future()
            try:
                await self.waiter
            except asyncio.CancelledError as error:
                if not self.aborting:
                    propagate = error
                    self.abort()
            self.waiter = None
        self.state = "left"
        if self.take_back():
            propagate = None
        if propagate is not None and not self.errors:
            raise propagate
        if exc_type is not None and not cancelled:
            self.errors.append(exc)
        if self.errors:
            errors, self.errors = self.errors, []
            raise BaseExceptionGroup("unhandled errors in a TaskGroup", errors) from None  # noqa: F821 (3.11+)

    def take_back(self):
        """Undo the group's own cancellation of the parent; True if no other request is left."""
        return self.cancelled_parent and self.parent.uncancel() == 0

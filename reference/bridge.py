"""The bridges between asyncio and concurrent.futures (spec/bridges.md), written out after asyncio.futures and
asyncio.tasks with 3.13's exception conversion: `wrap_future`, `run_coroutine_threadsafe` and `run_in_executor` as
functions of one `Bridge`, so that each faulty bridge in tests/faulty/bridge/ breaks exactly one of its steps."""
import asyncio
import concurrent.futures

# spec/bridges.md §5: the exception classes that differ between the two worlds (TimeoutError is one class from 3.11)
CONVERSIONS = {cf: aio for cf, aio in [(concurrent.futures.CancelledError, asyncio.CancelledError),
                                       (concurrent.futures.InvalidStateError, asyncio.InvalidStateError),
                                       (concurrent.futures.TimeoutError, asyncio.TimeoutError)] if cf is not aio}


class Bridge:
    def convert(self, error):
        """The exact cf classes with an asyncio counterpart are converted, with the same args; all else is kept."""
        target = CONVERSIONS.get(type(error))
        return error if target is None else target(*error.args)

    def copy_to_asyncio(self, source, destination):
        """In the loop's thread: give the asyncio future the cf future's outcome, unless it was cancelled."""
        if destination.cancelled():
            return
        if source.cancelled():
            destination.cancel()
        elif source.exception() is not None:
            destination.set_exception(self.convert(source.exception()))
        else:
            destination.set_result(source.result())

    def on_cf_done(self, source, destination, loop):
        """In the thread that completed the cf future: hand its outcome to the loop."""
        if loop.is_closed():
            return
        loop.call_soon_threadsafe(self.copy_to_asyncio, source, destination)

    def on_asyncio_done(self, destination, source):
        if destination.cancelled():
            source.cancel()

    def check_wrappable(self, future):
        if not isinstance(future, concurrent.futures.Future):
            raise TypeError(f"a concurrent.futures.Future is required, not {type(future).__name__}")

    def wrap_future(self, future, *, loop):
        if asyncio.isfuture(future):
            return future
        self.check_wrappable(future)
        destination = loop.create_future()
        destination.add_done_callback(lambda d: self.on_asyncio_done(d, future))
        future.add_done_callback(lambda s: self.on_cf_done(s, destination, loop))
        return destination

    def copy_to_cf(self, task, future):
        """In the loop's thread, when the task is done: give the cf future its outcome, unless it was cancelled."""
        if task.cancelled():
            future.cancel()
        if not future.set_running_or_notify_cancel():
            return
        if task.exception() is not None:
            future.set_exception(self.convert(task.exception()))
        else:
            future.set_result(task.result())

    def on_cf_cancelled(self, future, task, loop):
        if future.cancelled():
            loop.call_soon_threadsafe(task.cancel)

    def start(self, coro, future, loop):
        """In the loop's thread: run the coroutine as a task chained to the cf future."""
        task = loop.create_task(coro)
        task.add_done_callback(lambda t: self.copy_to_cf(t, future))
        future.add_done_callback(lambda f: self.on_cf_cancelled(f, task, loop))

    def run_coroutine_threadsafe(self, coro, loop):
        if not asyncio.iscoroutine(coro):
            raise TypeError("a coroutine object is required")
        future = concurrent.futures.Future()
        loop.call_soon_threadsafe(self.start, coro, future, loop)
        return future

    def run_in_executor(self, loop, executor, fn, *args):
        return self.wrap_future(executor.submit(fn, *args), loop=loop)

    def functions(self):
        """The three functions a `bridge-module:` module exposes."""
        return self.wrap_future, self.run_coroutine_threadsafe, self.run_in_executor


wrap_future, run_coroutine_threadsafe, run_in_executor = Bridge().functions()
